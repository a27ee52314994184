// Tells the kind of file from its header row (never from its name) and finds each column.
import { financialYearFromJanuaryBase, parseFinancialYear } from "@/lib/schemas/import";
import { normalizeHeader, type CsvHeader } from "./csv";
import { ImportRejection, showValue } from "./errors";

export const IMPORT_FILE_TYPES = ["mapping", "single-age", "practice-totals", "practice-weighted", "pcn-weighted"] as const;
export type ImportFileType = (typeof IMPORT_FILE_TYPES)[number];

export const FILE_TYPE_LABELS: Record<ImportFileType, string> = {
  mapping: "Practice to PCN mapping",
  "single-age": "Single year of age (regions, ICBs, sub-ICBs, PCNs)",
  "practice-totals": "Practice totals",
  "practice-weighted": "Practice weighted/adjusted population",
  "pcn-weighted": "PCN weighted population",
};

/** Import order: mapping first (it creates the organisations), then populations, then weighted. */
export const IMPORT_ORDER: Record<ImportFileType, number> = {
  mapping: 0,
  "single-age": 1,
  "practice-totals": 2,
  "practice-weighted": 3,
  "pcn-weighted": 4,
};

interface FieldSpec {
  field: string;
  /** Column heading as published. */
  header: string;
  aliases?: string[];
  required: boolean;
}

const req = (field: string, header: string, aliases: string[] = []): FieldSpec => ({ field, header, aliases, required: true });
const opt = (field: string, header: string, aliases: string[] = []): FieldSpec => ({ field, header, aliases, required: false });

const NHS_SPECS = {
  mapping: [
    opt("publication", "PUBLICATION"),
    req("extractDate", "EXTRACT_DATE"),
    req("practiceCode", "PRACTICE_CODE"),
    req("practiceName", "PRACTICE_NAME"),
    opt("practicePostcode", "PRACTICE_POSTCODE"),
    req("pcnCode", "PCN_CODE"),
    req("pcnName", "PCN_NAME"),
    opt("subIcbOnsCode", "ONS_SUB_ICB_LOCATION_CODE"),
    req("subIcbCode", "SUB_ICB_LOCATION_CODE"),
    req("subIcbName", "SUB_ICB_LOCATION_NAME"),
    opt("icbOnsCode", "ONS_ICB_CODE"),
    req("icbCode", "ICB_CODE"),
    req("icbName", "ICB_NAME"),
    opt("regionOnsCode", "ONS_COMM_REGION_CODE"),
    req("regionCode", "COMM_REGION_CODE"),
    req("regionName", "COMM_REGION_NAME"),
    opt("supplier", "SUPPLIER_NAME"),
  ],
  "single-age": [
    opt("publication", "PUBLICATION"),
    req("extractDate", "EXTRACT_DATE"),
    req("orgType", "ORG_TYPE"),
    req("orgCode", "ORG_CODE"),
    opt("onsCode", "ONS_CODE"),
    req("sex", "SEX"),
    req("age", "AGE"),
    req("count", "NUMBER_OF_PATIENTS"),
  ],
  "practice-totals": [
    opt("publication", "PUBLICATION"),
    req("extractDate", "EXTRACT_DATE"),
    opt("type", "TYPE"),
    opt("subIcbCode", "SUB_ICB_LOCATION_CODE"),
    opt("subIcbOnsCode", "ONS_SUB_ICB_LOCATION_CODE"),
    req("code", "CODE", ["PRACTICE_CODE", "ORG_CODE"]),
    opt("postcode", "POSTCODE"),
    req("sex", "SEX"),
    req("age", "AGE"),
    req("count", "NUMBER_OF_PATIENTS"),
  ],
} satisfies Record<"mapping" | "single-age" | "practice-totals", FieldSpec[]>;

/** Where each field is: column index and the heading to name it by in messages. */
export interface ColumnMap {
  index: Record<string, number>;
  label: Record<string, string>;
}

export interface FinancialYearColumns {
  financialYear: string;
  rawList?: number;
  adjusted?: number;
  weighted?: number;
}

export type Detection =
  | { type: "mapping" | "single-age" | "practice-totals"; columns: ColumnMap }
  | {
      type: "practice-weighted";
      columns: ColumnMap;
      years: FinancialYearColumns[];
      /** How the financial year was found, for the log message. */
      yearSource: string;
    }
  | { type: "pcn-weighted"; columns: ColumnMap };

function mapColumns(header: CsvHeader, specs: FieldSpec[]): { columns: ColumnMap; missing: FieldSpec[]; found: number } {
  const norm = header.map(normalizeHeader);
  const columns: ColumnMap = { index: {}, label: {} };
  const missing: FieldSpec[] = [];
  let found = 0;
  for (const spec of specs) {
    const names = [spec.header, ...(spec.aliases ?? [])].map(normalizeHeader);
    const i = norm.findIndex((h) => names.includes(h));
    if (i >= 0) {
      columns.index[spec.field] = i;
      columns.label[spec.field] = header[i] || spec.header;
      if (spec.required) found++;
    } else if (spec.required) {
      missing.push(spec);
    }
  }
  return { columns, missing, found };
}

function describeHeader(header: CsvHeader): string {
  const shown = header.slice(0, 8).map(showValue).join(", ");
  return header.length > 8 ? `${shown}, …` : shown;
}

function rejectMissing(type: ImportFileType, missing: FieldSpec[]): never {
  const names = missing.map((m) => m.header).join(", ");
  throw new ImportRejection(
    `line 1: this looks like a ${FILE_TYPE_LABELS[type].toLowerCase()} file but the column${missing.length > 1 ? "s" : ""} ${names} ${missing.length > 1 ? "are" : "is"} missing.`,
    [{ line: 1, message: `missing column${missing.length > 1 ? "s" : ""} ${names}` }],
  );
}

const MEASURE = /^(raw list size|adjusted population|weighted population)(?:\s+(\d{4}\s*[/-]\s*\d{2,4}))?$/;
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Base date of an adjusted table without years in its headings: "PCN member January 25", else the file name. */
function findJanuaryBaseYear(header: CsvHeader, fileName: string): { year: number; source: string } | null {
  for (const h of header) {
    const m = /\b(january|jan)\s+(\d{2}|\d{4})\b/i.exec(h);
    if (m) {
      const y = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
      return { year: y, source: `column '${h}'` };
    }
  }
  const f = /(\d{4})[-_]?(0[1-9]|1[0-2])(?!\d)/.exec(fileName);
  if (f && Number(f[2]) === 1) return { year: Number(f[1]), source: `file name (${MONTH_NAMES[0]} ${f[1]})` };
  return null;
}

function detectPracticeWeighted(header: CsvHeader, fileName: string): Detection {
  const base = mapColumns(header, [req("practiceCode", "Practice Code"), opt("pcnCode", "PCN Code"), opt("pcnName", "PCN Name")]);
  if (base.missing.length) rejectMissing("practice-weighted", base.missing);
  const byYear = new Map<string, FinancialYearColumns>();
  const undated: Omit<FinancialYearColumns, "financialYear"> = {};
  let undatedCount = 0;
  header.forEach((h, i) => {
    const m = MEASURE.exec(normalizeHeader(h));
    if (!m) return;
    const key = m[1] === "raw list size" ? "rawList" : m[1] === "adjusted population" ? "adjusted" : "weighted";
    if (m[2]) {
      const fy = parseFinancialYear(m[2]);
      if (!fy) throw new ImportRejection(`line 1: column ${showValue(h)} has a financial year that is not valid; expected e.g. 2024/25.`, [{ line: 1, message: `bad financial year in ${showValue(h)}` }]);
      const entry = byYear.get(fy) ?? { financialYear: fy };
      entry[key] = i;
      byYear.set(fy, entry);
    } else {
      undated[key] = i;
      undatedCount++;
    }
  });
  let yearSource = "column headings";
  if (undatedCount) {
    const b = findJanuaryBaseYear(header, fileName);
    if (!b)
      throw new ImportRejection(
        "line 1: could not tell which financial year this table is for. Add the year to the column headings, e.g. 'Adjusted Population 2025/26'.",
        [{ line: 1, message: "financial year not found" }],
      );
    const fy = financialYearFromJanuaryBase(b.year);
    yearSource = `base date 1 January ${b.year} from ${b.source}`;
    const entry = byYear.get(fy) ?? { financialYear: fy };
    for (const k of ["rawList", "adjusted", "weighted"] as const) if (undated[k] !== undefined && entry[k] === undefined) entry[k] = undated[k];
    byYear.set(fy, entry);
  }
  const years = [...byYear.values()].sort((a, b) => a.financialYear.localeCompare(b.financialYear));
  return { type: "practice-weighted", columns: base.columns, years, yearSource };
}

/**
 * Detects the file type from the header row. Throws ImportRejection (line 1) for an unknown
 * header or a known file type with missing columns.
 */
export function detectFileType(header: CsvHeader, fileName = ""): Detection {
  const norm = new Set(header.map(normalizeHeader));
  if (norm.has("financial year") && (norm.has("weighted population") || norm.has("pcn code"))) {
    const r = mapColumns(header, [
      req("pcnCode", "pcn_code"),
      req("financialYear", "financial_year"),
      req("weighted", "weighted_population"),
      opt("registeredList", "registered_list", ["registered_population", "raw_list_size"]),
    ]);
    if (r.missing.length) rejectMissing("pcn-weighted", r.missing);
    return { type: "pcn-weighted", columns: r.columns };
  }
  if (!norm.has("extract date") && [...norm].some((h) => MEASURE.test(h))) return detectPracticeWeighted(header, fileName);

  let best: { type: keyof typeof NHS_SPECS; score: number; r: ReturnType<typeof mapColumns> } | null = null;
  for (const type of Object.keys(NHS_SPECS) as (keyof typeof NHS_SPECS)[]) {
    const specs = NHS_SPECS[type];
    const r = mapColumns(header, specs);
    const score = r.found / specs.filter((s) => s.required).length;
    if (!best || score > best.score) best = { type, score, r };
  }
  if (best && best.score >= 0.6) {
    if (best.r.missing.length) rejectMissing(best.type, best.r.missing);
    return { type: best.type, columns: best.r.columns };
  }
  throw new ImportRejection(
    `line 1: the column headings (${describeHeader(header)}) do not match any file this importer knows. Expected an NHS England Digital "Patients Registered at a GP Practice" mapping, single-year-of-age or practice totals file, a practice weighted population table, or a CSV with pcn_code, financial_year, weighted_population.`,
    [{ line: 1, message: "unknown column headings" }],
  );
}
