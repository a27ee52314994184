// A post as the user is typing it (every field text, dates as day/month/year parts) and a blank
// one. Light on purpose — role facts from the engine's roles table only, types from the scenario
// schema (erased) — so the home page's quick estimate can make drafts without loading zod or the
// rule tables (issue 15, item 19). The conversions to the scenario contract are in post-draft.ts.
import { EMPTY_DATE, type DateParts } from "@/lib/date-input";
import { isRoleId, ROLES } from "@/lib/engine/roles";
import type { CheckStatus, PostStatus, RoadmapStatusValue } from "@/lib/schemas/scenario";

export interface FirstContactDraft {
  hcpcRegistration: CheckStatus;
  yearsRegistered: string;
  stage1: CheckStatus;
  stage2: CheckStatus;
  stage2SignOff: DateParts;
  supervisorId: string;
  /** "" = worked out from Stage 2 and the start date (roadmapStatus); else as the user states it. */
  roadmap: "" | RoadmapStatusValue;
}

export interface PostDraft {
  /** Stable React key (never shown, never saved). */
  key: string;
  id: string;
  label: string;
  role: string;
  status: PostStatus;
  salaryMode: "band" | "salary";
  annualSalary: string;
  band: string;
  point: string;
  /** The post's size as typed, in `sizeUnit`: WTE, GP sessions a week, or hours a week. */
  wte: string;
  sizeUnit: SizeUnit;
  area: string;
  start: DateParts;
  end: DateParts;
  nextPayStep: DateParts;
  mhpFunding: string;
  supervisorId: string;
  firstContact: FirstContactDraft | null;
  /** Commissioner-approved roles: the role's name and the ICB's maximum (£ a year for 1.0 WTE). */
  roleName: string;
  agreedMax: string;
  /** Nurses / HCSWs: worked for the PCN or a member practice in the previous 12 months; moving to a more senior role. */
  employedInLast12Months: boolean;
  moreSeniorRole: boolean;
  /** A proposed post's expected start (YYYY-MM-DD), kept as loaded or imported (the posts CSV's expectedStart column). */
  expectedStart?: string;
}

/** How a post's size is entered: WTE, sessions a week (GPs; 9 = 1.0 WTE), or hours a week (37.5 = 1.0 WTE). */
export type SizeUnit = "wte" | "sessions" | "hours";

export function emptyFirstContact(): FirstContactDraft {
  return { hcpcRegistration: "not-started", yearsRegistered: "", stage1: "not-started", stage2: "not-started", stage2SignOff: { ...EMPTY_DATE }, supervisorId: "", roadmap: "" };
}

export function newPostDraft(key: string, id: string, role = "occupational-therapist", area = "national"): PostDraft {
  const info = isRoleId(role) ? ROLES[role] : undefined;
  return {
    key,
    id,
    label: "",
    role,
    status: "proposed",
    salaryMode: info?.kind === "gp" ? "salary" : "band",
    annualSalary: "",
    band: info?.typicalBand ?? "7",
    point: "1",
    wte: "1.0",
    area,
    start: { ...EMPTY_DATE },
    end: { ...EMPTY_DATE },
    nextPayStep: { ...EMPTY_DATE },
    mhpFunding: "50%",
    supervisorId: "",
    firstContact: info?.firstContact ? emptyFirstContact() : null,
    sizeUnit: "wte",
    roleName: "",
    agreedMax: "",
    employedInLast12Months: false,
    moreSeniorRole: false,
  };
}
