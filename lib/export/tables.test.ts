// The claims schedule's "Expected payment month": the claim month plus the claim lag the cash flow
// uses (the scenario's, else the planner's default of 2 months).
import { describe, expect, it } from "vitest";
import { claimsTable, exportTables, type ExportSource } from "./tables";

const month = (m: string, claimable: number, daysInPost = 30) => ({ month: m, daysInPost, salary: claimable, employerNi: 0, employerPension: 0, cost: claimable, cap: claimable, claimable });

function source(claimLagMonths?: number): ExportSource {
  return {
    kind: "scenario",
    title: "Test",
    firstYear: "2025/26",
    years: 1,
    posts: [{ id: "ot-1", label: "OT", status: "proposed", role: "occupational-therapist", band: "7", point: 1, wte: 1 } as ExportSource["posts"][number]],
    results: [
      {
        financialYear: "2025/26",
        // not in post in April; in post May, November, February and March
        posts: [{ id: "ot-1", roleName: "Occupational therapist", wte: 1, months: [month("2025-04", 0, 0), month("2025-05", 100), month("2025-11", 200), month("2026-02", 300), month("2026-03", 400)] }],
      } as unknown as ExportSource["results"][number],
    ],
    ...(claimLagMonths === undefined ? {} : { summary: { claimLagMonths } as ExportSource["summary"] }),
    generatedAt: "2026-01-01T00:00:00.000Z",
    appVersion: "test",
  };
}

const expected = (claimLagMonths?: number) => {
  const t = claimsTable(source(claimLagMonths));
  const at = t.columns.findIndex((c) => c.header === "Expected payment month");
  const monthAt = t.columns.findIndex((c) => c.header === "Month");
  return { t, pairs: t.rows.map((r) => [r[monthAt], r[at]]), column: t.columns[at] };
};

describe("claims schedule: expected payment month", () => {
  it("is each claim month plus the scenario's claim lag (3 months), across the year end", () => {
    const { pairs, column, t } = expected(3);
    expect(column).toEqual({ header: "Expected payment month", kind: "month" });
    expect(pairs).toEqual([
      ["2025-05", "2025-08"],
      ["2025-11", "2026-02"],
      ["2026-02", "2026-05"],
      ["2026-03", "2026-06"],
    ]);
    expect(t.title).toMatch(/3 months later/);
  });

  it("uses the planner's default lag of 2 months for a quick estimate (no cash flow of its own)", () => {
    expect(expected(undefined).pairs).toEqual([
      ["2025-05", "2025-07"],
      ["2025-11", "2026-01"],
      ["2026-02", "2026-04"],
      ["2026-03", "2026-05"],
    ]);
  });

  it("a lag of 0: paid in the month claimed", () => {
    expect(expected(0).pairs.every(([m, p]) => m === p)).toBe(true);
  });
});

// The Summary sheet's "Estimates and projections used" (walkthrough with England's data, Bristol
// Inner City's 3-year plan): every figure said "(estimate)" — a derived pay point, an assumed
// pension rate — and a projected year counted its projected figures twice ("41: …" for 21 figures).
describe("summary: estimates and projections used", () => {
  const fig = (id: string, label: string, status: string) => ({ id, label, value: 1, status, source: "s" });
  function summaryCell(year: Record<string, unknown>): string {
    const src: ExportSource = {
      kind: "scenario",
      title: "Test",
      firstYear: "2027/28",
      years: 1,
      posts: [],
      results: [{ financialYear: "2027/28", entitlement: 0, totals: { cost: 0, claimable: 0, pcnFunded: 0, headroom: 0 }, weightedPopulation: { value: 1, provenance: "given" }, posts: [], months: [], figures: [], ...year } as unknown as ExportSource["results"][number]],
      generatedAt: "2026-01-01T00:00:00.000Z",
      appVersion: "test",
    };
    const summary = exportTables(src).find((t) => t.name === "Summary")!;
    const at = summary.columns.findIndex((c) => c.header === "Estimates and projections used");
    return String(summary.rows[0]![at]);
  }

  it("gives each figure its own status", () => {
    const cell = summaryCell({
      isEstimate: true,
      estimates: [fig("wp", "Weighted population", "estimate"), fig("afc", "AfC band 7, point 3", "derived"), fig("pen", "Employer pension rate", "assumption")],
    });
    expect(cell).toBe("3: Weighted population (estimate); AfC band 7, point 3 (derived); Employer pension rate (assumption)");
  });

  it("lists a projected figure once, as a projection, though it is in both estimates and projections", () => {
    const rate = fig("2027/28 rate", "ARRS entitlement: £ per weighted patient", "projection");
    const ni = fig("2027/28 ni", "Employer NI rate", "projection");
    const cell = summaryCell({ isEstimate: true, projection: true, estimates: [fig("wp", "Weighted population", "estimate"), rate, ni], projections: [rate, ni] });
    // 3 figures: the weighted population and the two projected ones, not 3 + 2 = 5
    expect(cell).toBe("3: Weighted population (estimate); ARRS entitlement: £ per weighted patient (projection); Employer NI rate (projection)");
  });
});
