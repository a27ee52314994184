// Recalculates an agreed plan and stores its years (lib/server/claims/plan-store.ts): when it is
// agreed, and when the ICB's view finds a stored row missing or stale. Apart from plan-store.ts so
// that the scenarios module (which writes the store on save) does not import itself back.
import { planYearOf, type PlanYear } from "@/lib/claims/plan-year";
import type { Db } from "../db/create-prisma";
import { getAuthorisedScenarioWithResults, type PlannerContextCache } from "../scenarios/scenarios";
import { currentKey, writePlanYears } from "./plan-store";

/**
 * Prices the scenario afresh and stores every year; returns the years (stored or, when the write
 * fails, unstored — the figures are the same). The key's data version is read before pricing.
 */
export async function storeAgreedPlan(db: Db, scenarioId: string, now: Date = new Date(), contexts?: PlannerContextCache): Promise<PlanYear[]> {
  const row = await db.scenario.findUnique({ where: { id: scenarioId }, select: { version: true } });
  const before = await currentKey(db, row?.version ?? 0);
  const scenario = await getAuthorisedScenarioWithResults(db, scenarioId, now, contexts);
  const labels = new Map(scenario.posts.map((p) => [p.id ?? "", p.label]));
  try {
    // Under the version actually priced (a save may have come between the two reads).
    return await writePlanYears(db, scenario.id, { ...before, scenarioVersion: scenario.version }, scenario.results, labels, now);
  } catch {
    return scenario.results.years.map((y) => planYearOf(y, labels));
  }
}
