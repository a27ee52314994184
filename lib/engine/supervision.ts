// Supervision a plan needs (domain.md §7). Supervision time is not reimbursable: its cost is an
// unfunded cost of the plan. For each post and month, with the days in post split at the Stage 2
// sign-off date into roadmap-training days and signed-off days, and d = days in the month:
//   roadmap minutes  = (assessments × minutes each + daily debrief minutes × working days × WTE) × training days ÷ d
//   clinical minutes = clinical supervision minutes a month × signed-off days ÷ d
//   minutes = the sum, rounded to the minute;  cost = minutes × hourly cost ÷ 60, rounded half up to the penny.
// Capacity: at most `traineesPerSupervisorWte` roadmap trainees per 1.0 WTE supervisor in any month.
import type { MonthSpan } from "./calendar";
import { divRoundHalfUp } from "./money";

export interface SupervisionSettings {
  wbaPerMonth: number;
  wbaMinutes: number;
  debriefMinutesPerDay: number;
  workingDaysPerMonth: number;
  clinicalSupervisionMinutesPerMonth: number;
  traineesPerSupervisorWte: number;
  supervisorHourlyCostPence: number;
}

export interface SupervisedPost {
  id: string;
  label: string;
  wteTenThousandths: number;
  /** Inclusive day numbers of the post (already defaulted to the year's bounds). */
  startDay: number;
  endDay: number;
  supervisorId: string | null;
  /** In First Contact roadmap training (Stage 2 not signed off). */
  roadmap: boolean;
  /** Training ends the day before this day (Stage 2 sign-off); none = all plan long. */
  signOffDay?: number;
}

export interface SupervisorSpec {
  id: string;
  name: string;
  wteTenThousandths: number;
}

export interface SupervisionMonthResult {
  month: string;
  minutes: number;
  costPence: number;
  kind: "roadmap" | "clinical" | "none";
}

export interface SupervisionPostResult {
  id: string;
  label: string;
  supervisorId: string | null;
  minutes: number;
  costPence: number;
  months: SupervisionMonthResult[];
}

export interface SupervisionResult {
  minutes: number;
  costPence: number;
  posts: SupervisionPostResult[];
  supervisors: { id: string; name: string; wteTenThousandths: number; capacity: number; peakTrainees: number; overCapacityMonths: string[] }[];
  warnings: string[];
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c) + 1);

/**
 * One post's supervision months (the part of `supervisionFor` that depends on the post alone, so a
 * caller that re-computes a plan can keep it for a post that did not change). A month's kind is
 * "roadmap" exactly when it has roadmap-training days.
 */
export function supervisePost(months: readonly MonthSpan[], p: SupervisedPost, s: SupervisionSettings): SupervisionPostResult {
  const wte = p.wteTenThousandths / 10_000;
  let pMinutes = 0;
  let pCost = 0;
  const out = months.map((m) => {
    const inPost = overlap(p.startDay, p.endDay, m.firstDay, m.lastDay);
    const trainingEnd = p.roadmap ? (p.signOffDay === undefined ? Infinity : p.signOffDay - 1) : -Infinity;
    const trainingDays = p.roadmap ? overlap(p.startDay, Math.min(p.endDay, trainingEnd), m.firstDay, m.lastDay) : 0;
    const clinicalDays = inPost - trainingDays;
    const raw =
      ((s.wbaPerMonth * s.wbaMinutes + s.debriefMinutesPerDay * s.workingDaysPerMonth * wte) * trainingDays + s.clinicalSupervisionMinutesPerMonth * clinicalDays) / m.days;
    const minutes = Math.round(raw + 1e-9);
    const cost = divRoundHalfUp(minutes * s.supervisorHourlyCostPence, 60);
    pMinutes += minutes;
    pCost += cost;
    return { month: m.month, minutes, costPence: cost, kind: trainingDays > 0 ? ("roadmap" as const) : clinicalDays > 0 ? ("clinical" as const) : ("none" as const) };
  });
  return { id: p.id, label: p.label, supervisorId: p.supervisorId, minutes: pMinutes, costPence: pCost, months: out };
}

/**
 * The plan's supervision: each post's months (`supervise`, by default `supervisePost`; a caller
 * may pass a memoised one), the totals, and each supervisor's roadmap trainees month by month.
 */
export function supervisionFor(
  months: readonly MonthSpan[],
  posts: readonly SupervisedPost[],
  supervisors: readonly SupervisorSpec[],
  s: SupervisionSettings,
  supervise: (months: readonly MonthSpan[], p: SupervisedPost, s: SupervisionSettings) => SupervisionPostResult = supervisePost,
): SupervisionResult {
  const trainees = new Map<string, number[]>(supervisors.map((sup) => [sup.id, months.map(() => 0)]));
  const unsupervised = new Set<string>();
  let totalMinutes = 0;
  let totalCost = 0;
  const postResults = posts.map((p) => {
    const r = supervise(months, p, s);
    const counts = p.supervisorId ? trainees.get(p.supervisorId) : undefined;
    r.months.forEach((m, i) => {
      if (m.kind !== "roadmap") return;
      if (counts) counts[i]!++;
      else unsupervised.add(p.label || p.id);
    });
    totalMinutes += r.minutes;
    totalCost += r.costPence;
    return r;
  });

  const warnings: string[] = [];
  const supResults = supervisors.map((sup) => {
    const capacity = (s.traineesPerSupervisorWte * sup.wteTenThousandths) / 10_000;
    const counts = trainees.get(sup.id)!;
    const over = months.filter((_, i) => counts[i]! > capacity + 1e-9).map((m) => m.month);
    const peak = Math.max(0, ...counts);
    if (over.length) {
      warnings.push(
        `${sup.name} supervises up to ${peak} roadmap trainee${peak === 1 ? "" : "s"} in ${over.length === 1 ? over[0] : `${over[0]}–${over[over.length - 1]}`} but has capacity for ${capacity} (${s.traineesPerSupervisorWte} per 1.0 WTE).`,
      );
    }
    return { id: sup.id, name: sup.name, wteTenThousandths: sup.wteTenThousandths, capacity, peakTrainees: peak, overCapacityMonths: over };
  });
  if (unsupervised.size) warnings.push(`No roadmap supervisor is named for: ${[...unsupervised].join(", ")}. Stage 2 needs a roadmap supervisor to sign it off.`);
  return { minutes: totalMinutes, costPence: totalCost, posts: postResults, supervisors: supResults, warnings };
}
