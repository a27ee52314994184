import { describe, expect, it } from "vitest";
import { getRules } from "@/lib/engine";
import { backdatedMonths, backdatedUpliftOf, computeBackpay } from "./backpay";
import type { OutturnLine, PlanPost } from "./outturn";
import { monthsOfYear } from "./types";

const FY = "2025/26";
const uplift = backdatedUpliftOf(getRules(FY)!.capTables)!;
const post = (postId: string, pence: (month: string, i: number) => number): PlanPost => ({
  postId,
  label: postId.toUpperCase(),
  role: "occupational-therapist",
  roleName: "Occupational therapist",
  months: monthsOfYear(FY).map((month, i) => ({ month, claimablePence: pence(month, i), wteTenThousandths: 10_000 })),
});
const line = (month: string, postId: string | null, claimedPence: number, status = "paid"): OutturnLine => ({ month, postId, label: "x", role: "occupational-therapist", wteTenThousandths: 10_000, claimedPence, status, paidOn: null });

describe("backdated months", () => {
  it("2025/26: effective 1 April, loaded 1 August → April to July", () => {
    expect(backdatedMonths(FY, uplift)).toEqual(["2025-04", "2025-05", "2025-06", "2025-07"]);
  });
  it("2026/27's expected uplift: the same four months if loaded on 1 August", () => {
    expect(backdatedMonths("2026/27", backdatedUpliftOf(getRules("2026/27")!.capTables)!)).toEqual(["2026-04", "2026-05", "2026-06", "2026-07"]);
  });
  it("2024/25 has no backdated uplift table", () => {
    expect(backdatedUpliftOf(getRules("2024/25")!.capTables)).toBeNull();
    expect(computeBackpay({ financialYear: "2024/25", uplift: null, oldPlan: [], newPlan: [], lines: [] }).warnings[0]).toMatch(/no backdated uplift/);
  });
});

describe("computeBackpay", () => {
  // OT: old maxima £4,000.00 a month, uplifted £4,144.00 (× 1.036). CP: from June only, old £3,000.00, new £3,108.00.
  const oldPlan = [post("ot", () => 400_000), post("cp", (m) => (m >= "2025-06" ? 300_000 : 0))];
  const newPlan = [post("ot", () => 414_400), post("cp", (m) => (m >= "2025-06" ? 310_800 : 0))];
  const lines = [line("2025-04", "ot", 400_000), line("2025-05", "ot", 398_000, "approved"), line("2025-06", "ot", 1, "draft"), line("2025-04", null, 50_000)];
  const b = computeBackpay({ financialYear: FY, uplift, oldPlan, newPlan, lines });

  it.each([
    // April, May claimed (400,000; 398,000); June, July not claimed → the plan under the old maxima 400,000 each (a draft is not a claim)
    ["OT: old 400,000 + 398,000 + 400,000 + 400,000 = 1,598,000; new 4 × 414,400 = 1,657,600; difference 59,600", "ot", "2025-04", "2025-07", 1_598_000, 1_657_600, 59_600, "claimed and plan"],
    // CP in post from June: old 2 × 300,000 = 600,000; new 2 × 310,800 = 621,600; difference 21,600
    ["CP from June: old 600,000; new 621,600; difference 21,600", "cp", "2025-06", "2025-07", 600_000, 621_600, 21_600, "plan"],
  ])("%s", (_, postId, from, to, oldPence, newPence, diff, basis) => {
    expect(b.posts.find((p) => p.postId === postId)).toMatchObject({ from, to, oldClaimPence: oldPence, newEntitlementPence: newPence, differencePence: diff, oldBasis: basis });
  });

  it("totals: 1,598,000 + 600,000 = 2,198,000 old; 1,657,600 + 621,600 = 2,279,200 new; 81,200 back pay", () => {
    expect(b.totals).toEqual({ oldClaimPence: 2_198_000, newEntitlementPence: 2_279_200, differencePence: 81_200 });
    expect(b.months).toEqual(["2025-04", "2025-05", "2025-06", "2025-07"]);
    expect(b.warnings).toEqual([]);
  });

  it("month by month, with where each old claim came from", () => {
    expect(b.posts[0]!.months.map((m) => [m.month, m.oldBasis, m.differencePence])).toEqual([
      ["2025-04", "claimed", 14_400], // 414,400 − 400,000
      ["2025-05", "claimed", 16_400], // 414,400 − 398,000
      ["2025-06", "plan", 14_400],
      ["2025-07", "plan", 14_400],
    ]);
  });

  it("a claim above even the uplifted maximum gives a negative difference and a warning", () => {
    const over = computeBackpay({ financialYear: FY, uplift, oldPlan: [oldPlan[0]!], newPlan: [newPlan[0]!], lines: [line("2025-04", "ot", 500_000)] });
    // April: 414,400 − 500,000 = −85,600; May–July: 3 × 14,400 = 43,200; total −42,400
    expect(over.totals.differencePence).toBe(-42_400);
    expect(over.warnings[0]).toMatch(/more was claimed .* than the uplifted maximum allows \(by £424\.00\)/);
  });
});
