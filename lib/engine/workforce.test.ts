import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { financialYearMonths, parseIsoDate } from "./calendar";
import { addMonthsToDay, workforceForYear } from "./workforce";

const months = financialYearMonths(2026); // 2026/27: 365 days (February 2027 has 28)
const day = (iso: string) => parseIsoDate(iso)!;
const role = (r: ReturnType<typeof workforceForYear>, month: string, id: string) => r.months.find((m) => m.month === month)!.roles[id];

describe("workforceForYear", () => {
  it("a 1.0 WTE post all year: 1.0 WTE and one head every month, average 1.0", () => {
    const r = workforceForYear({ months, posts: [{ role: "pharmacist", wteTenThousandths: 10_000 }] });
    expect(r.months).toHaveLength(12);
    for (const m of r.months) expect(m.roles.pharmacist).toEqual({ wteTenThousandths: 10_000, headcount: 1 });
    expect(r.averageWteTenThousandths).toEqual({ pharmacist: 10_000 });
  });

  it("a leaver mid-month counts for the days in post, and not in the headcount on the month's last day", () => {
    // Leaves 15 June 2026: June 15 of 30 days → 1.0 × 15 ÷ 30 = 0.5 WTE; not in post on 30 June.
    // Year: 30 (Apr) + 31 (May) + 15 (Jun) = 76 days → 10000 × 76 ÷ 365 = 2082.19… → 2082.
    const r = workforceForYear({ months, posts: [{ role: "pharmacist", wteTenThousandths: 10_000, endDay: day("2026-06-15") }] });
    expect(role(r, "2026-05", "pharmacist")).toEqual({ wteTenThousandths: 10_000, headcount: 1 });
    expect(role(r, "2026-06", "pharmacist")).toEqual({ wteTenThousandths: 5_000, headcount: 0 });
    expect(role(r, "2026-07", "pharmacist")).toEqual({ wteTenThousandths: 0, headcount: 0 });
    expect(r.averageWteTenThousandths.pharmacist).toBe(2082);
  });

  it("a joiner mid-month is in the headcount of that month; leaver and joiner in one role add up", () => {
    // Joiner 0.6 WTE from 16 September 2026: September 15 of 30 days → 6000 × 15 ÷ 30 = 3000.
    // Leaver 1.0 WTE to 30 September: September 10000. Role total in September: 13000 (1.3 WTE); on 30 September both are in post: headcount 2.
    const r = workforceForYear({
      months,
      posts: [
        { role: "paramedic", wteTenThousandths: 10_000, endDay: day("2026-09-30") },
        { role: "paramedic", wteTenThousandths: 6_000, startDay: day("2026-09-16") },
      ],
    });
    expect(role(r, "2026-09", "paramedic")).toEqual({ wteTenThousandths: 13_000, headcount: 2 });
    expect(role(r, "2026-10", "paramedic")).toEqual({ wteTenThousandths: 6_000, headcount: 1 });
    // Averages: leaver 10000 × 183 ÷ 365 = 5013.70 → 5014; joiner 6000 × 197 ÷ 365 = 3238.36 → 3238; sum 8252.
    expect(r.averageWteTenThousandths.paramedic).toBe(8252);
  });

  it("roles with no day in post in the year are left out; roles keep the order they first appear in", () => {
    const r = workforceForYear({
      months,
      posts: [
        { role: "gp", wteTenThousandths: 10_000, endDay: day("2025-12-31") },
        { role: "dietitian", wteTenThousandths: 5_000 },
        { role: "pharmacist", wteTenThousandths: 10_000 },
      ],
    });
    expect(Object.keys(r.months[0]!.roles)).toEqual(["dietitian", "pharmacist"]);
    expect(Object.keys(r.averageWteTenThousandths)).toEqual(["dietitian", "pharmacist"]);
    expect(r.totalAverageWteTenThousandths).toBe(15_000);
  });

  it("property: Σ month WTE × days in the month ÷ days in the year = the average WTE (within rounding), and headcount ≤ posts", () => {
    const first = months[0]!.firstDay;
    const post = fc.record({
      role: fc.constantFrom("pharmacist", "paramedic", "dietitian"),
      wteTenThousandths: fc.integer({ min: 1, max: 10_000 }),
      startDay: fc.option(fc.integer({ min: first - 100, max: first + 400 }), { nil: undefined }),
      length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(post, { minLength: 1, maxLength: 8 }), (ps) => {
        const posts = ps.map((p) => ({
          role: p.role,
          wteTenThousandths: p.wteTenThousandths,
          ...(p.startDay !== undefined ? { startDay: p.startDay } : {}),
          ...(p.length !== undefined ? { endDay: (p.startDay ?? first) + p.length } : {}),
        }));
        const r = workforceForYear({ months, posts });
        for (const [id, avg] of Object.entries(r.averageWteTenThousandths)) {
          const perRole = posts.filter((p) => p.role === id).length;
          const weighted = r.months.reduce((t, m, i) => t + m.roles[id]!.wteTenThousandths * months[i]!.days, 0) / 365;
          // Each month's figure is rounded once (≤ 0.5 × its share of the year: ≤ 0.5 in all) and each post's average once (≤ 0.5 each).
          expect(Math.abs(weighted - avg)).toBeLessThanOrEqual(0.5 + 0.5 * perRole + 1e-9);
          for (const m of r.months) expect(m.roles[id]!.headcount).toBeLessThanOrEqual(perRole);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("addMonthsToDay", () => {
  it.each([
    ["2026-04-01", 4, "2026-08-01"],
    ["2026-10-31", 4, "2027-02-28"], // February 2027 has 28 days
    ["2027-10-31", 4, "2028-02-29"], // 2028 is a leap year
    ["2026-11-15", 3, "2027-02-15"],
    ["2026-05-20", 0, "2026-05-20"],
  ])("%s + %i months = %s", (from, n, to) => {
    expect(addMonthsToDay(day(from), n)).toBe(day(to));
  });
});
