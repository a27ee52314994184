// Back pay after a backdated uplift (issue 17, item 4): for each post of the agreed plan and each
// month of the backdated period, what was claimed under the old maxima against what the uplifted
// maxima allow, in the layout of the single claim form (post, months from–to, old claim, new
// entitlement, difference). Pure, integer pence.
//
// - old claim: the month's claimed lines for the post (submitted, approved or paid) when there
//   are any; otherwise the plan's claimable priced under the old maxima (the claim not yet made);
// - new entitlement: the plan's claimable priced with the uplift on;
// - difference = new entitlement − old claim (normally ≥ 0; below 0 when more was claimed than
//   even the uplifted maximum allows, which is warned).
import type { CapTable } from "@/lib/engine/rules/types";
import type { OutturnLine, PlanPost } from "./outturn";
import { CLAIMED_STATUSES, monthsOfYear, type ClaimStatus } from "./types";

export interface BackpayMonth {
  month: string;
  oldClaimPence: number;
  /** "claimed": the month's claim lines; "plan": the plan under the old maxima (nothing claimed yet). */
  oldBasis: "claimed" | "plan";
  newEntitlementPence: number;
  differencePence: number;
}

export interface BackpayPost {
  postId: string;
  label: string;
  role: string;
  roleName: string;
  /** The first and last backdated months in which the post was in post (or claimed). */
  from: string | null;
  to: string | null;
  oldClaimPence: number;
  newEntitlementPence: number;
  differencePence: number;
  /** "claimed", "plan", or "claimed and plan" (which months: see months[].oldBasis). */
  oldBasis: string;
  months: BackpayMonth[];
}

export interface Backpay {
  financialYear: string;
  uplift: { id: string; title: string; status: string; source: string; effectiveFrom: string; publishedOn: string } | null;
  /** The backdated months: from the uplift's effective date to the month before it was loaded. */
  months: string[];
  posts: BackpayPost[];
  totals: { oldClaimPence: number; newEntitlementPence: number; differencePence: number };
  warnings: string[];
}

const isClaimed = (s: string) => (CLAIMED_STATUSES as readonly string[]).includes(s as ClaimStatus);

/** The year's backdated uplift table, if it has one. */
export function backdatedUpliftOf(capTables: readonly CapTable[]): CapTable | null {
  return capTables.find((t) => t.backdatedUplift) ?? null;
}

/** The months an uplift is backdated over: from its effective month to the month before it was published (loaded). */
export function backdatedMonths(financialYear: string, t: Pick<CapTable, "effectiveFrom" | "publishedOn">): string[] {
  const from = t.effectiveFrom.slice(0, 7);
  const loaded = t.publishedOn.slice(0, 7);
  return monthsOfYear(financialYear).filter((m) => m >= from && m < loaded);
}

export function computeBackpay(input: {
  financialYear: string;
  uplift: CapTable | null;
  /** The agreed plan priced under the old maxima (the uplift off) and with the uplift on. */
  oldPlan: PlanPost[];
  newPlan: PlanPost[];
  lines: OutturnLine[];
}): Backpay {
  const warnings: string[] = [];
  const u = input.uplift;
  if (!u) {
    return { financialYear: input.financialYear, uplift: null, months: [], posts: [], totals: { oldClaimPence: 0, newEntitlementPence: 0, differencePence: 0 }, warnings: [`${input.financialYear} has no backdated uplift of the maxima: there is no back pay to claim.`] };
  }
  const months = backdatedMonths(input.financialYear, u);
  const oldById = new Map(input.oldPlan.map((p) => [p.postId, p]));
  const claimed = new Map<string, number>();
  for (const l of input.lines) {
    if (l.postId === null || !isClaimed(l.status) || !months.includes(l.month)) continue;
    const k = `${l.postId}|${l.month}`;
    claimed.set(k, (claimed.get(k) ?? 0) + l.claimedPence);
  }
  const posts: BackpayPost[] = [];
  for (const p of input.newPlan) {
    const old = oldById.get(p.postId);
    const rows: BackpayMonth[] = [];
    for (const month of months) {
      const newPence = p.months.find((m) => m.month === month)?.claimablePence ?? 0;
      const k = `${p.postId}|${month}`;
      const hasClaim = claimed.has(k);
      const oldPence = hasClaim ? claimed.get(k)! : (old?.months.find((m) => m.month === month)?.claimablePence ?? 0);
      if (newPence === 0 && oldPence === 0) continue;
      rows.push({ month, oldClaimPence: oldPence, oldBasis: hasClaim ? "claimed" : "plan", newEntitlementPence: newPence, differencePence: newPence - oldPence });
    }
    if (rows.length === 0) continue;
    const sum = (f: (r: BackpayMonth) => number) => rows.reduce((t, r) => t + f(r), 0);
    const bases = [...new Set(rows.map((r) => r.oldBasis))];
    const row: BackpayPost = {
      postId: p.postId,
      label: p.label,
      role: p.role,
      roleName: p.roleName ?? p.role,
      from: rows[0]!.month,
      to: rows[rows.length - 1]!.month,
      oldClaimPence: sum((r) => r.oldClaimPence),
      newEntitlementPence: sum((r) => r.newEntitlementPence),
      differencePence: sum((r) => r.differencePence),
      oldBasis: bases.length === 2 ? "claimed and plan" : bases[0]!,
      months: rows,
    };
    if (row.differencePence < 0) warnings.push(`${p.label}: more was claimed for ${row.from} to ${row.to} than the uplifted maximum allows (by £${(-row.differencePence / 100).toFixed(2)}). Check the claims.`);
    posts.push(row);
  }
  const total = (f: (p: BackpayPost) => number) => posts.reduce((t, p) => t + f(p), 0);
  return {
    financialYear: input.financialYear,
    uplift: { id: u.id, title: u.title, status: u.status, source: u.source, effectiveFrom: u.effectiveFrom, publishedOn: u.publishedOn },
    months,
    posts,
    totals: { oldClaimPence: total((p) => p.oldClaimPence), newEntitlementPence: total((p) => p.newEntitlementPence), differencePence: total((p) => p.differencePence) },
    warnings,
  };
}
