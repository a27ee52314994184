// ICB viewers (issue "The ICB's view", item 1): an account can be a viewer of one or more ICBs,
// granted and revoked by system administrators (the service, the CLI), loaded with the session,
// and checked against the database on every request; anyone outside the ICB gets 404.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canReadIcb, COMMAND_LINE, requireIcbViewer } from "@/lib/server/auth/access";
import { grantIcbMembership, grantMembership, listAccounts, revokeIcbMembership } from "@/lib/server/auth/memberships";
import { checkLogin, createApiToken, createUser, listUsers, removeUser, userForApiToken, type SessionUser } from "@/lib/server/auth/users";
import { createTestDb, repoRoot } from "../support/db";

let env: Awaited<ReturnType<typeof createTestDb>>;
let admin: SessionUser;
const PASSWORD = "a-long-password";

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  admin = await createUser(env.db, { email: "admin@example.nhs.uk", name: "Admin", role: "admin", password: PASSWORD });
  await createUser(env.db, { email: "icb@example.nhs.uk", name: "Ivy", password: PASSWORD });
  await createUser(env.db, { email: "pcn@example.nhs.uk", name: "Pat", password: PASSWORD });
});
afterAll(async () => {
  await env?.cleanup();
});

describe("granting and revoking an ICB role", () => {
  it("a system administrator makes an account a viewer of two ICBs; the account carries them when it signs in or uses a token", async () => {
    expect(await grantIcbMembership(env.db, admin, { email: "ICB@example.nhs.uk", icbCode: "qza", role: "icb-viewer" })).toMatchObject({ changed: true, icb: { code: "QZA" } });
    expect(await grantIcbMembership(env.db, COMMAND_LINE, { email: "icb@example.nhs.uk", icbCode: "QZB", role: "icb-viewer" })).toMatchObject({ changed: true });
    // Granting it again changes nothing and records nothing.
    const events = await env.db.auditEvent.count();
    expect(await grantIcbMembership(env.db, admin, { email: "icb@example.nhs.uk", icbCode: "QZA", role: "icb-viewer" })).toMatchObject({ changed: false });
    expect(await env.db.auditEvent.count()).toBe(events);

    const signedIn = await checkLogin(env.db, "icb@example.nhs.uk", PASSWORD);
    expect(signedIn?.icbMemberships).toEqual(["QZA", "QZB"]);
    expect(signedIn?.memberships).toEqual([]);
    const { token } = await createApiToken(env.db, "icb@example.nhs.uk");
    expect((await userForApiToken(env.db, token))?.icbMemberships).toEqual(["QZA", "QZB"]);
    expect((await listUsers(env.db)).find((u) => u.email === "icb@example.nhs.uk")?.icbMemberships).toEqual(["QZA", "QZB"]);
    const accounts = await listAccounts(env.db, admin);
    expect(accounts.find((a) => a.email === "icb@example.nhs.uk")?.icbMemberships.map((m) => m.icbCode)).toEqual(["QZA", "QZB"]);
  });

  it("records each grant and revoke in the audit trail", async () => {
    const rows = await env.db.auditEvent.findMany({ where: { entityType: "icb-membership" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.entityId, r.actorName])).toEqual([
      ["icb-membership.grant", "icb@example.nhs.uk", "Admin"],
      ["icb-membership.grant", "icb@example.nhs.uk", "Command line"],
    ]);
  });

  it("refuses bad input in words and changes nothing", async () => {
    const before = await env.db.icbMembership.count();
    await expect(grantIcbMembership(env.db, admin, { email: "icb@example.nhs.uk", icbCode: "QXX", role: "icb-viewer" })).rejects.toMatchObject({
      code: "invalid_input",
      issues: [{ path: "icbCode", message: expect.stringContaining("There is no ICB with code QXX") }],
    });
    await expect(grantIcbMembership(env.db, admin, { email: "icb@example.nhs.uk", icbCode: "QZA-1", role: "icb-viewer" })).rejects.toMatchObject({
      issues: [{ path: "icbCode", message: "An ICB code is three letters or digits, like QUY." }],
    });
    await expect(grantIcbMembership(env.db, admin, { email: "icb@example.nhs.uk", icbCode: "QZA", role: "editor" })).rejects.toMatchObject({
      issues: [{ path: "role", message: "The only role in an ICB is icb-viewer." }],
    });
    await expect(grantIcbMembership(env.db, admin, { email: "nobody@example.nhs.uk", icbCode: "QZA", role: "icb-viewer" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await env.db.icbMembership.count()).toBe(before);
  });

  it("only system administrators grant or revoke ICB roles (a PCN admin cannot)", async () => {
    const pcn = (await env.db.pcn.findFirst({ where: { icbCode: "QZA" }, select: { code: true } }))!.code;
    await grantMembership(env.db, admin, { email: "pcn@example.nhs.uk", pcnCode: pcn, role: "admin" });
    const pcnAdmin = (await checkLogin(env.db, "pcn@example.nhs.uk", PASSWORD))!;
    await expect(grantIcbMembership(env.db, pcnAdmin, { email: "pcn@example.nhs.uk", icbCode: "QZA", role: "icb-viewer" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeIcbMembership(env.db, pcnAdmin, { email: "icb@example.nhs.uk", icbCode: "QZA" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(grantIcbMembership(env.db, null, { email: "pcn@example.nhs.uk", icbCode: "QZA", role: "icb-viewer" })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("who may read an ICB's view", () => {
  it("its viewers and system administrators; anyone else gets 404, nobody signed in 401", async () => {
    const viewer = (await checkLogin(env.db, "icb@example.nhs.uk", PASSWORD))!;
    const pcnAdmin = (await checkLogin(env.db, "pcn@example.nhs.uk", PASSWORD))!;
    await expect(requireIcbViewer(env.db, viewer, "qza")).resolves.toBe(viewer);
    await expect(requireIcbViewer(env.db, admin, "QZC")).resolves.toBe(admin);
    // A PCN admin of one of the ICB's PCNs is not an ICB viewer.
    await expect(requireIcbViewer(env.db, pcnAdmin, "QZA")).rejects.toMatchObject({ code: "not_found" });
    await expect(requireIcbViewer(env.db, viewer, "QZC")).rejects.toMatchObject({ code: "not_found", message: "You are not a viewer of ICB QZC. Ask a system administrator to add you." });
    await expect(requireIcbViewer(env.db, null, "QZA")).rejects.toMatchObject({ code: "unauthenticated" });
    expect([canReadIcb(viewer, "QZA"), canReadIcb(viewer, "QZC"), canReadIcb(pcnAdmin, "QZA"), canReadIcb(admin, "QZD"), canReadIcb(null, "QZA")]).toEqual([true, false, false, true, false]);
  });

  it("checks the database, not the role loaded with the session: a revoked viewer is refused at once", async () => {
    const viewer = (await checkLogin(env.db, "icb@example.nhs.uk", PASSWORD))!;
    expect(await revokeIcbMembership(env.db, admin, { email: "icb@example.nhs.uk", icbCode: "QZB" })).toEqual({ revoked: "icb-viewer" });
    await expect(requireIcbViewer(env.db, viewer, "QZB")).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeIcbMembership(env.db, admin, { email: "icb@example.nhs.uk", icbCode: "QZB" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("npm run user -- grant/revoke EMAIL ICB_CODE icb-viewer", () => {
  const tsx = path.join(repoRoot, "node_modules/tsx/dist/cli.mjs");
  const run = (...args: string[]) => spawnSync(process.execPath, [tsx, "scripts/user.ts", ...args], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: env.url }, encoding: "utf8" });

  it("grants, lists and revokes an ICB role; a PCN code still grants a PCN role", () => {
    const g = run("grant", "pcn@example.nhs.uk", "QZC", "icb-viewer");
    expect(g.stderr).toBe("");
    expect(g.stdout).toContain("pcn@example.nhs.uk is now an ICB viewer of QZC (NHS Calder Vale Demo Integrated Care Board).");
    expect(g.status).toBe(0);
    expect(run("list").stdout).toMatch(/pcn@example\.nhs\.uk\tuser\tPat\tUZ?\d{4,5}:admin QZC:icb-viewer/);
    const r = run("revoke", "pcn@example.nhs.uk", "qzc");
    expect(r.stdout).toContain("pcn@example.nhs.uk is no longer an ICB viewer of QZC.");
    expect(r.status).toBe(0);
    const bad = run("grant", "pcn@example.nhs.uk", "QZZ", "icb-viewer");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("There is no ICB with code QZZ");
  });

  it("removing an account removes its ICB roles and records each", async () => {
    await grantIcbMembership(env.db, admin, { email: "pcn@example.nhs.uk", icbCode: "QZD", role: "icb-viewer" });
    await removeUser(env.db, "pcn@example.nhs.uk");
    expect(await env.db.icbMembership.count({ where: { icbCode: "QZD" } })).toBe(0);
    const last = await env.db.auditEvent.findFirst({ where: { action: "icb-membership.revoke", entityId: "pcn@example.nhs.uk" }, orderBy: { id: "desc" } });
    expect(last).not.toBeNull();
  });
});
