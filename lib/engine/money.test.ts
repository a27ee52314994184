import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigDivRoundHalfUp, divRoundHalfUp, penceToPounds, poundsToPence, rateToPpm, sum, toScaledInteger } from "./money";
import { bigHalfUp } from "./test-helpers";

describe("divRoundHalfUp", () => {
  it.each([
    { label: "exact", n: 10, d: 5, expected: 2 }, // 10/5 = 2
    { label: "below half rounds down", n: 7, d: 5, expected: 1 }, // 1.4 → 1
    { label: "exactly half rounds up", n: 5, d: 2, expected: 3 }, // 2.5 → 3
    { label: "half of one rounds up", n: 1, d: 2, expected: 1 }, // 0.5 → 1
    { label: "just below half", n: 49, d: 100, expected: 0 }, // 0.49 → 0
    { label: "just above half", n: 51, d: 100, expected: 1 }, // 0.51 → 1
    { label: "zero", n: 0, d: 7, expected: 0 }, // 0/7 = 0
    { label: "monthly salary £52,000", n: 5_200_000, d: 12, expected: 433_333 }, // 433,333.33… → 433,333
    { label: "half a penny on a monthly split", n: 18, d: 12, expected: 2 }, // 1.5 → 2
    { label: "large exact half", n: 2 ** 52 + 1, d: 2, expected: 2 ** 51 + 1 }, // (2^52+1)/2 = 2^51 + 0.5 → 2^51+1
    { label: "large numerator near 2^53", n: 2 ** 53 - 1, d: 3, expected: 3_002_399_751_580_330 }, // 9,007,199,254,740,991/3 = 3,002,399,751,580,330.33 → …330
  ])("$label: round($n / $d) = $expected", ({ n, d, expected }) => {
    expect(divRoundHalfUp(n, d)).toBe(expected);
  });

  it("rejects a non-positive divisor", () => {
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1, -2)).toThrow(RangeError);
  });

  it("agrees with exact BigInt half-up for any safe numerator and divisor", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 2 ** 40 }), (n, d) => {
        expect(divRoundHalfUp(n, d)).toBe(Number(bigHalfUp(BigInt(n), BigInt(d))));
      }),
      { numRuns: 500 },
    );
  });
});

describe("bigDivRoundHalfUp", () => {
  it.each([
    { label: "half up", n: 5n, d: 2n, expected: 3n }, // 2.5 → 3
    { label: "below half", n: 4n, d: 3n, expected: 1n }, // 1.33 → 1
    { label: "beyond 2^53", n: 10n ** 20n + 5n, d: 10n, expected: 10n ** 19n + 1n }, // 1e19 + 0.5 → 1e19 + 1
  ])("$label", ({ n, d, expected }) => {
    expect(bigDivRoundHalfUp(n, d)).toBe(expected);
  });
  it("rejects a non-positive divisor", () => {
    expect(() => bigDivRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe("toScaledInteger", () => {
  it.each([
    { label: "0.1 at 2dp is exactly 10 (not 10.000000000000002)", value: 0.1, dp: 2, expected: 10 }, // "0.1" → 0|10
    { label: "0.1 + 0.2 has too many decimals", value: 0.1 + 0.2, dp: 2, expected: null }, // 0.30000000000000004
    { label: "ARRS rate 26.631 in ppm", value: 26.631, dp: 6, expected: 26_631_000 }, // 26.631 × 10^6
    { label: "1e-7 at 7dp", value: 1e-7, dp: 7, expected: 1 }, // "1e-7" → 0.0000001 → 1
    { label: "1e-7 has too many decimals for 6dp", value: 1e-7, dp: 6, expected: null }, // 7 decimals > 6
    { label: "1.5e-7 at 8dp", value: 1.5e-7, dp: 8, expected: 15 }, // 0.00000015 → 15
    { label: "47810.1 at 2dp", value: 47810.1, dp: 2, expected: 4_781_010 }, // 47,810.10 → 4,781,010
    { label: "too many decimals", value: 1.234, dp: 2, expected: null }, // 3 decimals > 2
    { label: "integer", value: 52000, dp: 2, expected: 5_200_000 }, // 52,000.00
    { label: "zero", value: 0, dp: 2, expected: 0 },
    { label: "negative", value: -12.5, dp: 2, expected: -1250 }, // −12.50
    { label: "not finite", value: Infinity, dp: 2, expected: null },
    { label: "NaN", value: NaN, dp: 2, expected: null },
    { label: "huge (exponent form)", value: 1e21, dp: 0, expected: null }, // "1e+21"
    { label: "beyond safe integers once scaled", value: 9e15, dp: 2, expected: null }, // 9e17 > 2^53
  ])("$label", ({ value, dp, expected }) => {
    expect(toScaledInteger(value, dp)).toBe(expected);
  });

  it("round-trips every amount of pence written as pounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (pence) => {
        expect(toScaledInteger(pence / 100, 2)).toBe(pence);
      }),
      { numRuns: 500 },
    );
  });
});

describe("poundsToPence", () => {
  it.each([
    { label: "19.99 (19.99 × 100 = 1998.9999… in floats)", pounds: 19.99, expected: 1999 },
    { label: "FCP salary", pounds: 52000, expected: 5_200_000 }, // £52,000.00
    { label: "one decimal", pounds: 47810.1, expected: 4_781_010 }, // £47,810.10
    { label: "a penny", pounds: 0.01, expected: 1 },
    { label: "one decimal place", pounds: 1.1, expected: 110 }, // £1.10
  ])("$label → $expected", ({ pounds, expected }) => {
    expect(poundsToPence(pounds)).toBe(expected);
  });

  it.each([{ pounds: 1.005 }, { pounds: 0.1 + 0.2 }, { pounds: NaN }])("throws on $pounds", ({ pounds }) => {
    expect(() => poundsToPence(pounds)).toThrow(RangeError);
  });
});

describe("rateToPpm", () => {
  it.each([
    { label: "NI 2024/25", rate: 0.138, expected: 138_000 }, // 13.8% = 138,000 ppm
    { label: "NI 2025/26", rate: 0.15, expected: 150_000 }, // 15%
    { label: "employer pension", rate: 0.1438, expected: 143_800 }, // 14.38%
    { label: "HCAS inner London", rate: 0.2, expected: 200_000 }, // 20%
    { label: "ARRS rate 2025/26", rate: 26.631, expected: 26_631_000 }, // £ per patient in µ£
    { label: "six decimals", rate: 0.000001, expected: 1 },
  ])("$label: $rate → $expected ppm", ({ rate, expected }) => {
    expect(rateToPpm(rate)).toBe(expected);
  });

  it("throws on more than six decimals", () => {
    expect(() => rateToPpm(0.1234567)).toThrow(RangeError);
  });
});

describe("penceToPounds and sum", () => {
  it("converts pence to pounds for output", () => {
    expect(penceToPounds(6_539_772)).toBe(65_397.72);
  });
  it("sums", () => {
    expect(sum([])).toBe(0);
    expect(sum([1, 2, 3])).toBe(6);
  });
});
