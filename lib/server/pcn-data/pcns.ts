// PCN data access, by concern: search (pcn-search.ts), members and registered population
// (pcn-population.ts), the weighted population a calculation should use and the editor's
// ICB-confirmed figure (weighted-population.ts), entitlement (entitlement.ts), and the PCN page /
// API detail and planner view (pcn-profile.ts). This file re-exports them for existing importers.
export { searchKey, searchPcns, type PcnSearchItem, type PcnSearchResult } from "./pcn-search";
export type { AgeProfile, PcnPracticeRow } from "./pcn-population";
export {
  estimateWeighted,
  latestRatio,
  resolveWeightedPopulation,
  setConfirmedWeightedPopulation,
  type WeightedPopulationResolution,
  type WeightedProvenance,
} from "./weighted-population";
export type { EntitlementRow } from "./entitlement";
export { getPcnDetail, getPcnDetailOrThrow, getPcnForPlanner, type PcnDetail, type PlannerPcn } from "./pcn-profile";
