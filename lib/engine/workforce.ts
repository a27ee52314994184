// The workforce over time (issue 16, item 4): WTE and headcount by role, month by month.
//
// For each month m and role r, over the posts of that role:
//   wte_m,r       = Σ WTE × days in post in m ÷ days in m      (ten-thousandths, rounded half up once per role-month)
//   headcount_m,r = the posts in post on m's last day
// and over the year, per role, the average WTE in post of lib/engine/wte.ts (the figure compare,
// the projection and the exports use):
//   averageWte_r  = Σ over the posts of averageWteInPost(WTE, days in post in the year, days in the year)
// so Σ_m wte_m,r × days in m ÷ days in the year equals averageWte_r but for rounding (at most half a
// ten-thousandth per month and per post). Days in post use the same defaults as pricePost: a
// missing start is the year's first day, a missing end its last.
import { civilFromDay, dayNumber, daysInMonth, type MonthSpan } from "./calendar";
import { divRoundHalfUp } from "./money";
import { averageWteInPost } from "./wte";

export interface WorkforcePost {
  role: string;
  /** Whole-time equivalent in ten-thousandths (1.0 WTE = 10000). */
  wteTenThousandths: number;
  /** Day numbers, inclusive (see calendar.ts); missing = before / after the year. */
  startDay?: number;
  endDay?: number;
}

export interface WorkforceRoleMonth {
  wteTenThousandths: number;
  headcount: number;
}

export interface WorkforceMonthResult {
  month: string;
  /** Every role with a day in post in the year, in the order the roles first appear among the posts. */
  roles: Record<string, WorkforceRoleMonth>;
}

export interface WorkforceYearResult {
  months: WorkforceMonthResult[];
  /** Average WTE in post over the year by role (ten-thousandths); roles with no day in post left out. */
  averageWteTenThousandths: Record<string, number>;
  /** All roles: the sum of the posts' averages. */
  totalAverageWteTenThousandths: number;
}

/** The days of [start, end] that fall in the month (0 when none). */
function overlap(m: MonthSpan, start: number, end: number): number {
  const from = Math.max(m.firstDay, start);
  const to = Math.min(m.lastDay, end);
  return to >= from ? to - from + 1 : 0;
}

export function workforceForYear(args: { months: readonly MonthSpan[]; posts: readonly WorkforcePost[] }): WorkforceYearResult {
  const { months, posts } = args;
  if (months.length === 0) throw new RangeError("a year needs its months");
  const firstDay = months[0]!.firstDay;
  const lastDay = months[months.length - 1]!.lastDay;
  const daysInYear = lastDay - firstDay + 1;
  // Σ WTE × days in post, per role and month (exact integers), and headcount on the last day.
  const weighted = new Map<string, number[]>();
  const heads = new Map<string, number[]>();
  const average = new Map<string, number>();
  let total = 0;
  for (const p of posts) {
    const end = p.endDay ?? Math.max(lastDay, p.startDay ?? lastDay);
    const start = p.startDay ?? Math.min(firstDay, end);
    const days = months.map((m) => overlap(m, start, end));
    const daysInPost = days.reduce((a, d) => a + d, 0);
    if (daysInPost === 0) continue;
    if (!weighted.has(p.role)) {
      weighted.set(p.role, months.map(() => 0));
      heads.set(p.role, months.map(() => 0));
    }
    const w = weighted.get(p.role)!;
    const h = heads.get(p.role)!;
    months.forEach((m, i) => {
      w[i]! += p.wteTenThousandths * days[i]!;
      if (start <= m.lastDay && m.lastDay <= end) h[i]! += 1;
    });
    const avg = averageWteInPost({ wteTenThousandths: p.wteTenThousandths, daysInPost, daysInYear });
    average.set(p.role, (average.get(p.role) ?? 0) + avg);
    total += avg;
  }
  return {
    months: months.map((m, i) => ({
      month: m.month,
      roles: Object.fromEntries([...weighted].map(([role, w]) => [role, { wteTenThousandths: divRoundHalfUp(w[i]!, m.days), headcount: heads.get(role)![i]! }])),
    })),
    averageWteTenThousandths: Object.fromEntries(average),
    totalAverageWteTenThousandths: total,
  };
}

/**
 * The day a post is expected to start when recruitment takes `months` months from `startDay`
 * (issue 16, item 5): the same day of the month `months` later, or that month's last day when it
 * is shorter (31 January + 1 month = 28 or 29 February).
 */
export function addMonthsToDay(startDay: number, months: number): number {
  if (!Number.isInteger(months) || months < 0) throw new RangeError("months must be a whole number, 0 or more");
  const { y, m, d } = civilFromDay(startDay);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
