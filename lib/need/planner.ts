// The planner's side of population need: the OT WTE a scenario has in each year of its horizon,
// and the posts that "Add the central estimate as a post" adds (only what each year is missing).
// Pure.
import { postWte } from "@/lib/post-spec";

export interface PostLike {
  role: string;
  /** The post's size: WTE, or hours a week (37.5 = 1.0 WTE) or sessions (9 = 1.0 WTE). */
  wte?: number | undefined;
  hoursPerWeek?: number | undefined;
  sessions?: number | undefined;
  /** YYYY-MM-DD, inclusive; absent = the year's first / last day. */
  start?: string | undefined;
  end?: string | undefined;
}

/** 1 April and 31 March of a financial year ("2025/26"), as YYYY-MM-DD; null for a bad label. */
function yearBounds(financialYear: string): { first: string; last: string } | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(financialYear);
  if (!m) return null;
  const y = Number(m[1]);
  return { first: `${y}-04-01`, last: `${y + 1}-03-31` };
}

/**
 * The WTE of the occupational-therapist posts in post on any day of the financial year (ISO dates
 * compare as text), to 2 decimals.
 */
export function otWteInYear(posts: readonly PostLike[], financialYear: string): number {
  const b = yearBounds(financialYear);
  if (!b) return 0;
  let wte = 0;
  for (const p of posts) {
    const w = postWte(p);
    if (p.role !== "occupational-therapist" || !(w > 0)) continue;
    const start = p.start ?? b.first;
    const end = p.end ?? b.last;
    if (start <= b.last && end >= b.first && start <= end) wte += w;
  }
  return Math.round(wte * 100) / 100;
}

/**
 * The posts (WTE each, at most 1.0) that bring `have` up to `central`: whole posts of 1.0 and one
 * for the rest (to 2 decimals). Empty when the scenario already has the central estimate.
 */
export function postsForGap(central: number, have: number): number[] {
  let gap = Math.round((central - have) * 100);
  if (gap <= 0) return [];
  const out: number[] = [];
  while (gap > 100) {
    out.push(1);
    gap -= 100;
  }
  out.push(gap / 100);
  return out;
}

/**
 * When a post added for the need starts: `candidate` (the 1st of next month) when it falls in the
 * financial year, else the year's first day (so the post counts in that year).
 */
export function startInYear(candidate: string, financialYear: string): string {
  const b = yearBounds(financialYear);
  if (!b) return candidate;
  return candidate >= b.first && candidate <= b.last ? candidate : b.first;
}

/** The OT WTE of each year of the horizon (`otWteInYear` for each). */
export function otWteByYear(posts: readonly PostLike[], years: readonly string[]): number[] {
  return years.map((fy) => otWteInYear(posts, fy));
}

/** What one year has against the need's range, and what it is missing of the central estimate. */
export interface NeedYearCheck {
  financialYear: string;
  /** OT WTE in post in the year. */
  wte: number;
  position: "below the range" | "within the range" | "above the range";
  /** Central estimate − WTE, to 2 decimals; 0 when the year has at least the central estimate. */
  missing: number;
}

export function needByYear(range: { low: number; central: number; high: number }, posts: readonly PostLike[], years: readonly string[]): NeedYearCheck[] {
  return years.map((financialYear) => {
    const wte = otWteInYear(posts, financialYear);
    const missing = Math.max(0, Math.round(range.central * 100) - Math.round(wte * 100)) / 100;
    const position = wte < range.low ? "below the range" : wte > range.high ? "above the range" : "within the range";
    return { financialYear, wte, position, missing };
  });
}

/** A post to add for the need: its WTE (at most 1.0) and the years of the horizon it covers. */
export interface NeedPost {
  wte: number;
  /** Index of its first year in the horizon. */
  fromYear: number;
  /** Index of its last year; null = to the end of the horizon (and on: no end date). */
  toYear: number | null;
}

/**
 * The posts that bring every year of the horizon up to the central estimate and no year above it
 * (or above what it already has): each year's shortfall is built up as layers, a layer running
 * for as long as the shortfall lasts (largest shortfall first ends first), and each layer is split
 * into posts of at most 1.0 WTE. With nothing planned in year 1 and 1.0 WTE from year 2, a central
 * estimate of 1.27 gives 1.00 WTE for year 1 only and 0.27 WTE from year 1 on.
 */
export function postsForNeed(central: number, have: readonly number[]): NeedPost[] {
  const target = Math.round(central * 100);
  const gaps = have.map((h) => Math.max(0, target - Math.round(h * 100)));
  const open: { from: number; h: number }[] = [];
  const layers: { from: number; to: number; h: number }[] = [];
  let prev = 0;
  for (let y = 0; y <= gaps.length; y++) {
    const cur = y < gaps.length ? gaps[y]! : 0;
    if (cur > prev) open.push({ from: y, h: cur - prev });
    let drop = prev - cur;
    while (drop > 0) {
      const top = open[open.length - 1]!;
      const take = Math.min(top.h, drop);
      layers.push({ from: top.from, to: y - 1, h: take });
      top.h -= take;
      if (top.h === 0) open.pop();
      drop -= take;
    }
    prev = cur;
  }
  const last = gaps.length - 1;
  return layers
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .flatMap((l) => postsForGap(l.h / 100, 0).map((wte) => ({ wte, fromYear: l.from, toYear: l.to === last ? null : l.to })));
}
