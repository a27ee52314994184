// A PCN's team from its own spreadsheet (payroll / HR export, last year's plan, the app's posts
// export) → scenario posts, validated with the scenario contract (ScenarioPostSchema) exactly as
// typed posts are. Every problem is an issue whose path names the data row and the field
// (`rows.5.hoursPerWeek` = the fifth row under the header) and says it in words. Pure.
import { AREAS, ROLES, getRules, isAfcBand, penceToPounds, type RoleId } from "@/lib/engine";
import { toFieldIssues } from "@/lib/schemas/common";
import { MAX_SCENARIO_POSTS, ScenarioPostSchema, type ScenarioPostInput } from "@/lib/schemas/scenario";
import type { FieldIssue } from "@/lib/server/errors";
import { FIELD_LABELS, IMPORT_FIELDS, isImportField, recogniseColumn, recogniseRole, normaliseWords, type ImportField } from "./columns";
import { hoursToWteTenThousandths, parseDate, parseHoursHundredths, parseMoneyPence, parseSessionsHundredths, parseWteTenThousandths, sessionsToWteTenThousandths, type Parsed } from "./values";

export { FIELD_LABELS, IMPORT_FIELDS, KNOWN_COLUMNS, recogniseColumn, recogniseRole, type ImportField } from "./columns";
export { readCsv, readXlsx, XLSX_TYPE, type ReadResult, type SheetTable } from "./read";

/** A column's choice: one of the fields, or "ignore". */
export type ColumnChoice = ImportField | "ignore";

export interface ImportOptions {
  /** Their column → field or "ignore" (for columns not recognised, or to override one that is). */
  mapping?: Record<string, string>;
  /** Their role word → role id, or "skip" to leave those rows out (staff outside the ARRS). */
  roles?: Record<string, string>;
  /** The plan's first year ("2026/27"): pay points are checked against that year's bands. */
  firstYear?: string;
}

export interface ImportedColumn {
  /** The header as written in the file. */
  header: string;
  /** What it is read as; null = not recognised and not mapped (nothing is imported until it is). */
  field: ColumnChoice | null;
}

export interface ImportedPost {
  /** Data row (1 = the first row under the header). */
  row: number;
  post: ScenarioPostInput;
}

export interface TeamImport {
  columns: ImportedColumn[];
  /** Headers not recognised and not mapped. */
  unmapped: string[];
  /** Role words not recognised and not mapped (each row with one also has an issue). */
  unknownRoles: string[];
  /** The posts of every good row, in file order (all rows good ⇔ issues is empty). */
  posts: ImportedPost[];
  /** Data rows left out on purpose (role mapped to "skip", or blank rows). */
  skippedRows: number[];
  issues: FieldIssue[];
}

const WORDS_EXISTING = new Set(["existing", "in post", "current", "filled", "employed", "active", "yes", "y"]);
const WORDS_PROPOSED = new Set(["proposed", "vacant", "vacancy", "planned", "new", "to recruit", "recruiting", "future", "no", "n"]);
const WORDS_QUALIFIED = new Set(["qualified", "complete", "completed", "done", "signed off", "yes", "y", "stage 2 complete", "stage 2 done"]);
const WORDS_TRAINING = new Set(["in training", "training", "in progress", "not started", "no", "n", "stage 1", "stage 1 complete"]);
const WORDS_BLANK = new Set(["n a", "na", "none", "not applicable", ""]);

/** "Band 8a", "AfC 7", "8A" → "8a"; null when it is not an Agenda for Change band. */
function bandOf(text: string): string | null {
  const b = normaliseWords(text).replace(/^(agenda for change|afc)\s*/, "").replace(/^band\s*/, "").replace(/\s+/g, "");
  return isAfcBand(b) ? b : null;
}

function areaOf(text: string): string | null {
  const w = normaliseWords(text);
  if (WORDS_BLANK.has(w) || w === "no" || w === "national" || w === "outside london" || w === "england") return "national";
  const id = w.replace(/ /g, "-");
  return (AREAS as readonly string[]).includes(id) ? id : null;
}

function mhpFundingOf(text: string): string | null {
  const w = text.trim().replace(/\s+/g, "");
  if (w === "50%" || w === "50" || w === "0.5") return "50%";
  if (w === "100%" || w === "100" || w === "1") return "100%";
  return null;
}

const wteFromTenThousandths = (tt: number) => tt / 10000;

function matchKey(map: Record<string, string> | undefined, key: string): string | undefined {
  if (!map) return undefined;
  if (Object.hasOwn(map, key)) return map[key];
  const k = key.trim().toLowerCase();
  for (const [their, v] of Object.entries(map)) if (their.trim().toLowerCase() === k) return v;
  return undefined;
}

/** The header row: the first of the first ten rows that names a role column (else the first non-empty row). */
function findHeader(rows: string[][], mapping: ImportOptions["mapping"]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const fields = rows[i]!.map((h) => (h ? (matchKey(mapping, h) ?? recogniseColumn(h)) : null));
    if (fields.includes("role") && fields.filter(Boolean).length >= 2) return i;
  }
  return rows.findIndex((r) => r.some((c) => c !== ""));
}

const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** Reads the rows of a sheet (header first) into scenario posts; see TeamImport. */
export function importTeam(rows: string[][], options: ImportOptions = {}): TeamImport {
  const issues: FieldIssue[] = [];
  const out: TeamImport = { columns: [], unmapped: [], unknownRoles: [], posts: [], skippedRows: [], issues };
  const h = findHeader(rows, options.mapping);
  if (h < 0) {
    issues.push({ path: "", message: "The file is empty: the first row should name the columns (for example Name, Role, Band, Hours per week, Start date)." });
    return out;
  }
  const header = rows[h]!;
  const usedHeaders = new Set<string>();
  const fieldAt: (ImportField | null)[] = [];
  const seen = new Map<ImportField, string>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (name === "") {
      fieldAt.push(null);
      return;
    }
    const mapped = matchKey(options.mapping, name);
    let choice: ColumnChoice | null = recogniseColumn(name);
    if (mapped !== undefined) {
      usedHeaders.add(name.toLowerCase());
      if (mapped === "ignore" || isImportField(mapped)) choice = mapped;
      else {
        issues.push({
          path: `mapping.${name}`,
          message: `Column "${name}" is mapped to "${mapped}", which is not something a post has. Choose one of: ${IMPORT_FIELDS.join(", ")}, or ignore.`,
        });
      }
    }
    if (choice && choice !== "ignore" && seen.has(choice)) {
      issues.push({ path: `columns.${i + 1}`, message: `Columns "${seen.get(choice)}" and "${name}" both say ${FIELD_LABELS[choice].toLowerCase()}: ignore one of them.` });
    }
    if (choice && choice !== "ignore") seen.set(choice, name);
    out.columns.push({ header: name, field: choice });
    if (choice === null) {
      out.unmapped.push(name);
      // A column given a mapping that is not a field already has its issue (mapping.<column>).
      if (mapped === undefined) issues.push({
        path: `columns.${i + 1}`,
        message: `Column ${columnLetter(i)} "${name}" is not one we recognise: say what it holds (for example hours a week, or salary), or ignore it.`,
      });
    }
    fieldAt.push(choice === "ignore" ? null : choice);
  });
  for (const key of Object.keys(options.mapping ?? {})) {
    if (!usedHeaders.has(key.trim().toLowerCase())) issues.push({ path: `mapping.${key}`, message: `There is no column called "${key}" in the file.` });
  }
  if (!fieldAt.includes("role")) {
    issues.push({ path: "columns", message: "The file needs a column with each person's role (for example Role, Job title or Profession)." });
  }
  if (issues.length) return out;

  const data = rows.slice(h + 1);
  if (data.length > MAX_SCENARIO_POSTS) {
    issues.push({ path: `rows.${MAX_SCENARIO_POSTS + 1}`, message: `At most ${MAX_SCENARIO_POSTS} posts can come in at once; this file has ${data.length} rows.` });
    return out;
  }
  const unknownRoles = new Set<string>();
  const firstYearRules = options.firstYear ? getRules(options.firstYear) : undefined;
  data.forEach((cells, r) => {
    const row = r + 1;
    const cell: Partial<Record<ImportField, string>> = {};
    const headerOf: Partial<Record<ImportField, string>> = {};
    fieldAt.forEach((f, i) => {
      if (!f) return;
      cell[f] = (cells[i] ?? "").trim();
      headerOf[f] = header[i]!.trim();
    });
    if (cells.every((c) => c.trim() === "")) {
      out.skippedRows.push(row);
      return;
    }
    const rowIssues: FieldIssue[] = [];
    const fail = (field: ImportField, message: string) => rowIssues.push({ path: `rows.${row}.${field}`, message: `Row ${row}, ${headerOf[field] ?? FIELD_LABELS[field]}: ${message}` });
    const take = <T,>(field: ImportField, p: Parsed<T>): T | undefined => {
      if (p.error !== undefined) fail(field, p.error);
      return p.value;
    };

    // Role first: it decides how pay and the roadmap are read.
    const roleText = cell.role ?? "";
    let role: RoleId | null = null;
    const roleChoice = matchKey(options.roles, roleText);
    if (roleText === "") fail("role", "the role is blank. Give the role, for example Clinical Pharmacist or SPLW.");
    else if (roleChoice === "skip") {
      out.skippedRows.push(row);
      return;
    } else {
      role = roleChoice !== undefined ? recogniseRole(roleChoice) : recogniseRole(roleText);
      if (!role) {
        unknownRoles.add(roleText);
        fail("role", `"${roleText}" is not an ARRS role we recognise. Pick the role it is, or leave these rows out.`);
      }
    }
    const info = role ? ROLES[role] : undefined;
    const post: Record<string, unknown> = { status: "existing" };
    if (role) post.role = role;
    if (cell.label) post.label = cell.label.slice(0, 100);
    // The field each post field came from, to name the right column when the contract rejects it.
    const source: Record<string, ImportField> = {};

    if (cell.status) {
      const w = normaliseWords(cell.status);
      if (WORDS_EXISTING.has(w)) post.status = "existing";
      else if (WORDS_PROPOSED.has(w)) post.status = "proposed";
      else fail("status", `"${cell.status}" is not a status: write existing (in post now) or proposed (to recruit).`);
    }

    // WTE: a WTE column first, then hours a week (37.5 = 1.0), then sessions (9 = 1.0).
    const wteField = (["wte", "hoursPerWeek", "sessions"] as const).find((f) => cell[f]);
    if (wteField) {
      const text = cell[wteField]!;
      const tt = take(wteField, wteField === "wte" ? parseWteTenThousandths(text) : wteField === "hoursPerWeek" ? hoursToWteTenThousandths(text) : sessionsToWteTenThousandths(text));
      if (tt !== undefined) {
        if (wteField === "wte" && tt > 10000) fail("wte", `${text} is more than 1.0 whole-time equivalent. If the column holds hours a week, map it to hours a week instead.`);
        else if (tt === 0) fail(wteField, `${text} is no time at all: the post needs some hours.`);
        else if (tt > 10000) fail(wteField, `${text} is more than full time (${wteField === "hoursPerWeek" ? "37.5 hours" : "9 sessions"} a week = 1.0 WTE); model a second post for the rest.`);
        // Hours stay hours a week, and a GP's sessions stay sessions (issue 15: priced exactly as
        // hours ÷ 37.5, sessions ÷ 9); another role's sessions become WTE, as before.
        else if (wteField === "hoursPerWeek") post.hoursPerWeek = parseHoursHundredths(text).value! / 100;
        else if (wteField === "sessions" && info?.kind === "gp") post.sessions = parseSessionsHundredths(text).value! / 100;
        else post.wte = wteFromTenThousandths(tt);
      }
      source.wte = wteField;
      source.hoursPerWeek = "hoursPerWeek";
      source.sessions = "sessions";
    } else fail("wte", "no WTE, hours a week or sessions: give one, for example 0.6 WTE or 22.5 hours.");

    // Pay: a band and point when both are given (the national pay scale), else the salary.
    const band = cell.band && !WORDS_BLANK.has(normaliseWords(cell.band)) ? bandOf(cell.band) : undefined;
    if (band === null) fail("band", `"${cell.band}" is not an Agenda for Change band (3 to 9, or 8a to 8d).`);
    let point: number | undefined;
    if (cell.point) {
      if (/^\d{1,2}$/.test(cell.point) && Number(cell.point) >= 1) point = Number(cell.point);
      else fail("point", `"${cell.point}" is not a pay point: write a whole number, 1 for the entry point of the band.`);
    }
    const salaryPence = cell.annualSalary ? take("annualSalary", parseMoneyPence(cell.annualSalary)) : undefined;
    const salary = salaryPence === undefined ? undefined : penceToPounds(salaryPence);
    if (info?.kind === "gp") {
      if (salary !== undefined) post.annualSalary = salary;
      source.annualSalary = "annualSalary";
    } else if (info?.kind === "mhp") {
      if (band) post.band = band;
      if (point !== undefined) post.point = point;
      else if (salary !== undefined) post.annualSalary = salary;
    } else if (band && point !== undefined) {
      post.band = band;
      post.point = point;
    } else if (salary !== undefined) {
      post.annualSalary = salary;
    } else {
      if (band) post.band = band;
      if (point !== undefined) post.point = point;
    }
    if (firstYearRules && typeof post.band === "string" && typeof post.point === "number" && isAfcBand(post.band)) {
      const points = firstYearRules.afc[post.band].points.length;
      if (post.point > points) fail("point", `band ${post.band} has ${points} pay point${points === 1 ? "" : "s"} in ${options.firstYear}; point ${post.point} does not exist.`);
    }

    for (const f of ["start", "end", "nextPayStep", "expectedStart"] as const) {
      if (cell[f]) {
        const iso = take(f, parseDate(cell[f], FIELD_LABELS[f]));
        if (iso) post[f] = iso;
      }
    }
    if (cell.area) {
      const a = areaOf(cell.area);
      if (a) post.area = a;
      else fail("area", `"${cell.area}" is not an area: write national, inner london, outer london or fringe.`);
    }
    if (cell.mhpFunding && !WORDS_BLANK.has(normaliseWords(cell.mhpFunding))) {
      const m = mhpFundingOf(cell.mhpFunding);
      if (!m) fail("mhpFunding", `"${cell.mhpFunding}" is not a funding share: write 50% or 100%.`);
      else if (info?.kind === "mhp") post.mhpFunding = m;
    }
    if (cell.roadmap && info?.firstContact) {
      const w = normaliseWords(cell.roadmap);
      if (WORDS_QUALIFIED.has(w)) post.firstContact = { roadmap: "qualified" };
      else if (WORDS_TRAINING.has(w)) post.firstContact = { roadmap: "in-training" };
      else if (!WORDS_BLANK.has(w)) fail("roadmap", `"${cell.roadmap}" is not a roadmap status: write complete (qualified, no roadmap supervision) or in training.`);
    }

    // Issue 15: a commissioner-approved role's name and the ICB's maximum; the nurse/HCSW 12-month rule.
    if (role === "commissioner-approved") {
      if (cell.roleName) post.roleName = cell.roleName.slice(0, 120);
      if (cell.maxReimbursableAnnual) {
        const pence = take("maxReimbursableAnnual", parseMoneyPence(cell.maxReimbursableAnnual));
        if (pence !== undefined) post.maxReimbursableAnnual = penceToPounds(pence);
      }
    }
    for (const f of ["employedInLast12Months", "moreSeniorRole"] as const) {
      const w = cell[f] ? normaliseWords(cell[f]) : "";
      if (w === "" || WORDS_BLANK.has(w)) continue;
      if (["yes", "y", "true", "1"].includes(w)) post[f] = true;
      else if (["no", "n", "false", "0"].includes(w)) post[f] = false;
      else fail(f, `"${cell[f]}" is not yes or no.`);
    }

    if (rowIssues.length === 0) {
      const parsed = ScenarioPostSchema.safeParse(post);
      if (!parsed.success) {
        for (const issue of toFieldIssues(parsed.error)) {
          const top = issue.path.split(".")[0] ?? "";
          const field: ImportField = top === "firstContact" ? "roadmap" : (source[top] ?? (isImportField(top) ? top : "role"));
          if (!rowIssues.some((i) => i.path === `rows.${row}.${field}`)) fail(field, issue.message);
        }
      }
    }
    if (rowIssues.length) issues.push(...rowIssues);
    else out.posts.push({ row, post: post as ScenarioPostInput });
  });
  out.unknownRoles = [...unknownRoles];
  if (out.posts.length === 0 && issues.length === 0) issues.push({ path: "rows", message: "The file has a header row but no staff in it." });
  return out;
}
