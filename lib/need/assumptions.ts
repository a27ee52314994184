// The assumptions behind the population-need estimate for occupational therapy (issue 9, part 1):
// one table, each with its value, a low/high range, its status and its source. Values are in the
// units a user reads them in (percent as 20 for 20%, minutes, hours), and every one can be
// overridden (the API's query parameters, the PCN page's form, a scenario's assumptions.need).
// Pure data: no framework, database, validation library, env or clock (runs in the browser too).
// Research behind the figures: ../shared/reference/need-sizing.md, Part 3; the choices:
// docs/decisions/012-population-need.md.

export const NEED_GROUP_IDS = ["frailty", "mental-health", "work"] as const;
export type NeedGroupId = (typeof NEED_GROUP_IDS)[number];

export const NEED_GROUP_NAMES: Record<NeedGroupId, string> = {
  frailty: "Frail older adults",
  "mental-health": "Adults with a common mental health condition",
  work: "Working-age adults off work through ill health",
};

export type AssumptionStatus = "sourced" | "derived" | "assumption";
export type AssumptionUnit = "%" | "per 100 a year" | "contacts" | "minutes" | "notes" | "hours a year";

export interface NeedAssumptionDef {
  id: string;
  label: string;
  /** The group it applies to; "all" for the time and WTE figures every group shares. */
  group: NeedGroupId | "all";
  value: number;
  low: number;
  high: number;
  unit: AssumptionUnit;
  status: AssumptionStatus;
  source: string;
  /** true: a higher value means more need (so "high" takes the high end); false: less need. */
  raises: boolean;
  /** What an override may be (inclusive). */
  min: number;
  max: number;
}

const COLLARD =
  "Collard et al. 2012 (J Am Geriatr Soc) pooled frailty-phenotype prevalence by 5-year band, as applied in the Devon JSNA. Range: about ±25% of the value, to 1 decimal (assumption: studies in the review differ widely)";
const APMS_CMD =
  "APMS 2023/4 (NatCen, 26 June 2025): 22.6% of 16–64-year-olds have a common mental health condition; split by sex with the APMS 2014 ratio of about 19:12. Low: scaled to APMS 2014 (18.9%); high: scaled to the 16–24 rate (25.8%)";
const FIT_NOTES =
  "27,789 fit notes per 100,000 patients aged 18–65 in 2022, 57.9% to women (NHS England data via local press, 1 May 2023). Low: 2016/17, 1 a month per 48 patients (NHS Digital); high: 2022/23, over 11m notes (Policy Exchange, April 2024)";

/** Every assumption, in the order they are shown. */
export const NEED_ASSUMPTIONS: readonly NeedAssumptionDef[] = [
  // --- Frailty: people aged 65+ living with frailty, by 5-year band -------------------------------
  { id: "frailty65to69", label: "Frailty prevalence, ages 65–69", group: "frailty", value: 4.0, low: 3.0, high: 5.0, unit: "%", status: "sourced", source: COLLARD, raises: true, min: 0, max: 100 },
  { id: "frailty70to74", label: "Frailty prevalence, ages 70–74", group: "frailty", value: 7.0, low: 5.3, high: 8.8, unit: "%", status: "sourced", source: COLLARD, raises: true, min: 0, max: 100 },
  { id: "frailty75to79", label: "Frailty prevalence, ages 75–79", group: "frailty", value: 9.0, low: 6.8, high: 11.3, unit: "%", status: "sourced", source: COLLARD, raises: true, min: 0, max: 100 },
  { id: "frailty80to84", label: "Frailty prevalence, ages 80–84", group: "frailty", value: 15.7, low: 11.8, high: 19.6, unit: "%", status: "sourced", source: COLLARD, raises: true, min: 0, max: 100 },
  { id: "frailty85plus", label: "Frailty prevalence, ages 85 and over", group: "frailty", value: 26.1, low: 19.6, high: 32.6, unit: "%", status: "sourced", source: COLLARD, raises: true, min: 0, max: 100 },
  { id: "reachFrailty", label: "Frail people an OT service sees in a year", group: "frailty", value: 20, low: 10, high: 30, unit: "%", status: "assumption", source: "No published uptake rate found. The input that moves the answer most: set it to what your service intends", raises: true, min: 0, max: 100 },
  { id: "contactsFrailty", label: "Contacts per frail patient", group: "frailty", value: 3, low: 2, high: 4, unit: "contacts", status: "assumption", source: "No published figure found; a first assessment and two follow-ups", raises: true, min: 1, max: 50 },
  { id: "homeVisitShareFrailty", label: "Frail patients first seen at home", group: "frailty", value: 100, low: 50, high: 100, unit: "%", status: "assumption", source: "Assumption: frailty first assessments are home visits; travel is added to each", raises: true, min: 0, max: 100 },

  // --- Mental health: 16–64s with a common mental health condition needing active intervention ----
  { id: "cmdFemale", label: "Common mental health condition, women 16–64", group: "mental-health", value: 27.7, low: 23.2, high: 31.6, unit: "%", status: "derived", source: APMS_CMD, raises: true, min: 0, max: 100 },
  { id: "cmdMale", label: "Common mental health condition, men 16–64", group: "mental-health", value: 17.5, low: 14.6, high: 20.0, unit: "%", status: "derived", source: APMS_CMD, raises: true, min: 0, max: 100 },
  { id: "severeShareMentalHealth", label: "Share needing active intervention", group: "mental-health", value: 50, low: 37, high: 60, unit: "%", status: "sourced", source: "APMS 2014: about half of cases severe enough to need active intervention (NHS Confederation, Sept 2016). Low: the 37% using treatment (APMS 2014); high: assumption", raises: true, min: 0, max: 100 },
  { id: "reachMentalHealth", label: "Of those, people an OT service sees in a year", group: "mental-health", value: 5, low: 2.5, high: 10, unit: "%", status: "assumption", source: "No published uptake rate found; most are seen by talking therapies and mental health practitioners", raises: true, min: 0, max: 100 },
  { id: "contactsMentalHealth", label: "Contacts per mental health patient", group: "mental-health", value: 2, low: 2, high: 3, unit: "contacts", status: "sourced", source: "Health Education England AHP roadmap page: about two OT sessions on average (undated). High: assumption", raises: true, min: 1, max: 50 },

  // --- Work: 18–64s on long fit-note episodes, less those already counted under mental health -----
  { id: "fitNotesFemale", label: "Fit notes a year, women 18–64", group: "work", value: 32.2, low: 29.0, high: 33.1, unit: "per 100 a year", status: "derived", source: FIT_NOTES, raises: true, min: 0, max: 500 },
  { id: "fitNotesMale", label: "Fit notes a year, men 18–64", group: "work", value: 23.4, low: 21.1, high: 24.1, unit: "per 100 a year", status: "derived", source: FIT_NOTES, raises: true, min: 0, max: 500 },
  { id: "longNoteShare", label: "Fit notes for 5 weeks or more", group: "work", value: 42, low: 33, high: 45, unit: "%", status: "derived", source: "4.5m of 10.7m notes in 2022 (NHS England data via local press, May 2023). Low: about a third in 2022/23 (Policy Exchange, April 2024); high: assumption", raises: true, min: 0, max: 100 },
  { id: "notesPerEpisode", label: "Fit notes per episode of absence", group: "work", value: 2, low: 1.5, high: 3, unit: "notes", status: "assumption", source: "No published figure found (fit-note data are not linked by patient). More notes per episode means fewer people", raises: false, min: 1, max: 20 },
  { id: "overlapMentalHealth", label: "Of those, already counted under mental health", group: "work", value: 20, low: 10, high: 37, unit: "%", status: "assumption", source: "Assumption, informed by mental and behavioural disorders being 37% of fit notes with a diagnosis, Apr 2021–Dec 2023 (Policy Exchange, April 2024), used as the high end", raises: false, min: 0, max: 100 },
  { id: "reachWork", label: "Of the rest, people an OT service sees in a year", group: "work", value: 10, low: 5, high: 15, unit: "%", status: "assumption", source: "No published uptake rate found", raises: true, min: 0, max: 100 },
  { id: "contactsWork", label: "Contacts per work and health patient", group: "work", value: 3, low: 2, high: 4, unit: "contacts", status: "assumption", source: "No published figure found; OT vocational clinics run over several sessions (Drummond et al., BMC Family Practice 2020)", raises: true, min: 1, max: 50 },

  // --- Time per contact and clinical hours, shared by every group ---------------------------------
  { id: "firstContactMinutes", label: "First contact", group: "all", value: 60, low: 45, high: 75, unit: "minutes", status: "assumption", source: "Assumption: OT appointments are up to 3× a 10-minute GP slot (a vendor, CAUTION); a US home-based OT visit had a median of 68.5 minutes (PMC5554402)", raises: true, min: 0, max: 600 },
  { id: "followUpMinutes", label: "Follow-up contact", group: "all", value: 45, low: 30, high: 60, unit: "minutes", status: "assumption", source: "Assumption: the planner's starting figure; set your service's own", raises: true, min: 0, max: 600 },
  { id: "adminMinutes", label: "Notes and admin per contact", group: "all", value: 15, low: 10, high: 20, unit: "minutes", status: "assumption", source: "Assumption: the planner's starting figure; set your service's own", raises: true, min: 0, max: 600 },
  { id: "travelMinutes", label: "Travel per home visit", group: "all", value: 30, low: 20, high: 45, unit: "minutes", status: "assumption", source: "Assumption: the planner's starting figure; set your service's own", raises: true, min: 0, max: 600 },
  { id: "clinicalHoursPerWte", label: "Patient-facing hours per 1.0 WTE", group: "all", value: 1160, low: 1000, high: 1270, unit: "hours a year", status: "derived", source: "37.5 hours × 52.18 weeks = 1,957 hours; less 29 days' leave (Agenda for Change after 5 years: 90.6% of primary care OTs have more than 5 years' experience, RCOT 2022) and 8 bank holidays (277.5 hours); less 5.6% sickness (NHS staff 2022, Nuffield Trust, June 2023); less 5 days' training (assumption); × 75% patient-facing (assumption) = 1,160. Low: 33 days' leave, 65% patient-facing; high: 27 days, 4.3% sickness (2019), 80%. More hours per WTE means fewer WTE", raises: false, min: 100, max: 2000 },
];

export type NeedAssumptionId = string;

const BY_ID = new Map(NEED_ASSUMPTIONS.map((a) => [a.id, a]));

export function needAssumption(id: string): NeedAssumptionDef | undefined {
  return BY_ID.get(id);
}

/**
 * An override names an assumption by id (its value) or `id.low` / `id.high` (an end of its range),
 * e.g. { reachFrailty: 15, "clinicalHoursPerWte.high": 1350 }.
 */
export type NeedOverrides = Record<string, number>;

/** Every key an override may use: each id, id.low, id.high. */
export const NEED_OVERRIDE_KEYS: readonly string[] = NEED_ASSUMPTIONS.flatMap((a) => [a.id, `${a.id}.low`, `${a.id}.high`]);

/** An assumption as used: the definition's figures (an override may have changed them) without its limits. */
export interface ResolvedAssumption extends Omit<NeedAssumptionDef, "min" | "max"> {
  /** true when an override changed the value or the range. */
  overridden: boolean;
  /** The built-in figures, so a changed one can be compared (and reset). */
  default: { value: number; low: number; high: number };
}

export interface OverrideIssue {
  /** The override key ("reachFrailty", "reachFrailty.low"). */
  path: string;
  message: string;
}

const unitText = (a: NeedAssumptionDef, v: number) => (a.unit === "%" ? `${v}%` : `${v} ${a.unit}`);

/**
 * Applies overrides to the table. A value given without its own range fixes the assumption (low =
 * high = value: the user says what it is) unless it equals the built-in value (a form that sends
 * every field unchanged changes nothing). `id.low` / `id.high` set the range's ends. Problems are
 * returned as issues, in words: an unknown key, a value outside what the assumption can be, or a
 * range that does not hold its value.
 */
export function resolveNeedAssumptions(overrides: NeedOverrides = {}): { assumptions: ResolvedAssumption[]; issues: OverrideIssue[] } {
  const issues: OverrideIssue[] = [];
  for (const key of Object.keys(overrides)) {
    const [id, end, ...more] = key.split(".");
    const def = BY_ID.get(id ?? "");
    if (!def || more.length || (end !== undefined && end !== "low" && end !== "high")) {
      issues.push({ path: key, message: `"${key}" is not an assumption of the population-need estimate.` });
      continue;
    }
    const v = overrides[key]!;
    const what = end ? `The ${end} end of “${def.label}”` : `“${def.label}”`;
    if (typeof v !== "number" || !Number.isFinite(v)) issues.push({ path: key, message: `${what} must be a number.` });
    else if (v < def.min || v > def.max) issues.push({ path: key, message: `${what} must be between ${unitText(def, def.min)} and ${unitText(def, def.max)}.` });
  }
  const assumptions = NEED_ASSUMPTIONS.map((def): ResolvedAssumption => {
    const get = (k: string) => {
      const v = overrides[k];
      return typeof v === "number" && Number.isFinite(v) && v >= def.min && v <= def.max ? v : undefined;
    };
    const given = get(def.id);
    const value = given ?? def.value;
    const fixes = given !== undefined && given !== def.value;
    const low = get(`${def.id}.low`) ?? (fixes ? value : def.low);
    const high = get(`${def.id}.high`) ?? (fixes ? value : def.high);
    return {
      id: def.id,
      label: def.label,
      group: def.group,
      value,
      low,
      high,
      unit: def.unit,
      status: def.status,
      source: def.source,
      raises: def.raises,
      overridden: value !== def.value || low !== def.low || high !== def.high,
      default: { value: def.value, low: def.low, high: def.high },
    };
  });
  for (const a of assumptions) {
    if (a.low > a.value || a.value > a.high) {
      const key = overrides[`${a.id}.low`] !== undefined && a.low > a.value ? `${a.id}.low` : overrides[`${a.id}.high`] !== undefined && a.value > a.high ? `${a.id}.high` : a.id;
      if (!issues.some((i) => i.path.startsWith(a.id + ".") || i.path === a.id)) {
        const def = BY_ID.get(a.id)!;
        issues.push({ path: key, message: `“${a.label}”: the range must include the value (low ${unitText(def, a.low)}, value ${unitText(def, a.value)}, high ${unitText(def, a.high)}).` });
      }
    }
  }
  return { assumptions, issues };
}
