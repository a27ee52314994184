// Column names and role words as PCNs write them → the fields of a scenario post and role ids.
// Pure data and matching; the list of known names is what the README documents.
import { ROLE_IDS, ROLES, isRoleId, type RoleId } from "@/lib/engine";

/** What a spreadsheet column can hold (post fields, plus hours / sessions that become WTE). */
export const IMPORT_FIELDS = [
  "label",
  "role",
  "status",
  "band",
  "point",
  "annualSalary",
  "wte",
  "hoursPerWeek",
  "sessions",
  "area",
  "start",
  "end",
  "mhpFunding",
  "nextPayStep",
  "roadmap",
  "roleName",
  "maxReimbursableAnnual",
  "employedInLast12Months",
  "moreSeniorRole",
  "expectedStart",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const isImportField = (s: string): s is ImportField => (IMPORT_FIELDS as readonly string[]).includes(s);

/** The field in words (issue messages, the page's mapping choices). */
export const FIELD_LABELS: Record<ImportField, string> = {
  label: "Name / label",
  role: "Role",
  status: "Status (existing or proposed)",
  band: "AfC band",
  point: "Pay point",
  annualSalary: "Annual salary (full-time, £)",
  wte: "WTE / FTE",
  hoursPerWeek: "Hours a week",
  sessions: "Sessions a week",
  area: "Area (HCAS)",
  start: "Start date",
  end: "End date",
  mhpFunding: "MHP funding",
  nextPayStep: "Next pay step date",
  roadmap: "First Contact roadmap",
  roleName: "Commissioner-approved role's name",
  maxReimbursableAnnual: "Maximum the ICB agreed (£)",
  employedInLast12Months: "Employed by the PCN or a practice in the last 12 months",
  moreSeniorRole: "Moving to a more senior role",
  expectedStart: "Expected start date (a post still to be recruited)",
};

/** Header text → comparable words: "Basic Salary (FTE)" → "basic salary fte"; "Health & Wellbeing" → "health and wellbeing". */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/co-ord/g, "coord")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Usual column names per field (normalised). The app's own posts-CSV headers are included. */
export const KNOWN_COLUMNS: Record<ImportField, readonly string[]> = {
  label: ["label", "name", "staff name", "employee", "employee name", "full name", "staff member", "post name", "employee post", "post"],
  role: ["role", "job title", "profession", "job role", "post title", "position", "staff role", "role name"],
  status: ["status", "post status"],
  band: ["band", "afc band", "agenda for change band", "pay band", "grade"],
  point: ["point", "spine point", "pay point", "afc point", "afc pay point"],
  annualSalary: ["salary", "annual salary", "basic salary", "basic salary fte", "salary fte", "annual salary fte", "fte salary", "full time salary", "annualsalary", "basic annual salary"],
  wte: ["wte", "fte", "whole time equivalent", "full time equivalent"],
  hoursPerWeek: ["hours", "hoursperweek", "hours per week", "contracted hours", "hours a week", "weekly hours", "contracted hours per week", "hours pw"],
  sessions: ["sessions", "sessions per week", "sessions a week", "weekly sessions"],
  area: ["area", "hcas", "hcas area", "high cost area"],
  start: ["start", "start date", "date started", "started", "contract start", "contract start date", "employment start date", "date joined"],
  end: ["end", "end date", "leaving date", "date left", "leave date", "contract end", "contract end date", "finish date"],
  mhpFunding: ["mhp funding", "mhpfunding"],
  nextPayStep: ["next pay step", "nextpaystep", "incremental date", "increment date", "next increment"],
  roadmap: ["roadmap", "roadmap status", "first contact roadmap", "fc roadmap"],
  roleName: ["rolename", "approved role name", "icb approved role"],
  maxReimbursableAnnual: ["maxreimbursableannual", "icb maximum", "maximum agreed", "icb agreed maximum"],
  employedInLast12Months: ["employedinlast12months", "employed in last 12 months"],
  moreSeniorRole: ["moreseniorrole", "more senior role"],
  expectedStart: ["expected start", "expectedstart", "expected start date"],
};

const COLUMN_INDEX = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((f) => KNOWN_COLUMNS[f].map((n) => [n, f] as const)));

/** The field a header names, or null when it is not one we know. */
export function recogniseColumn(header: string): ImportField | null {
  return COLUMN_INDEX.get(normaliseWords(header)) ?? null;
}

/**
 * Role words as people write them, tried in order after an exact id or role name (most specific
 * first: "pharmacy technician" before "pharmacist", "trainee nursing associate" before "nursing associate").
 */
const ROLE_PATTERNS: readonly (readonly [RegExp, RoleId])[] = [
  // First: the planner's exports write an ICB-approved post's role as "<its name> (commissioner-approved)",
  // and its name may hold other role words ("MSK physio (commissioner-approved)").
  [/\b(commissioner|icb) approved\b/, "commissioner-approved"],
  [/\bpharm(acy)? tech(nician)?\b/, "pharmacy-technician"],
  [/\bpharmacist\b/, "clinical-pharmacist"],
  [/\bphysio(therapist|therapy)?\b|\bfcp\b|\bmsk practitioner\b/, "first-contact-physiotherapist"],
  [/\boccupational therap(ist|y)\b|\bfco?t\b|\bot\b/, "occupational-therapist"],
  [/\bdieti(t|c)ian\b/, "dietitian"],
  [/\bpodiatr(ist|y)\b/, "podiatrist"],
  [/\bparamedic\b/, "paramedic"],
  [/\bapprentice (physician associate|pa)\b/, "apprentice-physician-associate"],
  [/\bphysician associate\b|\bpa\b/, "physician-associate"],
  [/\bsocial prescrib|\bsplw\b|\blink worker\b/, "social-prescribing-link-worker"],
  [/\bhealth and wellbeing coach\b|\bwellbeing coach\b|\bhealth coach\b|\bhwbc\b|\bhwc\b/, "health-and-wellbeing-coach"],
  [/\bcare coordinator\b|\bcare coord\b/, "care-coordinator"],
  [/\bmental health\b|\bmhp\b/, "mental-health-practitioner"],
  [/\btrainee nursing associate\b|\btna\b/, "trainee-nursing-associate"],
  [/\bnursing associate\b/, "nursing-associate"],
  [/\bconsultant nurse\b/, "consultant-nurse"],
  [/\bnew to (general practice|gp) nurse\b/, "new-to-general-practice-nurse"],
  [/\bexperienced (general practice|gp) nurse\b|\bexperienced gpn\b/, "experienced-general-practice-nurse"],
  [/\benhanced (practice )?nurse\b/, "enhanced-practice-nurse"],
  [/\badvanced (clinical )?practitioner\b|\bacp\b/, "advanced-practitioner"],
  [/\bdigital (and )?transformation\b/, "digital-and-transformation-lead"],
  [/\bgeneral practice assistant\b|\bgpa\b/, "general-practice-assistant"],
  [/\bhealth ?care support worker\b|\bhcsw\b|\bhca\b/, "healthcare-support-worker"],
  [/\bgeneral practitioner\b|\b(salaried )?gp\b/, "gp"],
];

const ROLE_EXACT = new Map<string, RoleId>(ROLE_IDS.flatMap((id) => [[normaliseWords(id), id] as const, [normaliseWords(ROLES[id].name), id] as const]));

/** "FCP Physio" → "first-contact-physiotherapist"; null when the words name no ARRS role we know. */
export function recogniseRole(text: string): RoleId | null {
  if (isRoleId(text.trim())) return text.trim() as RoleId;
  const words = normaliseWords(text);
  if (!words) return null;
  const exact = ROLE_EXACT.get(words);
  if (exact) return exact;
  for (const [re, id] of ROLE_PATTERNS) if (re.test(words)) return id;
  return null;
}
