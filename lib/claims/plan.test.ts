import { describe, expect, it } from "vitest";
import { daysInMonth, planPostsOf, toPence } from "./plan";

describe("the agreed plan's posts for the outturn", () => {
  it.each([
    ["2026-02", 28],
    ["2028-02", 29],
    ["2026-04", 30],
    ["2026-12", 31],
  ])("%s has %i days", (month, days) => expect(daysInMonth(month)).toBe(days));

  it("pounds back to pence exactly (0.1 + 0.2 style float noise rounds away)", () => {
    expect(toPence(4144.07)).toBe(414_407);
    expect(toPence(0.1 + 0.2)).toBe(30);
  });

  it("claimable in pence; WTE in post = WTE × days in post ÷ days in the month; the label from the scenario", () => {
    const year = {
      posts: [
        {
          id: "ot-1",
          role: "occupational-therapist",
          roleName: "Occupational therapist",
          wte: 0.8,
          months: [
            { month: "2026-04", daysInPost: 30, claimable: 4144.07 },
            // from 16 June: 15 of 30 days → 0.8 × 15 ÷ 30 = 0.4 WTE
            { month: "2026-06", daysInPost: 15, claimable: 2072.04 },
            // 10 of 31 days: 8,000 × 10 ÷ 31 = 2,580.6 → 2,581 ten-thousandths
            { month: "2026-07", daysInPost: 10, claimable: 1336.8 },
          ],
        },
      ],
    } as never;
    const [p] = planPostsOf(year, new Map([["ot-1", "OT – frailty"]]));
    expect(p).toMatchObject({ postId: "ot-1", label: "OT – frailty", role: "occupational-therapist" });
    expect(p!.months).toEqual([
      { month: "2026-04", claimablePence: 414_407, wteTenThousandths: 8_000 },
      { month: "2026-06", claimablePence: 207_204, wteTenThousandths: 4_000 },
      { month: "2026-07", claimablePence: 133_680, wteTenThousandths: 2_581 },
    ]);
    // No label → the role's name
    expect(planPostsOf(year)[0]!.label).toBe("Occupational therapist");
  });
});
