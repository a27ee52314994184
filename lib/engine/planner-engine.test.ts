// The planner's engine pieces: pay steps, projected rules, cash flow, supervision, shares.
// Each case states its arithmetic so a reader can check it by hand.
import { describe, expect, it } from "vitest";
import { financialYearMonths, parseIsoDate } from "./calendar";
import { cashFlow } from "./cash-flow";
import { compileRules } from "./compile";
import { pricePost } from "./pricing";
import { projectRules } from "./project";
import { getRules } from "./rules";
import { largestRemainder } from "./shares";
import { supervisionFor, type SupervisionSettings } from "./supervision";
import { averageWteInPost } from "./wte";

const day = (iso: string) => parseIsoDate(iso)!;
const c2526 = compileRules(getRules("2025/26")!);

describe("pay steps (AfC incremental date)", () => {
  const base = { id: "ot", role: "occupational-therapist" as const, band: "7" as const, point: 1, wteTenThousandths: 10_000, area: "national" as const };

  it("a step on the 1st prices the month and after at the next point", () => {
    const r = pricePost(c2526, { ...base, payStepDay: day("2025-10-01") });
    // Sep: 47,810 ÷ 12 = 3,984.1666… → £3,984.17; Oct: 50,273 ÷ 12 = 4,189.4166… → £4,189.42
    expect(r.months[5]!.salaryPence).toBe(398_417);
    expect(r.months[6]!.salaryPence).toBe(418_942);
    expect(r.payStep).toMatchObject({ point: 2, annualSalaryPence: 5_027_300 });
    // 6 months at each point: 6 × 3,984.17 + 6 × 4,189.42 = 49,041.54
    expect(r.salaryPence).toBe(6 * 398_417 + 6 * 418_942);
  });

  it("a step mid-month splits the month by days, rounded once", () => {
    const r = pricePost(c2526, { ...base, payStepDay: day("2025-10-16") });
    // Oct (31 days): (47,810 × 15 + 50,273 × 16) ÷ 12 ÷ 31 = 1,521,518 ÷ 372 = 4,090.1021… → £4,090.10
    expect(r.months[6]!.salaryPence).toBe(409_010);
  });

  it("a step before the year prices the whole year at the next point; at the top of the band it is ignored with a warning", () => {
    const before = pricePost(c2526, { ...base, payStepDay: day("2024-06-01") });
    expect(before.annualSalaryPence).toBe(5_027_300);
    expect(before.payStep).toBeUndefined();
    const top = pricePost(c2526, { ...base, point: 3, payStepDay: day("2025-10-01") });
    expect(top.annualSalaryPence).toBe(5_471_000);
    expect(top.warnings.join(" ")).toMatch(/top of band 7/);
  });

  it("a step after the year changes nothing", () => {
    const a = pricePost(c2526, { ...base, payStepDay: day("2026-04-01") });
    const b = pricePost(c2526, base);
    expect(a.costPence).toBe(b.costPence);
  });
});

describe("projected rules", () => {
  const p = projectRules(getRules("2026/27")!, { payAward: 0.03, rateGrowth: 0.025 });

  it("carries the last year forward with the pay award and rate growth, every figure a projection", () => {
    expect(p.financialYear).toBe("2027/28");
    // 2026/27 band 7 point 1 = 49,388 (47,810 × 1.033); × 1.03 = 50,869.64 → 50,870
    expect(getRules("2026/27")!.afc["7"].points[0]).toBe(49_388);
    expect(p.afc["7"].points[0]).toBe(50_870);
    // 27.668 × 1.025 = 28.3597 → £28.360
    expect(p.pots[0]!.ratePerWeightedPatient).toBe(28.36);
    // HCAS inner London max 2026/27 = 8,744 (8,465 × 1.033); × 1.03 = 9,006.32 → 9,006
    expect(p.hcas["inner-london"].maximum).toBe(Math.floor(getRules("2026/27")!.hcas["inner-london"].maximum * 1.03 + 0.5));
    const statuses = new Set([
      p.pots[0]!.status,
      p.employerNiRate.status,
      p.afc["7"].status,
      p.hcas.fringe.status,
      p.capTables[0]!.status,
      ...Object.values(p.capTables[0]!.roles).map((l) => l!.status),
      ...Object.values(p.capTables[0]!.mhp["50%"]).map((l) => l!.status),
    ]);
    expect([...statuses]).toEqual(["projection"]);
  });

  it("re-costs each maximum's salary basis with the award (domain.md §5)", () => {
    const prev = getRules("2026/27")!.capTables[0]!.roles["occupational-therapist"]!.national;
    // basis = (max + 0.15 × 5,000) ÷ 1.2938; projected = basis × 1.03 × 1.2938 − 750
    const expected = Math.floor(((prev + 750) / 1.2938) * 1.03 * 1.2938 - 750 + 0.5);
    expect(p.capTables[0]!.roles["occupational-therapist"]!.national).toBe(expected);
  });

  it("projects from the rate and caps the user entered for the year before", () => {
    const q = projectRules(getRules("2026/27")!, { payAward: 0, rateGrowth: 0.1, previousRate: 30, previousCapOverrides: { dietitian: 60_000 } });
    expect(q.pots[0]!.ratePerWeightedPatient).toBe(33);
    expect(q.capTables[0]!.roles.dietitian!.national).toBe(60_000);
    expect(q.capTables[0]!.roles.dietitian!.source).toMatch(/you entered/);
  });

  it("prices a post in a projected year", () => {
    const r = pricePost(compileRules(p), { id: "ot", role: "occupational-therapist", band: "7", point: 1, wteTenThousandths: 10_000, area: "national" });
    // April: 50,870 ÷ 12 = 4,239.1666… → £4,239.17
    expect(r.months[0]!.salaryPence).toBe(423_917);
    expect(r.figures.some((f) => f.status === "projection")).toBe(true);
  });
});

describe("cash flow with a claim lag", () => {
  const months = (cost: number, claim: number) => Array.from({ length: 12 }, (_, i) => ({ month: `m${i + 1}`, costPence: cost, claimablePence: claim }));

  it("reimbursement arrives `lag` months later; the position dips before it", () => {
    const r = cashFlow([{ entitlementPence: 100_000, months: months(100, 80) }], 2);
    // m1: −100; m2: −200; m3: −200 − 100 + 80 = −220; … m12: −1,200 + 10 × 80 = −400
    expect(r.months.map((m) => m.positionPence).slice(0, 3)).toEqual([-100, -200, -220]);
    expect(r.months[11]!.positionPence).toBe(-400);
    expect(r.peakFundingPence).toBe(400);
    expect(r.peakFundingMonth).toBe("m12");
    // m11 and m12 claims (2 × 80) arrive after the plan
    expect(r.receivableAfterPence).toBe(160);
  });

  it("claims above the entitlement are never received", () => {
    const r = cashFlow([{ entitlementPence: 500, months: months(100, 80) }], 0);
    // 6 × 80 = 480, then 20 of the 7th month's claim, then nothing: 500 received, 960 − 500 = 460 unpaid
    expect(r.months.reduce((s, m) => s + m.receivedPence, 0)).toBe(500);
    expect(r.months[6]!.receivedPence).toBe(20);
    expect(r.unpaidClaimsPence).toBe(460);
  });

  it("runs across years: March's claim is received in May of the next year", () => {
    const y1 = months(0, 0);
    y1[11] = { month: "mar", costPence: 100, claimablePence: 100 };
    const r = cashFlow([{ entitlementPence: 1000, months: y1 }, { entitlementPence: 1000, months: months(0, 0) }], 2);
    expect(r.months[13]!.receivedPence).toBe(100);
    expect(r.months[13]!.positionPence).toBe(0);
  });

  it("staff already in post: the claims for the months before the plan arrive in its first months (issue 14)", () => {
    // Each month costs 100 and claims 80; the two months before the plan claimed 70 and 75.
    const r = cashFlow([{ entitlementPence: 100_000, months: months(100, 80) }], 2, {
      claimsBeforePlan: [
        { month: "before-2", claimablePence: 70 },
        { month: "before-1", claimablePence: 75 },
      ],
    });
    // m1 receives before-2's 70: 70 − 100 = −30; m2 receives before-1's 75: −30 + 75 − 100 = −55;
    // m3 receives m1's 80: −55 + 80 − 100 = −75; … m12: −55 + 10 × (80 − 100) = −255
    expect(r.months.slice(0, 3).map((m) => [m.receivedPence, m.positionPence])).toEqual([
      [70, -30],
      [75, -55],
      [80, -75],
    ]);
    expect(r.peakFundingPence).toBe(255);
    expect(r.receivedForMonthsBeforePlanPence).toBe(145);
    // Without them (new starters) the position is 145 lower all year: −400 in m12
    expect(cashFlow([{ entitlementPence: 100_000, months: months(100, 80) }], 2).peakFundingPence).toBe(400);
  });

  it("claims before the plan are not limited by the plan's entitlement; more of them than the lag is refused", () => {
    const r = cashFlow([{ entitlementPence: 0, months: months(0, 0) }], 1, { claimsBeforePlan: [{ month: "before-1", claimablePence: 500 }] });
    expect(r.months[0]!.receivedPence).toBe(500);
    expect(() => cashFlow([{ entitlementPence: 0, months: months(0, 0) }], 1, { claimsBeforePlan: [{ month: "a", claimablePence: 1 }, { month: "b", claimablePence: 1 }] })).toThrow(RangeError);
  });

  it("peak funding needed: per year, and for the plan the largest of the years'", () => {
    // Year 1: cost 100, claim 80 a month → lowest −400 in m12 (as above).
    // Year 2: costs 0, claims received for year 1's m11 and m12 (+160), then nothing: −240 in its first two months → −400 + 80 = −320, −240, …
    const r = cashFlow([{ entitlementPence: 100_000, months: months(100, 80) }, { entitlementPence: 100_000, months: months(0, 0) }], 2);
    expect(r.years).toEqual([
      { peakFundingPence: 400, peakFundingMonth: "m12" },
      // m1 of year 2: −400 + 80 = −320 (its lowest)
      { peakFundingPence: 320, peakFundingMonth: "m1" },
    ]);
    expect(r.peakFundingPence).toBe(Math.max(...r.years.map((y) => y.peakFundingPence)));
    expect(r.peakFundingMonth).toBe("m12");
  });
});

describe("average WTE in post", () => {
  it.each([
    // 1.0 WTE, 1 April–30 September 2025: 183 of 365 days → 10,000 × 183 ÷ 365 = 5,013.7 → 5,014 (0.5014)
    [10_000, 183, 365, 5_014],
    // 1.0 WTE from 1 October: 182 of 365 → 4,986.3 → 4,986; with the one above: 10,000 = 1.00 WTE
    [10_000, 182, 365, 4_986],
    // 0.6 WTE all year → 6,000
    [6_000, 365, 365, 6_000],
    // 0.5 WTE, 1 day of a leap year: 5,000 ÷ 366 = 13.66 → 14
    [5_000, 1, 366, 14],
    [10_000, 0, 365, 0],
  ])("%d ten-thousandths × %d days ÷ %d → %d", (wteTenThousandths, daysInPost, daysInYear, expected) => {
    expect(averageWteInPost({ wteTenThousandths, daysInPost, daysInYear })).toBe(expected);
  });

  it("refuses days outside the year", () => {
    expect(() => averageWteInPost({ wteTenThousandths: 10_000, daysInPost: 366, daysInYear: 365 })).toThrow(RangeError);
  });
});

describe("largest-remainder shares", () => {
  it.each([
    // 100 ÷ 3 = 33.33 each; 1p left goes to the first of the equal remainders
    [100, [1, 1, 1], [34, 33, 33]],
    // 1,000 × 3.5/5 = 700, × 1.5/5 = 300
    [1000, [3.5, 1.5], [700, 300]],
    // 10 × (2/7, 2/7, 3/7) = 2.857, 2.857, 4.285 → 2, 2, 4 + 2p to the two largest remainders (.857, .857)
    [10, [2, 2, 3], [3, 3, 4]],
    [0, [5, 7], [0, 0]],
    // 99,999 × 12,345.678901 ÷ 66,666.778901 = 18,518.30…; × 54,321.1 ÷ 66,666.778901 = 81,480.69… → 18,518 + 81,480 + 1p to the larger remainder (.69)
    [99_999, [12_345.678901, 0, 54_321.1], [18_518, 0, 81_481]],
  ])("%i by %j → %j", (total, weights, expected) => {
    const parts = largestRemainder(total, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("refuses weights that add up to zero", () => {
    expect(() => largestRemainder(10, [0, 0])).toThrow(/zero/);
  });
});

describe("supervision", () => {
  const april = financialYearMonths(2025).slice(0, 1); // April 2025, 30 days
  const s: SupervisionSettings = {
    wbaPerMonth: 2,
    wbaMinutes: 60,
    debriefMinutesPerDay: 30,
    workingDaysPerMonth: 21,
    clinicalSupervisionMinutesPerMonth: 60,
    traineesPerSupervisorWte: 4,
    supervisorHourlyCostPence: 5_416,
  };
  const post = (id: string, extra: object = {}) => ({
    id,
    label: id,
    wteTenThousandths: 10_000,
    startDay: day("2025-04-01"),
    endDay: day("2026-03-31"),
    supervisorId: "gp",
    roadmap: true,
    ...extra,
  });

  it("roadmap training: assessments plus daily debriefs; after sign-off: monthly clinical supervision", () => {
    const r = supervisionFor(april, [post("trainee"), post("signed", { roadmap: false }), post("half", { signOffDay: day("2025-04-16") }), post("part", { wteTenThousandths: 5_000 })], [{ id: "gp", name: "Dr A", wteTenThousandths: 10_000 }], s);
    // trainee: 2 × 60 + 30 × 21 × 1.0 = 750 min = 12.5 h; 750 × £54.16 ÷ 60 = £677.00
    expect(r.posts[0]!.minutes).toBe(750);
    expect(r.posts[0]!.costPence).toBe(67_700);
    // signed off: 60 min, £54.16
    expect(r.posts[1]!).toMatchObject({ minutes: 60, costPence: 5_416 });
    // signed off on 16 April: (750 × 15 + 60 × 15) ÷ 30 = 405 min; 405 × 54.16 ÷ 60 = £365.58
    expect(r.posts[2]!).toMatchObject({ minutes: 405, costPence: 36_558 });
    // 0.5 WTE trainee: 120 + 30 × 21 × 0.5 = 435 min
    expect(r.posts[3]!.minutes).toBe(435);
    expect(r.posts[0]!.months[0]!.kind).toBe("roadmap");
    expect(r.posts[1]!.months[0]!.kind).toBe("clinical");
    expect(r.costPence).toBe(67_700 + 5_416 + 36_558 + divHalfUp(435 * 5_416, 60));
  });

  it("warns when a supervisor has more roadmap trainees than capacity, and when a trainee has none", () => {
    const r = supervisionFor(april, [post("a"), post("b"), post("c"), post("d", { supervisorId: null })], [{ id: "gp", name: "Dr A", wteTenThousandths: 5_000 }], s);
    // 0.5 WTE × 4 = capacity 2; 3 trainees assigned
    expect(r.supervisors[0]).toMatchObject({ capacity: 2, peakTrainees: 3, overCapacityMonths: ["2025-04"] });
    expect(r.warnings.join(" ")).toMatch(/Dr A supervises up to 3 roadmap trainees/);
    expect(r.warnings.join(" ")).toMatch(/No roadmap supervisor is named for: d/);
  });

  it("a post not in post that month needs no supervision", () => {
    const r = supervisionFor(april, [post("later", { startDay: day("2025-05-01") })], [], s);
    expect(r.posts[0]!.months[0]).toMatchObject({ minutes: 0, kind: "none" });
  });
});

function divHalfUp(n: number, d: number) {
  return Math.floor(n / d) + (2 * (n % d) >= d ? 1 : 0);
}
