import { describe, expect, it } from "vitest";
import { ScenarioBodySchema } from "@/lib/schemas/scenario";
import { compareScenarios, comparisonDecimals, describeDifference, differenceSentence, differencesOnly, formatMeasure, type CompareScenarioInput, type CompareYearInput } from "./compare";
import { computeScenario } from "./compute";
import type { PlannerContext } from "./types";

// --- fixtures: only the fields compare reads ---------------------------------------------------
// A role's average WTE in post over the year (computed by lib/planner/compute.ts; compare reads it).
const post = (role: string, roleName: string, wte: number) => ({ role, roleName, wte });

function year(fy: string, f: Partial<{ entitlement: number; cost: number; claimable: number; pcnFunded: number; headroom: number; supCost: number; supHours: number; peak: number; posts: ReturnType<typeof post>[]; projection: boolean; isEstimate: boolean }> = {}): CompareYearInput {
  const byRole: ReturnType<typeof post>[] = [];
  for (const p of f.posts ?? []) {
    const r = byRole.find((x) => x.role === p.role);
    if (r) r.wte = (Math.round(r.wte * 10_000) + Math.round(p.wte * 10_000)) / 10_000;
    else byRole.push({ ...p });
  }
  return {
    financialYear: fy,
    projection: f.projection ?? false,
    isEstimate: f.isEstimate ?? false,
    entitlement: f.entitlement ?? 800_000,
    totals: { cost: f.cost ?? 0, claimable: f.claimable ?? 0, pcnFunded: f.pcnFunded ?? 0, headroom: f.headroom ?? 800_000 },
    peakFunding: f.peak ?? 0,
    averageWte: { total: byRole.reduce((t, r) => t + Math.round(r.wte * 10_000), 0) / 10_000, byRole },
    supervision: { hours: f.supHours ?? 0, cost: f.supCost ?? 0 },
  };
}

function scenario(id: string, years: CompareYearInput[], peakFunding = 0): CompareScenarioInput {
  return { id, name: `Plan ${id}`, firstYear: years[0]!.financialYear, years: years.length, results: { years, summary: { peakFunding, peakFundingMonth: peakFunding ? "2025-12" : null, claimLagMonths: 2 } } };
}

const value = (c: ReturnType<typeof compareScenarios>, fy: string, measure: string) => c.years.find((y) => y.financialYear === fy)!.rows.find((r) => r.measure.id === measure)!.values;

describe("compareScenarios: differences from the baseline, to the penny", () => {
  const a = scenario("a", [year("2025/26", { cost: 10_000.1, claimable: 9_000.05, pcnFunded: 1_000.05, headroom: 790_999.95, supCost: 541.6, supHours: 10, peak: 300.25 })], 300.25);
  const b = scenario("b", [year("2025/26", { cost: 11_234.66, claimable: 9_500.33, pcnFunded: 1_734.33, headroom: 790_499.67, supCost: 0, supHours: 0, peak: 0 })], 0);
  const c = compareScenarios([a, b]);

  it.each([
    // measure, baseline, other, difference (other − baseline, in pence: 1,123,466 − 1,000,010 = 123,456 → £1,234.56;
    // in floats 11234.66 − 10000.1 = 1234.5599999999995)
    ["cost", 10_000.1, 11_234.66, 1_234.56],
    // 950,033 − 900,005 = 50,028 → £500.28
    ["claimable", 9_000.05, 9_500.33, 500.28],
    // 173,433 − 100,005 = 73,428 → £734.28
    ["pcnFunded", 1_000.05, 1_734.33, 734.28],
    // 79,049,967 − 79,099,995 = −50,028 → −£500.28 (less headroom)
    ["headroom", 790_999.95, 790_499.67, -500.28],
    ["entitlement", 800_000, 800_000, 0],
    // 0 − 54,160 = −54,160 → −£541.60
    ["supervisionCost", 541.6, 0, -541.6],
    // 0 − 600 minutes = −600 → −10 hours
    ["supervisionHours", 10, 0, -10],
    // the year's peak funding needed as computed: 300.25 and 0; 0 − 30,025 = −30,025
    ["peakCash", 300.25, 0, -300.25],
  ])("%s: baseline %d, other %d → difference %d", (measure, baseline, other, difference) => {
    expect(value(c, "2025/26", measure)).toEqual([
      { value: baseline, difference: null },
      { value: other, difference },
    ]);
  });

  it("marks the first scenario as the baseline and keeps the order given", () => {
    expect(c.scenarios.map((s) => [s.id, s.baseline])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(c.financialYears).toEqual(["2025/26"]);
  });

  it("the horizon rows sum the years; the peak over the plan is the summary's", () => {
    const h = new Map(c.horizon.map((r) => [r.measure.id, r.values]));
    expect(h.get("cost")).toEqual([
      { value: 10_000.1, difference: null },
      { value: 11_234.66, difference: 1_234.56 },
    ]);
    expect(h.get("peakCash")).toEqual([
      { value: 300.25, difference: null },
      { value: 0, difference: -300.25 },
    ]);
  });

  it("refuses fewer than two or more than four scenarios", () => {
    expect(() => compareScenarios([a])).toThrow(RangeError);
    expect(() => compareScenarios([a, b, a, b, a])).toThrow(RangeError);
    expect(compareScenarios([a, b, a, b]).scenarios).toHaveLength(4);
  });
});

describe("compareScenarios: WTE by role", () => {
  const a = scenario("a", [year("2025/26", { posts: [post("occupational-therapist", "Occupational therapist", 1), post("clinical-pharmacist", "Clinical pharmacist", 0.8)] })]);
  const b = scenario("b", [
    year("2025/26", {
      posts: [
        post("occupational-therapist", "Occupational therapist", 1),
        post("paramedic", "Paramedic", 0.6),
        post("paramedic", "Paramedic", 0.25),
      ],
    }),
  ]);
  const c = compareScenarios([a, b]);

  it("one row per role in post in any scenario, in the API's role order, then the total", () => {
    expect(c.years[0]!.rows.slice(0, 4).map((r) => r.measure.label)).toEqual([
      "Average WTE in post: Clinical pharmacist",
      "Average WTE in post: Occupational therapist",
      "Average WTE in post: Paramedic",
      "Average WTE in post, all roles",
    ]);
  });

  it.each([
    // role, baseline, other, difference
    ["wte:clinical-pharmacist", 0.8, 0, -0.8],
    ["wte:occupational-therapist", 1, 1, 0],
    // 6,000 + 2,500 = 8,500 ten-thousandths → 0.85 WTE
    ["wte:paramedic", 0, 0.85, 0.85],
    // 1.8 against 1 + 0.6 + 0.25 = 1.85 → +0.05 (18,500 − 18,000 = 500 ten-thousandths)
    ["wte", 1.8, 1.85, 0.05],
  ])("%s: %d against %d → %d", (measure, baseline, other, difference) => {
    expect(value(c, "2025/26", measure)).toEqual([
      { value: baseline, difference: null },
      { value: other, difference },
    ]);
  });
});

describe("compareScenarios: different horizons", () => {
  const a = scenario("a", [year("2025/26", { cost: 100 }), year("2026/27", { cost: 200, projection: true })]);
  const b = scenario("b", [year("2026/27", { cost: 250, isEstimate: true }), year("2027/28", { cost: 300, projection: true })]);
  const c = compareScenarios([a, b]);

  it("shows every year of either horizon; a year outside a horizon has no value and no difference", () => {
    expect(c.financialYears).toEqual(["2025/26", "2026/27", "2027/28"]);
    expect(c.years.map((y) => [y.financialYear, value(c, y.financialYear, "cost")])).toEqual([
      ["2025/26", [{ value: 100, difference: null }, { value: null, difference: null }]],
      ["2026/27", [{ value: 200, difference: null }, { value: 250, difference: 50 }]],
      ["2027/28", [{ value: null, difference: null }, { value: 300, difference: null }]],
    ]);
    expect(c.years.map((y) => y.status)).toEqual([
      ["published", null],
      ["projection", "estimate"],
      [null, "projection"],
    ]);
    expect(c.headroomByYear.map((y) => y.values)).toEqual([
      [800_000, null],
      [800_000, 800_000],
      [null, 800_000],
    ]);
  });
});

describe("differences in words (readable without colour)", () => {
  it.each([
    ["money", 1_234.56, "higher", "+£1,234.56", "more", "▲"],
    ["money", -1_234.56, "lower", "−£1,234.56", "less", "▼"],
    ["money", 0, "same", "No difference", "", "="],
    // float noise below half a penny is no difference
    ["money", 0.004, "same", "No difference", "", "="],
    ["wte", -0.5, "lower", "−0.50 WTE", "less", "▼"],
    ["hours", 1.5, "higher", "+1.5 hours", "more", "▲"],
  ] as const)("%s %d → %s %s %s", (unit, diff, direction, amount, word, arrow) => {
    expect(describeDifference(unit, diff)).toMatchObject({ direction, amount, word, arrow });
  });

  it("one sentence for files and screen readers", () => {
    expect(differenceSentence("money", 10)).toBe("+£10.00 more than the baseline");
    expect(differenceSentence("money", 0)).toBe("No difference from the baseline");
    expect(formatMeasure("hours", 1)).toBe("1 hour");
  });
});

describe("compareScenarios on computed scenarios", () => {
  const ctx: PlannerContext = { pcn: { code: "UZ1001", name: "Demo" }, weightedPopulation: { value: 30_000, provenance: "given" }, practices: [], defaultArea: "national" };
  const compute = (posts: object[]) => computeScenario(ScenarioBodySchema.parse({ name: "x", firstYear: "2025/26", years: 2, posts }), ctx);
  const ot = { id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01" };
  const para = { id: "para", role: "paramedic", band: "6", point: 1, wte: 1, start: "2025-10-01" };
  const ra = compute([ot]);
  const rb = compute([ot, para]);
  const c = compareScenarios([
    { id: "a", name: "OT", firstYear: "2025/26", years: 2, results: ra },
    { id: "b", name: "OT and paramedic", firstYear: "2025/26", years: 2, results: rb },
  ]);

  it("every value is the scenario's own figure and every difference is exact", () => {
    ra.years.forEach((y, i) => {
      const yb = rb.years[i]!;
      expect(value(c, y.financialYear, "cost")).toEqual([
        { value: y.totals.cost, difference: null },
        { value: yb.totals.cost, difference: (Math.round(yb.totals.cost * 100) - Math.round(y.totals.cost * 100)) / 100 },
      ]);
      expect(value(c, y.financialYear, "headroom")[1]!.value).toBe(yb.totals.headroom);
    });
    expect(c.horizon.find((r) => r.measure.id === "peakCash")!.values.map((v) => v.value)).toEqual([ra.summary.peakFunding, rb.summary.peakFunding]);
    // 2025/26: the 1.0 WTE paramedic from 1 October is in post 182 of 365 days:
    // 10,000 × 182 ÷ 365 = 4,986.3 → 4,986 ten-thousandths = 0.4986 WTE on average
    expect(value(c, "2025/26", "wte:paramedic")).toEqual([
      { value: 0, difference: null },
      { value: 0.4986, difference: 0.4986 },
    ]);
    // each year's peak funding needed is the planner's own, and the plan's is the largest of them
    ra.years.forEach((y) => expect(value(c, y.financialYear, "peakCash")[0]!.value).toBe(y.peakFunding));
    expect(ra.summary.peakFunding).toBe(Math.max(...ra.years.map((y) => y.peakFunding)));
  });

  it("a leaver on 30 September and a joiner on 1 October add up to about 1.00 average WTE in post, not 2.00 (issue 14)", () => {
    const cc = { id: "cc", role: "care-coordinator", band: "4", point: 1, wte: 1, status: "existing", end: "2025-09-30" };
    const otOct = { ...ot, id: "ot-oct" };
    const base = compute([{ ...cc, end: undefined }]);
    const swap = compute([cc, otOct]);
    const cmp = compareScenarios([
      { id: "a", name: "Care coordinator stays", firstYear: "2025/26", years: 2, results: base },
      { id: "b", name: "Care coordinator replaced by an OT", firstYear: "2025/26", years: 2, results: swap },
    ]);
    // 2025/26 (365 days): the care coordinator 1 April–30 September = 183 days → 10,000 × 183 ÷ 365 = 5,013.7 → 0.5014;
    // the OT 1 October–31 March = 182 days → 4,986.3 → 0.4986; together 1.0000 — the same as the baseline's 1.00
    expect(value(cmp, "2025/26", "wte:care-coordinator")).toEqual([
      { value: 1, difference: null },
      { value: 0.5014, difference: -0.4986 },
    ]);
    expect(value(cmp, "2025/26", "wte:occupational-therapist")[1]).toEqual({ value: 0.4986, difference: 0.4986 });
    expect(value(cmp, "2025/26", "wte")).toEqual([
      { value: 1, difference: null },
      { value: 1, difference: 0 },
    ]);
    // 2026/27: the care coordinator has left; the OT is in post all year
    expect(value(cmp, "2026/27", "wte")[1]).toEqual({ value: 1, difference: 0 });
    expect(swap.summary.years.map((y) => y.averageWte)).toEqual([1, 1]);
  });
});

describe("compareScenarios: the baseline the user picked, the columns in the order chosen (issue 14, item 14)", () => {
  const a = scenario("a", [year("2025/26", { cost: 1_000 })]);
  const b = scenario("b", [year("2025/26", { cost: 1_500.25 })]);
  const c = scenario("c", [year("2025/26", { cost: 900 })]);
  const cmp = compareScenarios([c, a, b], 2);

  it("keeps the order given and marks the chosen baseline, wherever it is", () => {
    expect(cmp.scenarios.map((s) => [s.id, s.baseline])).toEqual([
      ["c", false],
      ["a", false],
      ["b", true],
    ]);
  });

  it("every difference is from the chosen baseline (b: £1,500.25)", () => {
    // 900 − 1,500.25 = −600.25; 1,000 − 1,500.25 = −500.25
    expect(value(cmp, "2025/26", "cost")).toEqual([
      { value: 900, difference: -600.25 },
      { value: 1_000, difference: -500.25 },
      { value: 1_500.25, difference: null },
    ]);
    expect(cmp.horizon.find((r) => r.measure.id === "cost")!.values.map((v) => v.difference)).toEqual([-600.25, -500.25, null]);
  });

  it("refuses a baseline outside the scenarios", () => {
    expect(() => compareScenarios([a, b], 2)).toThrow(RangeError);
    expect(() => compareScenarios([a, b], -1)).toThrow(RangeError);
  });
});

describe("differencesOnly", () => {
  it("keeps the rows where a scenario differs from the baseline, or has a year another has not", () => {
    const a = scenario("a", [year("2025/26", { cost: 1_000, supHours: 2 }), year("2026/27")]);
    const b = scenario("b", [year("2025/26", { cost: 1_000, supHours: 2.5 })]);
    const cmp = compareScenarios([a, b]);
    expect(differencesOnly(cmp.years[0]!.rows).map((r) => r.measure.id)).toEqual(["supervisionHours"]);
    // 2026/27 is only a's: every row differs in having the year
    expect(differencesOnly(cmp.years[1]!.rows)).toHaveLength(cmp.years[1]!.rows.length);
    expect(differencesOnly(compareScenarios([a, a]).horizon)).toEqual([]);
  });
});

describe("comparisonDecimals: totals with the rows' decimals", () => {
  it("hours: 12.5 + 12.5 reads 25.0 hours, as the rows do, and differences alike", () => {
    const a = scenario("a", [year("2025/26", { supHours: 12.5 }), year("2026/27", { supHours: 12.5 })]);
    const b = scenario("b", [year("2025/26", { supHours: 12 }), year("2026/27", { supHours: 12 })]);
    const cmp = compareScenarios([a, b]);
    const d = comparisonDecimals(cmp);
    expect(d).toEqual({ money: 2, wte: 2, hours: 1 });
    const total = cmp.horizon.find((r) => r.measure.id === "supervisionHours")!;
    // Before: formatMeasure("hours", 25) = "25 hours" beside rows of "12.5 hours".
    expect(formatMeasure("hours", total.values[0]!.value!, d.hours)).toBe("25.0 hours");
    expect(formatMeasure("hours", 12.5, d.hours)).toBe("12.5 hours");
    expect(describeDifference("hours", total.values[1]!.difference!, d.hours).amount).toBe("−1.0 hours");
  });

  it("WTE: four decimals everywhere once one figure needs them", () => {
    const a = scenario("a", [year("2025/26", { posts: [post("paramedic", "Paramedic", 0.3333)] })]);
    const b = scenario("b", [year("2025/26", { posts: [post("paramedic", "Paramedic", 1)] })]);
    const d = comparisonDecimals(compareScenarios([a, b]));
    expect(d.wte).toBe(4);
    expect(formatMeasure("wte", 1, d.wte)).toBe("1.0000 WTE");
  });
});
