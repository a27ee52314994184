// Cash flow of a plan (issue 6; issue 14): reimbursement is paid in arrears. For each month of the horizon:
//   paid_m      = the posts' cost that month (salary + employer NI + pension, paid in the month);
//   reimbursed  = the month's claim, limited to what is left of its year's entitlement (claims
//                 above the entitlement are never paid; the year's entitlement is used in month order);
//   received_m  = the reimbursement for month m − lag. For the plan's first `lag` months that is a
//                 month before the plan: the claims of the staff already in post then
//                 (`claimsBeforePlan`, priced by the caller with the rules of the months they are
//                 for), so an existing team is not treated as new starters;
//   position_m  = Σ received − Σ paid to the end of month m (negative: the PCN is carrying the cost).
// Reimbursement for the plan's last `lag` months arrives after it ends (`receivableAfterPence`).
//
// PEAK FUNDING NEEDED — the one definition (docs/decisions/016-peak-funding.md), used by the
// planner, its projection, the exports and compare:
//   for a financial year:  max(0, −min position_m over the year's months)
//   for the plan:          max(0, −min position_m over every month) = the largest year's figure.
// Positions run from the plan's first month, so a later year's figure includes what the earlier
// years left unfunded.

export interface CashFlowYearInput {
  entitlementPence: number;
  /** Twelve months, April first. */
  months: readonly { month: string; costPence: number; claimablePence: number }[];
}

export interface CashFlowMonthResult {
  month: string;
  paidPence: number;
  receivedPence: number;
  positionPence: number;
}

export interface PeakFunding {
  /** The lowest position, as a positive amount the PCN must fund (0 if it never goes below zero). */
  peakFundingPence: number;
  /** The month of the lowest position (the first such month); null when the position never goes below zero. */
  peakFundingMonth: string | null;
}

export interface CashFlowResult extends PeakFunding {
  /** One per month of the horizon, in order. */
  months: CashFlowMonthResult[];
  /** Peak funding needed within each year of the input (same order). */
  years: PeakFunding[];
  receivableAfterPence: number;
  /** Claims above the entitlement, never paid. */
  unpaidClaimsPence: number;
  /** Reimbursement received in the plan's first months for months before it (Σ claimsBeforePlan). */
  receivedForMonthsBeforePlanPence: number;
}

/**
 * The month a month's reimbursement is expected ("2025-04" with a 2-month lag → "2025-06"): the
 * claims schedule's "Expected payment month", and the month cashFlow() below receives it in
 * (lib/engine/cash-flow.test.ts checks the two agree).
 */
export function reimbursementMonth(month: string, lagMonths: number): string {
  if (!Number.isInteger(lagMonths) || lagMonths < 0) throw new RangeError("the claim lag must be a whole number of months, 0 or more");
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + lagMonths;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export interface CashFlowOptions {
  /**
   * The claims for the `lag` months just before the plan (oldest first; missing or shorter: 0 for
   * the earlier months). They arrive in the plan's first `lag` months. They belong to the year
   * before the plan, so the plan's entitlement does not limit them.
   */
  claimsBeforePlan?: readonly { month: string; claimablePence: number }[];
}

/** Peak funding needed over a run of positions: max(0, −lowest), and its first month. */
export function peakFunding(months: readonly { month: string; positionPence: number }[]): PeakFunding {
  let peak = 0;
  let peakMonth: string | null = null;
  for (const m of months) {
    if (-m.positionPence > peak) {
      peak = -m.positionPence;
      peakMonth = m.month;
    }
  }
  return { peakFundingPence: peak, peakFundingMonth: peakMonth };
}

export function cashFlow(years: readonly CashFlowYearInput[], lagMonths: number, opts: CashFlowOptions = {}): CashFlowResult {
  if (!Number.isInteger(lagMonths) || lagMonths < 0) throw new RangeError("the claim lag must be a whole number of months, 0 or more");
  const before = opts.claimsBeforePlan ?? [];
  if (before.length > lagMonths) throw new RangeError("claims before the plan: at most one per month of the claim lag");
  const flat: { month: string; paid: number; reimbursed: number }[] = [];
  let unpaid = 0;
  for (const y of years) {
    let left = y.entitlementPence;
    for (const m of y.months) {
      const reimbursed = Math.max(0, Math.min(m.claimablePence, left));
      left -= reimbursed;
      unpaid += m.claimablePence - reimbursed;
      flat.push({ month: m.month, paid: m.costPence, reimbursed });
    }
  }
  // Month i receives month i − lag's claim; for i < lag that is before the plan: before[i − lag + before.length].
  const receivedAt = (i: number): number => {
    if (i >= lagMonths) return flat[i - lagMonths]!.reimbursed;
    const k = i - lagMonths + before.length;
    return k >= 0 ? Math.max(0, before[k]!.claimablePence) : 0;
  };
  let position = 0;
  let beforeReceived = 0;
  // The horizon's months are consecutive: month i's reimbursement arrives in month i + lag, the
  // month reimbursementMonth() names (the claims schedule's "Expected payment month").
  const months = flat.map((m, i) => {
    const received = receivedAt(i);
    if (i < lagMonths) beforeReceived += received;
    position += received - m.paid;
    return { month: m.month, paidPence: m.paid, receivedPence: received, positionPence: position };
  });
  const byYear: PeakFunding[] = [];
  let at = 0;
  for (const y of years) {
    byYear.push(peakFunding(months.slice(at, at + y.months.length)));
    at += y.months.length;
  }
  let after = 0;
  for (let i = Math.max(0, flat.length - lagMonths); i < flat.length; i++) after += flat[i]!.reimbursed;
  return { months, ...peakFunding(months), years: byYear, receivableAfterPence: after, unpaidClaimsPence: unpaid, receivedForMonthsBeforePlanPence: beforeReceived };
}
