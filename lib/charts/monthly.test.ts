import { describe, expect, it } from "vitest";
import { monthlyEntitlementShare, monthlySeries, monthlySeriesExtent } from "./monthly";

const months = [
  { month: "2025-04", claimable: 4_100.1, pcnFunded: 200.2 },
  { month: "2025-05", claimable: 4_100.1, pcnFunded: 200.2 },
  { month: "2025-06", claimable: 4_100.1, pcnFunded: 200.2 },
];

describe("monthlySeries: like against like on one axis", () => {
  it("each month: a month's cost against a twelfth of the entitlement", () => {
    // £798,930 ÷ 12 = £66,577.50
    const s = monthlySeries(months, 798_930, "month");
    expect(s.map((p) => p.entitlement)).toEqual([66_577.5, 66_577.5, 66_577.5]);
    expect(s[0]).toEqual({ month: "2025-04", claimable: 4_100.1, pcnFunded: 200.2, entitlement: 66_577.5 });
  });

  it("a twelfth is rounded half up to the penny", () => {
    // 100,000.01 → 10,000,001p ÷ 12 = 833,333.42p → £8,333.33; 0.06 → 6p ÷ 12 = 0.5p → 1p
    expect(monthlyEntitlementShare(100_000.01)).toBe(8_333.33);
    expect(monthlyEntitlementShare(0.06)).toBe(0.01);
  });

  it("cumulative: the cost so far against the whole year's entitlement, summed in pence", () => {
    // 3 × 4,100.10 = 12,300.30 (in floats 4100.1 + 4100.1 + 4100.1 = 12300.300000000001)
    const s = monthlySeries(months, 798_930, "cumulative");
    expect(s.map((p) => p.claimable)).toEqual([4_100.1, 8_200.2, 12_300.3]);
    expect(s.map((p) => p.pcnFunded)).toEqual([200.2, 400.4, 600.6]);
    expect(s.map((p) => p.entitlement)).toEqual([798_930, 798_930, 798_930]);
  });

  it("the axis extent includes the stacked tops and the entitlement line", () => {
    const extent = monthlySeriesExtent(monthlySeries(months, 798_930, "month"));
    expect(Math.max(...extent)).toBe(66_577.5);
    expect(extent).toContain(4_100.1 + 200.2);
  });
});
