// Plan against actual (issue 17, items 3–5): GET /api/v1/pcns/{code}/outturn and its files, the
// back pay and the forecast return (route handlers called directly, bearer tokens). The agreed
// plan and April–June claims are written straight into the database (the claims API is another
// item); every figure is checked against the arithmetic on the plan's own monthly claimable.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createApiToken, createUser, type SessionUser } from "@/lib/server/auth/users";
import { getOutturn } from "@/lib/server/claims/outturn";
import { createScenario, getScenarioWithResults } from "@/lib/server/scenarios/scenarios";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let editor: SessionUser;
let token: string;
let viewerToken: string;
let outsiderToken: string;
let scenarioId: string;
let jsonRoute: typeof import("@/app/api/v1/pcns/[code]/outturn/route");
let csvRoute: typeof import("@/app/api/v1/pcns/[code]/outturn.csv/route");
let xlsxRoute: typeof import("@/app/api/v1/pcns/[code]/outturn.xlsx/route");
let forecastCsv: typeof import("@/app/api/v1/pcns/[code]/forecast-return.csv/route");
let forecastXlsx: typeof import("@/app/api/v1/pcns/[code]/forecast-return.xlsx/route");
let backpayCsv: typeof import("@/app/api/v1/pcns/[code]/backpay.csv/route");
let backpayXlsx: typeof import("@/app/api/v1/pcns/[code]/backpay.xlsx/route");
// The same posts priced with the 2026/27 expected uplift on (an unagreed scenario), per post and month.
const uplifted: Record<string, Record<string, number>> = {};

const FY = "2026/27";
const PCN = "UZ1001";
// The OT's cost is above the maximum, so the 2026/27 expected uplift (off by default) changes what it can claim.
const OT = { id: "ot-1", label: "First Contact OT", role: "occupational-therapist", annualSalary: 60_000, wte: 1 };
const CP = { id: "cp", label: "Pharmacist", role: "clinical-pharmacist", status: "existing", annualSalary: 52_000, wte: 0.8 };
// The plan's claimable per post and month, in pence (read from the scenario's results).
const plan: Record<string, Record<string, number>> = {};
let entitlementPence = 0;
let plannedYearPence = 0;
const NOW = new Date("2026-07-10T09:00:00Z");

async function addLines(month: string, lines: { postId: string | null; label: string; role: string; claimedPence: number; status: string; paidOn?: string }[]) {
  await env.db.claimMonth.create({
    data: {
      pcnCode: PCN,
      month,
      version: 1,
      lines: {
        create: lines.map((l, position) => ({
          position,
          postId: l.postId,
          label: l.label,
          role: l.role,
          wteTenThousandths: l.role === "clinical-pharmacist" ? 8_000 : 10_000,
          salaryPence: l.claimedPence,
          employerNiPence: 0,
          employerPensionPence: 0,
          claimedPence: l.claimedPence,
          status: l.status,
          paidOn: l.paidOn ?? null,
          note: null,
        })),
      },
    },
  });
}

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  editor = await createUser(env.db, { email: "out-ed@example.nhs.uk", name: "Ed Itor", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: PCN, role: "editor" });
  const viewer = await createUser(env.db, { email: "out-view@example.nhs.uk", name: "Vi Ewer", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: viewer.email, pcnCode: PCN, role: "viewer" });
  const outsider = await createUser(env.db, { email: "out-side@example.nhs.uk", name: "Out Sider", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: outsider.email, pcnCode: "UZ1002", role: "editor" });
  token = (await createApiToken(env.db, editor.email)).token;
  viewerToken = (await createApiToken(env.db, viewer.email)).token;
  outsiderToken = (await createApiToken(env.db, outsider.email)).token;

  // A second, unagreed scenario must not count.
  await createScenario(env.db, editor, PCN, { name: "Not agreed", firstYear: FY, years: 1, posts: [OT] });
  scenarioId = (await createScenario(env.db, editor, PCN, { name: "Agreed plan", firstYear: FY, years: 2, posts: [OT, CP] })).id;
  await env.db.scenario.update({ where: { id: scenarioId }, data: { agreedAt: new Date("2026-04-01T10:00:00Z"), agreedByUserId: editor.id } });
  const s = await getScenarioWithResults(env.db, editor, scenarioId);
  const year = s.results.years.find((y) => y.financialYear === FY)!;
  entitlementPence = Math.round(year.entitlement * 100);
  for (const p of year.posts) plan[p.id] = Object.fromEntries(p.months.map((m) => [m.month, Math.round(m.claimable * 100)]));
  plannedYearPence = Object.values(plan).reduce((t, months) => t + Object.values(months).reduce((a, b) => a + b, 0), 0);

  const up = await createScenario(env.db, editor, PCN, { name: "Uplift on", firstYear: FY, years: 1, posts: [OT, CP], assumptions: { byYear: { [FY]: { expectedUplift: true } } } });
  for (const p of up.results.years[0]!.posts) uplifted[p.id] = Object.fromEntries(p.months.map((m) => [m.month, Math.round(m.claimable * 100)]));

  // April: OT £100.00 under plan (paid), CP as planned (paid).
  await addLines("2026-04", [
    { postId: "ot-1", label: "First Contact OT", role: "occupational-therapist", claimedPence: plan["ot-1"]!["2026-04"]! - 10_000, status: "paid", paidOn: "2026-06-02" },
    { postId: "cp", label: "Pharmacist", role: "clinical-pharmacist", claimedPence: plan.cp!["2026-04"]!, status: "paid", paidOn: "2026-06-02" },
  ]);
  // May: OT £50.25 over plan (approved), CP as planned (submitted).
  await addLines("2026-05", [
    { postId: "ot-1", label: "First Contact OT", role: "occupational-therapist", claimedPence: plan["ot-1"]!["2026-05"]! + 5_025, status: "approved" },
    { postId: "cp", label: "Pharmacist", role: "clinical-pharmacist", claimedPence: plan.cp!["2026-05"]!, status: "submitted" },
  ]);
  // June: OT as planned (submitted), CP rejected (not claimed), a locum not in the plan £1,200.00, a draft (not claimed).
  await addLines("2026-06", [
    { postId: "ot-1", label: "First Contact OT", role: "occupational-therapist", claimedPence: plan["ot-1"]!["2026-06"]!, status: "submitted" },
    { postId: "cp", label: "Pharmacist", role: "clinical-pharmacist", claimedPence: plan.cp!["2026-06"]!, status: "rejected" },
    { postId: null, label: "Locum OT", role: "occupational-therapist", claimedPence: 120_000, status: "submitted" },
    { postId: "ot-1", label: "First Contact OT", role: "occupational-therapist", claimedPence: 77_777, status: "draft" },
  ]);
  // July: a draft only (no claims).
  await addLines("2026-07", [{ postId: "ot-1", label: "First Contact OT", role: "occupational-therapist", claimedPence: plan["ot-1"]!["2026-07"]!, status: "draft" }]);

  jsonRoute = await import("@/app/api/v1/pcns/[code]/outturn/route");
  csvRoute = await import("@/app/api/v1/pcns/[code]/outturn.csv/route");
  xlsxRoute = await import("@/app/api/v1/pcns/[code]/outturn.xlsx/route");
  forecastCsv = await import("@/app/api/v1/pcns/[code]/forecast-return.csv/route");
  forecastXlsx = await import("@/app/api/v1/pcns/[code]/forecast-return.xlsx/route");
  backpayCsv = await import("@/app/api/v1/pcns/[code]/backpay.csv/route");
  backpayXlsx = await import("@/app/api/v1/pcns/[code]/backpay.xlsx/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const req = (path: string, bearer: string | null = token) => new Request(`http://planner.test${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
const ctx = (code: string) => ({ params: Promise.resolve({ code }) });
const p = (month: string) => (plan["ot-1"]![month] ?? 0) + (plan.cp![month] ?? 0);
const pounds = (pence: number) => pence / 100;

describe("GET /api/v1/pcns/{code}/outturn", () => {
  it("has a plan to compare with (the fixture is meaningful)", () => {
    expect(plan["ot-1"]!["2026-04"]).toBeGreaterThan(0);
    expect(plan.cp!["2026-06"]).toBeGreaterThan(0);
    expect(entitlementPence).toBeGreaterThan(plannedYearPence);
  });

  it("months, to date and forecast equal the arithmetic to the penny (today 10 July 2026)", async () => {
    const o = await getOutturn(env.db, editor, PCN, FY, NOW);
    expect(o.financialYear).toBe(FY);
    expect(o.agreedScenario).toMatchObject({ id: scenarioId, name: "Agreed plan", version: 1 });
    expect(o.entitlement).toBe(pounds(entitlementPence));
    const m = Object.fromEntries(o.months.map((x) => [x.month, x]));
    // April: claimed = plan − 10,000; all paid; variance −10,000
    expect(m["2026-04"]).toMatchObject({ planned: pounds(p("2026-04")), claimed: pounds(p("2026-04") - 10_000), approved: pounds(p("2026-04") - 10_000), paid: pounds(p("2026-04") - 10_000), variance: -100 });
    // May: claimed = plan + 5,025; approved = the OT line (plan OT + 5,025); paid 0; variance +5,025
    expect(m["2026-05"]).toMatchObject({ planned: pounds(p("2026-05")), claimed: pounds(p("2026-05") + 5_025), approved: pounds(plan["ot-1"]!["2026-05"]! + 5_025), paid: 0, variance: 50.25 });
    // June: claimed = OT plan + 120,000 (locum); CP rejected and the draft left out; variance = 120,000 − CP plan
    expect(m["2026-06"]).toMatchObject({ planned: pounds(p("2026-06")), claimed: pounds(plan["ot-1"]!["2026-06"]! + 120_000), approved: 0, paid: 0, variance: pounds(120_000 - plan.cp!["2026-06"]!) });
    // July: a draft only → no claims
    expect(m["2026-07"]).toMatchObject({ planned: pounds(p("2026-07")), claimed: 0, variance: null });
    // To date = April–June (July is the current month, without claims)
    const claimedToDate = p("2026-04") - 10_000 + p("2026-05") + 5_025 + plan["ot-1"]!["2026-06"]! + 120_000;
    expect(o.toDate).toMatchObject({
      planned: pounds(p("2026-04") + p("2026-05") + p("2026-06")),
      claimed: pounds(claimedToDate),
      approved: pounds(p("2026-04") - 10_000 + plan["ot-1"]!["2026-05"]! + 5_025),
      paid: pounds(p("2026-04") - 10_000),
    });
    // Forecast = the year's plan with April–June replaced by their claims:
    // plannedYear − (plan Apr + May + Jun) + claimed to date
    const forecast = plannedYearPence - (p("2026-04") + p("2026-05") + p("2026-06")) + claimedToDate;
    expect(o.forecast.claims).toBe(pounds(forecast));
    expect(o.forecast.unclaimed).toBe(pounds(entitlementPence - forecast));
    expect(o.forecast.basis).toMatch(/claimed for the months that have claims/);
    // Posts: OT variance = −10,000 + 5,025 + 0; CP = 0 + 0 − plan June; locum 120,000
    const byPost = Object.fromEntries(o.posts.map((x) => [x.postId ?? x.label, x]));
    expect(byPost["ot-1"]).toMatchObject({ planned: pounds(Object.values(plan["ot-1"]!).reduce((a, b) => a + b, 0)), variance: pounds(-10_000 + 5_025) });
    expect(byPost.cp!.variance).toBe(pounds(-plan.cp!["2026-06"]!));
    expect(byPost["Locum OT"]).toMatchObject({ postId: null, inPlan: false, planned: 0, claimed: 1200, variance: 1200 });
    // Not yet paid: May (40 days since 31 May) and June (10 days)
    expect(o.unpaid.map((u) => [u.month, u.daysWaiting])).toEqual([
      ["2026-05", 40],
      ["2026-06", 10],
    ]);
  });

  it("the route answers members (a viewer too) with the same forecast; the year defaults to the current one", async () => {
    const r = await jsonRoute.GET(req(`/api/v1/pcns/${PCN}/outturn?year=2026/27`, viewerToken), ctx(PCN));
    expect(r.status).toBe(200);
    const j = await r.json();
    const service = await getOutturn(env.db, editor, PCN, FY, NOW);
    expect(j.forecast.claims).toBe(service.forecast.claims);
    expect(j.months).toHaveLength(12);
    const d = await jsonRoute.GET(req(`/api/v1/pcns/${PCN}/outturn`), ctx(PCN));
    expect((await d.json()).financialYear).toMatch(/^\d{4}\/\d{2}$/);
  });

  it.each([
    ["an outsider", outsiderTokenOf, 404],
    ["nobody signed in", () => null, 401],
  ])("%s gets %i", async (_, bearer, status) => {
    const r = await jsonRoute.GET(req(`/api/v1/pcns/${PCN}/outturn?year=2026/27`, bearer()), ctx(PCN));
    expect(r.status).toBe(status);
  });

  it.each([
    ["2026-27", /must be written like/],
    ["2019/20", /before 2023\/24/],
    ["2040/41", /too far ahead/],
  ])("a bad year (%s) is 422 in words", async (year, message) => {
    const r = await jsonRoute.GET(req(`/api/v1/pcns/${PCN}/outturn?year=${encodeURIComponent(year)}`), ctx(PCN));
    expect(r.status).toBe(422);
    const j = await r.json();
    expect(j.error.issues[0].path).toBe("year");
    expect(j.error.message).toMatch(message);
  });

  it("no agreed plan: agreedScenario null, planned 0, the forecast is the claims, the PCN's entitlement", async () => {
    const o = await getOutturn(env.db, COMMAND_LINE as never, "UZ1002", FY, NOW);
    expect(o.agreedScenario).toBeNull();
    expect(o.months.every((m) => m.planned === 0)).toBe(true);
    expect(o.forecast.claims).toBe(0);
    expect(o.entitlement).toBeGreaterThan(0);
    expect(o.forecast.unclaimed).toBe(o.entitlement);
  });
});

function outsiderTokenOf() {
  return outsiderToken;
}

describe("outturn.csv and outturn.xlsx", () => {
  it("the CSV carries the API's figures month by month", async () => {
    const api = await (await jsonRoute.GET(req(`/api/v1/pcns/${PCN}/outturn?year=2026/27`), ctx(PCN))).json();
    const r = await csvRoute.GET(req(`/api/v1/pcns/${PCN}/outturn.csv?year=2026/27`), ctx(PCN));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/csv/);
    const rows = parse((await r.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(12);
    rows.forEach((row, i) => {
      expect(row.Month).toBe(api.months[i].month);
      expect(Number(row.Planned)).toBe(api.months[i].planned);
      expect(Number(row.Claimed)).toBe(api.months[i].claimed);
      expect(row["Variance (claimed − planned)"] === "" ? null : Number(row["Variance (claimed − planned)"])).toBe(api.months[i].variance);
    });
    const posts = await csvRoute.GET(req(`/api/v1/pcns/${PCN}/outturn.csv?year=2026/27&table=posts`), ctx(PCN));
    expect(await posts.text()).toContain("Locum OT");
    const bad = await csvRoute.GET(req(`/api/v1/pcns/${PCN}/outturn.csv?table=nope`), ctx(PCN));
    expect(bad.status).toBe(422);
  });

  it("the XLSX has the summary, months (totals as formulas with their values), posts and unpaid", async () => {
    const api = await (await jsonRoute.GET(req(`/api/v1/pcns/${PCN}/outturn?year=2026/27`), ctx(PCN))).json();
    const r = await xlsxRoute.GET(req(`/api/v1/pcns/${PCN}/outturn.xlsx?year=2026/27`, viewerToken), ctx(PCN));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Months", "Posts", "Not yet paid"]);
    const ws = wb.getWorksheet("Months")!;
    const total = ws.getRow(14);
    expect(total.getCell(1).value).toBe("Total");
    const planned = total.getCell(2).value as { formula: string; result: number };
    expect(planned.formula).toBe("SUM(B2:B13)");
    const yearPlanned = api.months.reduce((t: number, m: { planned: number }) => t + Math.round(m.planned * 100), 0) / 100;
    expect(planned.result).toBe(yearPlanned);
    const summary = wb.getWorksheet("Summary")!;
    const values = summary.getSheetValues().flat().filter((v) => typeof v === "number");
    expect(values).toContain(api.forecast.claims);
    expect(values).toContain(api.forecast.unclaimed);
    const outsider = await xlsxRoute.GET(req(`/api/v1/pcns/${PCN}/outturn.xlsx`, outsiderToken), ctx(PCN));
    expect(outsider.status).toBe(404);
  });
});

describe("backpay.csv and backpay.xlsx (2026/27's expected uplift, April–July)", () => {
  const APR_JUL = ["2026-04", "2026-05", "2026-06", "2026-07"];
  const sum = (months: Record<string, number>) => APR_JUL.reduce((t, m) => t + (months[m] ?? 0), 0);

  it("the single claim form: old claim, new entitlement and difference per post, to the penny", async () => {
    const r = await backpayCsv.GET(req(`/api/v1/pcns/${PCN}/backpay.csv?year=2026/27`, viewerToken), ctx(PCN));
    expect(r.status).toBe(200);
    const rows = parse((await r.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const ot = rows.find((x) => x.Post === "First Contact OT")!;
    const cp = rows.find((x) => x.Post === "Pharmacist")!;
    // OT old claim: April claimed (plan − 10,000), May claimed (plan + 5,025), June claimed (plan), July not claimed (plan: the
    // agreed plan has the uplift off) → Σ plan + (−10,000 + 5,025); new = Σ uplifted; difference = new − old.
    const otOld = sum(plan["ot-1"]!) - 10_000 + 5_025;
    expect([ot["Months from"], ot["Months to"]]).toEqual(["2026-04", "2026-07"]);
    expect(Number(ot["Old claim"])).toBe(pounds(otOld));
    expect(Number(ot["New entitlement"])).toBe(pounds(sum(uplifted["ot-1"]!)));
    expect(Number(ot.Difference)).toBe(pounds(sum(uplifted["ot-1"]!) - otOld));
    expect(sum(uplifted["ot-1"]!) - otOld).toBeGreaterThan(0);
    expect(ot["Old claim basis"]).toMatch(/claimed, and the plan/);
    // CP: April and May claimed as planned, June rejected and July unclaimed → the plan: old = Σ plan
    expect(Number(cp["Old claim"])).toBe(pounds(sum(plan.cp!)));
    expect(Number(cp.Difference)).toBe(pounds(sum(uplifted.cp!) - sum(plan.cp!)));
  });

  it("the XLSX totals are SUM formulas carrying the same figures", async () => {
    const r = await backpayXlsx.GET(req(`/api/v1/pcns/${PCN}/backpay.xlsx?year=2026/27`), ctx(PCN));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const ws = wb.getWorksheet("Back pay")!;
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "Total") totalRow = n;
    });
    const diff = ws.getRow(totalRow).getCell(7).value as { formula: string; result: number };
    expect(diff.formula).toMatch(/^SUM\(G\d+:G\d+\)$/);
    const expected = sum(uplifted["ot-1"]!) - (sum(plan["ot-1"]!) - 10_000 + 5_025) + sum(uplifted.cp!) - sum(plan.cp!);
    expect(diff.result).toBe(pounds(expected));
  });

  it.each([
    ["2024/25", /no backdated uplift/],
    ["2025/26", /does not cover 2025\/26/],
  ])("%s is 422 in words", async (year, message) => {
    const r = await backpayCsv.GET(req(`/api/v1/pcns/${PCN}/backpay.csv?year=${year}`), ctx(PCN));
    expect(r.status).toBe(422);
    expect((await r.json()).error.message).toMatch(message);
  });

  it("an outsider gets 404", async () => {
    const r = await backpayCsv.GET(req(`/api/v1/pcns/${PCN}/backpay.csv?year=2026/27`, outsiderToken), ctx(PCN));
    expect(r.status).toBe(404);
  });
});

describe("forecast-return.csv and forecast-return.xlsx", () => {
  it("WTE and £ by role and month: the claims for April–June, the plan after; the £ add up to the forecast", async () => {
    const r = await forecastCsv.GET(req(`/api/v1/pcns/${PCN}/forecast-return.csv?year=2026/27`, viewerToken), ctx(PCN));
    expect(r.status).toBe(200);
    const rows = parse((await r.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const at = (month: string, role: RegExp) => rows.filter((x) => x.Month === month && role.test(x.Role ?? ""));
    // June claimed: OT line (1.0 WTE, plan) + the locum (1.0 WTE, 120,000); the rejected CP line and the draft left out
    const juneOt = at("2026-06", /^Occupational/);
    expect(juneOt).toHaveLength(1);
    expect(juneOt[0]).toMatchObject({ WTE: "2", Basis: "claimed" });
    expect(Number(juneOt[0]!.Amount)).toBe(pounds(plan["ot-1"]!["2026-06"]! + 120_000));
    expect(at("2026-06", /pharmacist/i)).toHaveLength(0);
    // July (a draft only): the plan, both posts; the pharmacist at 0.8 WTE
    const julyCp = at("2026-07", /pharmacist/i)[0]!;
    expect(julyCp).toMatchObject({ WTE: "0.8", Basis: "planned" });
    expect(Number(julyCp.Amount)).toBe(pounds(plan.cp!["2026-07"]!));
    expect(new Set(rows.map((x) => x.Month)).size).toBe(12);
    const totalPence = rows.reduce((t, x) => t + Math.round(Number(x.Amount) * 100), 0);
    const o = await getOutturn(env.db, editor, PCN, FY, NOW);
    expect(pounds(totalPence)).toBe(o.forecast.claims);
  });

  it("the XLSX: the return, by role, and a total formula that recalculates to the forecast", async () => {
    const r = await forecastXlsx.GET(req(`/api/v1/pcns/${PCN}/forecast-return.xlsx?year=2026/27`), ctx(PCN));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Forecast return", "By role"]);
    const ws = wb.getWorksheet("Forecast return")!;
    let totalRow = 0;
    let sumD = 0;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "Month") headerRow = n;
      else if (row.getCell(1).value === "Total") totalRow = n;
      else if (headerRow && !totalRow && typeof row.getCell(4).value === "number") sumD += Math.round((row.getCell(4).value as number) * 100);
    });
    const total = ws.getRow(totalRow).getCell(4).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(D${headerRow + 1}:D${totalRow - 1})`);
    const o = await getOutturn(env.db, editor, PCN, FY, NOW);
    expect(total.result).toBe(o.forecast.claims);
    expect(pounds(sumD)).toBe(o.forecast.claims);
  });

  it("an outsider gets 404", async () => {
    const r = await forecastCsv.GET(req(`/api/v1/pcns/${PCN}/forecast-return.csv`, outsiderToken), ctx(PCN));
    expect(r.status).toBe(404);
  });
});
