import { describe, expect, it } from "vitest";
import { compareScenarios, type CompareScenarioInput, type CompareYearInput } from "@/lib/planner/compare";
import { chartYearLabel, compareChartData } from "./compare";

function year(fy: string, cost: number, headroom: number): CompareYearInput {
  return {
    financialYear: fy,
    projection: false,
    isEstimate: false,
    entitlement: 800_000,
    totals: { cost, claimable: cost, pcnFunded: 0, headroom },
    peakFunding: 0,
    averageWte: { total: 0, byRole: [] },
    supervision: { hours: 0, cost: 0 },
  };
}
const scenario = (id: string, years: CompareYearInput[]): CompareScenarioInput => ({
  id,
  name: `Plan ${id}`,
  firstYear: years[0]!.financialYear,
  years: years.length,
  results: { years, summary: { peakFunding: 0, peakFundingMonth: null, claimLagMonths: 2 } },
});

describe("compareChartData: the measures chart draws differences from the baseline", () => {
  // £700,000 against £705,000: bars from £0 would differ by 0.7% of their height; the chart
  // draws +£5,000 instead.
  const c = compareScenarios([
    scenario("a", [year("2025/26", 700_000, 100_000)]),
    scenario("b", [year("2025/26", 705_000, 95_000), year("2026/27", 10, 20)]),
    scenario("c", [year("2025/26", 690_000.5, 109_999.5)]),
  ]);
  const d = compareChartData(c);

  it("one series per other scenario, in the columns' order; the baseline named apart", () => {
    expect(d.baseline).toEqual({ id: "a", name: "Plan a" });
    expect(d.others.map((s) => [s.id, s.column])).toEqual([
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("each measure's values are the differences (other − baseline), null outside either's years", () => {
    const cost = (fy: string) => d.years.find((y) => y.financialYear === fy)!.measures.find((m) => m.label === "Cost")!.values;
    // 705,000 − 700,000 = +5,000; 690,000.50 − 700,000 = −9,999.50
    expect(cost("2025/26")).toEqual([5_000, -9_999.5]);
    // 2026/27 is only in b's years: no baseline to differ from
    expect(cost("2026/27")).toEqual([null, null]);
    expect(d.years[0]!.measures.map((m) => m.label)).not.toContain("Entitlement");
  });

  it("the headroom chart keeps every scenario's own headroom (its £0 means over-committed)", () => {
    expect(d.scenarios.map((s) => [s.id, s.baseline])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
    ]);
    // published figures: the year's name alone
    expect(d.headroomByYear[0]).toEqual({ financialYear: "2025/26", label: "2025/26", values: [100_000, 95_000, 109_999.5] });
  });
});

// Walkthrough with England's data: the compare charts' axes and year picker said "2027/28" for a
// projected year and "2026/27" for one resting on estimated rules, while the tables above tag both.
describe("compareChartData: each year says what its figures are", () => {
  const y = (fy: string, status: "published" | "estimate" | "projection") => ({ ...year(fy, 1_000, 2_000), isEstimate: status !== "published", projection: status === "projection" });
  const c = compareScenarios([
    scenario("a", [y("2025/26", "published"), y("2026/27", "estimate"), y("2027/28", "projection")]),
    scenario("b", [y("2026/27", "estimate"), y("2027/28", "projection"), y("2028/29", "projection")]),
  ]);
  const d = compareChartData(c);

  it("labels projected and estimated years in the measures chart's years and the headroom chart", () => {
    const labels = ["2025/26", "2026/27 (estimate)", "2027/28 (projection)", "2028/29 (projection)"];
    expect(d.years.map((x) => x.label)).toEqual(labels);
    expect(d.headroomByYear.map((x) => x.label)).toEqual(labels);
  });

  it.each([
    [["published", "published"], "2025/26"],
    [["published", null], "2025/26"],
    [["estimate", "published"], "2025/26 (estimate)"],
    [["estimate", "projection"], "2025/26 (projection)"],
  ] as const)("statuses %j → %s", (statuses, label) => {
    expect(chartYearLabel("2025/26", [...statuses])).toBe(label);
  });
});
