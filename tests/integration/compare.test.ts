// Compare (issue 7): GET /api/v1/pcns/{code}/compare and its .csv / .xlsx (route handlers called
// directly, bearer token), the files read back with the same libraries and every figure checked
// against the compare JSON; access and error cases; hostile scenario names made inert.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { createScenario, deleteScenario } from "@/lib/server/scenarios/scenarios";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createApiToken, createUser, type SessionUser } from "@/lib/server/auth/users";
import { inertText } from "@/lib/export";
import { differenceHeader, WHOLE_PLAN } from "@/lib/export/compare";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let editor: SessionUser;
let token: string;
let demoToken: string;
let viewerToken: string;
let outsiderToken: string;
let jsonRoute: typeof import("@/app/api/v1/pcns/[code]/compare/route");
let csvRoute: typeof import("@/app/api/v1/pcns/[code]/compare.csv/route");
let xlsxRoute: typeof import("@/app/api/v1/pcns/[code]/compare.xlsx/route");
const ids: string[] = [];
let otherPcnId: string;
let deletedId: string;
let realId: string;
const HOSTILE = '=HYPERLINK("http://x","click")';

const OT = { id: "ot-1", label: "OT", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01" };
const CP = { id: "cp", label: "CP", role: "clinical-pharmacist", status: "existing", annualSalary: 52_000, wte: 0.8 };

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  await env.db.pcn.create({ data: { code: "U99998", name: "REAL TEST PCN", nameSearch: "REAL TEST PCN", isDemo: false } });
  // The editor works in UZ1001, UZ1002 and the real PCN; a viewer of UZ1001; an editor of UZ1002 only.
  editor = await createUser(env.db, { email: "cmp@example.nhs.uk", name: "Com Parer", password: "a-long-password" });
  for (const pcnCode of ["UZ1001", "UZ1002", "U99998"]) await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode, role: "editor" });
  const viewer = await createUser(env.db, { email: "view@example.nhs.uk", name: "Vi Ewer", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: viewer.email, pcnCode: "UZ1001", role: "viewer" });
  const outsider = await createUser(env.db, { email: "out@example.nhs.uk", name: "Out Sider", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: outsider.email, pcnCode: "UZ1002", role: "editor" });
  token = (await createApiToken(env.db, editor.email)).token;
  viewerToken = (await createApiToken(env.db, viewer.email)).token;
  outsiderToken = (await createApiToken(env.db, outsider.email)).token;
  demoToken = (await createApiToken(env.db, DEMO_ACCOUNT.email)).token;
  const mk = async (code: string, name: string, posts: object[], extra: object = {}) => (await createScenario(env.db, editor, code, { name, firstYear: "2025/26", years: 2, posts, ...extra })).id;
  ids.push(await mk("UZ1001", "Existing team", [CP]));
  ids.push(await mk("UZ1001", "Add one First Contact OT from October", [CP, OT]));
  ids.push(await mk("UZ1001", HOSTILE, [CP, OT, { id: "cc", role: "care-coordinator", annualSalary: 27_000, wte: 1, start: "2026-01-01" }], { firstYear: "2026/27", years: 2 }));
  otherPcnId = await mk("UZ1002", "Another PCN's plan", [CP]);
  deletedId = await mk("UZ1001", "Deleted plan", [OT]);
  await deleteScenario(env.db, editor, deletedId);
  realId = await mk("U99998", "Real plan A", [CP]);
  await mk("U99998", "Real plan B", [OT]);
  jsonRoute = await import("@/app/api/v1/pcns/[code]/compare/route");
  csvRoute = await import("@/app/api/v1/pcns/[code]/compare.csv/route");
  xlsxRoute = await import("@/app/api/v1/pcns/[code]/compare.xlsx/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const req = (path: string, bearer: string | null = token) => new Request(`http://planner.test${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
const ctx = (code: string) => ({ params: Promise.resolve({ code }) });
async function getJson(code: string, qs: string, bearer: string | null = token) {
  const r = await jsonRoute.GET(req(`/api/v1/pcns/${code}/compare${qs}`, bearer), ctx(code));
  return { status: r.status, json: (await r.json()) as any };
}

describe("GET /api/v1/pcns/{code}/compare", () => {
  it("compares the scenarios in the order given, the first the baseline", async () => {
    const { status, json } = await getJson("UZ1001", `?ids=${ids.join(",")}`);
    expect(status).toBe(200);
    expect(json.pcn).toEqual({ code: "UZ1001", name: expect.any(String) });
    expect(json.scenarios.map((s: any) => [s.name, s.baseline])).toEqual([
      ["Existing team", true],
      ["Add one First Contact OT from October", false],
      [HOSTILE, false],
    ]);
    // 2025/26 (the first two), 2026/27 (all three), 2027/28 (the third)
    expect(json.financialYears).toEqual(["2025/26", "2026/27", "2027/28"]);
    const y = json.years[0];
    const cost = y.rows.find((r: any) => r.measure.id === "cost").values;
    expect(cost[2]).toEqual({ value: null, difference: null });
    expect(Math.round(cost[1].difference * 100)).toBe(Math.round(cost[1].value * 100) - Math.round(cost[0].value * 100));
    expect(cost[1].difference).toBeGreaterThan(0);
    const otWte = y.rows.find((r: any) => r.measure.id === "wte:occupational-therapist").values;
    // Average WTE in post: the 1.0 WTE OT from 1 October 2025 is in post 182 of 365 days → 0.4986
    expect(otWte.map((v: any) => v.value)).toEqual([0, 0.4986, null]);
  });

  it("ids repeated (a form without JavaScript) work as the comma list; repeats are dropped", async () => {
    const a = await getJson("UZ1001", `?ids=${ids[1]}&ids=${ids[0]}&ids=${ids[1]}`);
    expect(a.status).toBe(200);
    expect(a.json.scenarios.map((s: any) => s.id)).toEqual([ids[1], ids[0]]);
  });

  it("&baseline= picks the baseline without moving it: columns stay in the order given (issue 14, item 14)", async () => {
    const { status, json } = await getJson("UZ1001", `?ids=${ids[1]},${ids[0]}&baseline=${ids[0]}`);
    expect(status).toBe(200);
    expect(json.scenarios.map((s: any) => [s.id, s.baseline])).toEqual([
      [ids[1], false],
      [ids[0], true],
    ]);
    const cost = json.years[0].rows.find((r: any) => r.measure.id === "cost").values;
    expect(cost[1].difference).toBeNull();
    expect(Math.round(cost[0].difference * 100)).toBe(Math.round(cost[0].value * 100) - Math.round(cost[1].value * 100));
    // The CSV: the same order, the same baseline.
    const res = await csvRoute.GET(req(`/api/v1/pcns/UZ1001/compare.csv?ids=${ids[1]},${ids[0]}&baseline=${ids[0]}`), ctx("UZ1001"));
    const records = parse(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())), { columns: true, bom: true }) as Record<string, string>[];
    expect(records.filter((r) => r["Financial year"] === "2025/26").map((r) => [r["Scenario id"], r.Baseline])).toEqual([
      [ids[1], "no"],
      [ids[0], "yes"],
    ]);
  });

  it("a baseline not among the ids is refused in words, and nothing is compared", async () => {
    const { status, json } = await getJson("UZ1001", `?ids=${ids[0]},${ids[1]}&baseline=${ids[2]}`);
    expect(status).toBe(422);
    expect(json.error.code).toBe("invalid_input");
    expect(json.error.message).toContain("is not one of the scenarios compared");
    expect(json.error.issues[0].path).toBe("baseline");
  });

  it.each([
    ["no ids", "", 422, "Pick 2 to 4 scenarios to compare."],
    ["one id", `?ids=ID0`, 422, "Pick 2 to 4 scenarios to compare."],
    ["five ids", "?ids=a,b,c,d,e", 422, "Compare at most 4 scenarios at a time."],
    ["not an id", "?ids=ID0,%3Cscript%3E", 422, '"<script>" is not a scenario id.'],
    ["unknown id", "?ids=ID0,nosuchscenario", 404, "There is no scenario with id nosuchscenario."],
    ["another PCN's scenario", "?ids=ID0,OTHER", 404, "belongs to PCN UZ1002, not UZ1001"],
    ["a deleted scenario", "?ids=ID0,DELETED", 404, "was deleted"],
  ])("%s (%s) → %d with a clear message", async (_label, qs, status, message) => {
    const { status: s, json } = await getJson("UZ1001", qs.replace("ID0", ids[0]!).replace("OTHER", otherPcnId).replace("DELETED", deletedId));
    expect(s).toBe(status);
    expect(json.error.code).toBe(status === 422 ? "invalid_input" : "not_found");
    expect(json.error.message).toContain(message);
  });

  it("the PCN's members only (viewers too: comparing changes nothing); the demo account not on real PCNs; unknown PCN", async () => {
    expect((await getJson("UZ1001", `?ids=${ids.join(",")}`, null)).status).toBe(401);
    expect((await getJson("UZ1001", `?ids=${ids.join(",")}`, viewerToken)).status).toBe(200);
    // An outsider learns nothing: the 404 of a PCN it has no part in.
    const out = await getJson("UZ1001", `?ids=${ids.join(",")}`, outsiderToken);
    expect(out.status).toBe(404);
    expect(out.json.error.message).toContain("You are not a member of PCN UZ1001");
    // A member of UZ1002 only, naming UZ1001's scenarios under UZ1002: "no such scenario", nothing about it.
    const sneaky = await getJson("UZ1002", `?ids=${otherPcnId},${ids[0]}`, outsiderToken);
    expect(sneaky.status).toBe(404);
    expect(sneaky.json.error.message).toBe(`There is no scenario with id ${ids[0]}.`);
    expect((await getJson("U99998", `?ids=${realId},${ids[0]}`, demoToken)).status).toBe(403);
    expect((await getJson("UZ1001", `?ids=${ids[0]},${ids[1]}`, demoToken)).status).toBe(200);
    const none = await getJson("UZ9999", `?ids=${ids.join(",")}`);
    expect(none.status).toBe(404);
    expect(none.json.error.message).toBe("There is no PCN with code UZ9999.");
  });
});

async function workbook(buf: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb;
}
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** Every figure of the comparison JSON, as [year, scenario id, header, value] expectations. */
function expectedFigures(json: any): [string, string, string, number | null][] {
  const out: [string, string, string, number | null][] = [];
  const add = (fy: string, rows: any[], status: (i: number) => unknown) =>
    json.scenarios.forEach((s: any, i: number) => {
      if (!status(i)) return;
      for (const r of rows) {
        // Ids are random base64url: one starting with "-" is written inert, like any text.
        out.push([fy, inertText(s.id), r.measure.label, r.values[i].value]);
        out.push([fy, inertText(s.id), differenceHeader(r.measure.label), r.values[i].difference]);
      }
    });
  for (const y of json.years) add(y.financialYear, y.rows, (i) => y.status[i]);
  // Whole-plan rows share the year columns by measure id; their labels say "all years".
  const yearLabel = new Map(json.years[0].rows.map((r: any) => [r.measure.id, r.measure.label]));
  add(WHOLE_PLAN, json.horizon.map((r: any) => ({ ...r, measure: { ...r.measure, label: yearLabel.get(r.measure.id) } })), () => true);
  return out;
}

describe("compare.csv and compare.xlsx: the same figures as the JSON", () => {
  it("CSV: BOM, one header row, plain numbers; every figure equals the JSON", async () => {
    const qs = `?ids=${ids.join(",")}`;
    const { json } = await getJson("UZ1001", qs);
    const res = await csvRoute.GET(req(`/api/v1/pcns/UZ1001/compare.csv${qs}`), ctx("UZ1001"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="Compare-UZ1001-2025-26.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).not.toMatch(/£/);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    const byKey = new Map(records.map((r) => [`${r["Financial year"]}|${r["Scenario id"]}`, r]));
    // 2 + 3 + 1 year rows, then 3 whole-plan rows
    expect(records).toHaveLength(9);
    let checked = 0;
    for (const [fy, id, header, v] of expectedFigures(json)) {
      const r = byKey.get(`${fy}|${id}`)!;
      expect(r, `${fy} ${id}`).toBeDefined();
      expect(r[header], `${fy} ${id} ${header}`).toBe(v === null ? "" : String(v));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(byKey.get(`2025/26|${inertText(ids[0]!)}`)!.Baseline).toBe("yes");
    expect(byKey.get(`2026/27|${inertText(ids[2]!)}`)!.Scenario).toBe(`'${HOSTILE}`);
  });

  it("XLSX: sheets, real £ numbers, frozen header, filters; every figure equals the JSON; names inert", async () => {
    const qs = `?ids=${ids.join(",")}`;
    const { json } = await getJson("UZ1001", qs);
    const res = await xlsxRoute.GET(req(`/api/v1/pcns/UZ1001/compare.xlsx${qs}`), ctx("UZ1001"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/spreadsheetml/);
    const wb = await workbook(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Comparison", "Headroom by year", "Assumptions and sources"]);
    const ws = wb.getWorksheet("Comparison")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    const rows = sheetRows(ws);
    const header = rows[0] as string[];
    const col = (h: string) => header.indexOf(h);
    const costCell = ws.getRow(2).getCell(col("Cost") + 1);
    expect(typeof costCell.value).toBe("number");
    expect(costCell.numFmt).toContain("£");
    const byKey = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[1]}`, r]));
    for (const [fy, id, h, v] of expectedFigures(json)) {
      expect(col(h), h).toBeGreaterThanOrEqual(0);
      expect(byKey.get(`${fy}|${id}`)![col(h)] ?? null, `${fy} ${id} ${h}`).toBe(v);
    }
    // Headroom by year: one column per scenario.
    const head = sheetRows(wb.getWorksheet("Headroom by year")!);
    expect(head.slice(1).map((r) => [r[0], ...[1, 2, 3].map((i) => r[i] ?? null)])).toEqual(json.headroomByYear.map((y: any) => [y.financialYear, ...y.values]));
    // Every text cell that came from a user is inert.
    const texts: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    expect(texts).toContain(`'${HOSTILE}`);
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
    // Assumptions: estimates and projections marked.
    const assumptions = sheetRows(wb.getWorksheet("Assumptions and sources")!).slice(1);
    expect(assumptions.some((r) => r[4] === "projection")).toBe(true);
  });

  it("the files refuse what the JSON refuses", async () => {
    const bad = await csvRoute.GET(req(`/api/v1/pcns/UZ1001/compare.csv?ids=${ids[0]}`), ctx("UZ1001"));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.code).toBe("invalid_input");
    const anon = await xlsxRoute.GET(req(`/api/v1/pcns/UZ1001/compare.xlsx?ids=${ids.join(",")}`, null), ctx("UZ1001"));
    expect(anon.status).toBe(401);
  });
});
