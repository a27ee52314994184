// Cash flow of a plan (issue 6): reimbursement is paid in arrears. For each month of the horizon:
//   paid_m      = the posts' cost that month (salary + employer NI + pension, paid in the month);
//   reimbursed  = the month's claim, limited to what is left of its year's entitlement (claims
//                 above the entitlement are never paid; the year's entitlement is used in month order);
//   received_m  = the reimbursement for month m − lag (0 for months before the plan starts: claims
//                 for months before the plan are outside it);
//   position_m  = Σ received − Σ paid to the end of month m (negative: the PCN is carrying the cost).
// Reimbursement for the plan's last `lag` months arrives after it ends (`receivableAfterPence`).

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

export interface CashFlowResult {
  /** One per month of the horizon, in order. */
  months: CashFlowMonthResult[];
  /** The lowest position, as a positive amount the PCN must fund (0 if it never goes below zero). */
  peakFundingPence: number;
  peakFundingMonth: string | null;
  receivableAfterPence: number;
  /** Claims above the entitlement, never paid. */
  unpaidClaimsPence: number;
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

export function cashFlow(years: readonly CashFlowYearInput[], lagMonths: number): CashFlowResult {
  if (!Number.isInteger(lagMonths) || lagMonths < 0) throw new RangeError("the claim lag must be a whole number of months, 0 or more");
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
  let position = 0;
  let peak = 0;
  let peakMonth: string | null = null;
  // The horizon's months are consecutive: month i's reimbursement arrives in month i + lag, the
  // month reimbursementMonth() names (the claims schedule's "Expected payment month").
  const months = flat.map((m, i) => {
    const received = i >= lagMonths ? flat[i - lagMonths]!.reimbursed : 0;
    position += received - m.paid;
    if (-position > peak) {
      peak = -position;
      peakMonth = m.month;
    }
    return { month: m.month, paidPence: m.paid, receivedPence: received, positionPence: position };
  });
  let after = 0;
  for (let i = Math.max(0, flat.length - lagMonths); i < flat.length; i++) after += flat[i]!.reimbursed;
  return { months, peakFundingPence: peak, peakFundingMonth: peakMonth, receivableAfterPence: after, unpaidClaimsPence: unpaid };
}
