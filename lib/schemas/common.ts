import "./zod-csp";
import { z } from "zod";
import { FIRST_FINANCIAL_YEAR, parseFinancialYear, toScaledInteger } from "@/lib/engine";
import type { FieldIssue } from "@/lib/server/errors";

/** zod issues → the API's `issues` list: dotted paths ("posts.0.wte") and plain messages. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

const describe = (input: unknown) =>
  input === undefined ? "missing" : input === null ? "empty (null)" : typeof input === "string" ? `the text "${input.slice(0, 40)}"` : typeof input === "number" ? String(input) : `a ${Array.isArray(input) ? "list" : typeof input}`;

/** A number field with finance-friendly messages for missing / non-numeric input. */
export function numberField(label: string, example: string) {
  return z.number({
    error: (iss) =>
      iss.input === undefined ? `${label} is required.` : `${label} must be a number (e.g. ${example}), not ${describe(iss.input)}.`,
  });
}

/** Money in pounds: non-negative, at most 2 decimal places, below a sanity ceiling. */
export function poundsField(label: string, example: string, max: number) {
  return numberField(label, example)
    .refine((v) => Number.isFinite(v), { message: `${label} must be a finite number.` })
    .refine((v) => v >= 0, { message: `${label} cannot be negative.` })
    .refine((v) => v <= max, { message: `${label} looks too large: at most £${max.toLocaleString("en-GB")}.` })
    .refine((v) => toScaledInteger(v, 2) !== null, { message: `${label} can have at most 2 decimal places (pounds and pence).` });
}

/** A rate such as 0.15 (15%). */
export function rateField(label: string, example: string) {
  return numberField(label, example)
    .refine((v) => v >= 0 && v < 1, { message: `${label} must be a fraction between 0 and 1 (e.g. ${example} for ${Math.round(Number(example) * 10000) / 100}%).` })
    .refine((v) => toScaledInteger(v, 6) !== null, { message: `${label} can have at most 6 decimal places.` });
}

/** A yearly growth or pay award such as 0.03 (3%); may be negative down to -50%. */
export function growthField(label: string, example: string) {
  return numberField(label, example)
    .refine((v) => v > -0.5 && v < 1, { message: `${label} must be a fraction between -0.5 and 1 (e.g. ${example}).` })
    .refine((v) => toScaledInteger(v, 6) !== null, { message: `${label} can have at most 6 decimal places.` });
}

/**
 * A financial year written like 2026/27, from the first year with rules (2023/24). How far ahead
 * a year may be depends on today's date, so the server checks that (financialYearProblem) with
 * its clock after parsing.
 */
export function financialYearField(what: string) {
  return z
    .string({ error: `${what} is required, written like 2026/27 (the year starting 1 April, then the last two digits of the next year).` })
    .refine((v) => parseFinancialYear(v) !== null, { message: `${what} must be written like 2026/27 (the year starting 1 April, then the last two digits of the next year).` })
    .refine((v) => parseFinancialYear(v) === null || parseFinancialYear(v)! >= parseFinancialYear(FIRST_FINANCIAL_YEAR)!, {
      message: `${what} must be ${FIRST_FINANCIAL_YEAR} or later: the planner has no ARRS rules for earlier years.`,
    });
}
