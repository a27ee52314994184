// Reading CSV files with csv-parse: UTF-8 BOM, CRLF/LF/CR (mixed too), quoted fields. Rows are
// handed to a callback one by one with their line number in the file (the header is line 1), so a
// 280,000-row file is never held as an array of records.
import { CsvError, parse } from "csv-parse/sync";
import { ImportRejection, IssueCollector, formatCount, formatLine } from "./errors";

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

/** csv-parse's "at line N" counts differently from us (see LineCounter); we give the line ourselves. */
function csvErrorText(e: CsvError): string {
  return e.message.replace(/^[A-Za-z_ ]+:\s*/, "").replace(/,?\s*(at|on) line \d+/g, "");
}

function rejectCsvError(e: unknown, line: number): never {
  if (e instanceof CsvError) {
    throw new ImportRejection(`${formatLine(line)}: the file is not valid CSV (${csvErrorText(e)})`, [{ line, message: "not valid CSV" }]);
  }
  throw e;
}

// Every line ending is a record end, whichever the file mixes: left to itself csv-parse takes the
// first line's ending for the whole file, so a later lone "\n" or "\r" joined two rows into one.
const PARSE_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n", "\r"] };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Line numbers as a person counts them in an editor: "\r\n", "\n" and a lone "\r" each end one
 * line, blank lines count, and a record is reported on its first line (a quoted field may span
 * several). csv-parse's own count reports a record's last line and counts "\r\n" inside quotes
 * twice, so we count from the byte offsets it gives (info.bytes: just past each record's end).
 */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly buf: Buffer) {}

  /** The first line of the record that ends at byte `end`; moves past it. */
  recordEndingAt(end: number): number {
    const { buf } = this;
    let i = this.pos;
    let line = this.line;
    // Skipped blank lines before the record.
    while (i < end && (buf[i] === LF || buf[i] === CR)) {
      i += buf[i] === CR && buf[i + 1] === LF ? 2 : 1;
      line++;
    }
    const first = line;
    // Line ends inside the record (quoted fields) and the one that ends it.
    for (; i < end; i++) {
      const b = buf[i];
      if (b === LF) line++;
      else if (b === CR) {
        line++;
        if (buf[i + 1] === LF) i++;
      }
    }
    this.pos = i;
    this.line = line;
    return first;
  }

  /** The first line of the record after the last one counted (for a CSV syntax error in it). */
  nextRecordLine(): number {
    const { buf } = this;
    let i = this.pos;
    let line = this.line;
    while (i < buf.length && (buf[i] === LF || buf[i] === CR)) {
      i += buf[i] === CR && buf[i + 1] === LF ? 2 : 1;
      line++;
    }
    return line;
  }
}

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
 * rows whose cells are all empty are skipped). A row with more or fewer cells than the header is
 * a problem on its line (added to `issues`, or rejecting the file at the end if none is given),
 * never passed on. Throws ImportRejection for malformed CSV.
 */
export function readCsv(content: Buffer | string, onRow: RowHandler, issues?: IssueCollector): { header: CsvHeader; dataRows: number } {
  const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const lines = new LineCounter(buf);
  const problems = issues ?? new IssueCollector();
  let header: CsvHeader | null = null;
  let dataRows = 0;
  try {
    parse(buf, {
      ...PARSE_OPTIONS,
      on_record: (record: string[], ctx) => {
        const line = lines.recordEndingAt(ctx.bytes);
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
        if (record.length !== header.length) {
          problems.add(line, `${formatLine(line)}: ${formatCount(record.length)} value${record.length === 1 ? "" : "s"}, but the header has ${formatCount(header.length)} columns`);
          return null;
        }
        onRow(record, line);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof ImportRejection) throw e;
    rejectCsvError(e, lines.nextRecordLine());
  }
  if (header === null) throw new ImportRejection("The file is empty: it has no header row and no data.", [{ line: 1, message: "empty file" }]);
  if (!issues) problems.throwIfAny();
  return { header, dataRows };
}
