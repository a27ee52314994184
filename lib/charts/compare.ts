// What the compare charts draw (issue 14, item 11): each scenario's difference from the baseline
// for the chosen year's money measures (bars from £0 would make a £5,000 difference on £700,000
// invisible), and each scenario's headroom year by year (where £0 itself matters: below it the
// plan is over-committed). Pure; the page computes it on the server.
import { MONEY_MEASURES, PEAK_CASH, type Comparison, type YearStatus } from "@/lib/planner/compare";

export interface CompareChartData {
  baseline: { id: string; name: string };
  /** The scenarios drawn as differences: every one but the baseline, in the columns' order. */
  others: { id: string; name: string; /** Its column among all scenarios (the same colour in both charts). */ column: number }[];
  /** Per year: each money measure, one difference from the baseline per other scenario (null outside either's years). */
  years: { financialYear: string; /** The year as the charts name it: "2027/28 (projection)". */ label: string; measures: { label: string; values: (number | null)[] }[] }[];
  /** Every scenario's headroom (the baseline's too), in the columns' order. */
  scenarios: { id: string; name: string; baseline: boolean }[];
  headroomByYear: { financialYear: string; label: string; values: (number | null)[] }[];
}

/**
 * The year with what its figures are, as the tables' tags say it: "2027/28 (projection)" when any
 * scenario's figures for it are projected, "2026/27 (estimate)" when any rest on estimates.
 */
export function chartYearLabel(financialYear: string, statuses: (YearStatus | null)[]): string {
  if (statuses.includes("projection")) return `${financialYear} (projection)`;
  if (statuses.includes("estimate")) return `${financialYear} (estimate)`;
  return financialYear;
}

const CHART_MEASURES = [...MONEY_MEASURES.filter((m) => m.id !== "entitlement").map((m) => m.id), PEAK_CASH.id];

export function compareChartData(c: Comparison): CompareChartData {
  const baselineIndex = Math.max(
    0,
    c.scenarios.findIndex((s) => s.baseline),
  );
  const others = c.scenarios.map((s, i) => ({ s, i })).filter(({ i }) => i !== baselineIndex);
  const base = c.scenarios[baselineIndex]!;
  const labels = new Map(c.years.map((y) => [y.financialYear, chartYearLabel(y.financialYear, y.status)]));
  const labelOf = (fy: string) => labels.get(fy) ?? fy;
  return {
    baseline: { id: base.id, name: base.name },
    others: others.map(({ s, i }) => ({ id: s.id, name: s.name, column: i })),
    years: c.years.map((y) => ({
      financialYear: y.financialYear,
      label: labelOf(y.financialYear),
      measures: y.rows
        .filter((r) => CHART_MEASURES.includes(r.measure.id))
        .map((r) => ({ label: r.measure.label, values: others.map(({ i }) => r.values[i]?.difference ?? null) })),
    })),
    scenarios: c.scenarios.map((s, i) => ({ id: s.id, name: s.name, baseline: i === baselineIndex })),
    headroomByYear: c.headroomByYear.map((y) => ({ ...y, label: labelOf(y.financialYear) })),
  };
}
