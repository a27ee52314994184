// Saved scenarios through the service (lib/server/scenarios/scenarios.ts): save / load / list / duplicate /
// delete / restore, optimistic concurrency, who may do what, API tokens, validation messages.
// Access per PCN in depth (outsiders, viewers, PCN admins): access.test.ts.
// Runs on SQLite, and on PostgreSQL in `node scripts/test.mjs postgres`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { DEMO_ACCOUNT, getDemoAccountHint } from "@/lib/server/auth/demo-account";
import { grantMembership } from "@/lib/server/auth/memberships";
import { AppError } from "@/lib/server/errors";
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  getPlannerContext,
  getScenario,
  getScenarioWithResults,
  listScenarios,
  restoreScenario,
  updateScenario,
} from "@/lib/server/scenarios/scenarios";
import { checkLogin, createApiToken, createUser, removeUser, revokeApiTokens, userForApiToken, type SessionUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let editor: SessionUser;
let other: SessionUser;
let demo: SessionUser;
const DEMO_PCN = "UZ1001";
const REAL_PCN = "U99999";

export const BODY = {
  name: "Add one First Contact OT from October",
  description: "The lead case",
  firstYear: "2025/26",
  years: 3,
  assumptions: { claimLagMonths: 2 },
  posts: [
    { id: "ot-1", label: "OT – frailty", role: "occupational-therapist", status: "proposed", band: "7", point: 1, wte: 1, start: "2025-10-01" },
    { label: "Pharmacist", role: "clinical-pharmacist", status: "existing", annualSalary: 52000, wte: 0.8 },
  ],
};

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  // Ed is an editor of the PCNs these tests plan for (and of nothing else); Olu is a system administrator.
  editor = await createUser(env.db, { email: "ed@example.nhs.uk", name: "Ed Editor", password: "a-long-password" });
  other = await createUser(env.db, { email: "olu@example.nhs.uk", name: "Olu Other", role: "admin", password: "a-long-password" });
  demo = (await checkLogin(env.db, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password))!;
  await env.db.pcn.create({ data: { code: REAL_PCN, name: "REAL TEST PCN", nameSearch: "REAL TEST PCN", isDemo: false } });
  for (const pcnCode of [DEMO_PCN, "UZ1002", "UZ1003", REAL_PCN]) await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode, role: "editor" });
});
afterAll(async () => {
  await env?.cleanup();
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("save and load", () => {
  it("creates version 1 with post ids, stores the validated body and answers with results", async () => {
    const s = await createScenario(env.db, editor, DEMO_PCN, BODY);
    expect(s).toMatchObject({
      pcnCode: DEMO_PCN,
      pcnName: "RIVERSIDE DEMO PCN",
      name: BODY.name,
      description: "The lead case",
      firstYear: "2025/26",
      years: 3,
      version: 1,
      updatedBy: { name: "Ed Editor" },
      deletedAt: null,
      assumptions: { claimLagMonths: 2 },
      supervisors: [],
    });
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // A post without an id gets "post-1"; defaults (area, status, label) are stored.
    expect(s.posts.map((p) => p.id)).toEqual(["ot-1", "post-1"]);
    expect(s.posts[1]).toMatchObject({ status: "existing", area: "national", label: "Pharmacist" });
    expect(s.results.years).toHaveLength(3);
    expect(s.results.years[0]).toHaveProperty("entitlement");
    expect(s.results.years[0]!.financialYear).toBe("2025/26");
    // No emails anywhere in what is returned.
    expect(JSON.stringify(s)).not.toContain("@");

    const loaded = await getScenarioWithResults(env.db, editor, s.id);
    const { results: _r, ...stored } = loaded;
    const { results: _r2, ...created } = s;
    expect(stored).toEqual(created);
    expect(loaded.results.years[0]!.entitlement).toBe(s.results.years[0]!.entitlement);
    expect(await env.db.scenarioRevision.count({ where: { scenarioId: s.id } })).toBe(1);
  });

  it("lists a PCN's scenarios, last saved first, with post counts", async () => {
    const second = await createScenario(env.db, other, DEMO_PCN, { ...BODY, name: "Second", posts: [] }, new Date(Date.now() + 1000));
    const list = await listScenarios(env.db, editor, DEMO_PCN);
    expect(list[0]).toEqual({
      id: second.id,
      name: "Second",
      description: "The lead case",
      firstYear: "2025/26",
      years: 3,
      version: 1,
      updatedAt: second.updatedAt,
      updatedBy: { name: "Olu Other" },
      postCount: 0,
      // The agreed plan (issue 17): not agreed.
      agreed: false,
      agreedAt: null,
      agreedBy: null,
    });
    expect(list.find((x) => x.name === BODY.name)?.postCount).toBe(2);
    expect(await listScenarios(env.db, editor, "UZ1002")).toEqual([]);
  });

  it("the planner context: PCN, weighted population with provenance, practices, area", async () => {
    const ctx = await getPlannerContext(env.db, DEMO_PCN, "2025/26");
    expect(ctx.pcn).toEqual({ code: DEMO_PCN, name: "RIVERSIDE DEMO PCN" });
    expect(ctx.weightedPopulation.provenance).toBe("icb-confirmed"); // the seed confirms every third PCN
    expect(ctx.practices.length).toBeGreaterThanOrEqual(3);
    expect(ctx.practices[0]).toEqual({ code: expect.stringMatching(/^Z9/), name: expect.any(String), weighted: null, registered: expect.any(Number) });
    expect(ctx.defaultArea).toBe("national");
    // UZ1006 is in the demo London ICB (QZD, "Demo London Region").
    expect((await getPlannerContext(env.db, "UZ1006", "2025/26")).defaultArea).toBe("outer-london");
    await expect(getPlannerContext(env.db, "UZ9999", "2025/26")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("saving: optimistic concurrency", () => {
  it("a save based on the current version wins, adds 1 and keeps a revision", async () => {
    const s = await createScenario(env.db, editor, DEMO_PCN, BODY);
    const saved = await updateScenario(env.db, other, s.id, { ...BODY, name: "Renamed", version: 1 });
    expect(saved).toMatchObject({ id: s.id, name: "Renamed", version: 2, updatedBy: { name: "Olu Other" } });
    expect(saved.posts.map((p) => p.id)).toEqual(["ot-1", "post-1"]);
    const revisions = await env.db.scenarioRevision.findMany({ where: { scenarioId: s.id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.name])).toEqual([
      [1, BODY.name],
      [2, "Renamed"],
    ]);
  });

  it("a stale save is refused with the stored scenario, and nothing is overwritten", async () => {
    const s = await createScenario(env.db, editor, DEMO_PCN, BODY);
    await updateScenario(env.db, other, s.id, { ...BODY, name: "Theirs", version: 1 });
    const e = await rejection(updateScenario(env.db, editor, s.id, { ...BODY, name: "Mine", version: 1 }));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/saved by Olu Other .* \(version 2\) after you loaded version 1/);
    expect(e.details.current).toMatchObject({ id: s.id, name: "Theirs", version: 2 });
    expect((await getScenario(env.db, editor, s.id)).name).toBe("Theirs");
    // Keeping mine: save again based on version 2.
    expect((await updateScenario(env.db, editor, s.id, { ...BODY, name: "Mine", version: 2 })).version).toBe(3);
  });

  it("two saves from the same version at once: exactly one wins", async () => {
    const s = await createScenario(env.db, editor, DEMO_PCN, BODY);
    const outcomes = await Promise.allSettled([
      updateScenario(env.db, editor, s.id, { ...BODY, name: "A", version: 1 }),
      updateScenario(env.db, other, s.id, { ...BODY, name: "B", version: 1 }),
      updateScenario(env.db, other, s.id, { ...BODY, name: "C", version: 1 }),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const l of lost) expect(l.reason).toMatchObject({ code: "conflict" });
    const now = await getScenario(env.db, editor, s.id);
    expect(now.version).toBe(2);
    expect(now.name).toBe((won[0] as PromiseFulfilledResult<{ name: string }>).value.name);
    expect(await env.db.scenarioRevision.count({ where: { scenarioId: s.id } })).toBe(2);
  });
});

describe("duplicate, delete, restore", () => {
  it("duplicates in one step: 'Copy of …', a new id, version 1", async () => {
    const s = await createScenario(env.db, editor, DEMO_PCN, BODY);
    await updateScenario(env.db, editor, s.id, { ...BODY, version: 1 });
    const copy = await duplicateScenario(env.db, other, s.id);
    expect(copy).toMatchObject({ name: `Copy of ${BODY.name}`, version: 1, pcnCode: DEMO_PCN, updatedBy: { name: "Olu Other" } });
    expect(copy.id).not.toBe(s.id);
    expect(copy.posts).toEqual((await getScenario(env.db, editor, s.id)).posts);
    expect((await duplicateScenario(env.db, editor, s.id, { name: "Plan B" })).name).toBe("Plan B");
    const e = await rejection(duplicateScenario(env.db, editor, s.id, { name: "" }));
    expect(e.issues).toEqual([{ path: "name", message: "Give the scenario a name." }]);
  });

  it("deletes softly, lists deleted ones, restores within 30 days, refuses after", async () => {
    const t0 = new Date("2026-12-01T10:00:00Z");
    const s = await createScenario(env.db, editor, "UZ1003", BODY, t0);
    const del = await deleteScenario(env.db, editor, s.id, t0);
    expect(del).toEqual({ deleted: true, restorableUntil: "2026-12-31T10:00:00.000Z" });
    expect(await listScenarios(env.db, editor, "UZ1003", { now: t0 })).toEqual([]);
    const deleted = await listScenarios(env.db, editor, "UZ1003", { deleted: true, now: t0 });
    expect(deleted).toMatchObject([{ id: s.id, deletedAt: t0.toISOString(), restorableUntil: "2026-12-31T10:00:00.000Z" }]);
    // Still readable (to restore it), but not writable.
    expect((await getScenario(env.db, editor, s.id, t0)).deletedAt).toBe(t0.toISOString());
    const e = await rejection(updateScenario(env.db, editor, s.id, { ...BODY, version: 1 }, t0));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/was deleted on 2026-12-01/);
    // Deleting twice is harmless.
    expect(await deleteScenario(env.db, editor, s.id, new Date("2026-12-05T00:00:00Z"))).toEqual(del);

    const restored = await restoreScenario(env.db, other, s.id, new Date("2026-12-30T10:00:00Z"));
    expect(restored).toMatchObject({ id: s.id, deletedAt: null, version: 1 });
    expect(restored.results.years[0]).toHaveProperty("entitlement");
    expect((await listScenarios(env.db, editor, "UZ1003")).map((x) => x.id)).toEqual([s.id]);

    await deleteScenario(env.db, editor, s.id, t0);
    const late = new Date("2026-12-31T10:00:00Z"); // exactly 30 days on
    const gone = await rejection(restoreScenario(env.db, editor, s.id, late));
    expect(gone.code).toBe("not_found");
    expect(gone.message).toBe("This scenario was deleted on 2026-12-01, more than 30 days ago, and can no longer be restored.");
    await expect(getScenario(env.db, editor, s.id, late)).rejects.toMatchObject({ code: "not_found" });
    // Purged (with its revisions) the next time a list is read.
    await listScenarios(env.db, editor, "UZ1003", { deleted: true, now: late });
    expect(await env.db.scenario.count({ where: { id: s.id } })).toBe(0);
    expect(await env.db.scenarioRevision.count({ where: { scenarioId: s.id } })).toBe(0);
  });
});

describe("who may plan", () => {
  it("nobody signed in: unauthenticated, before anything is looked up", async () => {
    for (const p of [
      listScenarios(env.db, null, DEMO_PCN),
      createScenario(env.db, null, DEMO_PCN, BODY),
      getScenario(env.db, null, "whatever"),
      updateScenario(env.db, null, "whatever", {}),
      deleteScenario(env.db, null, "whatever"),
      restoreScenario(env.db, null, "whatever"),
      duplicateScenario(env.db, null, "whatever"),
    ]) {
      const e = await rejection(p);
      expect(e.code).toBe("unauthenticated");
    }
  });

  it("an editor plans for the PCNs they are an editor of; unknown PCNs and scenarios are not_found, odd codes invalid", async () => {
    const s = await createScenario(env.db, editor, REAL_PCN, BODY);
    expect(s.pcnName).toBe("REAL TEST PCN");
    // No practices and no population: the context says so and the scenario still computes.
    expect(s.results.years).toHaveLength(3);
    await expect(createScenario(env.db, editor, "UZ9999", BODY)).rejects.toMatchObject({ code: "not_found", message: "There is no PCN with code UZ9999." });
    await expect(listScenarios(env.db, editor, "not a code!")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(getScenario(env.db, editor, "NoSuchScenario01")).rejects.toMatchObject({ code: "not_found", message: "There is no scenario with id NoSuchScenario01." });
    await expect(getScenario(env.db, editor, "../../etc")).rejects.toMatchObject({ code: "not_found", message: "There is no such scenario." });
    // Not Ed's PCN: 404, as for a PCN's scenarios that cannot be seen.
    await expect(createScenario(env.db, editor, "UZ1010", BODY)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the demo account plans only for demo PCNs: an editor of each, outside every real one", async () => {
    // No global rights; an editor of every demo PCN (the seed's ensureDemoAccount).
    expect(demo).toMatchObject({ email: DEMO_ACCOUNT.email, role: "user", isDemo: true });
    expect(demo.memberships).toHaveLength(30);
    expect(demo.memberships.every((m) => m.role === "editor" && m.pcnCode.startsWith("UZ"))).toBe(true);
    const mine = await createScenario(env.db, demo, DEMO_PCN, BODY);
    expect(mine.updatedBy).toEqual({ name: "Demo Planner" });
    const real = await createScenario(env.db, editor, REAL_PCN, BODY);
    // A real PCN's scenario list or a new one there: 403 that says what the demo account is for.
    for (const call of [() => createScenario(env.db, demo, REAL_PCN, BODY), () => listScenarios(env.db, demo, REAL_PCN)]) {
      const e = await rejection(call());
      expect(e.code).toBe("forbidden");
      expect(e.message).toBe(`The demo account can only plan for the fictional demo PCNs (codes starting UZ). Sign in with your own account to plan for ${REAL_PCN}.`);
    }
    // A real PCN's scenario: the demo account is an outsider there, so it does not exist for it.
    for (const call of [
      () => getScenario(env.db, demo, real.id),
      () => updateScenario(env.db, demo, real.id, { ...BODY, version: 1 }),
      () => deleteScenario(env.db, demo, real.id),
      () => duplicateScenario(env.db, demo, real.id),
    ]) {
      const e = await rejection(call());
      expect(e.code).toBe("not_found");
      expect(e.message).toBe(`There is no scenario with id ${real.id}.`);
    }
    // Nor can it be made a member of a real PCN.
    await expect(grantMembership(env.db, COMMAND_LINE, { email: DEMO_ACCOUNT.email, pcnCode: REAL_PCN, role: "editor" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("the sign-in page's demo hint exists while the account does", async () => {
    expect(await getDemoAccountHint(env.db)).toEqual({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password });
  });
});

describe("API tokens", () => {
  it("are printed once, stored hashed, work until revoked", async () => {
    const { token, user } = await createApiToken(env.db, "ED@example.nhs.uk", { label: "ICB tool" });
    expect(user.email).toBe("ed@example.nhs.uk");
    expect(token).toMatch(/^arrs_[A-Za-z0-9_-]{43}$/);
    expect(await env.db.apiToken.count({ where: { id: token } })).toBe(0);
    // The token carries the account's memberships (as they are now), nothing of its own.
    const viaToken = await userForApiToken(env.db, token);
    expect(viaToken).toMatchObject({ id: editor.id, role: "user", isDemo: false });
    expect(viaToken!.memberships.map((m) => [m.pcnCode, m.role]).sort()).toEqual([["U99999", "editor"], [DEMO_PCN, "editor"], ["UZ1002", "editor"], ["UZ1003", "editor"]]);
    expect((await env.db.apiToken.findFirstOrThrow({ where: { userId: editor.id } })).lastUsedAt).not.toBeNull();
    expect(await userForApiToken(env.db, "arrs_made-up")).toBeNull();
    expect(await userForApiToken(env.db, undefined)).toBeNull();
    const second = await createApiToken(env.db, "ed@example.nhs.uk");
    expect(await revokeApiTokens(env.db, "ed@example.nhs.uk")).toBe(2);
    expect(await userForApiToken(env.db, token)).toBeNull();
    expect(await userForApiToken(env.db, second.token)).toBeNull();
    expect(await revokeApiTokens(env.db, "ed@example.nhs.uk")).toBe(0);
    await expect(createApiToken(env.db, "nobody@example.nhs.uk")).rejects.toMatchObject({ code: "not_found" });
  });

  it("removing an account removes its tokens and sessions but never its scenarios", async () => {
    const temp = await createUser(env.db, { email: "temp@example.nhs.uk", name: "Temp", password: "a-long-password" });
    await grantMembership(env.db, COMMAND_LINE, { email: temp.email, pcnCode: DEMO_PCN, role: "editor" });
    const { token } = await createApiToken(env.db, temp.email);
    const s = await createScenario(env.db, temp, DEMO_PCN, BODY);
    await removeUser(env.db, temp.email);
    expect(await userForApiToken(env.db, token)).toBeNull();
    expect(await env.db.apiToken.count({ where: { userId: temp.id } })).toBe(0);
    const kept = await getScenario(env.db, editor, s.id);
    expect(kept).toMatchObject({ id: s.id, name: BODY.name, updatedBy: null });
    expect(await env.db.scenarioRevision.count({ where: { scenarioId: s.id } })).toBe(1);
  });
});

describe("validation", () => {
  it("names every bad field in plain words, and saves nothing", async () => {
    const before = await env.db.scenario.count();
    const e = await rejection(
      createScenario(env.db, editor, DEMO_PCN, {
        name: "  ",
        firstYear: "2031/32",
        years: 9,
        posts: [{ role: "occupational-therapist", band: "7", point: 1, wte: 2 }, { id: "x", role: "nurse", annualSalary: 1 }],
        colour: "blue",
      }),
    );
    expect(e.code).toBe("invalid_input");
    expect(e.message).toBe("Some of the scenario is not valid; see issues.");
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
    expect(byPath[""]).toBe("Unknown field(s): colour.");
    expect(byPath.name).toBe("Give the scenario a name.");
    // Issue 15: years up to three after the current one are accepted; 2031/32 is too far ahead in any year before 2028/29.
    expect(byPath.firstYear).toMatch(/^The first year 2031\/32 is too far ahead: plans can start at most 3 years after the current financial year/);
    expect(byPath.years).toBe("Years must be a whole number from 1 to 5.");
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(["posts.0.wte", "posts.1.role"]));
    expect(await env.db.scenario.count()).toBe(before);
  });

  it("an update needs the version it was based on", async () => {
    const s = await createScenario(env.db, editor, DEMO_PCN, BODY);
    const e = await rejection(updateScenario(env.db, editor, s.id, BODY));
    expect(e.issues).toEqual([{ path: "version", message: "version is required." }]);
    const dup = await rejection(updateScenario(env.db, editor, s.id, { ...BODY, version: 1, posts: [BODY.posts[0], BODY.posts[0]] }));
    expect(dup.issues).toEqual([{ path: "posts.1.id", message: 'Two posts have the id "ot-1": ids must be unique.' }]);
  });
});
