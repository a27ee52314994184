import { describe, expect, it } from "vitest";
import { compileRules, lookupCap } from "./compile";
import { pricePlan, pricePost } from "./pricing";
import { FINANCIAL_YEARS } from "./rules";
import { compiled, makePost, rulesFor } from "./test-helpers";

describe("compileRules: on-costs in integer units", () => {
  it.each([
    { fy: "2023/24", ni: 138_000, threshold: 910_000, pension: 143_800 }, // 13.8% above £9,100; 14.38%
    { fy: "2024/25", ni: 138_000, threshold: 910_000, pension: 143_800 }, // 13.8% above £9,100; 14.38%
    { fy: "2025/26", ni: 150_000, threshold: 500_000, pension: 143_800 }, // 15% above £5,000; 14.38%
    // 2026/27 pension: the NHSBSA 2026/27 notice was not found, so 14.38% is assumed to continue (issue 15)
    { fy: "2026/27", ni: 150_000, threshold: 500_000, pension: 143_800, pensionStatus: "assumption" }, // 15% above £5,000; 14.38%
  ])("$fy: NI $ni ppm above $threshold pence, pension $pension ppm", ({ fy, ni, threshold, pension, pensionStatus }) => {
    const c = compiled(fy);
    expect(c.niPpm).toBe(ni);
    expect(c.niThresholdPence).toBe(threshold);
    expect(c.pensionPpm).toBe(pension);
    expect(c.onCostFigures.map((f) => f.status)).toEqual(["published", "published", pensionStatus ?? "published"]);
  });

  it("every year's first/last day are 1 April and 31 March", () => {
    for (const fy of FINANCIAL_YEARS) {
      const c = compiled(fy);
      expect(c.months[0]!.month).toBe(`${c.rules.startYear}-04`);
      expect(c.months[11]!.month).toBe(`${c.rules.startYear + 1}-03`);
      expect(c.firstDay).toBe(c.months[0]!.firstDay);
      expect(c.lastDay).toBe(c.months[11]!.lastDay);
    }
  });
});

describe("assumptions replace the year's figures and are reported as overrides", () => {
  it("arrsRatePerWeightedPatient replaces the main pot's rate (not the 2024/25 GP pot)", () => {
    const c = compiled("2024/25", { arrsRatePerWeightedPatient: 27 });
    const main = c.pots.find((p) => p.id === "main")!;
    const gp = c.pots.find((p) => p.id === "gp")!;
    expect(main.rateMicroPounds).toBe(27_000_000);
    expect(main.figure).toMatchObject({ value: 27, status: "override" });
    expect(gp.figure).toMatchObject({ value: 1.303, status: "third-party" });
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [] });
    expect(plan.entitlementPence).toBe(84_909_000); // 30,000 × 27 = £810,000 + 30,000 × 1.303 = £39,090 → £849,090
    expect(plan.figures.find((f) => f.id === main.figure.id)?.status).toBe("override");
  });

  it("2026/27: the estimated rate is replaced by the user's figure", () => {
    const c = compiled("2026/27", { arrsRatePerWeightedPatient: 27.5 });
    expect(pricePlan(c, { weightedPopulation: 30_000, posts: [] }).entitlementPence).toBe(82_500_000); // 30,000 × 27.5 = £825,000
    expect(c.pots[0]!.figure.status).toBe("override");
  });

  it("employer NI rate, NI threshold and pension rate replace the year's on-costs", () => {
    // 2025/26 with the 2024/25 on-costs reproduces the 2024/25 month exactly (FCP, £52,000):
    // salary 5,200,000/12 = 433,333.33 → 433,333; NI 13.8% × (433,333 − 75,833.33) = 49,334.95 → 49,335;
    // pension 14.38% × 433,333 = 62,313.29 → 62,313; cost 544,981.
    const c = compiled("2025/26", { employerNiRate: 0.138, employerNiThresholdAnnual: 9100, employerPensionRate: 0.1438 });
    expect([c.niPpm, c.niThresholdPence, c.pensionPpm]).toEqual([138_000, 910_000, 143_800]);
    const p = pricePost(c, makePost());
    expect(p.months[0]).toMatchObject({ salaryPence: 433_333, employerNiPence: 49_335, employerPensionPence: 62_313, costPence: 544_981 });
    const onCosts = p.figures.filter((f) => /employer (NI|pension)/i.test(f.id));
    expect(onCosts.map((f) => [f.value, f.status])).toEqual([
      [0.138, "override"],
      [9100, "override"],
      [0.1438, "override"],
    ]);
    for (const f of onCosts) expect(f.source.length).toBeGreaterThan(0);
  });

  it("a single on-cost override leaves the others published", () => {
    const c = compiled("2025/26", { employerPensionRate: 0.2 });
    expect(c.onCostFigures.map((f) => f.status)).toEqual(["published", "published", "override"]);
    // pension 20% × 433,333 = 86,666.6 → 86,667
    expect(pricePost(c, makePost()).months[0]!.employerPensionPence).toBe(86_667);
  });

  it("maxReimbursableAnnual replaces the role's cap in every area and every table of the year", () => {
    const c = compiled("2024/25", { maxReimbursableAnnual: { "first-contact-physiotherapist": 60_000 } });
    for (const area of ["national", "outer-london", "inner-london"] as const) {
      for (const t of c.rules.capTables) {
        expect(lookupCap(c, t, "first-contact-physiotherapist", area)?.pence).toBe(6_000_000);
      }
    }
    const p = pricePost(c, makePost({ area: "inner-london" }));
    // cap 6,000,000 / 12 = 500,000 every month; cost 544,981 > cap, so claimable = cap
    expect(p.months.map((m) => m.capPence)).toEqual(Array(12).fill(500_000));
    expect(p.claimablePence).toBe(6_000_000);
    const capFigures = p.figures.filter((f) => f.id.includes("maximum reimbursable"));
    expect(capFigures).toHaveLength(1);
    expect(capFigures[0]).toMatchObject({ value: 60_000, status: "override" });
    // Other roles keep the year's tables.
    // (Issue 15: the clinical pharmacist's 2023/24-level national row is reported by a third party — from 1 July 2023.)
    expect(lookupCap(c, c.rules.capTables[0]!, "clinical-pharmacist", "national")?.figure.status).toBe("third-party");
    expect(lookupCap(c, c.rules.capTables[0]!, "occupational-therapist", "national")?.figure.status).toBe("derived");
  });

  it.each([
    // An override replaces a figure; it must not make a role reimbursable while no table has a row for it
    // (domain.md §1/§3: ARRS GPs only from 1 October 2024; HCSWs added in 2025/26).
    { role: "gp", pounds: 100_000, expected: [...Array(6).fill(0), ...Array(6).fill(833_333)] }, // Oct–Mar 10,000,000/12 = 833,333.33 → 833,333
    { role: "healthcare-support-worker", pounds: 30_000, expected: Array(12).fill(0) }, // no HCSW row anywhere in 2024/25
  ] as const)("a cap override for $role in 2024/25 applies only where the year's tables have the role", ({ role, pounds, expected }) => {
    const c = compiled("2024/25", { maxReimbursableAnnual: { [role]: pounds } });
    const p = pricePost(c, makePost({ role, annualSalaryPence: 12_000_000 }));
    expect(p.months.map((m) => m.capPence)).toEqual(expected);
  });

  it("figures from derived tables are reported as derived, third-party rows as third-party", () => {
    const est = pricePost(compiled("2025/26"), makePost()); // the backdated uplift table is derived (× 1.036)
    const estCaps = est.figures.filter((f) => f.id.includes("maximum reimbursable"));
    expect(estCaps.length).toBeGreaterThan(0);
    for (const f of estCaps) expect(f.status).toBe("derived");

    const pub = pricePost(compiled("2024/25"), makePost({ role: "clinical-pharmacist" }));
    const caps = pub.figures.filter((f) => f.id.includes("maximum reimbursable"));
    expect(caps.map((f) => [f.id.includes("2024-25-october"), f.status]).sort()).toEqual([
      [false, "third-party"], // April–September: the 2023/24 maximum reported from 1 July 2023 (issue 15)
      [true, "third-party"], // October–March: the reported row 65,838
    ]);

    const y2627 = pricePost(compiled("2026/27"), makePost({ band: "7", point: 1, annualSalaryPence: undefined }));
    expect(y2627.figures.find((f) => f.id.includes("AfC band 7 point 1"))?.status).toBe("derived"); // 2025/26 × 1.033
  });

  it("an AfC point derived in a published band is reported as derived", () => {
    const p = pricePost(compiled("2024/25"), makePost({ band: "7", point: 2, annualSalaryPence: undefined }));
    const f = p.figures.find((x) => x.id === "2024/25 AfC band 7 point 2")!;
    expect(f).toMatchObject({ value: 48_526, status: "derived" }); // £50,273 ÷ 1.036 = £48,526.06
    const f1 = pricePost(compiled("2024/25"), makePost({ band: "7", point: 1, annualSalaryPence: undefined })).figures.find((x) => x.id === "2024/25 AfC band 7 point 1")!;
    expect(f1.status).toBe("published");
  });

  it("compileRules does not mutate the rule tables", () => {
    const r = rulesFor("2025/26");
    const before = JSON.stringify(r);
    compileRules(r, { arrsRatePerWeightedPatient: 1, maxReimbursableAnnual: { gp: 1 } });
    expect(JSON.stringify(r)).toBe(before);
  });
});
