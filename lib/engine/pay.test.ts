import { describe, expect, it } from "vitest";
import { afcBasicPence, hcasPence } from "./pay";
import { rulesFor } from "./test-helpers";

const r2025 = rulesFor("2025/26");

describe("afcBasicPence (domain.md §4)", () => {
  it.each([
    { fy: "2025/26", band: "7", point: 1, expected: 4_781_000 }, // band 7 entry £47,810
    { fy: "2025/26", band: "5", point: 1, expected: 3_104_900 }, // £31,049
    { fy: "2025/26", band: "8a", point: 3, expected: 6_268_200 }, // £62,682
    { fy: "2025/26", band: "3", point: 2, expected: 2_659_800 }, // £26,598
    { fy: "2024/25", band: "7", point: 1, expected: 4_614_800 }, // £46,148
    { fy: "2026/27", band: "7", point: 1, expected: 4_938_800 }, // 47,810 × 1.033 = 49,387.73 → £49,388 (estimate)
  ] as const)("$fy band $band point $point = $expected pence", ({ fy, band, point, expected }) => {
    expect(afcBasicPence(rulesFor(fy), band, point)).toBe(expected);
  });

  it.each([
    { band: "7", point: 4 },
    { band: "3", point: 3 },
    { band: "5", point: 0 },
  ] as const)("unknown point: band $band point $point → null", ({ band, point }) => {
    expect(afcBasicPence(r2025, band, point)).toBeNull();
  });
});

describe("hcasPence (2025/26: inner 20% £5,415–£8,465; outer 15% £4,552–£5,941; fringe 5% £1,258–£2,197)", () => {
  it.each([
    { label: "inner London on band 7 point 1: 20% capped at the maximum", area: "inner-london", basic: 4_781_000, expected: 846_500 }, // 20% × 47,810 = 9,562 > 8,465 → £8,465
    { label: "inner London on band 3 point 1: minimum applies", area: "inner-london", basic: 2_493_700, expected: 541_500 }, // 20% × 24,937 = 4,987.40 < 5,415 → £5,415
    { label: "inner London within the range", area: "inner-london", basic: 3_104_900, expected: 620_980 }, // 20% × 31,049 = £6,209.80
    { label: "outer London on band 5 point 1: within range", area: "outer-london", basic: 3_104_900, expected: 465_735 }, // 15% × 31,049 = £4,657.35 (within 4,552–5,941)
    { label: "outer London on band 7 point 1: capped", area: "outer-london", basic: 4_781_000, expected: 594_100 }, // 15% × 47,810 = 7,171.50 > 5,941 → £5,941
    { label: "outer London on band 3 point 1: minimum", area: "outer-london", basic: 2_493_700, expected: 455_200 }, // 15% × 24,937 = 3,740.55 < 4,552 → £4,552
    { label: "fringe on band 3 point 1: minimum applies", area: "fringe", basic: 2_493_700, expected: 125_800 }, // 5% × 24,937 = 1,246.85 < 1,258 → £1,258
    { label: "fringe within range", area: "fringe", basic: 3_104_900, expected: 155_245 }, // 5% × 31,049 = £1,552.45
    { label: "fringe capped", area: "fringe", basic: 6_445_500, expected: 219_700 }, // 5% × 64,455 = 3,222.75 > 2,197 → £2,197
    { label: "national: no HCAS", area: "national", basic: 4_781_000, expected: 0 },
    { label: "half a penny rounds up", area: "fringe", basic: 3_104_910, expected: 155_246 }, // 5% × 31,049.10 = 1,552.455 → £1,552.46
  ] as const)("$label → $expected pence", ({ area, basic, expected }) => {
    expect(hcasPence(r2025, area, basic)).toBe(expected);
  });
});
