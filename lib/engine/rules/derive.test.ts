import { describe, expect, it } from "vitest";
import { APRIL_2025_CAPS } from "./base-2025-26";
import { deriveLine, mhpTables, ON_COSTS_FROM_2025_26, ON_COSTS_TO_2024_25, pick } from "./derive";
import { OCTOBER_2024 } from "./2024-25";
import type { CapLine } from "./types";

const recostTo2024 = (line: CapLine) =>
  deriveLine(line, { from: ON_COSTS_FROM_2025_26, to: ON_COSTS_TO_2024_25, salaryFactor: 1, source: "test" });

describe("deriveLine (domain.md §5): max = basis × (1 + NI + pension) − NI × threshold", () => {
  it.each([
    // April 2025 max → basis (max + 750)/1.2938 → 2024/25 on-costs: basis × 1.2818 − 1,255.80
    { role: "clinical-pharmacist", published: [65_838, 73_189, 76_313] }, // 66,972 → 65,838.07; 74,392 → 73,189.26; 77,545 → 76,313.01
    { role: "first-contact-physiotherapist", published: [65_838, 73_189, 76_313] }, // as CP
    { role: "advanced-practitioner", published: [72_141, 79_492, 82_616] }, // 73,334 → 72,141.07; 80,754 → 79,492.25; 83,907 → 82,616.01
    { role: "pharmacy-technician", published: [42_437, 48_991, 51_176] }, // 43,352 → 42,437.15; 49,967 → 48,990.80; 52,172 → 51,175.35 (published 51,176)
  ] as const)("re-costing April 2025 $role at 2024/25 on-costs reproduces the published October 2024 row within £1", ({ role, published }) => {
    const d = recostTo2024(APRIL_2025_CAPS[role]);
    const got = [d.national, d.outerLondon, d.innerLondon];
    for (const [i, v] of got.entries()) expect(Math.abs(v - published[i]!)).toBeLessThanOrEqual(1);
    expect(d.status).toBe("derived");
  });

  it("the April 2025 CP national figure re-costed is exactly £65,838 (65,838.07 rounded)", () => {
    expect(recostTo2024(APRIL_2025_CAPS["clinical-pharmacist"]).national).toBe(65_838);
  });

  it.each([
    { label: "identity (same on-costs, factor 1)", max: 64_907, factor: 1, expected: 64_907 },
    { label: "3.6% uplift of band 7", max: 64_907, factor: 1.036, expected: 67_271 }, // (64,907 + 750) × 1.036 − 750 = 67,270.65
    { label: "undo 5.5%", max: 66_972, factor: 1 / 1.055, expected: 63_441 }, // 67,722/1.055 = 64,191.47; − 750 = 63,441.47 → 63,441 (2025/26 on-costs both sides)
  ])("$label: £$max × $factor → £$expected", ({ max, factor, expected }) => {
    const line: CapLine = { national: max, outerLondon: max, innerLondon: max, status: "published", source: "x" };
    const d = deriveLine(line, { from: ON_COSTS_FROM_2025_26, to: ON_COSTS_FROM_2025_26, salaryFactor: factor, source: "s", note: "n" });
    expect(d.national).toBe(expected);
    expect(d).toMatchObject({ status: "derived", source: "s", note: "n" });
  });

  it("whole-pound results are half up: a basis giving exactly £x.50 rounds up", () => {
    // Under 2025/26 on-costs max = 1.2938 × basis − 750; choose 1.2938 × basis = 1,000.5 + 750 with identity re-costing.
    const line: CapLine = { national: 1000, outerLondon: 1000, innerLondon: 1000, status: "published", source: "x" };
    const d = deriveLine(line, { from: ON_COSTS_FROM_2025_26, to: ON_COSTS_FROM_2025_26, salaryFactor: 1750.5 / 1750, source: "s" });
    expect(d.national).toBe(1001); // 1,750 × (1750.5/1750) − 750 = 1,000.5 → 1,001
  });
});

describe("mhpTables", () => {
  it("without a published 50% table: 100% = the band's base row, 50% = half of it, rounded half up", () => {
    const t = mhpTables(APRIL_2025_CAPS);
    expect(t["100%"]["7"]).toMatchObject({ national: 64_907, outerLondon: 72_327, innerLondon: 75_480 });
    expect(t["50%"]["7"]).toMatchObject({ national: 32_454, outerLondon: 36_164, innerLondon: 37_740 }); // 32,453.5 → 32,454; 36,163.5 → 36,164; 37,740
    expect(t["50%"]["4"]).toMatchObject({ national: 18_075, outerLondon: 21_019, innerLondon: 21_765 }); // 18,075; 21,019; 21,764.5 → 21,765
  });

  it("October 2024 MHP band 5 is half the published pharmacy technician row", () => {
    const t = mhpTables(OCTOBER_2024);
    expect(t["50%"]["5"]).toMatchObject({ national: 21_219, outerLondon: 24_496, innerLondon: 25_588 }); // 42,437/2 = 21,218.5 → 21,219; 48,991/2 → 24,496; 51,176/2 = 25,588
  });
});

describe("pick", () => {
  it("removes the excluded roles and leaves the source intact", () => {
    const out = pick(APRIL_2025_CAPS, ["gp", "consultant-nurse"]);
    expect(out.gp).toBeUndefined();
    expect(out["consultant-nurse"]).toBeUndefined();
    expect(out["clinical-pharmacist"]).toBe(APRIL_2025_CAPS["clinical-pharmacist"]);
    expect(APRIL_2025_CAPS.gp).toBeDefined();
  });
});
