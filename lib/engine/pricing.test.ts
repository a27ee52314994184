import { describe, expect, it } from "vitest";
import { compileRules } from "./compile";
import { EngineInputError, pricePlan, pricePost, type PostResult } from "./pricing";
import { compiled, day, makePost, rulesFor } from "./test-helpers";

const monthsOf = (p: PostResult, key: keyof PostResult["months"][number]) => p.months.map((m) => m[key]);

describe("post costing: published checks (domain.md §2, §8)", () => {
  it("FCP on £52,000 under 2024/25 rules: monthly engine figure £65,397.72 vs annual formula £65,397.80", () => {
    // Annual formula: 52,000 + 13.8% × (52,000 − 9,100) + 14.38% × 52,000 = 52,000 + 5,920.20 + 7,477.60 = £65,397.80.
    // Month by month (every month the same, full time):
    //   salary  5,200,000 / 12 = 433,333.33 → 433,333p (£4,333.33)
    //   NI      13.8% × (433,333 − 910,000/12 = 75,833.33) = 49,334.95 → 49,335p (£493.35)
    //   pension 14.38% × 433,333 = 62,313.29 → 62,313p (£623.13)
    //   cost    433,333 + 49,335 + 62,313 = 544,981p (£5,449.81) × 12 = 6,539,772p = £65,397.72
    const p = pricePost(compiled("2024/25"), makePost());
    for (const m of p.months) {
      expect(m).toMatchObject({ salaryPence: 433_333, employerNiPence: 49_335, employerPensionPence: 62_313, costPence: 544_981 });
    }
    expect(p.salaryPence).toBe(5_199_996); // 433,333 × 12
    expect(p.employerNiPence).toBe(592_020); // 49,335 × 12
    expect(p.employerPensionPence).toBe(747_756); // 62,313 × 12
    expect(p.costPence).toBe(6_539_772); // £65,397.72
    expect(Math.abs(p.costPence - 6_539_780)).toBeLessThanOrEqual(12); // within 12p of £65,397.80 (8p)
  });

  it("FCP 2024/25 caps change on 1 October: Apr–Sep £62,340 (estimate), Oct–Mar £65,838 (published)", () => {
    const p = pricePost(compiled("2024/25"), makePost());
    // Apr–Sep cap 6,234,000/12 = 519,500; Oct–Mar cap 6,583,800/12 = 548,650
    expect(monthsOf(p, "capPence")).toEqual([...Array(6).fill(519_500), ...Array(6).fill(548_650)]);
    // Apr–Sep: min(544,981, 519,500) = 519,500; Oct–Mar: min(544,981, 548,650) = 544,981
    expect(monthsOf(p, "claimablePence")).toEqual([...Array(6).fill(519_500), ...Array(6).fill(544_981)]);
    expect(p.capPence).toBe(6_408_900); // 519,500 × 6 + 548,650 × 6
    expect(p.claimablePence).toBe(6_386_886); // 519,500 × 6 + 544,981 × 6
    expect(p.pcnFundedPence).toBe(152_886); // 6,539,772 − 6,386,886 = (544,981 − 519,500) × 6
  });

  it("GP salary element £82,418 under 2025/26 rules ≈ £105,882, the published GP maximum", () => {
    // Annual formula: 82,418 + 15% × (82,418 − 5,000) + 14.38% × 82,418 = 82,418 + 11,612.70 + 11,851.71 = £105,882.41.
    // Monthly: salary 8,241,800/12 = 686,816.67 → 686,817; NI 15% × (686,817 − 41,666.67) = 96,772.55 → 96,773;
    //          pension 14.38% × 686,817 = 98,764.28 → 98,764; cost 882,354 × 12 = 10,588,248 = £105,882.48.
    const p = pricePost(compiled("2025/26"), makePost({ role: "gp", annualSalaryPence: 8_241_800 }));
    expect(p.months[0]).toMatchObject({ salaryPence: 686_817, employerNiPence: 96_773, employerPensionPence: 98_764, costPence: 882_354 });
    expect(p.costPence).toBe(10_588_248);
    expect(Math.abs(p.costPence - 10_588_200)).toBeLessThan(100); // within £1 of the published £105,882 (48p)
    // The uplifted (estimate) GP cap 110,147 is above the cost, so it is all claimable.
    expect(p.claimablePence).toBe(p.costPence);
    expect(p.pcnFundedPence).toBe(0);
  });
});

describe("post costing: golden cases", () => {
  it.each([
    {
      label: "part month: OT 0.6 WTE on £47,810 from 15 October 2025 (17/31 of October)",
      fy: "2025/26",
      post: makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, wteTenThousandths: 6000, startDay: day("2025-10-15") }),
      month: 6, // October
      // salary 4,781,000 × 0.6 / 12 × 17/31 = 131,091.94 → 131,092
      // NI 15% × (131,092 − 41,666.67) = 13,413.80 → 13,414 (the threshold is not pro-rated for part months, domain.md §8)
      // pension 14.38% × 131,092 = 18,851.03 → 18,851; cost 163,357
      // cap 6,727,100 (uplift OT) × 0.6 / 12 × 17/31 = 184,452.74 → 184,453; claimable = min = 163,357
      expected: { daysInPost: 17, salaryPence: 131_092, employerNiPence: 13_414, employerPensionPence: 18_851, costPence: 163_357, capPence: 184_453, claimablePence: 163_357, pcnFundedPence: 0 },
    },
    {
      label: "part-time 0.6 WTE, full month: OT £47,810 in November 2025",
      fy: "2025/26",
      post: makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, wteTenThousandths: 6000, startDay: day("2025-10-15") }),
      month: 7, // November
      // salary 4,781,000 × 0.6 / 12 = 239,050; NI 15% × (239,050 − 41,666.67) = 29,607.5 → 29,608
      // pension 14.38% × 239,050 = 34,375.39 → 34,375; cost 303,033
      // cap 6,727,100 × 0.6 / 12 = 336,355; claimable 303,033
      expected: { daysInPost: 30, salaryPence: 239_050, employerNiPence: 29_608, employerPensionPence: 34_375, costPence: 303_033, capPence: 336_355, claimablePence: 303_033, pcnFundedPence: 0 },
    },
    {
      label: "NI threshold: salary_m below threshold/12 → NI 0 (£12,000 × 0.4 WTE)",
      fy: "2025/26",
      post: makePost({ role: "care-coordinator", annualSalaryPence: 1_200_000, wteTenThousandths: 4000 }),
      month: 0,
      // salary 1,200,000 × 0.4 / 12 = 40,000 < 500,000/12 = 41,666.67 → NI max(0, −1,666.67) = 0
      // pension 14.38% × 40,000 = 5,752; cost 45,752; cap 3,747,800 (uplift band 4) × 0.4 / 12 = 124,926.67 → 124,927
      expected: { daysInPost: 30, salaryPence: 40_000, employerNiPence: 0, employerPensionPence: 5_752, costPence: 45_752, capPence: 124_927, claimablePence: 45_752, pcnFundedPence: 0 },
    },
    {
      label: "NI threshold 2024/25: £9,000 full time → 750/month < 758.33",
      fy: "2024/25",
      post: makePost({ role: "care-coordinator", annualSalaryPence: 900_000 }),
      month: 0,
      // salary 900,000/12 = 75,000 < 910,000/12 = 75,833.33 → NI 0; pension 14.38% × 75,000 = 10,785; cost 85,785
      // cap (Apr–Sep estimate) 3,339,600/12 = 278,300
      expected: { daysInPost: 30, salaryPence: 75_000, employerNiPence: 0, employerPensionPence: 10_785, costPence: 85_785, capPence: 278_300, claimablePence: 85_785, pcnFundedPence: 0 },
    },
    {
      label: "cap binding: CP on £80,000, 2025/26",
      fy: "2025/26",
      post: makePost({ role: "clinical-pharmacist", annualSalaryPence: 8_000_000 }),
      month: 0,
      // salary 666,666.67 → 666,667; NI 15% × (666,667 − 41,666.67) = 93,750.05 → 93,750
      // pension 14.38% × 666,667 = 95,866.71 → 95,867; cost 856,284
      // cap 6,941,000 (uplift CP) / 12 = 578,416.67 → 578,417; claimable = cap; PCN funds 856,284 − 578,417 = 277,867
      expected: { daysInPost: 30, salaryPence: 666_667, employerNiPence: 93_750, employerPensionPence: 95_867, costPence: 856_284, capPence: 578_417, claimablePence: 578_417, pcnFundedPence: 277_867 },
    },
  ])("$label", ({ fy, post, month, expected }) => {
    const p = pricePost(compiled(fy), post);
    expect(p.months[month]).toMatchObject(expected);
  });

  it("cap binding over the year: claimable = cap, pcnFunded = cost − cap", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "clinical-pharmacist", annualSalaryPence: 8_000_000 }));
    expect(p.costPence).toBe(10_275_408); // 856,284 × 12
    expect(p.capPence).toBe(6_941_004); // 578,417 × 12 (monthly half-up rounding: 4p above £69,410, as domain.md §8 specifies)
    expect(p.claimablePence).toBe(p.capPence);
    expect(p.pcnFundedPence).toBe(10_275_408 - 6_941_004); // 3,334,404
  });

  it("part-month start: months before the start are zero, the year totals the in-post months", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, wteTenThousandths: 6000, startDay: day("2025-10-15") }));
    expect(monthsOf(p, "daysInPost")).toEqual([0, 0, 0, 0, 0, 0, 17, 30, 31, 31, 28, 31]);
    for (const m of p.months.slice(0, 6)) expect(m.costPence).toBe(0);
    // Oct 163,357 + Nov–Mar (full months) 303,033 × 5 = 1,678,522
    expect(p.costPence).toBe(1_678_522);
    expect(p.claimablePence).toBe(1_678_522);
  });

  it("a post outside the year: twelve months, all zero, with a warning", () => {
    const p = pricePost(compiled("2025/26"), makePost({ startDay: day("2026-05-01"), endDay: day("2027-04-30") }));
    expect(p.months).toHaveLength(12);
    for (const m of p.months) {
      expect(m).toMatchObject({ daysInPost: 0, salaryPence: 0, employerNiPence: 0, employerPensionPence: 0, costPence: 0, capPence: 0, claimablePence: 0, pcnFundedPence: 0 });
    }
    expect([p.salaryPence, p.costPence, p.capPence, p.claimablePence, p.pcnFundedPence]).toEqual([0, 0, 0, 0, 0]);
    expect(p.warnings.some((w) => w.includes("not in post during 2025/26"))).toBe(true);
  });

  it("a post spanning the year boundary is clipped to the year", () => {
    const post = makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, startDay: day("2025-01-01"), endDay: day("2025-06-30") });
    const y2526 = pricePost(compiled("2025/26"), post);
    expect(monthsOf(y2526, "daysInPost")).toEqual([30, 31, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // full months: salary 4,781,000/12 = 398,416.67 → 398,417
    expect(y2526.months[0]!.salaryPence).toBe(398_417);
    expect(y2526.salaryPence).toBe(398_417 * 3);
    const y2425 = pricePost(compiled("2024/25"), post);
    expect(monthsOf(y2425, "daysInPost")).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 31, 28, 31]);
    expect(y2425.salaryPence).toBe(398_417 * 3);
  });

  it("ends mid-month: 1–10 April 2025 is 10/30 of April", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, endDay: day("2025-04-10") }));
    // salary 4,781,000 / 12 × 10/30 = 132,805.56 → 132,806
    expect(p.months[0]).toMatchObject({ daysInPost: 10, salaryPence: 132_806 });
    expect(p.salaryPence).toBe(132_806);
    // No start date: the post may have begun long before this year, so no minimum-engagement warning…
    expect(p.warnings.some((w) => w.includes("at least 6 months"))).toBe(false);
    // …but with both dates given, 10 days is a short engagement.
    const short = pricePost(compiled("2025/26"), makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, startDay: day("2025-04-01"), endDay: day("2025-04-10") }));
    expect(short.warnings.some((w) => w.includes("at least 6 months"))).toBe(true);
  });

  it("salary from band + point with inner London HCAS: £47,810 + £8,465 = £56,275", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "occupational-therapist", annualSalaryPence: undefined, band: "7", point: 1, area: "inner-london" }));
    expect(p.hcasPence).toBe(846_500); // 20% × 47,810 = 9,562 → capped at 8,465
    expect(p.annualSalaryPence).toBe(5_627_500); // 47,810 + 8,465
    expect(p.months[0]!.salaryPence).toBe(468_958); // 5,627,500/12 = 468,958.33 → 468,958
    expect(p.figures.some((f) => f.id === "2025/26 HCAS inner-london" && f.status === "third-party")).toBe(true);
    expect(p.figures.some((f) => f.id === "2025/26 AfC band 7 point 1" && f.value === 47_810)).toBe(true);
    // inner London cap: uplift OT inner 78,224/12 = 651,866.67 → 651,867
    expect(p.months[0]!.capPence).toBe(651_867);
  });

  it("fringe posts get fringe HCAS but the national cap", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "healthcare-support-worker", annualSalaryPence: undefined, band: "3", point: 1, area: "fringe" }));
    expect(p.hcasPence).toBe(125_800); // 5% × 24,937 = 1,246.85 < minimum £1,258
    expect(p.annualSalaryPence).toBe(2_619_500); // 24,937 + 1,258
    expect(p.months[0]!.capPence).toBe(277_867); // uplift HCSW national 33,344/12 = 2,778.67 → 277,867
  });

  it.each([
    { label: "no salary and no band", post: makePost({ annualSalaryPence: undefined }), path: "annualSalary" },
    { label: "unknown pay point", post: makePost({ annualSalaryPence: undefined, band: "7", point: 9 }), path: "point" },
    { label: "end before start", post: makePost({ startDay: day("2025-06-01"), endDay: day("2025-05-31") }), path: "end" },
    { label: "MHP without a band", post: makePost({ role: "mental-health-practitioner" }), path: "band" },
    { label: "MHP with a band that has no MHP row", post: makePost({ role: "mental-health-practitioner", band: "3" }), path: "band" },
  ])("EngineInputError: $label", ({ post, path }) => {
    const c = compiled("2025/26");
    expect(() => pricePost(c, post)).toThrow(EngineInputError);
    try {
      pricePost(c, post);
    } catch (e) {
      expect((e as EngineInputError).path).toBe(path);
    }
  });
});

describe("mental health practitioners (domain.md §2, §3)", () => {
  // 2025/26 as published on 1 April 2025 (without the estimated uplift), to check the published 50% table.
  const r = rulesFor("2025/26");
  const april = compileRules({ ...r, capTables: r.capTables.filter((t) => t.id === "2025-26-april") });

  it("50% table: each monthly figure is halved and the 50% cap applies", () => {
    // band 5, £33,487: full month salary 3,348,700/12 = 279,058.33 → 279,058; NI 15% × (279,058 − 41,666.67) = 35,608.70 → 35,609;
    // pension 14.38% × 279,058 = 40,128.54 → 40,129. Halves (half up): 139,529; 17,804.5 → 17,805; 20,064.5 → 20,065; cost 177,399.
    // 50% cap band 5 national 21,676/12 = 1,806.33 → 180,633; claimable 177,399.
    const p = pricePost(april, makePost({ role: "mental-health-practitioner", band: "5", annualSalaryPence: 3_348_700, mhpFunding: "50%" }));
    expect(p.months[0]).toMatchObject({ salaryPence: 139_529, employerNiPence: 17_805, employerPensionPence: 20_065, costPence: 177_399, capPence: 180_633, claimablePence: 177_399 });
    expect(p.figures.find((f) => f.id.includes("maximum reimbursable"))).toMatchObject({ value: 21_676, status: "third-party" });
    expect(p.warnings.some((w) => w.includes("50% table"))).toBe(true);
  });

  it("the 50% table is the default", () => {
    const a = pricePost(april, makePost({ role: "mental-health-practitioner", band: "5", annualSalaryPence: 3_348_700 }));
    const b = pricePost(april, makePost({ role: "mental-health-practitioner", band: "5", annualSalaryPence: 3_348_700, mhpFunding: "50%" }));
    expect(a.months).toEqual(b.months);
  });

  it("100% table: the full cost and the base row (band 5 = pharmacy technician £43,352)", () => {
    // cost 279,058 + 35,609 + 40,129 = 354,796; cap 4,335,200/12 = 361,266.67 → 361,267
    const p = pricePost(april, makePost({ role: "mental-health-practitioner", band: "5", annualSalaryPence: 3_348_700, mhpFunding: "100%" }));
    expect(p.months[0]).toMatchObject({ salaryPence: 279_058, employerNiPence: 35_609, employerPensionPence: 40_129, costPence: 354_796, capPence: 361_267, claimablePence: 354_796 });
    expect(p.figures.find((f) => f.id.includes("maximum reimbursable"))?.value).toBe(43_352);
  });

  it.each([
    // £60,000 band 7 (cap binds): full month salary 500,000; NI 15% × (500,000 − 41,666.67) = 68,750; pension 71,900.
    { funding: "50%", cost: 320_325, cap: 270_450 }, // halves 250,000 + 34,375 + 35,950 = 320,325; cap 32,454/12 = 2,704.50 → 270,450
    { funding: "100%", cost: 640_650, cap: 540_892 }, // 500,000 + 68,750 + 71,900 = 640,650; cap 64,907/12 = 5,408.92 → 540,892
  ] as const)("$funding table, cap binding on band 7", ({ funding, cost, cap }) => {
    const p = pricePost(april, makePost({ role: "mental-health-practitioner", band: "7", annualSalaryPence: 6_000_000, mhpFunding: funding }));
    expect(p.months[0]).toMatchObject({ costPence: cost, capPence: cap, claimablePence: cap, pcnFundedPence: cost - cap });
  });

  it("in the full 2025/26 rules the derived uplift's MHP tables apply (status derived)", () => {
    const p = pricePost(compiled("2025/26"), makePost({ role: "mental-health-practitioner", band: "5", annualSalaryPence: 3_348_700 }));
    // uplift PT row 44,940 → 50% = 22,470; 2,247,000/12 = 187,250
    expect(p.months[0]!.capPence).toBe(187_250);
    expect(p.figures.find((f) => f.id.includes("maximum reimbursable"))).toMatchObject({ value: 22_470, status: "derived" });
  });
});

describe("pricePlan", () => {
  const c = compiled("2025/26");
  const posts = [
    makePost({ id: "a", role: "first-contact-physiotherapist", annualSalaryPence: 5_200_000 }),
    makePost({ id: "b", role: "clinical-pharmacist", annualSalaryPence: 8_000_000 }),
    makePost({ id: "c", role: "occupational-therapist", annualSalaryPence: 4_781_000, wteTenThousandths: 6000, startDay: day("2025-10-15") }),
  ];

  it("totals are the sums of the posts; months cumulate; headroom = entitlement − cumulative claimable", () => {
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts });
    expect(plan.financialYear).toBe("2025/26");
    expect(plan.entitlementPence).toBe(79_893_000); // 30,000 × 26.631
    expect(plan.posts).toHaveLength(3);
    const sumOf = (k: "costPence" | "claimablePence" | "pcnFundedPence") => plan.posts.reduce((s, p) => s + p[k], 0);
    expect(plan.totals.costPence).toBe(sumOf("costPence"));
    expect(plan.totals.claimablePence).toBe(sumOf("claimablePence"));
    expect(plan.totals.pcnFundedPence).toBe(sumOf("pcnFundedPence"));
    expect(plan.totals.pcnFundedPence).toBe(plan.totals.costPence - plan.totals.claimablePence);
    expect(plan.totals.headroomPence).toBe(79_893_000 - plan.totals.claimablePence);

    let cumulative = 0;
    for (const [i, m] of plan.months.entries()) {
      const cost = plan.posts.reduce((s, p) => s + p.months[i]!.costPence, 0);
      const claim = plan.posts.reduce((s, p) => s + p.months[i]!.claimablePence, 0);
      cumulative += claim;
      expect(m).toEqual({
        month: c.months[i]!.month,
        costPence: cost,
        claimablePence: claim,
        pcnFundedPence: cost - claim,
        cumulativeClaimablePence: cumulative,
        headroomPence: 79_893_000 - cumulative,
      });
    }
    expect(plan.months[11]!.headroomPence).toBe(plan.totals.headroomPence);
    expect(plan.pots).toEqual([
      { id: "main", label: "ARRS entitlement", entitlementPence: 79_893_000, claimablePence: plan.totals.claimablePence, headroomPence: plan.totals.headroomPence },
    ]);
    expect(plan.warnings.some((w) => w.includes("over-committed"))).toBe(false);
  });

  it("headroom goes negative when over-committed, with a warning", () => {
    // 1,000 weighted patients × 26.631 = £26,631 — less than one full-time FCP.
    const plan = pricePlan(c, { weightedPopulation: 1_000, posts });
    expect(plan.entitlementPence).toBe(2_663_100);
    expect(plan.totals.headroomPence).toBe(2_663_100 - plan.totals.claimablePence);
    expect(plan.totals.headroomPence).toBeLessThan(0);
    expect(plan.pots[0]!.headroomPence).toBe(plan.totals.headroomPence);
    const firstNegative = plan.months.findIndex((m) => m.headroomPence < 0);
    expect(firstNegative).toBeGreaterThanOrEqual(0);
    for (const m of plan.months.slice(firstNegative)) expect(m.headroomPence).toBeLessThan(0);
    const over = (-plan.totals.headroomPence / 100).toFixed(2);
    expect(plan.warnings).toContain(`ARRS entitlement: over-committed by £${over}; claims above the entitlement are not paid.`);
  });

  it("an empty plan: zero totals, full headroom, the on-cost figures still listed", () => {
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [] });
    expect(plan.totals).toEqual({ costPence: 0, claimablePence: 0, pcnFundedPence: 0, headroomPence: 79_893_000 });
    for (const m of plan.months) expect(m.headroomPence).toBe(79_893_000);
    expect(plan.figures.filter((f) => f.id.includes("employer"))).toHaveLength(3);
  });

  it("2024/25 pots: GP claims draw on the GP pot from October, everything else on the main pot", () => {
    const c24 = compiled("2024/25");
    const plan = pricePlan(c24, {
      weightedPopulation: 30_000,
      posts: [makePost({ id: "gp", role: "gp", annualSalaryPence: 8_241_800 }), makePost({ id: "fcp" })],
    });
    const gp = plan.posts[0]!;
    const fcp = plan.posts[1]!;
    // GP cap Apr–Sep 0 (no GP row), Oct–Mar 9,246,200/12 = 770,516.67 → 770,517 (< cost 869,897)
    expect(gp.months.map((m) => m.claimablePence)).toEqual([...Array(6).fill(0), ...Array(6).fill(770_517)]);
    expect(gp.claimablePence).toBe(4_623_102); // 770,517 × 6
    expect(plan.pots).toEqual([
      { id: "main", label: "ARRS entitlement", entitlementPence: 68_682_000, claimablePence: fcp.claimablePence, headroomPence: 68_682_000 - fcp.claimablePence },
      {
        id: "gp",
        label: "ARRS GP entitlement (ring-fenced, 1 October 2024 – 31 March 2025)",
        entitlementPence: 3_909_000,
        claimablePence: 4_623_102,
        headroomPence: 3_909_000 - 4_623_102, // over-committed by £7,141.02
      },
    ]);
    expect(plan.entitlementPence).toBe(72_591_000);
    expect(plan.warnings.some((w) => w.startsWith("ARRS GP entitlement") && w.includes("over-committed by £7141.02"))).toBe(true);
    expect(plan.warnings.some((w) => w.includes("Claims for each pot"))).toBe(true);
  });

  it("figures are deduplicated and include every estimate used", () => {
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [...posts, ...posts.map((p) => ({ ...p, id: p.id + "2" }))] });
    const ids = plan.figures.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(plan.figures.some((f) => f.status === "derived")).toBe(true);
    expect(plan.figures.some((f) => f.id === "2025/26 ARRS rate per weighted patient")).toBe(true);
  });
});
