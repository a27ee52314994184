// Property tests of post costing (domain.md §2, §8) over random valid posts in every year.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookupCap, type CompiledRules } from "./compile";
import { pricePost, twelveMonthRuleApplies, type PostSpec } from "./pricing";
import { AFC_BANDS, AREAS, capAreaFor, MHP_BANDS, ROLE_IDS, type MhpFunding } from "./roles";
import { FINANCIAL_YEARS } from "./rules";
import { compiled } from "./test-helpers";

const RUNS = 300;
const COMPILED = new Map<string, CompiledRules>(FINANCIAL_YEARS.map((fy) => [fy, compiled(fy)]));
const rulesOf = (fy: string) => COMPILED.get(fy)!;

interface Case {
  fy: string;
  post: PostSpec;
}

/** A random valid post: any role (MHPs get a band and funding), £10k–£150k with pence, any WTE, any area, dates in and around the year. */
const arbCase = (opts: { fullYear?: boolean } = {}): fc.Arbitrary<Case> =>
  fc
    .record({
      fy: fc.constantFrom(...FINANCIAL_YEARS),
      role: fc.constantFrom(...ROLE_IDS),
      mhpBand: fc.constantFrom(...MHP_BANDS),
      mhpFunding: fc.constantFrom<MhpFunding>("50%", "100%"),
      salaryPence: fc.integer({ min: 1_000_000, max: 15_000_000 }),
      wte: fc.integer({ min: 1, max: 10_000 }),
      area: fc.constantFrom(...AREAS),
      // offsets in days from 1 April; −100 … 465 reaches into both neighbouring years
      a: fc.option(fc.integer({ min: -100, max: 465 }), { nil: undefined }),
      b: fc.option(fc.integer({ min: -100, max: 465 }), { nil: undefined }),
      // commissioner-approved roles: the ICB's maximum; nurses/HCSWs: the 12-month rule
      agreedMaxPence: fc.integer({ min: 1, max: 25_000_000 }),
      employedInLast12Months: fc.boolean(),
    })
    .map(({ fy, role, mhpBand, mhpFunding, salaryPence, wte, area, a, b, agreedMaxPence, employedInLast12Months }) => {
      const first = rulesOf(fy).firstDay;
      let startDay: number | undefined;
      let endDay: number | undefined;
      if (!opts.fullYear) {
        if (a !== undefined && b !== undefined) [startDay, endDay] = [first + Math.min(a, b), first + Math.max(a, b)];
        else if (a !== undefined) startDay = first + a;
        else if (b !== undefined) endDay = first + b;
      }
      const post: PostSpec = {
        id: "p",
        role,
        annualSalaryPence: salaryPence,
        wteTenThousandths: wte,
        area,
        ...(startDay !== undefined ? { startDay } : {}),
        ...(endDay !== undefined ? { endDay } : {}),
        ...(role === "mental-health-practitioner" ? { band: mhpBand, mhpFunding } : {}),
        ...(role === "commissioner-approved" ? { roleName: "Other role", agreedMaxPence } : {}),
        ...(employedInLast12Months ? { employedInLast12Months } : {}),
      };
      return { fy, post };
    })
    // a post that ends before the year starts but has no start date would end before its default start
    .filter(({ fy, post }) => (post.endDay ?? rulesOf(fy).lastDay) >= (post.startDay ?? rulesOf(fy).firstDay));

describe("post costing properties", () => {
  it("every month: 0 ≤ claimable ≤ cost, claimable ≤ cap, pcnFunded = cost − claimable, cost = salary + NI + pension; nothing negative", () => {
    fc.assert(
      fc.property(arbCase(), ({ fy, post }) => {
        const r = pricePost(rulesOf(fy), post);
        expect(r.months).toHaveLength(12);
        for (const m of r.months) {
          for (const v of [m.salaryPence, m.employerNiPence, m.employerPensionPence, m.costPence, m.capPence, m.claimablePence, m.pcnFundedPence]) {
            expect(Number.isSafeInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(m.claimablePence).toBeLessThanOrEqual(m.costPence);
          expect(m.claimablePence).toBeLessThanOrEqual(m.capPence);
          expect(m.claimablePence).toBe(Math.min(m.costPence, m.capPence));
          expect(m.pcnFundedPence).toBe(m.costPence - m.claimablePence);
          expect(m.costPence).toBe(m.salaryPence + m.employerNiPence + m.employerPensionPence);
          if (m.daysInPost === 0) expect(m.costPence + m.capPence).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("days in post are the overlap of [start, end] with each month", () => {
    fc.assert(
      fc.property(arbCase(), ({ fy, post }) => {
        const c = rulesOf(fy);
        const r = pricePost(c, post);
        const start = post.startDay ?? c.firstDay;
        const end = post.endDay ?? c.lastDay;
        for (const [i, m] of r.months.entries()) {
          const span = c.months[i]!;
          expect(m.daysInPost).toBe(Math.max(0, Math.min(end, span.lastDay) - Math.max(start, span.firstDay) + 1));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the annual figures are the sums of the months; pcnFunded = cost − claimable", () => {
    fc.assert(
      fc.property(arbCase(), ({ fy, post }) => {
        const r = pricePost(rulesOf(fy), post);
        const total = (k: "salaryPence" | "employerNiPence" | "employerPensionPence" | "costPence" | "capPence" | "claimablePence" | "pcnFundedPence") =>
          r.months.reduce((s, m) => s + m[k], 0);
        expect(r.salaryPence).toBe(total("salaryPence"));
        expect(r.employerNiPence).toBe(total("employerNiPence"));
        expect(r.employerPensionPence).toBe(total("employerPensionPence"));
        expect(r.costPence).toBe(total("costPence"));
        expect(r.capPence).toBe(total("capPence"));
        expect(r.claimablePence).toBe(total("claimablePence"));
        expect(r.pcnFundedPence).toBe(total("pcnFundedPence"));
        expect(r.pcnFundedPence).toBe(r.costPence - r.claimablePence);
        expect(r.claimablePence).toBeLessThanOrEqual(r.costPence);
        expect(r.claimablePence).toBeLessThanOrEqual(r.capPence);
      }),
      { numRuns: RUNS },
    );
  });

  it("claimable (and cost, and cap) never decrease as WTE grows, month by month", () => {
    fc.assert(
      fc.property(arbCase(), fc.integer({ min: 0, max: 9_999 }), ({ fy, post }, extra) => {
        const larger = { ...post, wteTenThousandths: Math.min(10_000, post.wteTenThousandths + extra) };
        const a = pricePost(rulesOf(fy), post);
        const b = pricePost(rulesOf(fy), larger);
        for (let i = 0; i < 12; i++) {
          expect(b.months[i]!.claimablePence).toBeGreaterThanOrEqual(a.months[i]!.claimablePence);
          expect(b.months[i]!.costPence).toBeGreaterThanOrEqual(a.months[i]!.costPence);
          expect(b.months[i]!.capPence).toBeGreaterThanOrEqual(a.months[i]!.capPence);
        }
        expect(b.claimablePence).toBeGreaterThanOrEqual(a.claimablePence);
      }),
      { numRuns: RUNS },
    );
  });

  it("a full-year post's cost equals the annual formula (salary + NI + pension on the annual figures, §2) within 12 × 1.65p", () => {
    // Why the bound: each month the engine rounds salary_m (error e ≤ ½p), then computes NI and pension from
    // the rounded salary (carrying e × (niRate + pensionRate)) and rounds each again (≤ ½p each). So a month
    // differs from a twelfth of the annual formula by at most ½p × (1 + 0.15 + 0.1438) + ½p + ½p = 1.6469p,
    // and the year by at most 12 × 1.6469p = 19.76p. (max(0, ·) in the NI formula is 1-Lipschitz, so the
    // threshold does not widen it.) The MHP 50% table halves each figure again, so it is excluded here.
    let worst = 0;
    fc.assert(
      fc.property(arbCase({ fullYear: true }), ({ fy, post }) => {
        fc.pre(post.mhpFunding !== "50%");
        const c = rulesOf(fy);
        const r = pricePost(c, post);
        const S = BigInt(post.annualSalaryPence!);
        const W = BigInt(post.wteTenThousandths);
        const ni = BigInt(c.niPpm);
        const pen = BigInt(c.pensionPpm);
        const T = BigInt(c.niThresholdPence);
        // Everything × 10^10 (10^4 for WTE, 10^6 for ppm), exact.
        const salary = S * W * 1_000_000n;
        const niAbove = S * W - T * 10_000n;
        const exact = salary + ni * (niAbove > 0n ? niAbove : 0n) + pen * S * W;
        const diff = BigInt(r.costPence) * 10n ** 10n - exact;
        const absDiff = diff < 0n ? -diff : diff;
        // bound = 12 × (½ × (1 + ni + pen) + 1) pence, × 10^10
        const bound = 12n * (5_000n * (1_000_000n + ni + pen) + 10n ** 10n);
        expect(absDiff <= bound).toBe(true);
        worst = Math.max(worst, Number(absDiff) / 1e10);
      }),
      { numRuns: RUNS },
    );
    expect(worst).toBeLessThanOrEqual(19.77);
  });

  it("a full-year post under one cap table has a cap within 12 × ½p of the annual maximum × WTE", () => {
    fc.assert(
      fc.property(arbCase({ fullYear: true }), ({ fy, post }) => {
        const c = rulesOf(fy);
        const tables = new Set(c.monthSegments.flat().map((s) => s.table));
        fc.pre(tables.size === 1);
        const [table] = [...tables];
        const mhp = post.role === "mental-health-practitioner" ? { band: post.band as (typeof MHP_BANDS)[number], funding: post.mhpFunding! } : undefined;
        const found =
          post.role === "commissioner-approved"
            ? c.rules.startYear >= 2024
              ? { pence: post.agreedMaxPence! }
              : null
            : lookupCap(c, table!, post.role, capAreaFor(post.area), mhp);
        const r = pricePost(c, post);
        // A nurse or HCSW the 12-month rule stops has no cap (not reimbursable).
        const stopped = twelveMonthRuleApplies(c.rules.startYear, post);
        const expected = stopped ? 0 : ((found?.pence ?? 0) * post.wteTenThousandths) / 10_000;
        expect(Math.abs(r.capPence - expected)).toBeLessThanOrEqual(6);
      }),
      { numRuns: RUNS },
    );
  });

  it("band + point salaries: annual = basic + HCAS, HCAS within the zone's limits (0 nationally)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FINANCIAL_YEARS),
        fc.constantFrom(...AFC_BANDS),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...AREAS),
        fc.integer({ min: 1, max: 10_000 }),
        (fy, band, point, area, wte) => {
          const c = rulesOf(fy);
          const pounds = c.rules.afc[band].points[point - 1];
          fc.pre(pounds !== undefined);
          const r = pricePost(c, { id: "p", role: "care-coordinator", band, point, area, wteTenThousandths: wte });
          expect(r.annualSalaryPence).toBe(pounds! * 100 + r.hcasPence);
          if (area === "national") expect(r.hcasPence).toBe(0);
          else {
            const z = c.rules.hcas[area];
            expect(r.hcasPence).toBeGreaterThanOrEqual(z.minimum * 100);
            expect(r.hcasPence).toBeLessThanOrEqual(z.maximum * 100);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
