// Salary from Agenda for Change band + point, plus the High Cost Area Supplement (HCAS) for the
// area: a share of basic pay between a cash minimum and maximum (domain.md §4). HCAS is pensionable.
import { divRoundHalfUp, poundsToPence, rateToPpm } from "./money";
import type { AfcBand, Area } from "./roles";
import type { FinancialYearRules } from "./rules/types";

/** Annual full-time basic pay in pence, or null for an unknown band/point. */
export function afcBasicPence(rules: FinancialYearRules, band: AfcBand, point: number): number | null {
  const pounds = rules.afc[band]?.points[point - 1];
  return pounds === undefined ? null : poundsToPence(pounds);
}

/** HCAS in pence on an annual basic salary (0 outside London and the fringe), rounded half up. */
export function hcasPence(rules: FinancialYearRules, area: Area, basicPence: number): number {
  if (area === "national") return 0;
  const zone = rules.hcas[area];
  const raw = divRoundHalfUp(basicPence * rateToPpm(zone.rate), 1_000_000);
  return Math.min(Math.max(raw, poundsToPence(zone.minimum)), poundsToPence(zone.maximum));
}
