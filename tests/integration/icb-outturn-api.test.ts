// Issue 18 "The ICB's view", items 2 and 3, through the routes as another tool would call them:
// the seeded demo ICB QZA; a plan agreed in two of its PCNs, a draft (never agreed) in a third and a
// newer draft beside one agreed plan; claims for April–June 2026. An ICB viewer gets every PCN of
// QZA, each row equal to that PCN's own GET /api/v1/pcns/{code}/outturn (called as a system
// administrator) to the penny; the totals and months are the sums; drafts never appear; another ICB
// is 404; signed out 401; a PCN editor who is not an ICB viewer 404; a bad year 422; the CSV and
// XLSX return carry exactly the API's figures. Runs on SQLite, and on PostgreSQL in the postgres suite.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantIcbMembership, grantMembership } from "@/lib/server/auth/memberships";
import { createSession, createUser, type SessionUser } from "@/lib/server/auth/users";
import type { Db } from "@/lib/server/db/create-prisma";
import { createScenario } from "@/lib/server/scenarios/scenarios";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let icbRoute: typeof import("@/app/api/v1/icbs/[code]/outturn/route");
let csvRoute: typeof import("@/app/api/v1/icbs/[code]/forecast.csv/route");
let xlsxRoute: typeof import("@/app/api/v1/icbs/[code]/forecast.xlsx/route");
let pcnRoute: typeof import("@/app/api/v1/pcns/[code]/outturn/route");
const cookies: Record<"sysadmin" | "icb" | "editor" | "otherIcb", string> = { sysadmin: "", icb: "", editor: "", otherIcb: "" };
const YEAR = "2026/27";
let pcns: { code: string; name: string }[] = [];
const agreedIds: string[] = [];
let draftIds: string[] = [];

const p = (pounds: number) => Math.round(pounds * 100);

function plan(name: string) {
  return {
    name,
    firstYear: YEAR,
    years: 1,
    posts: [
      { id: "cp-1", label: "Clinical pharmacist", role: "clinical-pharmacist", status: "existing", band: "7", point: 1, wte: 1, start: "2024-01-01" },
      { id: "ot-1", label: "First Contact OT", role: "occupational-therapist", status: "existing", band: "7", point: 3, wte: 0.8, start: "2025-06-01" },
    ],
  };
}

async function addClaims(db: Db, pcnCode: string, lines: { month: string; postId: string | null; role: string; claimedPence: number; status: string }[]) {
  for (const month of new Set(lines.map((l) => l.month))) await db.claimMonth.create({ data: { pcnCode, month, version: 1 } });
  let position = 0;
  for (const l of lines) {
    await db.claimLine.create({
      data: { pcnCode, month: l.month, position: position++, postId: l.postId, label: l.postId ?? "Locum", role: l.role, wteTenThousandths: 10_000, salaryPence: 1, employerNiPence: 0, employerPensionPence: 0, claimedPence: l.claimedPence, status: l.status, paidOn: l.status === "paid" ? "2026-07-20" : null },
    });
  }
}

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  pcns = await env.db.pcn.findMany({ where: { icbCode: "QZA" }, select: { code: true, name: true }, orderBy: { code: "asc" } });
  expect(pcns.length).toBeGreaterThanOrEqual(3);
  const sysadmin = await createUser(env.db, { email: "sys@example.nhs.uk", name: "Sys Admin", role: "admin", password: "a-long-password" });
  for (const who of ["icb", "editor", "otherIcb"] as const) await createUser(env.db, { email: `${who.toLowerCase()}@example.nhs.uk`, name: `${who} Person`, password: "a-long-password" });
  await grantIcbMembership(env.db, COMMAND_LINE, { email: "icb@example.nhs.uk", icbCode: "QZA", role: "icb-viewer" });
  await grantIcbMembership(env.db, COMMAND_LINE, { email: "othericb@example.nhs.uk", icbCode: "QZB", role: "icb-viewer" });
  await grantMembership(env.db, COMMAND_LINE, { email: "editor@example.nhs.uk", pcnCode: pcns[0]!.code, role: "editor" });
  for (const who of Object.keys(cookies) as (keyof typeof cookies)[]) {
    const u = await env.db.user.findUniqueOrThrow({ where: { email: `${who === "sysadmin" ? "sys" : who.toLowerCase()}@example.nhs.uk` } });
    cookies[who] = `arrs_session=${(await createSession(env.db, u.id)).token}`;
  }
  const admin = { ...(sysadmin as SessionUser) };
  // Agreed plans in the first two PCNs; a newer draft beside the first; a draft only in the third.
  for (const [i, pcn] of pcns.slice(0, 2).entries()) {
    const s = await createScenario(env.db, admin, pcn.code, plan(`Agreed plan ${i + 1}`));
    await env.db.scenario.update({ where: { id: s.id }, data: { agreedAt: new Date("2026-03-20T10:00:00Z") } });
    agreedIds.push(s.id);
  }
  const draft1 = await createScenario(env.db, admin, pcns[0]!.code, { ...plan("Draft: more posts"), posts: [...plan("x").posts, { id: "cc-1", label: "Care coordinator", role: "care-coordinator", status: "existing", band: "4", point: 1, wte: 1, start: "2025-01-01" }] });
  const draft3 = await createScenario(env.db, admin, pcns[2]!.code, plan("Draft only"));
  draftIds = [draft1.id, draft3.id];
  // Claims: PCN 1 April paid, May submitted, June approved; PCN 2 April paid and a rejected May line;
  // PCN 3 (no agreed plan) a locum claimed in April.
  await addClaims(env.db, pcns[0]!.code, [
    { month: "2026-04", postId: "cp-1", role: "clinical-pharmacist", claimedPence: 500_000, status: "paid" },
    { month: "2026-04", postId: "ot-1", role: "occupational-therapist", claimedPence: 400_012, status: "paid" },
    { month: "2026-05", postId: "cp-1", role: "clinical-pharmacist", claimedPence: 510_025, status: "submitted" },
    { month: "2026-06", postId: "cp-1", role: "clinical-pharmacist", claimedPence: 505_000, status: "approved" },
  ]);
  await addClaims(env.db, pcns[1]!.code, [
    { month: "2026-04", postId: "cp-1", role: "clinical-pharmacist", claimedPence: 499_999, status: "paid" },
    { month: "2026-05", postId: "ot-1", role: "occupational-therapist", claimedPence: 123_456, status: "rejected" },
  ]);
  await addClaims(env.db, pcns[2]!.code, [{ month: "2026-04", postId: null, role: "care-coordinator", claimedPence: 250_050, status: "paid" }]);

  icbRoute = await import("@/app/api/v1/icbs/[code]/outturn/route");
  csvRoute = await import("@/app/api/v1/icbs/[code]/forecast.csv/route");
  xlsxRoute = await import("@/app/api/v1/icbs/[code]/forecast.xlsx/route");
  pcnRoute = await import("@/app/api/v1/pcns/[code]/outturn/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

type Who = keyof typeof cookies | null;
const req = (path: string, who: Who, method = "GET") => new Request(`http://planner.test${path}`, { method, headers: { host: "planner.test", ...(who ? { cookie: cookies[who] } : {}) } });
const ctx = (code: string) => ({ params: Promise.resolve({ code }) });
const getIcb = async (who: Who, code = "QZA", year = YEAR) => {
  const r = await icbRoute.GET(req(`/api/v1/icbs/${code}/outturn?year=${encodeURIComponent(year)}`, who), ctx(code));
  return { status: r.status, json: await r.json() };
};

describe("GET /api/v1/icbs/{code}/outturn", () => {
  it("an ICB viewer sees every PCN of the ICB, each row equal to the PCN's own outturn to the penny", async () => {
    const { status, json } = await getIcb("icb");
    expect(status).toBe(200);
    expect(json.icb).toEqual({ code: "QZA", name: "NHS Avonmere Demo Integrated Care Board" });
    expect(json.financialYear).toBe(YEAR);
    expect(json.pcns.map((r: any) => r.code).sort()).toEqual(pcns.map((x) => x.code));
    for (const row of json.pcns) {
      const own = await (await pcnRoute.GET(req(`/api/v1/pcns/${row.code}/outturn?year=${YEAR}`, "sysadmin"), ctx(row.code))).json();
      const plannedYear = own.months.reduce((t: number, m: any) => t + p(m.planned), 0);
      expect({ e: p(row.entitlement), pl: p(row.planned), c: p(row.claimedToDate), pd: p(row.paidToDate), fc: p(row.forecastClaims), fu: p(row.forecastUnclaimed) }).toEqual({
        e: p(own.entitlement),
        pl: plannedYear,
        c: p(own.toDate.claimed),
        pd: p(own.toDate.paid),
        fc: p(own.forecast.claims),
        fu: p(own.forecast.unclaimed),
      });
      expect(row.agreedScenario?.id ?? null).toBe(own.agreedScenario?.id ?? null);
      expect(["icb-confirmed", "imported", "estimate"]).toContain(row.weightedPopulationStatus);
    }
  });

  it("PCN 1's figures follow the arithmetic: claimed to date 500,000 + 400,012 + 510,025 + 505,000 pence; paid to date the April lines", async () => {
    const { json } = await getIcb("icb");
    const row = json.pcns.find((r: any) => r.code === pcns[0]!.code);
    // Today (the real clock) is after June 2026 only from July 2026; the months counted to date are the route's. Claims exist
    // for April–June, so those three months always count once they have claims or are past.
    const own = await (await pcnRoute.GET(req(`/api/v1/pcns/${pcns[0]!.code}/outturn?year=${YEAR}`, "sysadmin"), ctx(pcns[0]!.code))).json();
    const toDate = new Set<string>(own.toDate.months);
    const claimed = (toDate.has("2026-04") ? 500_000 + 400_012 : 0) + (toDate.has("2026-05") ? 510_025 : 0) + (toDate.has("2026-06") ? 505_000 : 0);
    expect(p(row.claimedToDate)).toBe(claimed);
    expect(p(row.paidToDate)).toBe(toDate.has("2026-04") ? 900_012 : 0);
    // Forecast = April–June claimed (1,915,037 pence) + the agreed plan's July–March claimable.
    const julyOn = own.months.filter((m: any) => m.month >= "2026-07").reduce((t: number, m: any) => t + p(m.planned), 0);
    expect(p(row.forecastClaims)).toBe(500_000 + 400_012 + 510_025 + 505_000 + julyOn);
    expect(p(row.forecastUnclaimed)).toBe(Math.max(0, p(row.entitlement) - p(row.forecastClaims)));
    expect(row.agreedScenario).toMatchObject({ id: agreedIds[0], name: "Agreed plan 1", agreedAt: "2026-03-20T10:00:00.000Z" });
  });

  it("totals are the sums of the rows and months the sums of the PCNs' months (in pence)", async () => {
    const { json } = await getIcb("icb");
    for (const f of ["entitlement", "planned", "claimedToDate", "paidToDate", "forecastClaims", "forecastUnclaimed"]) {
      expect(p(json.totals[f])).toBe(json.pcns.reduce((t: number, r: any) => t + p(r[f]), 0));
    }
    expect(json.months).toHaveLength(12);
    expect(json.months.reduce((t: number, m: any) => t + p(m.planned), 0)).toBe(p(json.totals.planned));
    // April claimed: PCN 1 900,012 + PCN 2 499,999 + PCN 3 250,050 = 1,650,061 pence; May: 510,025 (the rejected line does not count).
    expect(p(json.months[0].claimed)).toBe(1_650_061);
    expect(p(json.months[1].claimed)).toBe(510_025);
    expect(p(json.months[0].paid)).toBe(1_650_061);
  });

  it("drafts never appear: the PCN with only a draft is listed without an agreed plan, planned 0; the newer draft is not PCN 1's plan", async () => {
    const { json } = await getIcb("icb");
    const text = JSON.stringify(json);
    for (const id of draftIds) expect(text).not.toContain(id);
    expect(text).not.toContain("Draft");
    const third = json.pcns.find((r: any) => r.code === pcns[2]!.code);
    expect(third).toMatchObject({ agreedScenario: null, planned: 0 });
    // No plan: the forecast is what was claimed (April's locum, 250,050 pence).
    expect(p(third.forecastClaims)).toBe(250_050);
    expect(json.pcns.filter((r: any) => r.agreedScenario).map((r: any) => r.agreedScenario.id).sort()).toEqual([...agreedIds].sort());
  });

  it("another ICB's viewer and a PCN editor get 404; signed out 401; unknown ICB 404; a bad year 422 in words; nothing can be changed", async () => {
    expect((await getIcb("otherIcb")).status).toBe(404);
    expect((await getIcb("editor")).status).toBe(404);
    expect((await getIcb(null)).status).toBe(401);
    expect((await getIcb("sysadmin", "QZX")).status).toBe(404);
    expect((await getIcb("sysadmin")).status).toBe(200);
    const bad = await getIcb("icb", "QZA", "2026-27x");
    expect(bad.status).toBe(422);
    expect(bad.json.error?.message ?? JSON.stringify(bad.json)).toMatch(/year/i);
    for (const m of ["POST", "PUT", "DELETE", "PATCH"] as const) {
      const r = await (icbRoute as any)[m](req("/api/v1/icbs/QZA/outturn", "icb", m), ctx("QZA"));
      expect(r.status).toBe(405);
    }
  });
});

describe("the ICB's return: forecast.csv and forecast.xlsx", () => {
  it("one row per PCN × role × month; the £ sum to each PCN's forecastClaims and to the total", async () => {
    const { json } = await getIcb("icb");
    const r = await csvRoute.GET(req(`/api/v1/icbs/QZA/forecast.csv?year=${YEAR}`, "icb"), ctx("QZA"));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/csv/);
    const rows = parse((await r.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["PCN code", "PCN name", "Role", "Month", "WTE", "Amount", "Basis"]);
    const keys = rows.map((x) => `${x["PCN code"]}|${x.Role}|${x.Month}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const pcn of json.pcns) {
      const sum = rows.filter((x) => x["PCN code"] === pcn.code).reduce((t, x) => t + p(Number(x.Amount)), 0);
      expect(sum).toBe(p(pcn.forecastClaims));
    }
    expect(rows.reduce((t, x) => t + p(Number(x.Amount)), 0)).toBe(p(json.totals.forecastClaims));
    // PCN 1's April pharmacist line was claimed: 500,000 pence, basis claimed; its July pharmacist row is the plan.
    const apr = rows.find((x) => x["PCN code"] === pcns[0]!.code && x.Month === "2026-04" && x.Role === "Clinical pharmacist")!;
    expect([p(Number(apr.Amount)), apr.Basis, Number(apr.WTE)]).toEqual([500_000, "claimed", 1]);
    expect(rows.find((x) => x["PCN code"] === pcns[0]!.code && x.Month === "2026-07")!.Basis).toBe("planned");
    // No draft's care coordinator appears for PCN 1; PCN 3 (draft only) has only its claimed April row.
    expect(rows.filter((x) => x["PCN code"] === pcns[2]!.code).map((x) => [x.Month, x.Basis])).toEqual([["2026-04", "claimed"]]);
    expect((await csvRoute.GET(req(`/api/v1/icbs/QZA/forecast.csv`, "otherIcb"), ctx("QZA"))).status).toBe(404);
    expect((await csvRoute.GET(req(`/api/v1/icbs/QZA/forecast.csv`, null), ctx("QZA"))).status).toBe(401);
  });

  it("the XLSX carries the same rows, its Amount total a SUM formula equal to the API's forecastClaims total", async () => {
    const { json } = await getIcb("icb");
    const r = await xlsxRoute.GET(req(`/api/v1/icbs/QZA/forecast.xlsx?year=${YEAR}`, "icb"), ctx("QZA"));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Forecast return", "By PCN"]);
    const ws = wb.getWorksheet("Forecast return")!;
    let total: { formula: string; result: number } | null = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Total") total = row.getCell(6).value as { formula: string; result: number };
    });
    expect(total).not.toBeNull();
    expect(total!.formula).toMatch(/^SUM\(F\d+:F\d+\)$/);
    expect(p(total!.result)).toBe(p(json.totals.forecastClaims));
    const byPcn = wb.getWorksheet("By PCN")!;
    const values = byPcn.getSheetValues().flat().filter((v) => typeof v === "number");
    for (const pcn of json.pcns) expect(values).toContain(pcn.forecastClaims);
  });
});
