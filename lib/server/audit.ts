// The audit trail: who changed which scenario, membership, user or weighted population, when, and
// from what to what (field-level before/after). Each event is written by the service that makes the
// change, in the same transaction (a change that fails or is rolled back leaves no event). There is
// no function to update or delete an event: the app cannot edit the trail.
// No "server-only": the CLI and tests use this file.
import { tableToCsv } from "@/lib/export/csv";
import type { Table } from "@/lib/export/tables";
import { auditActorOf, requirePcnRole, type Actor } from "./auth/access";
import type { Db } from "./db/create-prisma";
import { toFieldIssues } from "@/lib/schemas/common";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import { AppError, invalidInput, notFound } from "./errors";
import { z } from "zod";

export const AUDIT_ACTIONS = [
  "scenario.create",
  "scenario.update",
  "scenario.delete",
  "scenario.restore",
  "membership.grant",
  "membership.revoke",
  "icb-membership.grant",
  "icb-membership.revoke",
  "user.create",
  "user.remove",
  "weighted-population.set",
  "scenario.agree",
  "scenario.withdraw-agreement",
  "claims.save",
  "claims.import",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntityType = "scenario" | "membership" | "icb-membership" | "user" | "weighted-population" | "claim-month";

/** One changed field. `before`/`after` are JSON values; null = not there (created, removed, empty). */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An event as the API returns it. The actor is a name only (never an email). */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { name: string };
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  pcnCode: string | null;
  changes: AuditChange[];
}

export interface AuditEventInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  pcnCode?: string | null;
  changes: AuditChange[];
  at: Date;
}

/**
 * The create call for one event, not yet run: `await` it inside an interactive transaction, or put
 * it in the array of a batch `$transaction([...])` beside the change it records.
 */
export function auditEvent(client: Pick<Db, "auditEvent">, actor: Actor, e: AuditEventInput) {
  return client.auditEvent.create({
    data: {
      ...auditActorOf(actor),
      at: e.at,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      pcnCode: e.pcnCode ?? null,
      changes: JSON.stringify(e.changes),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Field-level differences

/** JSON with sorted keys: equal values give equal text whatever the key order. */
function stable(v: unknown): string {
  if (v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const orNull = (v: unknown) => (v === undefined || v === "" ? null : v);

/** Nested objects as dotted keys ("maxReimbursableAnnual.dietitian"); arrays and scalars are leaves. */
function flatten(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (v !== undefined) out.set(prefix, v);
  return out;
}

/** Changes between two flat maps of fields, each key prefixed (in the order: before's keys, then new ones). */
function compareMaps(before: Map<string, unknown>, after: Map<string, unknown>, prefix: string, out: AuditChange[]): void {
  const keys = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))];
  for (const k of keys) {
    const b = orNull(before.get(k));
    const a = orNull(after.get(k));
    if (stable(b) !== stable(a)) out.push({ field: `${prefix}${k}`, before: b, after: a });
  }
}

/** Two lists of items matched by id: added / removed whole, changed field by field, reordered. */
function compareById(name: string, before: readonly object[], after: readonly object[], out: AuditChange[]): void {
  const keyed = (list: readonly object[]) =>
    new Map(list.map((item, i) => [String((item as { id?: unknown }).id ?? `#${i + 1}`), item as Record<string, unknown>] as const));
  const b = keyed(before);
  const a = keyed(after);
  for (const [id, item] of b) {
    const next = a.get(id);
    if (!next) out.push({ field: `${name}[${id}]`, before: item, after: null });
    else compareMaps(flatten(item, "", new Map()), flatten(next, "", new Map()), `${name}[${id}].`, out);
  }
  for (const [id, item] of a) if (!b.has(id)) out.push({ field: `${name}[${id}]`, before: null, after: item });
  const common = (m: Map<string, unknown>, other: Map<string, unknown>) => [...m.keys()].filter((id) => other.has(id));
  const orderBefore = common(b, a);
  const orderAfter = common(a, b);
  if (orderBefore.join("\u0000") !== orderAfter.join("\u0000")) out.push({ field: `${name} (order)`, before: orderBefore, after: orderAfter });
}

export interface AuditedScenario {
  name: string;
  description?: string | null | undefined;
  firstYear: string;
  years: number;
  assumptions?: object | undefined;
  posts: readonly object[];
  supervisors?: readonly object[] | undefined;
}

/**
 * Field-level differences between two versions of a scenario's stored document (null = none yet):
 * name, description, firstYear, years, every assumption (dotted, e.g.
 * "assumptions.maxReimbursableAnnual.dietitian"), and posts and supervisors matched by id
 * ("posts[ot-1].wte" 1 → 0.8; a post added or removed is one change with the whole post).
 */
export function diffScenario(before: AuditedScenario | null, after: AuditedScenario): AuditChange[] {
  const out: AuditChange[] = [];
  for (const f of ["name", "description", "firstYear", "years"] as const) {
    const b = orNull(before?.[f]);
    const a = orNull(after[f]);
    if (stable(b) !== stable(a)) out.push({ field: f, before: b, after: a });
  }
  compareMaps(flatten(before?.assumptions ?? {}, "", new Map()), flatten(after.assumptions ?? {}, "", new Map()), "assumptions.", out);
  compareById("posts", before?.posts ?? [], after.posts, out);
  compareById("supervisors", before?.supervisors ?? [], after.supervisors ?? [], out);
  return out;
}

/**
 * Field-level differences between two versions of a month's claim lines: lines matched by their
 * post id (a line for a person not in the plan by its label), so "lines[ot-1].claimed" 3984.17 →
 * 3900; a line added or removed is one change with the whole line.
 */
export function diffClaimLines(before: readonly ({ postId: string | null; label: string } & object)[], after: readonly ({ postId: string | null; label: string } & object)[]): AuditChange[] {
  const keyed = (lines: readonly ({ postId: string | null; label: string } & object)[]) => {
    const seen = new Map<string, number>();
    return lines.map((l) => {
      const base = l.postId ?? `label:${l.label}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { ...l, id: n > 1 ? `${base}#${n}` : base };
    });
  };
  const out: AuditChange[] = [];
  compareById("lines", keyed(before), keyed(after), out);
  return out;
}

/** Differences between two records of plain fields (null before = created, null after = removed). */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange[] {
  const out: AuditChange[] = [];
  compareMaps(new Map(Object.entries(before ?? {})), new Map(Object.entries(after ?? {})), "", out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

type EventRow = Awaited<ReturnType<Db["auditEvent"]["findFirstOrThrow"]>>;

function readChanges(text: string): AuditChange[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as AuditChange[]) : [];
  } catch {
    return [];
  }
}

export function toAuditEntry(r: EventRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: { name: r.actorName },
    action: r.action as AuditAction,
    entityType: r.entityType as AuditEntityType,
    entityId: r.entityId,
    pcnCode: r.pcnCode,
    changes: readChanges(r.changes),
  };
}

/** One entity's events, newest first. Callers authorise first (e.g. getScenarioHistory). */
export async function listEntityEvents(db: Db, entityType: AuditEntityType, entityId: string): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({ where: { entityType, entityId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  return rows.map(toAuditEntry);
}

export const PCN_AUDIT_PAGE = 200;
export const PCN_AUDIT_MAX = 1000;
/** The most rows a CSV of a PCN's audit trail carries (newest first). */
export const PCN_AUDIT_CSV_MAX = 50_000;

/**
 * Everything recorded about a PCN (its scenarios, members, weighted population), newest first,
 * for the PCN's admins and system administrators. `before` (an event id) pages back in time.
 */
export async function getPcnAudit(
  db: Db,
  actor: Actor | null,
  pcnCode: string,
  opts: { limit?: number; before?: number } = {},
): Promise<{ pcnCode: string; events: AuditEntry[]; nextBefore: number | null }> {
  const parsed = PcnCodeSchema.safeParse(pcnCode);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "That is not a PCN code.";
    throw invalidInput([{ path: "code", message }], message);
  }
  const code = parsed.data;
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to see the audit trail.");
  const pcn = await db.pcn.findUnique({ where: { code }, select: { code: true } });
  if (!pcn) throw notFound(`There is no PCN with code ${code}.`);
  await requirePcnRole(db, actor, code, "admin", { notFound: `You are not a member of PCN ${code}. Ask one of its admins to add you.` });
  const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? PCN_AUDIT_PAGE)), PCN_AUDIT_CSV_MAX);
  const rows = await db.auditEvent.findMany({
    where: { pcnCode: code, ...(opts.before !== undefined ? { id: { lt: opts.before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { pcnCode: code, events: page.map(toAuditEntry), nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** `?limit=&before=` of GET /api/v1/pcns/{code}/audit. */
const AuditQuerySchema = z.strictObject(
  {
    limit: z.coerce.number({ error: "limit must be a whole number." }).int("limit must be a whole number.").min(1, "limit must be at least 1.").max(PCN_AUDIT_MAX, `limit can be at most ${PCN_AUDIT_MAX}.`).optional(),
    before: z.coerce.number({ error: "before must be an event id." }).int("before must be an event id.").min(1, "before must be an event id.").optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown parameter(s): ${iss.keys.join(", ")}.` : undefined) },
);

export function parseAuditQuery(params: URLSearchParams): { limit?: number; before?: number } {
  const r = AuditQuerySchema.safeParse(Object.fromEntries(params));
  if (!r.success) throw invalidInput(toFieldIssues(r.error), "The query is not valid; see issues.");
  return r.data;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A change's value as text: empty for nothing, JSON for lists and objects. */
export function auditValueText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/**
 * Events as CSV (lib/export/csv.ts: UTF-8 with BOM, RFC 4180, typed text made inert): one row per
 * changed field, events without field changes as one row.
 */
export function auditCsv(events: AuditEntry[]): string {
  const table: Table = {
    name: "audit",
    title: "Audit trail",
    columns: ["When (UTC)", "Who", "Action", "Entity type", "Entity", "PCN", "Field", "Before", "After"].map((header) => ({ header, kind: "text" as const })),
    rows: events.flatMap((e) => {
      const head = [e.at, e.actor.name, e.action, e.entityType, e.entityId, e.pcnCode ?? ""];
      return e.changes.length ? e.changes.map((c) => [...head, c.field, auditValueText(c.before), auditValueText(c.after)]) : [[...head, "", "", ""]];
    }),
  };
  return tableToCsv(table);
}

/** A CSV download (no caching: the trail grows). */
export function auditCsvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
