import { describe, expect, it } from "vitest";
import { runEstimate } from "@/lib/server/scenarios/estimate";
import { ScenarioBodySchema, type ScenarioBodyInput } from "@/lib/schemas/scenario";
import { getRules } from "@/lib/engine";
import { computeScenario, supervisionPayAward, supervisorHourlyCostDefault } from "./compute";
import type { PlannerContext } from "./types";

const ctx: PlannerContext = {
  pcn: { code: "UZ1001", name: "Demo PCN" },
  weightedPopulation: { value: 30_000, provenance: "given" },
  practices: [
    { code: "Z90001", name: "A", weighted: 10_000.5, registered: 9_000 },
    { code: "Z90002", name: "B", weighted: 19_999.5, registered: 21_000 },
  ],
  defaultArea: "national",
};
const noDb = () => {
  throw new Error("no database in this test");
};

const posts = [
  { id: "ot-1", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01" },
  { id: "fcp", role: "first-contact-physiotherapist", annualSalary: 60_000, wte: 0.6, area: "outer-london" },
  { id: "mhp", role: "mental-health-practitioner", band: "6", point: 2, wte: 1, mhpFunding: "100%" },
  { id: "gp", role: "gp", annualSalary: 90_000, wte: 0.5, start: "2025-05-15", end: "2025-09-30" },
] as const;

const scenario = (extra: Partial<ScenarioBodyInput> = {}) =>
  ScenarioBodySchema.parse({ name: "Test", firstYear: "2025/26", years: 3, posts: posts.map((p) => ({ ...p })), ...extra });

describe("computeScenario", () => {
  it("the first year equals the estimate API for the same inputs, to the penny", async () => {
    const assumptions = { employerPensionRate: 0.2, maxReimbursableAnnual: { "occupational-therapist": 60_000 } };
    const est = await runEstimate({ financialYear: "2025/26", pcn: { weightedPopulation: 30_000 }, assumptions, posts: posts.map((p) => ({ ...p })) }, noDb);
    const { years } = computeScenario(scenario({ assumptions }), ctx);
    const y = years[0]!;
    for (const key of ["financialYear", "entitlement", "posts", "months", "totals", "pots", "estimates", "overrides", "figures", "warnings", "isEstimate"] as const) {
      expect(y[key], key).toEqual(est[key]);
    }
    expect(y.projection).toBe(false);
  });

  it("projects years without rule tables and labels every projected figure", () => {
    const { years, summary } = computeScenario(scenario({ firstYear: "2026/27", years: 3 }), ctx);
    expect(years.map((y) => [y.financialYear, y.projection])).toEqual([
      ["2026/27", false],
      ["2027/28", true],
      ["2028/29", true],
    ]);
    expect(years[1]!.projections.length).toBeGreaterThan(3);
    expect(years[1]!.projections.every((f) => f.status === "projection")).toBe(true);
    expect(years[1]!.figures.filter((f) => f.status === "projection")).toEqual(years[1]!.projections);
    // 27.668 × 1.025 = 28.360; × 1.025 = 29.069; entitlement = 30,000 × rate
    expect(years[1]!.entitlement).toBe(850_800);
    expect(years[2]!.entitlement).toBe(872_070);
    expect(summary.years.map((y) => y.projection)).toEqual([false, true, true]);
  });

  it("spot salaries rise by each later year's pay award; band posts follow the tables; a pay step carries on", () => {
    const s = scenario({
      assumptions: { payAward: 0.05 },
      posts: [
        { id: "spot", role: "first-contact-physiotherapist", annualSalary: 50_000, wte: 1 },
        { id: "band", role: "occupational-therapist", band: "7", point: 1, wte: 1, nextPayStep: "2026-01-01" },
      ],
    });
    const { years } = computeScenario(s, ctx);
    // 2026/27 has a table with a 3.3% award: 50,000 × 1.033 = 51,650; 2027/28 projected at 5%: 54,232.50
    expect(years.map((y) => y.posts[0]!.annualSalary)).toEqual([50_000, 51_650, 54_232.5]);
    // Band 7: point 1 in 2025/26 to 31 Dec, then point 2 (2025/26 50,273; 2026/27 51,932 = 50,273 × 1.033)
    expect(years[0]!.posts[1]!.annualSalary).toBe(47_810);
    expect(years[1]!.posts[1]!.annualSalary).toBe(51_932);
    expect(years[2]!.posts[1]!.annualSalary).toBe(Math.floor(51_932 * 1.05 + 0.5));
  });

  it("cash flow: two-month lag, position and peak funding", () => {
    const { years, summary } = computeScenario(scenario({ years: 1, posts: [{ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1 }] }), ctx);
    const y = years[0]!;
    const cf = y.cashFlow;
    expect(cf).toHaveLength(12);
    expect(cf[0]!.received).toBe(0);
    expect(cf[1]!.received).toBe(0);
    expect(cf[2]!.received).toBe(y.months[0]!.claimable);
    const paid = cf.reduce((s, m) => s + m.paid * 100, 0);
    const received = cf.reduce((s, m) => s + m.received * 100, 0);
    expect(Math.round(paid)).toBe(Math.round(y.totals.cost * 100));
    expect(cf[11]!.position * 100).toBeCloseTo(received - paid, 6);
    // Peak: the lowest position (March, as costs never fall below the lagged reimbursement here)
    expect(summary.peakFunding).toBe(-Math.min(...cf.map((m) => m.position)));
    expect(summary.receivableAfterHorizon).toBeCloseTo(y.months[10]!.claimable + y.months[11]!.claimable, 6);
  });

  it("a post in post since 2024 receives the claims for February and March in April and May of the plan's first year (issue 14)", () => {
    const cp = { id: "cp", role: "clinical-pharmacist", band: "7", point: 1, wte: 1, start: "2024-06-01" } as const;
    const { years, summary } = computeScenario(scenario({ firstYear: "2026/27", years: 1, posts: [{ ...cp }] }), ctx);
    const cf = years[0]!.cashFlow;
    // February and March 2026 are priced with the 2025/26 rules (band 7 point 1 = £47,810):
    //   salary 47,810 ÷ 12 = 3,984.1666… → £3,984.17; NI 15% × (3,984.17 − 5,000 ÷ 12 = 416.67) = 535.125 → £535.13;
    //   pension 14.38% × 3,984.17 = 572.92; cost = claim (below the cap) = £5,092.22 a month.
    expect(cf.slice(0, 3).map((m) => m.received)).toEqual([5_092.22, 5_092.22, years[0]!.months[0]!.claimable]);
    // 2026/27 (£49,388): each month costs £5,262.35, so April: 5,092.22 − 5,262.35 = −170.13; May −340.26;
    // from June each month receives what it pays (the 2026/27 claim two months before): the lowest is −340.26.
    expect(cf.slice(0, 2).map((m) => m.position)).toEqual([-170.13, -340.26]);
    expect(summary.peakFunding).toBe(340.26);
    expect(summary.peakFundingMonth).toBe("2026-05");
    expect(years[0]!.peakFunding).toBe(340.26);
    expect(summary.receivedForMonthsBeforePlan).toBe(10_184.44);
    expect(summary.monthsBeforePlan).toEqual(["2026-02", "2026-03"]);
    expect(summary.monthsBeforePlanRules).toEqual({ financialYear: "2025/26", estimate: false });

    // A new starter on the plan's first day receives nothing in April and May.
    const fresh = computeScenario(scenario({ firstYear: "2026/27", years: 1, posts: [{ ...cp, start: "2026-04-01" }] }), ctx);
    expect(fresh.years[0]!.cashFlow.slice(0, 2).map((m) => m.received)).toEqual([0, 0]);
    // −2 × 5,262.35 = −10,524.70
    expect(fresh.summary.peakFunding).toBe(10_524.7);
    expect(fresh.summary.receivedForMonthsBeforePlan).toBe(0);
  });

  it("an existing post without a start date counts as in post before the plan; a spot salary is one pay award lower then", () => {
    const { summary } = computeScenario(scenario({ firstYear: "2026/27", years: 1, posts: [{ id: "x", role: "dietitian", status: "existing", annualSalary: 40_000, wte: 1 }] }), ctx);
    expect(summary.monthsBeforePlan).toEqual(["2026-02", "2026-03"]);
    expect(summary.receivedForMonthsBeforePlan).toBeGreaterThan(0);
  });

  it("a plan from the earliest year prices the months before it with its own rules, as an estimate", () => {
    const { summary } = computeScenario(scenario({ firstYear: "2023/24", years: 1, posts: [{ id: "cp", role: "clinical-pharmacist", band: "7", point: 1, wte: 1, start: "2020-01-01" }] }), ctx);
    expect(summary.monthsBeforePlan).toEqual(["2023-02", "2023-03"]);
    expect(summary.monthsBeforePlanRules).toEqual({ financialYear: "2023/24", estimate: true });
    expect(summary.receivedForMonthsBeforePlan).toBeGreaterThan(0);
  });

  it("practices' shares add up to the penny and follow the chosen basis", () => {
    for (const shareBasis of ["weighted", "registered"] as const) {
      const { years } = computeScenario(scenario({ years: 1, assumptions: { shareBasis } }), ctx);
      const y = years[0]!;
      expect(y.practiceShares.basis).toBe(shareBasis);
      const sum = y.practiceShares.rows.reduce((s, r) => s + Math.round(r.pcnFunded * 100), 0);
      expect(sum).toBe(Math.round(y.totals.pcnFunded * 100));
    }
  });

  it("supervision: a new First Contact OT in roadmap training; cost is unfunded", () => {
    const s = scenario({
      years: 1,
      supervisors: [{ id: "gp1", name: "Dr Demo", wte: 0.25 }],
      posts: [
        { id: "ot", label: "OT – frailty", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2026-01-01", firstContact: { hcpcRegistration: "done", stage1: "done", stage2: "in-progress", supervisorId: "gp1" } },
        { id: "ot2", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2026-01-01", firstContact: { stage2: "in-progress", supervisorId: "gp1" } },
      ],
    });
    const y = computeScenario(s, ctx).years[0]!;
    // Jan–Mar 2026 in training: 2 × 60 + 30 × 21 = 750 min a month each = 12.5 h; 3 months × 2 posts = 75 h
    expect(y.supervision.hours).toBe(75);
    // 75 h × £56.34 (the 2025/26 GP maximum in force, £110,147 ÷ 1,955 h) = £4,225.50; was £54.16 (the April table's £105,882)
    expect(y.supervision.cost).toBe(4_225.5);
    // 0.25 WTE × 4 = 1 trainee; 2 assigned
    expect(y.supervision.supervisors[0]).toMatchObject({ capacity: 1, peakTrainees: 2 });
    expect(y.supervision.warnings.join(" ")).toMatch(/Dr Demo/);
    const supShare = y.practiceShares.rows.reduce((t, r) => t + Math.round(r.supervision * 100), 0);
    expect(supShare).toBe(422_550);
  });

  it("supervision: existing First Contact staff from 2024 are qualified (clinical supervision only), not roadmap trainees (issue 14)", () => {
    const s = scenario({
      firstYear: "2026/27",
      years: 1,
      assumptions: { supervision: { supervisorHourlyCost: 54.16 } },
      posts: [
        { id: "fcp", label: "Physio", role: "first-contact-physiotherapist", status: "existing", band: "7", point: 1, wte: 1, start: "2024-04-01", firstContact: { hcpcRegistration: "not-started", stage1: "not-started", stage2: "not-started" } },
        { id: "para", label: "Paramedic", role: "paramedic", status: "existing", band: "7", point: 1, wte: 1, start: "2024-04-01", firstContact: { hcpcRegistration: "not-started", stage1: "not-started", stage2: "not-started" } },
        { id: "new", label: "New OT", role: "occupational-therapist", status: "proposed", band: "7", point: 1, wte: 1, start: "2026-04-01", firstContact: { stage2: "in-progress" } },
      ],
    });
    const y = computeScenario(s, ctx).years[0]!;
    const byId = Object.fromEntries(y.supervision.posts.map((p) => [p.postId, p]));
    // existing: 60 min a month × 12 = 12 h, 12 × £54.16 = £649.92 (was 150 h, £8,124: 750 min × 12)
    expect(byId.fcp).toMatchObject({ hours: 12, cost: 649.92 });
    expect(byId.para).toMatchObject({ hours: 12, cost: 649.92 });
    expect(byId.fcp!.months.every((m) => m.kind === "clinical")).toBe(true);
    // a new OT is still a trainee: 150 h
    expect(byId.new).toMatchObject({ hours: 150, cost: 8_124 });
  });

  it("supervision's default hourly cost is the first year's GP maximum ÷ 1,955 h, not 2025/26's in a 2026/27 plan (issue 14)", () => {
    const gpMax = (fy: string) => getRules(fy)!.capTables.filter((t) => t.roles.gp).at(-1)!.roles.gp!.national;
    expect(supervisorHourlyCostDefault("2025/26").value).toBe(56.34); // £110,147 ÷ 1,955 = £56.341…
    const v2627 = supervisorHourlyCostDefault("2026/27");
    expect(v2627.value).toBe(Math.round((gpMax("2026/27") * 100) / 1955) / 100); // £113,807 ÷ 1,955 = £58.21 with today's table
    expect(v2627.value).not.toBe(54.16);
    expect(v2627.source).toContain("2026/27 GP maximum");
    // and the planner uses it: 12 h of clinical supervision for an existing OT
    const s = scenario({ firstYear: "2026/27", years: 1, posts: [{ id: "cp", role: "clinical-pharmacist", status: "existing", band: "7", point: 1, wte: 1 }] });
    expect(computeScenario(s, ctx).years[0]!.supervision).toMatchObject({ hours: 12, hourlyCost: v2627.value, hourlyCostStatus: "estimate", cost: Math.round(12 * v2627.value * 100) / 100 });
  });

  it("supervision's hourly cost rises by each later year's pay award (issue 14: it stayed flat)", () => {
    const s = scenario({
      firstYear: "2025/26",
      years: 3,
      assumptions: { payAward: 0.04, supervision: { supervisorHourlyCost: 50 } },
      posts: [{ id: "cp", role: "clinical-pharmacist", band: "7", point: 1, wte: 1 }],
    });
    const sup = computeScenario(s, ctx).years.map((y) => y.supervision);
    // Supervisors are GPs: the doctors' pay award. 2025/26 £50.00 (the user's); 2026/27 × 1.035 (its
    // table's doctors' award, DDRB 3.5%) = £51.75; 2027/28 projected × 1.04 (no table and no
    // doctors' award given: the scenario's pay award) = £53.82
    expect(sup.map((x) => x.hourlyCost)).toEqual([50, 51.75, 53.82]);
    expect(sup.map((x) => x.hourlyCostStatus)).toEqual(["override", "projection", "projection"]);
    // 12 h a year each: £600.00, £621.00, £645.84
    expect(sup.map((x) => x.cost)).toEqual([600, 621, 645.84]);
    expect(sup[2]!.hourlyCostBasis).toMatch(/^Projection: the 2025\/26 figure £50.00 raised by each later year's pay award/);
    // the award it uses: the year's doctors' award, else the scenario's doctors' award, else its pay award
    expect(supervisionPayAward(s, "2027/28", undefined)).toBe(0.04);
    expect(supervisionPayAward({ ...s, assumptions: { ...s.assumptions, doctorsPayAward: 0.03 } }, "2027/28", undefined)).toBe(0.03);
    expect(supervisionPayAward(s, "2026/27", getRules("2026/27"))).toBe(0.035);
  });

  it("practices' shares: weighted asked for, but a practice has no weighted population → registered used, and said so (issue 14)", () => {
    const partial: PlannerContext = { ...ctx, practices: [ctx.practices[0]!, { ...ctx.practices[1]!, weighted: null }] };
    const y = computeScenario(scenario({ years: 1, assumptions: { shareBasis: "weighted" } }), partial).years[0]!;
    expect(y.practiceShares).toMatchObject({ basis: "registered", requested: "weighted", weightedAvailable: false });
    expect(y.practiceShares.note).toBe("Not every practice has a weighted population (B has none), so the shares follow the registered list.");
    const full = computeScenario(scenario({ years: 1, assumptions: { shareBasis: "registered" } }), ctx).years[0]!;
    expect(full.practiceShares).toMatchObject({ basis: "registered", requested: "registered", weightedAvailable: true });
  });
});
