// The demo editor account: created by the demo seed (prisma/seed-demo.ts), its email and password
// published in the README and shown on the sign-in page while it exists, so anyone trying the app
// can save scenarios. It may plan only for the fictional demo PCNs (Pcn.isDemo); real PCNs need a
// real account. `npm run user -- remove demo@arrs-planner.example` removes it like any other.
// No "server-only": the seed and tests use this file.
import { COMMAND_LINE } from "./access";
import { auditEvent, diffFields } from "../audit";
import type { Db } from "../db/create-prisma";
import { AppError } from "../errors";
import { hashPassword, verifyPassword, type SessionUser } from "./users";

export const DEMO_ACCOUNT = {
  email: "demo@arrs-planner.example",
  password: "demo-planner-2026",
  name: "Demo Planner",
  /** No global rights: it plans through its editor membership of every demo PCN. */
  role: "user",
  pcnRole: "editor",
} as const;

/**
 * Creates the demo account if no account has its email, and makes it an editor of every demo PCN
 * it is not yet a member of (idempotent; recorded in the audit trail). An account that merely has
 * the email but is not the demo account is left alone.
 */
export async function ensureDemoAccount(db: Db, now: Date = new Date()): Promise<void> {
  const existing = await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true, isDemo: true } });
  if (existing && !existing.isDemo) return;
  const passwordHash = existing ? null : hashPassword(DEMO_ACCOUNT.password);
  await db.$transaction(async (tx) => {
    let id = existing?.id;
    if (id === undefined) {
      id = (await tx.user.create({ data: { email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name, role: DEMO_ACCOUNT.role, passwordHash: passwordHash!, isDemo: true, createdAt: now } })).id;
      const changes = diffFields(null, { email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name, role: DEMO_ACCOUNT.role });
      await auditEvent(tx, COMMAND_LINE, { action: "user.create", entityType: "user", entityId: DEMO_ACCOUNT.email, changes, at: now });
    }
    const have = new Set((await tx.membership.findMany({ where: { userId: id }, select: { pcnCode: true } })).map((m) => m.pcnCode));
    const missing = (await tx.pcn.findMany({ where: { isDemo: true }, select: { code: true }, orderBy: { code: "asc" } })).filter((p) => !have.has(p.code));
    if (!missing.length) return;
    await tx.membership.createMany({ data: missing.map((p) => ({ userId: id, pcnCode: p.code, role: DEMO_ACCOUNT.pcnRole, createdAt: now })) });
    for (const p of missing) {
      const changes = diffFields({ role: null }, { role: DEMO_ACCOUNT.pcnRole });
      await auditEvent(tx, COMMAND_LINE, { action: "membership.grant", entityType: "membership", entityId: DEMO_ACCOUNT.email, pcnCode: p.code, changes, at: now });
    }
  });
}

// One scrypt per stored hash, not per page view.
const checked = new Map<string, boolean>();

/**
 * The demo account's email and password for the sign-in page, or null once the account has been
 * removed (or its password changed: then the published one would not work).
 */
export async function getDemoAccountHint(db: Db): Promise<{ email: string; password: string } | null> {
  const u = await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { isDemo: true, passwordHash: true } });
  if (!u?.isDemo) return null;
  let ok = checked.get(u.passwordHash);
  if (ok === undefined) {
    ok = verifyPassword(DEMO_ACCOUNT.password, u.passwordHash);
    checked.set(u.passwordHash, ok);
  }
  return ok ? { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password } : null;
}

/** The demo account may change data only for demo PCNs: 403 forbidden otherwise. */
export function assertDemoMayChange(actor: SessionUser, pcn: { code: string; isDemo: boolean }, doing = "plan for"): void {
  if (actor.isDemo && !pcn.isDemo) {
    throw new AppError(
      "forbidden",
      `The demo account can only ${doing} the fictional demo PCNs (codes starting UZ). Sign in with your own account to ${doing} ${pcn.code}.`,
    );
  }
}
