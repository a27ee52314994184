// Issue 15 golden cases: 2027/28 projected figures (pay award and doctors' award applied, status
// projection), the 2026/27 GP maximum to monthly rounding, and 2023/24's July change. Money in
// integer pence; each monthly figure rounded half up, as the engine does.
import { describe, expect, it } from "vitest";
import { compileRules, lookupCap } from "../compile";
import { pricePlan } from "../pricing";
import { rulesForYear } from "../project";
import { compiled, makePost } from "../test-helpers";

// 2026/27 bases, from the rule tables: OT (2.5% table) £68,971, GP £152,900 / London £155,698;
// AfC band 7 point 1 = £47,810 (2025/26) × 1.033 = £49,387.73 → £49,388.
// A maximum's salary basis = (max + 750) ÷ 1.2938 at 15% NI above £5,000 + 14.38% pension
// (max = basis × 1.2938 − 750), re-costed after the award and rounded half up to the pound.
describe("2027/28 (projected from 2026/27)", () => {
  it.each([
    {
      what: "band 7 OT maximum, national (pay award 3%)",
      p: { payAward: 0.03 },
      get: (r: NonNullable<ReturnType<typeof rulesForYear>>) => r.capTables[0]!.roles["occupational-therapist"]!.national,
      // (68,971 + 750) ÷ 1.2938 = 53,888.55; × 1.03 = 55,505.20; × 1.2938 − 750 = 71,062.6 → £71,063
      value: 71_063,
    },
    {
      what: "AfC band 7 point 1 (pay award 3%)",
      p: { payAward: 0.03 },
      get: (r: NonNullable<ReturnType<typeof rulesForYear>>) => r.afc["7"].points[0]!,
      // £49,388 × 1.03 = £50,869.64 → £50,870
      value: 50_870,
    },
    {
      what: "GP maximum, national (doctors' award 3.5%, pay award 3%)",
      p: { payAward: 0.03, doctorsPayAward: 0.035 },
      get: (r: NonNullable<ReturnType<typeof rulesForYear>>) => r.capTables[0]!.roles.gp!.national,
      // (152,900 + 750) ÷ 1.2938 = 118,758.70; × 1.035 = 122,915.25; × 1.2938 − 750 = 158,277.7 → £158,278
      value: 158_278,
    },
    {
      what: "GP maximum, London (doctors' award 3.5%)",
      p: { payAward: 0.03, doctorsPayAward: 0.035 },
      get: (r: NonNullable<ReturnType<typeof rulesForYear>>) => r.capTables[0]!.roles.gp!.innerLondon,
      // (155,698 + 750) ÷ 1.2938 = 120,921.31; × 1.035 = 125,153.56; × 1.2938 − 750 = 161,173.7 → £161,174
      value: 161_174,
    },
    {
      what: "GP maximum, national (defaults: doctors take the 3% pay award)",
      p: {},
      get: (r: NonNullable<ReturnType<typeof rulesForYear>>) => r.capTables[0]!.roles.gp!.national,
      // 118,758.70 × 1.03 = 122,321.46; × 1.2938 − 750 = 157,509.5 → £157,510
      value: 157_510,
    },
  ])("$what = £$value, status projection", ({ p, get, value }) => {
    const r = rulesForYear("2027/28", p)!;
    expect(get(r)).toBe(value);
    expect(r.capTables[0]!.status).toBe("projection");
    expect(r.capTables[0]!.roles.gp!.status).toBe("projection");
    expect(r.capTables[0]!.roles["occupational-therapist"]!.status).toBe("projection");
    expect(r.afc["7"].status).toBe("projection");
  });

  it("prices a 1.0 WTE band 7 OT all year: every figure used is a projection", () => {
    const r = rulesForYear("2027/28", { payAward: 0.03 })!;
    const plan = pricePlan(compileRules(r), { weightedPopulation: 30_000, posts: [makePost({ role: "occupational-therapist", band: "7", point: 1, annualSalaryPence: undefined })] });
    const m = plan.posts[0]!.months[0]!;
    // salary £50,870 ÷ 12 = 423,916.67 → 423,917p; NI 15% × (423,917 − 41,666.67) = 57,337.55 → 57,338p;
    // pension 14.38% × 423,917 = 60,959.26 → 60,959p; cost 542,214p; cap 7,106,300 ÷ 12 = 592,191.67 → 592,192p
    expect(m).toMatchObject({ salaryPence: 423_917, employerNiPence: 57_338, employerPensionPence: 60_959, costPence: 542_214, capPence: 592_192, claimablePence: 542_214 });
    expect(plan.posts[0]!.claimablePence).toBe(6_506_568); // 542,214 × 12
    // Entitlement: £27.668 × 1.025 = £28.3597 → £28.360; 30,000 × £28.360 = £850,800
    expect(plan.entitlementPence).toBe(85_080_000);
    for (const f of plan.figures) expect(f.status, f.id).toBe("projection");
  });

  it("a GP all year on £200,000 is capped at the projected maximum (doctors' award 3.5%)", () => {
    const r = rulesForYear("2027/28", { payAward: 0.03, doctorsPayAward: 0.035 })!;
    const plan = pricePlan(compileRules(r), { weightedPopulation: 30_000, posts: [makePost({ role: "gp", annualSalaryPence: 20_000_000 })] });
    // 15,827,800 ÷ 12 = 1,318,983.33 → 1,318,983 a month; × 12 = 15,827,796
    expect(plan.posts[0]!.months.map((m) => m.capPence)).toEqual(Array(12).fill(1_318_983));
    expect(plan.posts[0]!.claimablePence).toBe(15_827_796);
  });
});

describe("2026/27 GP maximum, a 1.0 WTE GP all year on a salary above it", () => {
  it.each([
    // 15,290,000 ÷ 12 = 1,274,166.67 → 1,274,167 a month; × 12 = 15,290,004 (£152,900.04)
    { area: "national", monthly: 1_274_167, year: 15_290_004 },
    // 15,569,800 ÷ 12 = 1,297,483.33 → 1,297,483 a month; × 12 = 15,569,796 (£155,697.96)
    { area: "outer-london", monthly: 1_297_483, year: 15_569_796 },
    { area: "inner-london", monthly: 1_297_483, year: 15_569_796 },
  ] as const)("$area: cap £$year pence a year (monthly $monthly), uplift on or off", ({ area, monthly, year }) => {
    for (const expectedUplift of [false, true]) {
      const c = compiled("2026/27", { expectedUplift });
      const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [makePost({ role: "gp", annualSalaryPence: 20_000_000, area })] });
      expect(plan.posts[0]!.months.map((m) => m.capPence)).toEqual(Array(12).fill(monthly));
      expect(plan.posts[0]!.capPence).toBe(year);
      expect(plan.posts[0]!.claimablePence).toBe(year);
      const cap = lookupCap(c, c.monthSegments[0]![0]!.table, "gp", area)!;
      expect(cap.figure.status).toBe("derived");
    }
  });
});

describe("2023/24: the clinical pharmacist maximum changes on 1 July 2023", () => {
  it.each([
    // £59,312 ÷ 12 = £4,942.666… → £4,942.67 (April–June: the earlier table)
    { month: "2023-04", capPence: 494_267 },
    { month: "2023-05", capPence: 494_267 },
    { month: "2023-06", capPence: 494_267 },
    // £62,340 ÷ 12 = £5,195.00 (from July: uplifted for the 5% AfC award)
    { month: "2023-07", capPence: 519_500 },
    { month: "2024-03", capPence: 519_500 },
  ])("$month: monthly cap $capPence pence", ({ month, capPence }) => {
    const plan = pricePlan(compiled("2023/24"), { weightedPopulation: 30_000, posts: [makePost({ role: "clinical-pharmacist", annualSalaryPence: 8_000_000 })] });
    const m = plan.posts[0]!.months.find((x) => x.month === month)!;
    expect(m.capPence).toBe(capPence);
    expect(m.claimablePence).toBe(capPence); // £80,000 + on-costs is above both maxima
  });
});
