// POST /api/v1/scenarios/{id}/posts/import (issue 16, item 1): the PCN's team from its own CSV or
// XLSX. Route handlers called directly on a real SQLite database, as in scenarios-api.test.ts.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createSession, createUser } from "@/lib/server/auth/users";
import { XLSX_TYPE } from "@/lib/team-import";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let itemRoute: typeof import("@/app/api/v1/scenarios/[id]/route");
let importRoute: typeof import("@/app/api/v1/scenarios/[id]/posts/import/route");
let editorCookie: string;
let viewerCookie: string;

const PCN = "UZ1001";
const BASE = {
  name: "Team from payroll",
  firstYear: "2025/26",
  years: 2,
  posts: [{ label: "Proposed OT", role: "occupational-therapist", status: "proposed", band: "7", point: 1, wte: 1, start: "2025-10-01" }],
};

// A payroll export: its own headers, role words, hours a week, UK dates and Excel serials, £ amounts.
const PAYROLL_CSV = [
  "Staff Name,Job Title,AfC Band,Spine Point,Basic Salary (FTE),Hours per week,Date Started,Leaving Date,Roadmap",
  "A. Patel,Clinical Pharmacist,Band 7,2,,37.5,01/10/2024,,",
  "B. Jones,FCP Physio,7,1,,22.5,2023-04-01,,complete",
  'C. Smith,SPLW,,,"£27,485.50",30,1 Oct 2024,31/03/2027,',
  'D. Khan,Salaried GP,,,"£82,000",20,45566,,',
].join("\r\n");

// The same four people typed as posts (what the planner or a PUT would send).
const TYPED = [
  { label: "A. Patel", role: "clinical-pharmacist", status: "existing", band: "7", point: 2, hoursPerWeek: 37.5, start: "2024-10-01" },
  { label: "B. Jones", role: "first-contact-physiotherapist", status: "existing", band: "7", point: 1, hoursPerWeek: 22.5, start: "2023-04-01", firstContact: { roadmap: "qualified" } },
  { label: "C. Smith", role: "social-prescribing-link-worker", status: "existing", annualSalary: 27485.5, hoursPerWeek: 30, start: "2024-10-01", end: "2027-03-31" },
  { label: "D. Khan", role: "gp", status: "existing", annualSalary: 82000, hoursPerWeek: 20, start: "2024-10-01" },
];

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  const editor = await createUser(env.db, { email: "ed@example.nhs.uk", name: "Ed Editor", password: "a-long-password" });
  const viewer = await createUser(env.db, { email: "vi@example.nhs.uk", name: "Vi Viewer", password: "a-long-password" });
  editorCookie = `arrs_session=${(await createSession(env.db, editor.id)).token}`;
  viewerCookie = `arrs_session=${(await createSession(env.db, viewer.id)).token}`;
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: PCN, role: "editor" });
  await grantMembership(env.db, COMMAND_LINE, { email: viewer.email, pcnCode: PCN, role: "viewer" });
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  itemRoute = await import("@/app/api/v1/scenarios/[id]/route");
  importRoute = await import("@/app/api/v1/scenarios/[id]/posts/import/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });

async function call(res: Promise<Response>): Promise<{ status: number; json: any }> {
  const r = await res;
  return { status: r.status, json: await r.json() };
}

function jsonRequest(path: string, method: string, body: unknown): Request {
  return new Request(`http://planner.test${path}`, { method, headers: { host: "planner.test", cookie: editorCookie, "content-type": "application/json" }, body: JSON.stringify(body) });
}

const create = async () => {
  const r = await call(listRoute.POST(jsonRequest(`/api/v1/pcns/${PCN}/scenarios`, "POST", BASE), { params: Promise.resolve({ code: PCN }) }));
  expect(r.status).toBe(201);
  return r.json;
};
const put = (id: string, body: unknown) => call(itemRoute.PUT(jsonRequest(`/api/v1/scenarios/${id}`, "PUT", body), idCtx(id)));
const get = (id: string) => call(itemRoute.GET(new Request(`http://planner.test/api/v1/scenarios/${id}`, { headers: { host: "planner.test", cookie: editorCookie } }), idCtx(id)));

function importFile(id: string, query: string, body: string | Uint8Array, type = "text/csv", cookie = editorCookie) {
  const req = new Request(`http://planner.test/api/v1/scenarios/${id}/posts/import?${query}`, {
    method: "POST",
    headers: { host: "planner.test", cookie, "content-type": type },
    body: body as BodyInit,
  });
  return call(importRoute.POST(req, idCtx(id)));
}

const revisions = (id: string) => env.db.scenarioRevision.count({ where: { scenarioId: id } });

describe("POST /api/v1/scenarios/{id}/posts/import", () => {
  it("dryRun=1 returns the posts as they will be saved, and saves nothing", async () => {
    const s = await create();
    const r = await importFile(s.id, "dryRun=1", PAYROLL_CSV);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ posts: TYPED, rows: [1, 2, 3, 4], issues: [], unmapped: [], unknownRoles: [] });
    expect((await get(s.id)).json.version).toBe(1);
    expect(await revisions(s.id)).toBe(1);
  });

  it("saves the posts (version + 1, audited), and they price exactly as the same posts typed and PUT", async () => {
    const imported = await create();
    const typed = await create();
    const r = await importFile(imported.id, "version=1", PAYROLL_CSV);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: imported.id, version: 2 });
    expect(r.json.posts.map((p: { label: string }) => p.label)).toEqual(["Proposed OT", "A. Patel", "B. Jones", "C. Smith", "D. Khan"]);
    const p = await put(typed.id, { ...BASE, posts: [...BASE.posts, ...TYPED], version: 1 });
    expect(p.status).toBe(200);
    expect(r.json.posts).toEqual(p.json.posts);
    expect(r.json.results).toEqual(p.json.results);
    expect(r.json.results.years[0].posts).toHaveLength(5);

    const events = await env.db.auditEvent.findMany({ where: { entityId: imported.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["scenario.create", "scenario.update"]);
    expect(await revisions(imported.id)).toBe(2);
  });

  it("reads an XLSX body (first sheet, or ?sheet=) the same way", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["Exported 1 March 2026"]);
    const ws = wb.addWorksheet("Staff");
    ws.addRow(["Employee", "Profession", "Band", "Spine point", "Contracted hours", "Start date"]);
    ws.addRow(["A. Patel", "Clinical Pharmacist", 7, 2, 37.5, new Date(Date.UTC(2024, 9, 1))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = await create();
    const first = await importFile(s.id, "dryRun=1", bytes, XLSX_TYPE);
    expect(first.json).toMatchObject({ sheets: ["Notes", "Staff"], sheet: "Notes", posts: [] });
    expect(first.json.issues.map((i: { message: string }) => i.message)).toContain("The file needs a column with each person's role (for example Role, Job title or Profession).");
    const r = await importFile(s.id, "version=1&sheet=Staff", bytes, XLSX_TYPE);
    expect(r.status).toBe(200);
    expect(r.json.posts[1]).toMatchObject(TYPED[0]!);
  });

  it("a bad row → 422 naming the row and the column in words; nothing is saved", async () => {
    const s = await create();
    const bad = PAYROLL_CSV.replace("C. Smith,SPLW,,,\"£27,485.50\",30,", "C. Smith,SPLW,,,\"£27,485.50\",45,");
    const r = await importFile(s.id, "version=1", bad);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("invalid_input");
    expect(r.json.error.message).toContain("nothing was saved");
    expect(r.json.error.issues).toEqual([
      { path: "rows.3.hoursPerWeek", message: "Row 3, Hours per week: 45 is more than full time (37.5 hours a week = 1.0 WTE); model a second post for the rest." },
    ]);
    const after = await get(s.id);
    expect(after.json.version).toBe(1);
    expect(after.json.posts).toHaveLength(1);
    expect(await revisions(s.id)).toBe(1);
  });

  it("a stale version → 409 with the current scenario, as for PUT; nothing is saved", async () => {
    const s = await create();
    expect((await put(s.id, { ...BASE, name: "Renamed", version: 1 })).status).toBe(200);
    const r = await importFile(s.id, "version=1", PAYROLL_CSV);
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: "conflict", current: { version: 2, name: "Renamed" } });
    expect((await get(s.id)).json.posts).toHaveLength(1);
  });

  it("a column it does not know is listed (unmapped) and stops the save until mapped or ignored", async () => {
    const csv = "Name,Role,Band,Point,Weekly hrs,Cost centre\nA. Patel,Clinical Pharmacist,7,2,37.5,CC-12\n";
    const s = await create();
    const dry = await importFile(s.id, "dryRun=1", csv);
    expect(dry.status).toBe(200);
    expect(dry.json.unmapped).toEqual(["Weekly hrs", "Cost centre"]);
    expect(dry.json.posts).toEqual([]);
    const refused = await importFile(s.id, "version=1", csv);
    expect(refused.status).toBe(422);
    expect(refused.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["columns.5", "columns.6"]);

    const mapping = encodeURIComponent(JSON.stringify({ "Weekly hrs": "hoursPerWeek", "Cost centre": "ignore" }));
    const saved = await importFile(s.id, `version=1&mapping=${mapping}`, csv);
    expect(saved.status).toBe(200);
    expect(saved.json.posts[1]).toMatchObject({ label: "A. Patel", role: "clinical-pharmacist", hoursPerWeek: 37.5, band: "7", point: 2, status: "existing" });

    const notJson = await importFile(s.id, "version=2&mapping=hours", csv);
    expect(notJson.status).toBe(422);
    expect(notJson.json.error.issues[0].path).toBe("mapping");
  });

  it("a viewer of the PCN gets 403 (dry run and save); a missing version or a file of another type is refused", async () => {
    const s = await create();
    expect((await importFile(s.id, "version=1", PAYROLL_CSV, "text/csv", viewerCookie)).status).toBe(403);
    expect((await importFile(s.id, "dryRun=1", PAYROLL_CSV, "text/csv", viewerCookie)).status).toBe(403);
    const noVersion = await importFile(s.id, "", PAYROLL_CSV);
    expect(noVersion.status).toBe(422);
    expect(noVersion.json.error.issues[0].path).toBe("version");
    expect((await importFile(s.id, "version=1", "{}", "application/json")).status).toBe(415);
    expect((await get(s.id)).json.version).toBe(1);
  });
});
