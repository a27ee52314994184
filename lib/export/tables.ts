// The export's tables, built once from the results JSON and written by both the CSV and the XLSX
// writers, so every figure in every file is the API's figure (pounds, at most 2 decimals).
// Pure: no file format here, no clock (the time of export is passed in).
import { reimbursementMonth } from "@/lib/engine/cash-flow";
import { FIGURE_STATUS_WORDS, FIGURE_STATUSES } from "@/lib/engine/rules/status";
import { markedFigures } from "./marked-figures";
import { PLANNER_DEFAULTS } from "@/lib/planner/compute";
import { AVERAGE_WTE_LABEL, CASH_FLOW_COLUMNS, PEAK_FUNDING_DESCRIPTION, PEAK_FUNDING_LABEL, POST_INPUT_COLUMNS, SHARE_COLUMNS, YEAR_COLUMNS, type ColumnKind } from "@/lib/planner/columns";
import type { EstimateResponse } from "@/lib/estimate-response";
import type { ScenarioPostInput, Supervisor } from "@/lib/schemas/scenario";
import type { ScenarioSummary, SlipSummary, YearResult } from "@/lib/planner/types";

export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: ColumnKind | "boolean";
  /** A total row sums this column (money). */
  total?: boolean;
}

export interface Table {
  /** Sheet name (XLSX) and CSV file suffix. */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Optional lines of notes above the table (the Summary sheet). */
  notes?: string[];
}

/** What an export is made from: a scenario's stored inputs and results, or one quick estimate. */
export interface ExportSource {
  kind: "scenario" | "estimate";
  title: string;
  description?: string | null;
  pcn?: { code: string; name: string; icb?: { code: string; name: string } | null } | null;
  firstYear: string;
  years: number;
  posts: (ScenarioPostInput & { id?: string })[];
  supervisors?: Supervisor[];
  /** Each year: the estimate response; for scenarios also projection, cash flow, supervision, shares. */
  results: (EstimateResponse & Partial<Pick<YearResult, "projection" | "projections" | "cashFlow" | "peakFunding" | "averageWte" | "workforce" | "slip" | "supervision" | "practiceShares">>)[];
  summary?: ScenarioSummary;
  /** A scenario's recruitment slip over the plan (issue 16, item 5). */
  slip?: SlipSummary;
  /** ISO timestamp of the export (passed in) and the app's version. */
  generatedAt: string;
  appVersion: string;
  version?: number;
}

const money = (header: string, total = true): Column => ({ header, kind: "money", total });
const text = (header: string): Column => ({ header, kind: "text" });

/** Every cell in pounds stays a number; statuses are words. */
function statusOf(r: ExportSource["results"][number]): string {
  if (r.projection) return "projection";
  return r.isEstimate ? "estimate" : "published";
}

/** ", 80% interval 29000 to 33500 (how it was found)" for an estimated weighted population. */
function intervalNote(r: ExportSource["results"][number] | undefined): string {
  const iv = r?.weightedPopulation.interval;
  if (!iv) return "";
  return `, 80% interval ${iv.low} to ${iv.high}${r.weightedPopulation.intervalBasis ? ` (${r.weightedPopulation.intervalBasis})` : ""}`;
}

/** The entitlement's 80% interval by year when the weighted population is an estimate. */
function entitlementIntervalNote(src: ExportSource): string[] {
  const parts = src.results.filter((r) => r.entitlementInterval).map((r) => `${r.financialYear} £${r.entitlementInterval!.low.toFixed(2)} to £${r.entitlementInterval!.high.toFixed(2)}`);
  return parts.length ? [`Entitlement if the weighted population is at the ends of its 80% interval: ${parts.join("; ")}`] : [];
}

function summaryTable(src: ExportSource): Table {
  const notes: string[] = [
    src.kind === "scenario" ? `Scenario: ${src.title}` : src.title,
    ...(src.description ? [`Description: ${src.description}`] : []),
    ...(src.pcn ? [`PCN: ${src.pcn.name} (${src.pcn.code})`] : ["PCN: a weighted population entered by hand"]),
    ...(src.pcn?.icb ? [`ICB: ${src.pcn.icb.name} (${src.pcn.icb.code})`] : []),
    `Years: ${src.results.map((r) => r.financialYear).join(", ")}`,
    `Weighted population (${src.results[0]?.weightedPopulation.provenance ?? "given"}): ${src.results[0]?.weightedPopulation.value ?? ""}${intervalNote(src.results[0])}`,
    ...entitlementIntervalNote(src),
    ...src.results.flatMap((r) =>
      r.totals.alreadyCommitted !== undefined
        ? [`${r.financialYear} headroom is after £${r.totals.alreadyCommitted.toFixed(2)} already committed this year (entered): £${(r.totals.headroomBeforeCommitted ?? 0).toFixed(2)} from these posts − £${r.totals.alreadyCommitted.toFixed(2)} = £${r.totals.headroom.toFixed(2)}`]
        : [],
    ),
    ...(src.summary
      ? [
          `${PEAK_FUNDING_LABEL} over the plan: £${src.summary.peakFunding.toFixed(2)}${src.summary.peakFundingMonth ? ` (${src.summary.peakFundingMonth})` : ""}; claim lag ${src.summary.claimLagMonths} months. ${PEAK_FUNDING_DESCRIPTION}; each year's row gives that year's.`,
          ...(src.summary.receivedForMonthsBeforePlan > 0 && src.summary.monthsBeforePlanRules
            ? [
                `Staff already in post: £${src.summary.receivedForMonthsBeforePlan.toFixed(2)} claimed for ${src.summary.monthsBeforePlan.join(", ")} arrives in the plan's first months (${src.summary.monthsBeforePlanRules.estimate ? "an estimate with" : "with"} the ${src.summary.monthsBeforePlanRules.financialYear} rules).`,
              ]
            : []),
        ]
      : []),
    ...(src.slip && src.slip.postsDelayed > 0
      ? [
          `Recruitment slip (an estimate, ${src.slip.label}; the figures above stay as planned): £${src.slip.cost.toFixed(2)} of cost not spent, £${src.slip.claimable.toFixed(2)} not claimed, £${src.slip.headroomFreed.toFixed(2)} of headroom freed over the plan; see the sheet Recruitment slip.`,
        ]
      : []),
    `Made ${src.generatedAt} by ARRS Planner ${src.appVersion}${src.version ? ` from scenario version ${src.version}` : ""}. A planning aid, not an official NHS England tool.`,
    "Figures marked estimate or projection are not published figures: see the sheet Assumptions and sources.",
  ];
  return {
    name: "Summary",
    title: "Summary by year",
    notes,
    columns: [
      text("Financial year"),
      text("Figures"),
      money("Entitlement"),
      money("Cost"),
      money("Claimable"),
      money("PCN-funded"),
      money("Headroom"),
      money("Supervision (unfunded)"),
      // A scenario's cash flow and average WTE in post (a quick estimate has neither).
      ...(src.summary ? [{ header: PEAK_FUNDING_LABEL, kind: "money" as const }, { header: AVERAGE_WTE_LABEL, kind: "wte" as const }] : []),
      text("Estimates and projections used"),
    ],
    rows: src.results.map((r) => {
      // Each figure once, with its own status: a derived pay point is not an "estimate", nor an assumed pension rate.
      const marked = markedFigures(r);
      return [
        r.financialYear,
        statusOf(r),
        r.entitlement,
        r.totals.cost,
        r.totals.claimable,
        r.totals.pcnFunded,
        r.totals.headroom,
        r.supervision?.cost ?? null,
        ...(src.summary ? [r.peakFunding ?? null, r.averageWte?.total ?? null] : []),
        marked.length ? `${marked.length}: ${marked.slice(0, 12).join("; ")}${marked.length > 12 ? "; …" : ""}` : "none",
      ];
    }),
  };
}

function inputOf(p: ExportSource["posts"][number], key: (typeof POST_INPUT_COLUMNS)[number]): Cell {
  const v = key.accessor(p);
  return v === undefined ? null : v;
}

/** The posts' inputs in the bulk-import layout, then each year's figures. */
function postsTable(src: ExportSource): Table {
  const rows: Cell[][] = [];
  for (const r of src.results) {
    r.posts.forEach((res, i) => {
      const input = src.posts[i] ?? src.posts.find((p) => p.id === res.id);
      rows.push([
        r.financialYear,
        statusOf(r),
        res.id,
        ...POST_INPUT_COLUMNS.map((c) => (input ? inputOf(input, c) : null)),
        res.roleName,
        res.annualSalary,
        res.hcas,
        res.salary,
        res.employerNi,
        res.employerPension,
        res.cost,
        res.cap,
        res.claimable,
        res.pcnFunded,
        res.warnings.join(" "),
      ]);
    });
  }
  return {
    name: "Posts",
    title: "Posts: inputs and annual figures by year",
    columns: [
      text("Financial year"),
      text("Figures"),
      text("Post id"),
      ...POST_INPUT_COLUMNS.map((c) => ({ header: c.header, kind: c.kind })),
      text("Role name"),
      money("Full-time salary used", false),
      money("of which HCAS", false),
      money("Salary"),
      money("Employer NI"),
      money("Employer pension"),
      money("Cost"),
      money("Maximum claimable"),
      money("Claimable"),
      money("PCN-funded"),
      text("Warnings"),
    ],
    rows,
  };
}

function labelOf(src: ExportSource, postId: string): string {
  return src.posts.find((p) => p.id === postId)?.label || postId;
}

/** One row per post per month, then the plan's total for each month. */
function monthlyTable(src: ExportSource): Table {
  const rows: Cell[][] = [];
  for (const r of src.results) {
    for (const p of r.posts) {
      for (const m of p.months) {
        rows.push([r.financialYear, m.month, "post", p.id, labelOf(src, p.id), p.role, p.wte, m.daysInPost, m.salary, m.employerNi, m.employerPension, m.cost, m.cap, m.claimable, m.pcnFunded]);
      }
    }
    for (const m of r.months) {
      rows.push([r.financialYear, m.month, "plan total", null, "All posts", null, null, null, null, null, null, m.cost, null, m.claimable, m.pcnFunded]);
    }
  }
  return {
    name: "Monthly",
    title: "Month by month: each post, then the plan's totals",
    columns: [
      text("Financial year"),
      { header: "Month", kind: "month" },
      text("Row"),
      text("Post id"),
      text("Label"),
      text("Role"),
      { header: "WTE", kind: "wte" },
      { header: "Days in post", kind: "number" },
      money("Salary", false),
      money("Employer NI", false),
      money("Employer pension", false),
      money("Cost", false),
      money("Maximum claimable", false),
      money("Claimable", false),
      money("PCN-funded", false),
    ],
    rows,
  };
}

/** The claim lag of the export: the scenario's (its cash flow's), else the planner's default. */
const claimLagOf = (src: ExportSource) => src.summary?.claimLagMonths ?? PLANNER_DEFAULTS.claimLagMonths;

/**
 * The monthly ARRS claim, per employee and month, to check line by line against payroll, and the
 * month its reimbursement is expected: the claim lag the cash flow uses, through the same
 * reimbursementMonth() (lib/engine/cash-flow.ts), so the schedule and the cash flow agree.
 */
function claimsTable(src: ExportSource): Table {
  const lag = claimLagOf(src);
  const rows: Cell[][] = [];
  for (const r of src.results) {
    for (const p of r.posts) {
      const input = src.posts.find((q) => q.id === p.id);
      for (const m of p.months) {
        if (m.daysInPost === 0) continue;
        rows.push([
          r.financialYear,
          m.month,
          p.id,
          labelOf(src, p.id),
          p.roleName,
          p.wte,
          Math.round(37.5 * p.wte * 100) / 100,
          input?.start ?? null,
          input?.end ?? null,
          m.daysInPost,
          m.salary,
          m.employerNi,
          m.employerPension,
          m.cost,
          m.cap,
          m.claimable,
          reimbursementMonth(m.month, lag),
        ]);
      }
    }
  }
  return {
    name: "Claims schedule",
    title: `Claims schedule: the amount to claim per employee and month, and the month its reimbursement is expected (${lag} months later, the claim lag; an estimate)`,
    columns: [
      text("Financial year"),
      { header: "Month", kind: "month" },
      text("Post id"),
      text("Employee / post"),
      text("Role"),
      { header: "WTE", kind: "wte" },
      { header: "Hours a week", kind: "number" },
      { header: "Start date", kind: "date" },
      { header: "Leaving date", kind: "date" },
      { header: "Days in post", kind: "number" },
      money("Salary"),
      money("Employer NI"),
      money("Employer pension"),
      money("Total cost"),
      money("Maximum reimbursable"),
      money("Amount to claim"),
      { header: "Expected payment month", kind: "month" },
    ],
    rows,
  };
}

function practicesTable(src: ExportSource): Table | null {
  if (!src.results.some((r) => r.practiceShares)) return null;
  const rows: Cell[][] = [];
  for (const r of src.results) {
    for (const row of r.practiceShares?.rows ?? []) rows.push([r.financialYear, r.practiceShares!.basis, ...SHARE_COLUMNS.map((c) => c.accessor(row) ?? null)]);
  }
  return {
    name: "Practices",
    title: "Each member practice's share of the PCN-funded and supervision cost (largest remainder: the shares add up to the penny)",
    columns: [text("Financial year"), text("Shared by"), ...SHARE_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, total: c.kind === "money" }))],
    rows,
  };
}

function cashFlowTable(src: ExportSource): Table | null {
  if (!src.results.some((r) => r.cashFlow)) return null;
  const rows: Cell[][] = [];
  for (const r of src.results) for (const m of r.cashFlow ?? []) rows.push([r.financialYear, ...CASH_FLOW_COLUMNS.map((c) => c.accessor(m) ?? null)]);
  return {
    name: "Cash flow",
    title: `Cash flow: reimbursement arrives ${claimLagOf(src)} months after the month it pays for`,
    columns: [text("Financial year"), ...CASH_FLOW_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, total: c.id === "paid" || c.id === "received" }))],
    rows,
  };
}

function projectionTable(src: ExportSource): Table | null {
  if (!src.summary) return null;
  return {
    name: "Projection",
    title: "Year by year: entitlement against cost (projected years use projected rules)",
    columns: [
      text("Financial year"),
      text("Figures"),
      ...YEAR_COLUMNS.slice(1).map((c) => ({ header: c.header, kind: c.kind, total: c.kind === "money" && c.id !== "peakFunding" })),
    ],
    rows: src.summary.years.map((y) => [y.financialYear, y.projection ? "projection" : "rule tables", ...YEAR_COLUMNS.slice(1).map((c) => c.accessor(y) ?? null)]),
  };
}

/** WTE and headcount by role, month by month, then each role's average WTE in post for the year. */
function workforceTable(src: ExportSource): Table | null {
  if (!src.results.some((r) => r.workforce)) return null;
  const rows: Cell[][] = [];
  for (const r of src.results) {
    const w = r.workforce;
    if (!w) continue;
    for (const m of w.months) for (const [role, x] of Object.entries(m.roles)) rows.push([r.financialYear, statusOf(r), "month", m.month, role, w.roleNames[role] ?? role, x.wte, x.headcount]);
    for (const [role, avg] of Object.entries(w.averageWte)) rows.push([r.financialYear, statusOf(r), "year average", null, role, w.roleNames[role] ?? role, avg, null]);
  }
  return {
    name: "Workforce",
    title: `Workforce by role, month by month: WTE weighted by the days in post in the month, headcount on the month's last day; each year's ${AVERAGE_WTE_LABEL.toLowerCase()} (WTE × days in post ÷ days in the year)`,
    columns: [text("Financial year"), text("Figures"), text("Row"), { header: "Month", kind: "month" }, text("Role"), text("Role name"), { header: "WTE", kind: "wte" }, { header: "Headcount (last day of the month)", kind: "number" }],
    rows,
  };
}

/** The money that slips if proposed posts start when expected rather than as planned (an estimate). */
function slipTable(src: ExportSource): Table | null {
  if (!src.slip || !src.results.some((r) => r.slip)) return null;
  return {
    name: "Recruitment slip",
    title: `Recruitment slip (an estimate): ${src.slip.label}. The plan's figures stay as planned; these are the planned figures minus the same posts priced from their expected start`,
    columns: [text("Financial year"), text("Figures"), { header: "Posts starting later", kind: "number" }, money("Cost not spent"), money("Claimable not claimed"), money("PCN-funded not spent"), money("Headroom freed")],
    rows: src.results.map((r) => [r.financialYear, "estimate", r.slip?.postsDelayed ?? 0, r.slip?.cost ?? 0, r.slip?.claimable ?? 0, r.slip?.pcnFunded ?? 0, r.slip?.headroomFreed ?? 0]),
  };
}

function supervisionTable(src: ExportSource): Table | null {
  if (!src.results.some((r) => r.supervision)) return null;
  const names = new Map((src.supervisors ?? []).map((s) => [s.id, s.name]));
  const rows: Cell[][] = [];
  for (const r of src.results) {
    for (const p of r.supervision?.posts ?? []) {
      rows.push([r.financialYear, p.postId, p.label, p.supervisorId ? (names.get(p.supervisorId) ?? p.supervisorId) : null, p.months.filter((m) => m.kind === "roadmap").length, p.hours, p.cost]);
    }
  }
  return {
    name: "Supervision",
    title: "Supervision each post needs (not reimbursable: an unfunded cost of the plan)",
    columns: [text("Financial year"), text("Post id"), text("Post"), text("Supervisor"), { header: "Months in roadmap training", kind: "number" }, { header: "Hours", kind: "number" }, money("Cost (unfunded)")],
    rows,
  };
}

/** Every figure used: value, status, source, note — per year. */
function assumptionsTable(src: ExportSource): Table {
  const rows: Cell[][] = [];
  for (const r of src.results) {
    const seen = new Set<string>();
    for (const f of [...r.figures, ...r.estimates, ...(r.projections ?? [])]) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      rows.push([r.financialYear, f.label, f.value, f.status, FIGURE_STATUS_WORDS[f.status].meaning, f.source, f.note ?? null]);
    }
  }
  return {
    name: "Assumptions and sources",
    title: `Every figure used, with its status (${FIGURE_STATUSES.join(" / ")}), what the status means, and its source`,
    columns: [text("Financial year"), text("Figure"), { header: "Value", kind: "number" }, text("Status"), text("What the status means"), text("Source"), text("Note")],
    rows,
  };
}

/** The workbook's sheets, in order. */
export function exportTables(src: ExportSource): Table[] {
  return [
    summaryTable(src),
    postsTable(src),
    practicesTable(src),
    monthlyTable(src),
    cashFlowTable(src),
    projectionTable(src),
    workforceTable(src),
    slipTable(src),
    supervisionTable(src),
    claimsTable(src),
    assumptionsTable(src),
  ].filter((t): t is Table => t !== null);
}

export { claimsTable, monthlyTable, slipTable, workforceTable };

/** The posts' inputs alone, in the bulk-import layout (an edited export imports back). */
export function postInputsTable(posts: ExportSource["posts"]): Table {
  return {
    name: "Posts",
    title: "Posts",
    columns: POST_INPUT_COLUMNS.map((c) => ({ header: c.id, kind: c.kind })),
    rows: posts.map((p) => POST_INPUT_COLUMNS.map((c) => inputOf(p, c))),
  };
}
