// Issue 15: the planner's switch for a year's expected backdated uplift, and what it adds.
import { describe, expect, it } from "vitest";
import { runEstimate } from "@/lib/server/scenarios/estimate";
import { ScenarioBodySchema, type ScenarioBodyInput } from "@/lib/schemas/scenario";
import { computeScenario } from "./compute";
import { toScenarioDraft, checkScenarioDraft } from "./scenario-draft";
import type { PlannerContext } from "./types";
import { setUplift, upliftSwitches, withUplift } from "./uplift";

const ctx: PlannerContext = {
  pcn: { code: "UZ1001", name: "Demo PCN" },
  weightedPopulation: { value: 30_000, provenance: "given" },
  practices: [{ code: "Z90001", name: "A", weighted: 30_000, registered: 29_000 }],
  defaultArea: "national",
};
const noDb = () => {
  throw new Error("no database in this test");
};
// An OT on £70,000 for the whole year: the cost is above every OT maximum, so the claim is the cap.
const ot = { id: "ot-1", role: "occupational-therapist", annualSalary: 70_000, wte: 1 } as const;
const scenario = (extra: Partial<ScenarioBodyInput> = {}) => ScenarioBodySchema.parse({ name: "Uplift", firstYear: "2025/26", years: 3, posts: [{ ...ot }], ...extra });

describe("upliftSwitches", () => {
  it("offers a switch for 2025/26 (on by default) and 2026/27 (off), none for the projected 2027/28", () => {
    const s = upliftSwitches(scenario(), ctx);
    expect(s.map((u) => [u.financialYear, u.index, u.defaultOn, u.on, u.given])).toEqual([
      ["2025/26", 0, true, true, false],
      ["2026/27", 1, false, false, false],
    ]);
  });

  it.each([
    // 2025/26: uplift OT £67,271 → 6,727,100/12 = 560,591.67 → 560,592 a month × 12 = £67,271.04;
    //          April table £64,907 → 6,490,700/12 = 540,891.67 → 540,892 × 12 = £64,907.04; adds £2,364.00
    { fy: "2025/26", adds: 2_364 },
    // 2026/27: 3.3% table £69,515 → 579,291.67 → 579,292 × 12 = £69,515.04;
    //          2.5% table £68,971 → 574,758.33 → 574,758 × 12 = £68,970.96; adds £544.08
    { fy: "2026/27", adds: 544.08 },
  ])("switching the $fy uplift on adds £$adds of claimable to that year", ({ fy, adds }) => {
    const u = upliftSwitches(scenario(), ctx).find((x) => x.financialYear === fy)!;
    expect(u.switchedOnAdds).toBe(adds);
    // Both ways through the whole plan: the year's claimable differs by exactly that.
    const on = computeScenario(withUplift(scenario(), u.index, fy, true), ctx).years[u.index]!.totals.claimable;
    const off = computeScenario(withUplift(scenario(), u.index, fy, false), ctx).years[u.index]!.totals.claimable;
    expect(Math.round((on - off) * 100) / 100).toBe(adds);
  });

  it("the first year's switch is the estimate API's expectedUplift, to the penny", async () => {
    for (const expectedUplift of [true, false]) {
      const est = await runEstimate({ financialYear: "2026/27", pcn: { weightedPopulation: 30_000 }, assumptions: { expectedUplift }, posts: [{ ...ot }] }, noDb);
      const y = computeScenario(scenario({ firstYear: "2026/27", years: 1, assumptions: { expectedUplift } }), ctx).years[0]!;
      expect(y.totals).toEqual(est.totals);
      expect(y.totals.claimable).toBe(expectedUplift ? 69_515.04 : 68_970.96);
    }
  });

  it("a later year's switch goes in byYear and changes only that year and the years projected from it", () => {
    const a = setUplift({}, 1, "2026/27", true);
    expect(a).toEqual({ byYear: { "2026/27": { expectedUplift: true } } });
    const base = computeScenario(scenario(), ctx).years;
    const on = computeScenario(scenario({ assumptions: a }), ctx).years;
    expect(on[0]!.totals).toEqual(base[0]!.totals);
    expect(on[1]!.totals.claimable - base[1]!.totals.claimable).toBeCloseTo(544.08, 2);
    // 2027/28 is projected from the 2026/27 maxima as used (the 3.3% table): a higher cap.
    expect(on[2]!.posts[0]!.cap).toBeGreaterThan(base[2]!.posts[0]!.cap);
  });

  it("the planner keeps the choice (and the doctors' award) when it saves", () => {
    const saved = scenario({ assumptions: { expectedUplift: false, doctorsPayAward: 0.04, byYear: { "2026/27": { expectedUplift: true } } } });
    const input = checkScenarioDraft(toScenarioDraft(saved)).input as { assumptions: Record<string, unknown> };
    expect(input.assumptions).toMatchObject({ expectedUplift: false, doctorsPayAward: 0.04, byYear: { "2026/27": { expectedUplift: true } } });
    expect(upliftSwitches(saved, ctx).map((u) => [u.financialYear, u.on, u.given])).toEqual([
      ["2025/26", false, true],
      ["2026/27", true, true],
    ]);
  });
});
