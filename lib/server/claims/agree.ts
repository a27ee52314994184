// The PCN's agreed plan (issue 17, item 1): POST /api/v1/scenarios/{id}/agree marks one scenario
// as the plan the PCN agreed; DELETE withdraws it. One agreed plan per PCN at a time: agreeing
// another replaces it, in one transaction that first takes a write lock on the PCN's row, so two
// admins agreeing two scenarios at once end with exactly one agreed (on PostgreSQL too). Both
// are recorded in the audit trail (scenario.agree / scenario.withdraw-agreement), the replaced
// plan's withdrawal too. Who: the PCN's admins and system administrators; viewers and editors get
// 403, anyone with no role in the PCN the 404 of an unknown scenario.
// No "server-only": tests call it with their own Db.
import { requirePcnRole } from "../auth/access";
import { assertDemoMayChange } from "../auth/demo-account";
import type { SessionUser } from "../auth/users";
import { auditEvent } from "../audit";
import type { Db } from "../db/create-prisma";
import { AppError, notFound } from "../errors";
import { getScenario, RESTORE_DAYS, type StoredScenario } from "../scenarios/scenarios";
import { storeAgreedPlan } from "./plan-store-refresh";

const SCENARIO_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RESTORE_MS = RESTORE_DAYS * 86_400_000;

export interface AgreeResult extends StoredScenario {
  /** The scenario that was the agreed plan until now (agreeing this one withdrew it), or null. */
  replaced: { id: string; name: string } | null;
}

function requireSignedIn(actor: SessionUser | null): SessionUser {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to agree a plan.");
  return actor;
}

const unknownScenario = (id: string) => (SCENARIO_ID.test(id) ? `There is no scenario with id ${id}.` : "There is no such scenario.");

/** The scenario row for a PCN admin (outsiders and unknown ids: the same 404). */
async function loadForAdmin(db: Db, user: SessionUser, id: string, now: Date) {
  const row = SCENARIO_ID.test(id)
    ? await db.scenario.findUnique({ where: { id }, select: { id: true, name: true, pcnCode: true, deletedAt: true, agreedAt: true, pcn: { select: { isDemo: true } } } })
    : null;
  if (!row || (row.deletedAt && now.getTime() - row.deletedAt.getTime() >= RESTORE_MS)) throw notFound(unknownScenario(id));
  await requirePcnRole(db, user, row.pcnCode, "admin", { notFound: unknownScenario(id) });
  assertDemoMayChange(user, { code: row.pcnCode, isDemo: row.pcn.isDemo });
  return row;
}

/** Marks the scenario as its PCN's agreed plan, withdrawing any other. Agreeing the agreed plan again changes nothing. */
export async function agreeScenario(db: Db, actor: SessionUser | null, id: string, now: Date = new Date()): Promise<AgreeResult> {
  const user = requireSignedIn(actor);
  const row = await loadForAdmin(db, user, id, now);
  if (row.deletedAt) {
    throw new AppError("conflict", `This scenario was deleted on ${row.deletedAt.toISOString().slice(0, 10)}: restore it before agreeing it as the PCN's plan.`);
  }
  let replaced: { id: string; name: string } | null = null;
  await db.$transaction(async (tx) => {
    // A write on the PCN's row: agree transactions of one PCN run one after the other.
    await tx.pcn.update({ where: { code: row.pcnCode }, data: { code: row.pcnCode } });
    const current = await tx.scenario.findUnique({ where: { id: row.id }, select: { agreedAt: true, deletedAt: true } });
    if (!current || current.deletedAt) throw new AppError("conflict", "This scenario was deleted meanwhile: restore it before agreeing it as the PCN's plan.");
    if (current.agreedAt) return; // already the agreed plan
    const others = await tx.scenario.findMany({ where: { pcnCode: row.pcnCode, agreedAt: { not: null }, id: { not: row.id } }, select: { id: true, name: true, agreedAt: true } });
    for (const o of others) {
      await tx.scenario.update({ where: { id: o.id }, data: { agreedAt: null, agreedByUserId: null } });
      const changes = [
        { field: "agreedAt", before: o.agreedAt!.toISOString(), after: null },
        { field: "replacedBy", before: null, after: row.id },
      ];
      await auditEvent(tx, user, { action: "scenario.withdraw-agreement", entityType: "scenario", entityId: o.id, pcnCode: row.pcnCode, changes, at: now });
      replaced = { id: o.id, name: o.name };
    }
    await tx.scenario.update({ where: { id: row.id }, data: { agreedAt: now, agreedByUserId: user.id } });
    const changes = [
      { field: "agreedAt", before: null, after: now.toISOString() },
      ...(replaced ? [{ field: "replaces", before: null, after: (replaced as { id: string }).id }] : []),
    ];
    await auditEvent(tx, user, { action: "scenario.agree", entityType: "scenario", entityId: row.id, pcnCode: row.pcnCode, changes, at: now });
  });
  // The ICB's view reads the agreed plan's results from the store: write them now (a failure
  // here only means the first ICB read prices the plan itself).
  await storeAgreedPlan(db, row.id, now).catch(() => undefined);
  return { ...(await getScenario(db, user, row.id, now)), replaced };
}

/** Withdraws the agreement: the PCN then has no agreed plan. Withdrawing a scenario that is not agreed changes nothing. */
export async function withdrawAgreement(db: Db, actor: SessionUser | null, id: string, now: Date = new Date()): Promise<StoredScenario> {
  const user = requireSignedIn(actor);
  const row = await loadForAdmin(db, user, id, now);
  await db.$transaction(async (tx) => {
    const current = await tx.scenario.findUnique({ where: { id: row.id }, select: { agreedAt: true } });
    if (!current?.agreedAt) return;
    const { count } = await tx.scenario.updateMany({ where: { id: row.id, agreedAt: current.agreedAt }, data: { agreedAt: null, agreedByUserId: null } });
    if (count !== 1) return;
    const changes = [{ field: "agreedAt", before: current.agreedAt.toISOString(), after: null }];
    await auditEvent(tx, user, { action: "scenario.withdraw-agreement", entityType: "scenario", entityId: row.id, pcnCode: row.pcnCode, changes, at: now });
  });
  return getScenario(db, user, row.id, now);
}

/** The PCN's agreed plan (id and name), or null. Callers authorise first. */
export async function findAgreedPlan(db: Pick<Db, "scenario">, pcnCode: string): Promise<{ id: string; name: string; agreedAt: Date } | null> {
  const row = await db.scenario.findFirst({ where: { pcnCode, agreedAt: { not: null }, deletedAt: null }, select: { id: true, name: true, agreedAt: true }, orderBy: { agreedAt: "desc" } });
  return row ? { id: row.id, name: row.name, agreedAt: row.agreedAt! } : null;
}
