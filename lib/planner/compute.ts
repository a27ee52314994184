// Computes a scenario's results: the same code runs on the server (API GET) and in the browser
// (the planner recomputes on every edit). Pure: no database, no clock.
import type { ScenarioBody } from "@/lib/schemas/scenario";
import type { PlannerContext, ScenarioResults } from "./types";

export function computeScenario(scenario: ScenarioBody, ctx: PlannerContext): ScenarioResults {
  void scenario;
  void ctx;
  throw new Error("computeScenario: being written (lib/planner/compute.ts)");
}
