// The population-data importer used by the CLI (scripts/import.ts), the admin upload page and
// the tests. One file = one transaction: a file is applied whole or not at all. Every attempt
// writes an ImportLog row (a rejection is logged outside the rolled-back transaction).
// No "server-only" here: plain Node (CLI, vitest) imports this module.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/server/db/create-prisma";
import { bumpDataVersion } from "@/lib/server/pcn-data/data-version";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy, retryWhileBusy, type BusyRetryOptions } from "@/lib/server/db/db-busy";
import { IMPORT_ORDER, type ImportFileType } from "./detect";
import { ImportRejection, formatCount, type ImportIssue } from "./errors";
import { detectFileTypeOf, parseImportFile, type ProgressHandler } from "./parse";
import { dialectOf, writeParsedImport, type WriteCounts } from "./write";

export type ImportOutcome = "applied" | "unchanged" | "rejected";

export interface ImportFileInput {
  fileName: string;
  content: Buffer;
}

export interface ImportOptions {
  importedBy?: string | null;
  onProgress?: (fileName: string, message: string) => void;
  /** Interactive transaction timeout (ms). */
  timeoutMs?: number;
  /** How long to keep retrying while another connection holds SQLite's write lock. */
  busyRetry?: BusyRetryOptions;
}

export interface ImportResult {
  fileName: string;
  fileType: ImportFileType | "unknown";
  sha256: string;
  extractDate: string | null;
  rows: number;
  outcome: ImportOutcome;
  message: string;
  issues: ImportIssue[];
  counts: WriteCounts | null;
  importLogId: number | null;
  durationMs: number;
  /**
   * The database stayed busy (another writer held SQLite's lock) past the retries: nothing was
   * written, not even an ImportLog row; outcome is "rejected" and message says to try again.
   */
  databaseBusy?: boolean;
}

export function hashContent(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex");
}

function describeError(e: unknown): { message: string; issues: ImportIssue[] } {
  if (e instanceof ImportRejection) return { message: e.message, issues: e.issues };
  const text = e instanceof Error ? e.message : String(e);
  return { message: `The database refused the file, so nothing was changed: ${text.split("\n").filter(Boolean).slice(-1)[0] ?? text}`, issues: [] };
}

/**
 * Imports one file (see module comment). Never throws for a bad file or a busy database: the
 * result says why.
 */
export async function importFile(db: Db, file: ImportFileInput, options: ImportOptions = {}): Promise<ImportResult> {
  const t0 = performance.now();
  try {
    return await importFileOnce(db, file, options);
  } catch (e) {
    if (!isDatabaseBusy(e)) throw e;
    return {
      fileName: file.fileName,
      fileType: detectFileTypeOf(file.content, file.fileName) ?? "unknown",
      sha256: hashContent(file.content),
      extractDate: null,
      rows: 0,
      outcome: "rejected",
      message: DATABASE_BUSY_MESSAGE,
      issues: [],
      counts: null,
      importLogId: null,
      durationMs: Math.round(performance.now() - t0),
      databaseBusy: true,
    };
  }
}

async function importFileOnce(db: Db, file: ImportFileInput, options: ImportOptions): Promise<ImportResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const sha256 = hashContent(file.content);
  // Each database step is one statement or one transaction, so it can simply run again.
  const busy = <T>(work: () => Promise<T>) => retryWhileBusy(work, options.busyRetry);
  const importedBy = options.importedBy?.trim() || null;
  const progress: ProgressHandler | undefined = options.onProgress ? (m) => options.onProgress!(file.fileName, m) : undefined;
  const base = { fileName: file.fileName, sha256, importedBy, startedAt };
  let fileType: ImportFileType | "unknown" = detectFileTypeOf(file.content, file.fileName) ?? "unknown";

  const finish = async (r: Omit<ImportResult, "fileName" | "fileType" | "sha256" | "durationMs" | "importLogId">, importLogId?: number): Promise<ImportResult> => {
    let id = importLogId ?? null;
    if (id === null) {
      const log = await busy(() =>
        db.importLog.create({
          data: { ...base, fileType, extractDate: r.extractDate, rows: r.rows, outcome: r.outcome, message: r.message.slice(0, 4000), finishedAt: new Date() },
          select: { id: true },
        }),
      );
      id = log.id;
    }
    return { ...r, fileName: file.fileName, fileType, sha256, importLogId: id, durationMs: Math.round(performance.now() - t0) };
  };

  // The same bytes were the last file of this type applied: nothing to do (and no need to read
  // the file again). If another file of the type was applied since, re-apply (the writes are
  // idempotent), so re-importing an earlier good file can undo a later bad one.
  const previous = await busy(() =>
    db.importLog.findFirst({
      where: { outcome: "applied", fileType },
      orderBy: { id: "desc" },
      select: { id: true, fileName: true, startedAt: true, extractDate: true, rows: true, sha256: true },
    }),
  );
  if (previous && previous.sha256 === sha256) {
    const when = previous.startedAt.toISOString().slice(0, 16).replace("T", " ");
    return finish({
      extractDate: previous.extractDate,
      rows: previous.rows,
      outcome: "unchanged",
      message: `Identical to ${previous.fileName} imported on ${when} UTC (import #${previous.id}); nothing changed.`,
      issues: [],
      counts: null,
    });
  }

  // Parse and validate everything before touching the database.
  let parsed;
  try {
    parsed = parseImportFile(file.content, file.fileName, progress);
    fileType = parsed.type;
  } catch (e) {
    if (!(e instanceof ImportRejection)) throw e;
    return finish({ extractDate: null, rows: 0, outcome: "rejected", message: e.message, issues: e.issues, counts: null });
  }

  try {
    const { counts, logId, message, outcome } = await busy(() =>
      db.$transaction(
        async (tx) => {
          const log = await tx.importLog.create({
            data: { ...base, fileType, extractDate: parsed.extractDate, rows: parsed.rows, outcome: "applied" },
            select: { id: true },
          });
          const counts = await writeParsedImport(tx, parsed, { dialect: dialectOf(db), importId: log.id, fileName: file.fileName, importedBy, onProgress: progress });
          const changed = counts.created + counts.updated > 0;
          const message = `${parsed.summary}. Rows created ${formatCount(counts.created)}, updated ${formatCount(counts.updated)}, already up to date ${formatCount(counts.unchanged)}.${changed ? "" : " Nothing changed."}`;
          const outcome: ImportOutcome = changed ? "applied" : "unchanged";
          // The public pages' caches key on this (lib/server/pcn-data/data-version.ts): counted with the change.
          if (changed) await bumpDataVersion(tx);
          await tx.importLog.update({ where: { id: log.id }, data: { outcome, message: message.slice(0, 4000), finishedAt: new Date() } });
          return { counts, logId: log.id, message, outcome };
        },
        { timeout: options.timeoutMs ?? 120_000, maxWait: 10_000 },
      ),
    );
    return finish({ extractDate: parsed.extractDate, rows: parsed.rows, outcome, message, issues: [], counts }, logId);
  } catch (e) {
    if (isDatabaseBusy(e)) throw e; // nothing was written; importFile says so
    const { message, issues } = describeError(e);
    return finish({ extractDate: parsed.extractDate, rows: parsed.rows, outcome: "rejected", message, issues, counts: null });
  }
}

/** Sorts files into import order by detected type (mapping first), then by file name. */
export function orderImportFiles<T extends ImportFileInput>(files: T[]): T[] {
  const rank = (f: T) => {
    const t = detectFileTypeOf(f.content, f.fileName);
    return t ? IMPORT_ORDER[t] : 99;
  };
  return files
    .map((f) => ({ f, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.f.fileName.localeCompare(b.f.fileName))
    .map((x) => x.f);
}

/**
 * Imports several files in a sensible order (mapping, populations, weighted), one transaction
 * each. Stops after a file that found the database busy (the rest would only wait too).
 */
export async function importFiles(db: Db, files: ImportFileInput[], options: ImportOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const f of orderImportFiles(files)) {
    const r = await importFile(db, f, options);
    results.push(r);
    if (r.databaseBusy) break;
  }
  return results;
}

export interface ImportLogEntry {
  id: number;
  fileName: string;
  fileType: string;
  extractDate: string | null;
  rows: number;
  outcome: string;
  message: string | null;
  importedBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The latest import attempts, newest first. */
export async function listImportLogs(db: Db, limit = 50): Promise<ImportLogEntry[]> {
  return db.importLog.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, fileName: true, fileType: true, extractDate: true, rows: true, outcome: true, message: true, importedBy: true, startedAt: true, finishedAt: true },
  });
}
