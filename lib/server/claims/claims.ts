// A PCN's ARRS claims, month by month (issue 17, item 2): read a financial year, replace one
// month's lines with optimistic concurrency, and what "Prepare this month's claim" fills in from the
// agreed plan. Money is stored in integer pence, WTE in ten-thousandths (prisma ClaimLine).
//
// Versions as for scenarios (lib/server/scenarios/scenarios.ts updateScenario): a save names the
// version it was based on (0 for a month never saved); the write is conditional on it inside a
// transaction (a new month is an insert guarded by the primary key), so of two saves of one
// version exactly one wins and the other gets 409 with the stored lines (`current`). Every save
// is audited field by field (claims.save; lines matched by post id).
//
// Access per PCN: viewers read, editors and PCN admins write, system administrators everything;
// someone with no role in the PCN gets 404. No "server-only": tests call it with their own Db.
import { z } from "zod";
import { parseFinancialYear, FIRST_FINANCIAL_YEAR, financialYearProblem } from "@/lib/engine";
import { claimLineFromRow, monthsOfYear, type ClaimLine } from "@/lib/claims/types";
import { planLinesForMonth } from "@/lib/claims/prepare";
import { ClaimMonthBodySchema, financialYearOfMonth, isMonth, monthLabel, monthMismatchIssues, type ClaimLineParsed } from "@/lib/schemas/claims";
import { toFieldIssues } from "@/lib/schemas/common";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import { requirePcnRole, type PcnRole } from "../auth/access";
import { assertDemoMayChange } from "../auth/demo-account";
import type { SessionUser } from "../auth/users";
import { auditEvent, diffClaimLines, type AuditAction } from "../audit";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput, notFound, type FieldIssue } from "../errors";
import { getScenarioWithResults } from "../scenarios/scenarios";
import { currentFinancialYear } from "../today";
import { findAgreedPlan } from "./agree";

export interface ClaimMonthSummary {
  month: string;
  /** 0 = never saved. */
  version: number;
  lineCount: number;
  /** The month's amount claimed (£, every status). */
  claimed: number;
  updatedAt: string | null;
  updatedBy: { name: string } | null;
}

export interface ClaimsYear {
  pcn: { code: string; name: string };
  financialYear: string;
  /** The PCN's agreed plan, or null when none is agreed. */
  agreedPlan: { id: string; name: string; agreedAt: string } | null;
  months: ClaimMonthSummary[];
  lines: ClaimLine[];
}

export interface ClaimMonthSaved {
  month: string;
  version: number;
  lines: ClaimLine[];
  updatedAt: string | null;
  updatedBy: { name: string } | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// ---------------------------------------------------------------------------------------------
// Access and checks

function requireSignedIn(actor: SessionUser | null): SessionUser {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to see and save claims.");
  return actor;
}

/** The PCN, with the actor authorised for `role` (422 for a malformed code, 404 unknown or outside it). */
export async function loadPcnFor(db: Db, actor: SessionUser | null, pcnCode: string, role: PcnRole): Promise<{ user: SessionUser; pcn: { code: string; name: string } }> {
  const user = requireSignedIn(actor);
  const parsed = PcnCodeSchema.safeParse(pcnCode);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "That is not a PCN code.";
    throw invalidInput([{ path: "code", message }], message);
  }
  const pcn = await db.pcn.findUnique({ where: { code: parsed.data }, select: { code: true, name: true, isDemo: true } });
  if (!pcn) throw notFound(`There is no PCN with code ${parsed.data}.`);
  await requirePcnRole(db, user, pcn.code, role, { notFound: `You are not a member of PCN ${pcn.code}, so you cannot see or save its claims. Ask one of its admins to add you.` });
  if (role !== "viewer") assertDemoMayChange(user, pcn);
  return { user, pcn: { code: pcn.code, name: pcn.name } };
}

/** A financial year the app accepts today (422 in words otherwise). */
export function checkYear(year: string, path: string, now: Date): string {
  const start = parseFinancialYear(year);
  const problem =
    start === null
      ? `The year must be written like ${currentFinancialYear(now)} (the year starting 1 April, then the last two digits of the next year).`
      : start < parseFinancialYear(FIRST_FINANCIAL_YEAR)!
        ? `Claims start in ${FIRST_FINANCIAL_YEAR}: the planner has no ARRS rules for earlier years.`
        : financialYearProblem(year, currentFinancialYear(now), "The year");
  if (problem) throw invalidInput([{ path, message: problem }], problem);
  return year;
}

/** A month "YYYY-MM" in a year the app accepts (422 in words otherwise). */
export function checkMonth(month: string, path: string, now: Date): string {
  if (!isMonth(month)) {
    const message = `The month must be written like 2026-05 (year, then the month's number), not "${month.slice(0, 20)}".`;
    throw invalidInput([{ path, message }], message);
  }
  checkYear(financialYearOfMonth(month), path, now);
  return month;
}

// ---------------------------------------------------------------------------------------------
// Stored ⇄ API

const lineOrder = { position: "asc" } as const;

function toPence(pounds: number): number {
  return Math.round(pounds * 100);
}

function lineData(pcnCode: string, month: string, l: ClaimLineParsed, position: number) {
  return {
    pcnCode,
    month,
    position,
    postId: l.postId ? l.postId : null,
    label: l.label,
    role: l.role,
    wteTenThousandths: Math.round(l.wte * 10000),
    salaryPence: toPence(l.salary),
    employerNiPence: toPence(l.employerNi),
    employerPensionPence: toPence(l.employerPension),
    claimedPence: toPence(l.claimed),
    status: l.status,
    paidOn: l.paidOn ?? null,
    note: l.note ? l.note : null,
  };
}

/** A line without its month, for the audit diff. */
const auditLine = ({ month: _m, ...rest }: ClaimLine) => rest;

async function storedMonth(db: Pick<Db, "claimMonth">, pcnCode: string, month: string): Promise<ClaimMonthSaved> {
  const row = await db.claimMonth.findUnique({
    where: { pcnCode_month: { pcnCode, month } },
    include: { lines: { orderBy: lineOrder }, updatedBy: { select: { name: true } } },
  });
  if (!row) return { month, version: 0, lines: [], updatedAt: null, updatedBy: null };
  return { month, version: row.version, lines: row.lines.map(claimLineFromRow), updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy ? { name: row.updatedBy.name } : null };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** GET /api/v1/pcns/{code}/claims?year=: every month of the year (version 0 when never saved) and their lines. */
export async function getClaimsYear(db: Db, actor: SessionUser | null, pcnCode: string, year: string | null, now: Date = new Date()): Promise<ClaimsYear> {
  const { pcn } = await loadPcnFor(db, actor, pcnCode, "viewer");
  const financialYear = checkYear(year ?? currentFinancialYear(now), "year", now);
  const months = monthsOfYear(financialYear);
  const rows = await db.claimMonth.findMany({
    where: { pcnCode: pcn.code, month: { in: months } },
    include: { lines: { orderBy: lineOrder }, updatedBy: { select: { name: true } } },
  });
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const agreed = await findAgreedPlan(db, pcn.code);
  return {
    pcn,
    financialYear,
    agreedPlan: agreed ? { id: agreed.id, name: agreed.name, agreedAt: agreed.agreedAt.toISOString() } : null,
    months: months.map((month) => {
      const r = byMonth.get(month);
      return {
        month,
        version: r?.version ?? 0,
        lineCount: r?.lines.length ?? 0,
        claimed: (r?.lines.reduce((t, l) => t + l.claimedPence, 0) ?? 0) / 100,
        updatedAt: r?.updatedAt.toISOString() ?? null,
        updatedBy: r?.updatedBy ? { name: r.updatedBy.name } : null,
      };
    }),
    lines: months.flatMap((m) => byMonth.get(m)?.lines.map(claimLineFromRow) ?? []),
  };
}

/**
 * What "Prepare this month's claim" fills in: the agreed plan's lines for each month of the year
 * (months the plan does not cover, or with nobody in post, are absent). Null when no plan is agreed.
 */
export async function getPlanLines(
  db: Db,
  actor: SessionUser | null,
  pcnCode: string,
  year: string,
  now: Date = new Date(),
): Promise<{ plan: { id: string; name: string }; months: Record<string, ClaimLine[]>; estimate: boolean } | null> {
  const { user, pcn } = await loadPcnFor(db, actor, pcnCode, "viewer");
  const agreed = await findAgreedPlan(db, pcn.code);
  if (!agreed) return null;
  const s = await getScenarioWithResults(db, user, agreed.id, now);
  const months: Record<string, ClaimLine[]> = {};
  for (const m of monthsOfYear(year)) {
    const lines = planLinesForMonth(s.results, s.posts, m);
    if (lines.length) months[m] = lines;
  }
  // The plan's figures for the year rest on estimated (or projected) rules: the page says so.
  const y = s.results.years.find((r) => r.financialYear === year);
  return { plan: { id: s.id, name: s.name }, months, estimate: !!y && (y.isEstimate || y.projection) };
}

// ---------------------------------------------------------------------------------------------
// Writing

class StaleVersion extends Error {}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

function conflictError(current: ClaimMonthSaved, yourVersion: number): AppError {
  const by = current.updatedBy ? ` by ${current.updatedBy.name}` : "";
  const message = `The claims for ${monthLabel(current.month)} were saved${by}${current.updatedAt ? ` at ${current.updatedAt}` : ""} (version ${current.version}) after you loaded version ${yourVersion}, so your changes were not saved. Compare the two, then save again with version ${current.version} to keep yours, or take theirs.`;
  return new AppError("conflict", message, [], { current });
}

/** The post ids a line may name: the agreed plan's posts, and any already stored in the month. */
export async function allowedPostIds(db: Db, pcnCode: string): Promise<{ plan: { id: string; name: string } | null; ids: Set<string> }> {
  const agreed = await findAgreedPlan(db, pcnCode);
  if (!agreed) return { plan: null, ids: new Set() };
  const row = await db.scenario.findUniqueOrThrow({ where: { id: agreed.id }, select: { document: true } });
  const posts = (JSON.parse(row.document) as { posts?: { id?: string }[] }).posts ?? [];
  return { plan: { id: agreed.id, name: agreed.name }, ids: new Set(posts.map((p) => p.id).filter((id): id is string => !!id)) };
}

/** Issues for post ids that are neither the agreed plan's posts nor already in the stored month. */
export function postIdIssues(
  lines: readonly { postId?: string | null | undefined }[],
  allowed: { plan: { name: string } | null; ids: Set<string> },
  stored: readonly ClaimLine[],
  pathOf: (i: number) => string,
  what: (i: number) => string,
): FieldIssue[] {
  const kept = new Set(stored.map((l) => l.postId).filter((id): id is string => !!id));
  return lines.flatMap((l, i) => {
    if (!l.postId || allowed.ids.has(l.postId) || kept.has(l.postId)) return [];
    const message = allowed.plan
      ? `${what(i)}: "${l.postId}" is not a post of the agreed plan "${allowed.plan.name}". Leave the post id empty for a person not in the plan.`
      : `${what(i)}: names post "${l.postId}", but the PCN has no agreed plan. Agree a plan first, or leave the post id empty.`;
    return [{ path: pathOf(i), message }];
  });
}

/**
 * Replaces a month's lines inside a transaction, conditional on `version` (the stored one, 0 for
 * none), and records the change. Throws StaleVersion when another save came first.
 */
export async function writeMonth(
  tx: Tx,
  user: SessionUser,
  pcnCode: string,
  before: ClaimMonthSaved,
  lines: ClaimLineParsed[],
  action: AuditAction,
  now: Date,
  extra: { field: string; before: unknown; after: unknown }[] = [],
): Promise<void> {
  const { month, version } = before;
  if (version === 0) {
    await tx.claimMonth.create({ data: { pcnCode, month, version: 1, updatedAt: now, updatedByUserId: user.id } });
  } else {
    const { count } = await tx.claimMonth.updateMany({ where: { pcnCode, month, version }, data: { version: version + 1, updatedAt: now, updatedByUserId: user.id } });
    if (count !== 1) throw new StaleVersion();
    await tx.claimLine.deleteMany({ where: { pcnCode, month } });
  }
  if (lines.length) await tx.claimLine.createMany({ data: lines.map((l, i) => lineData(pcnCode, month, l, i)) });
  const after = lines.map((l, i) => claimLineFromRow(lineData(pcnCode, month, l, i)));
  const changes = [{ field: "version", before: version, after: version + 1 }, ...extra, ...diffClaimLines(before.lines.map(auditLine), after.map(auditLine))];
  await auditEvent(tx, user, { action, entityType: "claim-month", entityId: `${pcnCode}/${month}`, pcnCode, changes, at: now });
}

/** Runs `fn` in a transaction; a lost race (StaleVersion, or the month inserted meanwhile) → null. */
export async function inTransactionOrStale(db: Db, fn: (tx: Tx) => Promise<void>): Promise<boolean> {
  try {
    await db.$transaction(fn);
    return true;
  } catch (e) {
    if (e instanceof StaleVersion || isUniqueViolation(e)) return false;
    throw e;
  }
}

/**
 * PUT /api/v1/pcns/{code}/claims/{month}: replaces the month's lines. `version` must be the stored
 * one (0 for a month never saved); otherwise 409 with `current`, and nothing is written.
 */
export async function putClaimMonth(db: Db, actor: SessionUser | null, pcnCode: string, monthText: string, body: unknown, now: Date = new Date()): Promise<ClaimMonthSaved> {
  const { user, pcn } = await loadPcnFor(db, actor, pcnCode, "editor");
  const month = checkMonth(monthText, "month", now);
  const r = ClaimMonthBodySchema.safeParse(body);
  const rawLines = body && typeof body === "object" && Array.isArray((body as { lines?: unknown }).lines) ? ((body as { lines: unknown[] }).lines as { month?: string }[]) : [];
  const before = await storedMonth(db, pcn.code, month);
  const issues: FieldIssue[] = [...(r.success ? [] : toFieldIssues(r.error)), ...monthMismatchIssues(rawLines.filter((l) => l && typeof l === "object"), month)];
  if (r.success) {
    const allowed = await allowedPostIds(db, pcn.code);
    issues.push(...postIdIssues(r.data.lines, allowed, before.lines, (i) => `lines.${i}.postId`, (i) => `Line ${i + 1}`));
  }
  if (issues.length || !r.success) throw invalidInput(issues, `Some of the claims for ${monthLabel(month)} are not valid, so nothing was saved; see issues.`);
  const { version, lines } = r.data;
  if (version !== before.version) throw conflictError(before, version);
  const ok = await inTransactionOrStale(db, (tx) => writeMonth(tx, user, pcn.code, before, lines, "claims.save", now));
  if (!ok) throw conflictError(await storedMonth(db, pcn.code, month), version);
  return storedMonth(db, pcn.code, month);
}

export { storedMonth };

/** `?year=` of GET /api/v1/pcns/{code}/claims (only that parameter). */
const ClaimsQuerySchema = z.strictObject(
  { year: z.string().optional() },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown parameter(s): ${iss.keys.join(", ")}. Use ?year=2026/27.` : undefined) },
);

export function parseClaimsQuery(params: URLSearchParams): { year: string | null } {
  const r = ClaimsQuerySchema.safeParse(Object.fromEntries(params));
  if (!r.success) throw invalidInput(toFieldIssues(r.error), "The query is not valid; see issues.");
  return { year: r.data.year ?? null };
}
