// Claims from a spreadsheet (issue 17, item 2): the rows of a CSV or XLSX sheet → claim lines,
// each checked with the claims contract (ClaimLineSchema) exactly as typed lines are. Understood:
// the app's own claims-schedule export (lib/export/tables.ts claimsTable: "Month", "Post id",
// "Employee / post", "Role", "WTE", "Salary", "Employer NI", "Employer pension", "Amount to claim";
// its other columns are ignored) and the usual payroll names (as in the team import). Every problem
// is an issue whose path names the data row and field (`rows.5.claimed` = the fifth row under the
// header, as in the team import), and whose message gives the sheet's own row number too. Pure: the reading of the file is lib/team-import/read.ts.
import { ClaimLineSchema, MAX_CLAIM_LINES, monthLabel, type ClaimLineParsed } from "@/lib/schemas/claims";
import { normaliseWords, recogniseRole, KNOWN_COLUMNS as TEAM_COLUMNS } from "@/lib/team-import/columns";
import { hoursToWteTenThousandths, parseDate, parseMoneyPence, parseWteTenThousandths } from "@/lib/team-import/values";
import type { FieldIssue } from "@/lib/server/errors";

export const CLAIM_IMPORT_FIELDS = ["month", "postId", "label", "role", "wte", "hoursPerWeek", "salary", "employerNi", "employerPension", "claimed", "status", "paidOn", "note"] as const;
export type ClaimImportField = (typeof CLAIM_IMPORT_FIELDS)[number];

export const CLAIM_FIELD_LABELS: Record<ClaimImportField, string> = {
  month: "Month",
  postId: "Post id",
  label: "Employee / post",
  role: "Role",
  wte: "WTE",
  hoursPerWeek: "Hours a week",
  salary: "Salary",
  employerNi: "Employer NI",
  employerPension: "Employer pension",
  claimed: "Amount claimed",
  status: "Status",
  paidOn: "Paid on",
  note: "Note",
};

/** Usual column names per field (normalised, lib/team-import/columns.ts normaliseWords). */
export const CLAIM_COLUMNS: Record<ClaimImportField, readonly string[]> = {
  month: ["month", "claim month", "period", "pay period", "payroll month", "month claimed for"],
  postId: ["post id", "postid", "post ref", "post reference"],
  label: [...TEAM_COLUMNS.label.filter((n) => n !== "post"), "employee post", "post"],
  role: TEAM_COLUMNS.role,
  wte: TEAM_COLUMNS.wte,
  hoursPerWeek: TEAM_COLUMNS.hoursPerWeek,
  salary: ["salary", "monthly salary", "salary paid", "basic pay", "gross pay", "gross salary", "pay"],
  employerNi: ["employer ni", "employers ni", "er ni", "ni", "employer national insurance", "employers national insurance"],
  employerPension: ["employer pension", "employers pension", "er pension", "pension", "employer superannuation", "employers superannuation", "er super"],
  claimed: ["claimed", "amount claimed", "amount to claim", "claim", "claim amount", "claimed amount", "reimbursement claimed"],
  status: ["status", "claim status"],
  paidOn: ["paid on", "date paid", "payment date", "paid date", "paid"],
  note: ["note", "notes", "comment", "comments"],
};

const INDEX = new Map<string, ClaimImportField>(CLAIM_IMPORT_FIELDS.flatMap((f) => CLAIM_COLUMNS[f].map((n) => [n, f] as const)));

export function recogniseClaimColumn(header: string): ClaimImportField | null {
  return INDEX.get(normaliseWords(header)) ?? null;
}

const STATUS_WORDS: Record<string, ClaimLineParsed["status"]> = {
  draft: "draft",
  "not sent": "draft",
  submitted: "submitted",
  sent: "submitted",
  claimed: "submitted",
  approved: "approved",
  agreed: "approved",
  paid: "paid",
  received: "paid",
  rejected: "rejected",
  declined: "rejected",
  refused: "rejected",
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-05", "2026-05-01", "May 2026", "May-26", "05/2026", "01/05/2026" → "2026-05"; null otherwise. */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : null;
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad(Number(m[1]))}` : null;
  m = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const i = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return i >= 0 ? `${m[2]!.length === 2 ? 2000 + Number(m[2]) : m[2]}-${pad(i + 1)}` : null;
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(s) || /^\d{5}$/.test(s)) {
    const d = parseDate(s, "Month");
    return d.value ? d.value.slice(0, 7) : null;
  }
  return null;
}

export interface ClaimImportResult {
  /** Good lines by month, in file order. */
  months: Map<string, { row: number; line: ClaimLineParsed }[]>;
  /** Headers read as nothing (left out). */
  ignored: string[];
  issues: FieldIssue[];
}

/** The header row: the first of the first ten rows with a month column and at least two others we know. */
function findHeader(rows: string[][]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const fields = rows[i]!.map((h) => recogniseClaimColumn(h));
    if (fields.includes("month") && fields.filter(Boolean).length >= 3) return i;
  }
  return -1;
}

const isBlankOrTotal = (r: string[]) => r.every((c) => c === "") || /^totals?$/.test(normaliseWords(r.find((c) => c !== "") ?? ""));

/** Reads a sheet's rows (header first) into claim lines; every issue names its sheet row. */
export function importClaims(rows: string[][]): ClaimImportResult {
  const out: ClaimImportResult = { months: new Map(), ignored: [], issues: [] };
  const h = findHeader(rows);
  if (h < 0) {
    out.issues.push({
      path: "",
      message: `No header row with a Month column was found in the first ten rows. Name the columns like the claims schedule the planner exports: ${["month", "label", "role", "wte", "salary", "employerNi", "employerPension", "claimed"].map((f) => CLAIM_FIELD_LABELS[f as ClaimImportField]).join(", ")} (and optionally Post id, Status, Paid on, Note).`,
    });
    return out;
  }
  const header = rows[h]!;
  const col: Partial<Record<ClaimImportField, number>> = {};
  header.forEach((raw, i) => {
    const f = recogniseClaimColumn(raw);
    if (f && col[f] === undefined) col[f] = i;
    else if (raw.trim()) out.ignored.push(raw.trim());
  });
  const required: ClaimImportField[] = ["label", "role", "salary", "employerNi", "employerPension", "claimed"];
  const missing = required.filter((f) => col[f] === undefined);
  if (col.wte === undefined && col.hoursPerWeek === undefined) missing.push("wte");
  if (missing.length) {
    out.issues.push({ path: "columns", message: `The file has no column for: ${missing.map((f) => CLAIM_FIELD_LABELS[f]).join(", ")}. Add ${missing.length > 1 ? "them" : "it"} (or name the columns as in the claims schedule the planner exports).` });
    return out;
  }
  let count = 0;
  for (let r = h + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (isBlankOrTotal(cells)) continue;
    const row = r - h; // the data row (1 = the first row under the header), as the team import numbers rows
    const sheetRow = r + 1; // the spreadsheet's own row number
    count++;
    const cell = (f: ClaimImportField) => (col[f] === undefined ? "" : (cells[col[f]!] ?? "").trim());
    const name = (f: ClaimImportField) => header[col[f]!]?.trim() || CLAIM_FIELD_LABELS[f];
    const issues: FieldIssue[] = [];
    const fail = (f: ClaimImportField, message: string) => issues.push({ path: `rows.${row}.${f}`, message: `Row ${row} (sheet row ${sheetRow}), ${name(f)}: ${message}` });
    const line: Record<string, unknown> = {};
    const month = parseMonth(cell("month"));
    if (!cell("month")) fail("month", "the month is missing (write it like 2026-05 or May 2026).");
    else if (!month) fail("month", `"${cell("month")}" is not a month we can read: write it like 2026-05 or May 2026.`);
    line.postId = cell("postId") || null;
    line.label = cell("label");
    const roleText = cell("role");
    const role = roleText ? recogniseRole(roleText) : null;
    if (!roleText) fail("role", "the role is missing.");
    else if (!role) fail("role", `"${roleText}" is not an ARRS role we recognise (e.g. Clinical Pharmacist, FCP Physio, Care Coordinator); staff outside the ARRS are not claimed for.`);
    else line.role = role;
    if (cell("wte")) {
      const w = parseWteTenThousandths(cell("wte"));
      if (w.error !== undefined) fail("wte", w.error);
      else line.wte = w.value / 10000;
    } else if (cell("hoursPerWeek")) {
      const w = hoursToWteTenThousandths(cell("hoursPerWeek"));
      if (w.error !== undefined) fail("hoursPerWeek", w.error);
      else line.wte = w.value / 10000;
    } else fail("wte", "the WTE is missing (e.g. 0.8, or the hours a week).");
    for (const f of ["salary", "employerNi", "employerPension", "claimed"] as const) {
      const t = cell(f);
      if (!t) fail(f, "the amount is missing (write 0 if there is none).");
      else if (/^-/.test(t.replace(/^£\s*/, ""))) fail(f, `"${t}" is negative: amounts paid and claimed cannot be below £0.`);
      else {
        const p = parseMoneyPence(t);
        if (p.error !== undefined) fail(f, `"${t}" is not an amount in pounds and pence, e.g. £3,984.17.`);
        else line[f] = p.value / 100;
      }
    }
    const statusText = normaliseWords(cell("status"));
    if (statusText) {
      const st = STATUS_WORDS[statusText];
      if (!st) fail("status", `"${cell("status")}" is not a claim status: use draft, submitted, approved, paid or rejected.`);
      else line.status = st;
    }
    if (cell("paidOn")) {
      const d = parseDate(cell("paidOn"), "the payment date");
      if (d.error !== undefined) fail("paidOn", d.error);
      else line.paidOn = d.value;
    }
    line.note = cell("note") || null;
    if (!issues.length) {
      const parsed = ClaimLineSchema.safeParse(line);
      if (!parsed.success) {
        for (const i of parsed.error.issues) {
          const f = (i.path[0] as ClaimImportField | undefined) ?? "label";
          fail(col[f] === undefined ? "label" : f, i.message);
        }
      } else {
        const list = out.months.get(month!) ?? [];
        list.push({ row, line: { ...parsed.data, month: month! } });
        out.months.set(month!, list);
      }
    }
    out.issues.push(...issues);
  }
  if (count === 0) out.issues.push({ path: "rows", message: "The file has a header row but no claim lines under it." });
  for (const [m, list] of out.months) {
    if (list.length > MAX_CLAIM_LINES) out.issues.push({ path: `rows.${list[MAX_CLAIM_LINES]!.row}`, message: `At most ${MAX_CLAIM_LINES} lines for one month; the file has ${list.length} for ${monthLabel(m)}.` });
  }
  return out;
}
