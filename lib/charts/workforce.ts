// The planner's workforce chart (issue 16, item 4): WTE in post by role, month by month over the
// whole horizon, stacked. Pure: one row per month with a value per role (0 when the role has no
// post that year) and the total, summed in ten-thousandths so it is exact.
import type { WorkforceYear } from "@/lib/planner/types";

export interface WorkforceChartData {
  /** Every role with a day in post in any year, in the order they first appear. */
  roles: { id: string; name: string }[];
  /** One per month of the horizon: { month, total, [role id]: WTE }. */
  months: ({ month: string; total: number } & Record<string, number | string>)[];
}

export function workforceChartData(years: readonly { workforce: WorkforceYear }[]): WorkforceChartData {
  const names = new Map<string, string>();
  for (const y of years) for (const [id, name] of Object.entries(y.workforce.roleNames)) if (!names.has(id)) names.set(id, name);
  const roles = [...names].map(([id, name]) => ({ id, name }));
  const months = years.flatMap((y) =>
    y.workforce.months.map((m) => {
      const row: { month: string; total: number } & Record<string, number | string> = { month: m.month, total: 0 };
      let total = 0;
      for (const r of roles) {
        const wte = m.roles[r.id]?.wte ?? 0;
        row[r.id] = wte;
        total += Math.round(wte * 10_000);
      }
      row.total = total / 10_000;
      return row;
    }),
  );
  return { roles, months };
}
