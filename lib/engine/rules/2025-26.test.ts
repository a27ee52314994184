import { describe, expect, it } from "vitest";
import { pricePost } from "../pricing";
import type { CappedRoleId } from "./types";
import { compiled, makePost } from "../test-helpers";
import { RULES_2025_26, UPLIFTED_2025_26 } from "./2025-26";
import { APRIL_2025_CAPS, APRIL_2025_MHP_50 } from "./base-2025-26";

const aprilTable = RULES_2025_26.capTables.find((t) => t.id === "2025-26-april")!;
const upliftTable = RULES_2025_26.capTables.find((t) => t.id === "2025-26-uplift")!;

// domain.md §3, written out: national / outer London / inner London (£ per 1.0 WTE a year).
const DOMAIN_APRIL_2025: [CappedRoleId, number, number, number][] = [
  ["clinical-pharmacist", 66_972, 74_392, 77_545],
  ["first-contact-physiotherapist", 66_972, 74_392, 77_545],
  ["occupational-therapist", 64_907, 72_327, 75_480],
  ["dietitian", 64_907, 72_327, 75_480],
  ["podiatrist", 64_907, 72_327, 75_480],
  ["paramedic", 64_907, 72_327, 75_480],
  ["physician-associate", 64_907, 72_327, 75_480],
  ["enhanced-practice-nurse", 64_907, 72_327, 75_480],
  ["advanced-practitioner", 73_334, 80_754, 83_907],
  ["digital-and-transformation-lead", 73_334, 80_754, 83_907],
  ["experienced-general-practice-nurse", 53_319, 60_739, 63_892],
  ["pharmacy-technician", 43_352, 49_967, 52_172],
  ["social-prescribing-link-worker", 43_352, 49_967, 52_172],
  ["health-and-wellbeing-coach", 43_352, 49_967, 52_172],
  ["apprentice-physician-associate", 43_352, 49_967, 52_172],
  ["new-to-general-practice-nurse", 43_352, 49_967, 52_172],
  ["care-coordinator", 36_150, 42_038, 43_529],
  ["nursing-associate", 36_150, 42_038, 43_529],
  ["general-practice-assistant", 36_150, 42_038, 43_529],
  ["trainee-nursing-associate", 32_159, 38_047, 39_164],
  ["healthcare-support-worker", 32_159, 38_047, 39_164],
  ["consultant-nurse", 102_683, 110_103, 113_256],
  ["gp", 105_882, 108_680, 108_680], // one London figure
];

// domain.md §3 MHP 50% table: band → national / outer / inner.
const DOMAIN_MHP_50: [string, number, number, number][] = [
  ["4", 18_075, 21_019, 21_765],
  ["5", 21_676, 24_984, 26_086],
  ["6", 26_660, 30_370, 31_946],
  ["7", 32_454, 36_163, 37_740],
  ["8a", 36_667, 40_377, 41_953],
];

describe("2025/26 April table = domain.md §3", () => {
  it("has exactly the roles of domain.md §3", () => {
    expect(Object.keys(aprilTable.roles).sort()).toEqual(DOMAIN_APRIL_2025.map(([r]) => r).sort());
    // Issue 15: the DES 2025/26 text was not found; the rows come from the trade press and calculators.
    expect(aprilTable).toMatchObject({ effectiveFrom: "2025-04-01", status: "third-party" });
  });

  it.each(DOMAIN_APRIL_2025)("%s: £%i / £%i / £%i, published by a third party", (role, national, outer, inner) => {
    const line = aprilTable.roles[role]!;
    expect([line.national, line.outerLondon, line.innerLondon]).toEqual([national, outer, inner]);
    expect(line.status).toBe("third-party");
    expect(line.source).toMatch(/^Third party: /);
    expect(APRIL_2025_CAPS[role]).toBe(line);
  });

  it.each(DOMAIN_MHP_50)("MHP 50%% band %s: £%i / £%i / £%i", (band, national, outer, inner) => {
    const line = aprilTable.mhp["50%"][band as keyof typeof APRIL_2025_MHP_50]!;
    expect([line.national, line.outerLondon, line.innerLondon]).toEqual([national, outer, inner]);
    expect(line.status).toBe("third-party");
  });

  it.each([
    { band: "4", role: "care-coordinator" },
    { band: "5", role: "pharmacy-technician" },
    { band: "6", role: "experienced-general-practice-nurse" },
    { band: "7", role: "occupational-therapist" },
    { band: "8a", role: "advanced-practitioner" },
  ] as const)("MHP 100% band $band = the $role row", ({ band, role }) => {
    const full = aprilTable.mhp["100%"][band]!;
    const base = APRIL_2025_CAPS[role];
    expect([full.national, full.outerLondon, full.innerLondon]).toEqual([base.national, base.outerLondon, base.innerLondon]);
  });

  it.each([
    // §5: max = 1.2938 × basis − 750 under 2025/26 on-costs; basis = (max + 750)/1.2938
    { label: "band 7 national basis", max: 64_907, basis: 50_747 }, // 65,657 / 1.2938 = 50,747.4
    { label: "band 7 outer London basis = national + 5,735", max: 72_327, basis: 50_747 + 5_735 }, // 73,077 / 1.2938 = 56,482.4
    { label: "band 7 inner London basis = national + 8,173", max: 75_480, basis: 50_747 + 8_173 }, // 76,230 / 1.2938 = 58,919.5
    { label: "GP salary element 82,418", max: 105_882, basis: 82_418 }, // 106,632 / 1.2938 = 82,417.7
  ])("§5 check: $label", ({ max, basis }) => {
    expect(Math.abs((max + 750) / 1.2938 - basis)).toBeLessThan(1);
  });
});

describe("2025/26 uplift (3.6% AfC, backdated to 1 April 2025)", () => {
  it("supersedes the April table on every day of the year (published later, same start)", () => {
    const c = compiled("2025/26");
    for (const segs of c.monthSegments) {
      expect(segs).toHaveLength(1);
      expect(segs[0]!.table.id).toBe("2025-26-uplift");
    }
    expect(upliftTable.publishedOn > aprilTable.publishedOn).toBe(true);
    expect(upliftTable.effectiveFrom).toBe("2025-04-01");
  });

  it.each([
    // (max + 750) × 1.036 − 750, rounded half up to the pound
    { role: "occupational-therapist", national: 67_271 }, // (64,907 + 750) × 1.036 − 750 = 67,270.65 → 67,271
    { role: "clinical-pharmacist", national: 69_410 }, // (66,972 + 750) × 1.036 − 750 = 69,409.99 → 69,410
    { role: "advanced-practitioner", national: 76_001 }, // (73,334 + 750) × 1.036 − 750 = 76,001.02 → 76,001
    { role: "pharmacy-technician", national: 44_940 }, // (43,352 + 750) × 1.036 − 750 = 44,939.67 → 44,940
    { role: "care-coordinator", national: 37_478 }, // (36,150 + 750) × 1.036 − 750 = 37,478.40 → 37,478
    { role: "gp", national: 110_147 }, // GP × 1.04 (DDRB): (105,882 + 750) × 1.04 − 750 = 110,147.28 → 110,147
  ] as const)("$role national = £$national (derived)", ({ role, national }) => {
    expect(UPLIFTED_2025_26[role].national).toBe(national);
    expect(upliftTable.roles[role]!.status).toBe("derived");
  });

  it("every uplifted figure is (max + 750) × 1.036 − 750 (GP × 1.04), half up, in every area", () => {
    for (const [role, base] of Object.entries(APRIL_2025_CAPS) as [CappedRoleId, (typeof APRIL_2025_CAPS)[CappedRoleId]][]) {
      const f = role === "gp" ? 1.04 : 1.036;
      const up = UPLIFTED_2025_26[role];
      for (const k of ["national", "outerLondon", "innerLondon"] as const) {
        expect(Math.abs(up[k] - ((base[k] + 750) * f - 750)), `${role} ${k}`).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    }
  });

  it("an OT all year on a salary above the cap claims the uplifted £67,271 (monthly: 6,727,100/12 = 560,591.67 → 560,592)", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "occupational-therapist", annualSalaryPence: 7_000_000 }));
    expect(p.months.map((m) => m.capPence)).toEqual(Array(12).fill(560_592));
    expect(p.claimablePence).toBe(6_727_104); // 560,592 × 12 (4p of monthly rounding above £67,271)
  });
});
