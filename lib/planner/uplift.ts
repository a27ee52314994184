// The planner's switch for a year's expected backdated uplift (assumption expectedUplift): which
// years of a plan have one, whether it is on, and what switching it on adds to that year's
// claimable — computed with the engine both ways. Pure; runs in the browser.
import { getRules } from "@/lib/engine";
import { scenarioYears, type ScenarioAssumptions, type ScenarioBody } from "@/lib/schemas/scenario";
import { computeScenario } from "./compute";
import type { PlannerContext } from "./types";

export interface UpliftSwitch {
  financialYear: string;
  /** The year's place in the plan (0 = first year). */
  index: number;
  /** The uplift table's title, e.g. "2026/27 after the full 3.3% AfC award, …". */
  title: string;
  defaultOn: boolean;
  /** Whether the uplift applies now (the scenario's choice, else the table's default). */
  on: boolean;
  /** Whether the scenario states the choice (false = the default applies). */
  given: boolean;
  /** Claimable in that year with the uplift on minus with it off, in pounds (≥ 0 in practice). */
  switchedOnAdds: number;
}

/** The year's choice as the calculation reads it: byYear wins over the first year's top-level field. */
export function upliftChoice(s: ScenarioBody, index: number, fy: string): boolean | undefined {
  return s.assumptions.byYear?.[fy]?.expectedUplift ?? (index === 0 ? s.assumptions.expectedUplift : undefined);
}

type UpliftFields = Pick<ScenarioAssumptions, "expectedUplift" | "byYear">;

/** Assumptions with the year's uplift set to `on` (first year: `expectedUplift`; later years: `byYear`). */
export function setUplift<T extends UpliftFields>(a: T, index: number, fy: string, on: boolean): T {
  const byYear = { ...(a.byYear ?? {}) };
  if (index > 0 || byYear[fy]?.expectedUplift !== undefined) byYear[fy] = { ...(byYear[fy] ?? {}), expectedUplift: on };
  return { ...a, ...(index === 0 ? { expectedUplift: on } : {}), ...(Object.keys(byYear).length ? { byYear } : {}) };
}

export function withUplift(s: ScenarioBody, index: number, fy: string, on: boolean): ScenarioBody {
  return { ...s, assumptions: setUplift(s.assumptions, index, fy, on) };
}

/** Every year of the plan whose rules have a backdated uplift table, with what switching it on adds. */
export function upliftSwitches(s: ScenarioBody, ctx: PlannerContext): UpliftSwitch[] {
  const out: UpliftSwitch[] = [];
  scenarioYears(s.firstYear, s.years).forEach((fy, index) => {
    const table = getRules(fy)?.capTables.find((t) => t.backdatedUplift);
    if (!table) return;
    const given = upliftChoice(s, index, fy);
    // Only the years up to this one affect its claimable: price just those, both ways.
    const claimable = (on: boolean) => computeScenario({ ...withUplift(s, index, fy, on), years: index + 1 }, ctx).years[index]!.totals.claimable;
    const adds = Math.round((claimable(true) - claimable(false)) * 100) / 100;
    out.push({
      financialYear: fy,
      index,
      title: table.title,
      defaultOn: table.backdatedUplift!.defaultOn,
      on: given ?? table.backdatedUplift!.defaultOn,
      given: given !== undefined,
      switchedOnAdds: adds,
    });
  });
  return out;
}
