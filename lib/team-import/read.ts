// A spreadsheet (CSV text, or XLSX bytes read with exceljs) → a table of cell texts. Dates typed
// into Excel come back as YYYY-MM-DD, numbers as their plain decimal text, formulas as their
// results. Pure (no I/O: the caller passes the file's content).
import { parse } from "csv-parse/browser/esm/sync";
import ExcelJS from "exceljs";

export interface SheetTable {
  /** Every row of the sheet, every cell as text ("" for empty), trailing empty rows dropped. */
  rows: string[][];
  /** The workbook's sheet names (XLSX); absent for CSV. */
  sheets?: string[];
  /** The sheet read (XLSX). */
  sheet?: string;
}

export type ReadResult = { ok: true; table: SheetTable } | { ok: false; message: string };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function readCsv(text: string): ReadResult {
  try {
    const rows = parse(text, { bom: true, skip_empty_lines: false, trim: true, relax_column_count: true, relax_quotes: true }) as string[][];
    return { ok: true, table: { rows: dropTrailingEmpty(rows) } };
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, message: `The CSV cannot be read${line ? ` (line ${line})` : ""}: ${(e as Error).message}` };
  }
}

const isEmptyRow = (r: string[]) => r.every((c) => c === "");

function dropTrailingEmpty(rows: string[][]): string[][] {
  let n = rows.length;
  while (n > 0 && isEmptyRow(rows[n - 1]!)) n--;
  return rows.slice(0, n);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** One exceljs cell value → text. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("").trim();
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text.trim();
    if ("error" in v) return "";
  }
  return String(v as unknown);
}

/** The first sheet of an XLSX workbook, or the one named `sheetName`. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "The file cannot be read as an Excel workbook (.xlsx). Save it as .xlsx or CSV and try again." };
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheetName ? wb.worksheets.find((w) => w.name.toLowerCase() === sheetName.trim().toLowerCase()) : wb.worksheets[0];
  if (!ws) {
    return {
      ok: false,
      message: sheetName ? `The workbook has no sheet called "${sheetName}". Its sheets are: ${sheets.join(", ")}.` : "The workbook has no sheets.",
    };
  }
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return { ok: true, table: { rows: dropTrailingEmpty(rows), sheets, sheet: ws.name } };
}
