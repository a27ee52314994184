import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { checkLogin, createSession, createUser, hashPassword, hasRole, listUsers, removeUser, setPassword, userForSession, verifyPassword } from "@/lib/server/auth/users";
import { createTestDb } from "../support/db";

let env: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  env = await createTestDb();
});
afterAll(async () => {
  await env?.cleanup();
});

describe("passwords", () => {
  it("hashes with a random salt and verifies only the right password", () => {
    const a = hashPassword("correct horse battery");
    const b = hashPassword("correct horse battery");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(verifyPassword("correct horse battery", a)).toBe(true);
    expect(verifyPassword("correct horse batterY", a)).toBe(false);
    expect(verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});

describe("accounts and sessions", () => {
  it("creates accounts with normalised emails and refuses duplicates and weak input", async () => {
    const u = await createUser(env.db, { email: "  Ed@Example.NHS.uk ", name: "Ed", role: "editor", password: "a-long-password" });
    // "editor" (the role before access per PCN) is accepted and means no global rights.
    expect(u).toMatchObject({ email: "ed@example.nhs.uk", role: "user", memberships: [] });
    await expect(createUser(env.db, { email: "ed@example.nhs.uk", name: "Ed 2", role: "editor", password: "a-long-password" })).rejects.toMatchObject({ code: "conflict" });
    const weak = await createUser(env.db, { email: "x@example.nhs.uk", name: "X", role: "editor", password: "short" }).catch((e) => e);
    expect(weak).toBeInstanceOf(AppError);
    expect(weak.issues[0]).toEqual({ path: "password", message: "Use a password of at least 12 characters." });
    await expect(createUser(env.db, { email: "y@example.nhs.uk", name: "Y", role: "owner" as "admin", password: "a-long-password" })).rejects.toMatchObject({ code: "invalid_input" });
    // No role: an account with no rights until granted.
    expect(await createUser(env.db, { email: "z@example.nhs.uk", name: "Z", password: "a-long-password" })).toMatchObject({ role: "user", memberships: [] });
    await removeUser(env.db, "z@example.nhs.uk");
    expect((await listUsers(env.db)).map((x) => x.email)).toEqual(["ed@example.nhs.uk"]);
  });

  it("signs in only with the right password; sessions expire and end on a password change", async () => {
    expect(await checkLogin(env.db, "ed@example.nhs.uk", "wrong-password")).toBeNull();
    expect(await checkLogin(env.db, "nobody@example.nhs.uk", "a-long-password")).toBeNull();
    const user = await checkLogin(env.db, "ED@example.nhs.uk", "a-long-password");
    expect(user?.email).toBe("ed@example.nhs.uk");
    const now = new Date("2026-11-24T12:00:00Z");
    const { token, expiresAt } = await createSession(env.db, user!.id, now);
    expect(expiresAt.toISOString()).toBe("2026-12-08T12:00:00.000Z"); // 14 days
    expect(await userForSession(env.db, token, now)).toMatchObject({ email: "ed@example.nhs.uk" });
    expect(await userForSession(env.db, token, new Date("2026-12-08T12:00:00Z"))).toBeNull(); // expired
    expect(await userForSession(env.db, "made-up-token", now)).toBeNull();
    expect(await userForSession(env.db, undefined, now)).toBeNull();
    // The stored id is a hash, never the token itself.
    expect(await env.db.session.count({ where: { id: token } })).toBe(0);
    await setPassword(env.db, "ed@example.nhs.uk", "another-long-password");
    expect(await userForSession(env.db, token, now)).toBeNull();
    expect(await checkLogin(env.db, "ed@example.nhs.uk", "another-long-password")).not.toBeNull();
  });

  it("system admins can do what editors can; a PCN editor is an editor somewhere, never an admin", () => {
    const admin = { id: 1, email: "a@x", name: "A", role: "admin" as const, memberships: [] };
    const editor = { id: 2, email: "e@x", name: "E", role: "user" as const, memberships: [{ pcnCode: "UZ1001", role: "editor" as const }] };
    const viewer = { id: 3, email: "v@x", name: "V", role: "user" as const, memberships: [{ pcnCode: "UZ1001", role: "viewer" as const }] };
    const nobody = { id: 4, email: "n@x", name: "N", role: "user" as const, memberships: [] };
    expect(hasRole(admin, "editor")).toBe(true);
    expect(hasRole(admin, "admin")).toBe(true);
    expect(hasRole(editor, "editor")).toBe(true);
    expect(hasRole(editor, "admin")).toBe(false);
    expect(hasRole(viewer, "editor")).toBe(false);
    expect(hasRole(nobody, "editor")).toBe(false);
    expect(hasRole(null, "editor")).toBe(false);
  });

  it("removes accounts and their sessions", async () => {
    await removeUser(env.db, "ed@example.nhs.uk");
    expect(await env.db.session.count()).toBe(0);
    await expect(removeUser(env.db, "ed@example.nhs.uk")).rejects.toMatchObject({ code: "not_found" });
  });
});
