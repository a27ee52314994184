// The comparison of scenarios as files: one table built from the compare module (lib/planner/
// compare.ts), written by the same CSV and XLSX writers as a scenario's export, so every figure in
// the files is the compare JSON's figure. Pure: the time of export is passed in.
import { FIGURE_STATUS_WORDS, FIGURE_STATUSES } from "@/lib/engine/rules/status";
import type { ColumnKind } from "@/lib/planner/columns";
import { AVERAGE_WTE_LABEL, PEAK_FUNDING_DESCRIPTION, PEAK_FUNDING_LABEL, type Comparison, type ComparedRow, type MeasureUnit } from "@/lib/planner/compare";
import type { FigureOut } from "@/lib/planner/types";
import { tableToCsv } from "./csv";
import { CSV_TYPE, fileStem, XLSX_TYPE, type ExportFile } from "./index";
import type { Cell, Column, Table } from "./tables";
import { tablesToXlsx } from "./xlsx";

export interface CompareExportSource {
  pcn: { code: string; name: string; icb?: { code: string; name: string } | null };
  comparison: Comparison;
  /** Every figure each scenario used, per year (the assumptions sheet). */
  figures: { scenarioId: string; financialYear: string; figures: FigureOut[] }[];
  /** ISO timestamp of the export and the app's version. */
  generatedAt: string;
  appVersion: string;
}

const kindOf = (unit: MeasureUnit): ColumnKind => (unit === "money" ? "money" : unit === "wte" ? "wte" : "number");
const text = (header: string): Column => ({ header, kind: "text" });

/** The label that heads a difference column. */
export const differenceHeader = (label: string) => `${label}: difference from baseline`;
/** The "Financial year" cell of the rows over each plan's whole horizon. */
export const WHOLE_PLAN = "All years of the plan";

/**
 * One row per financial year and scenario, then one per scenario over its whole plan; for each
 * measure its value and its difference from the baseline (blank for the baseline itself and
 * where either scenario has no such year).
 */
export function comparisonTable(c: Comparison): Table {
  const measures = c.years[0]?.rows.map((r) => r.measure) ?? [];
  const columns: Column[] = [
    text("Financial year"),
    text("Scenario id"),
    text("Scenario"),
    text("Baseline"),
    text("Figures"),
    ...measures.flatMap((m) => [
      { header: m.label, kind: kindOf(m.unit) },
      { header: differenceHeader(m.label), kind: kindOf(m.unit) },
    ]),
  ];
  const cellsFor = (rows: ComparedRow[], i: number): Cell[] =>
    measures.flatMap((m) => {
      const v = rows.find((r) => r.measure.id === m.id)?.values[i];
      return [v?.value ?? null, v?.difference ?? null];
    });
  const rows: Cell[][] = [];
  for (const y of c.years) {
    c.scenarios.forEach((s, i) => {
      const status = y.status[i];
      if (!status) return; // not in this scenario's horizon
      rows.push([y.financialYear, s.id, s.name, s.baseline ? "yes" : "no", status, ...cellsFor(y.rows, i)]);
    });
  }
  c.scenarios.forEach((s, i) => rows.push([WHOLE_PLAN, s.id, s.name, s.baseline ? "yes" : "no", s.financialYears.join(", "), ...cellsFor(c.horizon, i)]));
  return { name: "Comparison", title: "Scenarios compared: each figure and its difference from the baseline", columns, rows };
}

function summaryTable(src: CompareExportSource): Table {
  const c = src.comparison;
  const base = c.scenarios.find((s) => s.baseline) ?? c.scenarios[0]!;
  return {
    name: "Summary",
    title: "Scenarios compared",
    notes: [
      `Comparison of ${c.scenarios.length} scenarios of ${src.pcn.name} (${src.pcn.code})`,
      ...(src.pcn.icb ? [`ICB: ${src.pcn.icb.name} (${src.pcn.icb.code})`] : []),
      `Baseline: ${base.name}. Every other scenario's figures are also shown as a difference from it (positive = more than the baseline).`,
      `Years: ${c.financialYears.join(", ")}`,
      `${AVERAGE_WTE_LABEL}: WTE × days in post ÷ days in the year (a post from 1 October counts about half). ${PEAK_FUNDING_LABEL}: ${PEAK_FUNDING_DESCRIPTION}; per year, and over the plan the largest of its years'.`,
      `Made ${src.generatedAt} by ARRS Planner ${src.appVersion}. A planning aid, not an official NHS England tool.`,
      "Figures marked estimate or projection are not published figures: see the sheet Assumptions and sources.",
    ],
    columns: [text("Scenario id"), text("Scenario"), text("Baseline"), text("First year"), { header: "Years", kind: "number" }, { header: "Version", kind: "number" }, text("Claim lag (months)"), text(`${PEAK_FUNDING_LABEL}: month`), text("Description")],
    rows: c.scenarios.map((s) => [s.id, s.name, s.baseline ? "yes" : "no", s.firstYear, s.years, s.version, String(s.claimLagMonths), s.peakFundingMonth, s.description]),
  };
}

function headroomTable(c: Comparison): Table {
  return {
    name: "Headroom by year",
    title: "Headroom year by year (entitlement − claimable; negative = over-committed)",
    // "Headroom: <name>" never starts like a formula, whatever the name.
    columns: [text("Financial year"), ...c.scenarios.map((s) => ({ header: `Headroom: ${s.name}`, kind: "money" as const }))],
    rows: c.headroomByYear.map((y) => [y.financialYear, ...y.values]),
  };
}

function assumptionsTable(src: CompareExportSource): Table {
  const names = new Map(src.comparison.scenarios.map((s) => [s.id, s.name]));
  const rows: Cell[][] = [];
  for (const f of src.figures) {
    const seen = new Set<string>();
    for (const fig of f.figures) {
      if (seen.has(fig.id)) continue;
      seen.add(fig.id);
      rows.push([names.get(f.scenarioId) ?? f.scenarioId, f.financialYear, fig.label, fig.value, fig.status, FIGURE_STATUS_WORDS[fig.status].meaning, fig.source, fig.note ?? null]);
    }
  }
  return {
    name: "Assumptions and sources",
    title: `Every figure each scenario used, with its status (${FIGURE_STATUSES.join(" / ")}), what the status means, and its source`,
    columns: [text("Scenario"), text("Financial year"), text("Figure"), { header: "Value", kind: "number" }, text("Status"), text("What the status means"), text("Source"), text("Note")],
    rows,
  };
}

/** The workbook's sheets, in order. */
export function compareTables(src: CompareExportSource): Table[] {
  return [summaryTable(src), comparisonTable(src.comparison), headroomTable(src.comparison), assumptionsTable(src)];
}

export async function compareFile(src: CompareExportSource, format: "csv" | "xlsx"): Promise<ExportFile> {
  const first = src.comparison.financialYears[0] ?? "";
  const stem = `${fileStem(`Compare ${src.pcn.code}`)}-${first.replace("/", "-")}`;
  if (format === "xlsx") {
    const body = await tablesToXlsx(compareTables(src), { title: `Scenarios compared: ${src.pcn.name}`, createdAt: new Date(src.generatedAt), appVersion: src.appVersion });
    return { fileName: `${stem}.xlsx`, contentType: XLSX_TYPE, body };
  }
  return { fileName: `${stem}.csv`, contentType: CSV_TYPE, body: tableToCsv(comparisonTable(src.comparison)) };
}
