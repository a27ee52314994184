// Issue 15 item 1: financial years from 2023/24 to three years after the current one (by the
// server's date, passed in here so the tests fix it); years without a rule table are projected
// and every projected figure says so.
import { describe, expect, it } from "vitest";
import { financialYearOf, financialYearsFor, getRules, rulesForYear } from "@/lib/engine";
import { computeScenario } from "@/lib/planner/compute";
import { ScenarioBodySchema } from "@/lib/schemas/scenario";
import { runEstimate } from "./scenarios/estimate";
import { AppError } from "./errors";
import { currentFinancialYear, yearChoices } from "./today";

const DEC_2026 = new Date("2026-12-04T04:30:00Z");
const noDb = () => {
  throw new Error("no database in this test");
};
const ot = { id: "ot-1", role: "occupational-therapist", band: "7", point: 1, wte: 1 };

describe("the current financial year and the years offered", () => {
  it("takes the year from the date: 1 April starts a year, 31 March ends one", () => {
    expect(financialYearOf("2026-12-04")).toBe("2026/27");
    expect(financialYearOf("2027-03-31")).toBe("2026/27");
    expect(financialYearOf("2027-04-01")).toBe("2027/28");
    expect(currentFinancialYear(DEC_2026)).toBe("2026/27");
  });

  it("offers 2023/24 to three years after the current year, and defaults to the current one", () => {
    expect(yearChoices(DEC_2026)).toEqual({ current: "2026/27", years: ["2023/24", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"] });
    // Before the latest rule table's year, every year with a table is still offered.
    expect(financialYearsFor("2024/25")).toEqual(["2023/24", "2024/25", "2025/26", "2026/27", "2027/28"]);
  });
});

describe("POST /api/v1/estimate for a year without a rule table", () => {
  it("answers for 2027/28 with every projected figure labelled 'projection' in figures and estimates", async () => {
    expect(getRules("2027/28")).toBeUndefined();
    const res = await runEstimate({ financialYear: "2027/28", pcn: { weightedPopulation: 30_000 }, posts: [ot] }, noDb, DEC_2026);
    expect(res.financialYear).toBe("2027/28");
    expect(res.figures.length).toBeGreaterThan(0);
    for (const f of res.figures) expect(f.status, f.id).toBe("projection");
    expect(res.estimates.map((e) => e.id).sort()).toEqual(res.figures.map((f) => f.id).sort());
    expect(res.isEstimate).toBe(true);
    // Rate: the 2026/27 £27.668 × 1.025 (default rate growth) = £28.3597 → £28.360 to £0.001;
    // entitlement 30,000 × £28.360 = £850,800.
    expect(res.entitlement).toBe(850_800);
  });

  it("projects with the request's pay awards and rate growth", async () => {
    const body = (assumptions: object) => ({ financialYear: "2027/28", pcn: { weightedPopulation: 30_000 }, assumptions, posts: [ot] });
    const low = await runEstimate(body({ payAward: 0, rateGrowth: 0 }), noDb, DEC_2026);
    const high = await runEstimate(body({ payAward: 0.05, rateGrowth: 0.1 }), noDb, DEC_2026);
    // No growth: the 2026/27 rate £27.668 × 30,000 = £830,040.
    expect(low.entitlement).toBe(830_040);
    expect(high.entitlement).toBeGreaterThan(low.entitlement);
    expect(high.posts[0]!.salary).toBeGreaterThan(low.posts[0]!.salary);
  });

  it("warns that a pay award given for a year with its own table changed nothing", async () => {
    const res = await runEstimate({ financialYear: "2025/26", pcn: { weightedPopulation: 30_000 }, assumptions: { payAward: 0.05 }, posts: [ot] }, noDb, DEC_2026);
    expect(res.warnings).toContain("The pay award you gave was not used: 2025/26 has its own rule table, so nothing is projected.");
  });

  it("accepts 2029/30 in December 2026 but not 2030/31, nor anything before 2023/24, in plain words", async () => {
    await expect(runEstimate({ financialYear: "2029/30", pcn: { weightedPopulation: 1000 }, posts: [] }, noDb, DEC_2026)).resolves.toBeDefined();
    const issue = async (fy: string, now = DEC_2026) => {
      try {
        await runEstimate({ financialYear: fy, pcn: { weightedPopulation: 1000 }, posts: [] }, noDb, now);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).issues[0];
      }
      throw new Error(`${fy} was accepted`);
    };
    expect(await issue("2030/31")).toEqual({
      path: "financialYear",
      message: "The financial year 2030/31 is too far ahead: plans can start at most 3 years after the current financial year (2026/27). Choose a year from 2023/24 to 2029/30.",
    });
    expect((await issue("2022/23"))!.message).toBe("Financial year must be 2023/24 or later: the planner has no ARRS rules for earlier years.");
    expect((await issue("2027/29"))!.message).toMatch(/must be written like 2026\/27/);
    // A year later, 2030/31 is accepted.
    await expect(runEstimate({ financialYear: "2030/31", pcn: { weightedPopulation: 1000 }, posts: [] }, noDb, new Date("2027-04-01T00:00:00Z"))).resolves.toBeDefined();
  });
});

describe("a scenario that starts in 2027/28", () => {
  it("validates, and its first year equals the estimate API to the penny", async () => {
    const s = ScenarioBodySchema.parse({ name: "Next year", firstYear: "2027/28", years: 2, posts: [ot] });
    const ctx = { pcn: { code: "UZ1001", name: "Demo" }, weightedPopulation: { value: 30_000, provenance: "given" as const }, practices: [], defaultArea: "national" as const };
    const r = computeScenario(s, ctx);
    const est = await runEstimate({ financialYear: "2027/28", pcn: { weightedPopulation: 30_000 }, posts: [ot] }, noDb, DEC_2026);
    expect(r.years[0]!.financialYear).toBe("2027/28");
    expect(r.years[0]!.projection).toBe(true);
    expect(r.years[0]!.totals).toEqual(est.totals);
    expect(r.years[0]!.entitlement).toBe(est.entitlement);
  });

  it("projects 2028/29 from 2027/28 as projected, not from scratch", () => {
    const y27 = rulesForYear("2027/28")!;
    const y28 = rulesForYear("2028/29")!;
    expect(y28.pots[0]!.ratePerWeightedPatient).toBe(Math.floor(y27.pots[0]!.ratePerWeightedPatient * 1.025 * 1000 + 0.5) / 1000);
    expect(y28.capTables[0]!.status).toBe("projection");
  });
});

describe("2026/27's expected uplift in the estimate API (issue 15 item 2)", () => {
  const top = { id: "ot-top", role: "occupational-therapist", band: "7", point: 3, wte: 1 };
  it("is off by default and says what switching it on would add", async () => {
    const res = await runEstimate({ financialYear: "2026/27", pcn: { weightedPopulation: 30_000 }, posts: [top] }, noDb, DEC_2026);
    // Band 7 top £56,515 costs £56,515 + £7,727.25 NI + £8,126.86 pension = £72,369.11, above both maxima:
    // off: £68,971 ÷ 12 = £5,747.58 a month → £68,970.96; on: £69,515 ÷ 12 = £5,792.92 → £69,515.04; adds £544.08.
    expect(res.totals.claimable).toBe(68_970.96);
    expect(res.warnings.find((w) => w.startsWith("The expected backdated uplift"))).toMatch(/Switching it on \(assumption expectedUplift: true\) would add £544\.08 to what you can claim in 2026\/27/);
    const on = await runEstimate({ financialYear: "2026/27", pcn: { weightedPopulation: 30_000 }, assumptions: { expectedUplift: true }, posts: [top] }, noDb, DEC_2026);
    expect(on.totals.claimable).toBe(69_515.04);
    expect(on.overrides.map((o) => o.id)).toContain("2026/27 expected backdated uplift");
  });
});
