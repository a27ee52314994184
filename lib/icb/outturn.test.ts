// The ICB's sums and sort/filter (issue 18): each PCN's figures are picked from its own outturn
// (computeOutturn), totals and months are sums in pence, drafts are not this module's business.
import { describe, expect, it } from "vitest";
import { computeOutturn, type PlanPost } from "@/lib/claims/outturn";
import { monthsOfYear } from "@/lib/claims/types";
import { icbOutturnJson, pcnFigures, sortAndFilter, sortOf, filterOf } from "./outturn";

const FY = "2026/27";
const flat = (pence: number): PlanPost => ({ postId: "p1", label: "Pharmacist", role: "clinical-pharmacist", months: monthsOfYear(FY).map((month) => ({ month, claimablePence: pence, wteTenThousandths: 10_000 })) });
const line = (month: string, claimedPence: number, status = "paid") => ({ month, postId: "p1", label: "Pharmacist", role: "clinical-pharmacist", wteTenThousandths: 10_000, claimedPence, status, paidOn: status === "paid" ? "2026-07-01" : null });

// PCN A: plan 400,001 pence a month (4,800,012 a year); April claimed 399,999 paid, May 400,500 submitted.
const a = computeOutturn({ financialYear: FY, entitlementPence: 6_000_000, plan: [flat(400_001)], lines: [line("2026-04", 399_999), line("2026-05", 400_500, "submitted")], today: "2026-06-10" });
// PCN B: no agreed plan; April claimed 100,000 paid.
const b = computeOutturn({ financialYear: FY, entitlementPence: 2_000_000, plan: null, lines: [line("2026-04", 100_000)], today: "2026-06-10" });

describe("pcnFigures", () => {
  it("planned is the plan's year; to date and forecast are the outturn's", () => {
    expect(pcnFigures(a)).toEqual({
      entitlementPence: 6_000_000,
      plannedPence: 12 * 400_001, // 4,800,012
      claimedToDatePence: 399_999 + 400_500, // April and May (June has no claims yet: not to date)
      paidToDatePence: 399_999,
      forecastClaimsPence: 399_999 + 400_500 + 10 * 400_001, // 4,800,509
      forecastUnclaimedPence: 6_000_000 - 4_800_509, // 1,199,491
    });
    expect(pcnFigures(b)).toMatchObject({ plannedPence: 0, forecastClaimsPence: 100_000, forecastUnclaimedPence: 1_900_000 });
  });
});

describe("icbOutturnJson", () => {
  const json = icbOutturnJson({ code: "QZA", name: "Demo ICB" }, FY, "2026-06-10", [
    { code: "UZ1001", name: "Beta PCN", weightedPopulationStatus: "icb-confirmed", agreedScenario: { id: "s1", name: "Plan", agreedAt: "2026-03-01T00:00:00.000Z" }, outturn: a },
    { code: "UZ1002", name: "Alpha PCN", weightedPopulationStatus: "estimate", agreedScenario: null, outturn: b },
  ]);
  it("totals are the rows' sums, months the PCNs' months summed (pounds from pence)", () => {
    expect(json.totals).toMatchObject({ entitlement: 80_000, planned: 48_000.12, claimedToDate: 9_004.99, paidToDate: 4_999.99, forecastClaims: 49_005.09, forecastUnclaimed: 30_994.91, pcnCount: 2, pcnsWithAgreedPlan: 1 });
    // April: planned 400,001; claimed 399,999 + 100,000 = 499,999; paid the same.
    expect(json.months[0]).toEqual({ month: "2026-04", planned: 4_000.01, claimed: 4_999.99, paid: 4_999.99 });
    expect(json.months[1]).toEqual({ month: "2026-05", planned: 4_000.01, claimed: 4_005, paid: 0 });
    expect(json.months).toHaveLength(12);
  });
  it("sorts by forecast unclaimed (largest first) or name, and filters", () => {
    expect(sortAndFilter(json.pcns, "name", "all").map((r) => r.code)).toEqual(["UZ1002", "UZ1001"]);
    // By forecast unclaimed: the PCN with an agreed plan first, though the one without shows more
    // (19,000 > 11,994.91: its whole entitlement less its claims, not a forecast).
    expect(sortAndFilter(json.pcns, "unclaimed", "all").map((r) => r.code)).toEqual(["UZ1001", "UZ1002"]);
    // "Forecast to leave money unclaimed" means a forecast: PCNs without an agreed plan are not in it.
    expect(sortAndFilter(json.pcns, "name", "unclaimed").map((r) => r.code)).toEqual(["UZ1001"]);
    expect(sortAndFilter(json.pcns, "entitlement", "all").map((r) => r.code)).toEqual(["UZ1001", "UZ1002"]); // 60,000 > 20,000
    expect(sortAndFilter(json.pcns, "claimed", "all").map((r) => r.code)).toEqual(["UZ1001", "UZ1002"]);
    expect(sortAndFilter(json.pcns, "name", "no-plan").map((r) => r.code)).toEqual(["UZ1002"]);
    expect(sortOf("bogus")).toBe("name");
    expect(filterOf("unclaimed")).toBe("unclaimed");
  });
});
