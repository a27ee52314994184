// Walkthrough with England's data: Bristol Inner City's 3-year plans from 2026/27 compared; "All
// years of each plan" (entitlement £4,217,002.26, cost £1,568,071.65 …) said nothing of its two
// projected years and one year of estimated rules.
import { describe, expect, it } from "vitest";
import type { YearStatus } from "./compare";
import { horizonStatusNote } from "./compare-horizon-note";

const years = (...ys: [string, (YearStatus | null)[]][]) => ({ years: ys.map(([financialYear, status]) => ({ financialYear, status, rows: [] })) });

describe("horizonStatusNote", () => {
  it("names the projected and the estimated years", () => {
    expect(horizonStatusNote(years(["2026/27", ["estimate", "estimate"]], ["2027/28", ["projection", "projection"]], ["2028/29", ["projection", null]]))).toEqual({
      status: "projection",
      text: "These totals add up projected figures for 2027/28 and 2028/29 (no published rules yet) and estimated figures for 2026/27: they are a projection, not published figures.",
    });
  });

  it("estimates only", () => {
    expect(horizonStatusNote(years(["2025/26", ["published", "estimate"]]))).toEqual({
      status: "estimate",
      text: "These totals add up estimated figures for 2025/26: they are an estimate, not published figures.",
    });
  });

  it("nothing to say when every year is published", () => {
    expect(horizonStatusNote(years(["2024/25", ["published", "published"]], ["2025/26", ["published", null]]))).toBeNull();
  });
});
