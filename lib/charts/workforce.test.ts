import { describe, expect, it } from "vitest";
import { workforceChartData } from "./workforce";
import type { WorkforceYear } from "@/lib/planner/types";

const year = (months: [string, Record<string, number>][], roleNames: Record<string, string>): { workforce: WorkforceYear } => ({
  workforce: { months: months.map(([month, roles]) => ({ month, roles: Object.fromEntries(Object.entries(roles).map(([r, wte]) => [r, { wte, headcount: wte > 0 ? 1 : 0 }])) })), averageWte: {}, roleNames },
});

describe("workforceChartData", () => {
  it("one row per month over the years, every role in each (0 where a year has none), and an exact total", () => {
    const d = workforceChartData([
      year([["2026-04", { paramedic: 0.1, dietitian: 0.2 }]], { paramedic: "Paramedic", dietitian: "Dietitian" }),
      year([["2027-04", { "care-coordinator": 1 }]], { "care-coordinator": "Care coordinator" }),
    ]);
    expect(d.roles.map((r) => r.id)).toEqual(["paramedic", "dietitian", "care-coordinator"]);
    // 0.1 + 0.2 = 0.3 exactly (in ten-thousandths: 1000 + 2000 = 3000), not 0.30000000000000004
    expect(d.months[0]).toEqual({ month: "2026-04", paramedic: 0.1, dietitian: 0.2, "care-coordinator": 0, total: 0.3 });
    expect(d.months[1]).toEqual({ month: "2027-04", paramedic: 0, dietitian: 0, "care-coordinator": 1, total: 1 });
  });
});
