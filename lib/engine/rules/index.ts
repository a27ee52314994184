import type { FinancialYear } from "../calendar";
import { RULES_2023_24 } from "./2023-24";
import { RULES_2024_25 } from "./2024-25";
import { RULES_2025_26 } from "./2025-26";
import { RULES_2026_27 } from "./2026-27";
import type { FinancialYearRules } from "./types";

export type * from "./types";

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
