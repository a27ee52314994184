// Attempt limits kept in the database (lib/server/auth/rate-limit.ts), on SQLite and PostgreSQL: two
// Prisma clients on one database stand for two app instances, and each sees the other's attempts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { beginAttempt, checkLimit, clientAddress, LIMITS, limitKey, recordFailure, tryAgainIn } from "@/lib/server/auth/rate-limit";
import { createTestDbSync, type TestDb } from "../support/db";

let t: TestDb;
let a: Db;
let b: Db;
beforeAll(() => {
  t = createTestDbSync();
  a = t.db;
  b = createPrisma(t.url);
});
afterAll(async () => {
  await b?.$disconnect();
  await t?.cleanup();
});

const MIN = 60_000;
let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
/** A fresh moment for each test, far from the others' windows. */
const freshStart = () => new Date((clock += 24 * 60 * MIN));
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("failed API authentications per address (20 in 15 minutes)", () => {
  it("counts the failures of both instances; the 21st is refused on either, with the wait until the oldest is 15 minutes old", async () => {
    const start = freshStart();
    const address = "203.0.113.7";
    for (let i = 0; i < 20; i++) {
      const db = i % 2 ? b : a;
      expect(await checkLimit(db, LIMITS.apiTokenAddress, address, at(start, i * 1000))).toEqual({ allowed: true });
      expect(await recordFailure(db, LIMITS.apiTokenAddress, address, at(start, i * 1000))).toEqual({ allowed: true });
    }
    const now = at(start, 60_000);
    for (const db of [a, b]) {
      const v = await checkLimit(db, LIMITS.apiTokenAddress, address, now);
      expect(v.allowed).toBe(false);
      // The first failure (at start) leaves the window at start + 15 min: 14 minutes from now.
      expect(!v.allowed && v.retryAfterSeconds).toBe(14 * 60);
    }
    // Another address is not affected.
    expect(await checkLimit(b, LIMITS.apiTokenAddress, "203.0.113.8", now)).toEqual({ allowed: true });
    // Once the first failure is 15 minutes old, one more attempt is allowed, and then refused again.
    const later = at(start, 15 * MIN + 1);
    expect(await checkLimit(a, LIMITS.apiTokenAddress, address, later)).toEqual({ allowed: true });
    expect(await recordFailure(a, LIMITS.apiTokenAddress, address, later)).toEqual({ allowed: true });
    const v = await checkLimit(b, LIMITS.apiTokenAddress, address, later);
    expect(!v.allowed && v.retryAfterSeconds).toBe(1);
  });

  it("a burst from both instances at once gets at most 20 failures past the limit (perhaps fewer: each counts the others' rows)", async () => {
    const start = freshStart();
    const address = "198.51.100.20";
    const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => recordFailure(i % 2 ? b : a, LIMITS.apiTokenAddress, address, start)));
    const allowed = verdicts.filter((v) => v.allowed).length;
    expect(allowed).toBeLessThanOrEqual(20);
    expect((await checkLimit(a, LIMITS.apiTokenAddress, address, start)).allowed).toBe(false);
  });
});

describe("sign-in attempts per account and per address", () => {
  const attempt = (db: Db, email: string, address: string, now: Date) =>
    beginAttempt(
      db,
      [
        { limit: LIMITS.signInAccount, subject: email, clearOnSuccess: true },
        { limit: LIMITS.signInAddress, subject: address },
      ],
      now,
    );

  it("10 wrong passwords for an account (existing or not) from two instances, then refused with the wait; another account from the same address is not", async () => {
    const start = freshStart();
    for (let i = 0; i < 10; i++) {
      const r = await attempt(i % 2 ? b : a, "someone@example.nhs.uk", `192.0.2.${i}`, at(start, i * MIN));
      expect(r.allowed).toBe(true);
    }
    const r = await attempt(a, "someone@example.nhs.uk", "192.0.2.99", at(start, 10 * MIN));
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.retryAfterSeconds).toBe(5 * 60);
    expect(tryAgainIn(5 * 60)).toBe("Try again in 5 minutes.");
    expect(tryAgainIn(61)).toBe("Try again in 2 minutes.");
    expect(tryAgainIn(1)).toBe("Try again in 1 minute.");
    // A refused attempt does not count: the account is allowed again when the first failure leaves.
    expect((await attempt(b, "someone@example.nhs.uk", "192.0.2.99", at(start, 15 * MIN + 1))).allowed).toBe(true);
    expect((await attempt(b, "other@example.nhs.uk", "192.0.2.1", at(start, 10 * MIN))).allowed).toBe(true);
  });

  it("a success does not count and clears the account's failures, but not the address's", async () => {
    const start = freshStart();
    for (let i = 0; i < 9; i++) expect((await attempt(a, "forgetful@example.nhs.uk", "192.0.2.50", at(start, i))).allowed).toBe(true);
    const ok = await attempt(b, "forgetful@example.nhs.uk", "192.0.2.50", at(start, 10));
    expect(ok.allowed).toBe(true);
    if (ok.allowed) await ok.succeeded();
    expect(await a.authFailure.count({ where: { key: limitKey(LIMITS.signInAccount, "forgetful@example.nhs.uk") } })).toBe(0);
    expect(await a.authFailure.count({ where: { key: limitKey(LIMITS.signInAddress, "192.0.2.50") } })).toBe(9);
    for (let i = 0; i < 10; i++) expect((await attempt(b, "forgetful@example.nhs.uk", "192.0.2.50", at(start, 20 + i))).allowed).toBe(true);
    expect((await attempt(a, "forgetful@example.nhs.uk", "192.0.2.50", at(start, 40))).allowed).toBe(false);
  });

  it("50 wrong passwords from one address, over many accounts, then that address is refused for every account", async () => {
    const start = freshStart();
    for (let i = 0; i < 50; i++) expect((await attempt(i % 2 ? a : b, `user${i}@example.nhs.uk`, "192.0.2.200", at(start, i))).allowed).toBe(true);
    const r = await attempt(a, "new-person@example.nhs.uk", "192.0.2.200", at(start, 100));
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.retryAfterSeconds).toBe(15 * 60);
    expect((await attempt(a, "new-person@example.nhs.uk", "192.0.2.201", at(start, 100))).allowed).toBe(true);
  });

  it("concurrent attempts on both instances let at most 10 through for one account", async () => {
    const start = freshStart();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(i % 2 ? b : a, "target@example.nhs.uk", `192.0.2.${100 + i}`, start)));
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeLessThanOrEqual(10);
    // The refused attempts left nothing behind; the allowed ones are the account's failures.
    expect(await b.authFailure.count({ where: { key: limitKey(LIMITS.signInAccount, "target@example.nhs.uk") } })).toBe(allowed);
  });

  it("stores hashed keys only, and old rows are purged as attempts come in", async () => {
    await attempt(b, "private.person@example.nhs.uk", "192.0.2.77", freshStart());
    const rows = await a.authFailure.findMany({ take: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toMatch(/^[0-9a-f]{64}$/);
    // A day later, the next failure purges every row older than the longest window.
    await recordFailure(a, LIMITS.apiTokenAddress, "203.0.113.99", new Date(clock + 48 * 60 * MIN));
    expect(await a.authFailure.count()).toBe(1);
  });
});

describe("the client's address", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it("is the one scripts/serve.mjs passes on (the last hop), or unknown", () => {
    expect(clientAddress(headers("203.0.113.1"))).toBe("203.0.113.1");
    expect(clientAddress(headers("1.2.3.4, 203.0.113.1"))).toBe("203.0.113.1");
    expect(clientAddress(headers())).toBe("unknown");
    expect(clientAddress(headers(" , "))).toBe("unknown");
  });
});
