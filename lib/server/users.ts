// Accounts and sessions (no "server-only": the user CLI and tests use this too).
// Passwords: scrypt from Node's crypto (maintained with Node itself; no native add-on to build
// offline), per-user random salt, constant-time comparison. Sessions: a random 256-bit token in
// an httpOnly cookie; the database keeps only its SHA-256, so a database leak gives no sessions.
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "./create-prisma";
import { AppError, invalidInput } from "./errors";
import { toFieldIssues } from "@/lib/schemas/common";

export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];
export const SESSION_DAYS = 14;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The demo editor (lib/server/demo-account.ts): it may plan only for the fictional demo PCNs. */
  isDemo?: boolean;
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
  role: z.enum(ROLES, { error: "Role must be admin or editor." }),
  password: z.string().min(12, "Use a password of at least 12 characters.").max(200),
});

export async function createUser(db: Db, input: z.input<typeof NewUserSchema>): Promise<SessionUser> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(toFieldIssues(parsed.error));
  const { email, name, role, password } = parsed.data;
  if (await db.user.findUnique({ where: { email } })) throw new AppError("conflict", `There is already an account for ${email}.`);
  const u = await db.user.create({ data: { email, name, role, passwordHash: hashPassword(password) } });
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role };
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

export async function listUsers(db: Db): Promise<SessionUser[]> {
  const users = await db.user.findMany({ orderBy: { email: "asc" } });
  return users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role as Role }));
}

export async function removeUser(db: Db, email: string): Promise<void> {
  const { count } = await db.user.deleteMany({ where: { email: email.trim().toLowerCase() } });
  if (!count) throw new AppError("not_found", `No account for ${email}.`);
}

let dummy: string | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomBytes(16).toString("hex")));

/** Checks an email and password; null when either is wrong (never says which). */
export async function checkLogin(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Verify against a dummy hash when the account is unknown: the same single scrypt either way,
  // so timing does not reveal which emails have accounts.
  const ok = verifyPassword(password, u?.passwordHash ?? dummyHash());
  return u && ok ? { id: u.id, email: u.email, name: u.name, role: u.role as Role, isDemo: u.isDemo } : null;
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
  const s = await db.session.findUnique({ where: { id: tokenId(token) }, include: { user: true } });
  if (!s || s.expiresAt <= now) return null;
  return { id: s.user.id, email: s.user.email, name: s.user.name, role: s.user.role as Role, isDemo: s.user.isDemo };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: tokenId(token) } });
}

/** Admins can do everything editors can. */
export function hasRole(user: SessionUser | null, role: Role): boolean {
  return !!user && (user.role === "admin" || user.role === role);
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
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!u) throw new AppError("not_found", `No account for ${email}.`);
  const token = API_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  await db.apiToken.create({ data: { id: tokenId(token), userId: u.id, label: opts.label?.slice(0, 100) ?? null, createdAt: opts.now ?? new Date() } });
  return { token, user: { id: u.id, email: u.email, name: u.name, role: u.role as Role, isDemo: u.isDemo } };
}

/** The account an API token belongs to, or null (unknown, revoked, or not a token at all). */
export async function userForApiToken(db: Db, token: string | undefined, now: Date = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 200 || !token.startsWith(API_TOKEN_PREFIX)) return null;
  const t = await db.apiToken.findUnique({ where: { id: tokenId(token) }, include: { user: true } });
  if (!t || t.revokedAt) return null;
  // Record use, at most once a minute (no write on every request).
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.updateMany({ where: { id: t.id }, data: { lastUsedAt: now } });
  }
  return { id: t.user.id, email: t.user.email, name: t.user.name, role: t.user.role as Role, isDemo: t.user.isDemo };
}

/** Revokes every live API token of the account; returns how many were revoked. */
export async function revokeApiTokens(db: Db, email: string, now: Date = new Date()): Promise<number> {
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!u) throw new AppError("not_found", `No account for ${email}.`);
  const { count } = await db.apiToken.updateMany({ where: { userId: u.id, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
