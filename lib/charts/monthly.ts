// The planner's month-by-month chart series (issue 14, item 11): like is compared with like on
// one axis — each month's cost against a twelfth of the year's entitlement, or the cost so far
// against the whole entitlement. Pure; sums in pence so the cumulative figures are exact.

export type MonthlyMode = "month" | "cumulative";

export interface MonthlyInput {
  month: string;
  claimable: number;
  pcnFunded: number;
}

export interface MonthlySeriesPoint {
  month: string;
  /** Claimable in the month (or so far, cumulative), pounds. */
  claimable: number;
  /** PCN-funded in the month (or so far), pounds. */
  pcnFunded: number;
  /** The entitlement line: a twelfth of the year's (each month) or the whole year's (cumulative), pounds. */
  entitlement: number;
}

const pence = (pounds: number) => Math.round(pounds * 100);

/** A twelfth of the year's entitlement, rounded half up to the penny (pounds). */
export function monthlyEntitlementShare(entitlement: number): number {
  return Math.round(pence(entitlement) / 12) / 100;
}

export function monthlySeries(months: readonly MonthlyInput[], entitlement: number, mode: MonthlyMode): MonthlySeriesPoint[] {
  if (mode === "month") {
    const share = monthlyEntitlementShare(entitlement);
    return months.map((m) => ({ month: m.month, claimable: m.claimable, pcnFunded: m.pcnFunded, entitlement: share }));
  }
  let claimable = 0;
  let funded = 0;
  return months.map((m) => {
    claimable += pence(m.claimable);
    funded += pence(m.pcnFunded);
    return { month: m.month, claimable: claimable / 100, pcnFunded: funded / 100, entitlement };
  });
}

/** Every value the chart draws (stacked bar tops and the entitlement line), for its axis. */
export function monthlySeriesExtent(series: readonly MonthlySeriesPoint[]): number[] {
  return series.flatMap((p) => [p.claimable + p.pcnFunded, p.entitlement, p.claimable, p.pcnFunded]);
}
