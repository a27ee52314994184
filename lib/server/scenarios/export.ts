// Export service: a saved scenario (scenario access rules apply) or an estimate, as CSV or XLSX.
import pkg from "@/package.json";
import { CSV_TABLES, exportFile, XLSX_TYPE, type CsvTable, type ExportFile } from "@/lib/export";
import type { EstimateResponse } from "@/lib/estimate-response";
import type { Db } from "../db/create-prisma";
import { invalidInput } from "../errors";
import { getScenarioWithResults } from "./scenarios";
import type { SessionUser } from "../auth/users";
import type { EstimateRequest } from "@/lib/schemas/estimate";

export const APP_VERSION = pkg.version;

export function csvTableParam(value: string | null): CsvTable {
  if (value === null || value === "") return "monthly";
  if ((CSV_TABLES as readonly string[]).includes(value)) return value as CsvTable;
  throw invalidInput([{ path: "table", message: `table must be one of: ${CSV_TABLES.join(", ")}.` }]);
}

/** CSV tables only a saved scenario has. */
export const SCENARIO_ONLY_TABLES = ["workforce", "slip"] as const satisfies readonly CsvTable[];

export const EXPORT_FORMATS = ["json", "csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Record<string, ExportFormat> = { "application/json": "json", "text/csv": "csv", [XLSX_TYPE]: "xlsx" };

/**
 * What a request asks for: `?format=json|csv|xlsx` first (an unknown value is invalid_input),
 * else the Accept header — the supported type with the highest q (the first listed on a tie); JSON
 * for any type, for none supported and without the header.
 */
export function requestedFormat(request: Request): ExportFormat {
  const param = new URL(request.url).searchParams.get("format");
  if (param !== null) {
    const f = param.trim().toLowerCase();
    if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
    throw invalidInput([{ path: "format", message: `format must be one of: ${EXPORT_FORMATS.join(", ")}.` }], `format must be one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  let best: { format: ExportFormat; q: number } = { format: "json", q: 0 };
  for (const range of (request.headers.get("accept") ?? "").split(",")) {
    const [type = "", ...params] = range.split(";").map((x) => x.trim().toLowerCase());
    const format = MEDIA_TYPES[type];
    if (!format) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > best.q) best = { format, q };
  }
  return best.format;
}

export async function exportScenario(db: Db, actor: SessionUser | null, id: string, format: "csv" | "xlsx", table: CsvTable = "monthly", now: Date = new Date()): Promise<ExportFile> {
  const s = await getScenarioWithResults(db, actor, id, now);
  const icb = await db.pcn.findUnique({ where: { code: s.pcnCode }, select: { icb: { select: { code: true, name: true } } } });
  return exportFile(
    {
      kind: "scenario",
      title: s.name,
      description: s.description,
      pcn: { code: s.pcnCode, name: s.pcnName, icb: icb?.icb ?? null },
      firstYear: s.firstYear,
      years: s.years,
      posts: s.posts,
      supervisors: s.supervisors,
      results: s.results.years,
      summary: s.results.summary,
      slip: s.results.slip,
      generatedAt: now.toISOString(),
      appVersion: APP_VERSION,
      version: s.version,
    },
    format,
    table,
  );
}

export async function exportEstimate(req: EstimateRequest, res: EstimateResponse, format: "csv" | "xlsx", table: CsvTable = "monthly", now: Date = new Date()): Promise<ExportFile> {
  // The workforce and the recruitment slip are part of a scenario (a quick estimate has neither).
  if (format === "csv" && (SCENARIO_ONLY_TABLES as readonly string[]).includes(table)) {
    throw invalidInput([{ path: "table", message: `The ${table} table is part of a saved scenario's export. A quick estimate's table must be one of: monthly, posts, claims.` }]);
  }
  return exportFile(
    {
      kind: "estimate",
      title: res.pcn ? `Estimate for ${res.pcn.name}` : "Quick estimate",
      pcn: res.pcn ? { code: res.pcn.code, name: res.pcn.name } : null,
      firstYear: res.financialYear,
      years: 1,
      posts: req.posts.map((p) => ({ ...p, label: p.id, status: "proposed" as const })),
      results: [res],
      generatedAt: now.toISOString(),
      appVersion: APP_VERSION,
    },
    format,
    table,
  );
}

/** A file download response (the name is safe: letters, digits, dashes). */
export function fileResponse(f: ExportFile): Response {
  return new Response(typeof f.body === "string" ? f.body : new Uint8Array(f.body), {
    status: 200,
    headers: { "content-type": f.contentType, "content-disposition": `attachment; filename="${f.fileName}"`, "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}
