// Saved scenarios (issue 6): create, load, list, save with optimistic concurrency, duplicate,
// delete (soft, restorable for 30 days), restore — for the API routes, the planner page, the CLI
// and tests. No "server-only" here: tests and scripts call it with their own Db.
//
// Nothing saved is ever lost: every save writes a ScenarioRevision, and a save must name the
// version it was based on. The write is conditional (`updateMany where { id, version }`) inside a
// transaction, so of two saves based on one version exactly one wins; the other gets a
// `conflict` carrying the stored scenario (`current`), and nothing is overwritten.
//
// Access per PCN (lib/server/auth/access.ts): every function checks the scenario's own PCN — viewers
// read, editors and PCN admins also write, system administrators do everything. Someone with no
// role in the PCN gets the same 404 as for a scenario that does not exist. Every change writes an
// audit event (lib/server/audit.ts) in the same transaction as the change.
import crypto from "node:crypto";
import { z } from "zod";
import { EngineInputError, type Area } from "@/lib/engine";
import { computeScenario } from "@/lib/planner/compute";
import { rollForwardScenario, type RollForwardSummary } from "@/lib/planner/roll-forward";
import type { PlannerContext, ScenarioResults } from "@/lib/planner/types";
import { toFieldIssues } from "@/lib/schemas/common";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import {
  MAX_SCENARIO_BODY_BYTES,
  ScenarioBodySchema,
  ScenarioUpdateSchema,
  type ScenarioAssumptions,
  type ScenarioBody,
  type ScenarioPost,
  type Supervisor,
} from "@/lib/schemas/scenario";
import { requirePcnRole, type PcnRole } from "../auth/access";
import { auditEvent, diffScenario, listEntityEvents, type AuditChange, type AuditEntry } from "../audit";
import type { Db } from "../db/create-prisma";
import { assertDemoMayChange } from "../auth/demo-account";
import { AppError, invalidInput, notFound, type FieldIssue } from "../errors";
import { getPcnForPlanner } from "../pcn-data/pcn-profile";
import type { SessionUser } from "../auth/users";
import { financialYearIssue, yearChoices } from "../today";
import { currentKey, writePlanYears } from "../claims/plan-store";

/** Deleted scenarios can be restored for this long; after it they are purged. */
export const RESTORE_DAYS = 30;
const RESTORE_MS = RESTORE_DAYS * 86_400_000;

// ---------------------------------------------------------------------------------------------
// Shapes (API JSON)

export interface StoredScenario {
  id: string;
  pcnCode: string;
  pcnName: string;
  name: string;
  description: string | null;
  firstYear: string;
  years: number;
  assumptions: ScenarioAssumptions;
  posts: ScenarioPost[];
  supervisors: Supervisor[];
  version: number;
  createdAt: string;
  /** When the scenario was last saved. */
  updatedAt: string;
  /** Who saved it last (null when that account has been removed). Never an email. */
  updatedBy: { name: string } | null;
  /** Set while the scenario is deleted (restorable until deletedAt + 30 days). */
  deletedAt: string | null;
  /** The scenario this one was carried forward from ("Start next year's plan from this one"), if any. */
  rolledFromId: string | null;
  /** The PCN's agreed plan (issue 17): at most one live scenario per PCN (lib/server/claims/agree.ts). */
  agreed: boolean;
  agreedAt: string | null;
  /** Who agreed it (null when not agreed, or that account has been removed). Never an email. */
  agreedBy: { name: string } | null;
}

export interface ScenarioWithResults extends StoredScenario {
  results: ScenarioResults;
}

export interface ScenarioListItem {
  id: string;
  name: string;
  description: string | null;
  firstYear: string;
  years: number;
  version: number;
  updatedAt: string;
  updatedBy: { name: string } | null;
  postCount: number;
  /** The PCN's agreed plan (issue 17). */
  agreed: boolean;
  agreedAt: string | null;
  agreedBy: { name: string } | null;
  /** Only in the list of deleted scenarios (`{ deleted: true }`). */
  deletedAt?: string;
  restorableUntil?: string;
}

interface ScenarioDocument {
  assumptions: ScenarioAssumptions;
  posts: ScenarioPost[];
  supervisors: Supervisor[];
}

// ---------------------------------------------------------------------------------------------
// Request bodies

/** The error for a body over MAX_SCENARIO_BODY_BYTES (422, as the estimate API). */
export function scenarioBodyTooLarge(): AppError {
  const message = `The request is too large: at most ${MAX_SCENARIO_BODY_BYTES.toLocaleString("en-GB")} bytes.`;
  return new AppError("invalid_input", message, [{ path: "", message }]);
}

/**
 * Parses a scenario request body (as read by readBodyText: null = over the limit). An empty body
 * is `{}` when `emptyOk` (duplicate, restore), otherwise invalid. Malformed JSON → invalid_input.
 */
export function parseScenarioJson(text: string | null, opts: { emptyOk?: boolean } = {}): unknown {
  if (text === null || Buffer.byteLength(text, "utf8") > MAX_SCENARIO_BODY_BYTES) throw scenarioBodyTooLarge();
  if (text.trim() === "" && opts.emptyOk) return {};
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === "__proto__") throw new SyntaxError('a field may not be named "__proto__"');
      return value;
    });
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : "unreadable";
    throw invalidInput([{ path: "", message: `The request is not valid JSON (${detail}).` }], "The request is not valid JSON.");
  }
}

function validate<S extends z.ZodType>(schema: S, body: unknown, extra: FieldIssue | null = null): z.infer<S> {
  const r = schema.safeParse(body);
  if (!r.success || extra) throw invalidInput([...(extra ? [extra] : []), ...(r.success ? [] : toFieldIssues(r.error))], "Some of the scenario is not valid; see issues.");
  return r.data;
}

/** A first year too far ahead by the server's date (a stored scenario keeps the year it has). */
function firstYearIssue(body: unknown, now: Date, unchanged?: string): FieldIssue | null {
  const fy = body && typeof body === "object" ? (body as Record<string, unknown>).firstYear : undefined;
  return fy !== undefined && fy === unchanged ? null : financialYearIssue(body, "firstYear", "The first year", now);
}

/** Posts without an id get the first free "post-N". */
function withPostIds(posts: ScenarioPost[]): ScenarioPost[] {
  const used = new Set(posts.map((p) => p.id).filter((id): id is string => id !== undefined));
  let n = 0;
  return posts.map((p) => {
    if (p.id !== undefined) return p;
    let id: string;
    do id = `post-${++n}`;
    while (used.has(id));
    used.add(id);
    return { ...p, id };
  });
}

// ---------------------------------------------------------------------------------------------
// Access

function requireSignedIn(actor: SessionUser | null): SessionUser {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to see and save scenarios.");
  return actor;
}

const unknownScenario = (id: string) => (SCENARIO_ID.test(id) ? `There is no scenario with id ${id}.` : "There is no such scenario.");

/** The PCN's scenarios as a whole (list, create): outsiders 404, members without the role 403. */
async function requireForPcn(db: Db, user: SessionUser, pcn: { code: string; isDemo: boolean }, role: PcnRole): Promise<void> {
  // The demo account first: its message says what it can do (PCNs are public: nothing leaks).
  assertDemoMayChange(user, pcn);
  await requirePcnRole(db, user, pcn.code, role, { notFound: `You are not a member of PCN ${pcn.code}, so you cannot see or save its scenarios. Ask one of its admins to add you.` });
}

/**
 * One scenario, checked against its own PCN: someone with no role there gets exactly the 404 of a
 * scenario that does not exist; a member without the role gets 403.
 */
async function requireForScenario(db: Db, user: SessionUser, row: { pcnCode: string; pcn: { isDemo: boolean } }, id: string, role: PcnRole): Promise<void> {
  await requirePcnRole(db, user, row.pcnCode, role, { notFound: unknownScenario(id) });
  assertDemoMayChange(user, { code: row.pcnCode, isDemo: row.pcn.isDemo });
}

async function loadPcn(db: Db, code: string): Promise<{ code: string; name: string; isDemo: boolean }> {
  const parsed = PcnCodeSchema.safeParse(code);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "That is not a PCN code.";
    throw invalidInput([{ path: "code", message }], message);
  }
  const pcn = await db.pcn.findUnique({ where: { code: parsed.data }, select: { code: true, name: true, isDemo: true } });
  if (!pcn) throw notFound(`There is no PCN with code ${parsed.data}.`);
  return pcn;
}

const SCENARIO_ID = /^[A-Za-z0-9_-]{1,64}$/;
const scenarioInclude = { pcn: { select: { name: true, isDemo: true } }, updatedBy: { select: { name: true } }, agreedBy: { select: { name: true } } } as const;

type ScenarioRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(db: Db, id: string) {
  return db.scenario.findUnique({ where: { id }, include: scenarioInclude });
}

const isPurged = (row: { deletedAt: Date | null }, now: Date) => row.deletedAt !== null && now.getTime() - row.deletedAt.getTime() >= RESTORE_MS;

/** The scenario row, or 404 (unknown id, or deleted more than 30 days ago). */
async function loadRow(db: Db, id: string, now: Date): Promise<ScenarioRow> {
  const row = SCENARIO_ID.test(id) ? await findRow(db, id) : null;
  if (!row || isPurged(row, now)) throw notFound(unknownScenario(id));
  return row;
}

/** The row, authorised for `role` in its PCN (unknown, purged or outside the actor's PCNs: the same 404). */
async function loadAuthorised(db: Db, user: SessionUser, id: string, role: PcnRole, now: Date): Promise<ScenarioRow> {
  const row = await loadRow(db, id, now);
  await requireForScenario(db, user, row, id, role);
  return row;
}

/** Scenarios deleted more than 30 days ago are removed for good (lazily, when lists are read). */
async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.scenario.deleteMany({ where: { deletedAt: { lte: new Date(now.getTime() - RESTORE_MS) } } });
}

// ---------------------------------------------------------------------------------------------
// Stored ⇄ API

function readDocument(text: string): ScenarioDocument {
  const d = JSON.parse(text) as Partial<ScenarioDocument>;
  return { assumptions: d.assumptions ?? {}, posts: d.posts ?? [], supervisors: d.supervisors ?? [] };
}

function toStored(row: ScenarioRow): StoredScenario {
  const doc = readDocument(row.document);
  return {
    id: row.id,
    pcnCode: row.pcnCode,
    pcnName: row.pcn.name,
    name: row.name,
    description: row.description,
    firstYear: row.firstYear,
    years: row.years,
    assumptions: doc.assumptions,
    posts: doc.posts,
    supervisors: doc.supervisors,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy ? { name: row.updatedBy.name } : null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    rolledFromId: row.rolledFromId ?? null,
    ...agreedFields(row),
  };
}

/** `agreed`, `agreedAt`, `agreedBy` of a row (the agreed plan, issue 17). */
export function agreedFields(row: { agreedAt: Date | null; agreedBy: { name: string } | null }): { agreed: boolean; agreedAt: string | null; agreedBy: { name: string } | null } {
  return { agreed: row.agreedAt !== null, agreedAt: row.agreedAt?.toISOString() ?? null, agreedBy: row.agreedAt && row.agreedBy ? { name: row.agreedBy.name } : null };
}

function bodyOf(s: Pick<StoredScenario, "name" | "description" | "firstYear" | "years" | "assumptions" | "posts" | "supervisors">): ScenarioBody {
  return {
    name: s.name,
    ...(s.description !== null && s.description !== undefined ? { description: s.description } : {}),
    firstYear: s.firstYear as ScenarioBody["firstYear"],
    years: s.years,
    assumptions: s.assumptions,
    posts: s.posts,
    supervisors: s.supervisors,
  };
}

function rowFields(body: ScenarioBody) {
  const doc: ScenarioDocument = { assumptions: body.assumptions, posts: body.posts, supervisors: body.supervisors };
  return {
    name: body.name,
    description: body.description === undefined || body.description === "" ? null : body.description,
    firstYear: body.firstYear,
    years: body.years,
    document: JSON.stringify(doc),
  };
}

/**
 * A new scenario id: 16 URL-safe characters, the first a letter or digit. An id starting with "-"
 * would be written as text a spreadsheet might run ("'-…") in every CSV that carries it, and read
 * like an option on a command line.
 */
export function newScenarioId(): string {
  for (;;) {
    const id = crypto.randomBytes(12).toString("base64url");
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}
const newId = newScenarioId;

// ---------------------------------------------------------------------------------------------
// Planner context and results

/** The area a PCN's new posts default to: outer London for PCNs in the London region, else national. */
function areaFor(region: { code: string; name: string } | null): Area {
  return region && (region.code === "Y56" || /\blondon\b/i.test(region.name)) ? "outer-london" : "national";
}

/** What computeScenario needs besides the scenario (the planner page loads it too). 404 for an unknown PCN. */
export async function getPlannerContext(db: Db, pcnCode: string, firstYear: string): Promise<PlannerContext> {
  const pcn = await getPcnForPlanner(db, pcnCode, firstYear);
  if (!pcn) throw notFound(`There is no PCN with code ${pcnCode.trim().toUpperCase()}.`);
  return {
    pcn: { code: pcn.code, name: pcn.name },
    weightedPopulation: pcn.weightedPopulation,
    practices: pcn.practices.map((p) => ({ code: p.code, name: p.name, weighted: p.weighted, registered: p.registered ?? 0 })),
    defaultArea: areaFor(pcn.region),
  };
}

/** Runs the calculation; the engine's input errors become invalid_input naming the post. */
function compute(body: ScenarioBody, ctx: PlannerContext): ScenarioResults {
  try {
    return computeScenario(body, ctx);
  } catch (e) {
    if (e instanceof EngineInputError) throw invalidInput([{ path: `posts.${e.path}`, message: e.message }], "The scenario cannot be calculated; see issues.");
    throw e;
  }
}

/**
 * Planner contexts by PCN and first year, for one request that calculates several scenarios of a
 * PCN (compare): the PCN's practices and weighted population (an estimate reads its age profile)
 * are loaded once, not once per scenario.
 */
export type PlannerContextCache = Map<string, Promise<PlannerContext>>;

async function resultsFor(db: Db, pcnCode: string, body: ScenarioBody, contexts?: PlannerContextCache): Promise<ScenarioResults> {
  let ctx: Promise<PlannerContext>;
  const key = `${pcnCode}|${body.firstYear}`;
  if (contexts) {
    ctx = contexts.get(key) ?? getPlannerContext(db, pcnCode, body.firstYear);
    contexts.set(key, ctx);
  } else ctx = getPlannerContext(db, pcnCode, body.firstYear);
  return compute(body, await ctx);
}

/** Results of a stored scenario, re-checked against today's schema (defaults for fields added since). */
async function storedResults(db: Db, s: StoredScenario, contexts?: PlannerContextCache): Promise<ScenarioResults> {
  const r = ScenarioBodySchema.safeParse(bodyOf(s));
  if (!r.success) {
    throw new AppError("invalid_input", "This saved scenario no longer passes the checks (the rules may have changed): correct it and save it again.", toFieldIssues(r.error), {
      current: s,
    });
  }
  return resultsFor(db, s.pcnCode, r.data, contexts);
}

// ---------------------------------------------------------------------------------------------
// Operations

/** A PCN's scenarios, last saved first; `deleted: true` lists the deleted ones that can still be restored. */
export async function listScenarios(
  db: Db,
  actor: SessionUser | null,
  pcnCode: string,
  opts: { deleted?: boolean; now?: Date } = {},
): Promise<ScenarioListItem[]> {
  const user = requireSignedIn(actor);
  const pcn = await loadPcn(db, pcnCode);
  await requireForPcn(db, user, pcn, "viewer");
  const now = opts.now ?? new Date();
  await purgeExpired(db, now);
  const rows = await db.scenario.findMany({
    where: { pcnCode: pcn.code, deletedAt: opts.deleted ? { not: null } : null },
    include: { updatedBy: { select: { name: true } }, agreedBy: { select: { name: true } } },
    orderBy: opts.deleted ? [{ deletedAt: "desc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    firstYear: r.firstYear,
    years: r.years,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy ? { name: r.updatedBy.name } : null,
    postCount: readDocument(r.document).posts.length,
    ...agreedFields(r),
    ...(r.deletedAt ? { deletedAt: r.deletedAt.toISOString(), restorableUntil: new Date(r.deletedAt.getTime() + RESTORE_MS).toISOString() } : {}),
  }));
}

/** One scenario as stored (a deleted one too, while it can be restored). */
export async function getScenario(db: Db, actor: SessionUser | null, id: string, now: Date = new Date()): Promise<StoredScenario> {
  const user = requireSignedIn(actor);
  return toStored(await loadAuthorised(db, user, id, "viewer", now));
}

/** One scenario as stored, for someone who may change it (editor or above): e.g. before adding imported posts. */
export async function getScenarioForEdit(db: Db, actor: SessionUser | null, id: string, now: Date = new Date()): Promise<StoredScenario> {
  const user = requireSignedIn(actor);
  return toStored(await loadAuthorised(db, user, id, "editor", now));
}

/** The stored scenario as a PUT body based on its own version (to save it with changes through updateScenario). */
export function updateBodyOf(s: StoredScenario): ScenarioBody & { version: number } {
  return { ...bodyOf(s), version: s.version };
}

/** One scenario as stored, with its computed results (GET /api/v1/scenarios/{id}). */
export async function getScenarioWithResults(db: Db, actor: SessionUser | null, id: string, now: Date = new Date(), contexts?: PlannerContextCache): Promise<ScenarioWithResults> {
  const s = await getScenario(db, actor, id, now);
  return { ...s, results: await storedResults(db, s, contexts) };
}

/**
 * A scenario with its results for a caller that has already authorised the read (the outturn after
 * requirePcnRole, the ICB view after requireIcbViewer). Callers pass an agreed plan's id only.
 */
export async function getAuthorisedScenarioWithResults(db: Db, id: string, now: Date = new Date(), contexts?: PlannerContextCache): Promise<ScenarioWithResults> {
  const s = toStored(await loadRow(db, id, now));
  return { ...s, results: await storedResults(db, s, contexts) };
}

/** Saves a new scenario (version 1) for a PCN. The body is validated and calculated before anything is written. */
export async function createScenario(db: Db, actor: SessionUser | null, pcnCode: string, body: unknown, now: Date = new Date()): Promise<ScenarioWithResults> {
  const user = requireSignedIn(actor);
  const pcn = await loadPcn(db, pcnCode);
  await requireForPcn(db, user, pcn, "editor");
  const parsed = validate(ScenarioBodySchema, body, firstYearIssue(body, now));
  const scenario: ScenarioBody = { ...parsed, posts: withPostIds(parsed.posts) };
  const results = await resultsFor(db, pcn.code, scenario);
  const id = await insertScenario(db, user, pcn.code, scenario, now);
  return { ...toStored(await loadRow(db, id, now)), results };
}

/** Scenario, revision 1 and the audit event (scenario.create), in one transaction. */
async function insertScenario(db: Db, user: SessionUser, pcnCode: string, scenario: ScenarioBody, now: Date, copiedFrom?: string, rolledFromId?: string): Promise<string> {
  const id = newId();
  const fields = rowFields(scenario);
  const changes: AuditChange[] = [
    ...(copiedFrom ? [{ field: "copiedFrom", before: null, after: copiedFrom }] : []),
    ...(rolledFromId ? [{ field: "rolledFrom", before: null, after: rolledFromId }] : []),
    { field: "version", before: null, after: 1 },
    ...diffScenario(null, scenario),
  ];
  await db.$transaction([
    db.scenario.create({ data: { id, pcnCode, ...fields, ...(rolledFromId ? { rolledFromId } : {}), version: 1, createdByUserId: user.id, updatedByUserId: user.id, createdAt: now, updatedAt: now } }),
    auditEvent(db, user, { action: "scenario.create", entityType: "scenario", entityId: id, pcnCode, changes, at: now }),
    db.scenarioRevision.create({ data: { scenarioId: id, version: 1, ...fields, savedByUserId: user.id, savedAt: now } }),
  ]);
  return id;
}

class StaleVersion extends Error {}

function conflictError(current: StoredScenario, yourVersion: number): AppError {
  const by = current.updatedBy ? ` by ${current.updatedBy.name}` : "";
  const message = current.deletedAt
    ? `This scenario was deleted on ${current.deletedAt.slice(0, 10)}, so your changes were not saved. Restore it to keep working on it, or save your version as a new scenario.`
    : `This scenario was saved${by} at ${current.updatedAt} (version ${current.version}) after you loaded version ${yourVersion}, so your changes were not saved. Compare the two, then keep yours (save again with version ${current.version}), take theirs, or save yours as a new scenario.`;
  return new AppError("conflict", message, [], { current });
}

/**
 * The fields GET returns that a save cannot set (who saved it when, whether it is agreed, where it
 * was carried from, its results): a client may send back what it read, changed, and they are ignored.
 */
const READ_ONLY_FIELDS = ["id", "pcnCode", "pcnName", "createdAt", "updatedAt", "updatedBy", "deletedAt", "agreed", "agreedAt", "agreedBy", "rolledFromId", "results"] as const;
function withoutReadOnlyFields(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const k of READ_ONLY_FIELDS) delete rest[k];
  // GET gives a scenario with no description as null: sent back, it means no description.
  if (rest.description === null) delete rest.description;
  return rest;
}

/**
 * Saves a whole scenario over the stored one. `body.version` must be the version it was based
 * on; otherwise (or if another save wins the race) → conflict with `current`, and nothing is written.
 */
export async function updateScenario(db: Db, actor: SessionUser | null, id: string, body: unknown, now: Date = new Date()): Promise<ScenarioWithResults> {
  const user = requireSignedIn(actor);
  const row = await loadAuthorised(db, user, id, "editor", now);
  const { version, ...parsed } = validate(ScenarioUpdateSchema, withoutReadOnlyFields(body), firstYearIssue(body, now, row.firstYear));
  if (row.deletedAt || row.version !== version) throw conflictError(toStored(row), version);
  const scenario: ScenarioBody = { ...parsed, posts: withPostIds(parsed.posts) };
  // The agreed plan's results are stored for the ICB's view (lib/server/claims/plan-store.ts),
  // keyed by the data version read before pricing.
  const storeKey = row.agreedAt ? await currentKey(db, version + 1) : null;
  const results = await resultsFor(db, row.pcnCode, scenario);
  const fields = rowFields(scenario);
  // `row` is the stored version `version` (checked above; the write below is conditional on it),
  // so this is exactly what this save changes.
  // Saving the PCN's agreed plan is allowed (the planner asks for confirmation first) and the
  // audit event says so: the agreed figures changed with this save.
  const changes: AuditChange[] = [
    { field: "version", before: version, after: version + 1 },
    ...(row.agreedAt ? [{ field: "agreedPlanChanged", before: null, after: true }] : []),
    ...diffScenario(toStored(row), scenario),
  ];
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.scenario.updateMany({
        where: { id: row.id, version, deletedAt: null },
        data: { ...fields, version: version + 1, updatedByUserId: user.id, updatedAt: now },
      });
      if (count !== 1) throw new StaleVersion();
      await auditEvent(tx, user, { action: "scenario.update", entityType: "scenario", entityId: row.id, pcnCode: row.pcnCode, changes, at: now });
      await tx.scenarioRevision.create({ data: { scenarioId: row.id, version: version + 1, ...fields, savedByUserId: user.id, savedAt: now } });
    });
  } catch (e) {
    // Lost the race: another save of the same version committed first (or a revision with this
    // version exists: the unique index is the second guard).
    if (e instanceof StaleVersion || isUniqueViolation(e)) throw conflictError(toStored(await loadRow(db, id, now)), version);
    throw e;
  }
  if (storeKey) {
    const labels = new Map(scenario.posts.map((p) => [p.id ?? "", p.label]));
    // A failed write only means the ICB's view prices this plan itself when it next reads it.
    await writePlanYears(db, row.id, storeKey, results, labels, now).catch(() => undefined);
  }
  return { ...toStored(await loadRow(db, id, now)), results };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** Soft delete: the scenario leaves the list and can be restored for 30 days. Deleting twice is harmless. */
export async function deleteScenario(
  db: Db,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
): Promise<{ deleted: true; restorableUntil: string }> {
  const user = requireSignedIn(actor);
  const row = await loadAuthorised(db, user, id, "editor", now);
  await db.$transaction(async (tx) => {
    const { count } = await tx.scenario.updateMany({ where: { id: row.id, deletedAt: null }, data: { deletedAt: now, deletedByUserId: user.id } });
    if (count !== 1) return; // already deleted: nothing changed, nothing to record
    const changes = [{ field: "deletedAt", before: null, after: now.toISOString() }];
    await auditEvent(tx, user, { action: "scenario.delete", entityType: "scenario", entityId: row.id, pcnCode: row.pcnCode, changes, at: now });
    // A deleted scenario cannot stay the PCN's agreed plan: the agreement is withdrawn (recorded);
    // restoring the scenario does not agree it again. Claims keep their lines and post ids.
    const agreed = await tx.scenario.updateMany({ where: { id: row.id, agreedAt: { not: null } }, data: { agreedAt: null, agreedByUserId: null } });
    if (agreed.count === 1 && row.agreedAt) {
      const withdrawn = [{ field: "agreedAt", before: row.agreedAt.toISOString(), after: null }, { field: "reason", before: null, after: "deleted" }];
      await auditEvent(tx, user, { action: "scenario.withdraw-agreement", entityType: "scenario", entityId: row.id, pcnCode: row.pcnCode, changes: withdrawn, at: now });
    }
  });
  const deleted = await db.scenario.findUniqueOrThrow({ where: { id: row.id }, select: { deletedAt: true } });
  await purgeExpired(db, now);
  return { deleted: true, restorableUntil: new Date(deleted.deletedAt!.getTime() + RESTORE_MS).toISOString() };
}

/** Undoes a delete within 30 days (after that the scenario is gone: 404). Restoring a live scenario changes nothing. */
export async function restoreScenario(db: Db, actor: SessionUser | null, id: string, now: Date = new Date()): Promise<ScenarioWithResults> {
  const user = requireSignedIn(actor);
  const row = SCENARIO_ID.test(id) ? await findRow(db, id) : null;
  if (row && isPurged(row, now)) {
    // Say why only to those who may restore it; anyone else gets the 404 of an unknown scenario.
    await requireForScenario(db, user, row, id, "editor");
    throw notFound(`This scenario was deleted on ${row.deletedAt!.toISOString().slice(0, 10)}, more than ${RESTORE_DAYS} days ago, and can no longer be restored.`);
  }
  const live = await loadAuthorised(db, user, id, "editor", now);
  await db.$transaction(async (tx) => {
    const current = await tx.scenario.findUnique({ where: { id: live.id }, select: { deletedAt: true } });
    if (!current?.deletedAt) return; // not deleted: nothing changes
    const { count } = await tx.scenario.updateMany({ where: { id: live.id, deletedAt: current.deletedAt }, data: { deletedAt: null, deletedByUserId: null } });
    if (count !== 1) return;
    const changes = [{ field: "deletedAt", before: current.deletedAt.toISOString(), after: null }];
    await auditEvent(tx, user, { action: "scenario.restore", entityType: "scenario", entityId: live.id, pcnCode: live.pcnCode, changes, at: now });
  });
  const s = toStored(await loadRow(db, id, now));
  return { ...s, results: await storedResults(db, s) };
}

/** A copy as a new scenario (version 1), named "Copy of …" unless a name is given. */
export async function duplicateScenario(
  db: Db,
  actor: SessionUser | null,
  id: string,
  opts: unknown = {},
  now: Date = new Date(),
): Promise<ScenarioWithResults> {
  const user = requireSignedIn(actor);
  const row = await loadAuthorised(db, user, id, "editor", now);
  // JSON null (or a list, a number…) is not the optional { name } object: refused, not read as "no name".
  const given = validate(DuplicateSchema, opts);
  const source = toStored(row);
  const name = given.name ?? `Copy of ${source.name}`.slice(0, 120);
  const body = validate(ScenarioBodySchema, bodyOf({ ...source, name }));
  const results = await resultsFor(db, row.pcnCode, body);
  const newIdValue = await insertScenario(db, user, row.pcnCode, body, now, row.id);
  return { ...toStored(await loadRow(db, newIdValue, now)), results };
}

/** POST /api/v1/scenarios/{id}/duplicate: an optional new name. */
const DuplicateSchema = z.strictObject(
  { name: ScenarioBodySchema.shape.name.optional() },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : 'The body must be a JSON object, e.g. {"name": "Plan B"}, or empty.') },
);

/**
 * "Start next year's plan from this one" (POST /api/v1/scenarios/{id}/roll-forward): a new
 * scenario (version 1) whose first year is the next one, starting from the posts in post on its
 * 1 April (lib/planner/roll-forward.ts), named "… 2027/28" unless a name is given, linked back by
 * `rolledFromId`. Editors of the PCN, as for duplicate; audited as a create with `rolledFrom`.
 * The next year beyond what the server allows today → invalid_input (422) in words.
 */
export async function rollScenarioForward(
  db: Db,
  actor: SessionUser | null,
  id: string,
  opts: unknown = {},
  now: Date = new Date(),
): Promise<ScenarioWithResults & { rollForward: RollForwardSummary }> {
  const user = requireSignedIn(actor);
  const row = await loadAuthorised(db, user, id, "editor", now);
  const given = validate(DuplicateSchema, opts);
  const source = toStored(row);
  const stored = ScenarioBodySchema.safeParse(bodyOf(source));
  if (!stored.success) {
    throw invalidInput(toFieldIssues(stored.error), "This saved scenario no longer passes the checks (the rules may have changed): open it, correct it and save it, then start next year's plan from it.");
  }
  const { body: rolled, summary } = rollForwardScenario(stored.data);
  if (financialYearIssue({ firstYear: rolled.firstYear }, "firstYear", "The first year", now)) {
    const { current, years } = yearChoices(now);
    const message = `This plan starts in ${source.firstYear}, so next year's plan would start in ${rolled.firstYear}: too far ahead, as plans can start at most in ${years.at(-1)} while the current financial year is ${current}. Nothing was created.`;
    throw invalidInput([{ path: "firstYear", message }], message);
  }
  const body = validate(ScenarioBodySchema, { ...rolled, ...(given.name ? { name: given.name } : {}) });
  const results = await resultsFor(db, row.pcnCode, body);
  const newIdValue = await insertScenario(db, user, row.pcnCode, body, now, undefined, row.id);
  return { ...toStored(await loadRow(db, newIdValue, now)), results, rollForward: summary };
}

/**
 * The plan a scenario was carried forward from, for the planner's "Carried forward from …" link:
 * its name, or null when it has since been deleted for good (or is not of the same PCN).
 */
export async function getRolledFrom(db: Db, scenario: Pick<StoredScenario, "rolledFromId" | "pcnCode">): Promise<{ id: string; name: string | null; deleted: boolean } | null> {
  if (!scenario.rolledFromId) return null;
  const row = await db.scenario.findUnique({ where: { id: scenario.rolledFromId }, select: { name: true, pcnCode: true, deletedAt: true } });
  if (!row || row.pcnCode !== scenario.pcnCode || isPurged(row, new Date())) return { id: scenario.rolledFromId, name: null, deleted: true };
  return { id: scenario.rolledFromId, name: row.name, deleted: row.deletedAt !== null };
}

// ---------------------------------------------------------------------------------------------
// History

/**
 * The scenario's audit trail, newest first: who created, saved, deleted or restored it, when, and
 * what each save changed field by field. Same access as reading the scenario (viewers too); a
 * deleted scenario's history stays readable while it can be restored.
 */
export async function getScenarioHistory(
  db: Db,
  actor: SessionUser | null,
  id: string,
  now: Date = new Date(),
): Promise<{ scenario: { id: string; pcnCode: string; name: string; version: number }; events: AuditEntry[] }> {
  const user = requireSignedIn(actor);
  const row = await loadAuthorised(db, user, id, "viewer", now);
  return { scenario: { id: row.id, pcnCode: row.pcnCode, name: row.name, version: row.version }, events: await listEntityEvents(db, "scenario", row.id) };
}
