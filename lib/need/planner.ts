// The planner's side of population need: the OT WTE a scenario has in its first year, and the
// posts that "Add the central estimate as a post" adds. Pure.

export interface PostLike {
  role: string;
  wte: number;
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
    if (p.role !== "occupational-therapist" || !(p.wte > 0)) continue;
    const start = p.start ?? b.first;
    const end = p.end ?? b.last;
    if (start <= b.last && end >= b.first && start <= end) wte += p.wte;
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
