import { financialYearLabel, parseFinancialYear, type FinancialYear, type IsoDate } from "../calendar";
import { RULES_2023_24 } from "./2023-24";
import { RULES_2024_25 } from "./2024-25";
import { RULES_2025_26 } from "./2025-26";
import { RULES_2026_27 } from "./2026-27";
import type { FinancialYearRules } from "./types";

export type * from "./types";
export * from "./status";

/** Every financial year the engine has rules for, oldest first. Adding a year = adding a file. */
export const RULES_BY_YEAR: Readonly<Record<string, FinancialYearRules>> = Object.freeze({
  "2023/24": RULES_2023_24,
  "2024/25": RULES_2024_25,
  "2025/26": RULES_2025_26,
  "2026/27": RULES_2026_27,
});

export const FINANCIAL_YEARS = Object.keys(RULES_BY_YEAR) as FinancialYear[];

export function isSupportedFinancialYear(fy: string): fy is FinancialYear {
  return Object.prototype.hasOwnProperty.call(RULES_BY_YEAR, fy);
}

export function getRules(fy: string): FinancialYearRules | undefined {
  return RULES_BY_YEAR[fy];
}

/** The first financial year the app plans: the oldest rule table. */
export const FIRST_FINANCIAL_YEAR: FinancialYear = FINANCIAL_YEARS[0]!;
/** The latest year with a rule table; later years are projected from it (lib/engine/project.ts). */
export const LATEST_RULES_YEAR: FinancialYear = FINANCIAL_YEARS[FINANCIAL_YEARS.length - 1]!;
/** How many years after the current one a plan, estimate or scenario may start. */
export const YEARS_AHEAD = 3;

/** The financial year a date falls in (1 April – 31 March): "2026-12-04" → "2026/27". */
export function financialYearOf(date: IsoDate): FinancialYear {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return financialYearLabel(m >= 4 ? y : y - 1);
}

/**
 * The financial years offered and accepted when today falls in `current`: 2023/24 to three years
 * after the current one (and never fewer than the years with rule tables), oldest first.
 */
export function financialYearsFor(current: FinancialYear): FinancialYear[] {
  const first = parseFinancialYear(FIRST_FINANCIAL_YEAR)!;
  const last = Math.max(parseFinancialYear(current)! + YEARS_AHEAD, parseFinancialYear(LATEST_RULES_YEAR)!);
  const out: FinancialYear[] = [];
  for (let y = first; y <= last; y++) out.push(financialYearLabel(y));
  return out;
}

/** Why `fy` is not a year the app accepts when today falls in `current`, in plain words; null if it is. */
export function financialYearProblem(fy: string, current: FinancialYear, what = "The financial year"): string | null {
  const years = financialYearsFor(current);
  const start = parseFinancialYear(fy);
  const range = `${years[0]} to ${years[years.length - 1]}`;
  if (start === null) return `${what} must be written like ${current} (the year starting 1 April, then the last two digits of the next year).`;
  if (!years.includes(fy as FinancialYear)) {
    return start < parseFinancialYear(years[0]!)!
      ? `${what} ${fy} is before ${years[0]}, the first year the planner has ARRS rules for. Choose a year from ${range}.`
      : `${what} ${fy} is too far ahead: plans can start at most ${YEARS_AHEAD} years after the current financial year (${current}). Choose a year from ${range}.`;
  }
  return null;
}
