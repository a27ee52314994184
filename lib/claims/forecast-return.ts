// The ICB's forecast return (issue 17, item 5): WTE and £ by role and month to 31 March — the
// claims for the months that have claims (submitted, approved or paid lines), the agreed plan's
// posts for the months after. The same split as the outturn's forecast, so the return's £ add up
// to forecast.claims. Pure, integer pence; WTE in ten-thousandths.
import { ROLES, type RoleId } from "@/lib/engine/roles";
import type { OutturnLine, PlanPost } from "./outturn";
import { CLAIMED_STATUSES, monthsOfYear, type ClaimStatus } from "./types";

export interface ForecastReturnRow {
  month: string;
  role: string;
  roleName: string;
  wteTenThousandths: number;
  pence: number;
  basis: "claimed" | "planned";
}

export interface ForecastReturn {
  financialYear: string;
  rows: ForecastReturnRow[];
  byRole: { role: string; roleName: string; pence: number; claimedPence: number; plannedPence: number; averageWteTenThousandths: number }[];
  totalPence: number;
}

const isClaimed = (s: string) => (CLAIMED_STATUSES as readonly string[]).includes(s as ClaimStatus);
export const roleNameOf = (role: string) => ROLES[role as RoleId]?.name ?? role;

export function computeForecastReturn(input: { financialYear: string; plan: PlanPost[] | null; lines: OutturnLine[] }): ForecastReturn {
  const months = monthsOfYear(input.financialYear);
  const claimedLines = input.lines.filter((l) => isClaimed(l.status) && months.includes(l.month));
  const hasClaims = new Set(claimedLines.map((l) => l.month));
  const rows: ForecastReturnRow[] = [];
  for (const month of months) {
    const byRole = new Map<string, { wte: number; pence: number }>();
    const add = (role: string, wte: number, pence: number) => {
      const r = byRole.get(role) ?? { wte: 0, pence: 0 };
      r.wte += wte;
      r.pence += pence;
      byRole.set(role, r);
    };
    const basis = hasClaims.has(month) ? "claimed" : "planned";
    if (basis === "claimed") for (const l of claimedLines) if (l.month === month) add(l.role, l.wteTenThousandths, l.claimedPence);
    if (basis === "planned") {
      for (const p of input.plan ?? []) {
        const m = p.months.find((x) => x.month === month);
        if (m && (m.wteTenThousandths > 0 || m.claimablePence > 0)) add(p.role, m.wteTenThousandths, m.claimablePence);
      }
    }
    for (const [role, r] of byRole) rows.push({ month, role, roleName: roleNameOf(role), wteTenThousandths: r.wte, pence: r.pence, basis });
  }
  const roles = new Map<string, ForecastReturn["byRole"][number]>();
  for (const r of rows) {
    const t = roles.get(r.role) ?? { role: r.role, roleName: r.roleName, pence: 0, claimedPence: 0, plannedPence: 0, averageWteTenThousandths: 0 };
    t.pence += r.pence;
    if (r.basis === "claimed") t.claimedPence += r.pence;
    else t.plannedPence += r.pence;
    t.averageWteTenThousandths += r.wteTenThousandths;
    roles.set(r.role, t);
  }
  // Average WTE over the 12 months of the year (months with nobody in post count as 0).
  for (const t of roles.values()) t.averageWteTenThousandths = Math.round(t.averageWteTenThousandths / 12);
  return { financialYear: input.financialYear, rows, byRole: [...roles.values()], totalPence: rows.reduce((t, r) => t + r.pence, 0) };
}
