// The audit trail (lib/server/audit.ts): one event per change, written in the same transaction as
// the change (a change that fails or is rolled back leaves none), field-level before/after, the
// scenario history and PCN audit endpoints with their access rules, CSV. Runs on SQLite, and on
// PostgreSQL in `node scripts/test.mjs postgres`.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import * as auditModule from "@/lib/server/audit";
import { auditCsv, diffScenario, type AuditEntry } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db/create-prisma";
import { AppError } from "@/lib/server/errors";
import { grantMembership, revokeMembership } from "@/lib/server/auth/memberships";
import { setConfirmedWeightedPopulation } from "@/lib/server/pcn-data/weighted-population";
import { createScenario, deleteScenario, duplicateScenario, getScenarioHistory, restoreScenario, updateScenario } from "@/lib/server/scenarios/scenarios";
import { createSession, createUser, removeUser, type SessionUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let editor: SessionUser;
let viewer: SessionUser;
let pcnAdmin: SessionUser;
let outsider: SessionUser;
const PCN = "UZ1001";
const cookies: Record<string, string> = {};
let historyRoute: typeof import("@/app/api/v1/scenarios/[id]/history/route");
let historyCsvRoute: typeof import("@/app/api/v1/scenarios/[id]/history.csv/route");
let auditRoute: typeof import("@/app/api/v1/pcns/[code]/audit/route");
let auditCsvRoute: typeof import("@/app/api/v1/pcns/[code]/audit.csv/route");

const OT = { id: "ot-1", label: "OT – frailty", role: "occupational-therapist", status: "proposed", band: "7", point: 1, wte: 1, start: "2025-10-01" };
const CP = { id: "cp-1", label: "Pharmacist", role: "clinical-pharmacist", status: "existing", annualSalary: 52000, wte: 0.8 };
const BODY = { name: "Add one First Contact OT", description: "The lead case", firstYear: "2025/26", years: 2, assumptions: { claimLagMonths: 2 }, posts: [OT, CP] };

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  const mk = (email: string, name: string) => createUser(env.db, { email, name, password: "a-long-password" });
  editor = await mk("ed@example.nhs.uk", "Ed Editor");
  viewer = await mk("vi@example.nhs.uk", "Vi Viewer");
  pcnAdmin = await mk("pa@example.nhs.uk", "Pat Admin");
  outsider = await mk("out@example.nhs.uk", "Otto Outsider");
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: PCN, role: "editor" });
  await grantMembership(env.db, COMMAND_LINE, { email: viewer.email, pcnCode: PCN, role: "viewer" });
  await grantMembership(env.db, COMMAND_LINE, { email: pcnAdmin.email, pcnCode: PCN, role: "admin" });
  await grantMembership(env.db, COMMAND_LINE, { email: outsider.email, pcnCode: "UZ1002", role: "admin" });
  for (const u of [editor, viewer, pcnAdmin, outsider]) cookies[u.email] = `arrs_session=${(await createSession(env.db, u.id)).token}`;
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

const events = (entityType: string, entityId: string) => env.db.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });
const changesOf = (row: { changes: string }) => JSON.parse(row.changes) as { field: string; before: unknown; after: unknown }[];

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("field-level differences", () => {
  it("diffs a scenario's stored document: scalars, assumptions by key, posts and supervisors by id and field", () => {
    const before = { ...BODY, assumptions: { claimLagMonths: 2, maxReimbursableAnnual: { dietitian: 60000 } }, supervisors: [{ id: "gp", name: "Dr A", wte: 0.5 }] };
    const after = {
      ...BODY,
      name: "Renamed",
      description: "",
      years: 3,
      assumptions: { payAward: 0.03, maxReimbursableAnnual: { dietitian: 61000 } },
      posts: [{ ...CP }, { ...OT, wte: 0.8, firstContact: { stage1: "done" } }, { id: "new", role: "paramedic", annualSalary: 50000, wte: 1 }],
      supervisors: [{ id: "gp", name: "Dr B", wte: 0.5 }],
    };
    expect(diffScenario(before, after)).toEqual([
      { field: "name", before: BODY.name, after: "Renamed" },
      { field: "description", before: "The lead case", after: null },
      { field: "years", before: 2, after: 3 },
      { field: "assumptions.claimLagMonths", before: 2, after: null },
      { field: "assumptions.maxReimbursableAnnual.dietitian", before: 60000, after: 61000 },
      { field: "assumptions.payAward", before: null, after: 0.03 },
      { field: "posts[ot-1].wte", before: 1, after: 0.8 },
      { field: "posts[ot-1].firstContact.stage1", before: null, after: "done" },
      { field: "posts[new]", before: null, after: { id: "new", role: "paramedic", annualSalary: 50000, wte: 1 } },
      { field: "posts (order)", before: ["ot-1", "cp-1"], after: ["cp-1", "ot-1"] },
      { field: "supervisors[gp].name", before: "Dr A", after: "Dr B" },
    ]);
    expect(diffScenario(before, before)).toEqual([]);
    // Key order does not count as a change.
    expect(diffScenario({ ...BODY, posts: [{ wte: 1, id: "ot-1", role: "x" }] }, { ...BODY, posts: [{ id: "ot-1", role: "x", wte: 1 }] })).toEqual([]);
  });
});

describe("scenario events, written with the change", () => {
  it("create, save, delete, restore and duplicate each write one event with what changed", async () => {
    const t0 = new Date("2026-11-01T09:00:00Z");
    const s = await createScenario(env.db, editor, PCN, BODY, t0);
    const [created] = await events("scenario", s.id);
    expect(created).toMatchObject({ action: "scenario.create", actorUserId: editor.id, actorName: "Ed Editor", pcnCode: PCN, at: t0 });
    expect(changesOf(created!).slice(0, 5)).toEqual([
      { field: "version", before: null, after: 1 },
      { field: "name", before: null, after: BODY.name },
      { field: "description", before: null, after: "The lead case" },
      { field: "firstYear", before: null, after: "2025/26" },
      { field: "years", before: null, after: 2 },
    ]);
    expect(changesOf(created!).map((c) => c.field)).toEqual(["version", "name", "description", "firstYear", "years", "assumptions.claimLagMonths", "posts[ot-1]", "posts[cp-1]"]);

    const t1 = new Date("2026-11-02T09:00:00Z");
    await updateScenario(env.db, editor, s.id, { ...BODY, version: 1, name: "Renamed", posts: [{ ...OT, wte: 0.8 }] }, t1);
    const updated = (await events("scenario", s.id))[1]!;
    expect(updated).toMatchObject({ action: "scenario.update", at: t1 });
    expect(changesOf(updated)).toEqual([
      { field: "version", before: 1, after: 2 },
      { field: "name", before: BODY.name, after: "Renamed" },
      { field: "posts[ot-1].wte", before: 1, after: 0.8 },
      { field: "posts[cp-1]", before: expect.objectContaining({ id: "cp-1", role: "clinical-pharmacist", wte: 0.8 }), after: null },
    ]);
    // Saving the same again: a new version, nothing else changed.
    await updateScenario(env.db, editor, s.id, { ...BODY, version: 2, name: "Renamed", posts: [{ ...OT, wte: 0.8 }] }, t1);
    expect(changesOf((await events("scenario", s.id))[2]!)).toEqual([{ field: "version", before: 2, after: 3 }]);

    const t2 = new Date("2026-11-03T09:00:00Z");
    await deleteScenario(env.db, pcnAdmin, s.id, t2);
    await deleteScenario(env.db, pcnAdmin, s.id, t2); // twice: nothing changes, nothing recorded
    await restoreScenario(env.db, editor, s.id, t2);
    await restoreScenario(env.db, editor, s.id, t2); // a live scenario: nothing changes
    const copy = await duplicateScenario(env.db, editor, s.id, { name: "Plan B" }, t2);
    const all = await events("scenario", s.id);
    expect(all.map((e) => [e.action, e.actorName])).toEqual([
      ["scenario.create", "Ed Editor"],
      ["scenario.update", "Ed Editor"],
      ["scenario.update", "Ed Editor"],
      ["scenario.delete", "Pat Admin"],
      ["scenario.restore", "Ed Editor"],
    ]);
    expect(changesOf(all[3]!)).toEqual([{ field: "deletedAt", before: null, after: t2.toISOString() }]);
    expect(changesOf(all[4]!)).toEqual([{ field: "deletedAt", before: t2.toISOString(), after: null }]);
    const [copied] = await events("scenario", copy.id);
    expect(copied!.action).toBe("scenario.create");
    expect(changesOf(copied!).slice(0, 3)).toEqual([
      { field: "copiedFrom", before: null, after: s.id },
      { field: "version", before: null, after: 1 },
      { field: "name", before: null, after: "Plan B" },
    ]);
  });

  it("a save that fails writes no event: the event is rolled back with the change", async () => {
    const s = await createScenario(env.db, editor, PCN, BODY);
    const count = () => env.db.auditEvent.count({ where: { entityId: s.id } });
    expect(await count()).toBe(1);
    // Another writer left a revision 2 behind: the save's scenario update and its audit event are
    // written, then the revision insert fails (unique scenario + version), and the transaction
    // rolls all of it back.
    await env.db.scenarioRevision.create({ data: { scenarioId: s.id, version: 2, name: "racing", firstYear: "2025/26", years: 2, document: "{}" } });
    const e = await rejection(updateScenario(env.db, editor, s.id, { ...BODY, name: "Lost", version: 1 }));
    expect(e.code).toBe("conflict");
    expect(await count()).toBe(1);
    expect(await env.db.scenario.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ name: BODY.name, version: 1 });
    // Refused before any write: stale version, invalid body, no access — no event either.
    await rejection(updateScenario(env.db, editor, s.id, { ...BODY, version: 7 }));
    await rejection(updateScenario(env.db, editor, s.id, { ...BODY, years: 0, version: 1 }));
    await rejection(updateScenario(env.db, viewer, s.id, { ...BODY, version: 1 }));
    await rejection(createScenario(env.db, editor, PCN, { ...BODY, years: 0 }));
    expect(await count()).toBe(1);
  });
});

describe("membership, user and weighted-population events", () => {
  it("grant, change and revoke a role; create and remove an account (its memberships too)", async () => {
    const u = await createUser(env.db, { email: "temp@example.nhs.uk", name: "Tem Porary", password: "a-long-password" });
    await grantMembership(env.db, pcnAdmin, { email: u.email, pcnCode: PCN, role: "viewer" });
    await grantMembership(env.db, pcnAdmin, { email: u.email, pcnCode: PCN, role: "viewer" }); // no change: no event
    await grantMembership(env.db, pcnAdmin, { email: u.email, pcnCode: PCN, role: "editor" });
    await revokeMembership(env.db, pcnAdmin, { email: u.email, pcnCode: PCN });
    await grantMembership(env.db, COMMAND_LINE, { email: u.email, pcnCode: "UZ1003", role: "admin" });
    await removeUser(env.db, u.email);
    const rows = await env.db.auditEvent.findMany({ where: { entityId: u.email }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.entityType, r.pcnCode, r.actorName, changesOf(r)])).toEqual([
      ["user.create", "user", null, "Command line", [
        { field: "email", before: null, after: u.email },
        { field: "name", before: null, after: "Tem Porary" },
        { field: "role", before: null, after: "user" },
      ]],
      ["membership.grant", "membership", PCN, "Pat Admin", [{ field: "role", before: null, after: "viewer" }]],
      ["membership.grant", "membership", PCN, "Pat Admin", [{ field: "role", before: "viewer", after: "editor" }]],
      ["membership.revoke", "membership", PCN, "Pat Admin", [{ field: "role", before: "editor", after: null }]],
      ["membership.grant", "membership", "UZ1003", "Command line", [{ field: "role", before: null, after: "admin" }]],
      ["membership.revoke", "membership", "UZ1003", "Command line", [{ field: "role", before: "admin", after: null }]],
      ["user.remove", "user", null, "Command line", [
        { field: "email", before: u.email, after: null },
        { field: "name", before: "Tem Porary", after: null },
        { field: "role", before: "user", after: null },
      ]],
    ]);
    expect(rows[1]!.actorUserId).toBe(pcnAdmin.id);
    expect(rows[0]!.actorUserId).toBeNull();
  });

  it("the ICB-confirmed weighted population: before and after, with the change", async () => {
    // UZ1002 (i = 1) has no confirmed 2025/26 figure in the seed.
    const outsiderOwn = { code: "UZ1002", financialYear: "2025/26", source: "ICB letter 1", enteredBy: "Otto Outsider" };
    await setConfirmedWeightedPopulation(env.db, { ...outsiderOwn, value: 40000 }, outsider);
    await setConfirmedWeightedPopulation(env.db, { ...outsiderOwn, value: 40100.5, source: "ICB letter 2", note: "corrected" }, outsider);
    const rows = await events("weighted-population", "UZ1002/2025/26");
    expect(rows.map((r) => [r.action, r.pcnCode, changesOf(r)])).toEqual([
      ["weighted-population.set", "UZ1002", [
        { field: "value", before: null, after: 40000 },
        { field: "source", before: null, after: "ICB letter 1" },
        { field: "enteredBy", before: null, after: "Otto Outsider" },
      ]],
      ["weighted-population.set", "UZ1002", [
        { field: "value", before: 40000, after: 40100.5 },
        { field: "source", before: "ICB letter 1", after: "ICB letter 2" },
        { field: "note", before: null, after: "corrected" },
      ]],
    ]);
    // Refused (a viewer of UZ1001 on UZ1002): no figure, no event.
    await rejection(setConfirmedWeightedPopulation(env.db, { ...outsiderOwn, value: 1 }, viewer));
    expect(await env.db.auditEvent.count({ where: { entityId: "UZ1002/2025/26" } })).toBe(2);
  });

  it("the app has no way to change or delete an event", () => {
    const exported = Object.keys(auditModule);
    expect(exported.filter((k) => /update|delete|remove|edit|purge/i.test(k))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

type Auth = { cookie?: string };
const req = (p: string, auth: Auth) => new Request(`http://planner.test${p}`, { headers: { host: "planner.test", ...(auth.cookie ? { cookie: auth.cookie } : {}) } });
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const pcnCtx = (code: string) => ({ params: Promise.resolve({ code }) });
const as = (u: SessionUser): Auth => ({ cookie: cookies[u.email] });

describe("GET /api/v1/scenarios/{id}/history and history.csv", () => {
  it("lists the scenario's events newest first, for anyone who may read the scenario; 404 for outsiders, 401 signed out", async () => {
    const HOSTILE = '=HYPERLINK("http://x","click")';
    const s = await createScenario(env.db, editor, PCN, { ...BODY, name: HOSTILE });
    await updateScenario(env.db, editor, s.id, { ...BODY, name: HOSTILE, version: 1, posts: [{ ...OT, wte: 0.8 }, CP] });
    for (const who of [editor, viewer, pcnAdmin]) {
      const r = await historyRoute.GET(req(`/api/v1/scenarios/${s.id}/history`, as(who)), idCtx(s.id));
      expect(r.status).toBe(200);
      const body = (await r.json()) as { scenario: object; events: AuditEntry[] };
      expect(body.scenario).toEqual({ id: s.id, pcnCode: PCN, name: HOSTILE, version: 2 });
      expect(body.events.map((e) => e.action)).toEqual(["scenario.update", "scenario.create"]);
      expect(body.events[0]).toEqual({
        id: expect.any(Number),
        at: expect.any(String),
        actor: { name: "Ed Editor" },
        action: "scenario.update",
        entityType: "scenario",
        entityId: s.id,
        pcnCode: PCN,
        changes: [
          { field: "version", before: 1, after: 2 },
          { field: "posts[ot-1].wte", before: 1, after: 0.8 },
        ],
      });
      // Names only: no account's email in a scenario's history.
      expect(JSON.stringify(body)).not.toContain("@example");
    }
    const out = await historyRoute.GET(req(`/api/v1/scenarios/${s.id}/history`, as(outsider)), idCtx(s.id));
    expect([out.status, await out.json()]).toEqual([404, { error: { code: "not_found", message: `There is no scenario with id ${s.id}.` } }]);
    expect((await historyRoute.GET(req(`/api/v1/scenarios/${s.id}/history`, {}), idCtx(s.id))).status).toBe(401);
    expect((await historyCsvRoute.GET(req(`/api/v1/scenarios/${s.id}/history.csv`, as(outsider)), idCtx(s.id))).status).toBe(404);

    const csv = await historyCsvRoute.GET(req(`/api/v1/scenarios/${s.id}/history.csv`, as(viewer)), idCtx(s.id));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="scenario-${s.id}-history.csv"`);
    // Response.text() would drop the byte-order mark: look at the bytes.
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString("utf8")) as string[][];
    expect(rows[0]).toEqual(["When (UTC)", "Who", "Action", "Entity type", "Entity", "PCN", "Field", "Before", "After"]);
    expect(rows[1]!.slice(1)).toEqual(["Ed Editor", "scenario.update", "scenario", s.id, PCN, "version", "1", "2"]);
    expect(rows[2]!.slice(6)).toEqual(["posts[ot-1].wte", "1", "0.8"]);
    // Typed text is inert in a spreadsheet.
    const nameRow = rows.find((r) => r[6] === "name")!;
    expect(nameRow[8]).toBe(`'${HOSTILE}`);
    // A whole post is written as JSON.
    expect(JSON.parse(rows.find((r) => r[6] === "posts[cp-1]")![8]!)).toMatchObject({ id: "cp-1", role: "clinical-pharmacist" });
  });

  it("getScenarioHistory keeps a deleted scenario's history readable while it can be restored", async () => {
    const s = await createScenario(env.db, editor, PCN, BODY);
    await deleteScenario(env.db, editor, s.id);
    const h = await getScenarioHistory(env.db, viewer, s.id);
    expect(h.events.map((e) => e.action)).toEqual(["scenario.delete", "scenario.create"]);
  });
});

describe("GET /api/v1/pcns/{code}/audit and audit.csv", () => {
  it("the PCN's admins page through everything recorded about the PCN; bad paging is 422", async () => {
    const get = (qs: string, auth: Auth = as(pcnAdmin)) => auditRoute.GET(req(`/api/v1/pcns/${PCN}/audit${qs}`, auth), pcnCtx(PCN));
    const all = (await (await get("?limit=1000")).json()) as { pcnCode: string; events: AuditEntry[]; nextBefore: number | null };
    expect(all.pcnCode).toBe(PCN);
    expect(all.nextBefore).toBeNull();
    expect(new Set(all.events.map((e) => e.entityType))).toEqual(new Set(["scenario", "membership"]));
    expect(all.events.every((e) => e.pcnCode === PCN)).toBe(true);
    const ids = all.events.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids); // newest first

    const first = (await (await get("?limit=2")).json()) as typeof all;
    expect(first.events.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(first.nextBefore).toBe(ids[1]);
    const second = (await (await get(`?limit=2&before=${first.nextBefore}`)).json()) as typeof all;
    expect(second.events.map((e) => e.id)).toEqual(ids.slice(2, 4));

    for (const qs of ["?limit=0", "?limit=1001", "?limit=abc", "?before=-1", "?colour=red"]) {
      const r = await get(qs);
      expect([qs, r.status]).toEqual([qs, 422]);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    }
    expect((await get("", as(editor))).status).toBe(403);
    expect((await get("", as(outsider))).status).toBe(404);

    const csv = await auditCsvRoute.GET(req(`/api/v1/pcns/${PCN}/audit.csv`, as(pcnAdmin)), pcnCtx(PCN));
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text()) as string[][]; // text() drops the byte-order mark
    expect(rows.length).toBeGreaterThan(all.events.length); // one row per change
    expect(rows.filter((r) => r[2] === "membership.grant").map((r) => r[4])).toContain("vi@example.nhs.uk");
  });

  it("auditCsv writes an event without field changes as one row", () => {
    const csv = auditCsv([{ id: 1, at: "2026-01-01T00:00:00.000Z", actor: { name: "@Someone" }, action: "scenario.update", entityType: "scenario", entityId: "x", pcnCode: null, changes: [] }]);
    expect(parse(csv.slice(1))).toEqual([
      ["When (UTC)", "Who", "Action", "Entity type", "Entity", "PCN", "Field", "Before", "After"],
      ["2026-01-01T00:00:00.000Z", "'@Someone", "scenario.update", "scenario", "x", "", "", "", ""],
    ]);
  });
});
