// The month a reimbursement is expected (the claims schedule's "Expected payment month") and the
// cash flow's received month: the same lag, so the two agree.
import { describe, expect, it } from "vitest";
import { cashFlow, reimbursementMonth } from "./cash-flow";

describe("reimbursementMonth", () => {
  it.each([
    // month, lag → the month the reimbursement arrives
    ["2025-04", 2, "2025-06"],
    ["2025-11", 2, "2026-01"], // across the calendar year
    ["2026-03", 2, "2026-05"], // across the financial year: March's claim arrives in May
    ["2025-12", 0, "2025-12"], // no lag
    ["2025-01", 12, "2026-01"],
    ["2025-06", 27, "2027-09"], // 6 + 27 = 33 months from January 2025: 2027, month 33 − 24 = 9
  ] as const)("%s with a %i-month lag → %s", (month, lag, expected) => {
    expect(reimbursementMonth(month, lag)).toBe(expected);
  });

  it("refuses a lag that is not a whole number of months, 0 or more, and a month that is not YYYY-MM", () => {
    expect(() => reimbursementMonth("2025-04", -1)).toThrow(RangeError);
    expect(() => reimbursementMonth("2025-04", 1.5)).toThrow(RangeError);
    expect(() => reimbursementMonth("April 2025", 2)).toThrow(RangeError);
  });

  it.each([0, 1, 2, 3])("agrees with the cash flow (lag %i): each month's reimbursement is received in the month it names", (lag) => {
    // Two financial years, a different claim each month, within the entitlement.
    const year = (start: number) =>
      Array.from({ length: 12 }, (_, i) => {
        const y = start + (i >= 9 ? 1 : 0);
        const m = ((i + 3) % 12) + 1;
        return { month: `${y}-${String(m).padStart(2, "0")}`, costPence: 1000, claimablePence: 100 + i + (start - 2025) * 50 };
      });
    const years = [year(2025), year(2026)];
    const r = cashFlow(
      years.map((months) => ({ entitlementPence: 1_000_000, months })),
      lag,
    );
    const received = new Map(r.months.map((m) => [m.month, m.receivedPence]));
    let after = 0;
    for (const m of years.flat()) {
      const at = reimbursementMonth(m.month, lag);
      if (received.has(at)) expect(received.get(at), `${m.month} → ${at}`).toBe(m.claimablePence);
      else after += m.claimablePence;
    }
    expect(after).toBe(r.receivableAfterPence);
  });
});
