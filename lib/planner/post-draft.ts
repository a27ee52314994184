// A post as the user is typing it (every field text, dates as day/month/year parts), and its
// conversion to the scenario contract. Shared by the quick estimate and the planner; pure.
import { ROLES, isRoleId, TWELVE_MONTH_RULE_ROLES } from "@/lib/engine";
import { formatDate } from "@/lib/format";
import { dateInputToIso, isoToDateParts, type DateParts } from "@/lib/date-input";
import { emptyFirstContact, type PostDraft } from "./new-post-draft";

// The blank draft and the draft types live in new-post-draft.ts (no zod, no rule tables), so the
// quick estimate's first load does not carry the scenario schema; re-exported here unchanged.
export { emptyFirstContact, newPostDraft, type FirstContactDraft, type PostDraft, type SizeUnit } from "./new-post-draft";
import { toFieldIssues } from "@/lib/schemas/common";
import { ScenarioPostSchema, type ScenarioPost, type ScenarioPostInput } from "@/lib/schemas/scenario";

/** Form text → a JSON value: "" → undefined; "£47,810" → 47810; anything else stays text for zod to reject. */
export function numberFromText(text: string | null | undefined): number | string | undefined {
  const s = (text ?? "").trim();
  if (s === "") return undefined;
  const cleaned = s.replace(/^£/, "").replace(/,/g, "");
  const n = Number(cleaned);
  return /^-?\d+(\.\d+)?$/.test(cleaned) && Number.isFinite(n) ? n : s;
}

const numText = (n: number | undefined) => (n === undefined ? "" : String(n));

/** The contract field each size unit fills. */
const SIZE_FIELD = { wte: "wte", sessions: "sessions", hours: "hoursPerWeek" } as const;

export const DATE_LABELS = { start: "Start date", end: "End date", nextPayStep: "Next pay step date", stage2SignOff: "Stage 2 sign-off date" } as const;

/** A stored / imported post → a draft. */
export function postToDraft(p: ScenarioPostInput | ScenarioPost, key: string): PostDraft {
  const role = String(p.role ?? "");
  const info = isRoleId(role) ? ROLES[role] : undefined;
  const fc = p.firstContact;
  return {
    key,
    id: p.id ?? key,
    label: p.label ?? "",
    role,
    status: p.status ?? "proposed",
    salaryMode: p.annualSalary !== undefined && (p.point === undefined || info?.kind === "gp") ? "salary" : "band",
    annualSalary: numText(p.annualSalary as number | undefined),
    band: p.band === undefined ? (info?.typicalBand ?? "7") : String(p.band),
    point: p.point === undefined ? (p.annualSalary !== undefined ? "" : "1") : String(p.point),
    ...(p.sessions !== undefined
      ? { wte: numText(p.sessions as number), sizeUnit: "sessions" as const }
      : p.hoursPerWeek !== undefined
        ? { wte: numText(p.hoursPerWeek as number), sizeUnit: "hours" as const }
        : { wte: numText(p.wte as number | undefined), sizeUnit: "wte" as const }),
    roleName: p.roleName ?? "",
    agreedMax: numText(p.maxReimbursableAnnual as number | undefined),
    employedInLast12Months: p.employedInLast12Months === true,
    moreSeniorRole: p.moreSeniorRole === true,
    area: p.area ?? "national",
    start: isoToDateParts(p.start),
    end: isoToDateParts(p.end),
    nextPayStep: isoToDateParts(p.nextPayStep),
    mhpFunding: p.mhpFunding ?? "50%",
    supervisorId: p.supervisorId ?? "",
    firstContact: fc
      ? {
          hcpcRegistration: fc.hcpcRegistration ?? "not-started",
          yearsRegistered: numText(fc.yearsRegistered as number | undefined),
          stage1: fc.stage1 ?? "not-started",
          stage2: fc.stage2 ?? "not-started",
          stage2SignOff: isoToDateParts(fc.stage2SignOff),
          supervisorId: fc.supervisorId ?? "",
          roadmap: fc.roadmap ?? "",
        }
      : info?.firstContact
        ? emptyFirstContact()
        : null,
    ...(p.expectedStart ? { expectedStart: p.expectedStart } : {}),
  };
}

export interface DraftCheck {
  /** The post in the contract's input shape (dates that are not real dates left out). */
  input: ScenarioPostInput;
  /** The validated post, when every field is good. */
  post: ScenarioPost | null;
  /** Field (dotted, relative to the post: "wte", "firstContact.stage2SignOff") → message. */
  errors: Record<string, string>;
}

/** Draft → contract input + validation with ScenarioPostSchema (messages per field). */
export function checkDraft(d: PostDraft): DraftCheck {
  const errors: Record<string, string> = {};
  const date = (field: string, parts: DateParts, label: string): string | undefined => {
    const r = dateInputToIso(parts, label);
    if (r.error !== undefined) {
      errors[field] = r.error;
      return undefined;
    }
    return r.iso || undefined;
  };
  const info = isRoleId(d.role) ? ROLES[d.role] : undefined;
  const isMhp = info?.kind === "mhp";
  const mode = info?.kind === "gp" ? "salary" : d.salaryMode;
  const start = date("start", d.start, DATE_LABELS.start);
  const end = date("end", d.end, DATE_LABELS.end);
  const nextPayStep = mode === "band" ? date("nextPayStep", d.nextPayStep, DATE_LABELS.nextPayStep) : undefined;
  const input: Record<string, unknown> = {
    id: d.id,
    label: d.label,
    role: d.role,
    status: d.status,
    [SIZE_FIELD[d.sizeUnit ?? "wte"]]: numberFromText(d.wte),
    area: d.area || "national",
  };
  if (info?.kind === "commissioner") {
    input.roleName = d.roleName;
    input.maxReimbursableAnnual = numberFromText(d.agreedMax);
  }
  if (info && TWELVE_MONTH_RULE_ROLES.includes(info.id) && d.employedInLast12Months) {
    input.employedInLast12Months = true;
    if (d.moreSeniorRole) input.moreSeniorRole = true;
  }
  if (mode === "salary") input.annualSalary = numberFromText(d.annualSalary);
  else {
    input.band = d.band;
    input.point = numberFromText(d.point);
  }
  if (isMhp) {
    if (mode === "salary") input.band = d.band;
    input.mhpFunding = d.mhpFunding || "50%";
  }
  if (start) input.start = start;
  if (end) input.end = end;
  if (nextPayStep) input.nextPayStep = nextPayStep;
  if (d.supervisorId) input.supervisorId = d.supervisorId;
  if (d.expectedStart) input.expectedStart = d.expectedStart;
  if (d.firstContact && info?.firstContact) {
    const fc = d.firstContact;
    const signOff = date("firstContact.stage2SignOff", fc.stage2SignOff, DATE_LABELS.stage2SignOff);
    input.firstContact = {
      hcpcRegistration: fc.hcpcRegistration,
      stage1: fc.stage1,
      stage2: fc.stage2,
      ...(fc.yearsRegistered.trim() ? { yearsRegistered: numberFromText(fc.yearsRegistered) } : {}),
      ...(signOff ? { stage2SignOff: signOff } : {}),
      ...(fc.supervisorId ? { supervisorId: fc.supervisorId } : {}),
      ...(fc.roadmap ? { roadmap: fc.roadmap } : {}),
    };
  }
  const parsed = ScenarioPostSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error)) {
      // The size's one input shows the errors of whichever field it filled.
      const field = issue.path === "sessions" || issue.path === "hoursPerWeek" ? "wte" : issue.path || "role";
      if (!errors[field]) errors[field] = issue.message;
    }
  }
  const ok = parsed.success && Object.keys(errors).length === 0;
  return { input: input as ScenarioPostInput, post: ok ? parsed.data : null, errors };
}

/** A period a post must overlap: a financial year (quick estimate) or a plan's horizon (planner). */
export interface DatePeriod {
  /** First and last day, YYYY-MM-DD. */
  first: string;
  last: string;
  /** In words: "2025/26", "this plan (2025/26 to 2027/28)". */
  label: string;
  /** What to do about a start after the period, in words ("choose the financial year it starts in"). */
  fixLateStart: string;
}

/** The financial year "2025/26" as a period (null for a bad label). */
export function financialYearPeriod(financialYear: string): DatePeriod | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(financialYear);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return null;
  const y = Number(m[1]);
  return { first: `${y}-04-01`, last: `${y + 1}-03-31`, label: financialYear, fixLateStart: "or choose the financial year it starts in" };
}

/**
 * A post whose dates put it in post on no day of the period costs £0.00 there: the field error for
 * the date that does it (issue 14: the quick estimate showed £0.00 with only a note below the
 * chart), or null. Dates are YYYY-MM-DD (ISO dates compare as text); a missing one is open.
 */
export function datesOutsidePeriod(post: { start?: string | undefined; end?: string | undefined }, period: DatePeriod): { field: "start" | "end"; message: string } | null {
  if (post.start && post.start > period.last) {
    return {
      field: "start",
      message: `Start date ${formatDate(post.start)} is after ${period.label} ends (${formatDate(period.last)}), so this post would cost £0.00. Enter a start date on or before ${formatDate(period.last)}, ${period.fixLateStart}.`,
    };
  }
  if (post.end && post.end < period.first && !(post.start && post.start > post.end)) {
    return {
      field: "end",
      message: `End date ${formatDate(post.end)} is before ${period.label} starts (${formatDate(period.first)}), so this post would cost £0.00. Enter an end date on or after ${formatDate(period.first)}, or remove the post.`,
    };
  }
  return null;
}
