// Reading CSV files with csv-parse: UTF-8 BOM, CRLF/LF, quoted fields. Rows are handed to a
// callback one by one with their line number in the file (the header is line 1), so a 280,000-row
// file is never held as an array of records.
import { CsvError, parse } from "csv-parse/sync";
import { ImportRejection, formatLine } from "./errors";

export type RowHandler = (cells: string[], line: number) => void;

/** Header as written (BOM and surrounding whitespace removed). */
export type CsvHeader = string[];

/** Lower-case, single spaces, underscores as spaces: "  PRACTICE_CODE " → "practice code". */
export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s_]+/g, " ");
}

function toText(content: Buffer | string): string {
  return typeof content === "string" ? content : content.toString("utf8");
}

function rejectCsvError(e: unknown): never {
  if (e instanceof CsvError) {
    const line = (e as CsvError & { lines?: number }).lines ?? 0;
    throw new ImportRejection(`${formatLine(line)}: the file is not valid CSV (${e.message.replace(/^[A-Za-z_]+:\s*/, "")})`, [
      { line, message: "not valid CSV" },
    ]);
  }
  throw e;
}

const PARSE_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true } as const;

/** The first row of the file (trimmed cells) or null when the file has no rows. */
export function readCsvHeader(content: Buffer | string): CsvHeader | null {
  const text = toText(content);
  // The header is within the first few KB; avoid parsing the whole file.
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  try {
    const rows = parse(head, { ...PARSE_OPTIONS, to_line: 1, relax_quotes: true }) as string[][];
    const first = rows[0];
    if (!first || first.every((c) => c.trim() === "")) return null;
    return first.map((c) => c.replace(/^\uFEFF/, "").trim());
  } catch {
    return null;
  }
}

/**
 * Parses the whole file: returns the header and calls `onRow` for every data row (blank rows and
 * rows whose cells are all empty are skipped). Throws ImportRejection for malformed CSV.
 */
export function readCsv(content: Buffer | string, onRow: RowHandler): { header: CsvHeader; dataRows: number } {
  let header: CsvHeader | null = null;
  let dataRows = 0;
  try {
    parse(toText(content), {
      ...PARSE_OPTIONS,
      on_record: (record: string[], ctx) => {
        if (header === null) {
          header = record.map((c) => c.replace(/^\uFEFF/, "").trim());
          return null;
        }
        // Rows like ",,,,," (spreadsheet leftovers) carry nothing.
        let empty = true;
        for (const c of record) {
          if (c.trim() !== "") {
            empty = false;
            break;
          }
        }
        if (empty) return null;
        dataRows++;
        onRow(record, ctx.lines);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof ImportRejection) throw e;
    rejectCsvError(e);
  }
  if (header === null) throw new ImportRejection("The file is empty: it has no header row and no data.", [{ line: 1, message: "empty file" }]);
  return { header, dataRows };
}
