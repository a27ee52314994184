import "server-only";
import { cookies } from "next/headers";
import { getDb } from "../db/db";
import { AppError } from "../errors";
import { createSession, deleteSession, hasRole, SESSION_DAYS, userForSession, type Role, type SessionUser } from "./users";

export const SESSION_COOKIE = "arrs_session";

/** The signed-in user, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return userForSession(getDb(), jar.get(SESSION_COOKIE)?.value);
}

/** Authenticate and authorise, or throw `forbidden` (server actions and route handlers). */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("forbidden", "Sign in to do this.");
  if (!hasRole(user, role)) throw new AppError("forbidden", `Only ${role === "admin" ? "system administrators" : "a PCN's editors and admins"} can do this.`);
  return user;
}

/** The session cookie's attributes: set by startSession, and by the single sign-on callback on its redirect. */
export function sessionCookieOptions(expiresAt: Date, secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", expires: expiresAt, maxAge: SESSION_DAYS * 86_400 } as const;
}

export async function startSession(userId: number, secure: boolean): Promise<void> {
  const { token, expiresAt } = await createSession(getDb(), userId);
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt, secure));
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(getDb(), token);
  jar.delete(SESSION_COOKIE);
}
