// Accounts and sessions (no "server-only": the user CLI and tests use this too).
// Passwords: scrypt from Node's crypto (maintained with Node itself; no native add-on to build
// offline), per-user random salt, constant-time comparison. Sessions: a random 256-bit token in
// an httpOnly cookie; the database keeps only its SHA-256, so a database leak gives no sessions.
import crypto from "node:crypto";
import { z } from "zod";
import { COMMAND_LINE, isIcbRole, isPcnRole, isSystemAdmin, roleAtLeast, type Actor, type PcnMembership } from "./access";
import { auditEvent, diffFields } from "../audit";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput } from "../errors";
import { toFieldIssues } from "@/lib/schemas/common";

/**
 * An account's global role: "admin" = system administrator (every PCN, every account); "user" =
 * no global rights, only what its PCN memberships grant (lib/server/auth/access.ts). "editor" was the
 * role before access per PCN; it is still accepted on input and means "user".
 */
export const GLOBAL_ROLES = ["admin", "user"] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
/** What `hasRole` / `requireRole` ask about: a system administrator, or an editor somewhere. */
export type Role = "admin" | "editor";
export const SESSION_DAYS = 14;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: GlobalRole;
  /** The account's roles per PCN, as loaded with the session or API token (by PCN code). */
  memberships: PcnMembership[];
  /** The ICBs whose PCNs' agreed plans and outturns the account reads (role icb-viewer), by ICB code. */
  icbMemberships?: string[];
  /** The demo editor (lib/server/auth/demo-account.ts): it may plan only for the fictional demo PCNs. */
  isDemo?: boolean;
}

const membershipSelect = { select: { pcnCode: true, role: true }, orderBy: { pcnCode: "asc" } } as const;
const icbMembershipSelect = { select: { icbCode: true, role: true }, orderBy: { icbCode: "asc" } } as const;
/** What an account is loaded with: its roles per PCN and per ICB. */
const withMemberships = { memberships: membershipSelect, icbMemberships: icbMembershipSelect } as const;

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: string;
  isDemo: boolean;
  memberships?: { pcnCode: string; role: string }[];
  icbMemberships?: { icbCode: string; role: string }[];
};

/** A stored account as the app sees it: anything but "admin" has no global rights. */
export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role === "admin" ? "admin" : "user",
    memberships: (u.memberships ?? []).flatMap((m) => (isPcnRole(m.role) ? [{ pcnCode: m.pcnCode, role: m.role }] : [])),
    icbMemberships: (u.icbMemberships ?? []).flatMap((m) => (isIcbRole(m.role) ? [m.icbCode] : [])),
    isDemo: u.isDemo,
  };
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, saltText, hashText] = stored.split("$");
  if (kind !== "scrypt" || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, "base64url");
  const actual = crypto.scryptSync(password, Buffer.from(saltText, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(actual, expected);
}

export const NewUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address, like name@example.nhs.uk."),
  name: z.string().trim().min(1, "Enter the person's name.").max(100),
  // Left out: no global rights ("user"). "editor" is accepted as before and means the same.
  role: z
    .enum(["admin", "user", "editor"], { error: "Role must be admin (a system administrator), or left out for an account with no rights until granted." })
    .optional()
    .transform((r): GlobalRole => (r === "admin" ? "admin" : "user")),
  password: z.string().min(12, "Use a password of at least 12 characters.").max(200),
});

/**
 * A new account (the CLI; system administrators only). Without `role: "admin"` it has no rights
 * until a membership is granted. Recorded in the audit trail (user.create).
 */
export async function createUser(db: Db, input: z.input<typeof NewUserSchema>, actor: Actor = COMMAND_LINE, now: Date = new Date()): Promise<SessionUser> {
  if (!isSystemAdmin(actor)) throw new AppError("forbidden", "Only system administrators can create accounts.");
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(toFieldIssues(parsed.error));
  const { email, name, role, password } = parsed.data;
  if (await db.user.findUnique({ where: { email } })) throw new AppError("conflict", `There is already an account for ${email}.`);
  const passwordHash = hashPassword(password);
  const u = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email, name, role, passwordHash, createdAt: now } });
    await auditEvent(tx, actor, { action: "user.create", entityType: "user", entityId: email, changes: diffFields(null, { email, name, role }), at: now });
    return created;
  });
  return toSessionUser(u);
}

export async function setPassword(db: Db, email: string, password: string): Promise<void> {
  const parsed = NewUserSchema.shape.password.safeParse(password);
  if (!parsed.success) throw invalidInput(toFieldIssues(parsed.error));
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!u) throw new AppError("not_found", `No account for ${email}.`);
  await db.$transaction([
    db.user.update({ where: { id: u.id }, data: { passwordHash: hashPassword(password) } }),
    db.session.deleteMany({ where: { userId: u.id } }),
  ]);
}

/** Every account with its memberships, by email. */
export async function listUsers(db: Db): Promise<SessionUser[]> {
  // Two plain queries: an `include` would bind one parameter per account (too many for SQLite).
  const [users, memberships, icbMemberships] = await Promise.all([
    db.user.findMany({ orderBy: { email: "asc" } }),
    db.membership.findMany({ select: { userId: true, pcnCode: true, role: true }, orderBy: { pcnCode: "asc" } }),
    db.icbMembership.findMany({ select: { userId: true, icbCode: true, role: true }, orderBy: { icbCode: "asc" } }),
  ]);
  const byUser = groupByUser(memberships);
  const icbByUser = groupByUser(icbMemberships);
  return users.map((u) => toSessionUser({ ...u, memberships: byUser.get(u.id) ?? [], icbMemberships: icbByUser.get(u.id) ?? [] }));
}

/** Rows by their userId, in the order given. */
export function groupByUser<T extends { userId: number }>(rows: T[]): Map<number, T[]> {
  const byUser = new Map<number, T[]>();
  for (const m of rows) {
    const list = byUser.get(m.userId);
    if (list) list.push(m);
    else byUser.set(m.userId, [m]);
  }
  return byUser;
}

/**
 * Removes an account (its sessions, API tokens and memberships go with it; scenarios stay). The
 * audit trail records user.remove and a membership.revoke per PCN (icb-membership.revoke per ICB) it belonged to, in the same
 * transaction as the delete.
 */
export async function removeUser(db: Db, email: string, actor: Actor = COMMAND_LINE, now: Date = new Date()): Promise<void> {
  if (!isSystemAdmin(actor)) throw new AppError("forbidden", "Only system administrators can remove accounts.");
  const address = email.trim().toLowerCase();
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { email: address }, include: withMemberships });
    if (!u) throw new AppError("not_found", `No account for ${email}.`);
    for (const m of u.memberships) {
      await auditEvent(tx, actor, { action: "membership.revoke", entityType: "membership", entityId: u.email, pcnCode: m.pcnCode, changes: diffFields({ role: m.role }, null), at: now });
    }
    for (const m of u.icbMemberships) {
      await auditEvent(tx, actor, { action: "icb-membership.revoke", entityType: "icb-membership", entityId: u.email, changes: diffFields({ icb: m.icbCode, role: m.role }, null), at: now });
    }
    await auditEvent(tx, actor, { action: "user.remove", entityType: "user", entityId: u.email, changes: diffFields({ email: u.email, name: u.name, role: toSessionUser(u).role }, null), at: now });
    await tx.user.delete({ where: { id: u.id } });
  });
}

let dummy: string | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomBytes(16).toString("hex")));

/** Checks an email and password; null when either is wrong (never says which). */
export async function checkLogin(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, include: withMemberships });
  // Verify against a dummy hash when the account is unknown: the same single scrypt either way,
  // so timing does not reveal which emails have accounts.
  const ok = verifyPassword(password, u?.passwordHash ?? dummyHash());
  return u && ok ? toSessionUser(u) : null;
}

const tokenId = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: number, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.$transaction([
    // Tidy up: this account's expired sessions are of no further use.
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { id: tokenId(token), userId, expiresAt } }),
  ]);
  return { token, expiresAt };
}

export async function userForSession(db: Db, token: string | undefined, now: Date = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const s = await db.session.findUnique({ where: { id: tokenId(token) }, include: { user: { include: withMemberships } } });
  if (!s || s.expiresAt <= now) return null;
  return toSessionUser(s.user);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: tokenId(token) } });
}

/**
 * "admin": a system administrator. "editor": a system administrator, or an editor (or PCN admin)
 * of at least one PCN. For "may this user see or change PCN X", use canRead / canWrite /
 * requirePcnRole (lib/server/auth/access.ts): this only says whether there is anything to show.
 */
export function hasRole(user: SessionUser | null, role: Role): boolean {
  if (!user) return false;
  if (user.role === "admin") return true;
  return role === "editor" && user.memberships.some((m) => roleAtLeast(m.role, "editor"));
}

// ---------------------------------------------------------------------------------------------
// API tokens (`Authorization: Bearer …`): printed once by `npm run user -- token EMAIL`; the
// database keeps only the SHA-256, so a database leak gives no tokens. Revoked tokens stay as a
// record (revokedAt) and never work again.

const API_TOKEN_PREFIX = "arrs_";

/** A new random API token for the account; the token itself is returned once and never stored. */
export async function createApiToken(
  db: Db,
  email: string,
  opts: { label?: string; now?: Date } = {},
): Promise<{ token: string; user: SessionUser }> {
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, include: withMemberships });
  if (!u) throw new AppError("not_found", `No account for ${email}.`);
  const token = API_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  await db.apiToken.create({ data: { id: tokenId(token), userId: u.id, label: opts.label?.slice(0, 100) ?? null, createdAt: opts.now ?? new Date() } });
  return { token, user: toSessionUser(u) };
}

/**
 * The account an API token belongs to, or null (unknown, revoked, or not a token at all). A token
 * carries its account's memberships as they are now (loaded on every request), nothing of its own.
 */
export async function userForApiToken(db: Db, token: string | undefined, now: Date = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 200 || !token.startsWith(API_TOKEN_PREFIX)) return null;
  const t = await db.apiToken.findUnique({ where: { id: tokenId(token) }, include: { user: { include: withMemberships } } });
  if (!t || t.revokedAt) return null;
  // Record use, at most once a minute (no write on every request).
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.updateMany({ where: { id: t.id }, data: { lastUsedAt: now } });
  }
  return toSessionUser(t.user);
}

/** Revokes every live API token of the account; returns how many were revoked. */
export async function revokeApiTokens(db: Db, email: string, now: Date = new Date()): Promise<number> {
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!u) throw new AppError("not_found", `No account for ${email}.`);
  const { count } = await db.apiToken.updateMany({ where: { userId: u.id, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
