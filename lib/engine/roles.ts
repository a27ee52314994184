// The ARRS roles (domain.md §3). Role ids are the API's vocabulary.

export const ROLE_IDS = [
  "clinical-pharmacist",
  "first-contact-physiotherapist",
  "occupational-therapist",
  "dietitian",
  "podiatrist",
  "paramedic",
  "physician-associate",
  "enhanced-practice-nurse",
  "advanced-practitioner",
  "digital-and-transformation-lead",
  "experienced-general-practice-nurse",
  "pharmacy-technician",
  "social-prescribing-link-worker",
  "health-and-wellbeing-coach",
  "apprentice-physician-associate",
  "new-to-general-practice-nurse",
  "care-coordinator",
  "nursing-associate",
  "general-practice-assistant",
  "trainee-nursing-associate",
  "healthcare-support-worker",
  "consultant-nurse",
  "gp",
  "mental-health-practitioner",
  "commissioner-approved",
] as const;

export type RoleId = (typeof ROLE_IDS)[number];

/** Agenda for Change bands the engine knows pay points for. */
export const AFC_BANDS = ["3", "4", "5", "6", "7", "8a", "8b", "8c"] as const;
export type AfcBand = (typeof AFC_BANDS)[number];

/** Bands with a mental health practitioner maximum (50% and 100% tables). */
export const MHP_BANDS = ["4", "5", "6", "7", "8a"] as const;
export type MhpBand = (typeof MHP_BANDS)[number];
export type MhpFunding = "50%" | "100%";

export interface RoleInfo {
  id: RoleId;
  name: string;
  /** AfC band(s) the maximum is based on, as the DES states it. */
  afcBand: string;
  /** Usual AfC band for a band + point salary when the user gives none. */
  typicalBand: AfcBand | null;
  /** First Contact Practitioner roles get the roadmap/supervision checklist. */
  firstContact: boolean;
  /** "commissioner": a role the ICB approved, capped at the maximum it agreed (given per post). */
  kind: "afc" | "gp" | "mhp" | "commissioner";
}

export const ROLES: Record<RoleId, RoleInfo> = {
  "clinical-pharmacist": { id: "clinical-pharmacist", name: "Clinical pharmacist", afcBand: "7–8a", typicalBand: "7", firstContact: false, kind: "afc" },
  "first-contact-physiotherapist": { id: "first-contact-physiotherapist", name: "First contact physiotherapist", afcBand: "7–8a", typicalBand: "7", firstContact: true, kind: "afc" },
  "occupational-therapist": { id: "occupational-therapist", name: "Occupational therapist (incl. First Contact OT)", afcBand: "7", typicalBand: "7", firstContact: true, kind: "afc" },
  dietitian: { id: "dietitian", name: "Dietitian", afcBand: "7", typicalBand: "7", firstContact: true, kind: "afc" },
  podiatrist: { id: "podiatrist", name: "Podiatrist", afcBand: "7", typicalBand: "7", firstContact: true, kind: "afc" },
  paramedic: { id: "paramedic", name: "Paramedic", afcBand: "7", typicalBand: "7", firstContact: true, kind: "afc" },
  "physician-associate": { id: "physician-associate", name: "Physician associate", afcBand: "7", typicalBand: "7", firstContact: false, kind: "afc" },
  "enhanced-practice-nurse": { id: "enhanced-practice-nurse", name: "Enhanced practice nurse", afcBand: "7", typicalBand: "7", firstContact: false, kind: "afc" },
  "advanced-practitioner": { id: "advanced-practitioner", name: "Advanced practitioner", afcBand: "8a", typicalBand: "8a", firstContact: false, kind: "afc" },
  "digital-and-transformation-lead": { id: "digital-and-transformation-lead", name: "Digital & transformation lead", afcBand: "8a", typicalBand: "8a", firstContact: false, kind: "afc" },
  "experienced-general-practice-nurse": { id: "experienced-general-practice-nurse", name: "Experienced general practice nurse", afcBand: "6", typicalBand: "6", firstContact: false, kind: "afc" },
  "pharmacy-technician": { id: "pharmacy-technician", name: "Pharmacy technician", afcBand: "5", typicalBand: "5", firstContact: false, kind: "afc" },
  "social-prescribing-link-worker": { id: "social-prescribing-link-worker", name: "Social prescribing link worker", afcBand: "≤5", typicalBand: "5", firstContact: false, kind: "afc" },
  "health-and-wellbeing-coach": { id: "health-and-wellbeing-coach", name: "Health & wellbeing coach", afcBand: "≤5", typicalBand: "5", firstContact: false, kind: "afc" },
  "apprentice-physician-associate": { id: "apprentice-physician-associate", name: "Apprentice physician associate", afcBand: "5", typicalBand: "5", firstContact: false, kind: "afc" },
  "new-to-general-practice-nurse": { id: "new-to-general-practice-nurse", name: "New-to-general-practice nurse", afcBand: "5", typicalBand: "5", firstContact: false, kind: "afc" },
  "care-coordinator": { id: "care-coordinator", name: "Care coordinator", afcBand: "4", typicalBand: "4", firstContact: false, kind: "afc" },
  "nursing-associate": { id: "nursing-associate", name: "Nursing associate", afcBand: "4", typicalBand: "4", firstContact: false, kind: "afc" },
  "general-practice-assistant": { id: "general-practice-assistant", name: "General practice assistant", afcBand: "4", typicalBand: "4", firstContact: false, kind: "afc" },
  "trainee-nursing-associate": { id: "trainee-nursing-associate", name: "Trainee nursing associate", afcBand: "3", typicalBand: "3", firstContact: false, kind: "afc" },
  "healthcare-support-worker": { id: "healthcare-support-worker", name: "Healthcare support worker", afcBand: "3", typicalBand: "3", firstContact: false, kind: "afc" },
  "consultant-nurse": { id: "consultant-nurse", name: "Consultant nurse", afcBand: "8c", typicalBand: "8c", firstContact: false, kind: "afc" },
  gp: { id: "gp", name: "General practitioner", afcBand: "— (salaried GP range)", typicalBand: null, firstContact: false, kind: "gp" },
  "mental-health-practitioner": { id: "mental-health-practitioner", name: "Mental health practitioner", afcBand: "4–8a", typicalBand: "5", firstContact: false, kind: "mhp" },
  "commissioner-approved": { id: "commissioner-approved", name: "Commissioner-approved role", afcBand: "— (maximum agreed by the ICB)", typicalBand: null, firstContact: false, kind: "commissioner" },
};

/** Roles whose maximum comes from the rule tables (not the MHP tables, not an ICB-agreed figure). */
export function hasTableCap(role: RoleId): boolean {
  return role !== "mental-health-practitioner" && role !== "commissioner-approved";
}

/**
 * Nurses and healthcare support workers (domain-update-2026.md D8): from 2025/26 one who worked for
 * the PCN or a member practice in the previous 12 months is not reimbursable unless they move to a
 * more senior role. Every nursing role counts, including nursing associates and trainees.
 */
export const TWELVE_MONTH_RULE_ROLES: readonly RoleId[] = [
  "enhanced-practice-nurse",
  "experienced-general-practice-nurse",
  "new-to-general-practice-nurse",
  "consultant-nurse",
  "nursing-associate",
  "trainee-nursing-associate",
  "healthcare-support-worker",
];

/** First financial year (start year) of the 12-month rule for nurses and HCSWs. */
export const TWELVE_MONTH_RULE_FROM = 2025;

/** First financial year (start year) in which an ICB could approve other roles (2024/25). */
export const COMMISSIONER_ROLES_FROM = 2024;

export function isRoleId(value: string): value is RoleId {
  return Object.prototype.hasOwnProperty.call(ROLES, value);
}

export function isAfcBand(value: string): value is AfcBand {
  return (AFC_BANDS as readonly string[]).includes(value);
}

export function isMhpBand(value: string): value is MhpBand {
  return (MHP_BANDS as readonly string[]).includes(value);
}

export const AREAS = ["national", "outer-london", "inner-london", "fringe"] as const;
export type Area = (typeof AREAS)[number];
/** The maximum reimbursable amounts have no fringe column: fringe posts use the national cap. */
export type CapArea = "national" | "outer-london" | "inner-london";

export function capAreaFor(area: Area): CapArea {
  return area === "fringe" ? "national" : area;
}

export const AREA_LABELS: Record<Area, string> = {
  national: "National (outside London)",
  "outer-london": "Outer London",
  "inner-london": "Inner London",
  fringe: "Fringe (HCAS applies, national cap)",
};
