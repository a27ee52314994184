// Issue 16, items 4 and 5: the workforce over time and the slip line, through computeScenario.
import { describe, expect, it } from "vitest";
import { ScenarioBodySchema, ScenarioPostSchema, type ScenarioBodyInput, type ScenarioPostInput } from "@/lib/schemas/scenario";
import { compareScenarios } from "./compare";
import { computeScenario } from "./compute";
import type { PlannerContext } from "./types";

const ctx: PlannerContext = {
  pcn: { code: "UZ1001", name: "Demo PCN" },
  weightedPopulation: { value: 30_000, provenance: "given" },
  practices: [],
  defaultArea: "national",
};

const posts: ScenarioPostInput[] = [
  { id: "pharm", role: "clinical-pharmacist", band: "7", point: 1, wte: 1, status: "existing", end: "2026-06-15" },
  { id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 0.6, start: "2026-09-16" },
  { id: "para", role: "paramedic", band: "7", point: 1, wte: 1, start: "2026-04-01" },
  { id: "para-2", role: "paramedic", band: "6", point: 1, wte: 0.5, status: "existing" },
];
const scenario = (extra: Partial<ScenarioBodyInput> = {}) => ScenarioBodySchema.parse({ name: "Workforce", firstYear: "2026/27", years: 2, posts, ...extra });
const DAYS = [30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31]; // April 2026 … March 2027: 365 days

describe("results.years[].workforce", () => {
  const r = computeScenario(scenario(), ctx);
  const w = r.years[0]!.workforce;

  it("has the issue's shape: twelve months of { wte, headcount } by role id, and averageWte by role id", () => {
    expect(w.months.map((m) => m.month)).toEqual(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(Object.keys(w.months[0]!.roles)).toEqual(["clinical-pharmacist", "occupational-therapist", "paramedic"]);
    expect(w.months[0]!.roles.paramedic).toEqual({ wte: 1.5, headcount: 2 });
    expect(Object.keys(w.averageWte)).toEqual(["clinical-pharmacist", "occupational-therapist", "paramedic"]);
    expect(w.roleNames.paramedic).toMatch(/paramedic/i);
  });

  it("WTE by the days in post in the month; headcount on the month's last day", () => {
    // Pharmacist leaves 15 June: June 1.0 × 15 ÷ 30 = 0.5 WTE, not in post on 30 June.
    expect(w.months[2]!.roles["clinical-pharmacist"]).toEqual({ wte: 0.5, headcount: 0 });
    expect(w.months[3]!.roles["clinical-pharmacist"]).toEqual({ wte: 0, headcount: 0 });
    // OT joins 16 September at 0.6: September 0.6 × 15 ÷ 30 = 0.3 WTE; in post on 30 September.
    expect(w.months[5]!.roles["occupational-therapist"]).toEqual({ wte: 0.3, headcount: 1 });
    expect(w.months[4]!.roles["occupational-therapist"]).toEqual({ wte: 0, headcount: 0 });
  });

  it("adds up: Σ month WTE × days in the month ÷ 365 = the year's average WTE, role by role", () => {
    for (const [role, avg] of Object.entries(w.averageWte)) {
      const weighted = w.months.reduce((t, m, i) => t + m.roles[role]!.wte * DAYS[i]!, 0) / 365;
      expect(Math.abs(weighted - avg), role).toBeLessThanOrEqual(0.0001);
    }
    // Pharmacist: 76 days (30 + 31 + 15) → 1.0 × 76 ÷ 365 = 0.2082; OT: 197 days → 0.6 × 197 ÷ 365 = 0.3238;
    // paramedics: 1.0 + 0.5 all year = 1.5.
    expect(w.averageWte).toEqual({ "clinical-pharmacist": 0.2082, "occupational-therapist": 0.3238, paramedic: 1.5 });
  });

  it("compare, the projection and the exports' average WTE is the workforce table's, for each role and year", () => {
    const c = compareScenarios([
      { id: "a", name: "A", firstYear: "2026/27", years: 2, results: r },
      { id: "b", name: "B", firstYear: "2026/27", years: 2, results: r },
    ]);
    r.years.forEach((y, i) => {
      const rows = c.years.find((cy) => cy.financialYear === y.financialYear)!.rows;
      for (const [role, avg] of Object.entries(y.workforce.averageWte)) {
        expect(rows.find((row) => row.measure.id === `wte:${role}`)!.values[0]!.value, `${y.financialYear} ${role}`).toBe(avg);
      }
      const total = Object.values(y.workforce.averageWte).reduce((t, v) => t + Math.round(v * 10_000), 0) / 10_000;
      expect(rows.find((row) => row.measure.id === "wte")!.values[0]!.value).toBe(total);
      expect(r.summary.years[i]!.averageWte).toBe(total);
    });
  });
});

describe("the slip line: if recruitment takes longer", () => {
  it("nothing slips without a time to fill or an expected start", () => {
    const r = computeScenario(scenario(), ctx);
    expect(r.slip).toMatchObject({ cost: 0, claimable: 0, pcnFunded: 0, headroomFreed: 0, postsDelayed: 0, timeToFillMonths: null });
    expect(r.years.every((y) => y.slip.cost === 0 && y.slip.postsDelayed === 0)).toBe(true);
  });

  it("a time to fill moves each proposed post's start; the plan's own figures do not change", () => {
    const planned = computeScenario(scenario(), ctx);
    const r = computeScenario(scenario({ assumptions: { timeToFillMonths: 4 } }), ctx);
    expect(r.years.map((y) => y.totals)).toEqual(planned.years.map((y) => y.totals));
    // OT 16 Sep → 16 Jan 2027; paramedic 1 Apr → 1 Aug 2026; existing posts never slip.
    expect(r.years[0]!.slip.postsDelayed).toBe(2);
    expect(r.years[1]!.slip.postsDelayed).toBe(0);
    expect(r.slip.postsDelayed).toBe(2);
    expect(r.slip.label).toBe("if recruitment takes 4 months");
    // The slip equals the planned figures minus the same posts priced from the later start.
    const later = computeScenario(
      scenario({ posts: posts.map((p) => (p.id === "ot" ? { ...p, start: "2027-01-16" } : p.id === "para" ? { ...p, start: "2026-08-01" } : p)) }),
      ctx,
    );
    const y0 = r.years[0]!;
    const diff = (a: number, b: number) => Math.round(a * 100 - b * 100) / 100;
    expect(y0.slip.cost).toBe(diff(planned.years[0]!.totals.cost, later.years[0]!.totals.cost));
    expect(y0.slip.claimable).toBe(diff(planned.years[0]!.totals.claimable, later.years[0]!.totals.claimable));
    expect(y0.slip.pcnFunded).toBe(diff(planned.years[0]!.totals.pcnFunded, later.years[0]!.totals.pcnFunded));
    expect(y0.slip.headroomFreed).toBe(diff(later.years[0]!.totals.headroom, planned.years[0]!.totals.headroom));
    expect(y0.slip.cost).toBeGreaterThan(0);
    // The slip is cost that is not spent: the claimable and PCN-funded parts add up to it, to the penny.
    expect(Math.round(y0.slip.claimable * 100) + Math.round(y0.slip.pcnFunded * 100)).toBe(Math.round(y0.slip.cost * 100));
    expect(r.slip.cost).toBe(diff(y0.slip.cost, -r.years[1]!.slip.cost));
  });

  it("four months of a 1.0 WTE post slip: April to July of its monthly cost, in pence", () => {
    // One 1.0 WTE post all year from 1 April; expected 1 August. Every month is a full month, so the slip is
    // exactly the four monthly figures April + May + June + July of the planned post.
    const one = (extra: Partial<ScenarioBodyInput> = {}) => ScenarioBodySchema.parse({ name: "One", firstYear: "2026/27", years: 1, posts: [{ id: "p", role: "clinical-pharmacist", band: "7", point: 1, wte: 1, start: "2026-04-01" }], ...extra });
    const planned = computeScenario(one(), ctx).years[0]!;
    const r = computeScenario(one({ assumptions: { timeToFillMonths: 4 } }), ctx).years[0]!;
    const firstFour = planned.posts[0]!.months.slice(0, 4);
    const sum = (k: "cost" | "claimable" | "pcnFunded") => firstFour.reduce((t, m) => t + Math.round(m[k] * 100), 0) / 100;
    expect(r.slip.cost).toBe(sum("cost"));
    expect(r.slip.claimable).toBe(sum("claimable"));
    expect(r.slip.pcnFunded).toBe(sum("pcnFunded"));
    expect(r.slip.headroomFreed).toBe(sum("claimable"));
  });

  it("a post's own expected start takes precedence over the time to fill", () => {
    const withOwn = posts.map((p) => (p.id === "para" ? { ...p, expectedStart: "2026-05-01" } : p));
    const r = computeScenario(scenario({ posts: withOwn, assumptions: { timeToFillMonths: 4 } }), ctx);
    const only = computeScenario(scenario({ posts: posts.map((p) => (p.id === "para" ? { ...p, start: "2026-05-01" } : p.id === "ot" ? { ...p, start: "2027-01-16" } : p)) }), ctx);
    const planned = computeScenario(scenario(), ctx);
    expect(r.years[0]!.slip.cost).toBe(Math.round(planned.years[0]!.totals.cost * 100 - only.years[0]!.totals.cost * 100) / 100);
    expect(r.slip.label).toBe("if recruitment takes 4 months (or until a post's own expected start date)");
  });
});

describe("expectedStart and timeToFillMonths: bad input in words", () => {
  const base = { role: "clinical-pharmacist", band: "7", point: 1, wte: 1, start: "2026-06-01" };
  const message = (p: object) => {
    const r = ScenarioPostSchema.safeParse(p);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" | ");
  };
  it.each([
    [{ ...base, expectedStart: "2026-05-01" }, /expectedStart: Expected start date 1 May 2026 is before the planned start date 1 Jun 2026/],
    [{ ...base, status: "existing", expectedStart: "2026-09-01" }, /this post is marked existing/],
    [{ ...base, end: "2026-08-31", expectedStart: "2026-09-01" }, /would never be filled/],
    [{ ...base, expectedStart: "2026-02-30" }, /Expected start date must be a real date/],
  ])("%j is refused", (p, re) => {
    expect(message(p)).toMatch(re);
  });
  it("a later expected start is accepted", () => {
    expect(message({ ...base, expectedStart: "2026-10-01" })).toBeNull();
  });
  it.each([25, -1, 2.5, "four"])("time to fill %j is refused", (v) => {
    const r = ScenarioBodySchema.safeParse({ name: "x", firstYear: "2026/27", years: 1, assumptions: { timeToFillMonths: v } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/Time to fill must be a whole number of months from 0 to 24|Time to fill/);
  });
});
