// The ICB's view (issue 18): GET /api/v1/icbs/{code}/outturn, the forecast return files and the
// /icbs/{code} page. Authorises once (requireIcbViewer), then loads every PCN of the ICB with a
// handful of queries (the PCNs, their agreed plans, all their claim lines) and builds each PCN's
// outturn with the same function as the PCN's own outturn (buildOutturnContext + outturnOf), so a
// row equals GET /api/v1/pcns/{code}/outturn. Only agreed scenarios are read: drafts never appear.
// No "server-only": tests call it with their own Db.
import { computeForecastReturn, type ForecastReturnRow } from "@/lib/claims/forecast-return";
import type { ExportFile } from "@/lib/export";
import { icbReturnFile } from "@/lib/export/icb-return";
import { icbOutturnJson, type IcbPcnInput } from "@/lib/icb/outturn";
import type { Actor } from "../auth/access";
import { requireIcbViewer } from "../auth/access";
import { buildOutturnContext, claimLinesOf, outturnOf, outturnYear, type OutturnContext } from "../claims/outturn";
import type { Db } from "../db/create-prisma";
import { invalidInput, notFound } from "../errors";
import { APP_VERSION } from "../scenarios/export";
import type { PlannerContextCache } from "../scenarios/scenarios";

const ICB_CODE = /^[A-Z0-9]{3,9}$/;

function icbCodeOf(code: string): string {
  const c = decodeURIComponent(code).trim().toUpperCase();
  if (!ICB_CODE.test(c)) {
    const message = "That is not an ICB code (e.g. QZA or E54000001: letters and digits).";
    throw invalidInput([{ path: "code", message }], message);
  }
  return c;
}

export interface IcbContext {
  icb: { code: string; name: string };
  financialYear: string;
  today: string;
  pcns: OutturnContext[];
}

/** Every PCN of the ICB with its outturn context. 401 signed out; 404 unknown ICB or not a viewer; 422 bad year. */
export async function loadIcbContext(db: Db, actor: Actor | null, code: string, yearParam: string | null, now: Date = new Date()): Promise<IcbContext> {
  const icbCode = icbCodeOf(code);
  await requireIcbViewer(db, actor, icbCode);
  const financialYear = outturnYear(yearParam, now);
  const icb = await db.icb.findUnique({ where: { code: icbCode }, select: { code: true, name: true } });
  if (!icb) throw notFound(`There is no ICB with code ${icbCode}.`);
  const pcnRows = await db.pcn.findMany({ where: { icbCode }, select: { code: true, name: true }, orderBy: { name: "asc" } });
  const codes = pcnRows.map((p) => p.code);
  const agreedRows = await db.scenario.findMany({
    where: { pcnCode: { in: codes }, agreedAt: { not: null }, deletedAt: null },
    orderBy: { agreedAt: "desc" },
    select: { id: true, pcnCode: true, agreedAt: true },
  });
  const agreed = new Map<string, { id: string; agreedAt: Date | null }>();
  for (const a of agreedRows) if (!agreed.has(a.pcnCode)) agreed.set(a.pcnCode, { id: a.id, agreedAt: a.agreedAt });
  const lines = await claimLinesOf(db, codes, financialYear);
  const contexts: PlannerContextCache = new Map();
  const pcns: OutturnContext[] = [];
  // One PCN at a time: pricing a plan is CPU work and SQLite serialises reads anyway.
  for (const p of pcnRows) {
    pcns.push(await buildOutturnContext(db, { pcn: p, financialYear, now, agreed: agreed.get(p.code) ?? null, lines: lines.get(p.code) ?? [], contexts }));
  }
  return { icb, financialYear, today: now.toISOString().slice(0, 10), pcns };
}

export function icbOutturnOf(ctx: IcbContext) {
  const inputs: IcbPcnInput[] = ctx.pcns.map((c) => ({
    code: c.pcn.code,
    name: c.pcn.name,
    weightedPopulationStatus: c.weightedPopulationProvenance,
    agreedScenario: c.scenario ? { id: c.scenario.id, name: c.scenario.name, agreedAt: c.agreedAt } : null,
    outturn: outturnOf(c).outturn,
  }));
  return icbOutturnJson(ctx.icb, ctx.financialYear, ctx.today, inputs);
}

/** GET /api/v1/icbs/{code}/outturn?year=2026/27 */
export async function getIcbOutturn(db: Db, actor: Actor | null, code: string, yearParam: string | null, now: Date = new Date()) {
  return icbOutturnOf(await loadIcbContext(db, actor, code, yearParam, now));
}
export type IcbOutturnResponse = Awaited<ReturnType<typeof getIcbOutturn>>;

export interface IcbReturnRow extends ForecastReturnRow {
  pcnCode: string;
  pcnName: string;
}

/** The ICB's return: one row per PCN × role × month (each PCN's own forecast return). */
export function icbReturnRows(ctx: IcbContext): IcbReturnRow[] {
  return ctx.pcns.flatMap((c) =>
    computeForecastReturn({ financialYear: ctx.financialYear, plan: c.plan, lines: c.lines }).rows.map((r) => ({ pcnCode: c.pcn.code, pcnName: c.pcn.name, ...r })),
  );
}

/** GET /api/v1/icbs/{code}/forecast.csv|.xlsx?year=… — the same figures as the ICB's outturn API. */
export async function exportIcbReturn(db: Db, actor: Actor | null, code: string, query: URLSearchParams, format: "csv" | "xlsx", now: Date = new Date()): Promise<ExportFile> {
  const ctx = await loadIcbContext(db, actor, code, query.get("year"), now);
  const json = icbOutturnOf(ctx);
  return icbReturnFile(
    {
      icb: ctx.icb,
      financialYear: ctx.financialYear,
      today: ctx.today,
      rows: icbReturnRows(ctx),
      pcns: json.pcns.map((p) => ({ code: p.code, name: p.name, agreedScenario: p.agreedScenario, forecastClaims: p.forecastClaims, claimedToDate: p.claimedToDate })),
      generatedAt: now.toISOString(),
      appVersion: APP_VERSION,
    },
    format,
  );
}
