// The ICB's view (issue 18): GET /api/v1/icbs/{code}/outturn, the forecast return files and the
// /icbs/{code} page. Authorises once (requireIcbViewer), then loads every PCN of the ICB with a
// handful of queries (the PCNs, their agreed plans, all their claim lines) and builds each PCN's
// outturn with the same function as the PCN's own outturn (buildOutturnContext + outturnOf), so a
// row equals GET /api/v1/pcns/{code}/outturn. Only agreed scenarios are read: drafts never appear.
// No "server-only": tests call it with their own Db.
import { computeForecastReturn, type ForecastReturnRow } from "@/lib/claims/forecast-return";
import { computeOutturn, type OutturnLine } from "@/lib/claims/outturn";
import { planTotalsAsPost, type PlanYearFigures } from "@/lib/claims/plan-year";
import { monthsOfYear } from "@/lib/claims/types";
import { scenarioYears } from "@/lib/schemas/scenario";
import type { ExportFile } from "@/lib/export";
import { icbReturnFile } from "@/lib/export/icb-return";
import { icbOutturnJson, type IcbPcnInput } from "@/lib/icb/outturn";
import type { Actor } from "../auth/access";
import { requireIcbViewer } from "../auth/access";
import { buildOutturnContext, claimLinesOf, entitlementOfPlanYear, entitlementWithoutPlan, outturnOf, outturnYear, type OutturnContext } from "../claims/outturn";
import { dataKey, parseFigures, sameKey, type PlanStoreKey } from "../claims/plan-store";
import { storeAgreedPlan } from "../claims/plan-store-refresh";
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

/**
 * An agreed plan's figures for the year from the store, recalculated (and stored again) when the
 * stored row is missing, stale or unreadable. Exactly what a fresh calculation gives.
 */
export async function agreedPlanFigures(
  db: Db,
  agreed: { id: string; version: number },
  financialYear: string,
  stored: { scenarioVersion: number; dataVersion: string; rulesKey: string; figures: string } | undefined,
  key: Omit<PlanStoreKey, "scenarioVersion">,
  now: Date,
  contexts?: PlannerContextCache,
): Promise<PlanYearFigures | null> {
  if (stored && sameKey(stored, { ...key, scenarioVersion: agreed.version })) {
    const figures = parseFigures(stored.figures, financialYear);
    if (figures) return figures;
  }
  const years = await storeAgreedPlan(db, agreed.id, now, contexts);
  return years.find((y) => y.financialYear === financialYear) ?? null;
}

/**
 * GET /api/v1/icbs/{code}/outturn?year=2026/27 — from the store of agreed plans' results and the
 * claims summed by month in the database: a handful of queries for the whole ICB, no pricing while
 * the store is fresh. Each row is computeOutturn of the same months as the PCN's own outturn, so it
 * equals GET /api/v1/pcns/{code}/outturn to the penny (tests/integration/plan-store.test.ts).
 */
export async function getIcbOutturn(db: Db, actor: Actor | null, code: string, yearParam: string | null, now: Date = new Date()) {
  const icbCode = icbCodeOf(code);
  await requireIcbViewer(db, actor, icbCode);
  const financialYear = outturnYear(yearParam, now);
  const icb = await db.icb.findUnique({ where: { code: icbCode }, select: { code: true, name: true } });
  if (!icb) throw notFound(`There is no ICB with code ${icbCode}.`);
  return icbOutturnFromStore(db, icb, (await db.pcn.findMany({ where: { icbCode }, select: { code: true, name: true }, orderBy: { name: "asc" } })), financialYear, now);
}

/** Every PCN's row from the store (see getIcbOutturn): the ICB's outturn, or England's for all PCNs. */
export async function icbOutturnFromStore(db: Db, icb: { code: string; name: string }, pcnRows: { code: string; name: string }[], financialYear: string, now: Date) {
  const codes = pcnRows.map((p) => p.code);
  const months = monthsOfYear(financialYear);
  const today = now.toISOString().slice(0, 10);
  const [agreedRows, sums, nowKey] = await Promise.all([
    db.scenario.findMany({
      where: { pcnCode: { in: codes }, agreedAt: { not: null }, deletedAt: null },
      orderBy: { agreedAt: "desc" },
      select: { id: true, pcnCode: true, agreedAt: true, name: true, version: true, firstYear: true, years: true },
    }),
    db.claimLine.groupBy({ by: ["pcnCode", "month", "status"], where: { pcnCode: { in: codes }, month: { in: months } }, _sum: { claimedPence: true } }),
    dataKey(db),
  ]);
  const agreed = new Map<string, (typeof agreedRows)[number]>();
  for (const a of agreedRows) if (!agreed.has(a.pcnCode)) agreed.set(a.pcnCode, a);
  const storedRows = await db.agreedPlanYear.findMany({
    where: { scenarioId: { in: [...agreed.values()].map((a) => a.id) }, financialYear },
    select: { scenarioId: true, scenarioVersion: true, dataVersion: true, rulesKey: true, figures: true },
  });
  const stored = new Map(storedRows.map((r) => [r.scenarioId, r]));
  // The month's claims of each status, summed: the outturn's months, to date and forecast are sums by month.
  const lines = new Map<string, OutturnLine[]>();
  for (const r of sums) {
    const list = lines.get(r.pcnCode) ?? [];
    list.push({ month: r.month, postId: null, label: "", role: "", wteTenThousandths: 0, claimedPence: r._sum.claimedPence ?? 0, status: r.status, paidOn: null });
    lines.set(r.pcnCode, list);
  }
  const contexts: PlannerContextCache = new Map();
  const inputs: IcbPcnInput[] = [];
  for (const p of pcnRows) {
    const a = agreed.get(p.code) ?? null;
    const covers = a ? scenarioYears(a.firstYear, a.years).includes(financialYear) : false;
    const figures = a && covers ? await agreedPlanFigures(db, a, financialYear, stored.get(a.id), nowKey, now, contexts) : null;
    const entitlement = figures ? entitlementOfPlanYear(figures) : await entitlementWithoutPlan(db, p.code, financialYear, []);
    const outturn = computeOutturn({ financialYear, entitlementPence: entitlement.entitlementPence, plan: figures ? planTotalsAsPost(figures) : null, lines: lines.get(p.code) ?? [], today });
    inputs.push({
      code: p.code,
      name: p.name,
      weightedPopulationStatus: entitlement.weightedPopulationProvenance,
      agreedScenario: a ? { id: a.id, name: a.name, agreedAt: a.agreedAt?.toISOString() ?? null } : null,
      outturn,
    });
  }
  return icbOutturnJson(icb, financialYear, today, inputs);
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
