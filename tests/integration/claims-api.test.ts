// Issue 17 "Plan against actual", items 1 and 2: the agreed plan (POST/DELETE
// /api/v1/scenarios/{id}/agree) and the PCN's claims month by month (GET/PUT
// /api/v1/pcns/{code}/claims…, POST …/claims/import). Route handlers called directly on a real
// database, as in scenarios-api.test.ts; runs on SQLite, and on PostgreSQL in the postgres suite.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createSession, createUser, type SessionUser } from "@/lib/server/auth/users";
import { getPlanLines } from "@/lib/server/claims/claims";
import { exportScenario } from "@/lib/server/scenarios/export";
import { XLSX_TYPE } from "@/lib/team-import";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let scenarios: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let item: typeof import("@/app/api/v1/scenarios/[id]/route");
let agree: typeof import("@/app/api/v1/scenarios/[id]/agree/route");
let claims: typeof import("@/app/api/v1/pcns/[code]/claims/route");
let month: typeof import("@/app/api/v1/pcns/[code]/claims/[month]/route");
let importRoute: typeof import("@/app/api/v1/pcns/[code]/claims/import/route");
const cookies: Record<"admin" | "editor" | "viewer" | "outsider", string> = { admin: "", editor: "", viewer: "", outsider: "" };
let admin: SessionUser;

const PCN = "UZ1001";
const YEAR = "2026/27";
const PLAN = {
  name: "Agreed 2026/27",
  firstYear: YEAR,
  years: 1,
  posts: [
    { id: "ot-1", label: "OT – frailty", role: "occupational-therapist", status: "existing", band: "7", point: 1, wte: 1, start: "2025-10-01" },
    { id: "cp-1", label: "Pharmacist", role: "clinical-pharmacist", status: "existing", band: "7", point: 2, wte: 0.8, start: "2025-04-01" },
  ],
};

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  for (const [who, role] of [["admin", "admin"], ["editor", "editor"], ["viewer", "viewer"], ["outsider", null]] as const) {
    const u = await createUser(env.db, { email: `${who}@example.nhs.uk`, name: `${who[0]!.toUpperCase()}${who.slice(1)} User`, password: "a-long-password" });
    if (role) await grantMembership(env.db, COMMAND_LINE, { email: u.email, pcnCode: PCN, role });
    cookies[who] = `arrs_session=${(await createSession(env.db, u.id)).token}`;
    if (who === "admin") admin = { ...u, memberships: [{ pcnCode: PCN, role: "admin" }] };
  }
  scenarios = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  item = await import("@/app/api/v1/scenarios/[id]/route");
  agree = await import("@/app/api/v1/scenarios/[id]/agree/route");
  claims = await import("@/app/api/v1/pcns/[code]/claims/route");
  month = await import("@/app/api/v1/pcns/[code]/claims/[month]/route");
  importRoute = await import("@/app/api/v1/pcns/[code]/claims/import/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

type Who = keyof typeof cookies;
function req(path: string, method: string, who: Who, body?: unknown, contentType = "application/json"): Request {
  const headers: Record<string, string> = { host: "planner.test", cookie: cookies[who] };
  if (body !== undefined) headers["content-type"] = contentType;
  const payload = body === undefined ? undefined : typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
  return new Request(`http://planner.test${path}`, { method, headers, body: payload });
}
async function call(res: Promise<Response>): Promise<{ status: number; json: any }> {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const pcnCtx = (code = PCN) => ({ params: Promise.resolve({ code }) });
const monthCtx = (m: string, code = PCN) => ({ params: Promise.resolve({ code, month: m }) });

const createPlan = async (name = PLAN.name) => {
  const r = await call(scenarios.POST(req(`/api/v1/pcns/${PCN}/scenarios`, "POST", "editor", { ...PLAN, name }), pcnCtx()));
  expect(r.status).toBe(201);
  return r.json as { id: string; version: number; results: any };
};
const agreeAs = (id: string, who: Who) => call(agree.POST(req(`/api/v1/scenarios/${id}/agree`, "POST", who), idCtx(id)));
const withdrawAs = (id: string, who: Who) => call(agree.DELETE(req(`/api/v1/scenarios/${id}/agree`, "DELETE", who), idCtx(id)));
const getYear = (who: Who = "editor", qs = `?year=${encodeURIComponent(YEAR)}`, code = PCN) => call(claims.GET(req(`/api/v1/pcns/${code}/claims${qs}`, "GET", who), pcnCtx(code)));
const putMonth = (m: string, body: unknown, who: Who = "editor", code = PCN) => call(month.PUT(req(`/api/v1/pcns/${code}/claims/${m}`, "PUT", who, body), monthCtx(m, code)));
const importFile = (body: string | Uint8Array, qs = "", who: Who = "editor", type = "text/csv") =>
  call(importRoute.POST(req(`/api/v1/pcns/${PCN}/claims/import${qs}`, "POST", who, body, type), pcnCtx()));

/** A line as payroll paid it. */
const line = (over: Record<string, unknown> = {}) => ({
  postId: "ot-1",
  label: "OT – frailty",
  role: "occupational-therapist",
  wte: 1,
  salary: 4000,
  employerNi: 500,
  employerPension: 575.2,
  claimed: 5075.2,
  status: "submitted",
  paidOn: null,
  note: null,
  ...over,
});

let planId: string;

describe("the agreed plan: POST/DELETE /api/v1/scenarios/{id}/agree", () => {
  it("only the PCN's admins agree (editor and viewer 403, outsider 404); 200 with agreed, agreedAt, agreedBy; audited", async () => {
    const plan = await createPlan();
    planId = plan.id;
    expect((await agreeAs(plan.id, "editor")).status).toBe(403);
    expect((await agreeAs(plan.id, "viewer")).status).toBe(403);
    const outsider = await agreeAs(plan.id, "outsider");
    expect(outsider.status).toBe(404);
    expect(outsider.json.error.message).toBe(`There is no scenario with id ${plan.id}.`);
    const r = await agreeAs(plan.id, "admin");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: plan.id, agreed: true, agreedBy: { name: "Admin User" }, replaced: null });
    expect(new Date(r.json.agreedAt).getTime()).toBeGreaterThan(0);
    // GET and the list say so.
    const got = await call(item.GET(req(`/api/v1/scenarios/${plan.id}`, "GET", "viewer"), idCtx(plan.id)));
    expect(got.json).toMatchObject({ agreed: true, agreedAt: r.json.agreedAt, agreedBy: { name: "Admin User" } });
    const list = await call(scenarios.GET(req(`/api/v1/pcns/${PCN}/scenarios`, "GET", "viewer"), pcnCtx()));
    expect(list.json.scenarios.find((s: { id: string }) => s.id === plan.id)).toMatchObject({ agreed: true });
    const events = await env.db.auditEvent.findMany({ where: { entityId: plan.id, action: "scenario.agree" } });
    expect(events).toHaveLength(1);
    // Agreeing it again changes nothing (no second event).
    expect((await agreeAs(plan.id, "admin")).json.agreedAt).toBe(r.json.agreedAt);
    expect(await env.db.auditEvent.count({ where: { entityId: plan.id, action: "scenario.agree" } })).toBe(1);
  });

  it("one agreed plan per PCN: agreeing another replaces it (both audited); DELETE withdraws", async () => {
    const other = await createPlan("Plan B");
    const r = await agreeAs(other.id, "admin");
    expect(r.status).toBe(200);
    expect(r.json.replaced).toEqual({ id: planId, name: PLAN.name });
    expect(await env.db.scenario.count({ where: { pcnCode: PCN, agreedAt: { not: null } } })).toBe(1);
    const first = await call(item.GET(req(`/api/v1/scenarios/${planId}`, "GET", "viewer"), idCtx(planId)));
    expect(first.json).toMatchObject({ agreed: false, agreedAt: null, agreedBy: null });
    expect(await env.db.auditEvent.count({ where: { entityId: planId, action: "scenario.withdraw-agreement" } })).toBe(1);
    // Withdraw: nobody agreed; then agree the first again for the claims below.
    expect((await withdrawAs(other.id, "editor")).status).toBe(403);
    const w = await withdrawAs(other.id, "admin");
    expect(w.status).toBe(200);
    expect(w.json).toMatchObject({ agreed: false, agreedAt: null });
    expect(await env.db.scenario.count({ where: { pcnCode: PCN, agreedAt: { not: null } } })).toBe(0);
    expect((await agreeAs(planId, "admin")).status).toBe(200);
  });

  it("saving the agreed plan is allowed and audited as a change to the agreed figures; deleting it withdraws the agreement", async () => {
    const cur = (await call(item.GET(req(`/api/v1/scenarios/${planId}`, "GET", "editor"), idCtx(planId)))).json;
    const { id: _id, pcnCode: _p, pcnName: _n, createdAt: _c, updatedAt: _u, updatedBy: _b, deletedAt: _d, agreed: _a, agreedAt: _t, agreedBy: _g, results: _r, ...body } = cur;
    const saved = await call(item.PUT(req(`/api/v1/scenarios/${planId}`, "PUT", "editor", { ...body, description: "Agreed at the board" }), idCtx(planId)));
    expect(saved.status).toBe(200);
    expect(saved.json.agreed).toBe(true);
    const ev = await env.db.auditEvent.findFirstOrThrow({ where: { entityId: planId, action: "scenario.update" }, orderBy: { id: "desc" } });
    expect(JSON.parse(ev.changes)).toContainEqual({ field: "agreedPlanChanged", before: null, after: true });

    const spare = await createPlan("To delete");
    expect((await agreeAs(spare.id, "admin")).status).toBe(200);
    expect((await call(item.DELETE(req(`/api/v1/scenarios/${spare.id}`, "DELETE", "editor"), idCtx(spare.id)))).status).toBe(200);
    expect(await env.db.scenario.count({ where: { pcnCode: PCN, agreedAt: { not: null } } })).toBe(0);
    const withdrawn = await env.db.auditEvent.findFirstOrThrow({ where: { entityId: spare.id, action: "scenario.withdraw-agreement" } });
    expect(JSON.parse(withdrawn.changes)).toContainEqual({ field: "reason", before: null, after: "deleted" });
    expect((await agreeAs(spare.id, "admin")).status).toBe(409); // deleted: restore first
    expect((await agreeAs(planId, "admin")).status).toBe(200);
  });
});

describe("one agreed plan per PCN under concurrency", () => {
  it("two admins agreeing two scenarios at once: both answer 200, exactly one is agreed", async () => {
    const [a, b] = [await createPlan("Race A"), await createPlan("Race B")];
    const results = await Promise.all([agreeAs(a.id, "admin"), agreeAs(b.id, "admin")]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await env.db.scenario.count({ where: { pcnCode: PCN, agreedAt: { not: null } } })).toBe(1);
    // Back to the plan the claims below are prepared from.
    expect((await agreeAs(planId, "admin")).status).toBe(200);
    expect(await env.db.scenario.count({ where: { pcnCode: PCN, agreedAt: { not: null } } })).toBe(1);
  });
});

describe("claims month by month: GET /api/v1/pcns/{code}/claims and PUT …/claims/{month}", () => {
  it("a year with nothing saved: twelve months at version 0, no lines, the agreed plan named", async () => {
    const r = await getYear("viewer");
    expect(r.status).toBe(200);
    expect(r.json.pcn.code).toBe(PCN);
    expect(r.json.financialYear).toBe(YEAR);
    expect(r.json.months.map((m: { month: string }) => m.month)).toEqual(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(r.json.months.every((m: { version: number }) => m.version === 0)).toBe(true);
    expect(r.json.lines).toEqual([]);
    expect(r.json.agreedPlan).toMatchObject({ id: planId, name: PLAN.name });
  });

  it("'Prepare this month's claim' is exactly the plan's cost and claimable for each post", async () => {
    const prepared = await getPlanLines(env.db, admin, PCN, YEAR);
    const plan = (await call(item.GET(req(`/api/v1/scenarios/${planId}`, "GET", "viewer"), idCtx(planId)))).json;
    const may = prepared!.months["2026-05"]!;
    expect(may.map((l) => l.postId)).toEqual(["ot-1", "cp-1"]);
    for (const l of may) {
      const m = plan.results.years[0].posts.find((p: { id: string }) => p.id === l.postId).months.find((x: { month: string }) => x.month === "2026-05");
      expect(l).toMatchObject({ salary: m.salary, employerNi: m.employerNi, employerPension: m.employerPension, claimed: m.claimable, status: "draft" });
      // salary + NI + pension is the plan's cost, to the penny.
      expect(Math.round(l.salary * 100) + Math.round(l.employerNi * 100) + Math.round(l.employerPension * 100)).toBe(Math.round(m.cost * 100));
    }
  });

  it("PUT April–June with payroll's figures (not the plan's): version 0 → 1; read back in pence; audited field by field", async () => {
    for (const m of ["2026-04", "2026-05", "2026-06"]) {
      // 4,000.00 + 500.00 + 575.20 = 5,075.20 claimed for the OT; the pharmacist 0.8 WTE a little less than planned.
      const r = await putMonth(m, { version: 0, lines: [line(), line({ postId: "cp-1", label: "Pharmacist", role: "clinical-pharmacist", wte: 0.8, salary: 3210.55, employerNi: 406.58, employerPension: 461.68, claimed: 4078.81, status: "draft" })] });
      expect(r.status).toBe(200);
      expect(r.json.month).toBe(m);
      expect(r.json.version).toBe(1);
      expect(r.json.lines).toHaveLength(2);
      expect(r.json.lines[1]).toMatchObject({ month: m, postId: "cp-1", salary: 3210.55, claimed: 4078.81, wte: 0.8 });
    }
    const stored = await env.db.claimLine.findFirstOrThrow({ where: { pcnCode: PCN, month: "2026-05", postId: "cp-1" } });
    expect(stored).toMatchObject({ salaryPence: 321055, employerNiPence: 40658, employerPensionPence: 46168, claimedPence: 407881, wteTenThousandths: 8000 });
    const year = await getYear("viewer");
    expect(year.json.months.slice(0, 4).map((m: { version: number }) => m.version)).toEqual([1, 1, 1, 0]);
    // 5,075.20 + 4,078.81 = 9,154.01 a month.
    expect(year.json.months[0].claimed).toBe(9154.01);
    expect(year.json.lines).toHaveLength(6);

    // A correction: the OT's claim for May 5,075.20 → 4,980.00 and a note; version 1 → 2, the audit names the field.
    const r = await putMonth("2026-05", { version: 1, lines: [line({ claimed: 4980, note: "Sickness: 2 days unpaid" }), year.json.lines[3]] });
    expect(r.status).toBe(200);
    expect(r.json.version).toBe(2);
    const ev = await env.db.auditEvent.findFirstOrThrow({ where: { entityType: "claim-month", entityId: `${PCN}/2026-05` }, orderBy: { id: "desc" } });
    expect(ev.action).toBe("claims.save");
    const changes = JSON.parse(ev.changes);
    expect(changes).toContainEqual({ field: "version", before: 1, after: 2 });
    expect(changes).toContainEqual({ field: "lines[ot-1].claimed", before: 5075.2, after: 4980 });
    expect(changes).toContainEqual({ field: "lines[ot-1].note", before: null, after: "Sickness: 2 days unpaid" });
    expect(changes.filter((c: { field: string }) => c.field.startsWith("lines[cp-1]"))).toEqual([]);
  });

  it("a stale PUT is 409 with the stored lines, and nothing changes", async () => {
    const r = await putMonth("2026-05", { version: 1, lines: [] });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe("conflict");
    expect(r.json.error.current).toMatchObject({ month: "2026-05", version: 2 });
    expect(r.json.error.current.lines[0]).toMatchObject({ postId: "ot-1", claimed: 4980 });
    expect(await env.db.claimLine.count({ where: { pcnCode: PCN, month: "2026-05" } })).toBe(2);
    // A new month saved as version 0 twice: the second is stale.
    expect((await putMonth("2026-07", { version: 0, lines: [line()] })).status).toBe(200);
    expect((await putMonth("2026-07", { version: 0, lines: [] })).status).toBe(409);
  });

  it("two saves of one version at once: one is saved, the other is 409 and loses nothing", async () => {
    const results = await Promise.all([putMonth("2026-09", { version: 0, lines: [line()] }), putMonth("2026-09", { version: 0, lines: [line({ claimed: 1 })] })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const month = await env.db.claimMonth.findUniqueOrThrow({ where: { pcnCode_month: { pcnCode: PCN, month: "2026-09" } }, include: { lines: true } });
    expect(month.version).toBe(1);
    expect(month.lines).toHaveLength(1);
  });

  it("viewers read but cannot write (403); outsiders get 404; nobody signed in 401", async () => {
    expect((await getYear("viewer")).status).toBe(200);
    const w = await putMonth("2026-08", { version: 0, lines: [line()] }, "viewer");
    expect(w.status).toBe(403);
    expect((await importFile("Month,Label\n", "", "viewer")).status).toBe(403);
    const o = await getYear("outsider");
    expect(o.status).toBe(404);
    expect(o.json.error.message).toContain(`not a member of PCN ${PCN}`);
    expect((await putMonth("2026-08", { version: 0, lines: [line()] }, "outsider")).status).toBe(404);
    expect((await importFile("Month,Label\n", "", "outsider")).status).toBe(404);
    const anon = await call(claims.GET(new Request(`http://planner.test/api/v1/pcns/${PCN}/claims`, { headers: { host: "planner.test" } }), pcnCtx()));
    expect(anon.status).toBe(401);
    expect(await env.db.claimMonth.count({ where: { pcnCode: PCN, month: "2026-08" } })).toBe(0);
  });

  it("bad input is 422 with a path and words, and changes nothing", async () => {
    const bad = await putMonth("2026-08", {
      version: 0,
      lines: [
        line({ claimed: -5 }),
        line({ status: "paid" }),
        line({ postId: "nobody" }),
        line({ month: "2026-09" }),
        line({ status: "draft", paidOn: "2026-08-31" }),
        line({ paidOn: "2026-02-30", status: "paid" }),
      ],
    });
    expect(bad.status).toBe(422);
    const byPath = Object.fromEntries(bad.json.error.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    expect(byPath["lines.0.claimed"]).toBe("The amount claimed cannot be negative.");
    expect(byPath["lines.1.paidOn"]).toContain("needs the date the ICB paid it");
    expect(byPath["lines.3.month"]).toContain("this is the claim for 2026-08");
    expect(byPath["lines.4.paidOn"]).toContain("Only a paid line has a payment date");
    expect(byPath["lines.5.paidOn"]).toContain("real date");
    expect(await env.db.claimMonth.count({ where: { pcnCode: PCN, month: "2026-08" } })).toBe(0);
    // The post id is checked once the lines are otherwise good.
    const post = await putMonth("2026-08", { version: 0, lines: [line(), line({ postId: "nobody" })] });
    expect(post.status).toBe(422);
    expect(post.json.error.issues).toEqual([{ path: "lines.1.postId", message: `Line 2: "nobody" is not a post of the agreed plan "${PLAN.name}". Leave the post id empty for a person not in the plan.` }]);
    // A person not in the plan: no post id.
    expect((await putMonth("2026-08", { version: 0, lines: [line({ postId: null, label: "Locum OT" })] })).status).toBe(200);
    expect((await putMonth("2026-13", { version: 0, lines: [] })).status).toBe(422);
    expect((await getYear("viewer", "?year=2026-27")).status).toBe(422);
  });
});

describe("POST /api/v1/pcns/{code}/claims/import", () => {
  const HEADER = "Month,Employee,Job Title,FTE,Salary,Employer NI,Employer pension,Amount claimed,Status,Date paid,Notes";

  it("one bad row is 422 naming it, and nothing is saved", async () => {
    const before = await getYear("viewer");
    const csv = [HEADER, "Oct 2026,A. Patel,Clinical Pharmacist,0.8,\"£3,210.55\",406.58,461.68,4078.81,submitted,,", "01/11/2026,B. Jones,FCP Physio,1,4100,510,589.58,five thousand,draft,,"].join("\r\n");
    const r = await importFile(csv);
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual([{ path: "rows.2.claimed", message: 'Row 2 (sheet row 3), Amount claimed: "five thousand" is not an amount in pounds and pence, e.g. £3,984.17.' }]);
    expect(r.json.error.message).toContain("nothing was saved");
    expect(await getYear("viewer")).toEqual(before);
  });

  it("payroll's own column names and words: 200 { imported, months }; months holding lines are 409 unless ?replace=1", async () => {
    const csv = [HEADER, 'Oct 2026,A. Patel,Clinical Pharmacist,0.8,"£3,210.55",406.58,461.68,4078.81,paid,15/12/2026,', "2026-11,B. Jones,FCP Physio,1,4100,510,589.58,5199.58,sent,,late starter"].join("\r\n");
    const r = await importFile(csv);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ imported: 2, months: ["2026-10", "2026-11"] });
    const year = await getYear("viewer");
    const oct = year.json.lines.filter((l: { month: string }) => l.month === "2026-10");
    expect(oct).toEqual([{ month: "2026-10", postId: null, label: "A. Patel", role: "clinical-pharmacist", wte: 0.8, salary: 3210.55, employerNi: 406.58, employerPension: 461.68, claimed: 4078.81, status: "paid", paidOn: "2026-12-15", note: null }]);
    const again = await importFile(csv);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("October 2026, November 2026 already hold claim lines");
    expect(again.json.error.months).toEqual(["2026-10", "2026-11"]);
    const replaced = await importFile(csv, "?replace=1");
    expect(replaced.status).toBe(200);
    expect(replaced.json.saved).toEqual([{ month: "2026-10", version: 2, lineCount: 1 }, { month: "2026-11", version: 2, lineCount: 1 }]);
    expect(await env.db.auditEvent.count({ where: { action: "claims.import", pcnCode: PCN } })).toBe(4);
  });

  it("the app's own claims-schedule export (CSV and the XLSX workbook) comes back in as the plan's figures", async () => {
    const csv = await exportScenario(env.db, admin, planId, "csv", "claims");
    const r = await importFile(csv.body as string, "?replace=1");
    expect(r.status).toBe(200);
    expect(r.json.months).toHaveLength(12);
    const prepared = (await getPlanLines(env.db, admin, PCN, YEAR))!;
    const year = await getYear("viewer");
    const jan = year.json.lines.filter((l: { month: string }) => l.month === "2027-01");
    expect(jan).toEqual(prepared.months["2027-01"]);

    const xlsx = await exportScenario(env.db, admin, planId, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("Claims schedule");
    const x = await importFile(new Uint8Array(xlsx.body as Buffer), "?replace=1", "editor", XLSX_TYPE);
    expect(x.status).toBe(200);
    expect(x.json.imported).toBe(r.json.imported);
  });

  it("a file without the columns, or not CSV/XLSX, says what is wrong", async () => {
    const r = await importFile("Name,Role\nA,OT\n");
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].message).toContain("No header row with a Month column");
    expect((await importFile("{}", "", "editor", "application/json")).status).toBe(415);
  });
});
