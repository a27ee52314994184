// POST /api/v1/scenarios/{id}/posts/import (issue 16, item 1): a PCN's team from its own CSV or
// XLSX into a saved scenario. The file is read by lib/team-import (pure); the posts are added to
// the stored scenario and saved through updateScenario — the same authorisation, optimistic
// concurrency (409 on a stale version), validation, calculation, revision and audit as a PUT.
// No "server-only" here (like scenarios.ts): tests call it with their own Db.
import { importTeam, readCsv, readXlsx, XLSX_TYPE, type ImportedColumn, type ReadResult } from "@/lib/team-import";
import type { ScenarioPostInput } from "@/lib/schemas/scenario";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput, type FieldIssue } from "../errors";
import { getScenarioForEdit, updateBodyOf, updateScenario, type ScenarioWithResults, type StoredScenario } from "./scenarios";
import type { SessionUser } from "../auth/users";

/** Largest spreadsheet accepted (bytes): a team of 200 posts is far smaller. */
export const MAX_IMPORT_BYTES = 2_000_000;

const CSV_TYPES = new Set(["text/csv", "text/plain", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"]);

export interface TeamImportRequest {
  /** The file as sent; null = larger than MAX_IMPORT_BYTES. */
  bytes: Uint8Array | null;
  contentType: string | null;
  /** The URL's query: version, dryRun, mapping, roles, sheet. */
  query: URLSearchParams;
}

export interface TeamImportPreview {
  /** The posts as they will be added (every good row). */
  posts: ScenarioPostInput[];
  /** The data row of each post (1 = the first row under the header). */
  rows: number[];
  issues: FieldIssue[];
  /** Columns not recognised and not mapped: map each (`mapping`) or ignore it. */
  unmapped: string[];
  /** Role words not recognised: choose a role for each (`roles`), or "skip". */
  unknownRoles: string[];
  columns: ImportedColumn[];
  skippedRows: number[];
  /** The workbook's sheets and the one read (XLSX only). */
  sheets?: string[];
  sheet?: string;
}

function jsonMap(query: URLSearchParams, name: string, example: string): Record<string, string> | undefined {
  const text = query.get(name);
  if (text === null || text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== "string")) {
    const message = `${name} must be JSON mapping their words to ours, e.g. ${example}.`;
    throw invalidInput([{ path: name, message }], message);
  }
  return Object.fromEntries(Object.entries(value as Record<string, string>).filter(([k]) => k !== "__proto__"));
}

async function readFile(bytes: Uint8Array, contentType: string | null, sheet: string | undefined): Promise<ReadResult> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === XLSX_TYPE) return readXlsx(bytes, sheet);
  if (CSV_TYPES.has(type)) return readCsv(new TextDecoder("utf-8").decode(bytes));
  throw new AppError(
    "unsupported_media_type",
    `Send the spreadsheet as CSV (Content-Type: text/csv) or Excel (Content-Type: ${XLSX_TYPE}).`,
  );
}

const flag = (v: string | null) => v !== null && ["1", "true", "yes"].includes(v.trim().toLowerCase());

/** Reads the file against the stored scenario: the preview (dry run), or the issues that stop a save. */
export async function previewTeamImport(db: Db, actor: SessionUser | null, id: string, req: TeamImportRequest, now: Date = new Date()): Promise<TeamImportPreview> {
  return (await readAgainst(db, actor, id, req, now)).preview;
}

async function readAgainst(db: Db, actor: SessionUser | null, id: string, req: TeamImportRequest, now: Date): Promise<{ stored: StoredScenario; preview: TeamImportPreview }> {
  const stored = await getScenarioForEdit(db, actor, id, now);
  if (req.bytes === null) throw new AppError("payload_too_large", `The file is too large: at most ${MAX_IMPORT_BYTES.toLocaleString("en-GB")} bytes.`);
  const mapping = jsonMap(req.query, "mapping", '{"Weekly hrs":"hoursPerWeek","Cost centre":"ignore"}');
  const roles = jsonMap(req.query, "roles", '{"Link Wkr":"social-prescribing-link-worker","Receptionist":"skip"}');
  const sheet = req.query.get("sheet") ?? undefined;
  const read = await readFile(req.bytes, req.contentType, sheet);
  if (!read.ok) return { stored, preview: { posts: [], rows: [], issues: [{ path: "", message: read.message }], unmapped: [], unknownRoles: [], columns: [], skippedRows: [] } };
  const r = importTeam(read.table.rows, { ...(mapping ? { mapping } : {}), ...(roles ? { roles } : {}), firstYear: stored.firstYear });
  const preview: TeamImportPreview = {
    posts: r.posts.map((p) => p.post),
    rows: r.posts.map((p) => p.row),
    issues: r.issues,
    unmapped: r.unmapped,
    unknownRoles: r.unknownRoles,
    columns: r.columns,
    skippedRows: r.skippedRows,
    ...(read.table.sheets ? { sheets: read.table.sheets } : {}),
    ...(read.table.sheet ? { sheet: read.table.sheet } : {}),
  };
  return { stored, preview };
}

/**
 * Adds the file's posts to the scenario and saves it (based on `version`), or — with dryRun —
 * returns the preview and saves nothing. Any issue: 422 with the issues, nothing saved.
 */
export async function importTeamPosts(db: Db, actor: SessionUser | null, id: string, req: TeamImportRequest, now: Date = new Date()): Promise<TeamImportPreview | ScenarioWithResults> {
  const versionText = req.query.get("version");
  const version = versionText !== null && /^\d{1,9}$/.test(versionText.trim()) ? Number(versionText) : null;
  const dryRun = flag(req.query.get("dryRun"));
  if (!dryRun && (version === null || version < 1)) {
    const message = "Add ?version=N to the address: the version of the scenario you loaded (so another save is not overwritten).";
    throw invalidInput([{ path: "version", message }], message);
  }
  const { stored, preview } = await readAgainst(db, actor, id, req, now);
  if (dryRun) return preview;
  if (preview.issues.length) {
    throw invalidInput(preview.issues, "Some of the file cannot be added, so nothing was saved. Each issue names the row and column; fix them (or map or ignore the columns) and send it again.");
  }
  const body = updateBodyOf(stored);
  return updateScenario(db, actor, id, { ...body, version, posts: [...body.posts, ...preview.posts] }, now);
}
