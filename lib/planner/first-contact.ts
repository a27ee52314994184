// "Add a First Contact OT": the post one click adds, and the roadmap checklist of a First Contact post.
import { civilFromDay, dayNumber, daysInMonth, isoFromDay, parseFinancialYear, parseIsoDate, ROLES, type Area, type RoleId } from "@/lib/engine";
import { formatDate } from "@/lib/format";
import { startInYear, type NeedPost } from "@/lib/need/planner";
import type { RoadmapStatusValue, ScenarioPostInput, ScenarioPost, Supervisor } from "@/lib/schemas/scenario";

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

/**
 * The roadmap's length: Stages 1 and 2 are to be completed within 12–18 months of starting
 * (domain.md §7; the sources differ, we take the longer). An existing post that started at least
 * this long before the plan is taken as qualified unless the user says otherwise.
 */
export const ROADMAP_MONTHS = 18;

/** `iso` + `months` calendar months (the day clamped to the month's last: 31 Aug + 18 → 28/29 Feb). */
export function addMonthsIso(iso: string, months: number): string {
  const day = parseIsoDate(iso);
  if (day === null) throw new RangeError(`not a date: ${iso}`);
  const { y, m, d } = civilFromDay(day);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return isoFromDay(dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm))));
}

export interface RoadmapStatus {
  status: RoadmapStatusValue;
  /** Why: the user said so, Stage 2 is signed off, or worked out from an existing post's start. */
  basis: "stated" | "signed-off" | "existing-start" | "checklist";
  /** In training: roadmap supervision runs until the day before this date (none = all plan long). */
  signOff?: string;
  /** In words, for the checklist. */
  text: string;
}

/**
 * A First Contact post's roadmap status for a plan starting on `planStart` (YYYY-MM-DD):
 * 1. what the user stated (`firstContact.roadmap`);
 * 2. Stage 2 signed off → qualified;
 * 3. an existing post that started at least ROADMAP_MONTHS before the plan → qualified (issue 14:
 *    existing physios and paramedics from 2024 were costed as trainees, 150 hours each);
 * 4. otherwise in training, until the Stage 2 sign-off date if one is given, else — for an
 *    existing post with a start date — until ROADMAP_MONTHS after its start, else all plan long.
 */
export function roadmapStatus(post: Pick<ScenarioPostInput, "status" | "start" | "firstContact">, planStart: string): RoadmapStatus {
  const fc = post.firstContact ?? {};
  const signOffText = (d: string | undefined) => (d ? `until Stage 2 sign-off on ${formatDate(d)}` : "until Stage 2 is signed off (no date given: all plan long)");
  if (fc.roadmap === "qualified") return { status: "qualified", basis: "stated", text: "Qualified (as stated): clinical supervision only, no roadmap supervision." };
  if (fc.roadmap === "in-training") return { status: "in-training", basis: "stated", ...(fc.stage2SignOff ? { signOff: fc.stage2SignOff } : {}), text: `In roadmap training (as stated), ${signOffText(fc.stage2SignOff)}.` };
  if (fc.stage2 === "done") return { status: "qualified", basis: "signed-off", text: "Qualified: Stage 2 is signed off. Clinical supervision only." };
  if (post.status === "existing" && post.start && parseIsoDate(post.start) !== null && !fc.stage2SignOff) {
    const end = addMonthsIso(post.start, ROADMAP_MONTHS);
    if (end <= planStart) {
      return {
        status: "qualified",
        basis: "existing-start",
        text: `Qualified (assumed): an existing post since ${formatDate(post.start)}, at least the roadmap's ${ROADMAP_MONTHS} months before the plan starts on ${formatDate(planStart)}. Clinical supervision only. If this is wrong, set the roadmap status under “Update the checklist”.`,
      };
    }
    return {
      status: "in-training",
      basis: "existing-start",
      signOff: end,
      text: `In roadmap training (assumed) until ${formatDate(end)}, ${ROADMAP_MONTHS} months after this existing post started on ${formatDate(post.start)}. If this is wrong, set the roadmap status or a sign-off date under “Update the checklist”.`,
    };
  }
  return { status: "in-training", basis: "checklist", ...(fc.stage2SignOff ? { signOff: fc.stage2SignOff } : {}), text: `In roadmap training, ${signOffText(fc.stage2SignOff)}.` };
}

/** 1 April of a financial year ("2026/27" → "2026-04-01"). */
export function planStartOf(financialYear: string): string {
  const y = parseFinancialYear(financialYear);
  if (y === null) throw new RangeError(`not a financial year: ${financialYear}`);
  return `${y}-04-01`;
}

export interface ChecklistItem {
  id: "hcpc" | "experience" | "stage1" | "stage2" | "supervisor";
  label: string;
  status: "not-started" | "in-progress" | "done";
  /** What is missing, in words (absent when done). */
  missing?: string;
}

/**
 * The First Contact requirements checklist for a post (domain.md §7). A qualified post (`roadmap`,
 * from roadmapStatus) has done the roadmap: its Stage 1 and Stage 2 items read done and it needs
 * no roadmap supervisor.
 */
export function firstContactChecklist(post: Pick<ScenarioPost, "firstContact">, supervisors: readonly Supervisor[], roadmap?: RoadmapStatus): ChecklistItem[] {
  if (roadmap?.status === "qualified") {
    const all = firstContactChecklist({ ...post, firstContact: { ...(post.firstContact ?? { hcpcRegistration: "not-started" as const }), stage1: "done", stage2: "done" } as ScenarioPost["firstContact"] }, supervisors);
    return all.filter((i) => i.id !== "supervisor");
  }
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
