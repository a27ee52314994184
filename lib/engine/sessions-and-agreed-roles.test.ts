// Issue 15 item 5: GP sessions and hours a week priced on the exact WTE, commissioner-approved roles
// capped at the ICB's maximum, and the nurse / HCSW 12-month rule. Arithmetic in the comments.
import { describe, expect, it } from "vitest";
import { pricePlan, pricePost } from "./pricing";
import { compiled, makePost } from "./test-helpers";
import { wteFromHours, wteFromSessions } from "./wte";

describe("sessions and hours → WTE", () => {
  it.each([
    // sessions in hundredths ÷ 900; ten-thousandths = hundredths × 10,000 ÷ 900, rounded half up
    { what: "4 sessions", fn: () => wteFromSessions(400), tt: 4444, exact: { numerator: 400, denominator: 900 } }, // 4/9 = 0.44444 → 0.4444
    { what: "5 sessions", fn: () => wteFromSessions(500), tt: 5556, exact: { numerator: 500, denominator: 900 } }, // 5/9 = 0.55556 → 0.5556
    { what: "4.5 sessions", fn: () => wteFromSessions(450), tt: 5000, exact: { numerator: 450, denominator: 900 } }, // 4.5/9 = 0.5
    { what: "9 sessions", fn: () => wteFromSessions(900), tt: 10000, exact: { numerator: 900, denominator: 900 } }, // 1.0
    // hours in hundredths ÷ 3,750
    { what: "30 hours", fn: () => wteFromHours(3000), tt: 8000, exact: { numerator: 3000, denominator: 3750 } }, // 30/37.5 = 0.8
    { what: "20 hours", fn: () => wteFromHours(2000), tt: 5333, exact: { numerator: 2000, denominator: 3750 } }, // 20/37.5 = 0.53333 → 0.5333
    { what: "37.5 hours", fn: () => wteFromHours(3750), tt: 10000, exact: { numerator: 3750, denominator: 3750 } },
  ])("$what", ({ fn, tt, exact }) => {
    expect(fn()).toEqual({ wteTenThousandths: tt, wteExact: exact });
  });
});

describe("golden cases: sessions and hours (2025/26)", () => {
  const c = compiled("2025/26");

  it("a GP on 4 sessions is priced on exactly 4/9 WTE, not 0.4444", () => {
    const post = makePost({ role: "gp", annualSalaryPence: 8_241_800, ...wteFromSessions(400) });
    const p = pricePost(c, post);
    // salary  8,241,800 × 4/9 ÷ 12 = 32,967,200 ÷ 108 = 305,251.85 → 305,252 (at 0.4444: 8,241,800 × 0.4444 ÷ 12 = 305,221.33 → 305,221)
    // NI      15% × (305,252 − 500,000/12 = 41,666.67) = 39,537.80 → 39,538
    // pension 14.38% × 305,252 = 43,895.24 → 43,895
    // cost    305,252 + 39,538 + 43,895 = 388,685 a month; × 12 = 4,664,220 (£46,642.20)
    for (const m of p.months) expect(m).toMatchObject({ salaryPence: 305_252, employerNiPence: 39_538, employerPensionPence: 43_895, costPence: 388_685 });
    expect(p.costPence).toBe(4_664_220);
    expect(p.wteTenThousandths).toBe(4444);
    // The same post at 0.4444 WTE costs less: the sessions are not rounded before pricing.
    const rounded = pricePost(c, makePost({ role: "gp", annualSalaryPence: 8_241_800, wteTenThousandths: 4444 }));
    expect(rounded.months[0]!.salaryPence).toBe(305_221);
    // A 9-session GP costs the same as a 1.0 WTE one, to the penny.
    const nine = pricePost(c, makePost({ role: "gp", annualSalaryPence: 8_241_800, ...wteFromSessions(900) }));
    const full = pricePost(c, makePost({ role: "gp", annualSalaryPence: 8_241_800 }));
    expect(nine.months).toEqual(full.months);
  });

  it("the cap of a 4-session GP is 4/9 of the full-time maximum", () => {
    const p = pricePost(c, makePost({ role: "gp", annualSalaryPence: 8_241_800, ...wteFromSessions(400) }));
    const full = pricePost(c, makePost({ role: "gp", annualSalaryPence: 8_241_800 }));
    // full-time cap a month X (the year's GP maximum ÷ 12, in pence); 4 sessions: X × 4/9, rounded half up
    const annualCapPence = full.months[0]!.capPence * 12;
    expect(p.months[0]!.capPence).toBe(Math.floor((annualCapPence * 4) / 108 + 0.5));
  });

  it("30 hours a week = 0.8 WTE: the same figures as wte 0.8", () => {
    const byHours = pricePost(c, makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, ...wteFromHours(3000) }));
    const byWte = pricePost(c, makePost({ role: "occupational-therapist", annualSalaryPence: 4_781_000, wteTenThousandths: 8000 }));
    // salary 4,781,000 × 0.8 ÷ 12 = 318,733.33 → 318,733
    expect(byHours.months[0]!.salaryPence).toBe(318_733);
    expect(byHours.months).toEqual(byWte.months);
    expect(byHours.wteTenThousandths).toBe(8000);
  });
});

describe("golden cases: commissioner-approved roles (2025/26)", () => {
  const c = compiled("2025/26");
  const agreed = (over: Parameters<typeof makePost>[0]) =>
    makePost({ role: "commissioner-approved", roleName: "Musculoskeletal practitioner", agreedMaxPence: 5_500_000, ...over });

  it.each([
    {
      label: "salary £60,000 above the ICB's £55,000 maximum: capped",
      post: agreed({ annualSalaryPence: 6_000_000 }),
      // salary 6,000,000 ÷ 12 = 500,000; NI 15% × (500,000 − 41,666.67) = 68,750; pension 14.38% × 500,000 = 71,900
      // cost 640,650 a month; cap 5,500,000 ÷ 12 = 458,333.33 → 458,333; claimable min = 458,333
      month: { salaryPence: 500_000, employerNiPence: 68_750, employerPensionPence: 71_900, costPence: 640_650, capPence: 458_333, claimablePence: 458_333, pcnFundedPence: 182_317 },
      claimable: 5_499_996, // 458,333 × 12
    },
    {
      label: "salary £35,000 below the maximum: all claimable",
      post: agreed({ annualSalaryPence: 3_500_000 }),
      // salary 3,500,000 ÷ 12 = 291,666.67 → 291,667; NI 15% × (291,667 − 41,666.67) = 37,500.05 → 37,500
      // pension 14.38% × 291,667 = 41,941.71 → 41,942; cost 371,109 < cap 458,333
      month: { salaryPence: 291_667, employerNiPence: 37_500, employerPensionPence: 41_942, costPence: 371_109, capPence: 458_333, claimablePence: 371_109, pcnFundedPence: 0 },
      claimable: 4_453_308, // 371,109 × 12
    },
    {
      label: "0.5 WTE in inner London at £60,000: the ICB's maximum pro rata, no London weighting added",
      post: agreed({ annualSalaryPence: 6_000_000, wteTenThousandths: 5000, area: "inner-london" }),
      // salary 250,000; NI 15% × (250,000 − 41,666.67) = 31,250; pension 35,950; cost 317,200
      // cap 5,500,000 × 0.5 ÷ 12 = 229,166.67 → 229,167
      month: { salaryPence: 250_000, employerNiPence: 31_250, employerPensionPence: 35_950, costPence: 317_200, capPence: 229_167, claimablePence: 229_167, pcnFundedPence: 88_033 },
      claimable: 2_750_004, // 229,167 × 12
    },
  ])("$label", ({ post, month, claimable }) => {
    const p = pricePost(c, post);
    for (const m of p.months) expect(m).toMatchObject(month);
    expect(p.claimablePence).toBe(claimable);
    expect(p.roleName).toBe("Musculoskeletal practitioner (commissioner-approved)");
    const cap = p.figures.find((f) => f.id.includes("commissioner-approved"));
    expect(cap).toMatchObject({ value: 55_000, status: "override", source: "Maximum agreed by the ICB (entered by the user)" });
  });

  it("claims from the main pot and shows in the plan's figures", () => {
    const plan = pricePlan(c, { weightedPopulation: 30_000, posts: [agreed({ annualSalaryPence: 6_000_000 })] });
    expect(plan.pots.find((p) => p.id === "main")!.claimablePence).toBe(5_499_996);
    expect(plan.figures.some((f) => f.source === "Maximum agreed by the ICB (entered by the user)")).toBe(true);
  });

  it("before 2024/25 an ICB could not approve other roles: nothing claimable, with a warning", () => {
    const p = pricePost(compiled("2023/24"), agreed({ annualSalaryPence: 3_500_000 }));
    expect(p.claimablePence).toBe(0);
    expect(p.costPence).toBeGreaterThan(0);
    expect(p.warnings.join(" ")).toMatch(/only from 2024\/25/);
  });
});

describe("nurses and HCSWs employed in the previous 12 months (from 2025/26)", () => {
  const nurse = (over: Parameters<typeof makePost>[0] = {}) => makePost({ role: "experienced-general-practice-nurse", annualSalaryPence: 3_800_000, ...over });

  it.each([
    { label: "experienced GP nurse, 2025/26: £0 claimable, warned", fy: "2025/26", post: nurse({ employedInLast12Months: true }), zero: true, warn: /not reimbursable unless they move to a more senior role/ },
    { label: "healthcare support worker, 2026/27: £0 claimable, warned", fy: "2026/27", post: makePost({ role: "healthcare-support-worker", annualSalaryPence: 2_500_000, employedInLast12Months: true }), zero: true, warn: /previous 12 months/ },
    { label: "moving to a more senior role: claimable, with a note to keep the evidence", fy: "2025/26", post: nurse({ employedInLast12Months: true, moreSeniorRole: true }), zero: false, warn: /more senior role, so still reimbursable/ },
    { label: "2024/25: the rule did not apply yet (nursing associate)", fy: "2024/25", post: makePost({ role: "nursing-associate", annualSalaryPence: 2_800_000, employedInLast12Months: true }), zero: false, warn: null },
    { label: "an OT: the rule is for nurses and HCSWs only", fy: "2025/26", post: makePost({ role: "occupational-therapist", employedInLast12Months: true }), zero: false, warn: null },
  ])("$label", ({ fy, post, zero, warn }) => {
    const p = pricePost(compiled(fy), post);
    const plain = pricePost(compiled(fy), { ...post, employedInLast12Months: false });
    // The cost is unchanged; a post the rule stops has a cap of £0 (not reimbursable), so nothing is claimable.
    expect(p.costPence).toBe(plain.costPence);
    expect(p.capPence).toBe(zero ? 0 : plain.capPence);
    if (zero) {
      expect(p.claimablePence).toBe(0);
      expect(p.pcnFundedPence).toBe(p.costPence);
    } else {
      expect(p.claimablePence).toBe(plain.claimablePence);
      expect(p.claimablePence).toBeGreaterThan(0);
    }
    if (warn) expect(p.warnings.join(" ")).toMatch(warn);
    else expect(p.warnings.join(" ")).not.toMatch(/12 months/);
  });
});
