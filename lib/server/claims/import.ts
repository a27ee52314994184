// POST /api/v1/pcns/{code}/claims/import[?replace=1][&sheet=Name] (issue 17, item 2): a PCN's
// claims from a CSV or XLSX (the body). The file is read by lib/team-import (CSV/XLSX, UK dates,
// £ amounts) and lib/claims/import.ts (columns, rows → lines checked with the claims contract).
// Nothing is saved until every row is good (422 naming each bad row). Months that already hold
// lines are replaced only with ?replace=1 (else 409 naming them). All months are written in one
// transaction, each as a PUT would (version + 1, audited field by field as claims.import).
// No "server-only": tests call it with their own Db.
import { importClaims } from "@/lib/claims/import";
import { financialYearOfMonth, monthLabel } from "@/lib/schemas/claims";
import { readCsv, readXlsx, XLSX_TYPE, type ReadResult } from "@/lib/team-import/read";
import type { SessionUser } from "../auth/users";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput, type FieldIssue } from "../errors";
import { allowedPostIds, checkYear, inTransactionOrStale, loadPcnFor, postIdIssues, storedMonth, writeMonth, type ClaimMonthSaved } from "./claims";

/** Largest claims file accepted (bytes): a year of a large PCN's claims is far smaller. */
export const MAX_CLAIMS_IMPORT_BYTES = 2_000_000;

const CSV_TYPES = new Set(["text/csv", "text/plain", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"]);

export interface ClaimsImportRequest {
  /** The file as sent; null = larger than MAX_CLAIMS_IMPORT_BYTES. */
  bytes: Uint8Array | null;
  contentType: string | null;
  query: URLSearchParams;
}

export interface ClaimsImportResult {
  /** Lines saved. */
  imported: number;
  /** The months written ("2026-04", …), in order. */
  months: string[];
  /** Each month written: its new version and number of lines. */
  saved: { month: string; version: number; lineCount: number }[];
  /** Columns of the file that were not read. */
  ignoredColumns: string[];
}

async function readFile(bytes: Uint8Array, contentType: string | null, sheet: string | undefined): Promise<ReadResult> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === XLSX_TYPE) {
    // The planner's own workbook has the claims on its "Claims schedule" sheet.
    if (sheet === undefined) {
      const r = await readXlsx(bytes, "Claims schedule");
      if (r.ok) return r;
    }
    return readXlsx(bytes, sheet);
  }
  if (CSV_TYPES.has(type)) return readCsv(new TextDecoder("utf-8").decode(bytes));
  throw new AppError("unsupported_media_type", `Send the claims as CSV (Content-Type: text/csv) or Excel (Content-Type: ${XLSX_TYPE}).`);
}

const flag = (v: string | null) => v !== null && ["1", "true", "yes"].includes(v.trim().toLowerCase());

export async function importClaimsFile(db: Db, actor: SessionUser | null, pcnCode: string, req: ClaimsImportRequest, now: Date = new Date()): Promise<ClaimsImportResult> {
  const { user, pcn } = await loadPcnFor(db, actor, pcnCode, "editor");
  if (req.bytes === null) throw new AppError("payload_too_large", `The file is too large: at most ${MAX_CLAIMS_IMPORT_BYTES.toLocaleString("en-GB")} bytes.`);
  const unknown = [...req.query.keys()].filter((k) => k !== "replace" && k !== "sheet");
  if (unknown.length) throw invalidInput([{ path: unknown[0]!, message: `Unknown parameter(s): ${unknown.join(", ")}. Use ?replace=1 and, for a workbook, ?sheet=Name.` }], "The query is not valid; see issues.");
  const read = await readFile(req.bytes, req.contentType, req.query.get("sheet") ?? undefined);
  if (!read.ok) throw invalidInput([{ path: "", message: read.message }], read.message);
  const r = importClaims(read.table.rows);
  const issues: FieldIssue[] = [...r.issues];
  // Each month must be in a year the app accepts, and each post id a post of the agreed plan.
  const allowed = await allowedPostIds(db, pcn.code);
  const before = new Map<string, ClaimMonthSaved>();
  for (const [month, list] of r.months) {
    try {
      checkYear(financialYearOfMonth(month), "month", now);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      issues.push({ path: `rows.${list[0]!.row}.month`, message: `Row ${list[0]!.row}, Month: ${monthLabel(month)}: ${e.message}` });
      continue;
    }
    const stored = await storedMonth(db, pcn.code, month);
    before.set(month, stored);
    issues.push(...postIdIssues(list.map((x) => x.line), allowed, stored.lines, (i) => `rows.${list[i]!.row}.postId`, (i) => `Row ${list[i]!.row}, Post id`));
  }
  if (issues.length) {
    issues.sort((a, b) => rowOf(a.path) - rowOf(b.path));
    throw invalidInput(issues, `Some of the file cannot be imported, so nothing was saved. ${issues.length === 1 ? "The issue names its row" : "Each issue names its row"} (as the spreadsheet numbers them); fix ${issues.length === 1 ? "it" : "them"} and send the file again.`);
  }
  const months = [...r.months.keys()].sort();
  const holding = months.filter((m) => before.get(m)!.lines.length > 0);
  if (holding.length && !flag(req.query.get("replace"))) {
    const names = holding.map(monthLabel).join(", ");
    throw new AppError("conflict", `${names} already ${holding.length > 1 ? "hold" : "holds"} claim lines, so nothing was imported. Import again with "replace those months" (?replace=1) to replace ${holding.length > 1 ? "their" : "its"} lines with the file's, or take ${holding.length > 1 ? "those months" : "that month"} out of the file.`, [], { months: holding });
  }
  const ok = await inTransactionOrStale(db, async (tx) => {
    for (const m of months) await writeMonth(tx, user, pcn.code, before.get(m)!, r.months.get(m)!.map((x) => x.line), "claims.import", now);
  });
  if (!ok) throw new AppError("conflict", "Someone saved claims for these months while the file was being imported, so nothing was imported. Send the file again.");
  const saved = months.map((m) => ({ month: m, version: before.get(m)!.version + 1, lineCount: r.months.get(m)!.length }));
  return { imported: saved.reduce((t, s) => t + s.lineCount, 0), months, saved, ignoredColumns: r.ignored };
}

function rowOf(path: string): number {
  const m = /^rows\.(\d+)/.exec(path);
  return m ? Number(m[1]) : -1;
}
