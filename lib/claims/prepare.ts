// "Prepare this month's claim" (issue 17, item 2): the agreed plan's figures for one month as
// claim lines — each post in post that month with exactly the plan's salary, employer NI, employer
// pension (their sum is the plan's cost) and, as the amount claimed, the plan's claimable; status
// draft. The user then corrects them to payroll's. Pure: the page runs it in the browser too.
import type { ScenarioResults } from "@/lib/planner/types";
import type { ClaimLine } from "./types";

export interface PlanPostInfo {
  id?: string | undefined;
  label?: string | undefined;
}

/** The plan's lines for `month` ("2026-05"): [] when the plan does not cover the month or nobody is in post. */
export function planLinesForMonth(results: Pick<ScenarioResults, "years">, posts: readonly PlanPostInfo[], month: string): ClaimLine[] {
  const lines: ClaimLine[] = [];
  for (const year of results.years) {
    for (const p of year.posts) {
      const m = p.months.find((x) => x.month === month);
      if (!m || m.daysInPost === 0) continue;
      const input = posts.find((q) => q.id === p.id);
      lines.push({
        month,
        postId: p.id,
        label: input?.label?.trim() || p.roleName,
        role: p.role,
        wte: p.wte,
        salary: m.salary,
        employerNi: m.employerNi,
        employerPension: m.employerPension,
        claimed: m.claimable,
        status: "draft",
        paidOn: null,
        note: null,
      });
    }
  }
  return lines;
}

/** Sum of amounts in pounds, added in pence so 0.1 + 0.2 is 0.3. */
export function sumPounds(values: readonly number[]): number {
  return values.reduce((t, v) => t + Math.round(v * 100), 0) / 100;
}
