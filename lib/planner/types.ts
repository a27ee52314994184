// Shapes of a scenario's computed results (API `results`, the planner page, exports). Money in
// pounds (at most 2 decimals), as in the estimate API. Pure types: safe in the browser.
import type { Area, FigureStatus } from "@/lib/engine";
import type { EstimateResponse } from "@/lib/estimate-response";

/** What the calculation needs besides the scenario itself; the server loads it from the database. */
export interface PlannerContext {
  pcn: { code: string; name: string };
  /** The PCN's weighted population for the scenario's first year, with its provenance. */
  weightedPopulation: {
    value: number;
    provenance: "given" | "icb-confirmed" | "imported" | "estimate";
    basis?: string;
    /** Estimates only: the 80% interval (lib/weighted-estimate) and how it was found. */
    interval?: { low: number; high: number; level: 0.8 };
    intervalBasis?: string;
  };
  /** Member practices for the practices' shares (weighted null when not known). */
  practices: { code: string; name: string; weighted: number | null; registered: number }[];
  /** The area a new post defaults to (the PCN's area). */
  defaultArea: Area;
}

export interface FigureOut {
  id: string;
  label: string;
  value: number;
  status: FigureStatus;
  source: string;
  note?: string;
}

export interface CashFlowMonth {
  month: string;
  /** Salaries and on-costs paid that month. */
  paid: number;
  /** Reimbursement received that month (for the month `claimLagMonths` earlier; only within the entitlement). */
  received: number;
  /** Cumulative received − paid since the plan's first month (negative = the PCN is funding it). */
  position: number;
}

export interface SupervisionPostMonth {
  month: string;
  hours: number;
  /** "roadmap" while in First Contact roadmap training, "clinical" after sign-off or for other roles, "none" when not in post. */
  kind: "roadmap" | "clinical" | "none";
}

export interface SupervisionPost {
  postId: string;
  label: string;
  supervisorId: string | null;
  hours: number;
  cost: number;
  months: SupervisionPostMonth[];
}

export interface SupervisionYear {
  hours: number;
  /** Not reimbursable: hours × the supervisor's hourly cost. */
  cost: number;
  /** The supervisor's hourly cost used this year (£): the first year's, raised by each later year's pay award. */
  hourlyCost: number;
  /** estimate: the default (the first year's GP maximum ÷ 1,955 h); override: the user's; projection: a later year's uplift. */
  hourlyCostStatus: "estimate" | "override" | "projection";
  /** After the first year: how the hourly cost was projected, in words. */
  hourlyCostBasis?: string;
  posts: SupervisionPost[];
  /** Per supervisor, the most roadmap trainees in any month, against capacity (4 per 1.0 WTE). */
  supervisors: { id: string; name: string; wte: number; capacity: number; peakTrainees: number; overCapacityMonths: string[] }[];
  warnings: string[];
}

export interface ShareRow {
  practiceCode: string;
  practiceName: string;
  /** The practice's share basis value (weighted or registered population). */
  basis: number;
  /** Share of the PCN-funded salary cost (largest-remainder: the rows add up to the penny). */
  pcnFunded: number;
  /** Share of the unfunded supervision cost. */
  supervision: number;
  total: number;
}

/** Average WTE in post over a year: WTE × days in post ÷ days in the year (lib/engine/wte.ts). */
export interface AverageWte {
  /** All roles (the sum of the posts' figures). */
  total: number;
  /** By role, in the order the roles first appear among the posts (roles with no day in post left out). */
  byRole: { role: string; roleName: string; wte: number }[];
}

/** WTE and headcount of one role in one month (lib/engine/workforce.ts). */
export interface WorkforceRoleMonth {
  /** Σ WTE × days in post in the month ÷ days in the month (to 4 decimals). */
  wte: number;
  /** Posts in post on the month's last day. */
  headcount: number;
}

/** The workforce over a year by role, month by month (issue 16, item 4). */
export interface WorkforceYear {
  /** Twelve months, April first; each lists every role with a day in post in the year. */
  months: { month: string; roles: Record<string, WorkforceRoleMonth> }[];
  /** Average WTE in post over the year by role: the same figures as `averageWte.byRole` (compare, projection, exports). */
  averageWte: Record<string, number>;
  /** Role id → name, for tables and charts. */
  roleNames: Record<string, string>;
}

/**
 * What slips if recruitment takes longer than planned (issue 16, item 5): the plan's figures minus
 * the same posts priced from their expected start. An estimate; the plan itself stays as planned.
 */
export interface SlipFigures {
  /** Cost of the posts that is not spent in the months the posts stand empty. */
  cost: number;
  /** Claimable that is not claimed. */
  claimable: number;
  /** PCN-funded cost not spent. */
  pcnFunded: number;
  /** Headroom the later starts free (the entitlement left unclaimed). */
  headroomFreed: number;
}

export interface SlipYear extends SlipFigures {
  /** Proposed posts whose expected start is later than planned and falls before this year ends. */
  postsDelayed: number;
}

export interface SlipSummary extends SlipFigures {
  /** The scenario's time to fill (months), when set. */
  timeToFillMonths: number | null;
  /** Proposed posts expected to start later than planned (their own expected start, or the time to fill). */
  postsDelayed: number;
  /** In words, for the planner and the exports: "if recruitment takes 4 months" / "if posts start on their expected start dates". */
  label: string;
}

export interface YearResult extends EstimateResponse {
  /** True when any figure of this year is a projection (no rule table for the year). */
  projection: boolean;
  /** The projected figures used (also in `figures` with status "projection"). */
  projections: FigureOut[];
  cashFlow: CashFlowMonth[];
  /** Peak funding needed within this year (lib/engine/cash-flow.ts: the one definition). */
  peakFunding: number;
  peakFundingMonth: string | null;
  /** Average WTE in post over the year. */
  averageWte: AverageWte;
  /** WTE and headcount by role, month by month. */
  workforce: WorkforceYear;
  /** The money that slips this year if proposed posts start when expected rather than as planned (an estimate). */
  slip: SlipYear;
  supervision: SupervisionYear;
  /** `basis`: the basis used; `requested`: the one chosen; `weightedAvailable`: every practice has a weighted population. */
  practiceShares: { basis: "weighted" | "registered"; requested: "weighted" | "registered"; weightedAvailable: boolean; rows: ShareRow[]; note?: string };
}

export interface ScenarioSummary {
  years: {
    financialYear: string;
    projection: boolean;
    entitlement: number;
    cost: number;
    claimable: number;
    pcnFunded: number;
    headroom: number;
    supervisionCost: number;
    /** Peak funding needed within the year (positions from the plan's first month). */
    peakFunding: number;
    /** Average WTE in post over the year, all roles. */
    averageWte: number;
  }[];
  /** Peak funding needed over the plan: the lowest cumulative cash position over the horizon (the most the PCN must fund before reimbursement arrives), as a positive amount; the largest of the years' figures. */
  peakFunding: number;
  peakFundingMonth: string | null;
  /** Reimbursement for the horizon's last months that arrives after it ends. */
  receivableAfterHorizon: number;
  /** Reimbursement received in the plan's first months for the months before it (staff already in post), and those months. */
  receivedForMonthsBeforePlan: number;
  monthsBeforePlan: string[];
  /** The financial year whose rules priced those months (the first year's when that year has no rule table: then an estimate). */
  monthsBeforePlanRules: { financialYear: string; estimate: boolean } | null;
  claimLagMonths: number;
  warnings: string[];
}

export interface ScenarioResults {
  years: YearResult[];
  summary: ScenarioSummary;
  /** The slip over the plan (the years' figures added up). */
  slip: SlipSummary;
}
