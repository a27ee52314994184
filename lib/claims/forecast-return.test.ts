import { describe, expect, it } from "vitest";
import { computeForecastReturn } from "./forecast-return";
import { computeOutturn, type OutturnLine, type PlanPost } from "./outturn";
import { monthsOfYear } from "./types";

const FY = "2026/27";
const MONTHS = monthsOfYear(FY);
// Plan: an OT (1.0 WTE, £4,000.00 a month) all year; a pharmacist (0.8 WTE, £3,000.50) from July.
const plan: PlanPost[] = [
  { postId: "ot", label: "OT", role: "occupational-therapist", months: MONTHS.map((month) => ({ month, claimablePence: 400_000, wteTenThousandths: 10_000 })) },
  { postId: "cp", label: "CP", role: "clinical-pharmacist", months: MONTHS.map((month, i) => ({ month, claimablePence: i >= 3 ? 300_050 : 0, wteTenThousandths: i >= 3 ? 8_000 : 0 })) },
];
const line = (month: string, role: string, wte: number, claimedPence: number, status: string, postId: string | null = null): OutturnLine => ({ month, postId, label: role, role, wteTenThousandths: wte, claimedPence, status, paidOn: null });
const lines = [
  line("2026-04", "occupational-therapist", 10_000, 395_000, "paid", "ot"),
  line("2026-05", "occupational-therapist", 10_000, 410_000, "submitted", "ot"),
  line("2026-05", "occupational-therapist", 5_000, 150_000, "approved"), // a locum OT, not in the plan
  line("2026-06", "occupational-therapist", 10_000, 400_000, "draft", "ot"), // June: only a draft → planned
  line("2026-07", "clinical-pharmacist", 8_000, 300_000, "rejected", "cp"), // July: only rejected → planned
];
const r = computeForecastReturn({ financialYear: FY, plan, lines });
const row = (month: string, role: string) => r.rows.find((x) => x.month === month && x.role === role);

describe("computeForecastReturn", () => {
  it.each([
    ["April claimed: the OT line", "2026-04", "occupational-therapist", 10_000, 395_000, "claimed"],
    ["May claimed: 1.0 + 0.5 WTE; 410,000 + 150,000 = 560,000", "2026-05", "occupational-therapist", 15_000, 560_000, "claimed"],
    ["June: a draft only → the plan", "2026-06", "occupational-therapist", 10_000, 400_000, "planned"],
    ["July: rejected only → the plan's pharmacist", "2026-07", "clinical-pharmacist", 8_000, 300_050, "planned"],
  ])("%s", (_, month, role, wte, pence, basis) => {
    expect(row(month, role)).toMatchObject({ wteTenThousandths: wte, pence, basis });
  });

  it("no pharmacist row before July (nobody in post)", () => {
    expect(row("2026-04", "clinical-pharmacist")).toBeUndefined();
    expect(row("2026-04", "occupational-therapist")?.roleName).toBe("Occupational therapist (incl. First Contact OT)");
  });

  it("the return's £ add up to the outturn's forecast claims", () => {
    // claimed 395,000 + 560,000 = 955,000; planned OT June–March 10 × 400,000 = 4,000,000; CP July–March 9 × 300,050 = 2,700,450
    // 955,000 + 4,000,000 + 2,700,450 = 7,655,450
    expect(r.totalPence).toBe(7_655_450);
    const o = computeOutturn({ financialYear: FY, entitlementPence: 10_000_000, plan, lines, today: "2026-07-10" });
    expect(o.forecast.claimsPence).toBe(r.totalPence);
  });

  it("by role: totals and the average WTE over 12 months", () => {
    // OT: 395,000 + 560,000 + 4,000,000 = 4,955,000; WTE (1.0 + 1.5 + 10 × 1.0) ÷ 12 = 1.0417
    // CP: 2,700,450; WTE 9 × 0.8 ÷ 12 = 0.6
    expect(r.byRole).toEqual([
      { role: "occupational-therapist", roleName: "Occupational therapist (incl. First Contact OT)", pence: 4_955_000, claimedPence: 955_000, plannedPence: 4_000_000, averageWteTenThousandths: 10_417 },
      { role: "clinical-pharmacist", roleName: expect.any(String), pence: 2_700_450, claimedPence: 0, plannedPence: 2_700_450, averageWteTenThousandths: 6_000 },
    ]);
  });

  it("no agreed plan: only the claims", () => {
    const none = computeForecastReturn({ financialYear: FY, plan: null, lines });
    expect(none.totalPence).toBe(955_000);
    expect(none.rows.every((x) => x.basis === "claimed")).toBe(true);
  });
});
