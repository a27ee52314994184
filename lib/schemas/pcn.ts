// zod schemas for PCN inputs: the search query (API and /pcns page), a PCN code in a URL or on
// the command line, and the ICB-confirmed weighted population an editor enters (form and data
// access). Types come from z.infer.
import "./zod-csp";
import * as z from "zod";
import { toScaledInteger } from "@/lib/engine";
import { financialYearField } from "./common";

export const PCN_SEARCH_MAX_PAGE_SIZE = 100;
export const PCN_SEARCH_DEFAULT_PAGE_SIZE = 20;
export const MAX_WEIGHTED_POPULATION = 2_000_000;

/** An optional positive whole number given as a query-string value ("" or absent = default). */
const wholeNumberParam = (min: number, max: number, fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || (typeof v === "string" && v.trim() === "")) return fallback;
      const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** GET /api/v1/pcns?q=&page=&pageSize= and the /pcns page's ?q=&page=. */
export const PcnSearchQuerySchema = z.object({
  q: z
    .string()
    .max(100, "must be at most 100 characters")
    .optional()
    .transform((v) => (v ?? "").trim()),
  page: wholeNumberParam(1, 100_000, 1),
  pageSize: wholeNumberParam(1, PCN_SEARCH_MAX_PAGE_SIZE, PCN_SEARCH_DEFAULT_PAGE_SIZE),
});
export type PcnSearchQuery = z.infer<typeof PcnSearchQuerySchema>;
export type PcnSearchQueryInput = z.input<typeof PcnSearchQuerySchema>;

/**
 * A PCN code wherever one is given — URL, command line, estimate request, editor's form: 1 to 10
 * letters and digits (NHS ODS codes such as U12345), trimmed, then upper-cased. The messages
 * never repeat what was typed.
 */
const PCN_CODE_RULE = "PCN code must be 1 to 10 letters and digits, e.g. U12345.";
export const PcnCodeSchema = z
  .string({ error: 'PCN code must be text, e.g. "U12345".' })
  .trim()
  .regex(/^[A-Za-z0-9]{1,10}$/, PCN_CODE_RULE)
  .transform((s) => s.toUpperCase());

/**
 * Any well-formed year from 2023/24 (a figure for a year without a rule table is kept, and used
 * when a plan reaches that year); how far ahead is checked against today's date by the server
 * (lib/server/today.ts: at most three years after the current one), as everywhere else.
 */
const financialYear = financialYearField("The financial year");

const weightedValue = z
  .number({ error: "enter the weighted population as a number, e.g. 41250.5" })
  .refine(Number.isFinite, "enter the weighted population as a number, e.g. 41250.5")
  .refine((v) => v > 0, "the weighted population must be more than 0")
  .refine((v) => v <= MAX_WEIGHTED_POPULATION, `the weighted population must be at most ${MAX_WEIGHTED_POPULATION.toLocaleString("en-GB")}`)
  .refine((v) => toScaledInteger(v, 2) !== null, "the weighted population can have at most 2 decimal places");

const text = (what: string, max: number) =>
  z
    .string({ error: `enter ${what}` })
    .trim()
    .min(1, `enter ${what}`)
    .max(max, `${what} must be at most ${max} characters`);

/** setConfirmedWeightedPopulation's input. */
export const ConfirmedWeightedPopulationSchema = z.object({
  code: PcnCodeSchema,
  financialYear,
  value: weightedValue,
  source: text("the source, e.g. ICB letter 14 Feb 2025", 200),
  enteredBy: text("your name", 100),
  enteredByUserId: z.number().int().positive().optional(),
  note: z
    .string()
    .trim()
    .max(500, "the note must be at most 500 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ConfirmedWeightedPopulation = z.infer<typeof ConfirmedWeightedPopulationSchema>;
export type ConfirmedWeightedPopulationInput = z.input<typeof ConfirmedWeightedPopulationSchema>;

/**
 * The editor's form: every field arrives as text. The value may be typed with thousands
 * separators ("41,250.5"); anything else that is not a plain decimal is rejected, never guessed.
 */
export const ConfirmedWeightedPopulationFormSchema = z.object({
  code: z.string(),
  financialYear: z.string(),
  value: z.string(),
  source: z.string(),
  enteredBy: z.string(),
  note: z.string().optional(),
});
export type ConfirmedWeightedPopulationForm = z.infer<typeof ConfirmedWeightedPopulationFormSchema>;

/** "41,250.50" → 41250.5; "" or "abc" or "1e5" → NaN (so the number schema reports it). */
export function parseWeightedPopulationText(raw: string): number {
  const s = raw.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}
