// zod schemas for the population-data importer: one schema per CSV row shape and one for the
// admin upload form. Row schemas take the raw (string) cells keyed by field name and return
// typed, normalised values. Issue messages are the "expected …" half of a sentence; the importer
// prefixes "line N: COLUMN is 'value', " so a finance lead reads e.g.
// "line 1,204: NUMBER_OF_PATIENTS is 'abc', expected a whole number".
import * as z from "zod";
import { PcnCodeSchema } from "./pcn";

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Parses the date formats NHS files use: `2026-08-01`, `01Aug2026` (also `1 Aug 2026`,
 * `01-AUG-2026`, `1 August 2026`) and UK `01/08/2026`. Returns ISO yyyy-mm-dd or null.
 */
export function parseNhsDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[\s-]?([A-Za-z]{3,9})[\s-]?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** "2024/25", "2024-25", "2024/2025" → "2024/25"; null unless the years are consecutive. */
export function parseFinancialYear(raw: string): string | null {
  const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2]!.length === 4 ? Number(m[2]) : Math.floor(start / 100) * 100 + Number(m[2]);
  const endFixed = end < start ? end + 100 : end; // 2099/00
  if (endFixed !== start + 1) return null;
  return `${start}/${String(endFixed % 100).padStart(2, "0")}`;
}

/** The financial year that a 1 January base date in `year` sets figures for: 2025 → "2025/26". */
export function financialYearFromJanuaryBase(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

// Dates repeat on every row of a file: remember the last few answers.
const dateCache = new Map<string, string | null>();
function parseNhsDateCached(raw: string): string | null {
  let hit = dateCache.get(raw);
  if (hit === undefined) {
    hit = parseNhsDate(raw);
    if (dateCache.size > 100) dateCache.clear();
    dateCache.set(raw, hit);
  }
  return hit;
}

const WHOLE = /^\d+$/;
const WHOLE_WITH_COMMAS = /^-?\d{1,3}(,\d{3})+$|^-?\d+$/;
const DECIMAL = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^-?\.\d+$/;
/** Cells that mean "no figure" in the practice-level tables. */
const NO_VALUE = /^(|-|n\/a|na|no_data|null)$/i;

function text(s: string | undefined): string {
  return (s ?? "").trim();
}

/** Larger than England's population: no count or population in these files can exceed it. */
export const MAX_PEOPLE = 100_000_000;
/** The largest PCN is ~260,000; a PCN or practice weighted/adjusted figure above this is an error. */
export const MAX_POPULATION_FIGURE = 5_000_000;

/** A whole number of people, 0 or more (thousands separators allowed). */
export const PatientCountSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  let n: number;
  if (WHOLE.test(s)) n = Number(s);
  else if (WHOLE_WITH_COMMAS.test(s)) {
    if (s.startsWith("-")) {
      ctx.issues.push({ code: "custom", input: raw, message: "expected a whole number of 0 or more, not a negative one" });
      return z.NEVER;
    }
    n = Number(s.replace(/,/g, ""));
  } else {
    ctx.issues.push({ code: "custom", input: raw, message: "expected a whole number" });
    return z.NEVER;
  }
  if (!Number.isSafeInteger(n) || n > MAX_PEOPLE) {
    ctx.issues.push({ code: "custom", input: raw, message: `is larger than England's population (at most ${MAX_PEOPLE.toLocaleString("en-GB")})` });
    return z.NEVER;
  }
  return n;
});

/** An optional whole number of people: blank, "-", "N/A" → null. */
export const OptionalPatientCountSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const s = text(raw);
    if (NO_VALUE.test(s)) return null;
    const r = PatientCountSchema.safeParse(s);
    if (r.success) return r.data;
    ctx.issues.push({ code: "custom", input: raw, message: r.error.issues[0]?.message ?? "expected a whole number" });
    return z.NEVER;
  });

/** An optional population figure that may have decimals (adjusted/weighted); blank → null. */
export const OptionalPopulationSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const s = text(raw);
    if (NO_VALUE.test(s)) return null;
    if (!DECIMAL.test(s)) {
      ctx.issues.push({ code: "custom", input: raw, message: "expected a number" });
      return z.NEVER;
    }
    const n = Number(s.replace(/,/g, ""));
    if (n < 0) {
      ctx.issues.push({ code: "custom", input: raw, message: "expected a number of 0 or more, not a negative one" });
      return z.NEVER;
    }
    if (!Number.isFinite(n) || n > MAX_POPULATION_FIGURE) {
      ctx.issues.push({ code: "custom", input: raw, message: `is too large for a population figure (at most ${MAX_POPULATION_FIGURE.toLocaleString("en-GB")})` });
      return z.NEVER;
    }
    // Stored and priced to at most 6 decimal places.
    return Math.round(n * 1e6) / 1e6;
  });

export const ExtractDateSchema = z.string().transform((raw, ctx) => {
  const iso = parseNhsDateCached(raw.trim());
  if (iso) return iso;
  ctx.issues.push({ code: "custom", input: raw, message: "expected a date like 01Aug2026 or 2026-08-01" });
  return z.NEVER;
});

/**
 * Organisation codes (practice, PCN, sub-ICB, ICB, region) follow the rule the lookups use —
 * PcnCodeSchema: 1 to 10 letters and digits, trimmed, upper-cased — so every stored code can be
 * looked up (a code such as "U8914😀" could be stored but never found).
 */
export const ORG_CODE_RULE = "1 to 10 letters and digits";
const codeCache = new Map<string, string | null>();
/** The code as stored, or null if it breaks the rule (codes repeat on many rows: remembered). */
export function parseOrgCode(raw: string): string | null {
  let hit = codeCache.get(raw);
  if (hit === undefined) {
    const r = PcnCodeSchema.safeParse(raw);
    hit = r.success ? r.data : null;
    if (codeCache.size > 10_000) codeCache.clear();
    codeCache.set(raw, hit);
  }
  return hit;
}

const codeSchema = (what: string) =>
  z.string().transform((raw, ctx) => {
    const code = parseOrgCode(raw);
    if (code !== null) return code;
    ctx.issues.push({ code: "custom", input: raw, message: `expected ${what} (${ORG_CODE_RULE})` });
    return z.NEVER;
  });

/** Longest name or text cell stored (NHS names run to about 80 characters). */
export const MAX_NAME_LENGTH = 200;
/** C0 and C1 control characters and DEL: never part of a name (tabs and line breaks included). */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A one-line text cell: trimmed, inner spaces collapsed; an issue message if it cannot be stored. */
function checkText(raw: string): { value: string } | { problem: string } {
  if (CONTROL_CHARACTER.test(raw)) return { problem: "contains a control character (such as NUL, ESC, a tab or a line break)" };
  const value = raw.trim().replace(/\s+/g, " ");
  if (value.length > MAX_NAME_LENGTH) return { problem: `is ${value.length.toLocaleString("en-GB")} characters long; at most ${MAX_NAME_LENGTH} are allowed` };
  return { value };
}

const nameSchema = (what: string) =>
  z.string().transform((raw, ctx) => {
    const r = checkText(raw);
    if ("value" in r && r.value) return r.value;
    ctx.issues.push({ code: "custom", input: raw, message: "problem" in r ? `expected ${what}, but it ${r.problem}` : `expected ${what}` });
    return z.NEVER;
  });

const optionalText = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const r = checkText(raw ?? "");
    if ("value" in r) return r.value === "" ? null : r.value;
    ctx.issues.push({ code: "custom", input: raw, message: `expected text, but it ${r.problem}` });
    return z.NEVER;
  });

/** PCN code "U" in the mapping file: practice in no PCN. */
export const NO_PCN_CODE = "U";

/** One row of gp-reg-pat-prac-map*.csv. */
export const MappingRowSchema = z.object({
  extractDate: ExtractDateSchema,
  practiceCode: codeSchema("a practice code"),
  practiceName: nameSchema("a practice name"),
  practicePostcode: optionalText,
  pcnCode: codeSchema(`a PCN code or ${NO_PCN_CODE} for no PCN`),
  pcnName: optionalText,
  subIcbOnsCode: optionalText,
  subIcbCode: codeSchema("a sub-ICB location code"),
  subIcbName: nameSchema("a sub-ICB location name"),
  icbOnsCode: optionalText,
  icbCode: codeSchema("an ICB code"),
  icbName: nameSchema("an ICB name"),
  regionOnsCode: optionalText,
  regionCode: codeSchema("a region code"),
  regionName: nameSchema("a region name"),
  supplier: optionalText,
});
export type MappingRow = z.infer<typeof MappingRowSchema>;

export const ORG_TYPES = ["REGION", "ICB", "SUB_ICB", "PCN", "PRACTICE"] as const;
export type OrgType = (typeof ORG_TYPES)[number];

const ORG_TYPE_ALIASES: Record<string, OrgType> = {
  COMM_REGION: "REGION",
  COMM_REGION_CODE: "REGION",
  REGION: "REGION",
  NHS_REGION: "REGION",
  ICB: "ICB",
  ICB_CODE: "ICB",
  SUB_ICB_LOCATION_CODE: "SUB_ICB",
  SUB_ICB_LOCATION: "SUB_ICB",
  SUB_ICB: "SUB_ICB",
  PCN: "PCN",
  PCN_CODE: "PCN",
};

export const OrgTypeSchema = z.string().transform((raw, ctx) => {
  const key = raw.trim().toUpperCase().replace(/[\s-]+/g, "_");
  const t = ORG_TYPE_ALIASES[key];
  if (t) return t;
  ctx.issues.push({ code: "custom", input: raw, message: "expected Comm Region, ICB, SUB_ICB_LOCATION_CODE or PCN" });
  return z.NEVER;
});

export const SexSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim().toUpperCase();
  if (s === "ALL" || s === "MALE" || s === "FEMALE") return s;
  if (s === "M") return "MALE" as const;
  if (s === "F") return "FEMALE" as const;
  ctx.issues.push({ code: "custom", input: raw, message: "expected ALL, MALE or FEMALE" });
  return z.NEVER;
});
export type Sex = z.infer<typeof SexSchema>;

/** Single year of age: 0..94 → that number, "95+" → 95, "ALL" → "ALL". */
export const AgeSchema = z.string().transform((raw, ctx) => {
  const s = raw.trim().toUpperCase();
  if (s === "ALL") return "ALL" as const;
  if (s === "95+") return 95;
  if (/^\d{1,2}$/.test(s) && Number(s) <= 94) return Number(s);
  ctx.issues.push({ code: "custom", input: raw, message: "expected an age from 0 to 94, 95+ or ALL" });
  return z.NEVER;
});

/** One row of gp-reg-pat-prac-sing-age-regions*.csv. */
export const SingleAgeRowSchema = z.object({
  extractDate: ExtractDateSchema,
  orgType: OrgTypeSchema,
  orgCode: codeSchema("an organisation code"),
  sex: SexSchema,
  age: AgeSchema,
  count: PatientCountSchema,
});
export type SingleAgeRow = z.infer<typeof SingleAgeRowSchema>;

/** Age band of the practice totals file: only "ALL" rows are stored; others are checked and ignored. */
const PracticeAgeSchema = z.string().transform((raw) => {
  const s = raw.trim().toUpperCase();
  return s === "ALL" ? ("ALL" as const) : s;
});

/** One row of gp-reg-pat-prac-all*.csv. */
export const PracticeTotalRowSchema = z.object({
  extractDate: ExtractDateSchema,
  code: codeSchema("a practice code"),
  postcode: optionalText,
  sex: SexSchema,
  age: PracticeAgeSchema,
  count: PatientCountSchema,
});
export type PracticeTotalRow = z.infer<typeof PracticeTotalRowSchema>;

/** PCN code cells that mean "not in a PCN" in practice-level tables. */
export function isNoPcnCode(code: string): boolean {
  return /^(|u|-|n\/a|na|none|no_data|null|not in a pcn)$/i.test(code.trim());
}

/** Practice cells of a practice-level weighted/adjusted population table (one financial year). */
export const PracticeWeightedRowSchema = z.object({
  practiceCode: codeSchema("a practice code"),
  pcnCode: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (isNoPcnCode(raw ?? "")) return null;
      const code = parseOrgCode(raw ?? "");
      if (code !== null) return code;
      ctx.issues.push({ code: "custom", input: raw, message: `expected a PCN code or N/A for no PCN (${ORG_CODE_RULE})` });
      return z.NEVER;
    }),
  pcnName: optionalText,
  rawList: OptionalPatientCountSchema,
  adjusted: OptionalPopulationSchema,
  weighted: OptionalPopulationSchema,
});
export type PracticeWeightedRow = z.infer<typeof PracticeWeightedRowSchema>;

export const FinancialYearSchema = z.string().transform((raw, ctx) => {
  const fy = parseFinancialYear(raw);
  if (fy) return fy;
  ctx.issues.push({ code: "custom", input: raw, message: "expected a financial year like 2025/26" });
  return z.NEVER;
});

/** One row of the simple `pcn_code,financial_year,weighted_population` file. */
export const PcnWeightedRowSchema = z.object({
  pcnCode: codeSchema("a PCN code"),
  financialYear: FinancialYearSchema,
  weighted: z.string().transform((raw, ctx) => {
    const r = OptionalPopulationSchema.safeParse(raw);
    if (r.success && r.data !== null) return r.data;
    ctx.issues.push({ code: "custom", input: raw, message: r.success ? "expected a number" : (r.error.issues[0]?.message ?? "expected a number") });
    return z.NEVER;
  }),
  registeredList: OptionalPatientCountSchema,
});
export type PcnWeightedRow = z.infer<typeof PcnWeightedRowSchema>;

/** The admin upload form (files are checked separately: FormData File objects). */
export const ImportUploadFormSchema = z.object({
  importedBy: z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, { error: "Enter your name" })
    .max(100, { error: "Name must be 100 characters or fewer" }),
});
export type ImportUploadForm = z.infer<typeof ImportUploadFormSchema>;
