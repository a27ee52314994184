import { describe, expect, it } from "vitest";
import { pricePlan } from "./pricing";
import { compiled, day, makePost } from "./test-helpers";

const ot = (over = {}) => makePost({ id: "ot-1", role: "occupational-therapist", ...over });
const CAP_ID = (role: string) => `2025/26 maximum reimbursable amount: ${role} (all areas)`;

describe("every assumption given is reported, and one that changed nothing says so", () => {
  it("a cap for a role no post has: listed in overrides, with a warning", () => {
    const c = compiled("2025/26", { maxReimbursableAnnual: { dietitian: 50_000, "occupational-therapist": 60_000 } });
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [ot()] });
    expect(plan.overrides.map((f) => [f.id, f.value, f.status])).toEqual([
      [CAP_ID("dietitian"), 50_000, "override"],
      [CAP_ID("occupational-therapist"), 60_000, "override"],
    ]);
    expect(plan.warnings).toContain("The maximum reimbursable amount you gave for dietitian was not used: no dietitian post is in the plan.");
    expect(plan.warnings.filter((w) => w.includes("occupational-therapist"))).toEqual([]);
    // "figures" still means the figures used.
    expect(plan.figures.map((f) => f.id)).not.toContain(CAP_ID("dietitian"));
  });

  it("a cap for a role whose posts are all outside the year", () => {
    const c = compiled("2025/26", { maxReimbursableAnnual: { "occupational-therapist": 60_000 } });
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [ot({ startDay: day("2027-01-01") })] });
    expect(plan.overrides.map((f) => f.id)).toEqual([CAP_ID("occupational-therapist")]);
    expect(plan.warnings).toContain("The maximum reimbursable amount you gave for occupational-therapist was not used: no occupational-therapist post is in post during 2025/26.");
  });

  it("on-cost assumptions with no posts", () => {
    const c = compiled("2025/26", { employerNiRate: 0.1, employerNiThresholdAnnual: 6000, employerPensionRate: 0.2 });
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [] });
    expect(plan.overrides.map((f) => f.value)).toEqual([0.1, 6000, 0.2]);
    expect(plan.warnings).toEqual(
      expect.arrayContaining([
        "The employer NI rate you gave was not used: the plan has no posts.",
        "The employer NI threshold you gave was not used: the plan has no posts.",
        "The employer pension rate you gave was not used: the plan has no posts.",
      ]),
    );
  });

  it("assumptions that were used: listed, no warning", () => {
    const c = compiled("2025/26", { arrsRatePerWeightedPatient: 27, employerNiRate: 0.1, maxReimbursableAnnual: { "occupational-therapist": 60_000 } });
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [ot()] });
    expect(plan.overrides.map((f) => f.value)).toEqual([27, 0.1, 60_000]);
    expect(plan.warnings.filter((w) => w.includes("you gave"))).toEqual([]);
  });

  it("no assumptions: no overrides", () => {
    const plan = pricePlan(compiled("2025/26"), { weightedPopulation: 30_000, posts: [ot()] });
    expect(plan.overrides).toEqual([]);
  });
});
