// "Add a First Contact OT": the post one click adds, and the roadmap checklist of a First Contact post.
import { civilFromDay, dayNumber, isoFromDay, parseFinancialYear, parseIsoDate, ROLES, type Area, type RoleId } from "@/lib/engine";
import { startInYear, type NeedPost } from "@/lib/need/planner";
import type { ScenarioPostInput, ScenarioPost, Supervisor } from "@/lib/schemas/scenario";

/** The 1st of the month after `todayIso` (the server's date, passed in: the engine has no clock). */
export function firstOfNextMonth(todayIso: string): string {
  const day = parseIsoDate(todayIso);
  if (day === null) throw new RangeError(`not a date: ${todayIso}`);
  const { y, m } = civilFromDay(day);
  return isoFromDay(m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1));
}

/** Band 7, point 1, 1.0 WTE, the PCN's area, from the 1st of next month, proposed. */
export function firstContactOtPost(todayIso: string, area: Area, id: string): ScenarioPostInput {
  return {
    id,
    label: "First Contact OT",
    role: "occupational-therapist",
    status: "proposed",
    band: "7",
    point: 1,
    wte: 1,
    area,
    start: firstOfNextMonth(todayIso),
    firstContact: { hcpcRegistration: "not-started", stage1: "not-started", stage2: "not-started" },
  };
}

/**
 * The First Contact OT posts "Add the central estimate as a post" adds (from `postsForNeed`): a
 * post from the first year starts on the 1st of next month when that is in the year, else on the
 * year's first day; a post from a later year on that year's 1 April; a post that covers only some
 * years ends on 31 March of its last one.
 */
export function needOtPosts(plans: readonly NeedPost[], years: readonly string[], todayIso: string, area: Area, newId: () => string): ScenarioPostInput[] {
  return plans.map((plan) => {
    const from = years[plan.fromYear]!;
    const fromStart = parseFinancialYear(from)!;
    const post = firstContactOtPost(todayIso, area, newId());
    const start = plan.fromYear === 0 ? startInYear(post.start ?? "", from) : `${fromStart}-04-01`;
    const to = plan.toYear === null ? null : years[plan.toYear]!;
    const label = to === null ? "First Contact OT (population need)" : `First Contact OT (population need, ${from === to ? from : `${from} to ${to}`})`;
    return { ...post, wte: plan.wte, start, ...(to === null ? {} : { end: `${parseFinancialYear(to)! + 1}-03-31` }), label };
  });
}

export function isFirstContactRole(role: string): boolean {
  return Object.prototype.hasOwnProperty.call(ROLES, role) && ROLES[role as RoleId].firstContact;
}

export interface ChecklistItem {
  id: "hcpc" | "experience" | "stage1" | "stage2" | "supervisor";
  label: string;
  status: "not-started" | "in-progress" | "done";
  /** What is missing, in words (absent when done). */
  missing?: string;
}

/** The First Contact requirements checklist for a post (domain.md §7). */
export function firstContactChecklist(post: Pick<ScenarioPost, "firstContact">, supervisors: readonly Supervisor[]): ChecklistItem[] {
  const fc = post.firstContact ?? { hcpcRegistration: "not-started" as const, stage1: "not-started" as const, stage2: "not-started" as const };
  const years = fc.yearsRegistered;
  const sup = fc.supervisorId ? supervisors.find((s) => s.id === fc.supervisorId) : undefined;
  const item = (id: ChecklistItem["id"], label: string, status: ChecklistItem["status"], missing: string): ChecklistItem =>
    status === "done" ? { id, label, status } : { id, label, status, missing };
  return [
    item("hcpc", "HCPC registration", fc.hcpcRegistration, fc.hcpcRegistration === "in-progress" ? "HCPC registration is not yet confirmed." : "HCPC registration has not been checked."),
    item(
      "experience",
      "Years since registration",
      years === undefined ? "not-started" : years >= 3 ? "done" : "in-progress",
      years === undefined
        ? "Years since HCPC registration not recorded (NHS England recommends 3–5 years before primary care roadmap training)."
        : `${years} year${years === 1 ? "" : "s"} since registration: NHS England recommends 3–5 before entering primary care roadmap training.`,
    ),
    item("stage1", "Roadmap Stage 1 (Level 7 knowledge and e-learning)", fc.stage1, fc.stage1 === "in-progress" ? "Stage 1 is in progress." : "Stage 1 has not started."),
    item(
      "stage2",
      "Roadmap Stage 2 sign-off (the minimum for FCP recognition)",
      fc.stage2,
      fc.stage2 === "in-progress"
        ? `Stage 2 is in progress${fc.stage2SignOff ? `; sign-off expected ${fc.stage2SignOff}` : "; no expected sign-off date"}.`
        : "Stage 2 has not started: it needs a roadmap supervisor to sign it off.",
    ),
    item(
      "supervisor",
      "Named roadmap supervisor",
      sup ? "done" : "not-started",
      fc.supervisorId && !sup ? `Supervisor "${fc.supervisorId}" is not in this scenario's supervisors.` : "No roadmap supervisor is named.",
    ),
  ];
}
