// The scenario API (route handlers called directly): status codes and exact body shapes, the
// session cookie and bearer tokens. Runs on SQLite, and on PostgreSQL in the postgres suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { MAX_SCENARIO_BODY_BYTES } from "@/lib/schemas/scenario";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { checkLogin, createApiToken, createSession, createUser, revokeApiTokens } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let itemRoute: typeof import("@/app/api/v1/scenarios/[id]/route");
let duplicateRoute: typeof import("@/app/api/v1/scenarios/[id]/duplicate/route");
let restoreRoute: typeof import("@/app/api/v1/scenarios/[id]/restore/route");
let editorCookie: string;
let demoCookie: string;
let token: string;

const BODY = {
  name: "Add one First Contact OT from October",
  firstYear: "2025/26",
  years: 2,
  posts: [{ id: "ot-1", label: "OT – frailty", role: "occupational-therapist", status: "proposed", band: "7", point: 1, wte: 1, start: "2025-10-01" }],
};

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  // Ed is an editor of UZ1001–UZ1005 and of the real test PCN, and of nothing else.
  const editor = await createUser(env.db, { email: "ed@example.nhs.uk", name: "Ed Editor", password: "a-long-password" });
  editorCookie = `arrs_session=${(await createSession(env.db, editor.id)).token}`;
  const demo = (await checkLogin(env.db, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password))!;
  demoCookie = `other=1; arrs_session=${(await createSession(env.db, demo.id)).token}`;
  token = (await createApiToken(env.db, editor.email)).token;
  await env.db.pcn.create({ data: { code: "U99999", name: "REAL TEST PCN", nameSearch: "REAL TEST PCN", isDemo: false } });
  for (const pcnCode of ["UZ1001", "UZ1002", "UZ1003", "UZ1004", "UZ1005", "U99999"]) await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode, role: "editor" });
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  itemRoute = await import("@/app/api/v1/scenarios/[id]/route");
  duplicateRoute = await import("@/app/api/v1/scenarios/[id]/duplicate/route");
  restoreRoute = await import("@/app/api/v1/scenarios/[id]/restore/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

type Auth = { cookie?: string; bearer?: string; origin?: string };
const editorAuth = (): Auth => ({ cookie: editorCookie });

function request(path: string, method: string, auth: Auth, body?: unknown): Request {
  const headers: Record<string, string> = { host: "planner.test" };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth.origin) headers.origin = auth.origin;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://planner.test${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

async function call(res: Promise<Response>): Promise<{ status: number; json: any }> {
  const r = await res;
  return { status: r.status, json: await r.json() };
}

const pcnCtx = (code: string) => ({ params: Promise.resolve({ code }) });
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const list = (code: string, auth: Auth = editorAuth(), qs = "") => call(listRoute.GET(request(`/api/v1/pcns/${code}/scenarios${qs}`, "GET", auth), pcnCtx(code)));
const create = (code: string, body: unknown, auth: Auth = editorAuth()) => call(listRoute.POST(request(`/api/v1/pcns/${code}/scenarios`, "POST", auth, body), pcnCtx(code)));
const get = (id: string, auth: Auth = editorAuth()) => call(itemRoute.GET(request(`/api/v1/scenarios/${id}`, "GET", auth), idCtx(id)));
const put = (id: string, body: unknown, auth: Auth = editorAuth()) => call(itemRoute.PUT(request(`/api/v1/scenarios/${id}`, "PUT", auth, body), idCtx(id)));
const del = (id: string, auth: Auth = editorAuth()) => call(itemRoute.DELETE(request(`/api/v1/scenarios/${id}`, "DELETE", auth), idCtx(id)));
const duplicate = (id: string, body?: unknown, auth: Auth = editorAuth()) => call(duplicateRoute.POST(request(`/api/v1/scenarios/${id}/duplicate`, "POST", auth, body), idCtx(id)));
const restore = (id: string, auth: Auth = editorAuth()) => call(restoreRoute.POST(request(`/api/v1/scenarios/${id}/restore`, "POST", auth), idCtx(id)));

// agreed/agreedAt/agreedBy: the PCN's agreed plan (issue 17), added to every stored scenario.
const STORED_KEYS = ["agreed", "agreedAt", "agreedBy", "assumptions", "createdAt", "deletedAt", "description", "firstYear", "id", "name", "pcnCode", "pcnName", "posts", "rolledFromId", "supervisors", "updatedAt", "updatedBy", "version", "years"];

describe("POST /api/v1/pcns/{code}/scenarios and GET /api/v1/scenarios/{id}", () => {
  it("201 with the stored scenario and results; GET gives the same with its version", async () => {
    const { status, json } = await create("UZ1001", BODY);
    expect(status).toBe(201);
    expect(Object.keys(json).sort()).toEqual([...STORED_KEYS, "results"].sort());
    expect(json).toMatchObject({ pcnCode: "UZ1001", name: BODY.name, description: null, version: 1, updatedBy: { name: "Ed Editor" }, deletedAt: null });
    expect(json.results.years).toHaveLength(2);
    expect(json.results.years[0].entitlement).toEqual(expect.any(Number));
    expect(json.results.years[0].posts[0].months).toHaveLength(12);

    const got = await get(json.id);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(json);
  });

  it("lists { scenarios: [...] } with the summary fields", async () => {
    const { json: created } = await create("UZ1002", { ...BODY, description: "Two posts" });
    const { status, json } = await list("UZ1002");
    expect(status).toBe(200);
    expect(json).toEqual({
      scenarios: [
        { id: created.id, name: BODY.name, description: "Two posts", firstYear: "2025/26", years: 2, version: 1, updatedAt: created.updatedAt, updatedBy: { name: "Ed Editor" }, postCount: 1, agreed: false, agreedAt: null, agreedBy: null },
      ],
    });
  });

  it("works with a bearer token; a bad or revoked token is 401", async () => {
    const { status, json } = await create("UZ1003", BODY, { bearer: token });
    expect(status).toBe(201);
    expect((await get(json.id, { bearer: token })).status).toBe(200);
    const bad = await get(json.id, { bearer: "arrs_not-a-real-token" });
    expect(bad).toEqual({ status: 401, json: { error: { code: "unauthenticated", message: expect.stringMatching(/^The API token is not valid/) } } });
    const malformed = await call(itemRoute.GET(new Request("http://planner.test/x", { headers: { authorization: "Basic abc" } }), idCtx(json.id)));
    expect(malformed.status).toBe(401);
    const { token: temp } = await createApiToken(env.db, "ed@example.nhs.uk");
    await revokeApiTokens(env.db, "ed@example.nhs.uk");
    expect((await get(json.id, { bearer: temp })).status).toBe(401);
    token = (await createApiToken(env.db, "ed@example.nhs.uk")).token;
  });
});

describe("PUT /api/v1/scenarios/{id}", () => {
  it("accepts the scenario exactly as GET returned it: the read-only fields (results, agreed, rolledFromId, …) are ignored", async () => {
    const { json: created } = await create("UZ1001", BODY);
    const got = (await get(created.id)).json;
    const saved = await put(created.id, { ...got, name: "Sent back whole" });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ id: created.id, name: "Sent back whole", version: 2, pcnCode: "UZ1001" });
    // A field that is neither the scenario's nor read-only is still refused.
    expect((await put(created.id, { ...got, version: 2, colour: "red" })).status).toBe(422);
  });

  it("200 with version + 1; a stale version is 409 with the current scenario", async () => {
    const { json: created } = await create("UZ1001", BODY);
    const saved = await put(created.id, { ...BODY, name: "Renamed", version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ id: created.id, name: "Renamed", version: 2 });
    expect(saved.json.results.years).toHaveLength(2);

    const stale = await put(created.id, { ...BODY, name: "Mine", version: 1 });
    expect(stale.status).toBe(409);
    expect(Object.keys(stale.json.error).sort()).toEqual(["code", "current", "message"]);
    expect(stale.json.error.code).toBe("conflict");
    expect(Object.keys(stale.json.error.current).sort()).toEqual(STORED_KEYS.sort());
    expect(stale.json.error.current).toMatchObject({ id: created.id, name: "Renamed", version: 2 });
    expect((await get(created.id)).json.name).toBe("Renamed");
  });

  it("422 for invalid input, malformed JSON and oversized bodies, in the one error shape", async () => {
    const { json: created } = await create("UZ1001", BODY);
    const invalid = await put(created.id, { ...BODY, years: 0, version: 1 });
    expect(invalid).toEqual({
      status: 422,
      json: { error: { code: "invalid_input", message: "Some of the scenario is not valid; see issues.", issues: [{ path: "years", message: "Years must be a whole number from 1 to 5." }] } },
    });
    const malformed = await put(created.id, "{ not json");
    expect(malformed.status).toBe(422);
    expect(malformed.json.error).toMatchObject({ code: "invalid_input", message: "The request is not valid JSON.", issues: [{ path: "", message: expect.stringMatching(/^The request is not valid JSON/) }] });
    const huge = await put(created.id, JSON.stringify({ ...BODY, description: "x".repeat(MAX_SCENARIO_BODY_BYTES) }));
    expect(huge.status).toBe(422);
    expect(huge.json.error.message).toBe("The request is too large: at most 1,000,000 bytes.");
    const empty = await create("UZ1001", "");
    expect(empty.status).toBe(422);
  });
});

describe("DELETE, restore, duplicate", () => {
  it("DELETE 200 { deleted, restorableUntil }; ?deleted=1 lists it; restore 200; duplicate 201", async () => {
    const { json: created } = await create("UZ1004", BODY);
    const d = await del(created.id);
    expect(d.status).toBe(200);
    expect(Object.keys(d.json).sort()).toEqual(["deleted", "restorableUntil"]);
    expect(d.json.deleted).toBe(true);
    expect(Date.parse(d.json.restorableUntil) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await list("UZ1004")).json.scenarios).toEqual([]);
    const deleted = (await list("UZ1004", editorAuth(), "?deleted=1")).json.scenarios;
    expect(deleted).toMatchObject([{ id: created.id, restorableUntil: d.json.restorableUntil }]);

    const r = await restore(created.id);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: created.id, deletedAt: null });
    expect((await list("UZ1004")).json.scenarios).toHaveLength(1);

    const copy = await duplicate(created.id);
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ name: `Copy of ${BODY.name}`, version: 1, pcnCode: "UZ1004" });
    expect(copy.json.results.years).toHaveLength(2);
    const named = await duplicate(created.id, { name: "Plan B" });
    expect(named.json.name).toBe("Plan B");
    expect((await duplicate(created.id, { colour: "red" })).status).toBe(422);
  });
});

describe("access", () => {
  it("401 without a session or token", async () => {
    const { json: created } = await create("UZ1001", BODY);
    const expected = { error: { code: "unauthenticated", message: "Sign in, or send an API token, to see and save scenarios." } };
    expect(await list("UZ1001", {})).toEqual({ status: 401, json: expected });
    expect(await create("UZ1001", BODY, {})).toEqual({ status: 401, json: expected });
    expect((await get(created.id, {})).status).toBe(401);
    expect((await put(created.id, { ...BODY, version: 1 }, {})).status).toBe(401);
    expect((await del(created.id, {})).status).toBe(401);
    expect((await duplicate(created.id, undefined, {})).status).toBe(401);
    expect((await restore(created.id, {})).status).toBe(401);
    expect((await get(created.id, { cookie: "arrs_session=expired-or-made-up" })).status).toBe(401);
  });

  it("403 for the demo account on a real PCN; it plans for demo PCNs", async () => {
    const real = await create("U99999", BODY, { cookie: demoCookie });
    expect(real.status).toBe(403);
    expect(real.json.error).toEqual({
      code: "forbidden",
      message: "The demo account can only plan for the fictional demo PCNs (codes starting UZ). Sign in with your own account to plan for U99999.",
    });
    expect((await list("U99999", { cookie: demoCookie })).status).toBe(403);
    expect((await create("UZ1005", BODY, { cookie: demoCookie })).status).toBe(201);
    expect((await create("U99999", BODY)).status).toBe(201);
  });

  it("403 for a cookie-authenticated write from another site; same-site writes pass", async () => {
    expect((await create("UZ1001", BODY, { cookie: editorCookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await create("UZ1001", BODY, { cookie: editorCookie, origin: "http://planner.test" })).status).toBe(201);
  });

  it("404 for unknown PCNs and scenarios; 422 for text that cannot be a PCN code", async () => {
    expect(await create("UZ9999", BODY)).toEqual({ status: 404, json: { error: { code: "not_found", message: "There is no PCN with code UZ9999." } } });
    expect(await get("NoSuchScenario01")).toEqual({ status: 404, json: { error: { code: "not_found", message: "There is no scenario with id NoSuchScenario01." } } });
    expect((await put("NoSuchScenario01", { ...BODY, version: 1 })).status).toBe(404);
    expect((await del("NoSuchScenario01")).status).toBe(404);
    expect((await restore("NoSuchScenario01")).status).toBe(404);
    expect((await duplicate("NoSuchScenario01")).status).toBe(404);
    expect((await list("not-a-code")).status).toBe(422);
  });
});
