// Shapes of the rule tables. Figures are kept in the units they are published in (pounds,
// decimal rates) so the tables read like their sources; lib/engine/compile.ts converts them
// once to integer pence / ppm, exactly.
import type { FinancialYear, IsoDate } from "../calendar";
import type { AfcBand, MhpBand, MhpFunding, RoleId } from "../roles";

/**
 * Where a figure comes from (words in ./status.ts):
 * published: by NHS England (or HMRC / DHSC / NHS Employers for tax, pension and pay awards);
 * third-party: by a trade journal, LMC, pay-scale site or calculator transcribing the official figure;
 * derived: the planner's arithmetic on published figures; estimate: unverified best figure;
 * assumption: rests on something not announced; override: entered by the user;
 * projection: a year with no rule table, projected from the last one (lib/engine/project.ts).
 */
export type FigureStatus = "published" | "third-party" | "derived" | "estimate" | "assumption" | "override" | "projection";

export interface Provenance {
  status: FigureStatus;
  source: string;
  note?: string;
}

export interface Figure<T> extends Provenance {
  value: T;
}

/** Annual maximum reimbursable amount per 1.0 WTE, whole pounds, by cap area. */
export interface CapLine extends Provenance {
  national: number;
  outerLondon: number;
  innerLondon: number;
  /** Status of the London columns when it differs from the row's (a published national figure, derived London ones). */
  londonStatus?: FigureStatus;
}

export type CappedRoleId = Exclude<RoleId, "mental-health-practitioner" | "commissioner-approved">;

/**
 * One published (or estimated) table of maximum reimbursable amounts. A table applies from
 * `effectiveFrom` (to `effectiveTo` if given). When two tables cover a day, the one published
 * later wins — that is how a backdated uplift replaces the table it corrects.
 */
export interface CapTable extends Provenance {
  id: string;
  title: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  publishedOn: IsoDate;
  /**
   * A backdated uplift the user can switch on or off (assumption expectedUplift); `defaultOn` is
   * whether it applies when they say nothing (on once NHS England loaded it, as in 2025/26).
   */
  backdatedUplift?: { defaultOn: boolean };
  /** Roles absent from a table are not reimbursable while it applies. */
  roles: Partial<Record<CappedRoleId, CapLine>>;
  mhp: Record<MhpFunding, Partial<Record<MhpBand, CapLine>>>;
}

export interface AfcBandPoints extends Provenance {
  /** Annual full-time basic pay at each pay point, whole pounds; point 1 = entry. */
  points: number[];
  /** 1-based points whose figure is an estimate although the band is otherwise published. */
  estimatePoints?: number[];
}

export interface HcasZone extends Provenance {
  /** Share of basic pay, e.g. 0.2. */
  rate: number;
  minimum: number;
  maximum: number;
}

export interface EntitlementPot extends Provenance {
  id: "main" | "gp";
  label: string;
  /** £ per weighted patient. */
  ratePerWeightedPatient: number;
  /** Roles whose claims draw on this pot; undefined = every role not in another pot. */
  roles?: RoleId[];
  /** Claims for days in this window draw on the pot (GP pot 2024/25: 1 Oct–31 Mar). */
  appliesFrom?: IsoDate;
}

export interface FinancialYearRules {
  financialYear: FinancialYear;
  startYear: number;
  /** Entitlement = Σ pots, each rate × contractor weighted population at 1 January before the FY. */
  pots: EntitlementPot[];
  employerNiRate: Figure<number>;
  employerNiThresholdAnnual: Figure<number>;
  employerPensionRate: Figure<number>;
  afc: Record<AfcBand, AfcBandPoints>;
  hcas: { "inner-london": HcasZone; "outer-london": HcasZone; fringe: HcasZone };
  capTables: CapTable[];
  /** The year's pay award on Agenda for Change pay (spot salaries in a multi-year plan rise by it). */
  payAward?: Figure<number>;
  /** The year's doctors' (DDRB) pay award: GP posts' salaries and maxima in a multi-year plan rise by it. */
  doctorsPayAward?: Figure<number>;
  /** Plain-language notes about the year shown beside its figures. */
  notes: string[];
}
