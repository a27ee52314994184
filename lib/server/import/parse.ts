// Pure parsers: bytes in, typed and validated records out (no database). Every problem is
// collected with its line number; a file with any problem is rejected as a whole.
import type * as z from "zod";
import {
  MappingRowSchema,
  NO_PCN_CODE,
  ORG_CODE_RULE,
  PcnWeightedRowSchema,
  PracticeTotalRowSchema,
  PracticeWeightedRowSchema,
  SingleAgeRowSchema,
  parseOrgCode,
  type OrgType,
} from "@/lib/schemas/import";
import { readCsv, readCsvHeader, type RowHandler } from "./csv";
import { detectFileType, type ColumnMap, type Detection, type ImportFileType } from "./detect";
import { ImportRejection, IssueCollector, formatCount, formatLine } from "./errors";

export type ProgressHandler = (message: string) => void;

export interface RegionInput { code: string; onsCode: string | null; name: string }
export interface IcbInput { code: string; onsCode: string | null; name: string; regionCode: string }
export interface SubIcbInput { code: string; onsCode: string | null; name: string; icbCode: string }
export interface PcnInput { code: string; name: string; icbCode: string; subIcbCode: string }
export interface PracticeInput { code: string; name: string; postcode: string | null; supplier: string | null }
export interface MembershipInput { practiceCode: string; pcnCode: string | null; subIcbCode: string; extractDate: string }

export interface PopulationInput {
  orgType: OrgType;
  orgCode: string;
  extractDate: string;
  total: number;
  male: number | null;
  female: number | null;
  ageProfile: string | null;
}

export interface PracticeWeightedInput {
  practiceCode: string;
  pcnCode: string | null;
  financialYear: string;
  rawList: number | null;
  adjusted: number | null;
  weighted: number | null;
}

export interface PcnWeightedInput {
  pcnCode: string;
  /** Name to create the PCN with if it is not known yet (null: the PCN must exist). */
  pcnName: string | null;
  financialYear: string;
  value: number;
  registeredList: number | null;
  /** Line of the file (for messages when the PCN is unknown). */
  line: number;
}

interface ParsedBase {
  /** Data rows in the file (header and blank rows not counted). */
  rows: number;
  extractDate: string | null;
  /** One-line description for the log, e.g. "6,129 practices, 1,298 PCNs". */
  summary: string;
}

export type ParsedImport =
  | (ParsedBase & {
      type: "mapping";
      extractDate: string;
      regions: RegionInput[];
      icbs: IcbInput[];
      subIcbs: SubIcbInput[];
      pcns: PcnInput[];
      practices: PracticeInput[];
      memberships: MembershipInput[];
    })
  | (ParsedBase & { type: "single-age" | "practice-totals"; extractDate: string; orgTypes: OrgType[]; populations: PopulationInput[] })
  | (ParsedBase & { type: "practice-weighted"; financialYears: string[]; practiceRows: PracticeWeightedInput[]; pcnTotals: PcnWeightedInput[] })
  | (ParsedBase & { type: "pcn-weighted"; weighted: PcnWeightedInput[] });

const PROGRESS_EVERY = 50_000;

/**
 * Reads cells into a schema's input object and validates it; problems go to `issues`. Rows have
 * as many cells as the header (readCsv refuses the others), so every column index is present.
 */
function makeRowReader<S extends z.ZodType>(schema: S, columns: ColumnMap, issues: IssueCollector) {
  const entries = Object.entries(columns.index);
  return (cells: string[], line: number): z.output<S> | null => {
    const raw: Record<string, string> = {};
    for (const [field, i] of entries) raw[field] = cells[i]!;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? "");
      issues.addCell(line, columns.label[field] ?? field, raw[field], issue.message);
    }
    return null;
  };
}

function withProgress(onRow: RowHandler, onProgress: ProgressHandler | undefined): RowHandler {
  if (!onProgress) return onRow;
  let n = 0;
  return (cells, line) => {
    onRow(cells, line);
    if (++n % PROGRESS_EVERY === 0) onProgress(`read ${formatCount(n)} rows`);
  };
}

/** Checks every row carries the same extract date (one file = one extract). */
function makeExtractDateCheck(issues: IssueCollector, label: string) {
  let first: { date: string; line: number } | null = null;
  return {
    check(date: string, line: number) {
      if (first === null) first = { date, line };
      else if (date !== first.date)
        issues.add(line, `${formatLine(line)}: ${label} is ${date} but ${formatLine(first.line)} has ${first.date}; a file must hold one extract`);
    },
    get date(): string | null {
      return first?.date ?? null;
    },
  };
}

function rejectIfNoRows(dataRows: number): void {
  if (dataRows === 0) throw new ImportRejection("The file has a header row but no data rows.", [{ line: 2, message: "no data rows" }]);
}

function mostCommon(counts: Map<string, number>): string {
  let best = "";
  let bestN = -1;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  return best;
}

// ---------------------------------------------------------------------------------------------

function parseMapping(content: Buffer | string, det: { columns: ColumnMap }, header: string[], onProgress?: ProgressHandler): ParsedImport {
  const issues = new IssueCollector();
  const read = makeRowReader(MappingRowSchema, det.columns, issues);
  const dates = makeExtractDateCheck(issues, det.columns.label.extractDate ?? "EXTRACT_DATE");
  const regions = new Map<string, RegionInput>();
  const icbs = new Map<string, IcbInput>();
  const subIcbs = new Map<string, SubIcbInput>();
  const pcns = new Map<string, { name: string; icb: Map<string, number>; subIcb: Map<string, number> }>();
  const practiceLines = new Map<string, number>();
  const practices: PracticeInput[] = [];
  const memberships: MembershipInput[] = [];
  const { dataRows } = readCsv(
    content,
    withProgress((cells, line) => {
      const r = read(cells, line);
      if (!r) return;
      dates.check(r.extractDate, line);
      const seen = practiceLines.get(r.practiceCode);
      if (seen !== undefined) {
        issues.add(line, `${formatLine(line)}: practice ${r.practiceCode} appears twice (also on ${formatLine(seen)})`);
        return;
      }
      practiceLines.set(r.practiceCode, line);
      if (!regions.has(r.regionCode)) regions.set(r.regionCode, { code: r.regionCode, onsCode: r.regionOnsCode, name: r.regionName });
      if (!icbs.has(r.icbCode)) icbs.set(r.icbCode, { code: r.icbCode, onsCode: r.icbOnsCode, name: r.icbName, regionCode: r.regionCode });
      if (!subIcbs.has(r.subIcbCode)) subIcbs.set(r.subIcbCode, { code: r.subIcbCode, onsCode: r.subIcbOnsCode, name: r.subIcbName, icbCode: r.icbCode });
      const inPcn = r.pcnCode !== NO_PCN_CODE;
      if (inPcn) {
        let p = pcns.get(r.pcnCode);
        if (!p) {
          p = { name: r.pcnName ?? r.pcnCode, icb: new Map(), subIcb: new Map() };
          pcns.set(r.pcnCode, p);
        }
        p.icb.set(r.icbCode, (p.icb.get(r.icbCode) ?? 0) + 1);
        p.subIcb.set(r.subIcbCode, (p.subIcb.get(r.subIcbCode) ?? 0) + 1);
      }
      practices.push({ code: r.practiceCode, name: r.practiceName, postcode: r.practicePostcode, supplier: r.supplier });
      memberships.push({ practiceCode: r.practiceCode, pcnCode: inPcn ? r.pcnCode : null, subIcbCode: r.subIcbCode, extractDate: r.extractDate });
    }, onProgress),
    issues,
  );
  rejectIfNoRows(dataRows);
  issues.throwIfAny();
  const pcnList: PcnInput[] = [...pcns].map(([code, p]) => ({ code, name: p.name, icbCode: mostCommon(p.icb), subIcbCode: mostCommon(p.subIcb) }));
  const outside = memberships.filter((m) => m.pcnCode === null).length;
  return {
    type: "mapping",
    rows: dataRows,
    extractDate: dates.date!,
    regions: [...regions.values()],
    icbs: [...icbs.values()],
    subIcbs: [...subIcbs.values()],
    pcns: pcnList,
    practices,
    memberships,
    summary: `${formatCount(practices.length)} practices (${formatCount(outside)} in no PCN), ${formatCount(pcnList.length)} PCNs, ${formatCount(subIcbs.size)} sub-ICB locations, ${formatCount(icbs.size)} ICBs, ${formatCount(regions.size)} regions`,
  };
}

// ---------------------------------------------------------------------------------------------

const AGE_SLOTS = 96; // 0..94 and 95+
const ALL_SLOT = 96;
const SEXES = ["ALL", "MALE", "FEMALE"] as const;
const ORG_LABEL: Record<OrgType, string> = { REGION: "region", ICB: "ICB", SUB_ICB: "sub-ICB location", PCN: "PCN", PRACTICE: "practice" };

interface OrgAccumulator {
  orgType: OrgType;
  orgCode: string;
  firstLine: number;
  /** Per sex: counts for ages 0..95 then ALL at index 96 (NaN = no row). */
  counts: Record<(typeof SEXES)[number], Float64Array>;
  /** Per sex and slot: line number of the row (0 = none), to report duplicates. */
  lines: Record<(typeof SEXES)[number], Int32Array>;
}

function newAccumulator(orgType: OrgType, orgCode: string, line: number): OrgAccumulator {
  const counts = () => new Float64Array(AGE_SLOTS + 1).fill(NaN);
  const lines = () => new Int32Array(AGE_SLOTS + 1);
  return { orgType, orgCode, firstLine: line, counts: { ALL: counts(), MALE: counts(), FEMALE: counts() }, lines: { ALL: lines(), MALE: lines(), FEMALE: lines() } };
}

function ageLabel(slot: number): string {
  return slot === ALL_SLOT ? "ALL" : slot === 95 ? "95+" : String(slot);
}

/** Turns per-organisation counts into population rows, checking age sums against ALL rows. */
function finishPopulations(orgs: Iterable<OrgAccumulator>, extractDate: string, issues: IssueCollector, withAges: boolean): PopulationInput[] {
  const out: PopulationInput[] = [];
  for (const o of orgs) {
    const name = `${ORG_LABEL[o.orgType]} ${o.orgCode}`;
    const sexTotal: Partial<Record<(typeof SEXES)[number], number | null>> = {};
    let hasAges = false;
    for (const sex of SEXES) {
      const c = o.counts[sex];
      let sum = 0;
      let any = false;
      for (let a = 0; a < AGE_SLOTS; a++) {
        const v = c[a]!;
        if (!Number.isNaN(v)) {
          sum += v;
          any = true;
        }
      }
      const all = c[ALL_SLOT]!;
      if (any && sex !== "ALL") hasAges = true;
      if (any && !Number.isNaN(all) && sum !== all) {
        issues.add(
          o.lines[sex][ALL_SLOT]!,
          `${formatLine(o.lines[sex][ALL_SLOT]!)}: ${name}, SEX ${sex}: the single ages 0 to 95+ add up to ${formatCount(sum)} but the AGE ALL row says ${formatCount(all)}`,
        );
      }
      sexTotal[sex] = !Number.isNaN(all) ? all : any ? sum : null;
    }
    let total = sexTotal.ALL ?? null;
    if (total === null && sexTotal.MALE != null && sexTotal.FEMALE != null) total = sexTotal.MALE + sexTotal.FEMALE;
    if (total === null) {
      issues.add(o.firstLine, `${formatLine(o.firstLine)}: ${name} has no row with SEX ALL and AGE ALL (its total list size)`);
      continue;
    }
    // "U" in the PCN rows is the practices in no PCN: checked above, not stored as a PCN.
    if (o.orgType === "PCN" && o.orgCode === NO_PCN_CODE) continue;
    let ageProfile: string | null = null;
    if (withAges && hasAges) {
      const arr = (c: Float64Array) => Array.from(c.subarray(0, AGE_SLOTS), (v) => (Number.isNaN(v) ? 0 : v));
      ageProfile = JSON.stringify({ male: arr(o.counts.MALE), female: arr(o.counts.FEMALE) });
    }
    out.push({ orgType: o.orgType, orgCode: o.orgCode, extractDate, total, male: sexTotal.MALE ?? null, female: sexTotal.FEMALE ?? null, ageProfile });
  }
  return out;
}

function recordCount(o: OrgAccumulator, sex: (typeof SEXES)[number], slot: number, count: number, line: number, issues: IssueCollector): void {
  const prev = o.lines[sex][slot]!;
  if (prev) {
    issues.add(line, `${formatLine(line)}: ${ORG_LABEL[o.orgType]} ${o.orgCode}, SEX ${sex}, AGE ${ageLabel(slot)} appears twice (also on ${formatLine(prev)})`);
    return;
  }
  o.lines[sex][slot] = line;
  o.counts[sex][slot] = count;
}

function parseSingleAge(content: Buffer | string, det: { columns: ColumnMap }, header: string[], onProgress?: ProgressHandler): ParsedImport {
  const issues = new IssueCollector();
  const read = makeRowReader(SingleAgeRowSchema, det.columns, issues);
  const dates = makeExtractDateCheck(issues, det.columns.label.extractDate ?? "EXTRACT_DATE");
  const orgs = new Map<string, OrgAccumulator>();
  const { dataRows } = readCsv(
    content,
    withProgress((cells, line) => {
      const r = read(cells, line);
      if (!r) return;
      dates.check(r.extractDate, line);
      const key = `${r.orgType}|${r.orgCode}`;
      let o = orgs.get(key);
      if (!o) {
        o = newAccumulator(r.orgType, r.orgCode, line);
        orgs.set(key, o);
      }
      recordCount(o, r.sex, r.age === "ALL" ? ALL_SLOT : r.age, r.count, line, issues);
    }, onProgress),
    issues,
  );
  rejectIfNoRows(dataRows);
  issues.throwIfAny();
  const populations = finishPopulations(orgs.values(), dates.date!, issues, true);
  issues.throwIfAny();
  const byType = (t: OrgType) => populations.filter((p) => p.orgType === t);
  const regions = byType("REGION");
  const england = regions.reduce((s, p) => s + p.total, 0);
  return {
    type: "single-age",
    rows: dataRows,
    extractDate: dates.date!,
    orgTypes: ["REGION", "ICB", "SUB_ICB", "PCN"],
    populations,
    summary: `${formatCount(regions.length)} regions, ${formatCount(byType("ICB").length)} ICBs, ${formatCount(byType("SUB_ICB").length)} sub-ICB locations, ${formatCount(byType("PCN").length)} PCNs; ${formatCount(england)} patients in the regions`,
  };
}

function parsePracticeTotals(content: Buffer | string, det: { columns: ColumnMap }, header: string[], onProgress?: ProgressHandler): ParsedImport {
  const issues = new IssueCollector();
  const read = makeRowReader(PracticeTotalRowSchema, det.columns, issues);
  const dates = makeExtractDateCheck(issues, det.columns.label.extractDate ?? "EXTRACT_DATE");
  const orgs = new Map<string, OrgAccumulator>();
  const { dataRows } = readCsv(
    content,
    withProgress((cells, line) => {
      const r = read(cells, line);
      if (!r) return;
      dates.check(r.extractDate, line);
      if (r.age !== "ALL") return; // age bands are not stored from this file
      let o = orgs.get(r.code);
      if (!o) {
        o = newAccumulator("PRACTICE", r.code, line);
        orgs.set(r.code, o);
      }
      recordCount(o, r.sex, ALL_SLOT, r.count, line, issues);
    }, onProgress),
    issues,
  );
  rejectIfNoRows(dataRows);
  issues.throwIfAny();
  const populations = finishPopulations(orgs.values(), dates.date!, issues, false);
  issues.throwIfAny();
  const total = populations.reduce((s, p) => s + p.total, 0);
  return {
    type: "practice-totals",
    rows: dataRows,
    extractDate: dates.date!,
    orgTypes: ["PRACTICE"],
    populations,
    summary: `${formatCount(populations.length)} practices; ${formatCount(total)} patients`,
  };
}

// ---------------------------------------------------------------------------------------------

const TOTAL_ROW = /^(total|england|national( total)?|grand total)$/i;

function parsePracticeWeighted(
  content: Buffer | string,
  det: Extract<Detection, { type: "practice-weighted" }>,
  header: string[],
  fileName: string,
  onProgress?: ProgressHandler,
): ParsedImport {
  const issues = new IssueCollector();
  const practiceIdx = det.columns.index.practiceCode!;
  const readers = det.years.map((y) => {
    const columns: ColumnMap = { index: { ...det.columns.index }, label: { ...det.columns.label } };
    for (const k of ["rawList", "adjusted", "weighted"] as const) {
      const i = y[k];
      if (i !== undefined) {
        columns.index[k] = i;
        columns.label[k] = header[i] ?? k;
      }
    }
    return { year: y, read: makeRowReader(PracticeWeightedRowSchema, columns, issues) };
  });
  const seen = new Map<string, number>();
  const practiceRows: PracticeWeightedInput[] = [];
  const sums = new Map<string, { pcnCode: string; pcnName: string | null; financialYear: string; value: number; raw: number; rawKnown: boolean; line: number }>();
  let skipped = 0;
  const { dataRows } = readCsv(
    content,
    withProgress((cells, line) => {
      const code = (cells[practiceIdx] ?? "").trim();
      if (code === "" || TOTAL_ROW.test(code)) {
        skipped++;
        return;
      }
      const upper = parseOrgCode(code);
      if (upper === null) {
        issues.addCell(line, det.columns.label.practiceCode ?? "Practice Code", code, `expected a practice code (${ORG_CODE_RULE})`);
        return;
      }
      const prev = seen.get(upper);
      if (prev !== undefined) {
        issues.add(line, `${formatLine(line)}: practice ${upper} appears twice (also on ${formatLine(prev)})`);
        return;
      }
      seen.set(upper, line);
      for (const { year, read } of readers) {
        const r = read(cells, line);
        if (!r) continue;
        if (r.rawList === null && r.adjusted === null && r.weighted === null) continue;
        practiceRows.push({ practiceCode: r.practiceCode, pcnCode: r.pcnCode, financialYear: year.financialYear, rawList: r.rawList, adjusted: r.adjusted, weighted: r.weighted });
        if (year.weighted === undefined || r.pcnCode === null || r.weighted === null) continue;
        const key = `${r.pcnCode}|${year.financialYear}`;
        let s = sums.get(key);
        if (!s) {
          s = { pcnCode: r.pcnCode, pcnName: r.pcnName, financialYear: year.financialYear, value: 0, raw: 0, rawKnown: year.rawList !== undefined, line };
          sums.set(key, s);
        }
        s.value += r.weighted;
        // The registered list pairs with the weighted sum only if every practice in it has one.
        if (r.rawList !== null) s.raw += r.rawList;
        else s.rawKnown = false;
      }
    }, onProgress),
    issues,
  );
  rejectIfNoRows(dataRows);
  issues.throwIfAny();
  const pcnTotals: PcnWeightedInput[] = [...sums.values()].map((s) => ({
    pcnCode: s.pcnCode,
    pcnName: s.pcnName ?? s.pcnCode,
    financialYear: s.financialYear,
    value: Math.round(s.value * 1000) / 1000,
    registeredList: s.rawKnown ? s.raw : null,
    line: s.line,
  }));
  const weightedYears = det.years.filter((y) => y.weighted !== undefined).map((y) => y.financialYear);
  const years = det.years.map((y) => y.financialYear);
  const note =
    weightedYears.length === 0
      ? "no weighted population column: stored as adjusted/raw list only, not used as any PCN's weighted population"
      : `weighted population for ${weightedYears.join(", ")} summed for ${formatCount(pcnTotals.length)} PCNs`;
  return {
    type: "practice-weighted",
    rows: dataRows,
    extractDate: null,
    financialYears: years,
    practiceRows,
    pcnTotals,
    summary: `${formatCount(seen.size)} practices, financial year ${years.join(", ")} (${det.yearSource}); ${note}${skipped ? `; ${formatCount(skipped)} total/blank row${skipped > 1 ? "s" : ""} skipped` : ""}; source ${fileName}`,
  };
}

function parsePcnWeighted(content: Buffer | string, det: Extract<Detection, { type: "pcn-weighted" }>, header: string[], onProgress?: ProgressHandler): ParsedImport {
  const issues = new IssueCollector();
  const read = makeRowReader(PcnWeightedRowSchema, det.columns, issues);
  const seen = new Map<string, number>();
  const weighted: PcnWeightedInput[] = [];
  const { dataRows } = readCsv(
    content,
    withProgress((cells, line) => {
      const r = read(cells, line);
      if (!r) return;
      const key = `${r.pcnCode}|${r.financialYear}`;
      const prev = seen.get(key);
      if (prev !== undefined) {
        issues.add(line, `${formatLine(line)}: PCN ${r.pcnCode} has a second row for ${r.financialYear} (also on ${formatLine(prev)})`);
        return;
      }
      seen.set(key, line);
      weighted.push({ pcnCode: r.pcnCode, pcnName: null, financialYear: r.financialYear, value: r.weighted, registeredList: r.registeredList, line });
    }, onProgress),
    issues,
  );
  rejectIfNoRows(dataRows);
  issues.throwIfAny();
  const years = [...new Set(weighted.map((w) => w.financialYear))].sort();
  return { type: "pcn-weighted", rows: dataRows, extractDate: null, weighted, summary: `${formatCount(weighted.length)} PCN weighted population${weighted.length === 1 ? "" : "s"} for ${years.join(", ")}` };
}

// ---------------------------------------------------------------------------------------------

/** Detects the type from the header row only (cheap: used to order files before importing). */
export function detectFileTypeOf(content: Buffer | string, fileName = ""): ImportFileType | null {
  const header = readCsvHeader(content);
  if (!header) return null;
  try {
    return detectFileType(header, fileName).type;
  } catch {
    return null;
  }
}

/**
 * Detects, reads and validates one file. Throws ImportRejection (with line numbers) if anything
 * is wrong; the result is ready to be written.
 */
export function parseImportFile(content: Buffer | string, fileName: string, onProgress?: ProgressHandler): ParsedImport {
  const header = readCsvHeader(content);
  if (!header) throw new ImportRejection("The file is empty: it has no header row and no data.", [{ line: 1, message: "empty file" }]);
  const det = detectFileType(header, fileName);
  onProgress?.(`detected ${det.type}`);
  switch (det.type) {
    case "mapping":
      return parseMapping(content, det, header, onProgress);
    case "single-age":
      return parseSingleAge(content, det, header, onProgress);
    case "practice-totals":
      return parsePracticeTotals(content, det, header, onProgress);
    case "practice-weighted":
      return parsePracticeWeighted(content, det, header, fileName, onProgress);
    case "pcn-weighted":
      return parsePcnWeighted(content, det, header, onProgress);
  }
}
