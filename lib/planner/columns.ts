// The one column specification: the planner's tables (tanstack), the posts CSV import, and the
// CSV/XLSX exports read these. Pure TypeScript (no React): ids are the CSV header names and the
// JSON field names; `kind` says how a value is shown (lib/format) or written (a number in pounds,
// an ISO date, text).
import { formatDate, formatDecimal, formatMonth, formatPounds, formatWte } from "@/lib/format";
import type { ScenarioPostInput } from "@/lib/schemas/scenario";
import type { EstimateResponse } from "@/lib/estimate-response";
import type { CashFlowMonth, ScenarioSummary, ShareRow, SupervisionPost } from "./types";

/** The one label and wording of the peak funding needed (defined in lib/engine/cash-flow.ts; docs/decisions/016-peak-funding.md). */
export const PEAK_FUNDING_LABEL = "Peak funding needed";
export const PEAK_FUNDING_DESCRIPTION =
  "The most the PCN pays out before reimbursement catches up: the lowest cumulative cash position (received − paid from the plan's first month, including reimbursement for months before the plan), as a positive amount";
/** WTE × days in post ÷ days in the year (lib/engine/wte.ts). */
export const AVERAGE_WTE_LABEL = "Average WTE in post";

export type ColumnKind = "money" | "wte" | "text" | "date" | "number" | "month";

export interface ColumnSpec<Row, Id extends string = string> {
  id: Id;
  header: string;
  kind: ColumnKind;
  accessor: (row: Row) => string | number | null | undefined;
  /** Longer description (table hints, the export's assumptions sheet). */
  description?: string;
}

/** A value as the page shows it ("£1,234.56", "0.60 WTE", "1 Oct 2025"); blank for null/undefined. */
export function formatCell(kind: ColumnKind, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  switch (kind) {
    case "money":
      return typeof value === "number" ? formatPounds(value) : value;
    case "wte":
      return typeof value === "number" ? formatWte(value) : value;
    case "number":
      return typeof value === "number" ? formatDecimal(value) : value;
    case "date":
      return typeof value === "string" ? formatDate(value) : String(value);
    case "month":
      return typeof value === "string" ? formatMonth(value) : String(value);
    default:
      return String(value);
  }
}

/** Whether a column's cells are right-aligned figures. */
export const isNumericKind = (kind: ColumnKind) => kind === "money" || kind === "wte" || kind === "number";

const col = <Row,>() => <Id extends string>(id: Id, header: string, kind: ColumnKind, accessor: (row: Row) => string | number | null | undefined, description?: string): ColumnSpec<Row, Id> => ({
  id,
  header,
  kind,
  accessor,
  ...(description ? { description } : {}),
});

const post = col<ScenarioPostInput>();

/**
 * A post's inputs, in the posts CSV's column order (the planner's bulk import reads these
 * headers; the posts export writes them, so an export edited in Excel comes back in).
 */
export const POST_INPUT_COLUMNS = [
  post("label", "Label", "text", (p) => p.label),
  post("role", "Role", "text", (p) => p.role),
  post("status", "Status", "text", (p) => p.status, "existing or proposed"),
  post("band", "Band", "text", (p) => (p.band === undefined ? undefined : String(p.band)), "Agenda for Change band (3–8c)"),
  post("point", "Pay point", "number", (p) => p.point as number | undefined, "1 = entry point of the band"),
  post("annualSalary", "Annual salary", "money", (p) => p.annualSalary as number | undefined, "£ full-time, including any HCAS (instead of band and point)"),
  post("wte", "WTE", "wte", (p) => p.wte as number | undefined, "1.0 = 37.5 hours a week"),
  post("area", "Area", "text", (p) => p.area, "national, outer-london, inner-london or fringe"),
  post("start", "Start date", "date", (p) => p.start, "YYYY-MM-DD; blank = the first day of the year"),
  post("end", "End date", "date", (p) => p.end, "YYYY-MM-DD; blank = still in post"),
  post("mhpFunding", "MHP funding", "text", (p) => p.mhpFunding, "50% or 100% (mental health practitioners only)"),
  post("nextPayStep", "Next pay step", "date", (p) => p.nextPayStep, "YYYY-MM-DD: from this date the next point of the band"),
  post(
    "roadmap",
    "Roadmap",
    "text",
    (p) => p.firstContact?.roadmap ?? (p.firstContact?.stage2 === "done" ? "qualified" : undefined),
    "First Contact roles: qualified or in-training; blank = worked out (an existing post that started 18 months or more before the plan is qualified)",
  ),
  // Issue 15: a post's size in sessions or hours instead of WTE; commissioner-approved roles; the 12-month rule.
  post("sessions", "Sessions", "number", (p) => p.sessions as number | undefined, "GP posts: sessions a week instead of WTE (9 sessions = 37.5 hours = 1.0 WTE)"),
  post("hoursPerWeek", "Hours a week", "number", (p) => p.hoursPerWeek as number | undefined, "Instead of WTE (37.5 hours = 1.0 WTE); give one of WTE, sessions or hours"),
  post("roleName", "Approved role name", "text", (p) => p.roleName, "Role commissioner-approved: the role's name as the ICB approved it"),
  post("maxReimbursableAnnual", "ICB maximum", "money", (p) => p.maxReimbursableAnnual as number | undefined, "Role commissioner-approved: the maximum the ICB agreed, £ a year for 1.0 WTE"),
  post("employedInLast12Months", "Employed in last 12 months", "text", (p) => yesNo(p.employedInLast12Months), "Nurses and healthcare support workers: yes if they worked for the PCN or a member practice in the previous 12 months"),
  post("moreSeniorRole", "More senior role", "text", (p) => yesNo(p.moreSeniorRole), "yes if such a nurse or HCSW moves to a more senior role (then still reimbursable)"),
  post("expectedStart", "Expected start", "date", (p) => p.expectedStart, "YYYY-MM-DD, proposed posts: when the post is expected to be filled if recruitment takes longer (the slip line); blank = as planned"),
] as const;

/** A true/false post field in a table or CSV cell: "yes", "no", or blank when not given. */
function yesNo(v: unknown): string | undefined {
  return v === true ? "yes" : v === false ? "no" : undefined;
}

/** A CSV / spreadsheet cell → true/false ("yes", "y", "true", "1" / "no", "n", "false", "0"); other text is kept for the schema to reject. */
export function booleanFromText(text: string): boolean | string | undefined {
  const s = text.trim().toLowerCase();
  if (s === "") return undefined;
  if (["yes", "y", "true", "1"].includes(s)) return true;
  if (["no", "n", "false", "0"].includes(s)) return false;
  return text;
}
export type PostInputColumnId = (typeof POST_INPUT_COLUMNS)[number]["id"];
export const POST_CSV_HEADERS: readonly PostInputColumnId[] = POST_INPUT_COLUMNS.map((c) => c.id);

export type PostResult = EstimateResponse["posts"][number];
const postResult = col<PostResult>();

/** A post's figures for one year (the estimate API's post fields). */
export const POST_RESULT_COLUMNS = [
  postResult("salary", "Salary", "money", (p) => p.salary),
  postResult("employerNi", "Employer NI", "money", (p) => p.employerNi),
  postResult("employerPension", "Employer pension", "money", (p) => p.employerPension),
  postResult("cost", "Cost", "money", (p) => p.cost),
  postResult("cap", "Maximum claimable", "money", (p) => p.cap),
  postResult("claimable", "Claimable", "money", (p) => p.claimable),
  postResult("pcnFunded", "PCN-funded", "money", (p) => p.pcnFunded),
] as const;

export type PlanMonth = EstimateResponse["months"][number];
const planMonth = col<PlanMonth>();

/** The plan month by month. */
export const MONTH_COLUMNS = [
  planMonth("month", "Month", "month", (m) => m.month),
  planMonth("cost", "Cost", "money", (m) => m.cost),
  planMonth("claimable", "Claimable", "money", (m) => m.claimable),
  planMonth("pcnFunded", "PCN-funded", "money", (m) => m.pcnFunded),
  planMonth("cumulativeClaimable", "Claimable so far", "money", (m) => m.cumulativeClaimable),
  planMonth("headroom", "Headroom after claims", "money", (m) => m.headroom),
] as const;

export type SummaryYear = ScenarioSummary["years"][number];
const year = col<SummaryYear>();

/** The multi-year projection, one row per financial year. */
export const YEAR_COLUMNS = [
  year("financialYear", "Financial year", "text", (y) => y.financialYear),
  year("entitlement", "Entitlement", "money", (y) => y.entitlement),
  year("cost", "Cost", "money", (y) => y.cost),
  year("claimable", "Claimable", "money", (y) => y.claimable),
  year("pcnFunded", "PCN-funded", "money", (y) => y.pcnFunded),
  year("headroom", "Headroom", "money", (y) => y.headroom, "Entitlement − claimable; negative = over-committed"),
  year("supervisionCost", "Supervision (unfunded)", "money", (y) => y.supervisionCost, "Supervision time is not reimbursable"),
  year("averageWte", AVERAGE_WTE_LABEL, "wte", (y) => y.averageWte, "WTE × days in post ÷ days in the year, all roles"),
  year("peakFunding", PEAK_FUNDING_LABEL, "money", (y) => y.peakFunding, "The lowest cumulative cash position in the year (from the plan's first month), as a positive amount"),
] as const;

const cash = col<CashFlowMonth>();

/** Cash flow month by month (reimbursement arrives `claimLagMonths` after the month it pays for). */
export const CASH_FLOW_COLUMNS = [
  cash("month", "Month", "month", (m) => m.month),
  cash("paid", "Paid (salaries and on-costs)", "money", (m) => m.paid),
  cash("received", "Reimbursement received", "money", (m) => m.received),
  cash("position", "Cash position", "money", (m) => m.position, "Cumulative received − paid; negative = the PCN is funding it"),
] as const;

const share = col<ShareRow>();

/** Each member practice's share of the PCN-funded and supervision cost. */
export const SHARE_COLUMNS = [
  share("practiceName", "Practice", "text", (r) => r.practiceName),
  share("practiceCode", "Code", "text", (r) => r.practiceCode),
  share("basis", "Population", "number", (r) => r.basis),
  share("pcnFunded", "Share of PCN-funded cost", "money", (r) => r.pcnFunded),
  share("supervision", "Share of supervision cost", "money", (r) => r.supervision),
  share("total", "Total", "money", (r) => r.total),
] as const;

const sup = col<SupervisionPost>();

/** Supervision each post needs in a year. */
export const SUPERVISION_POST_COLUMNS = [
  sup("label", "Post", "text", (p) => p.label),
  sup("supervisorId", "Supervisor", "text", (p) => p.supervisorId),
  sup("hours", "Hours", "number", (p) => p.hours),
  sup("cost", "Cost (unfunded)", "money", (p) => p.cost),
] as const;

/**
 * The year the plan's peak funding falls in (null when there is no peak): its figure is a
 * projection or an estimate when that year's is, and the planner tags it so.
 */
export function peakFundingYear<Y extends { cashFlow: { month: string }[] }>(results: { years: Y[]; summary: { peakFundingMonth: string | null } }): Y | null {
  const month = results.summary.peakFundingMonth;
  if (!month) return null;
  return results.years.find((y) => y.cashFlow.some((m) => m.month === month)) ?? null;
}
