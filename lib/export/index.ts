// Exports of a scenario or a quick estimate: one set of tables (./tables), written as CSV or XLSX.
import { tableToCsv } from "./csv";
import { claimsTable, exportTables, monthlyTable, postInputsTable, slipTable, workforceTable, type ExportSource, type Table } from "./tables";
import { tablesToXlsx } from "./xlsx";

export type { ExportSource } from "./tables";
export { inertText } from "./csv";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";

/** The CSV tables: the long month-by-month layout (default), the posts' inputs, the claims schedule, the workforce by role and month, the recruitment slip. */
export const CSV_TABLES = ["monthly", "posts", "claims", "workforce", "slip"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** A table only a scenario has (the workforce, the recruitment slip), asked of a quick estimate. */
export class ExportTableUnavailable extends Error {
  constructor(readonly table: CsvTable) {
    super(`The ${table} table is part of a saved scenario's export; a quick estimate does not have one. Choose monthly, posts or claims.`);
    this.name = "ExportTableUnavailable";
  }
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** A file name from the user's title: letters, digits and dashes only (no path, no quotes). */
export function fileStem(title: string): string {
  const s = title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s || "arrs-plan";
}

export async function exportFile(src: ExportSource, format: "csv" | "xlsx", table: CsvTable = "monthly"): Promise<ExportFile> {
  const stem = `${fileStem(src.title)}-${src.firstYear.replace("/", "-")}`;
  if (format === "xlsx") {
    const body = await tablesToXlsx(exportTables(src), { title: src.title, createdAt: new Date(src.generatedAt), appVersion: src.appVersion });
    return { fileName: `${stem}.xlsx`, contentType: XLSX_TYPE, body };
  }
  const t: Table | null = table === "posts" ? postInputsTable(src.posts) : table === "claims" ? claimsTable(src) : table === "workforce" ? workforceTable(src) : table === "slip" ? slipTable(src) : monthlyTable(src);
  if (!t) throw new ExportTableUnavailable(table);
  return { fileName: `${stem}-${table}.csv`, contentType: CSV_TYPE, body: tableToCsv(t) };
}
