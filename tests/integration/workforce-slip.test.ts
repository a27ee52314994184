// Issue 16, items 4 and 5 through the API: results.years[].workforce and the recruitment slip in the
// scenario JSON (exact shape), in compare (the same average WTE), and in the CSV and XLSX exports.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createApiToken, createUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let token: string;
let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let itemRoute: typeof import("@/app/api/v1/scenarios/[id]/route");
let csvRoute: typeof import("@/app/api/v1/scenarios/[id]/export.csv/route");
let xlsxRoute: typeof import("@/app/api/v1/scenarios/[id]/export.xlsx/route");
let compareRoute: typeof import("@/app/api/v1/pcns/[code]/compare/route");
let estimateRoute: typeof import("@/app/api/v1/estimate/route");

const BODY = {
  name: "Recruit a paramedic and an OT",
  firstYear: "2026/27",
  years: 2,
  assumptions: { timeToFillMonths: 4 },
  posts: [
    { id: "cp", role: "clinical-pharmacist", status: "existing", band: "7", point: 2, wte: 1, end: "2026-06-15" },
    { id: "para", role: "paramedic", band: "7", point: 1, wte: 1, start: "2026-04-01" },
    { id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 0.6, start: "2026-09-16", expectedStart: "2026-12-01" },
  ],
};

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  const editor = await createUser(env.db, { email: "wf@example.nhs.uk", name: "Work Force", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: "UZ1001", role: "editor" });
  token = (await createApiToken(env.db, editor.email)).token;
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  itemRoute = await import("@/app/api/v1/scenarios/[id]/route");
  csvRoute = await import("@/app/api/v1/scenarios/[id]/export.csv/route");
  xlsxRoute = await import("@/app/api/v1/scenarios/[id]/export.xlsx/route");
  compareRoute = await import("@/app/api/v1/pcns/[code]/compare/route");
  estimateRoute = await import("@/app/api/v1/estimate/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const req = (path: string, method = "GET", body?: unknown) =>
  new Request(`http://planner.test${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, host: "planner.test", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const codeCtx = (code: string) => ({ params: Promise.resolve({ code }) });
async function create(body: unknown): Promise<{ status: number; json: any }> {
  const r = await listRoute.POST(req("/api/v1/pcns/UZ1001/scenarios", "POST", body), codeCtx("UZ1001"));
  return { status: r.status, json: await r.json() };
}
const csv = async (id: string, table: string) => {
  const r = await csvRoute.GET(req(`/api/v1/scenarios/${id}/export.csv?table=${table}`), idCtx(id));
  return { status: r.status, records: r.status === 200 ? (parse(await r.text(), { bom: true, columns: true }) as Record<string, string>[]) : [], res: r };
};

describe("results.years[].workforce and the slip in the scenario API", () => {
  it("has the issue's exact shape; GET returns the same", async () => {
    const { status, json } = await create(BODY);
    expect(status).toBe(201);
    const w = json.results.years[0].workforce;
    expect(w.months).toHaveLength(12);
    expect(w.months[0]).toEqual({
      month: "2026-04",
      roles: { "clinical-pharmacist": { wte: 1, headcount: 1 }, paramedic: { wte: 1, headcount: 1 }, "occupational-therapist": { wte: 0, headcount: 0 } },
    });
    // The pharmacist leaves on 15 June: 1.0 × 15 ÷ 30 = 0.5 WTE in June, nobody on 30 June.
    expect(w.months[2].roles["clinical-pharmacist"]).toEqual({ wte: 0.5, headcount: 0 });
    // 76 days ÷ 365 = 0.2082; the OT 0.6 × 197 ÷ 365 = 0.3238; the paramedic all year 1.0.
    expect(w.averageWte).toEqual({ "clinical-pharmacist": 0.2082, paramedic: 1, "occupational-therapist": 0.3238 });
    for (const y of json.results.years) {
      expect(Object.keys(y.slip).sort()).toEqual(["claimable", "cost", "headroomFreed", "pcnFunded", "postsDelayed"]);
      expect(y.workforce.averageWte).toEqual(Object.fromEntries(y.averageWte.byRole.map((r: any) => [r.role, r.wte])));
    }
    // Time to fill 4 months moves the paramedic to 1 August; the OT's own date (1 December) wins over 16 January.
    expect(json.results.slip).toMatchObject({ timeToFillMonths: 4, postsDelayed: 2, label: "if recruitment takes 4 months (or until a post's own expected start date)" });
    expect(json.results.slip.cost).toBeGreaterThan(0);
    expect(json.results.slip.cost).toBe(json.results.years[0].slip.cost + json.results.years[1].slip.cost);
    expect(json.results.years[1].slip.postsDelayed).toBe(0);
    const got = await itemRoute.GET(req(`/api/v1/scenarios/${json.id}`), idCtx(json.id));
    expect((await got.json()).results.slip).toEqual(json.results.slip);
  });

  it("an expected start before the planned start is 422 in words, and nothing is saved", async () => {
    const { json: made } = await create({ ...BODY, name: "Saved" });
    const bad = { ...BODY, version: 1, posts: BODY.posts.map((p) => (p.id === "ot" ? { ...p, expectedStart: "2026-09-01" } : p)) };
    const r = await itemRoute.PUT(req(`/api/v1/scenarios/${made.id}`, "PUT", bad), idCtx(made.id));
    expect(r.status).toBe(422);
    expect(JSON.stringify(await r.json())).toContain("Expected start date 1 Sep 2026 is before the planned start date 16 Sep 2026");
    const again = await (await itemRoute.GET(req(`/api/v1/scenarios/${made.id}`), idCtx(made.id))).json();
    expect(again.version).toBe(1);
    expect(again.posts.find((p: any) => p.id === "ot").expectedStart).toBe("2026-12-01");
  });

  it("compare's average WTE for each role equals results.years[].workforce.averageWte", async () => {
    const a = (await create({ ...BODY, name: "A" })).json;
    const b = (await create({ ...BODY, name: "B", posts: BODY.posts.slice(0, 2) })).json;
    const r = await compareRoute.GET(req(`/api/v1/pcns/UZ1001/compare?ids=${a.id},${b.id}`), codeCtx("UZ1001"));
    expect(r.status).toBe(200);
    const c = await r.json();
    a.results.years.forEach((y: any) => {
      const rows = c.years.find((cy: any) => cy.financialYear === y.financialYear).rows;
      for (const [role, avg] of Object.entries(y.workforce.averageWte)) expect(rows.find((row: any) => row.measure.id === `wte:${role}`).values[0].value, role).toBe(avg);
    });
  });
});

describe("exports", () => {
  let id: string;
  let results: any;
  beforeAll(async () => {
    const { json } = await create({ ...BODY, name: "Export" });
    id = json.id;
    results = json.results;
  });

  it("CSV ?table=workforce: a row per role and month, then each role's year average, equal to the JSON", async () => {
    const { status, records } = await csv(id, "workforce");
    expect(status).toBe(200);
    expect(Object.keys(records[0]!)).toEqual(["Financial year", "Figures", "Row", "Month", "Role", "Role name", "WTE", "Headcount (last day of the month)"]);
    for (const y of results.years) {
      for (const m of y.workforce.months) {
        for (const [role, x] of Object.entries(m.roles) as [string, { wte: number; headcount: number }][]) {
          const r = records.find((rr) => rr["Financial year"] === y.financialYear && rr.Month === m.month && rr.Role === role)!;
          expect([Number(r.WTE), Number(r["Headcount (last day of the month)"])]).toEqual([x.wte, x.headcount]);
        }
      }
      for (const [role, avg] of Object.entries(y.workforce.averageWte)) {
        expect(Number(records.find((rr) => rr["Financial year"] === y.financialYear && rr.Row === "year average" && rr.Role === role)!.WTE)).toBe(avg);
      }
    }
  });

  it("CSV ?table=slip: the slip by year, equal to the JSON", async () => {
    const { records } = await csv(id, "slip");
    expect(records.map((r) => [r["Financial year"], Number(r["Cost not spent"]), Number(r["Claimable not claimed"]), Number(r["PCN-funded not spent"]), Number(r["Headroom freed"])])).toEqual(
      results.years.map((y: any) => [y.financialYear, y.slip.cost, y.slip.claimable, y.slip.pcnFunded, y.slip.headroomFreed]),
    );
    expect(records.every((r) => r.Figures === "estimate")).toBe(true);
  });

  it("XLSX has Workforce and Recruitment slip sheets; the slip's totals recalculate to the penny", async () => {
    const r = await xlsxRoute.GET(req(`/api/v1/scenarios/${id}/export.xlsx`), idCtx(id));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Workforce", "Recruitment slip"]));
    const slip = wb.getWorksheet("Recruitment slip")!;
    const header = (slip.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf("Cost not spent") + 1;
    const total = slip.getRow(2 + results.years.length).getCell(col).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(D2:D${1 + results.years.length})`);
    // Recalculated: the cells the formula adds, summed in pence, equal its stored result and the JSON's total.
    let pence = 0;
    for (let row = 2; row <= 1 + results.years.length; row++) pence += Math.round((slip.getRow(row).getCell(col).value as number) * 100);
    expect(pence / 100).toBe(total.result);
    expect(total.result).toBe(results.slip.cost);
    const summary = JSON.stringify(wb.getWorksheet("Summary")!.getSheetValues());
    expect(summary).toContain("Recruitment slip (an estimate, if recruitment takes 4 months");
    const wf = wb.getWorksheet("Workforce")!;
    expect(wf.getRow(1).values).toContain("Headcount (last day of the month)");
  });

  it("a quick estimate has no workforce or slip table: 422 in words", async () => {
    const body = { financialYear: "2026/27", pcn: { weightedPopulation: 30_000 }, posts: [{ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1 }] };
    const r = await estimateRoute.POST(new Request("http://planner.test/api/v1/estimate?format=csv&table=workforce", { method: "POST", headers: { "content-type": "application/json", host: "planner.test" }, body: JSON.stringify(body) }));
    expect(r.status).toBe(422);
    expect(JSON.stringify(await r.json())).toContain("part of a saved scenario's export");
  });
});
