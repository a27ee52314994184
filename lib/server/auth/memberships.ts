// Memberships: who has which role in which PCN (lib/server/auth/access.ts says what the roles allow).
// System administrators manage every PCN's members (the /admin/users page, `npm run user -- grant
// | revoke`); a PCN's admins manage their own PCN's members (/pcns/{code}/members). Every grant,
// change and revoke is written to the audit trail in the same transaction.
// No "server-only": the CLI and tests use this file.
import { z } from "zod";
import { toFieldIssues } from "@/lib/schemas/common";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import { ICB_ROLES, isIcbRole, isPcnRole, PCN_ROLES, requirePcnRole, requireSystemAdmin, type Actor, type IcbRole, type PcnRole } from "./access";
import { auditEvent, diffFields } from "../audit";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput, notFound } from "../errors";
import { groupByUser, toSessionUser, type GlobalRole } from "./users";

const EmailSchema = z.string({ error: "Enter an email address." }).trim().toLowerCase().min(1, "Enter the person's email address.").max(200).email("Enter an email address, like name@example.nhs.uk.");

export const GrantSchema = z.object({
  email: EmailSchema,
  pcnCode: PcnCodeSchema,
  role: z.enum(PCN_ROLES, { error: "Choose a role: viewer, editor or PCN admin." }),
});
export const RevokeSchema = GrantSchema.omit({ role: true });

/** An ICB's ODS code: three letters or digits (e.g. QUY). */
export const IcbCodeSchema = z
  .string({ error: "Enter the ICB's code." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3}$/, "An ICB code is three letters or digits, like QUY.");
export const IcbGrantSchema = z.object({
  email: EmailSchema,
  icbCode: IcbCodeSchema,
  role: z.enum(ICB_ROLES, { error: "The only role in an ICB is icb-viewer." }),
});
export const IcbRevokeSchema = IcbGrantSchema.omit({ role: true });

export interface PcnMember {
  userId: number;
  email: string;
  name: string;
  role: PcnRole;
  /** The account's global role ("admin" = a system administrator as well). */
  accountRole: GlobalRole;
  since: string;
  grantedBy: { name: string } | null;
}

export interface AccountSummary {
  id: number;
  email: string;
  name: string;
  role: GlobalRole;
  isDemo: boolean;
  createdAt: string;
  memberships: { pcnCode: string; pcnName: string; role: PcnRole }[];
  icbMemberships: { icbCode: string; icbName: string; role: IcbRole }[];
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalidInput(toFieldIssues(r.error), "Some of the details are not valid; see issues.");
  return r.data;
}

const outsider = (code: string) => `You are not a member of PCN ${code}. Ask one of its admins to add you.`;

/** The PCN's admins and system administrators; 404 for an unknown PCN (PCNs are public). */
async function requireMemberAdmin(db: Db, actor: Actor | null, pcnCode: string): Promise<{ actor: Actor; pcn: { code: string; name: string; isDemo: boolean } }> {
  if (!actor) throw new AppError("unauthenticated", "Sign in to manage a PCN's members.");
  const pcn = await db.pcn.findUnique({ where: { code: pcnCode }, select: { code: true, name: true, isDemo: true } });
  if (!pcn) throw notFound(`There is no PCN with code ${pcnCode}.`);
  await requirePcnRole(db, actor, pcn.code, "admin", { notFound: outsider(pcn.code) });
  return { actor, pcn };
}

/**
 * Gives an account a role in a PCN, or changes the role it has there. Returns whether anything
 * changed (granting the role someone already has changes nothing and records nothing).
 */
export async function grantMembership(
  db: Db,
  actor: Actor | null,
  input: { email: unknown; pcnCode: unknown; role: unknown },
  now: Date = new Date(),
): Promise<{ changed: boolean; before: PcnRole | null; member: PcnMember }> {
  if (!actor) throw new AppError("unauthenticated", "Sign in to manage a PCN's members.");
  const data = parse(GrantSchema, input);
  const { pcn } = await requireMemberAdmin(db, actor, data.pcnCode);
  const user = await db.user.findUnique({ where: { email: data.email }, select: { id: true, email: true, isDemo: true } });
  if (!user) throw invalidInput([{ path: "email", message: `There is no account for ${data.email}. A system administrator creates accounts (npm run user -- add).` }], `There is no account for ${data.email}.`);
  if (user.isDemo && !pcn.isDemo) {
    throw invalidInput([{ path: "email", message: "The demo account can only be a member of the fictional demo PCNs (codes starting UZ)." }], "The demo account can only be a member of demo PCNs.");
  }
  const grantedByUserId = "id" in actor ? actor.id : null;
  const before = await db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { userId_pcnCode: { userId: user.id, pcnCode: pcn.code } }, select: { role: true } });
    const was = existing && isPcnRole(existing.role) ? existing.role : null;
    if (was === data.role) return was;
    await tx.membership.upsert({
      where: { userId_pcnCode: { userId: user.id, pcnCode: pcn.code } },
      create: { userId: user.id, pcnCode: pcn.code, role: data.role, createdAt: now, grantedByUserId },
      update: { role: data.role, grantedByUserId },
    });
    await auditEvent(tx, actor, { action: "membership.grant", entityType: "membership", entityId: user.email, pcnCode: pcn.code, changes: diffFields({ role: was }, { role: data.role }), at: now });
    return was;
  });
  const member = (await membersOf(db, pcn.code)).find((m) => m.userId === user.id)!;
  return { changed: before !== data.role, before, member };
}

/** Takes an account's role in a PCN away. 404 when it has none there. */
export async function revokeMembership(db: Db, actor: Actor | null, input: { email: unknown; pcnCode: unknown }, now: Date = new Date()): Promise<{ revoked: PcnRole }> {
  if (!actor) throw new AppError("unauthenticated", "Sign in to manage a PCN's members.");
  const data = parse(RevokeSchema, input);
  const { pcn } = await requireMemberAdmin(db, actor, data.pcnCode);
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { pcnCode: pcn.code, user: { email: data.email } }, select: { id: true, role: true } });
    if (!m) throw notFound(`${data.email} is not a member of PCN ${pcn.code}.`);
    await tx.membership.delete({ where: { id: m.id } });
    await auditEvent(tx, actor, { action: "membership.revoke", entityType: "membership", entityId: data.email, pcnCode: pcn.code, changes: diffFields({ role: m.role }, null), at: now });
    return { revoked: m.role as PcnRole };
  });
}

async function membersOf(db: Db, pcnCode: string): Promise<PcnMember[]> {
  const rows = await db.membership.findMany({
    where: { pcnCode },
    include: { user: { select: { id: true, email: true, name: true, role: true } }, grantedBy: { select: { name: true } } },
    orderBy: [{ user: { email: "asc" } }],
  });
  return rows.flatMap((r) =>
    isPcnRole(r.role)
      ? [
          {
            userId: r.user.id,
            email: r.user.email,
            name: r.user.name,
            role: r.role,
            accountRole: r.user.role === "admin" ? ("admin" as const) : ("user" as const),
            since: r.createdAt.toISOString(),
            grantedBy: r.grantedBy ? { name: r.grantedBy.name } : null,
          },
        ]
      : [],
  );
}

/** A PCN's members, by email: for its admins and system administrators. */
export async function listPcnMembers(db: Db, actor: Actor | null, pcnCode: string): Promise<{ pcn: { code: string; name: string }; members: PcnMember[] }> {
  const code = parse(RevokeSchema.shape.pcnCode, pcnCode);
  const { pcn } = await requireMemberAdmin(db, actor, code);
  return { pcn: { code: pcn.code, name: pcn.name }, members: await membersOf(db, pcn.code) };
}

/** Every account and its memberships: system administrators only (the users page). */
export async function listAccounts(db: Db, actor: Actor | null): Promise<AccountSummary[]> {
  requireSystemAdmin(actor);
  // Two plain queries: an `include` would bind one parameter per account (too many for SQLite).
  const [users, memberships, icbMemberships] = await Promise.all([
    db.user.findMany({ orderBy: { email: "asc" } }),
    db.membership.findMany({ select: { userId: true, pcnCode: true, role: true, pcn: { select: { name: true } } }, orderBy: { pcnCode: "asc" } }),
    db.icbMembership.findMany({ select: { userId: true, icbCode: true, role: true, icb: { select: { name: true } } }, orderBy: { icbCode: "asc" } }),
  ]);
  const byUser = groupByUser(memberships);
  const icbByUser = groupByUser(icbMemberships);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: toSessionUser(u).role,
    isDemo: u.isDemo,
    createdAt: u.createdAt.toISOString(),
    memberships: (byUser.get(u.id) ?? []).flatMap((m) => (isPcnRole(m.role) ? [{ pcnCode: m.pcnCode, pcnName: m.pcn.name, role: m.role }] : [])),
    icbMemberships: (icbByUser.get(u.id) ?? []).flatMap((m) => (isIcbRole(m.role) ? [{ icbCode: m.icbCode, icbName: m.icb.name, role: m.role }] : [])),
  }));
}

/**
 * How many accounts are admins of the PCN. Public (a count, no names): the PCN page tells a
 * signed-in outsider whom to ask for access — one of its admins, or, when it has none, a site
 * administrator.
 */
export async function countPcnAdmins(db: Db, pcnCode: string): Promise<number> {
  return db.membership.count({ where: { pcnCode, role: "admin" } });
}

/**
 * Makes an account a viewer of an ICB (system administrators only): it then reads the agreed plans,
 * outturns and forecast returns of the ICB's PCNs. Granting what the account already has changes
 * nothing and records nothing.
 */
export async function grantIcbMembership(
  db: Db,
  actor: Actor | null,
  input: { email: unknown; icbCode: unknown; role: unknown },
  now: Date = new Date(),
): Promise<{ changed: boolean; icb: { code: string; name: string } }> {
  requireSystemAdmin(actor);
  const data = parse(IcbGrantSchema, input);
  const icb = await db.icb.findUnique({ where: { code: data.icbCode }, select: { code: true, name: true } });
  if (!icb) throw invalidInput([{ path: "icbCode", message: `There is no ICB with code ${data.icbCode}. Import the England data, or check the code.` }], `There is no ICB with code ${data.icbCode}.`);
  const user = await db.user.findUnique({ where: { email: data.email }, select: { id: true, isDemo: true } });
  if (!user) throw invalidInput([{ path: "email", message: `There is no account for ${data.email}. A system administrator creates accounts (npm run user -- add).` }], `There is no account for ${data.email}.`);
  if (user.isDemo) throw invalidInput([{ path: "email", message: "The demo account cannot be an ICB viewer." }], "The demo account cannot be an ICB viewer.");
  const grantedByUserId = actor && "id" in actor ? actor.id : null;
  const changed = await db.$transaction(async (tx) => {
    const existing = await tx.icbMembership.findUnique({ where: { userId_icbCode: { userId: user.id, icbCode: icb.code } }, select: { role: true } });
    if (existing?.role === data.role) return false;
    await tx.icbMembership.upsert({
      where: { userId_icbCode: { userId: user.id, icbCode: icb.code } },
      create: { userId: user.id, icbCode: icb.code, role: data.role, createdAt: now, grantedByUserId },
      update: { role: data.role, grantedByUserId },
    });
    await auditEvent(tx, actor!, { action: "icb-membership.grant", entityType: "icb-membership", entityId: data.email, changes: diffFields({ icb: existing ? icb.code : null, role: existing?.role ?? null }, { icb: icb.code, role: data.role }), at: now });
    return true;
  });
  return { changed, icb };
}

/** Takes an account's role in an ICB away (system administrators only). 404 when it has none there. */
export async function revokeIcbMembership(db: Db, actor: Actor | null, input: { email: unknown; icbCode: unknown }, now: Date = new Date()): Promise<{ revoked: IcbRole }> {
  requireSystemAdmin(actor);
  const data = parse(IcbRevokeSchema, input);
  return db.$transaction(async (tx) => {
    const m = await tx.icbMembership.findFirst({ where: { icbCode: data.icbCode, user: { email: data.email } }, select: { id: true, role: true } });
    if (!m) throw notFound(`${data.email} is not a viewer of ICB ${data.icbCode}.`);
    await tx.icbMembership.delete({ where: { id: m.id } });
    await auditEvent(tx, actor!, { action: "icb-membership.revoke", entityType: "icb-membership", entityId: data.email, changes: diffFields({ icb: data.icbCode, role: m.role }, null), at: now });
    return { revoked: m.role as IcbRole };
  });
}
