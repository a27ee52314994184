// What the outturn and the ICB's view need of an agreed plan for one financial year, taken from the
// plan's results: the year's entitlement and how it is known, the estimates it rests on, the
// claimable month by month and the posts. The PCN's own outturn derives it from a fresh
// calculation; the ICB's view reads it as stored when the plan was agreed or saved
// (docs/decisions/019-stored-plan-results.md) — the same function makes both, so they are equal.
// Pure (no clock, no database).
import type { ScenarioResults, YearResult } from "@/lib/planner/types";
import type { PlanPost } from "./outturn";
import { planPostsOf, toPence } from "./plan";
import { monthsOfYear } from "./types";

export interface PlanYearFigures {
  financialYear: string;
  entitlementPence: number;
  weightedPopulation: number;
  /** "given" | "icb-confirmed" | "imported" | "estimate". */
  weightedPopulationProvenance: string;
  /** The entitlement is an estimate: the weighted population is estimated or the year is projected. */
  entitlementIsEstimate: boolean;
  /** The estimates and projections the year rests on, in words ("Rate per weighted patient: projection"). */
  estimates: string[];
  /** The plan's claimable month by month, April to March, in pence. */
  plannedPence: number[];
}

export interface PlanYear extends PlanYearFigures {
  posts: PlanPost[];
}

/** One year of an agreed plan's results as the outturn needs it. */
export function planYearOf(year: YearResult, labels: Map<string, string>): PlanYear {
  const posts = planPostsOf(year, labels);
  const months = monthsOfYear(year.financialYear);
  const index = new Map(months.map((m, i) => [m, i]));
  const plannedPence = months.map(() => 0);
  for (const p of posts) for (const m of p.months) if (index.has(m.month)) plannedPence[index.get(m.month)!]! += m.claimablePence;
  return {
    financialYear: year.financialYear,
    entitlementPence: toPence(year.entitlement),
    weightedPopulation: year.weightedPopulation.value,
    weightedPopulationProvenance: year.weightedPopulation.provenance,
    entitlementIsEstimate: year.weightedPopulation.provenance === "estimate" || year.projection,
    estimates: year.estimates.map((e) => `${e.label}: ${e.status}`),
    plannedPence,
    posts,
  };
}

/** Every year of a plan's results (labels: post id → the post's label in the plan). */
export function planYearsOf(results: ScenarioResults, labels: Map<string, string>): PlanYear[] {
  return results.years.map((y) => planYearOf(y, labels));
}

/**
 * The plan as the ICB's sums need it: one post holding the plan's claimable by month. The outturn's
 * months, to-date and forecast figures are sums by month, so they are the same as with every post.
 */
export function planTotalsAsPost(figures: Pick<PlanYearFigures, "financialYear" | "plannedPence">): PlanPost[] {
  const months = monthsOfYear(figures.financialYear);
  return [{ postId: "plan", label: "The agreed plan", role: "plan", months: months.map((month, i) => ({ month, claimablePence: figures.plannedPence[i] ?? 0, wteTenThousandths: 0 })) }];
}
