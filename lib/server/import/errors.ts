// Why a file was rejected, in words a finance lead understands: each issue names the line of the
// file (the header is line 1), the column, the value found and what was expected.

export interface ImportIssue {
  /** Line in the file (1 = header); 0 when the problem is not on one line. */
  line: number;
  message: string;
}

/** Thrown by parsers when a file cannot be imported; nothing has been written. */
export class ImportRejection extends Error {
  constructor(
    message: string,
    readonly issues: ImportIssue[] = [],
  ) {
    super(message);
    this.name = "ImportRejection";
  }
}

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** 1204 → "line 1,204". */
export function formatLine(line: number): string {
  return `line ${whole.format(line)}`;
}

export function formatCount(n: number): string {
  return whole.format(n);
}

/**
 * A cell as quoted in a message: at most 40 characters (whole characters: an emoji is not cut in
 * half), control characters written as \\u001b so that a message never carries NUL or a
 * terminal escape sequence to a screen.
 */
export function showValue(value: string | undefined): string {
  const v = (value ?? "").trim();
  if (v === "") return "blank";
  const chars = Array.from(v.length > 200 ? v.slice(0, 200) : v);
  const cut = chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : chars.join("");
  return `'${cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}'`;
}

/** Most issues shown in a rejection message; the rest are counted. */
export const MAX_ISSUES = 20;

/**
 * Collects row problems while a file is read; `throwIfAny` rejects the file with the first few.
 */
export class IssueCollector {
  readonly issues: ImportIssue[] = [];
  total = 0;

  add(line: number, message: string): void {
    this.total++;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ line, message });
  }

  /** A problem with the cell `column` on `line`: "line 7: AGE is '96', expected …". */
  addCell(line: number, column: string, value: string | undefined, expected: string): void {
    this.add(line, `${formatLine(line)}: ${column} is ${showValue(value)}, ${expected}`);
  }

  get hasIssues(): boolean {
    return this.total > 0;
  }

  throwIfAny(fileLabel = "The file"): void {
    if (!this.total) return;
    const shown = this.issues.slice(0, 5).map((i) => i.message);
    const more = this.total - shown.length;
    const intro = this.total === 1 ? `${fileLabel} was not imported:` : `${fileLabel} was not imported (${formatCount(this.total)} problems):`;
    throw new ImportRejection(`${intro} ${shown.join("; ")}${more > 0 ? `; and ${formatCount(more)} more` : ""}.`, this.issues);
  }
}
