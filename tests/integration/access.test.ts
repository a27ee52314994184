// Access per PCN (lib/server/auth/access.ts): outsiders get the 404 of something that does not exist,
// members without the role 403, editors and PCN admins what their role allows, system admins
// everything; memberships take effect at once; API tokens carry their account's memberships; the
// data migration from "any editor, any PCN". Services and route handlers, every scenario route.
// Runs on SQLite, and on PostgreSQL in `node scripts/test.mjs postgres`.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canAdmin, canRead, canWrite, COMMAND_LINE, requirePcnRole } from "@/lib/server/auth/access";
import type { Db } from "@/lib/server/db/create-prisma";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { AppError } from "@/lib/server/errors";
import { exportScenario } from "@/lib/server/scenarios/export";
import { grantMembership, listAccounts, listPcnMembers, revokeMembership } from "@/lib/server/auth/memberships";
import { setConfirmedWeightedPopulation } from "@/lib/server/pcn-data/weighted-population";
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  getScenario,
  getScenarioHistory,
  getScenarioWithResults,
  listScenarios,
  restoreScenario,
  updateScenario,
} from "@/lib/server/scenarios/scenarios";
import { checkLogin, createApiToken, createSession, createUser, userForApiToken, userForSession, type SessionUser } from "@/lib/server/auth/users";
import { createTestDb, createTestDbSync, repoRoot, type TestDb } from "../support/db";

let env: TestDb;
let sysadmin: SessionUser;
let pcnAdmin: SessionUser;
let editor: SessionUser;
let viewer: SessionUser;
let outsider: SessionUser;
let nobody: SessionUser;
const PCN = "UZ1001";
const OTHER = "UZ1002";
const REAL = "U99998";
let s: { id: string };
let t: { id: string };
const cookies: Record<string, string> = {};

const BODY = {
  name: "Add one First Contact OT from October",
  firstYear: "2025/26",
  years: 2,
  posts: [{ id: "ot-1", label: "OT – frailty", role: "occupational-therapist", status: "proposed", band: "7", point: 1, wte: 1, start: "2025-10-01" }],
};
const WP = { financialYear: "2025/26", value: 41000, source: "ICB letter", enteredBy: "x" };

async function user(email: string, name: string, role?: "admin") {
  return createUser(env.db, { email, name, password: "a-long-password", ...(role ? { role } : {}) });
}
const grant = (email: string, pcnCode: string, role: "viewer" | "editor" | "admin") => grantMembership(env.db, COMMAND_LINE, { email, pcnCode, role });

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let itemRoute: typeof import("@/app/api/v1/scenarios/[id]/route");
let duplicateRoute: typeof import("@/app/api/v1/scenarios/[id]/duplicate/route");
let restoreRoute: typeof import("@/app/api/v1/scenarios/[id]/restore/route");
let csvRoute: typeof import("@/app/api/v1/scenarios/[id]/export.csv/route");
let xlsxRoute: typeof import("@/app/api/v1/scenarios/[id]/export.xlsx/route");
let historyRoute: typeof import("@/app/api/v1/scenarios/[id]/history/route");
let historyCsvRoute: typeof import("@/app/api/v1/scenarios/[id]/history.csv/route");
let auditRoute: typeof import("@/app/api/v1/pcns/[code]/audit/route");
let auditCsvRoute: typeof import("@/app/api/v1/pcns/[code]/audit.csv/route");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  await env.db.pcn.create({ data: { code: REAL, name: "REAL ACCESS PCN", nameSearch: "REAL ACCESS PCN", isDemo: false } });
  sysadmin = await user("sys@example.nhs.uk", "Sys Admin", "admin");
  pcnAdmin = await user("pa@example.nhs.uk", "Pat Admin");
  editor = await user("ed@example.nhs.uk", "Ed Editor");
  viewer = await user("vi@example.nhs.uk", "Vi Viewer");
  outsider = await user("out@example.nhs.uk", "Otto Outsider");
  nobody = await user("no@example.nhs.uk", "Nora Nobody");
  await grant(pcnAdmin.email, PCN, "admin");
  await grant(editor.email, PCN, "editor");
  await grant(editor.email, REAL, "editor");
  await grant(viewer.email, PCN, "viewer");
  await grant(outsider.email, OTHER, "editor");
  s = await createScenario(env.db, editor, PCN, BODY);
  t = await createScenario(env.db, outsider, OTHER, { ...BODY, name: "Another PCN's plan" });
  for (const u of [sysadmin, pcnAdmin, editor, viewer, outsider, nobody]) cookies[u.email] = `arrs_session=${(await createSession(env.db, u.id)).token}`;
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  itemRoute = await import("@/app/api/v1/scenarios/[id]/route");
  duplicateRoute = await import("@/app/api/v1/scenarios/[id]/duplicate/route");
  restoreRoute = await import("@/app/api/v1/scenarios/[id]/restore/route");
  csvRoute = await import("@/app/api/v1/scenarios/[id]/export.csv/route");
  xlsxRoute = await import("@/app/api/v1/scenarios/[id]/export.xlsx/route");
  historyRoute = await import("@/app/api/v1/scenarios/[id]/history/route");
  historyCsvRoute = await import("@/app/api/v1/scenarios/[id]/history.csv/route");
  auditRoute = await import("@/app/api/v1/pcns/[code]/audit/route");
  auditCsvRoute = await import("@/app/api/v1/pcns/[code]/audit.csv/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

// ---------------------------------------------------------------------------------------------

describe("the access module", () => {
  it("canRead / canWrite / canAdmin answer from the actor's memberships; system admins can do everything", async () => {
    const [v, e, a] = await Promise.all([viewer, editor, pcnAdmin].map((u) => userForSession(env.db, cookies[u.email]!.split("=")[1])));
    expect([canRead(v, PCN), canWrite(v, PCN), canAdmin(v, PCN)]).toEqual([true, false, false]);
    expect([canRead(e, PCN), canWrite(e, PCN), canAdmin(e, PCN)]).toEqual([true, true, false]);
    expect([canRead(a, PCN), canWrite(a, PCN), canAdmin(a, PCN)]).toEqual([true, true, true]);
    expect([canRead(e, OTHER), canWrite(e, OTHER), canAdmin(e, OTHER)]).toEqual([false, false, false]);
    expect(canRead(e, "uz1001")).toBe(true); // codes in any case
    expect([canRead(sysadmin, OTHER), canWrite(sysadmin, OTHER), canAdmin(sysadmin, OTHER)]).toEqual([true, true, true]);
    expect([canRead(null, PCN), canWrite(undefined, PCN)]).toEqual([false, false]);
  });

  it("requirePcnRole reads the database: 401 nobody, 404 outsider, 403 member without the role", async () => {
    expect((await rejection(requirePcnRole(env.db, null, PCN, "viewer"))).code).toBe("unauthenticated");
    const out = await rejection(requirePcnRole(env.db, outsider, PCN, "viewer", { notFound: "There is no such thing." }));
    expect([out.code, out.message]).toEqual(["not_found", "There is no such thing."]);
    expect((await rejection(requirePcnRole(env.db, outsider, PCN, "editor", { outsider: "forbidden" }))).code).toBe("forbidden");
    const low = await rejection(requirePcnRole(env.db, viewer, PCN, "editor"));
    expect(low.code).toBe("forbidden");
    expect(low.message).toMatch(/^You are a viewer of PCN UZ1001: only its editors and admins can do this/);
    expect(await requirePcnRole(env.db, editor, PCN, "editor")).toMatchObject({ role: "editor" });
    expect(await requirePcnRole(env.db, sysadmin, OTHER, "admin")).toMatchObject({ role: null });
    // The `viewer` object was loaded before; a role granted since counts at once (no stale rights).
    await grant(nobody.email, OTHER, "viewer");
    expect(await requirePcnRole(env.db, nobody, OTHER, "viewer")).toMatchObject({ role: "viewer" });
    await revokeMembership(env.db, COMMAND_LINE, { email: nobody.email, pcnCode: OTHER });
    expect((await rejection(requirePcnRole(env.db, nobody, OTHER, "viewer"))).code).toBe("not_found");
  });
});

describe("scenarios: the scenario's own PCN decides", () => {
  it("an outsider gets exactly the 404 of a scenario that does not exist, for every operation", async () => {
    const unknown = await rejection(getScenario(env.db, outsider, "NoSuchScenario01"));
    expect(unknown.message).toBe("There is no scenario with id NoSuchScenario01.");
    for (const who of [outsider, nobody]) {
      for (const call of [
        () => getScenario(env.db, who, s.id),
        () => getScenarioWithResults(env.db, who, s.id),
        () => updateScenario(env.db, who, s.id, { ...BODY, version: 1 }),
        () => deleteScenario(env.db, who, s.id),
        () => restoreScenario(env.db, who, s.id),
        () => duplicateScenario(env.db, who, s.id),
        () => getScenarioHistory(env.db, who, s.id),
        () => exportScenario(env.db, who, s.id, "csv"),
        () => exportScenario(env.db, who, s.id, "xlsx"),
      ]) {
        const e = await rejection(call());
        expect([e.code, e.message, e.issues, e.details]).toEqual(["not_found", `There is no scenario with id ${s.id}.`, [], {}]);
      }
      for (const call of [() => listScenarios(env.db, who, PCN), () => listScenarios(env.db, who, PCN, { deleted: true }), () => createScenario(env.db, who, PCN, BODY)]) {
        expect((await rejection(call())).code).toBe("not_found");
      }
    }
    // Nothing was changed by any of it.
    expect((await getScenario(env.db, editor, s.id)).version).toBe(1);
    expect(await env.db.scenario.count({ where: { pcnCode: PCN } })).toBe(1);
  });

  it("a viewer reads (list, load, export, history) and every write is 403, changing nothing", async () => {
    expect((await listScenarios(env.db, viewer, PCN)).map((x) => x.id)).toEqual([s.id]);
    expect((await getScenarioWithResults(env.db, viewer, s.id)).results.years).toHaveLength(2);
    expect((await exportScenario(env.db, viewer, s.id, "csv")).fileName).toMatch(/\.csv$/);
    expect((await getScenarioHistory(env.db, viewer, s.id)).events).toHaveLength(1);
    const events = await env.db.auditEvent.count();
    for (const call of [
      () => createScenario(env.db, viewer, PCN, BODY),
      () => updateScenario(env.db, viewer, s.id, { ...BODY, name: "Viewer's", version: 1 }),
      () => deleteScenario(env.db, viewer, s.id),
      () => restoreScenario(env.db, viewer, s.id),
      () => duplicateScenario(env.db, viewer, s.id),
    ]) {
      const e = await rejection(call());
      expect(e.code).toBe("forbidden");
      expect(e.message).toMatch(/^You are a viewer of PCN UZ1001: only its editors and admins can do this/);
    }
    expect((await getScenario(env.db, editor, s.id)).name).toBe(BODY.name);
    expect(await env.db.auditEvent.count()).toBe(events);
  });

  it("editors and PCN admins read and write their PCN's scenarios, and only theirs", async () => {
    const saved = await updateScenario(env.db, editor, s.id, { ...BODY, name: "Edited", version: 1 });
    expect(saved.version).toBe(2);
    const copy = await duplicateScenario(env.db, pcnAdmin, s.id);
    await deleteScenario(env.db, pcnAdmin, copy.id);
    expect((await restoreScenario(env.db, editor, copy.id)).deletedAt).toBeNull();
    await deleteScenario(env.db, editor, copy.id);
    // Editor of UZ1001, outsider to UZ1002.
    expect((await rejection(getScenario(env.db, editor, t.id))).message).toBe(`There is no scenario with id ${t.id}.`);
    expect((await rejection(createScenario(env.db, pcnAdmin, OTHER, BODY))).code).toBe("not_found");
  });

  it("a system administrator does everything, in every PCN", async () => {
    expect((await getScenario(env.db, sysadmin, t.id)).pcnCode).toBe(OTHER);
    const v = (await getScenario(env.db, sysadmin, s.id)).version;
    expect((await updateScenario(env.db, sysadmin, s.id, { ...BODY, name: "By the admin", version: v })).version).toBe(v + 1);
    expect((await createScenario(env.db, sysadmin, "UZ1030", BODY)).pcnCode).toBe("UZ1030");
    expect((await listScenarios(env.db, sysadmin, OTHER)).map((x) => x.id)).toContain(t.id);
  });

  it("a purged scenario's 'deleted more than 30 days ago' is said only to those who may restore it", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    const old = await createScenario(env.db, editor, PCN, BODY, t0);
    await deleteScenario(env.db, editor, old.id, t0);
    const late = new Date("2026-03-01T00:00:00Z");
    expect((await rejection(restoreScenario(env.db, editor, old.id, late))).message).toMatch(/more than 30 days ago/);
    expect((await rejection(restoreScenario(env.db, outsider, old.id, late))).message).toBe(`There is no scenario with id ${old.id}.`);
    expect((await rejection(restoreScenario(env.db, viewer, old.id, late))).code).toBe("forbidden");
  });
});

describe("memberships: system admins for every PCN, PCN admins for their own", () => {
  it("a PCN admin lists, adds, changes and removes its members; editors and viewers cannot; outsiders get 404", async () => {
    const { members } = await listPcnMembers(env.db, pcnAdmin, PCN);
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [DEMO_ACCOUNT.email, "editor"], // the demo account is an editor of every demo PCN
      ["ed@example.nhs.uk", "editor"],
      ["pa@example.nhs.uk", "admin"],
      ["vi@example.nhs.uk", "viewer"],
    ]);
    expect(members[1]).toMatchObject({ name: "Ed Editor", accountRole: "user", grantedBy: null });
    const added = await grantMembership(env.db, pcnAdmin, { email: "NO@example.nhs.uk", pcnCode: "uz1001", role: "viewer" });
    expect(added).toMatchObject({ changed: true, before: null, member: { email: "no@example.nhs.uk", role: "viewer", grantedBy: { name: "Pat Admin" } } });
    expect(await grantMembership(env.db, pcnAdmin, { email: nobody.email, pcnCode: PCN, role: "viewer" })).toMatchObject({ changed: false, before: "viewer" });
    expect(await grantMembership(env.db, pcnAdmin, { email: nobody.email, pcnCode: PCN, role: "editor" })).toMatchObject({ changed: true, before: "viewer" });
    expect((await getScenario(env.db, nobody, s.id)).id).toBe(s.id);
    expect(await revokeMembership(env.db, pcnAdmin, { email: nobody.email, pcnCode: PCN })).toEqual({ revoked: "editor" });
    expect((await rejection(getScenario(env.db, nobody, s.id))).code).toBe("not_found");
    expect((await rejection(revokeMembership(env.db, pcnAdmin, { email: nobody.email, pcnCode: PCN }))).code).toBe("not_found");

    for (const who of [editor, viewer]) {
      for (const call of [
        () => listPcnMembers(env.db, who, PCN),
        () => grantMembership(env.db, who, { email: nobody.email, pcnCode: PCN, role: "admin" }),
        () => revokeMembership(env.db, who, { email: viewer.email, pcnCode: PCN }),
      ]) {
        expect((await rejection(call())).code).toBe("forbidden");
      }
    }
    // A PCN admin of UZ1001 is an outsider to UZ1002.
    for (const call of [() => listPcnMembers(env.db, pcnAdmin, OTHER), () => grantMembership(env.db, pcnAdmin, { email: pcnAdmin.email, pcnCode: OTHER, role: "admin" })]) {
      expect((await rejection(call())).code).toBe("not_found");
    }
    expect(await env.db.membership.count({ where: { userId: pcnAdmin.id, pcnCode: OTHER } })).toBe(0);
    expect((await rejection(listAccounts(env.db, pcnAdmin))).code).toBe("forbidden");
    expect((await rejection(listPcnMembers(env.db, null, PCN))).code).toBe("unauthenticated");
  });

  it("the input is checked: email, PCN code and role, an existing account, an existing PCN", async () => {
    const bad = await rejection(grantMembership(env.db, sysadmin, { email: "not an email", pcnCode: "!!", role: "owner" }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.issues.map((i) => i.path).sort()).toEqual(["email", "pcnCode", "role"]);
    const noAccount = await rejection(grantMembership(env.db, sysadmin, { email: "ghost@example.nhs.uk", pcnCode: PCN, role: "viewer" }));
    expect(noAccount.issues).toEqual([{ path: "email", message: expect.stringMatching(/^There is no account for ghost@example\.nhs\.uk\./) }]);
    expect(await rejection(grantMembership(env.db, sysadmin, { email: viewer.email, pcnCode: "UZ9999", role: "viewer" }))).toMatchObject({ code: "not_found", message: "There is no PCN with code UZ9999." });
    const demoOnReal = await rejection(grantMembership(env.db, sysadmin, { email: DEMO_ACCOUNT.email, pcnCode: REAL, role: "viewer" }));
    expect(demoOnReal.code).toBe("invalid_input");
  });

  it("a system administrator manages every PCN and lists every account with its memberships", async () => {
    await grantMembership(env.db, sysadmin, { email: outsider.email, pcnCode: "UZ1003", role: "admin" });
    const accounts = await listAccounts(env.db, sysadmin);
    const otto = accounts.find((a) => a.email === outsider.email)!;
    expect(otto.memberships).toEqual([
      { pcnCode: OTHER, pcnName: "OAKFIELD DEMO PCN", role: "editor" },
      { pcnCode: "UZ1003", pcnName: "MILLBROOK DEMO PCN", role: "admin" },
    ]);
    expect(accounts.find((a) => a.email === sysadmin.email)).toMatchObject({ role: "admin", memberships: [] });
    expect(accounts.find((a) => a.email === DEMO_ACCOUNT.email)).toMatchObject({ role: "user", isDemo: true });
    await revokeMembership(env.db, sysadmin, { email: outsider.email, pcnCode: "UZ1003" });
  });
});

describe("the ICB-confirmed weighted population: the PCN's editors only; the PCN page stays public", () => {
  it("editors, PCN admins and system admins enter it; viewers, outsiders and the demo account on a real PCN cannot", async () => {
    expect(await setConfirmedWeightedPopulation(env.db, { ...WP, code: PCN }, editor)).toMatchObject({ value: 41000 });
    expect(await setConfirmedWeightedPopulation(env.db, { ...WP, code: PCN, value: 41001 }, pcnAdmin)).toMatchObject({ value: 41001 });
    expect(await setConfirmedWeightedPopulation(env.db, { ...WP, code: OTHER }, sysadmin)).toMatchObject({ value: 41000 });
    for (const who of [viewer, outsider]) {
      const e = await rejection(setConfirmedWeightedPopulation(env.db, { ...WP, code: PCN, value: 1 }, who));
      expect(e.code).toBe("forbidden");
    }
    const demo = (await checkLogin(env.db, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password))!;
    expect((await rejection(setConfirmedWeightedPopulation(env.db, { ...WP, code: REAL }, demo))).code).toBe("forbidden");
    expect(await setConfirmedWeightedPopulation(env.db, { ...WP, code: "UZ1004" }, demo)).toMatchObject({ value: 41000 });
    expect((await rejection(setConfirmedWeightedPopulation(env.db, { ...WP, code: PCN }, null))).code).toBe("unauthenticated");
    const stored = await env.db.weightedPopulation.findFirstOrThrow({ where: { pcnCode: PCN, provenance: "icb-confirmed", financialYear: "2025/26" } });
    expect([stored.value, stored.enteredByUserId]).toEqual([41001, pcnAdmin.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Route handlers

type Auth = { cookie?: string; bearer?: string };
function request(p: string, method: string, auth: Auth, body?: unknown): Request {
  const headers: Record<string, string> = { host: "planner.test" };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://planner.test${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const pcnCtx = (code: string) => ({ params: Promise.resolve({ code }) });
async function status(res: Promise<Response>): Promise<{ status: number; error?: { code: string; message: string } }> {
  const r = await res;
  const type = r.headers.get("content-type") ?? "";
  return { status: r.status, ...(type.includes("json") && r.status >= 400 ? { error: ((await r.json()) as { error: { code: string; message: string } }).error } : {}) };
}

/** Every scenario route against scenario `id`, as `auth`. */
function scenarioRoutes(id: string, auth: Auth, code = PCN) {
  const p = `/api/v1/scenarios/${id}`;
  return {
    "GET /scenarios/{id}": () => status(itemRoute.GET(request(p, "GET", auth), idCtx(id))),
    "PUT /scenarios/{id}": () => status(itemRoute.PUT(request(p, "PUT", auth, { ...BODY, version: 999 }), idCtx(id))),
    "DELETE /scenarios/{id}": () => status(itemRoute.DELETE(request(p, "DELETE", auth), idCtx(id))),
    "POST …/duplicate": () => status(duplicateRoute.POST(request(`${p}/duplicate`, "POST", auth), idCtx(id))),
    "POST …/restore": () => status(restoreRoute.POST(request(`${p}/restore`, "POST", auth), idCtx(id))),
    "GET …/export.csv": () => status(csvRoute.GET(request(`${p}/export.csv`, "GET", auth), idCtx(id))),
    "GET …/export.xlsx": () => status(xlsxRoute.GET(request(`${p}/export.xlsx`, "GET", auth), idCtx(id))),
    "GET …/history": () => status(historyRoute.GET(request(`${p}/history`, "GET", auth), idCtx(id))),
    "GET …/history.csv": () => status(historyCsvRoute.GET(request(`${p}/history.csv`, "GET", auth), idCtx(id))),
    "GET /pcns/{code}/scenarios": () => status(listRoute.GET(request(`/api/v1/pcns/${code}/scenarios`, "GET", auth), pcnCtx(code))),
    "POST /pcns/{code}/scenarios": () => status(listRoute.POST(request(`/api/v1/pcns/${code}/scenarios`, "POST", auth, BODY), pcnCtx(code))),
  };
}
const WRITES = ["PUT /scenarios/{id}", "DELETE /scenarios/{id}", "POST …/duplicate", "POST …/restore", "POST /pcns/{code}/scenarios"];

describe("API routes: a user of one PCN cannot read or change another's, through any route", () => {
  it("an outsider gets 404 from every scenario route, with the body of an unknown scenario", async () => {
    const unknown = await status(itemRoute.GET(request("/api/v1/scenarios/NoSuchScenario01", "GET", { cookie: cookies[outsider.email] }), idCtx("NoSuchScenario01")));
    expect(unknown.status).toBe(404);
    for (const [route, call] of Object.entries(scenarioRoutes(s.id, { cookie: cookies[outsider.email] }))) {
      const r = await call();
      expect([route, r.status]).toEqual([route, 404]);
      if (!route.includes("/pcns/")) expect([route, r.error]).toEqual([route, { code: "not_found", message: `There is no scenario with id ${s.id}.` }]);
    }
  });

  it("a viewer reads through every read route and gets 403 from every write", async () => {
    for (const [route, call] of Object.entries(scenarioRoutes(s.id, { cookie: cookies[viewer.email] }))) {
      const r = await call();
      expect([route, r.status]).toEqual([route, WRITES.includes(route) ? 403 : 200]);
    }
  });

  it("an editor reads and writes; nobody signed in gets 401 everywhere", async () => {
    const routes = scenarioRoutes(s.id, { cookie: cookies[editor.email] });
    for (const route of ["GET /scenarios/{id}", "GET …/export.xlsx", "GET …/history", "GET /pcns/{code}/scenarios"] as const) expect([route, (await routes[route]()).status]).toEqual([route, 200]);
    expect((await routes["PUT /scenarios/{id}"]()).status).toBe(409); // its stale version 999: past the access check
    expect((await routes["POST /pcns/{code}/scenarios"]()).status).toBe(201);
    for (const [route, call] of Object.entries(scenarioRoutes(s.id, {}))) expect([route, (await call()).status]).toEqual([route, 401]);
  });

  it("the PCN audit trail: its admins and system admins; its other members 403; outsiders 404", async () => {
    const audit = (auth: Auth, code = PCN) => status(auditRoute.GET(request(`/api/v1/pcns/${code}/audit`, "GET", auth), pcnCtx(code)));
    const auditCsv = (auth: Auth, code = PCN) => status(auditCsvRoute.GET(request(`/api/v1/pcns/${code}/audit.csv`, "GET", auth), pcnCtx(code)));
    for (const who of [pcnAdmin, sysadmin]) {
      expect((await audit({ cookie: cookies[who.email] })).status).toBe(200);
      expect((await auditCsv({ cookie: cookies[who.email] })).status).toBe(200);
    }
    for (const who of [editor, viewer]) {
      expect((await audit({ cookie: cookies[who.email] })).status).toBe(403);
      expect((await auditCsv({ cookie: cookies[who.email] })).status).toBe(403);
    }
    expect((await audit({ cookie: cookies[outsider.email] })).status).toBe(404);
    expect((await auditCsv({ cookie: cookies[outsider.email] })).status).toBe(404);
    expect((await audit({ cookie: cookies[pcnAdmin.email] }, OTHER)).status).toBe(404);
    expect((await audit({})).status).toBe(401);
    expect((await audit({ cookie: cookies[sysadmin.email] }, "UZ9999")).error).toEqual({ code: "not_found", message: "There is no PCN with code UZ9999." });
  });
});

describe("API tokens carry their account's memberships", () => {
  it("a token reads and writes what its account may, and follows the account's memberships as they change", async () => {
    const { token: viewerToken, user: v } = await createApiToken(env.db, viewer.email);
    expect(v.memberships).toEqual([{ pcnCode: PCN, role: "viewer" }]);
    const asViewer = scenarioRoutes(s.id, { bearer: viewerToken });
    expect((await asViewer["GET /scenarios/{id}"]()).status).toBe(200);
    expect((await asViewer["PUT /scenarios/{id}"]()).status).toBe(403);

    const { token: outsiderToken } = await createApiToken(env.db, outsider.email);
    const asOutsider = scenarioRoutes(s.id, { bearer: outsiderToken });
    expect((await asOutsider["GET /scenarios/{id}"]()).status).toBe(404);
    expect((await scenarioRoutes(t.id, { bearer: outsiderToken }, OTHER)["GET /scenarios/{id}"]()).status).toBe(200);

    // Granted editor of UZ1001: the same token can now save there; revoked: it cannot see it.
    await grant(outsider.email, PCN, "editor");
    expect((await userForApiToken(env.db, outsiderToken))!.memberships).toEqual([
      { pcnCode: PCN, role: "editor" },
      { pcnCode: OTHER, role: "editor" },
    ]);
    expect((await asOutsider["POST /pcns/{code}/scenarios"]()).status).toBe(201);
    await revokeMembership(env.db, COMMAND_LINE, { email: outsider.email, pcnCode: PCN });
    expect((await asOutsider["GET /scenarios/{id}"]()).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------

describe("the data migration from 'any editor, any PCN'", () => {
  it("editors keep editor membership of the PCNs they worked on, the demo account of every demo PCN; editor becomes user", async () => {
    const m = createTestDbSync();
    try {
      const db = m.db;
      // The state before the migration: accounts with role "editor", no memberships.
      await db.pcn.createMany({
        data: ["UZ1", "UZ2", "UZ3", "U4"].map((code) => ({ code, name: code, nameSearch: code, isDemo: code.startsWith("UZ") })),
      });
      const mk = (email: string, role: string, isDemo = false) => db.user.create({ data: { email, name: email, role, passwordHash: "x", isDemo } });
      const [a, b, c, admin, demo] = [await mk("a@x.uk", "editor"), await mk("b@x.uk", "editor"), await mk("c@x.uk", "editor"), await mk("adm@x.uk", "admin"), await mk("demo@x.uk", "editor", true)];
      const doc = JSON.stringify({ assumptions: {}, posts: [], supervisors: [] });
      const scenario = (id: string, pcnCode: string, by: Partial<Record<"createdByUserId" | "updatedByUserId" | "deletedByUserId", number>>) =>
        db.scenario.create({ data: { id, pcnCode, name: id, firstYear: "2025/26", years: 1, document: doc, ...by } });
      await scenario("s1", "UZ1", { createdByUserId: a.id, updatedByUserId: b.id });
      await scenario("s2", "U4", { createdByUserId: admin.id, deletedByUserId: c.id });
      await db.scenarioRevision.create({ data: { scenarioId: "s2", version: 2, name: "s2", firstYear: "2025/26", years: 1, document: doc, savedByUserId: a.id } });
      await db.weightedPopulation.create({ data: { pcnCode: "UZ2", financialYear: "2025/26", value: 1, provenance: "icb-confirmed", enteredByUserId: b.id } });
      await db.weightedPopulation.create({ data: { pcnCode: "UZ3", financialYear: "2025/26", value: 1, provenance: "imported", enteredByUserId: c.id } });

      const dir = path.join(repoRoot, m.isPostgres ? "prisma/postgres/migrations" : "prisma/migrations");
      const folder = fs.readdirSync(dir).find((d) => d.endsWith("_access_per_pcn_audit"))!;
      const sql = fs.readFileSync(path.join(dir, folder, "migration.sql"), "utf8");
      const data = sql.slice(sql.indexOf("-- Access per PCN"));
      for (const statement of data.split(/;\s*\n/).map((x) => x.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean)) await db.$executeRawUnsafe(statement);

      const rows = await db.membership.findMany({ include: { user: { select: { email: true } } }, orderBy: [{ userId: "asc" }, { pcnCode: "asc" }] });
      expect(rows.map((r) => [r.user.email, r.pcnCode, r.role])).toEqual([
        ["a@x.uk", "U4", "editor"], // a saved a revision of s2
        ["a@x.uk", "UZ1", "editor"], // a created s1
        ["b@x.uk", "UZ1", "editor"], // b saved s1
        ["b@x.uk", "UZ2", "editor"], // b entered UZ2's ICB-confirmed figure
        ["c@x.uk", "U4", "editor"], // c deleted s2 (an imported figure counts for nothing)
        ["demo@x.uk", "UZ1", "editor"], // the demo account: every demo PCN
        ["demo@x.uk", "UZ2", "editor"],
        ["demo@x.uk", "UZ3", "editor"],
      ]);
      expect(rows.every((r) => r.createdAt instanceof Date && !Number.isNaN(r.createdAt.getTime()))).toBe(true);
      const roles = await db.user.findMany({ select: { email: true, role: true }, orderBy: { id: "asc" } });
      expect(roles.map((r) => r.role)).toEqual(["user", "user", "user", "admin", "user"]);
      expect(demo.id).toBeGreaterThan(admin.id);
    } finally {
      await m.cleanup();
    }
  });
});
