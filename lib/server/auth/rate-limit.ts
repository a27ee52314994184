// Attempt limits for sign-in and API tokens, kept in the database (AuthFailure rows) so that every
// app instance on one database counts the same attempts. A sliding window: a limit of N in W
// minutes allows an attempt while fewer than N of the key's failures are younger than W.
// No "server-only": the integration tests drive it with two Prisma clients (two instances).
//
// Sign-in reserves before it checks the password: it writes the attempt's row first and then
// counts, so two instances answering at the same moment cannot both let a 'last' attempt through
// (each row is committed before it is counted, so of two concurrent attempts at least one sees the
// other). A successful sign-in deletes its row (and the account's earlier failures). API
// tokens are checked on every request, so they count first (one indexed read) and only write on a
// failure; a failure past the limit is answered 429 rather than 401, so at most N are ever 401.
import crypto from "node:crypto";
import type { Db } from "../db/create-prisma";

export interface Limit {
  /** Part of the key: which limit a row counts towards. */
  name: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

export const LIMITS = {
  /** Wrong passwords for one account (whether or not it exists: nothing tells them apart). */
  signInAccount: { name: "sign-in-account", max: 10, windowMs: 15 * MINUTE },
  /** Wrong passwords from one address (several people may share an office's address). */
  signInAddress: { name: "sign-in-address", max: 50, windowMs: 15 * MINUTE },
  /** Bad, unknown or revoked API tokens from one address (issue 8: at most 20 in 15 minutes). */
  apiTokenAddress: { name: "api-token-address", max: 20, windowMs: 15 * MINUTE },
  /**
   * Optimiser runs without an account, per address (issue 15): each holds a solver worker for up
   * to 15 s, so an open endpoint must not let one address keep them all.
   */
  optimiseAddress: { name: "optimise-address", max: 20, windowMs: 10 * MINUTE },
  /** Optimiser runs by one signed-in account (the page or the API with a token): far more room. */
  optimiseAccount: { name: "optimise-account", max: 120, windowMs: 10 * MINUTE },
} as const satisfies Record<string, Limit>;

const LONGEST_WINDOW_MS = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The stored key: a hash, so no typed email or client address is kept. */
export function limitKey(limit: Limit, subject: string): string {
  return crypto.createHash("sha256").update(`${limit.name}\n${subject}`).digest("hex");
}

/** Seconds until an attempt under `limit` would be allowed again (at least 1). */
async function retryAfter(db: Db, limit: Limit, key: string, now: Date): Promise<number> {
  // Allowed again once the max-th most recent failure has left the window.
  const nth = await db.authFailure.findFirst({
    where: { key, at: { gt: new Date(now.getTime() - limit.windowMs) } },
    orderBy: { at: "desc" },
    skip: limit.max - 1,
    select: { at: true },
  });
  const until = nth ? nth.at.getTime() + limit.windowMs : now.getTime() + 1000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

const countInWindow = (db: Db, limit: Limit, key: string, now: Date) =>
  db.authFailure.count({ where: { key, at: { gt: new Date(now.getTime() - limit.windowMs) } } });

let lastPurge = 0;
/** Deletes rows no window can count any more: at most once a minute per process. */
async function purgeOld(db: Db, now: Date): Promise<void> {
  if (now.getTime() - lastPurge < MINUTE) return;
  lastPurge = now.getTime();
  await db.authFailure.deleteMany({ where: { at: { lte: new Date(now.getTime() - LONGEST_WINDOW_MS) } } });
}

/** Is an attempt allowed now? Reads only (the API's check on every token request). */
export async function checkLimit(db: Db, limit: Limit, subject: string, now: Date = new Date()): Promise<Verdict> {
  const key = limitKey(limit, subject);
  if ((await countInWindow(db, limit, key, now)) < limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: await retryAfter(db, limit, key, now) };
}

/**
 * Records a failed attempt. Not allowed when it is past the limit (then answer 429, not the
 * failure itself): concurrent requests that all passed checkLimit are caught here.
 */
export async function recordFailure(db: Db, limit: Limit, subject: string, now: Date = new Date()): Promise<Verdict> {
  const key = limitKey(limit, subject);
  await db.authFailure.create({ data: { key, at: now } });
  await purgeOld(db, now);
  if ((await countInWindow(db, limit, key, now)) <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: await retryAfter(db, limit, key, now) };
}

export interface Attempt {
  /** The attempt succeeded: it does not count, and nor do the earlier failures of `clear`'s keys. */
  succeeded(): Promise<void>;
}

/**
 * Reserves an attempt under every one of `limits` (e.g. the account and the address): writes one
 * row for each, then counts. Past any limit: the rows are removed again and the answer says when
 * to try again (the longest wait). Otherwise the rows stay, as failures, unless the caller says
 * the attempt succeeded.
 */
export async function beginAttempt(
  db: Db,
  limits: { limit: Limit; subject: string; clearOnSuccess?: boolean }[],
  now: Date = new Date(),
): Promise<({ allowed: true } & Attempt) | { allowed: false; retryAfterSeconds: number }> {
  const keys = limits.map((l) => ({ ...l, key: limitKey(l.limit, l.subject) }));
  // One statement (no transaction to queue for): the rows are committed before they are counted.
  const rows = await db.authFailure.createManyAndReturn({ data: keys.map((k) => ({ key: k.key, at: now })), select: { id: true } });
  const ids = rows.map((r) => r.id);
  await purgeOld(db, now);
  const counts = await Promise.all(keys.map((k) => countInWindow(db, k.limit, k.key, now)));
  const over = keys.filter((k, i) => counts[i]! > k.limit.max);
  if (over.length) {
    await db.authFailure.deleteMany({ where: { id: { in: ids } } });
    const waits = await Promise.all(over.map((k) => retryAfter(db, k.limit, k.key, now)));
    return { allowed: false, retryAfterSeconds: Math.max(...waits) };
  }
  return {
    allowed: true,
    async succeeded() {
      const cleared = keys.filter((k) => k.clearOnSuccess).map((k) => k.key);
      await db.authFailure.deleteMany({ where: { OR: [{ id: { in: ids } }, ...(cleared.length ? [{ key: { in: cleared } }] : [])] } });
    },
  };
}

/** "Try again in 12 minutes." (whole minutes, rounded up; never 0). */
export function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * The client's address as scripts/serve.mjs passes it on: it replaces X-Forwarded-For with the
 * one address it trusts (the socket's, or with ARRS_TRUST_PROXY=N the one N proxies saw). The
 * last entry is taken, so an address a client put first is never used. "unknown" without one.
 */
export function clientAddress(headers: { get(name: string): string | null }): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops.at(-1)?.slice(0, 100) ?? "unknown";
}
