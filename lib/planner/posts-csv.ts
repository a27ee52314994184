// Posts in bulk: a CSV with one row per post and the post fields as named columns (the layout the
// posts export writes). Every bad row is reported with its row number (the header is row 1, as
// in a spreadsheet) and what is wrong; posts come back only when every row is good. Pure.
import { parse } from "csv-parse/browser/esm/sync";
import { isRoleId, ROLES } from "@/lib/engine";
import { toFieldIssues } from "@/lib/schemas/common";
import { ScenarioPostSchema, type ScenarioPostInput } from "@/lib/schemas/scenario";
import { booleanFromText, POST_CSV_HEADERS, POST_INPUT_COLUMNS, type PostInputColumnId } from "./columns";
import { numberFromText } from "./post-draft";

export const MAX_CSV_ROWS = 200;
const NUMERIC: ReadonlySet<string> = new Set(["point", "annualSalary", "wte", "sessions", "hoursPerWeek", "maxReimbursableAnnual"]);
const BOOLEAN: ReadonlySet<string> = new Set(["employedInLast12Months", "moreSeniorRole"]);

export interface CsvRowError {
  row: number;
  message: string;
}

export type PostsCsvResult = { ok: true; posts: ScenarioPostInput[] } | { ok: false; errors: CsvRowError[] };

const headerLabel = (id: string) => POST_INPUT_COLUMNS.find((c) => c.id === id)?.header ?? id;

export function parsePostsCsv(text: string): PostsCsvResult {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, errors: [{ row: line ?? 1, message: `The CSV cannot be read: ${(e as Error).message.replace(/^Invalid Record Length: /, "")}` }] };
  }
  const [header, ...rows] = records;
  if (!header || header.every((h) => h === "")) return { ok: false, errors: [{ row: 1, message: "The CSV is empty: the first row must name the columns, e.g. label,role,status,band,point,wte,start." }] };
  const known = new Set<string>(POST_CSV_HEADERS);
  const byLower = new Map(POST_CSV_HEADERS.map((h) => [h.toLowerCase(), h]));
  const columns: (PostInputColumnId | null)[] = header.map((h) => byLower.get(h.trim().toLowerCase()) ?? null);
  const errors: CsvRowError[] = [];
  const unknown = header.filter((_, i) => columns[i] === null && header[i] !== "");
  if (unknown.length) errors.push({ row: 1, message: `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}. The columns are: ${[...known].join(", ")}.` });
  if (!columns.includes("role")) errors.push({ row: 1, message: "The CSV needs a role column." });
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ row: 2, message: "The CSV has a header row but no posts." }] };
  if (rows.length > MAX_CSV_ROWS) return { ok: false, errors: [{ row: MAX_CSV_ROWS + 2, message: `At most ${MAX_CSV_ROWS} posts in one CSV.` }] };
  const posts: ScenarioPostInput[] = [];
  rows.forEach((cells, r) => {
    const row = r + 2;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== "")) {
      errors.push({ row, message: `Row ${row} has more values than there are columns.` });
      return;
    }
    const post: Record<string, unknown> = {};
    let roadmap: string | undefined;
    columns.forEach((c, i) => {
      const v = cells[i] ?? "";
      if (!c || v === "") return;
      if (c === "roadmap") roadmap = v.toLowerCase().replace(/[\s_]+/g, "-");
      else post[c] = NUMERIC.has(c) ? numberFromText(v) : BOOLEAN.has(c) ? booleanFromText(v) : c === "band" || c === "role" || c === "status" || c === "area" ? v.toLowerCase() : v;
    });
    if (roadmap !== undefined) {
      // The roadmap status lives in the post's First Contact record; only First Contact roles have one.
      if (typeof post.role === "string" && isRoleId(post.role) && !ROLES[post.role].firstContact) {
        errors.push({ row, message: `Roadmap: only First Contact roles (OT, physiotherapist, dietitian, podiatrist, paramedic) have a roadmap; leave it blank for ${ROLES[post.role].name.toLowerCase()}.` });
        return;
      }
      post.firstContact = { roadmap };
    }
    const parsed = ScenarioPostSchema.safeParse(post);
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error)) {
        const path = issue.path === "firstContact.roadmap" ? "roadmap" : issue.path;
        const field = path.split(".")[0] ?? "";
        errors.push({ row, message: `${field ? `${headerLabel(field)}: ` : ""}${issue.message}` });
      }
      return;
    }
    posts.push(post as ScenarioPostInput);
  });
  return errors.length ? { ok: false, errors } : { ok: true, posts };
}
