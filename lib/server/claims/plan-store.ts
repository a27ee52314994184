// The store of agreed plans' results (issue 18, item 4; docs/decisions/019-stored-plan-results.md):
// one AgreedPlanYear row per agreed scenario and financial year, written when a plan is agreed or
// saved, read by the ICB's view instead of re-pricing every plan. A row is used only while its key
// — the scenario's version, the reference data's version and the rules key — matches; the reader
// recalculates and writes it again otherwise. What is stored is lib/claims/plan-year.ts's planYearOf
// of a fresh calculation, so a fresh row is exactly what a fresh calculation gives.
// No "server-only": tests and the bench call it with their own Db.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { planYearsOf, type PlanYear, type PlanYearFigures } from "@/lib/claims/plan-year";
import { FINANCIAL_YEARS, getRules, PROJECTION_DEFAULTS } from "@/lib/engine";
import { PLANNER_DEFAULTS } from "@/lib/planner/compute";
import type { ScenarioResults } from "@/lib/planner/types";
import type { Db } from "../db/create-prisma";
import { readDataVersion } from "../pcn-data/data-version";
import pkg from "@/package.json";

/** Bump when what is stored, or how it is made, changes: every stored row is then stale. */
export const PLAN_STORE_FORMAT = 1;

let memoRulesKey: string | null = null;

/** The built app's id (.next/BUILD_ID), so a new build's code never reads an old build's rows; "dev" without one. */
function buildId(): string {
  try {
    return fs.readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

/**
 * Everything besides the scenario and the reference data that a plan's results depend on: every
 * year's rule table, the projection and planner defaults, the app's version and build, and the
 * store's format. Computed once per process.
 */
export function planStoreRulesKey(): string {
  if (memoRulesKey) return memoRulesKey;
  const inputs = JSON.stringify({
    rules: FINANCIAL_YEARS.map((fy) => getRules(fy)),
    projection: PROJECTION_DEFAULTS,
    planner: PLANNER_DEFAULTS,
    app: pkg.version,
    build: buildId(),
    format: PLAN_STORE_FORMAT,
  });
  memoRulesKey = createHash("sha256").update(inputs).digest("hex").slice(0, 32);
  return memoRulesKey;
}

export interface PlanStoreKey {
  scenarioVersion: number;
  dataVersion: string;
  rulesKey: string;
}

/** The parts of the key that are the same for every scenario now: the data version and the rules key. */
export async function dataKey(db: Db): Promise<Omit<PlanStoreKey, "scenarioVersion">> {
  return { dataVersion: await readDataVersion(db), rulesKey: planStoreRulesKey() };
}

/** The key a row must have to be used now, for a scenario at `scenarioVersion`. */
export async function currentKey(db: Db, scenarioVersion: number): Promise<PlanStoreKey> {
  return { scenarioVersion, ...(await dataKey(db)) };
}

export const sameKey = (a: PlanStoreKey, b: PlanStoreKey) => a.scenarioVersion === b.scenarioVersion && a.dataVersion === b.dataVersion && a.rulesKey === b.rulesKey;

/**
 * Writes every year of a scenario's results under `key` (read BEFORE the results were calculated:
 * if the data changes meanwhile the rows carry the older version and are recalculated when read).
 * Replaces the scenario's rows. A failure to write is reported to the caller; readers recalculate.
 */
export async function writePlanYears(db: Db, scenarioId: string, key: PlanStoreKey, results: ScenarioResults, labels: Map<string, string>, now: Date = new Date()): Promise<PlanYear[]> {
  const years = planYearsOf(results, labels);
  await db.$transaction([
    db.agreedPlanYear.deleteMany({ where: { scenarioId } }),
    db.agreedPlanYear.createMany({
      data: years.map(({ posts, ...figures }) => ({
        scenarioId,
        financialYear: figures.financialYear,
        ...key,
        figures: JSON.stringify(figures),
        posts: JSON.stringify(posts),
        computedAt: now,
      })),
    }),
  ]);
  return years;
}

/** A stored row's figures (null when the text is not what this format writes: the row is then recalculated). */
export function parseFigures(text: string, financialYear: string): PlanYearFigures | null {
  try {
    const f = JSON.parse(text) as PlanYearFigures;
    const ok =
      f &&
      f.financialYear === financialYear &&
      Number.isSafeInteger(f.entitlementPence) &&
      typeof f.weightedPopulation === "number" &&
      typeof f.weightedPopulationProvenance === "string" &&
      typeof f.entitlementIsEstimate === "boolean" &&
      Array.isArray(f.estimates) &&
      Array.isArray(f.plannedPence) &&
      f.plannedPence.length === 12 &&
      f.plannedPence.every((p) => Number.isSafeInteger(p));
    return ok ? f : null;
  } catch {
    return null;
  }
}
