// The optimiser request from issue 15 that held the server for ~15 s when HiGHS ran on the main
// thread: 30 candidates × 6 WTE options, each valued in proportion to its cost, and a £1,234
// PCN-funded budget (a knapsack where almost every mix is worth nearly the same per pound, so
// proving the optimum takes the solver seconds).
import { ROLE_IDS } from "@/lib/engine";

export function hardOptimiseRequest(weightedPopulation = 52_000) {
  const roles = ROLE_IDS.filter((r) => r !== "gp" && r !== "mental-health-practitioner" && r !== "commissioner-approved");
  const areas = ["national", "outer-london", "inner-london", "fringe"] as const;
  const candidates = Array.from({ length: 30 }, (_, i) => {
    const annualSalary = 30_000 + ((i * 7919) % 25_000);
    return {
      id: `c${i + 1}`,
      role: roles[i % roles.length]!,
      annualSalary,
      area: areas[i % 4]!,
      start: "2025-04-01",
      wteOptions: [0.5, 0.6, 0.7, 0.8, 0.9, 1],
      // In proportion to cost: £1 of salary is worth the same whichever post it buys.
      value: Math.round(annualSalary / 10) / 100,
      min: 0,
      max: 3,
    };
  });
  return { financialYear: "2025/26", pcn: { weightedPopulation }, existingPosts: [], candidates, limits: { pcnFundedMax: 1234 }, alternatives: 3 };
}
