// The outturn (plan against actual) as files: tables built from the outturn JSON (lib/claims/
// outturn.ts → lib/server/claims/outturn.ts), written by the same CSV and XLSX writers as every
// export, so every figure in the files is the API's figure. Pure: the time of export is passed in.
import type { OutturnJson } from "@/lib/claims/outturn";
import { tableToCsv } from "./csv";
import { CSV_TYPE, fileStem, XLSX_TYPE, type ExportFile } from "./index";
import type { Column, Table } from "./tables";
import { tablesToXlsx } from "./xlsx";

export const money = (header: string, total = true): Column => ({ header, kind: "money", total });
export const text = (header: string): Column => ({ header, kind: "text" });

export interface OutturnExportSource {
  pcn: { code: string; name: string };
  outturn: OutturnJson;
  generatedAt: string;
  appVersion: string;
}

export const OUTTURN_CSV_TABLES = ["months", "posts", "unpaid", "summary"] as const;
export type OutturnCsvTable = (typeof OUTTURN_CSV_TABLES)[number];

function summaryTable(src: OutturnExportSource): Table {
  const o = src.outturn;
  const plan = o.agreedScenario ? `${o.agreedScenario.name} (version ${o.agreedScenario.version})` : "No agreed plan";
  const plannedYear = o.months.reduce((t, m) => t + Math.round(m.planned * 100), 0) / 100;
  return {
    name: "Summary",
    title: `Plan against actual ${o.financialYear}: ${src.pcn.name}`,
    notes: [
      `${src.pcn.name} (${src.pcn.code}), ${o.financialYear}. Agreed plan: ${plan}.`,
      `Exported ${src.generatedAt} by ARRS Planner ${src.appVersion}. Today: ${o.today}.`,
      `To date: ${o.toDate.basis}.`,
      `Forecast (an estimate): ${o.forecast.basis}.`,
      ...(o.entitlementBasis ? [`Entitlement: ${o.entitlementBasis}`] : []),
      ...o.warnings.map((w) => `Warning: ${w}`),
    ],
    columns: [text("Figure"), money("Amount", false), text("Status")],
    rows: [
      ["Entitlement", o.entitlement, o.estimates.some((e) => e.startsWith("The entitlement")) ? "estimate" : "published"],
      ["Planned claimable, whole year (agreed plan)", plannedYear, "plan"],
      ["Planned to date", o.toDate.planned, "plan"],
      ["Claimed to date", o.toDate.claimed, "actual"],
      ["Approved to date", o.toDate.approved, "actual"],
      ["Paid to date", o.toDate.paid, "actual"],
      ["Forecast claims for the year", o.forecast.claims, "estimate"],
      ["Forecast unclaimed entitlement", o.forecast.unclaimed, "estimate"],
      ["Forecast over-claim", o.forecast.overClaim, "estimate"],
    ],
  };
}

function monthsTable(o: OutturnJson): Table {
  return {
    name: "Months",
    title: `Plan against actual by month, ${o.financialYear}`,
    columns: [
      { header: "Month", kind: "month" },
      money("Planned"),
      money("Claimed"),
      money("Approved"),
      money("Paid"),
      money("Variance (claimed − planned)"),
      text("Has claims"),
      text("To date"),
      money("Cumulative planned", false),
      money("Cumulative claimed", false),
      money("Cumulative forecast (estimate)", false),
    ],
    rows: o.months.map((m) => [m.month, m.planned, m.claimed, m.approved, m.paid, m.variance, m.hasClaims ? "yes" : "no", m.toDate ? "yes" : "no", m.cumulativePlanned, m.cumulativeClaimed, m.cumulativeForecast]),
  };
}

function postsTable(o: OutturnJson): Table {
  return {
    name: "Posts",
    title: `Plan against actual by post, ${o.financialYear} (${o.postsBasis})`,
    columns: [text("Post id"), text("Post"), text("Role"), text("In the agreed plan"), money("Planned (year)"), money("Planned to date"), money("Claimed to date"), money("Variance to date")],
    rows: o.posts.map((p) => [p.postId, p.label, p.role, p.inPlan ? "yes" : "no", p.planned, p.plannedToDate, p.claimed, p.variance]),
  };
}

function unpaidTable(o: OutturnJson): Table {
  return {
    name: "Not yet paid",
    title: `Months whose claims are not yet paid (${o.unpaidBasis})`,
    columns: [{ header: "Month", kind: "month" }, money("Claimed"), money("Paid"), money("Outstanding"), { header: "Days waiting", kind: "number" }],
    rows: o.unpaid.map((u) => [u.month, u.claimed, u.paid, u.outstanding, u.daysWaiting]),
  };
}

export function outturnTables(src: OutturnExportSource): Table[] {
  return [summaryTable(src), monthsTable(src.outturn), postsTable(src.outturn), unpaidTable(src.outturn)];
}

/** Writes a list of tables as XLSX, or one of them as CSV. */
export async function tablesFile(stem: string, title: string, tables: Table[], csvTable: Table, format: "csv" | "xlsx", meta: { generatedAt: string; appVersion: string }): Promise<ExportFile> {
  const safe = fileStem(stem);
  if (format === "xlsx") {
    const body = await tablesToXlsx(tables, { title, createdAt: new Date(meta.generatedAt), appVersion: meta.appVersion });
    return { fileName: `${safe}.xlsx`, contentType: XLSX_TYPE, body };
  }
  return { fileName: `${safe}.csv`, contentType: CSV_TYPE, body: tableToCsv(csvTable) };
}

export async function outturnFile(src: OutturnExportSource, format: "csv" | "xlsx", table: OutturnCsvTable = "months"): Promise<ExportFile> {
  const tables = outturnTables(src);
  const pick = { summary: tables[0]!, months: tables[1]!, posts: tables[2]!, unpaid: tables[3]! }[table];
  const stem = `Outturn ${src.pcn.code} ${src.outturn.financialYear.replace("/", "-")}${format === "csv" ? ` ${table}` : ""}`;
  return tablesFile(stem, `Plan against actual ${src.outturn.financialYear}: ${src.pcn.name}`, tables, pick, format, src);
}
