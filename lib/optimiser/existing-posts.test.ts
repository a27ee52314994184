// The optimiser's existing posts from a scenario (walkthrough with England's data: Bristol Inner
// City's plan, with a GP in sessions, a health and wellbeing coach in hours a week and an
// ICB-approved frailty practitioner, could not be the optimiser's starting point: "Give the post's
// WTE (e.g. 0.6), or for a GP its sessions a week, or its hours a week." — the optimiser page
// copied only wte, and dropped the approved role's name and maximum and the 12-month rule).
import { describe, expect, it } from "vitest";
import { compileRules, rulesForYear } from "@/lib/engine";
import { POST_FIELDS } from "@/lib/schemas/estimate";
import { OptimiseRequestSchema } from "@/lib/schemas/optimise";
import type { ScenarioPostInput } from "@/lib/schemas/scenario";
import { existingPostsFrom, PRICED_POST_FIELDS } from "./existing-posts";
import { buildProblem } from "./price";

const plan: ScenarioPostInput[] = [
  { id: "cp-1", label: "Clinical pharmacist", status: "existing", role: "clinical-pharmacist", band: "7", point: 3, wte: 1, area: "national", start: "2024-04-01" },
  { id: "hwc-1", label: "Health & wellbeing coach", status: "existing", role: "health-and-wellbeing-coach", band: "5", point: 1, hoursPerWeek: 22.5, area: "national", start: "2024-09-01" },
  { id: "gp-1", label: "Salaried GP", status: "proposed", role: "gp", annualSalary: 100000, sessions: 4, area: "national", start: "2026-07-01", expectedStart: "2026-09-01" },
  { id: "ca-1", label: "Frailty practitioner", status: "proposed", role: "commissioner-approved", roleName: "Frailty practitioner", maxReimbursableAnnual: 55000, band: "6", point: 2, wte: 0.8, area: "national", start: "2026-09-01" },
  { id: "ot-1", label: "First Contact OT", status: "proposed", role: "occupational-therapist", band: "7", point: 1, wte: 1, area: "national", start: "2026-10-01", firstContact: { roadmap: "in-training" } },
];
const nurse: ScenarioPostInput = { id: "n-1", label: "Practice nurse", status: "proposed", role: "experienced-general-practice-nurse", band: "6", point: 1, wte: 1, area: "national", employedInLast12Months: true };
const candidates = [{ id: "para", role: "paramedic", band: "7", point: 1, start: "2026-10-01", wteOptions: [1], value: 1, min: 0, max: 1 }];

describe("existingPostsFrom", () => {
  it("copies exactly the estimate API's post fields (so a new post field cannot be left behind again)", () => {
    expect([...PRICED_POST_FIELDS, "id"].sort()).toEqual(Object.keys(POST_FIELDS).sort());
  });

  it("keeps each post's size as stored, the approved role's name and maximum, and drops the planner's own fields", () => {
    const posts = existingPostsFrom(plan);
    expect(posts.map((p) => [p.id, p.wte, p.sessions, p.hoursPerWeek])).toEqual([
      ["cp-1", 1, undefined, undefined],
      ["hwc-1", undefined, undefined, 22.5],
      ["gp-1", undefined, 4, undefined],
      ["ca-1", 0.8, undefined, undefined],
      ["ot-1", 1, undefined, undefined],
    ]);
    expect(posts[3]).toMatchObject({ roleName: "Frailty practitioner", maxReimbursableAnnual: 55000 });
    for (const p of posts) for (const k of ["label", "status", "expectedStart", "firstContact"]) expect(p).not.toHaveProperty(k);
  });

  it("a plan with sessions, hours and an ICB-approved role is a valid optimiser starting point", () => {
    const parsed = OptimiseRequestSchema.safeParse({ financialYear: "2026/27", pcn: { weightedPopulation: 49555.24 }, existingPosts: existingPostsFrom(plan), candidates });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
  });

  it("a nurse employed by the PCN in the last 12 months claims £0 from 2025/26, as in the planner", () => {
    const c = compileRules(rulesForYear("2026/27")!, {});
    const problem = (posts: ScenarioPostInput[]) => {
      const req = OptimiseRequestSchema.parse({ financialYear: "2026/27", pcn: { weightedPopulation: 49555.24 }, existingPosts: existingPostsFrom(posts), candidates });
      return buildProblem(c, 49555.24, req.existingPosts, req.candidates).existing;
    };
    const without = problem(plan);
    const withNurse = problem([...plan, nurse]);
    expect(withNurse.claimablePence).toBe(without.claimablePence); // the nurse's claim: £0
    expect(withNurse.costPence).toBeGreaterThan(without.costPence); // but the PCN pays her
  });
});
