// 'Today' for the app comes from the server's clock, here at the edge (never inside lib/engine):
// the current financial year, the years offered in every year select and accepted by the API.
// Functions take `now` so tests can fix the date.
import { financialYearOf, financialYearProblem, financialYearsFor, FIRST_FINANCIAL_YEAR, parseFinancialYear, type FinancialYear } from "@/lib/engine";
import type { FieldIssue } from "./errors";

/** The financial year the server's date falls in (UTC). */
export function currentFinancialYear(now: Date = new Date()): FinancialYear {
  return financialYearOf(now.toISOString().slice(0, 10));
}

/** The years every select offers and the API accepts, and the default (the current year). */
export function yearChoices(now: Date = new Date()): { current: FinancialYear; years: FinancialYear[] } {
  const current = currentFinancialYear(now);
  return { current, years: financialYearsFor(current) };
}

/**
 * The issue (at `key`) when the raw body's year is well formed but too far ahead today; null
 * otherwise (a malformed or too early year is the schema's to report). Checked beside the schema
 * so a body with several problems gets them all in one answer.
 */
export function financialYearIssue(body: unknown, key: string, what: string, now: Date = new Date()): FieldIssue | null {
  const fy = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof fy !== "string") return null;
  const start = parseFinancialYear(fy);
  if (start === null || start < parseFinancialYear(FIRST_FINANCIAL_YEAR)!) return null;
  const problem = financialYearProblem(fy, currentFinancialYear(now), what);
  return problem ? { path: key, message: problem } : null;
}
