import { describe, expect, it } from "vitest";
import { ScenarioBodySchema, type ScenarioBodyInput } from "@/lib/schemas/scenario";
import { computeScenario } from "./compute";
import { nextFinancialYear, rollForwardScenario, rolledForwardName } from "./roll-forward";
import type { PlannerContext } from "./types";

const ctx: PlannerContext = {
  pcn: { code: "UZ1001", name: "Demo PCN" },
  weightedPopulation: { value: 30_000, provenance: "given" },
  practices: [{ code: "Z90001", name: "A", weighted: 30_000, registered: 28_000 }],
  defaultArea: "national",
};

const fc = { hcpcRegistration: "done", stage1: "in-progress", stage2: "in-progress" } as const;

// A 2025/26 plan; the next year (2026/27) has its own rule table: AfC award 3.3%, doctors 3.5%.
const POSTS: ScenarioBodyInput["posts"] = [
  { id: "ot-step", label: "OT", status: "existing", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2024-06-01", nextPayStep: "2026-01-15" },
  { id: "pharm-later", label: "Pharmacist", status: "existing", role: "clinical-pharmacist", band: "7", point: 1, wte: 0.8, nextPayStep: "2026-09-01" },
  { id: "top", label: "Nurse", status: "existing", role: "nursing-associate", band: "4", point: 2, wte: 1, nextPayStep: "2025-12-01" },
  { id: "fcp-spot", label: "FCP", status: "proposed", role: "first-contact-physiotherapist", annualSalary: 33_333.33, wte: 0.6, start: "2025-10-01", firstContact: { ...fc, stage2SignOff: "2026-03-01" } },
  { id: "gp", label: "GP", status: "existing", role: "gp", annualSalary: 90_000, wte: 0.5 },
  { id: "fcot-new", label: "FCOT", status: "proposed", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01", firstContact: { ...fc } },
  { id: "fcot-2025", label: "FCOT since 2025", status: "existing", role: "occupational-therapist", band: "7", point: 2, wte: 1, start: "2025-01-01", firstContact: { ...fc } },
  { id: "leaver", label: "Leaves in February", status: "existing", role: "care-coordinator", band: "4", point: 1, wte: 1, end: "2026-02-28" },
  { id: "last-day", label: "Leaves on 1 April", status: "existing", role: "care-coordinator", band: "4", point: 1, wte: 1, end: "2026-04-01" },
  { id: "future", label: "From October", status: "proposed", role: "dietitian", band: "6", point: 1, wte: 1, start: "2026-10-01", end: "2027-09-30" },
];

const scenario = (extra: Partial<ScenarioBodyInput> = {}) =>
  ScenarioBodySchema.parse({ name: "Team plan", firstYear: "2025/26", years: 3, posts: POSTS, supervisors: [{ id: "sup-1", name: "Dr A", wte: 1 }], ...extra });

const byId = (posts: { id?: string }[]) => Object.fromEntries(posts.map((p) => [p.id, p]));

describe("rollForwardScenario: the team in post on 1 April of the next year", () => {
  const { body, summary } = rollForwardScenario(scenario());
  const posts = byId(body.posts);

  it("starts the next year with the same horizon, named for it", () => {
    expect(body.firstYear).toBe("2026/27");
    expect(body.years).toBe(3);
    expect(body.name).toBe("Team plan 2026/27");
    expect(summary.firstDay).toBe("2026-04-01");
  });

  it("keeps the posts in post on 1 April as existing (their real start and end kept); drops the leavers; keeps later posts as they were", () => {
    expect(summary.carried).toEqual(["ot-step", "pharm-later", "top", "fcp-spot", "gp", "fcot-new", "fcot-2025", "last-day"]);
    expect(summary.dropped).toEqual([{ id: "leaver", label: "Leaves in February", end: "2026-02-28" }]);
    expect(summary.later).toEqual(["future"]);
    expect(body.posts.map((p) => [p.id, p.status])).toEqual([
      ["ot-step", "existing"],
      ["pharm-later", "existing"],
      ["top", "existing"],
      ["fcp-spot", "existing"],
      ["gp", "existing"],
      ["fcot-new", "existing"],
      ["fcot-2025", "existing"],
      ["last-day", "existing"],
      ["future", "proposed"],
    ]);
    expect(posts["fcp-spot"]).toMatchObject({ start: "2025-10-01" });
    expect(posts["last-day"]).toMatchObject({ end: "2026-04-01" });
    expect(posts.future).toEqual(byId(scenario().posts).future);
  });

  it("moves a post up a point when its pay step is due by 1 April, and keeps a later step", () => {
    // ot-step: step on 15 Jan 2026 ≤ 1 Apr 2026 → band 7 point 2, step used up
    expect(posts["ot-step"]).toMatchObject({ band: "7", point: 2 });
    expect(posts["ot-step"]!).not.toHaveProperty("nextPayStep");
    // pharm-later: step on 1 Sep 2026, after 1 April → still point 1, step kept
    expect(posts["pharm-later"]).toMatchObject({ point: 1, nextPayStep: "2026-09-01" });
    // top: band 4 has 2 points, so point 2 is the top: stays, the step is used up
    expect(posts.top).toMatchObject({ point: 2 });
    expect(posts.top!).not.toHaveProperty("nextPayStep");
    expect(summary.stepped).toEqual(["ot-step"]);
  });

  it("raises spot salaries by the next year's pay award, to the penny (GPs by the doctors' award)", () => {
    // £33,333.33 × 1.033 (2026/27 AfC award) = £34,433.32989 → £34,433.33 (half up to the penny)
    expect(posts["fcp-spot"]!.annualSalary).toBe(34_433.33);
    // £90,000 × 1.035 (2026/27 doctors' award) = £93,150.00
    expect(posts.gp!.annualSalary).toBe(93_150);
    expect(summary.raised).toEqual(["fcp-spot", "gp"]);
  });

  it("carries the First Contact roadmap: finished by 1 April → complete; in training all plan long → still in training", () => {
    // Stage 2 sign-off on 1 Mar 2026, before the new plan: done.
    expect(posts["fcp-spot"]!.firstContact).toMatchObject({ stage1: "done", stage2: "done", stage2SignOff: "2026-03-01" });
    // A proposed trainee with no sign-off date was in training all the old plan long; becoming
    // existing must not change that (it would otherwise be assumed to finish 18 months after its start).
    expect(posts["fcot-new"]!.firstContact).toMatchObject({ roadmap: "in-training" });
    // Existing since 1 Jan 2025: trains until 1 Jul 2026 (18 months) in both plans: left to the same rule.
    expect(posts["fcot-2025"]!.firstContact).toEqual(byId(scenario().posts)["fcot-2025"]!.firstContact);
    expect(summary.roadmapCompleted).toEqual(["fcp-spot"]);
  });

  it("carries supervisors and the assumptions for the new years; drops the old first year's own figures", () => {
    const { body: b } = rollForwardScenario(
      scenario({
        assumptions: {
          arrsRatePerWeightedPatient: 27,
          maxReimbursableAnnual: { "occupational-therapist": 60_000 },
          employerPensionRate: 0.2,
          payAward: 0.04,
          claimLagMonths: 3,
          byYear: { "2025/26": { employerNiRate: 0.1 }, "2026/27": { employerNiRate: 0.12 }, "2027/28": { employerNiRate: 0.13 } },
          payAwardByYear: { "2025/26": 0.05, "2027/28": 0.02 },
          need: { reachFrailty: 15 },
          supervision: { supervisorHourlyCost: 60 },
          shareBasis: "registered",
        },
      }),
    );
    expect(b.assumptions).toEqual({
      employerPensionRate: 0.2,
      payAward: 0.04,
      claimLagMonths: 3,
      byYear: { "2026/27": { employerNiRate: 0.12 }, "2027/28": { employerNiRate: 0.13 } },
      payAwardByYear: { "2027/28": 0.02 },
      need: { reachFrailty: 15 },
      supervision: { supervisorHourlyCost: 60 },
      shareBasis: "registered",
    });
    expect(b.supervisors).toEqual([{ id: "sup-1", name: "Dr A", wte: 1 }]);
  });
});

describe("rollForwardScenario: the new first year prices each carried post as the old plan priced it that year", () => {
  it.each([
    ["2025/26 → 2026/27 (a year with its rule table)", "2025/26", {}],
    ["2026/27 → 2027/28 (a projected year, pay award 4%)", "2026/27", { payAward: 0.04, doctorsPayAward: 0.05 }],
  ])("%s", (_label, firstYear, assumptions) => {
    const shift = (iso: string | undefined) => (iso && firstYear === "2026/27" ? `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}` : iso);
    const posts = POSTS.map((p) => ({ ...p, ...(p.start ? { start: shift(p.start) } : {}), ...(p.end ? { end: shift(p.end) } : {}), ...(p.nextPayStep ? { nextPayStep: shift(p.nextPayStep) } : {}), ...(p.firstContact?.stage2SignOff ? { firstContact: { ...p.firstContact, stage2SignOff: shift(p.firstContact.stage2SignOff) } } : {}) }));
    const old = scenario({ firstYear, posts, assumptions });
    const { body, summary } = rollForwardScenario(old);
    const before = computeScenario(old, ctx).years[1]!;
    const after = computeScenario(ScenarioBodySchema.parse(body), ctx).years[0]!;
    expect(after.financialYear).toBe(before.financialYear);
    for (const id of summary.carried) {
      const a = after.posts.find((p) => p.id === id)!;
      const b = before.posts.find((p) => p.id === id)!;
      expect({ id, annualSalary: a.annualSalary, cost: a.cost, claimable: a.claimable, months: a.months }).toEqual({ id, annualSalary: b.annualSalary, cost: b.cost, claimable: b.claimable, months: b.months });
    }
    // Supervision of the carried posts is the same too (roadmap trainees and clinical supervision).
    const minutes = (y: typeof after) => Object.fromEntries(y.supervision.posts.filter((p) => summary.carried.includes(p.postId)).map((p) => [p.postId, p.months]));
    expect(minutes(after)).toEqual(minutes(before));
  });
});

describe("names and years", () => {
  it.each([
    ["Team plan", "2025/26", "2026/27", "Team plan 2026/27"],
    ["Team plan 2025/26", "2025/26", "2026/27", "Team plan 2026/27"],
    ["x".repeat(120), "2026/27", "2027/28", `${"x".repeat(112)} 2027/28`],
  ])("%s (%s) → %s", (name, oldYear, newYear, expected) => {
    expect(rolledForwardName(name, oldYear, newYear)).toBe(expected);
  });

  it("the next financial year", () => {
    expect(nextFinancialYear("2026/27")).toBe("2027/28");
    expect(nextFinancialYear("2099/00")).toBe("2100/01");
    expect(nextFinancialYear("next year")).toBeNull();
  });
});
