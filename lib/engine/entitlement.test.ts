import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateEntitlement, potEntitlementPence, scalePopulation } from "./entitlement";
import { FINANCIAL_YEARS } from "./rules";
import { bigHalfUp, compiled, decimalToScaledBigInt } from "./test-helpers";

const main2025 = () => compiled("2025/26").pots;

describe("entitlement = weighted population × rate, rounded half up to the penny (domain.md §1, §8)", () => {
  it.each([
    { label: "NHSE ready-reckoner check", population: 30_000, expected: 79_893_000 }, // 30,000 × £26.631 = £798,930.00
    { label: "a fractional population", population: 48_213.7, expected: 128_397_904 }, // 48,213.7 × 26.631 = 1,283,979.0447 → £1,283,979.04
    { label: "exact half penny rounds up", population: 5, expected: 13_316 }, // 5 × 26.631 = 133.155 → £133.16
    { label: "another half penny", population: 15, expected: 39_947 }, // 15 × 26.631 = 399.465 → £399.47
    { label: "just under half a penny rounds down", population: 0.000001, expected: 0 }, // 0.000001 × 26.631 = 0.000026631 → £0.00
    { label: "one patient", population: 1, expected: 2_663 }, // 26.631 → £26.63 (0.1p rounds down)
    { label: "zero", population: 0, expected: 0 },
    { label: "a very large PCN (product beyond 2^53 in µ-units)", population: 987_654.321, expected: 2_630_222_222 }, // 987,654.321 × 26.631 = 26,302,222.22…: 26,302,222.222551 → £26,302,222.22
  ])("2025/26, $label: $population → $expected pence", ({ population, expected }) => {
    const r = calculateEntitlement({ weightedPopulation: population, pots: main2025() });
    expect(r.totalPence).toBe(expected);
    expect(r.pots).toHaveLength(1);
    expect(r.pots[0]!.pence).toBe(expected);
  });

  it("2024/25 is the main pot at £22.894 plus the GP pot at £1.303", () => {
    const r = calculateEntitlement({ weightedPopulation: 30_000, pots: compiled("2024/25").pots });
    expect(r.pots.map((p) => [p.pot.id, p.pence])).toEqual([
      ["main", 68_682_000], // 30,000 × 22.894 = £686,820.00
      ["gp", 3_909_000], // 30,000 × 1.303 = £39,090.00
    ]);
    expect(r.totalPence).toBe(72_591_000); // £686,820 + £39,090 = £725,910
  });

  it.each([
    { fy: "2023/24", rate: 22.671, status: "published" },
    { fy: "2024/25", rate: 22.894, status: "third-party" }, // Pulse / The Pharmacist report it; the DES text was not found
    { fy: "2025/26", rate: 26.631, status: "published" },
    { fy: "2026/27", rate: 27.668, status: "estimate" },
  ])("$fy main pot rate £$rate is $status", ({ fy, rate, status }) => {
    const main = compiled(fy).pots.find((p) => p.id === "main")!;
    expect(main.figure.value).toBe(rate);
    expect(main.figure.status).toBe(status);
    expect(main.figure.source.length).toBeGreaterThan(0);
    expect(main.rateMicroPounds).toBe(Math.round(rate * 1_000_000));
  });

  it("the GP pot applies from 1 October 2024 to GPs only", () => {
    const gp = compiled("2024/25").pots.find((p) => p.id === "gp")!;
    expect(gp.roles).toEqual(["gp"]);
    expect(gp.appliesFromDay).toBe(compiled("2024/25").months[6]!.firstDay); // 2024-10-01
    expect(gp.rateMicroPounds).toBe(1_303_000);
  });

  it.each([{ population: -1 }, { population: 1.0000001 }, { population: NaN }])("rejects population $population", ({ population }) => {
    expect(() => calculateEntitlement({ weightedPopulation: population, pots: main2025() })).toThrow(RangeError);
  });

  it("scalePopulation gives µ-patients exactly", () => {
    expect(scalePopulation(48_213.7)).toBe(48_213_700_000);
    expect(scalePopulation(-2)).toBeNull();
    expect(potEntitlementPence(30_000_000_000, 26_631_000)).toBe(79_893_000);
  });

  it("property: every year's entitlement equals round-half-up(population × rate), computed independently with BigInt", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }), // up to 2,000,000 patients, 6 decimals
        fc.constantFrom(...FINANCIAL_YEARS),
        (micro, fy) => {
          const population = micro / 1_000_000;
          const pots = compiled(fy).pots;
          const r = calculateEntitlement({ weightedPopulation: population, pots });
          let total = 0n;
          for (const [i, p] of pots.entries()) {
            // pence = pop × rate × 100, from the decimal strings: pop has ≤ 6 dp, rate ≤ 3 dp.
            const pop = decimalToScaledBigInt(String(population), 6);
            const rate = decimalToScaledBigInt(String(p.figure.value), 6);
            const pence = bigHalfUp(pop * rate * 100n, 10n ** 12n);
            expect(r.pots[i]!.pence).toBe(Number(pence));
            total += pence;
          }
          expect(r.totalPence).toBe(Number(total));
        },
      ),
      { numRuns: 400 },
    );
  });
});
