// Export service: a saved scenario (scenario access rules apply) or an estimate, as CSV or XLSX.
import pkg from "@/package.json";
import { CSV_TABLES, exportFile, type CsvTable, type ExportFile } from "@/lib/export";
import type { EstimateResponse } from "@/lib/estimate-response";
import type { Db } from "./create-prisma";
import { invalidInput } from "./errors";
import { getScenarioWithResults } from "./scenarios";
import type { SessionUser } from "./users";
import type { EstimateRequest } from "@/lib/schemas/estimate";

export const APP_VERSION = pkg.version;

export function csvTableParam(value: string | null): CsvTable {
  if (value === null || value === "") return "monthly";
  if ((CSV_TABLES as readonly string[]).includes(value)) return value as CsvTable;
  throw invalidInput([{ path: "table", message: `table must be one of: ${CSV_TABLES.join(", ")}.` }]);
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
      generatedAt: now.toISOString(),
      appVersion: APP_VERSION,
      version: s.version,
    },
    format,
    table,
  );
}

export async function exportEstimate(req: EstimateRequest, res: EstimateResponse, format: "csv" | "xlsx", table: CsvTable = "monthly", now: Date = new Date()): Promise<ExportFile> {
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
