// The outturn, back pay and forecast return files (CSV and XLSX) for the routes
// /api/v1/pcns/{code}/outturn.csv|.xlsx, backpay.csv|.xlsx and forecast-return.csv|.xlsx.
// The same access as the outturn: the PCN's members; anyone else 404.
import { computeForecastReturn } from "@/lib/claims/forecast-return";
import { backpayFile } from "@/lib/export/backpay";
import { forecastReturnFile } from "@/lib/export/forecast-return";
import { OUTTURN_CSV_TABLES, outturnFile, type OutturnCsvTable } from "@/lib/export/outturn";
import type { ExportFile } from "@/lib/export";
import type { SessionUser } from "../auth/users";
import type { Db } from "../db/create-prisma";
import { invalidInput } from "../errors";
import { APP_VERSION } from "../scenarios/export";
import { getBackpay } from "./backpay";
import { loadOutturnContext, outturnOf } from "./outturn";

function outturnTableParam(value: string | null): OutturnCsvTable {
  if (value === null || value === "") return "months";
  if ((OUTTURN_CSV_TABLES as readonly string[]).includes(value)) return value as OutturnCsvTable;
  const message = `table must be one of: ${OUTTURN_CSV_TABLES.join(", ")}.`;
  throw invalidInput([{ path: "table", message }], message);
}

export async function exportOutturn(db: Db, actor: SessionUser | null, code: string, query: URLSearchParams, format: "csv" | "xlsx", now: Date = new Date()): Promise<ExportFile> {
  const table = outturnTableParam(query.get("table"));
  const ctx = await loadOutturnContext(db, actor, code, query.get("year"), now);
  const { json } = outturnOf(ctx);
  return outturnFile({ pcn: ctx.pcn, outturn: json, generatedAt: now.toISOString(), appVersion: APP_VERSION }, format, table);
}

export async function exportBackpay(db: Db, actor: SessionUser | null, code: string, query: URLSearchParams, format: "csv" | "xlsx", now: Date = new Date()): Promise<ExportFile> {
  const { ctx, backpay } = await getBackpay(db, actor, code, query.get("year"), now);
  const s = ctx.scenario!;
  return backpayFile({ pcn: ctx.pcn, agreedScenario: { name: s.name, version: s.version }, backpay, generatedAt: now.toISOString(), appVersion: APP_VERSION }, format);
}

export async function exportForecastReturn(db: Db, actor: SessionUser | null, code: string, query: URLSearchParams, format: "csv" | "xlsx", now: Date = new Date()): Promise<ExportFile> {
  const ctx = await loadOutturnContext(db, actor, code, query.get("year"), now);
  const forecast = computeForecastReturn({ financialYear: ctx.financialYear, plan: ctx.plan, lines: ctx.lines });
  const s = ctx.scenario;
  return forecastReturnFile({ pcn: ctx.pcn, agreedScenario: s ? { name: s.name, version: s.version } : null, forecast, today: ctx.today, generatedAt: now.toISOString(), appVersion: APP_VERSION }, format);
}
