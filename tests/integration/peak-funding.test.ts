// Issue 14: "peak funding needed" has one definition (lib/engine/cash-flow.ts) and the planner,
// its projection, the XLSX, the compare page's figures and the compare CSV all show it — the same
// figure for the same scenario, per year and over the plan — with an existing team's claims for
// the months before the plan arriving in its first months. And compare's speed (issue 14 item 3):
// the PCN's planner context is loaded once per comparison, not once per scenario.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getComparison, exportComparison } from "@/lib/server/scenarios/compare";
import { exportScenario } from "@/lib/server/scenarios/export";
import { createScenario, getScenarioWithResults, type ScenarioWithResults } from "@/lib/server/scenarios/scenarios";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createUser, type SessionUser } from "@/lib/server/auth/users";
import { inertText } from "@/lib/export";
import { WHOLE_PLAN } from "@/lib/export/compare";
import { PEAK_FUNDING_LABEL } from "@/lib/planner/columns";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let editor: SessionUser;
let team: ScenarioWithResults;
let plus: ScenarioWithResults;

// An 18-post team in post since 2024, as in the issue.
const ROLES = [
  ["clinical-pharmacist", "7", 2],
  ["pharmacy-technician", "5", 2],
  ["social-prescribing-link-worker", "5", 1],
  ["care-coordinator", "4", 1],
  ["health-and-wellbeing-coach", "4", 2],
  ["first-contact-physiotherapist", "7", 3],
  ["paramedic", "7", 1],
  ["dietitian", "6", 1],
  ["occupational-therapist", "7", 1],
] as const;
const TEAM = Array.from({ length: 18 }, (_, i) => {
  const [role, band, point] = ROLES[i % ROLES.length]!;
  return { id: `p${i + 1}`, label: `Post ${i + 1}`, role, band, point, wte: i % 3 === 0 ? 0.6 : 1, status: "existing", start: "2024-06-01" };
});

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  editor = await createUser(env.db, { email: "peak@example.nhs.uk", name: "Pea K", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: "UZ1001", role: "editor" });
  const mk = async (name: string, posts: object[]) =>
    getScenarioWithResults(env.db, editor, (await createScenario(env.db, editor, "UZ1001", { name, firstYear: "2026/27", years: 3, posts })).id);
  team = await mk("Existing team", TEAM);
  plus = await mk("Team plus an OT", [...TEAM, { id: "ot-new", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2026-10-01" }]);
});
afterAll(async () => {
  await env?.cleanup();
});

describe("peak funding needed: one definition everywhere (issue 14)", () => {
  it("an existing team is paid in April and May for February and March: the peak is not two months of the whole team", () => {
    const y1 = team.results.years[0]!;
    expect(y1.cashFlow[0]!.received).toBeGreaterThan(0);
    expect(y1.cashFlow[1]!.received).toBeGreaterThan(0);
    // Two months of the team's April cost is what a brand-new team would need; the existing team needs far less.
    expect(team.results.summary.peakFunding).toBeLessThan(y1.months[0]!.cost);
    expect(team.results.summary.monthsBeforePlan).toEqual(["2026-02", "2026-03"]);
  });

  it("the planner, the XLSX, the compare figures and the compare CSV give the same peak, per year and over the plan", async () => {
    for (const s of [team, plus]) {
      // The planner: the plan's figure is the largest year's; the projection rows carry each year's.
      expect(s.results.summary.peakFunding).toBe(Math.max(...s.results.years.map((y) => y.peakFunding)));
      expect(s.results.summary.years.map((y) => y.peakFunding)).toEqual(s.results.years.map((y) => y.peakFunding));

      // The XLSX: the Summary and Projection sheets, one row per year, the plan's figure in the notes.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await exportScenario(env.db, editor, s.id, "xlsx")).body as unknown as ArrayBuffer);
      for (const sheet of ["Summary", "Projection"]) {
        const ws = wb.getWorksheet(sheet)!;
        const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
        const header = rows.find((r) => r[1] === "Financial year")!;
        const col = header.indexOf(PEAK_FUNDING_LABEL);
        expect(col, `${sheet} has a ${PEAK_FUNDING_LABEL} column`).toBeGreaterThan(0);
        const byYear = s.results.years.map((y) => rows.find((r) => r[1] === y.financialYear)![col]);
        expect(byYear, sheet).toEqual(s.results.years.map((y) => y.peakFunding));
      }
      const notes = (wb.getWorksheet("Summary")!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => String(r[1]));
      expect(notes.some((n) => n.startsWith(`${PEAK_FUNDING_LABEL} over the plan: £${s.results.summary.peakFunding.toFixed(2)}`))).toBe(true);
    }

    // Compare (the page's structure) and its CSV.
    const c = (await getComparison(env.db, editor, "UZ1001", `${team.id},${plus.id}`)).comparison;
    c.years.forEach((y) => {
      const peak = y.rows.find((r) => r.measure.id === "peakCash")!;
      expect(peak.measure.label).toBe(PEAK_FUNDING_LABEL);
      expect(peak.values.map((v) => v.value)).toEqual([team, plus].map((s) => s.results.years.find((x) => x.financialYear === y.financialYear)!.peakFunding));
    });
    expect(c.horizon.find((r) => r.measure.id === "peakCash")!.values.map((v) => v.value)).toEqual([team.results.summary.peakFunding, plus.results.summary.peakFunding]);

    const csv = parse(String((await exportComparison(env.db, editor, "UZ1001", `${team.id},${plus.id}`, "csv")).body), { bom: true }) as string[][];
    const h = csv[0]!;
    // (ids are random: one that starts with "-" is written inert, with a leading apostrophe)
    const col = h.indexOf(PEAK_FUNDING_LABEL);
    expect(col).toBeGreaterThan(0);
    for (const [i, s] of [team, plus].entries()) {
      for (const y of s.results.years) expect(Number(csv.find((r) => r[0] === y.financialYear && r[1] === inertText(s.id))![col])).toBe(y.peakFunding);
      expect(Number(csv.filter((r) => r[0] === WHOLE_PLAN)[i]![col])).toBe(s.results.summary.peakFunding);
    }
  });
});

describe("compare loads the PCN's planner context once (issue 14: speed)", () => {
  it("two scenarios of one PCN and first year: the member practices' weighted populations are read once, not twice", async () => {
    let reads = 0;
    const counted = new Proxy(env.db, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (key === "practiceWeightedPopulation") {
          return new Proxy(v as object, {
            get(t, k) {
              const f = Reflect.get(t, k);
              if (k === "findMany") return (...args: unknown[]) => ((reads += 1), (f as (...a: unknown[]) => unknown).apply(t, args));
              return typeof f === "function" ? f.bind(t) : f;
            },
          });
        }
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const r = await getComparison(counted, editor, "UZ1001", `${team.id},${plus.id}`);
    expect(r.scenarios).toHaveLength(2);
    expect(reads).toBe(1);
  });
});
