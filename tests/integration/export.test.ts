// Exports (issue 7): the XLSX workbook and CSV files of a saved scenario, read back with the same
// libraries, figure by figure against the API's JSON; formula injection made inert.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportScenario } from "@/lib/server/scenarios/export";
import { createScenario } from "@/lib/server/scenarios/scenarios";
import { runEstimate } from "@/lib/server/scenarios/estimate";
import { exportEstimate } from "@/lib/server/scenarios/export";
import { createUser, type SessionUser } from "@/lib/server/auth/users";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import type { ScenarioWithResults } from "@/lib/server/scenarios/scenarios";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let editor: SessionUser;
let s: ScenarioWithResults;
const HOSTILE = '=HYPERLINK("http://x","click")';

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  editor = await createUser(env.db, { email: "ex@example.nhs.uk", name: "Ex Porter", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: "UZ1001", role: "editor" });
  s = await createScenario(env.db, editor, "UZ1001", {
    name: "Add one First Contact OT from October",
    description: "+SUM(1,2) in a description",
    firstYear: "2025/26",
    years: 3,
    supervisors: [{ id: "gp", name: "@Dr Hostile", wte: 0.5 }],
    posts: [
      { id: "ot-1", label: HOSTILE, role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01", firstContact: { stage2: "in-progress", supervisorId: "gp" } },
      { id: "cp", label: "-1+1", role: "clinical-pharmacist", status: "existing", annualSalary: 52_000, wte: 0.8 },
      { id: "mhp", label: "MHP", role: "mental-health-practitioner", band: "5", point: 2, wte: 0.5 },
    ],
  });
});
afterAll(async () => {
  await env?.cleanup();
});

async function workbook(buf: Buffer | string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as arrays (1-based columns → 0-based), header row first. */
function rows(ws: ExcelJS.Worksheet, from = 1): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n < from) return;
    const vals = (row.values as unknown[]).slice(1);
    out.push(vals.map((v) => (v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v)));
  });
  return out;
}

describe("scenario XLSX", () => {
  it("has the sheets, real £ numbers, frozen headers, filters and A4 landscape", async () => {
    const f = await exportScenario(env.db, editor, s.id, "xlsx");
    expect(f.contentType).toMatch(/spreadsheetml/);
    expect(f.fileName).toMatch(/^Add-one-First-Contact-OT-from-October-2025-26\.xlsx$/);
    const wb = await workbook(f.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Posts", "Practices", "Monthly", "Cash flow", "Projection", "Workforce", "Recruitment slip", "Supervision", "Claims schedule", "Assumptions and sources"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen" });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true });
    }
    const posts = wb.getWorksheet("Posts")!;
    const header = rows(posts)[0]!;
    const col = (name: string) => header.indexOf(name) + 1;
    const cell = posts.getRow(2).getCell(col("Cost"));
    expect(typeof cell.value).toBe("number");
    expect(cell.numFmt).toContain("£");
  });

  it("every figure equals the API's JSON, to the penny", async () => {
    const wb = await workbook((await exportScenario(env.db, editor, s.id, "xlsx")).body);
    // Summary: one row per year after the notes.
    const summary = rows(wb.getWorksheet("Summary")!);
    const sHeader = summary.findIndex((r) => r[0] === "Financial year");
    s.results.years.forEach((y, i) => {
      const r = summary[sHeader + 1 + i]!;
      expect(r.slice(0, 7)).toEqual([y.financialYear, y.projection ? "projection" : y.isEstimate ? "estimate" : "published", y.entitlement, y.totals.cost, y.totals.claimable, y.totals.pcnFunded, y.totals.headroom]);
      expect(r[7]).toBe(y.supervision.cost);
      // Each year's own peak funding needed and average WTE in post (issue 14: no longer the plan's peak in the first row)
      expect(r[8]).toBe(y.peakFunding);
      expect(r[9]).toBe(y.averageWte.total);
    });

    // Posts: every post and year.
    const posts = rows(wb.getWorksheet("Posts")!);
    const h = posts[0]! as string[];
    let n = 1;
    for (const y of s.results.years) {
      for (const p of y.posts) {
        const r = posts[n++]!;
        expect(r[h.indexOf("Financial year")]).toBe(y.financialYear);
        expect(r[h.indexOf("Post id")]).toBe(p.id);
        for (const [header, v] of [
          ["Salary", p.salary],
          ["Employer NI", p.employerNi],
          ["Employer pension", p.employerPension],
          ["Cost", p.cost],
          ["Maximum claimable", p.cap],
          ["Claimable", p.claimable],
          ["PCN-funded", p.pcnFunded],
        ] as const) {
          expect(r[h.indexOf(header)], `${y.financialYear} ${p.id} ${header}`).toBe(v);
        }
      }
    }
    // The total row: a SUM formula carrying its value.
    const totalRow = posts[n]!;
    expect(totalRow[0]).toBe("Total");
    const allCost = s.results.years.reduce((t, y) => t + Math.round(y.totals.cost * 100), 0) / 100;
    expect(totalRow[h.indexOf("Cost")]).toBe(allCost);
    const formulaCell = wb.getWorksheet("Posts")!.getRow(n + 1).getCell(h.indexOf("Cost") + 1).value as { formula: string };
    expect(formulaCell.formula).toMatch(/^SUM\(/);

    // Monthly: every post-month, then the plan's totals.
    const monthly = rows(wb.getWorksheet("Monthly")!);
    const mh = monthly[0]! as string[];
    const byKey = new Map(monthly.slice(1).map((r) => [`${r[0]}|${r[1]}|${r[2]}|${r[3] ?? ""}`, r]));
    for (const y of s.results.years) {
      for (const p of y.posts) {
        for (const m of p.months) {
          const r = byKey.get(`${y.financialYear}|${m.month}|post|${p.id}`)!;
          expect([r[mh.indexOf("Days in post")], r[mh.indexOf("Salary")], r[mh.indexOf("Employer NI")], r[mh.indexOf("Employer pension")], r[mh.indexOf("Cost")], r[mh.indexOf("Maximum claimable")], r[mh.indexOf("Claimable")], r[mh.indexOf("PCN-funded")]]).toEqual([
            m.daysInPost,
            m.salary,
            m.employerNi,
            m.employerPension,
            m.cost,
            m.cap,
            m.claimable,
            m.pcnFunded,
          ]);
        }
      }
      for (const m of y.months) {
        const r = byKey.get(`${y.financialYear}|${m.month}|plan total|`)!;
        expect([r[mh.indexOf("Cost")], r[mh.indexOf("Claimable")], r[mh.indexOf("PCN-funded")]]).toEqual([m.cost, m.claimable, m.pcnFunded]);
      }
    }

    // Cash flow and practices.
    const cash = rows(wb.getWorksheet("Cash flow")!).slice(1);
    const flat = s.results.years.flatMap((y) => y.cashFlow.map((m) => [y.financialYear, m.month, m.paid, m.received, m.position]));
    expect(cash.slice(0, flat.length)).toEqual(flat);
    const practices = rows(wb.getWorksheet("Practices")!).slice(1);
    const shares = s.results.years.flatMap((y) => y.practiceShares.rows.map((r) => [y.financialYear, y.practiceShares.basis, r.practiceName, r.practiceCode, r.basis, r.pcnFunded, r.supervision, r.total]));
    expect(practices.slice(0, shares.length)).toEqual(shares);

    // Claims schedule: amount to claim per post-month in post.
    const claims = rows(wb.getWorksheet("Claims schedule")!);
    const ch = claims[0]! as string[];
    const claimed = claims.slice(1).filter((r) => r[0] !== "Total");
    const expected = s.results.years.flatMap((y) => y.posts.flatMap((p) => p.months.filter((m) => m.daysInPost > 0).map((m) => [y.financialYear, m.month, p.id, m.claimable, m.cap])));
    expect(claimed.map((r) => [r[0], r[1], r[2], r[ch.indexOf("Amount to claim")], r[ch.indexOf("Maximum reimbursable")]])).toEqual(expected);
    expect(claimed.find((r) => r[2] === "cp")![ch.indexOf("Hours a week")]).toBe(30);

    // Assumptions: estimates and projections visibly marked.
    const assumptions = rows(wb.getWorksheet("Assumptions and sources")!).slice(1);
    expect(assumptions.some((r) => r[3] === "projection")).toBe(true);
    expect(assumptions.some((r) => r[3] === "estimate")).toBe(true);
  });

  it("makes hostile text inert", async () => {
    const wb = await workbook((await exportScenario(env.db, editor, s.id, "xlsx")).body);
    const texts: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    expect(texts).toContain(`'${HOSTILE}`);
    expect(texts).toContain("'-1+1");
    expect(texts.some((t) => t.startsWith("'@Dr Hostile"))).toBe(true);
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
  });
});

describe("scenario CSV", () => {
  it("monthly: BOM, one header row, plain numbers and ISO months; equal to the JSON", async () => {
    const f = await exportScenario(env.db, editor, s.id, "csv");
    const text = f.body as string;
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).not.toMatch(/£/);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    const y0 = s.results.years[0]!;
    const ot = y0.posts.find((p) => p.id === "ot-1")!;
    const oct = records.find((r) => r["Financial year"] === "2025/26" && r.Month === "2025-10" && r["Post id"] === "ot-1")!;
    expect(Number(oct.Cost)).toBe(ot.months[6]!.cost);
    expect(Number(oct.Claimable)).toBe(ot.months[6]!.claimable);
    expect(oct.Label).toBe(`'${HOSTILE}`);
    for (const r of records.filter((x) => x.Row === "post")) {
      const y = s.results.years.find((yy) => yy.financialYear === r["Financial year"])!;
      const m = y.posts.find((p) => p.id === r["Post id"])!.months.find((mm) => mm.month === r.Month)!;
      expect(Number(r["PCN-funded"])).toBe(m.pcnFunded);
      expect(r["PCN-funded"]).not.toMatch(/,/);
    }
  });

  it("posts: the bulk-import columns, so an edited export imports back", async () => {
    const f = await exportScenario(env.db, editor, s.id, "csv", "posts");
    const records = parse((f.body as string).slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(["label", "role", "status", "band", "point", "annualSalary", "wte", "area", "start", "end", "mhpFunding", "nextPayStep", "roadmap", "sessions", "hoursPerWeek", "roleName", "maxReimbursableAnnual", "employedInLast12Months", "moreSeniorRole", "expectedStart"]);
    expect(records[0]).toMatchObject({ label: `'${HOSTILE}`, role: "occupational-therapist", band: "7", point: "1", wte: "1", start: "2025-10-01" });
    expect(records[1]).toMatchObject({ label: "'-1+1", annualSalary: "52000", status: "existing" });
  });

  it("claims schedule as CSV", async () => {
    const f = await exportScenario(env.db, editor, s.id, "csv", "claims");
    const records = parse((f.body as string).slice(1), { columns: true }) as Record<string, string>[];
    const cp = s.results.years[0]!.posts.find((p) => p.id === "cp")!;
    const april = records.find((r) => r["Post id"] === "cp" && r.Month === "2025-04")!;
    expect(Number(april["Amount to claim"])).toBe(cp.months[0]!.claimable);
    expect(april["Hours a week"]).toBe("30");
    // The month the reimbursement is expected: the cash flow's lag later (2 months here), so the
    // claims expected in a month add up to what the cash flow receives that month.
    expect(s.results.summary.claimLagMonths).toBe(2);
    expect(april["Expected payment month"]).toBe("2025-06");
    const byMonth = new Map<string, number>();
    for (const r of records) byMonth.set(r["Expected payment month"]!, Math.round(((byMonth.get(r["Expected payment month"]!) ?? 0) + Number(r["Amount to claim"])) * 100) / 100);
    const cash = s.results.years.flatMap((y) => y.cashFlow);
    // The plan's first `lag` months also receive the claims for the months just before the plan
    // (posts already in post then), which are not in this plan's schedule: what they receive beyond
    // the schedule is exactly the summary's "received for months before the plan".
    const lag = s.results.summary.claimLagMonths;
    let beforePlan = 0;
    cash.forEach((m, i) => {
      const scheduled = byMonth.get(m.month) ?? 0;
      if (i < lag) beforePlan = Math.round((beforePlan + m.received - scheduled) * 100) / 100;
      else if (m.received > 0) expect(scheduled, m.month).toBe(m.received);
    });
    expect(beforePlan).toBe(s.results.summary.receivedForMonthsBeforePlan);
    expect(cash.filter((m) => m.received > 0).length).toBeGreaterThan(0);
  });
});

describe("estimate export", () => {
  it("the quick estimate as XLSX and CSV, equal to the JSON", async () => {
    const req = { financialYear: "2025/26" as const, pcn: { weightedPopulation: 30_000 }, posts: [{ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1, area: "national" as const, start: "2025-10-01" }] };
    const res = await runEstimate(req, () => env.db);
    const wb = await workbook((await exportEstimate(req as never, res, "xlsx")).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Posts", "Monthly", "Claims schedule", "Assumptions and sources"]);
    const summary = rows(wb.getWorksheet("Summary")!);
    // Its name once ("Quick estimate", not "Quick estimate: Quick estimate").
    expect(summary.flat()).toContain("Quick estimate");
    expect(JSON.stringify(summary)).not.toMatch(/Quick estimate: Quick estimate/);
    const r = summary[summary.findIndex((x) => x[0] === "Financial year") + 1]!;
    expect(r.slice(2, 7)).toEqual([res.entitlement, res.totals.cost, res.totals.claimable, res.totals.pcnFunded, res.totals.headroom]);
    const csv = (await exportEstimate(req as never, res, "csv")).body as string;
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(records.filter((x) => x.Row === "plan total").map((x) => Number(x.Cost))).toEqual(res.months.map((m) => m.cost));
  });
});
