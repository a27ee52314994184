import { describe, expect, it } from "vitest";
import { peakFundingYear } from "./columns";

const year = (financialYear: string, first: number, projection: boolean) => ({
  financialYear,
  projection,
  cashFlow: Array.from({ length: 12 }, (_, i) => ({ month: `${first + (i >= 9 ? 1 : 0)}-${String(((i + 3) % 12) + 1).padStart(2, "0")}` })),
});

describe("peakFundingYear", () => {
  const years = [year("2026/27", 2026, false), year("2027/28", 2027, true), year("2028/29", 2028, true)];
  it("finds the year whose cash flow holds the peak month (Mar 2029 is in 2028/29, a projection)", () => {
    // The walkthrough's case: the peak fell in March 2029 and showed with no Projection tag.
    expect(peakFundingYear({ years, summary: { peakFundingMonth: "2029-03" } })?.financialYear).toBe("2028/29");
    expect(peakFundingYear({ years, summary: { peakFundingMonth: "2029-03" } })?.projection).toBe(true);
    expect(peakFundingYear({ years, summary: { peakFundingMonth: "2026-05" } })?.financialYear).toBe("2026/27");
  });
  it("null without a peak", () => {
    expect(peakFundingYear({ years, summary: { peakFundingMonth: null } })).toBeNull();
  });
});
