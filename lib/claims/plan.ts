// The agreed plan's posts for one year, as the outturn, back pay and forecast return need them:
// per post, per month, claimable in pence (exactly: the results are pounds from integer pence)
// and the average WTE in post that month. Pure.
import type { YearResult } from "@/lib/planner/types";
import type { PlanPost } from "./outturn";

/** Days in a month "2026-02" → 28. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y!, m!, 0)).getUTCDate();
}

/** Pounds (at most 2 decimals, from integer pence) back to pence, exactly. */
export const toPence = (pounds: number) => Math.round(pounds * 100);

export function planPostsOf(year: Pick<YearResult, "posts">, labels: Map<string, string> = new Map()): PlanPost[] {
  return year.posts.map((p) => {
    const wte = Math.round(p.wte * 10_000);
    return {
      postId: p.id,
      label: labels.get(p.id) || p.roleName,
      role: p.role,
      roleName: p.roleName,
      months: p.months.map((m) => ({
        month: m.month,
        claimablePence: toPence(m.claimable),
        // Average WTE in post over the month: WTE × days in post ÷ days in the month, to 4 decimals.
        wteTenThousandths: Math.round((wte * m.daysInPost) / daysInMonth(m.month)),
      })),
    };
  });
}
