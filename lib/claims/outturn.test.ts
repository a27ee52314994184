import { describe, expect, it } from "vitest";
import { computeOutturn, daysSinceMonthEnd, outturnJson, type OutturnLine, type PlanPost } from "./outturn";
import { monthsOfYear } from "./types";

const FY = "2026/27";
const MONTHS = monthsOfYear(FY);
// Two posts: an OT planned at £4,000.00 a month all year, a pharmacist at £3,000.50 from July.
const OT: PlanPost = { postId: "ot", label: "OT", role: "occupational-therapist", months: MONTHS.map((month) => ({ month, claimablePence: 400_000, wteTenThousandths: 10_000 })) };
const CP: PlanPost = {
  postId: "cp",
  label: "CP",
  role: "clinical-pharmacist",
  months: MONTHS.map((month, i) => ({ month, claimablePence: i >= 3 ? 300_050 : 0, wteTenThousandths: i >= 3 ? 8_000 : 0 })),
};
const line = (month: string, postId: string | null, claimedPence: number, status: string, label = postId ?? "Locum OT", paidOn: string | null = null): OutturnLine => ({
  month,
  postId,
  label,
  role: postId === "cp" ? "clinical-pharmacist" : "occupational-therapist",
  wteTenThousandths: 10_000,
  claimedPence,
  status,
  paidOn,
});

// April–June claimed; today 10 July 2026 (July has no claims, so to date = April–June).
const LINES: OutturnLine[] = [
  line("2026-04", "ot", 395_000, "paid", "OT", "2026-06-01"), // April: £3,950.00 paid
  line("2026-05", "ot", 410_000, "approved"), // May: £4,100.00 approved
  line("2026-06", "ot", 400_000, "submitted"), // June: £4,000.00 submitted
  line("2026-06", null, 120_000, "submitted", "Locum OT"), // June: a person not in the plan, £1,200.00
  line("2026-06", "ot", 99_999, "draft"), // a draft: not claimed
  line("2026-07", "ot", 400_000, "rejected"), // July: only a rejected line, so July "has no claims"
];
const base = { financialYear: FY, entitlementPence: 10_000_000, plan: [OT, CP], lines: LINES, today: "2026-07-10" };

describe("computeOutturn: month by month", () => {
  const o = computeOutturn(base);
  const m = (month: string) => o.months.find((x) => x.month === month)!;
  it.each([
    // month, planned, claimed, approved, paid, variance
    ["April: paid line; 395,000 − 400,000 = −5,000", "2026-04", 400_000, 395_000, 395_000, 395_000, -5_000],
    ["May: approved; 410,000 − 400,000 = 10,000", "2026-05", 400_000, 410_000, 410_000, 0, 10_000],
    ["June: 400,000 + 120,000 (person not in plan) = 520,000 submitted; draft left out; 520,000 − 400,000 = 120,000", "2026-06", 400_000, 520_000, 0, 0, 120_000],
    ["July: only rejected → no claims, variance null; planned 400,000 + 300,050 = 700,050", "2026-07", 700_050, 0, 0, 0, null],
  ])("%s", (_, month, planned, claimed, approved, paid, variance) => {
    expect(m(month)).toMatchObject({ plannedPence: planned, claimedPence: claimed, approvedPence: approved, paidPence: paid, variancePence: variance });
  });

  it("a month with only draft or rejected lines has no claims", () => {
    expect(m("2026-07").hasClaims).toBe(false);
    expect(m("2026-06").hasClaims).toBe(true);
  });

  it("to date = April–June (July is the current month without claims)", () => {
    // planned 3 × 400,000 = 1,200,000; claimed 395,000 + 410,000 + 520,000 = 1,325,000;
    // approved 395,000 + 410,000 = 805,000; paid 395,000
    expect(o.toDate).toEqual({ plannedPence: 1_200_000, claimedPence: 1_325_000, approvedPence: 805_000, paidPence: 395_000, months: ["2026-04", "2026-05", "2026-06"] });
  });

  it("the forecast: claimed where there are claims, planned after", () => {
    // claims: 1,325,000 (Apr–Jun claimed) + July–March planned 9 × (400,000 + 300,050) = 6,300,450 → 7,625,450
    // unclaimed: 10,000,000 − 7,625,450 = 2,374,550
    expect(o.forecast.claimsPence).toBe(7_625_450);
    expect(o.forecast.unclaimedPence).toBe(2_374_550);
    expect(o.forecast.overClaimPence).toBe(0);
    expect(o.warnings).toEqual([]);
    // cumulative forecast in March = the forecast claims
    expect(o.months[11]!.cumulativeForecastPence).toBe(7_625_450);
    expect(o.months[2]!.cumulativeClaimedPence).toBe(1_325_000);
    expect(o.months[3]!.cumulativeClaimedPence).toBeNull();
  });

  it("posts: the plan's posts, then a person not in the plan as their own row", () => {
    // OT: planned 12 × 400,000 = 4,800,000; planned to date (Apr–Jun) 1,200,000; claimed 395,000 + 410,000 + 400,000 = 1,205,000; variance 5,000
    // CP: planned 9 × 300,050 = 2,700,450; nothing claimed or planned to date: variance 0
    // Locum OT: claimed 120,000, planned 0: variance 120,000. Variances add up to the months': −5,000 + 10,000 + 120,000 = 125,000 = 5,000 + 0 + 120,000
    expect(o.posts).toEqual([
      { postId: "ot", label: "OT", role: "occupational-therapist", inPlan: true, plannedPence: 4_800_000, plannedToDatePence: 1_200_000, claimedPence: 1_205_000, variancePence: 5_000 },
      { postId: "cp", label: "CP", role: "clinical-pharmacist", inPlan: true, plannedPence: 2_700_450, plannedToDatePence: 0, claimedPence: 0, variancePence: 0 },
      { postId: null, label: "Locum OT", role: "occupational-therapist", inPlan: false, plannedPence: 0, plannedToDatePence: 0, claimedPence: 120_000, variancePence: 120_000 },
    ]);
  });

  it("unpaid months and how long each has waited since the month ended", () => {
    // May ended 31 May: 1 June … 10 July = 40 days; June ended 30 June: 10 days
    expect(o.unpaid).toEqual([
      { month: "2026-05", claimedPence: 410_000, paidPence: 0, outstandingPence: 410_000, daysWaiting: 40 },
      { month: "2026-06", claimedPence: 520_000, paidPence: 0, outstandingPence: 520_000, daysWaiting: 10 },
    ]);
  });
});

describe("computeOutturn: edge cases", () => {
  it.each([
    // entitlement, expected unclaimed, over-claim
    ["over-claim: 7,000,000 − 7,625,450 < 0 → unclaimed 0, over by 625,450", 7_000_000, 0, 625_450],
    ["exactly the entitlement: 7,625,450 − 7,625,450 = 0, no over-claim", 7_625_450, 0, 0],
  ])("%s", (_, entitlementPence, unclaimed, over) => {
    const o = computeOutturn({ ...base, entitlementPence });
    expect(o.forecast.unclaimedPence).toBe(unclaimed);
    expect(o.forecast.overClaimPence).toBe(over);
    expect(o.warnings.length).toBe(over > 0 ? 1 : 0);
    if (over) expect(o.warnings[0]).toContain("£6,254.50 more than the 2026/27 entitlement (£70,000.00)");
  });

  it("no agreed plan: planned 0 everywhere, the forecast is the claims", () => {
    const o = computeOutturn({ ...base, plan: null });
    expect(o.months.every((m) => m.plannedPence === 0)).toBe(true);
    // claims = 1,325,000 (claimed) + 0 (nothing planned); unclaimed 10,000,000 − 1,325,000 = 8,675,000
    expect(o.forecast.claimsPence).toBe(1_325_000);
    expect(o.forecast.unclaimedPence).toBe(8_675_000);
    // April variance: 395,000 − 0
    expect(o.months[0]!.variancePence).toBe(395_000);
    expect(o.posts.map((p) => p.postId)).toEqual(["ot", null]);
  });

  it("the current month counts to date once it has claims", () => {
    const o = computeOutturn({ ...base, lines: [...LINES, line("2026-07", "ot", 1_000, "submitted")] });
    expect(o.toDate.months).toEqual(["2026-04", "2026-05", "2026-06", "2026-07"]);
    // claimed 1,325,000 + 1,000 = 1,326,000; planned 1,200,000 + 700,050 = 1,900,050
    expect(o.toDate.claimedPence).toBe(1_326_000);
    expect(o.toDate.plannedPence).toBe(1_900_050);
  });

  it("a past year: every month is to date", () => {
    const o = computeOutturn({ ...base, today: "2027-05-01" });
    expect(o.toDate.months).toHaveLength(12);
  });

  it.each([
    ["2026-05", "2026-05-20", 0],
    ["2026-05", "2026-06-01", 1],
    ["2026-02", "2026-03-31", 31],
    ["2026-12", "2027-01-01", 1],
  ])("days since %s ended, on %s: %i", (month, today, days) => {
    expect(daysSinceMonthEnd(month, today)).toBe(days);
  });

  it("the JSON is in pounds with the issue's field names", () => {
    const j = outturnJson(computeOutturn(base), { agreedScenario: { id: "s", name: "Plan", version: 3 }, today: "2026-07-10" });
    expect(j.entitlement).toBe(100_000);
    expect(j.months[6]).toMatchObject({ month: "2026-10", planned: 7000.5, claimed: 0, approved: 0, paid: 0, variance: null });
    expect(j.toDate).toMatchObject({ planned: 12_000, claimed: 13_250, approved: 8_050, paid: 3_950 });
    expect(j.forecast).toMatchObject({ claims: 76_254.5, unclaimed: 23_745.5 });
    expect(j.posts[0]).toMatchObject({ postId: "ot", label: "OT", planned: 48_000, claimed: 12_050, variance: 50 });
  });
});
