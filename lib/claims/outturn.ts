// Plan against actual (issue 17, item 3): the agreed plan's claimable month by month beside what
// was claimed, approved and paid, the variance, and the year-end forecast. Pure (no clock, no
// database): integer pence throughout, pounds only in `outturnJson`. Safe in the browser.
//
// Definitions (README "Outturn"):
// - planned: the agreed plan's claimable for the month (0 with no agreed plan);
// - claimed: the month's lines that are submitted, approved or paid (not draft, not rejected);
//   approved: approved or paid; paid: paid;
// - a month "has claims" when it has at least one claimed line;
// - variance = claimed − planned for a month that has claims, null otherwise;
// - forecast.claims = claimed for months that have claims + planned for months that do not;
//   forecast.unclaimed = entitlement − forecast.claims, never below 0 (an over-claim is warned);
// - toDate: the months before the current month, and the current month when it has claims.
import { APPROVED_STATUSES, CLAIMED_STATUSES, monthsOfYear, type ClaimStatus } from "./types";

/** One post of the agreed plan for the year: its claimable (and WTE in post) month by month. */
export interface PlanPost {
  postId: string;
  label: string;
  role: string;
  roleName?: string;
  /** Per month of the year ("2026-04" …): claimable in pence; average WTE in post in ten-thousandths. */
  months: { month: string; claimablePence: number; wteTenThousandths: number }[];
}

/** A claim line as the outturn needs it (a subset of the stored row). */
export interface OutturnLine {
  month: string;
  postId: string | null;
  label: string;
  role: string;
  wteTenThousandths: number;
  claimedPence: number;
  status: string;
  paidOn: string | null;
}

export interface OutturnInput {
  financialYear: string;
  entitlementPence: number;
  /** The agreed plan's posts for the year, or null when no plan is agreed (or it does not cover the year). */
  plan: PlanPost[] | null;
  lines: OutturnLine[];
  /** Today, "2026-12-04" (passed in: the engine side never reads a clock). */
  today: string;
}

export interface OutturnMonth {
  month: string;
  plannedPence: number;
  claimedPence: number;
  approvedPence: number;
  paidPence: number;
  /** claimed − planned when the month has claims, else null. */
  variancePence: number | null;
  hasClaims: boolean;
  /** Counted in toDate (before the current month, or the current month with claims). */
  toDate: boolean;
  cumulativePlannedPence: number;
  /** Cumulative claimed over the months so far (null after them). */
  cumulativeClaimedPence: number | null;
  /** Cumulative forecast (claimed where there are claims, else planned). */
  cumulativeForecastPence: number;
}

export interface OutturnPost {
  /** The plan's post id, or null for a person not in the plan. */
  postId: string | null;
  label: string;
  role: string;
  inPlan: boolean;
  /** The whole year's planned claimable. */
  plannedPence: number;
  /** Planned over the months so far that have claims (what `variance` compares with). */
  plannedToDatePence: number;
  /** Claimed to date. */
  claimedPence: number;
  /** claimed − plannedToDate, or null when no month so far has claims. */
  variancePence: number | null;
}

export interface UnpaidMonth {
  month: string;
  claimedPence: number;
  paidPence: number;
  outstandingPence: number;
  /** Days from the end of the month the claim is for to today (0 while the month is not over). */
  daysWaiting: number;
}

export interface Outturn {
  financialYear: string;
  entitlementPence: number;
  months: OutturnMonth[];
  toDate: { plannedPence: number; claimedPence: number; approvedPence: number; paidPence: number; months: string[] };
  forecast: { claimsPence: number; unclaimedPence: number; overClaimPence: number; basis: string };
  posts: OutturnPost[];
  unpaid: UnpaidMonth[];
  warnings: string[];
}

const isClaimed = (s: string) => (CLAIMED_STATUSES as readonly string[]).includes(s as ClaimStatus);
const isApproved = (s: string) => (APPROVED_STATUSES as readonly string[]).includes(s as ClaimStatus);
const gbp = (pence: number) => `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Days from the day after `month` ends to `today` ("2026-05", "2026-06-10" → 10). */
export function daysSinceMonthEnd(month: string, today: string): number {
  const [y, m] = month.split("-").map(Number);
  const end = Date.UTC(y!, m!, 1); // the first day of the next month = the day after the month's end
  const [ty, tm, td] = today.split("-").map(Number);
  const t = Date.UTC(ty!, tm! - 1, td!);
  return Math.max(0, Math.round((t - end) / 86_400_000) + 1);
}

/** The key of a line's post: its plan post id, else a person not in the plan by label and role. */
function postKey(postId: string | null, label: string, role: string): string {
  return postId !== null ? `post:${postId}` : `person:${label.trim().toLowerCase()}|${role}`;
}

export const TO_DATE_BASIS = "the months before the current month, and the current month when it has claims";
export const FORECAST_BASIS = "claimed for the months that have claims (submitted, approved or paid), the agreed plan's claimable for the months that do not";

export function computeOutturn(input: OutturnInput): Outturn {
  const months = monthsOfYear(input.financialYear);
  const current = input.today.slice(0, 7);
  const index = new Map(months.map((m, i) => [m, i]));
  const planned = months.map(() => 0);
  const claimed = months.map(() => 0);
  const approved = months.map(() => 0);
  const paid = months.map(() => 0);
  const has = months.map(() => false);
  const warnings: string[] = [];

  for (const p of input.plan ?? []) for (const m of p.months) if (index.has(m.month)) planned[index.get(m.month)!]! += m.claimablePence;

  for (const l of input.lines) {
    const i = index.get(l.month);
    if (i === undefined || !isClaimed(l.status)) continue;
    has[i] = true;
    claimed[i]! += l.claimedPence;
    if (isApproved(l.status)) approved[i]! += l.claimedPence;
    if (l.status === "paid") paid[i]! += l.claimedPence;
  }
  const soFar = months.map((m, i) => m < current || (m === current && has[i]!));

  let cumPlanned = 0;
  let cumClaimed = 0;
  let cumForecast = 0;
  const outMonths: OutturnMonth[] = months.map((month, i) => {
    cumPlanned += planned[i]!;
    if (soFar[i]) cumClaimed += claimed[i]!;
    cumForecast += has[i] ? claimed[i]! : planned[i]!;
    return {
      month,
      plannedPence: planned[i]!,
      claimedPence: claimed[i]!,
      approvedPence: approved[i]!,
      paidPence: paid[i]!,
      variancePence: has[i] ? claimed[i]! - planned[i]! : null,
      hasClaims: has[i]!,
      toDate: soFar[i]!,
      cumulativePlannedPence: cumPlanned,
      cumulativeClaimedPence: soFar[i] ? cumClaimed : null,
      cumulativeForecastPence: cumForecast,
    };
  });

  const sum = (xs: number[], pick: (i: number) => boolean) => xs.reduce((t, x, i) => t + (pick(i) ? x : 0), 0);
  const toDate = {
    plannedPence: sum(planned, (i) => soFar[i]!),
    claimedPence: sum(claimed, (i) => soFar[i]!),
    approvedPence: sum(approved, (i) => soFar[i]!),
    paidPence: sum(paid, (i) => soFar[i]!),
    months: months.filter((_, i) => soFar[i]),
  };

  const claimsPence = cumForecast;
  const overClaimPence = Math.max(0, claimsPence - input.entitlementPence);
  const unclaimedPence = Math.max(0, input.entitlementPence - claimsPence);
  if (overClaimPence > 0) {
    warnings.push(
      `The forecast claims (${gbp(claimsPence)}) are ${gbp(overClaimPence)} more than the ${input.financialYear} entitlement (${gbp(input.entitlementPence)}): the ICB will not reimburse more than the entitlement. Check the claims and the plan for the rest of the year.`,
    );
  }

  // Posts: the plan's posts in plan order, then people not in the plan in the order they first appear.
  const posts = new Map<string, OutturnPost>();
  for (const p of input.plan ?? []) {
    posts.set(postKey(p.postId, p.label, p.role), {
      postId: p.postId,
      label: p.label,
      role: p.role,
      inPlan: true,
      plannedPence: p.months.reduce((t, m) => t + (index.has(m.month) ? m.claimablePence : 0), 0),
      plannedToDatePence: p.months.reduce((t, m) => {
        const i = index.get(m.month);
        return t + (i !== undefined && soFar[i] && has[i] ? m.claimablePence : 0);
      }, 0),
      claimedPence: 0,
      variancePence: null,
    });
  }
  for (const l of input.lines) {
    const i = index.get(l.month);
    if (i === undefined || !isClaimed(l.status) || !soFar[i]) continue;
    const key = postKey(l.postId, l.label, l.role);
    let row = posts.get(key);
    if (!row) {
      row = { postId: l.postId, label: l.label, role: l.role, inPlan: false, plannedPence: 0, plannedToDatePence: 0, claimedPence: 0, variancePence: null };
      posts.set(key, row);
      if (l.postId !== null) warnings.push(`Claims for post "${l.label}" (${l.postId}) match no post of the agreed plan: they count as claimed, with nothing planned.`);
    }
    row.claimedPence += l.claimedPence;
  }
  const anyClaimsSoFar = months.some((_, i) => soFar[i] && has[i]);
  for (const row of posts.values()) row.variancePence = anyClaimsSoFar ? row.claimedPence - row.plannedToDatePence : null;

  const unpaid: UnpaidMonth[] = [];
  months.forEach((month, i) => {
    if (has[i] && paid[i]! < claimed[i]!) {
      unpaid.push({ month, claimedPence: claimed[i]!, paidPence: paid[i]!, outstandingPence: claimed[i]! - paid[i]!, daysWaiting: daysSinceMonthEnd(month, input.today) });
    }
  });

  return {
    financialYear: input.financialYear,
    entitlementPence: input.entitlementPence,
    months: outMonths,
    toDate,
    forecast: { claimsPence, unclaimedPence, overClaimPence, basis: FORECAST_BASIS },
    posts: [...posts.values()],
    unpaid,
    warnings,
  };
}

const pounds = (p: number) => p / 100;

/** The API's JSON (pounds, the field names; extra fields beside them). */
export function outturnJson(o: Outturn, extra: { agreedScenario: { id: string; name: string; version: number; agreedAt?: string } | null; entitlementBasis?: string; isEstimate?: boolean; estimates?: string[]; warnings?: string[]; today: string }) {
  return {
    financialYear: o.financialYear,
    entitlement: pounds(o.entitlementPence),
    ...(extra.entitlementBasis ? { entitlementBasis: extra.entitlementBasis } : {}),
    agreedScenario: extra.agreedScenario,
    today: extra.today,
    months: o.months.map((m) => ({
      month: m.month,
      planned: pounds(m.plannedPence),
      claimed: pounds(m.claimedPence),
      approved: pounds(m.approvedPence),
      paid: pounds(m.paidPence),
      variance: m.variancePence === null ? null : pounds(m.variancePence),
      hasClaims: m.hasClaims,
      toDate: m.toDate,
      cumulativePlanned: pounds(m.cumulativePlannedPence),
      cumulativeClaimed: m.cumulativeClaimedPence === null ? null : pounds(m.cumulativeClaimedPence),
      cumulativeForecast: pounds(m.cumulativeForecastPence),
    })),
    toDate: {
      planned: pounds(o.toDate.plannedPence),
      claimed: pounds(o.toDate.claimedPence),
      approved: pounds(o.toDate.approvedPence),
      paid: pounds(o.toDate.paidPence),
      months: o.toDate.months,
      basis: TO_DATE_BASIS,
    },
    forecast: {
      claims: pounds(o.forecast.claimsPence),
      unclaimed: pounds(o.forecast.unclaimedPence),
      overClaim: pounds(o.forecast.overClaimPence),
      basis: o.forecast.basis,
      isEstimate: true,
    },
    posts: o.posts.map((p) => ({
      postId: p.postId,
      label: p.label,
      role: p.role,
      inPlan: p.inPlan,
      planned: pounds(p.plannedPence),
      plannedToDate: pounds(p.plannedToDatePence),
      claimed: pounds(p.claimedPence),
      variance: p.variancePence === null ? null : pounds(p.variancePence),
    })),
    postsBasis: "planned: the whole year; claimed: to date; variance: claimed to date − planned for the months so far that have claims",
    unpaid: o.unpaid.map((u) => ({ month: u.month, claimed: pounds(u.claimedPence), paid: pounds(u.paidPence), outstanding: pounds(u.outstandingPence), daysWaiting: u.daysWaiting })),
    unpaidBasis: "days waiting: from the end of the month the claim is for to today",
    isEstimate: true,
    estimates: extra.estimates ?? [],
    warnings: [...(extra.warnings ?? []), ...o.warnings],
  };
}
export type OutturnJson = ReturnType<typeof outturnJson>;
