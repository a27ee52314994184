// Plan against actual (issue 17, item 3): GET /api/v1/pcns/{code}/outturn and the outturn page.
// Loads the PCN's agreed plan (its live scenario with agreedAt set) with its results, the year's
// claim lines and the entitlement, then computes with the pure lib/claims/outturn.ts.
// Access: the PCN's members read (viewers too); anyone else gets 404 (lib/server/auth/access.ts).
// No "server-only": tests call it with their own Db.
import { computeOutturn, outturnJson, type OutturnLine, type PlanPost } from "@/lib/claims/outturn";
import { planYearOf, type PlanYear } from "@/lib/claims/plan-year";
import { monthsOfYear } from "@/lib/claims/types";
import { financialYearProblem } from "@/lib/engine";
import type { YearResult } from "@/lib/planner/types";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import { requirePcnRole } from "../auth/access";
import type { SessionUser } from "../auth/users";
import type { Db } from "../db/create-prisma";
import { invalidInput, notFound } from "../errors";
import { getPcnDetail } from "../pcn-data/pcn-profile";
import { getAuthorisedScenarioWithResults, type PlannerContextCache, type ScenarioWithResults } from "../scenarios/scenarios";
import { currentFinancialYear } from "../today";

export interface OutturnContext {
  pcn: { code: string; name: string };
  financialYear: string;
  today: string;
  scenario: ScenarioWithResults | null;
  agreedAt: string | null;
  /** The agreed plan's results for the year (null: no agreed plan, or it does not cover the year). */
  year: YearResult | null;
  /** What the outturn takes of that year (lib/claims/plan-year.ts): the same whether fresh or stored. */
  planYear: PlanYear | null;
  plan: PlanPost[] | null;
  entitlementPence: number;
  entitlementBasis: string;
  entitlementIsEstimate: boolean;
  /** How the year's weighted population is known ("icb-confirmed" | "imported" | "estimate"), null when none is. */
  weightedPopulationProvenance: string | null;
  lines: (OutturnLine & { note: string | null })[];
  warnings: string[];
}

/** The `?year=` parameter: the current financial year when absent; 422 in words when not a year the app covers. */
export function outturnYear(raw: string | null, now: Date = new Date()): string {
  const current = currentFinancialYear(now);
  if (raw === null || raw.trim() === "") return current;
  const fy = raw.trim();
  const problem = financialYearProblem(fy, current, "The year");
  if (problem) throw invalidInput([{ path: "year", message: problem }], problem);
  return fy;
}

function pcnCodeOf(code: string): string {
  const parsed = PcnCodeSchema.safeParse(code);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "That is not a PCN code.";
    throw invalidInput([{ path: "code", message }], message);
  }
  return parsed.data;
}

/** Everything the outturn, the back pay and the forecast return are made from. */
export async function loadOutturnContext(db: Db, actor: SessionUser | null, code: string, yearParam: string | null, now: Date = new Date()): Promise<OutturnContext> {
  const pcnCode = pcnCodeOf(code);
  await requirePcnRole(db, actor, pcnCode, "viewer");
  const financialYear = outturnYear(yearParam, now);
  const pcnRow = await db.pcn.findUnique({ where: { code: pcnCode }, select: { code: true, name: true } });
  if (!pcnRow) throw notFound(`There is no PCN with code ${pcnCode}.`);
  const agreed = await db.scenario.findFirst({ where: { pcnCode, agreedAt: { not: null }, deletedAt: null }, orderBy: { agreedAt: "desc" }, select: { id: true, agreedAt: true } });
  const lines = await claimLinesOf(db, [pcnCode], financialYear);
  return buildOutturnContext(db, { pcn: pcnRow, financialYear, now, agreed, lines: lines.get(pcnCode) ?? [] });
}

type ContextLine = OutturnContext["lines"][number];

/** The year's claim lines of several PCNs, in one query (by PCN code). */
export async function claimLinesOf(db: Db, pcnCodes: string[], financialYear: string): Promise<Map<string, ContextLine[]>> {
  const rows = await db.claimLine.findMany({
    where: { pcnCode: { in: pcnCodes }, month: { in: monthsOfYear(financialYear) } },
    orderBy: [{ month: "asc" }, { position: "asc" }],
    select: { pcnCode: true, month: true, postId: true, label: true, role: true, wteTenThousandths: true, claimedPence: true, status: true, paidOn: true, note: true },
  });
  const out = new Map<string, ContextLine[]>();
  for (const { pcnCode, ...line } of rows) {
    const list = out.get(pcnCode) ?? [];
    list.push(line);
    out.set(pcnCode, list);
  }
  return out;
}

/**
 * One PCN's outturn context from what the caller has loaded and authorised: the PCN, its agreed
 * plan's id (never a draft) and its claim lines. Prices the agreed plan (the one function the ICB
 * view calls per PCN: a stored-results cache can replace it later).
 */
export async function buildOutturnContext(
  db: Db,
  input: { pcn: { code: string; name: string }; financialYear: string; now: Date; agreed: { id: string; agreedAt: Date | null } | null; lines: ContextLine[]; contexts?: PlannerContextCache },
): Promise<OutturnContext> {
  const { pcn, financialYear, now, agreed } = input;
  const warnings: string[] = [];
  const scenario = agreed ? await getAuthorisedScenarioWithResults(db, agreed.id, now, input.contexts) : null;
  const year = scenario?.results.years.find((y) => y.financialYear === financialYear) ?? null;
  if (scenario && !year) {
    const last = scenario.results.years[scenario.results.years.length - 1]?.financialYear;
    warnings.push(`The agreed plan "${scenario.name}" covers ${scenario.firstYear}${last && last !== scenario.firstYear ? ` to ${last}` : ""}, not ${financialYear}: nothing is planned for ${financialYear}.`);
  }
  const labels = new Map((scenario?.posts ?? []).map((p) => [p.id ?? "", p.label]));
  const planYear = year ? planYearOf(year, labels) : null;
  const entitlement = planYear ? entitlementOfPlanYear(planYear) : await entitlementWithoutPlan(db, pcn.code, financialYear, warnings);
  return {
    pcn: { code: pcn.code, name: pcn.name },
    financialYear,
    today: now.toISOString().slice(0, 10),
    scenario,
    agreedAt: agreed?.agreedAt?.toISOString() ?? null,
    year,
    planYear,
    plan: planYear?.posts ?? null,
    ...entitlement,
    lines: input.lines,
    warnings,
  };
}

type EntitlementFields = Pick<OutturnContext, "entitlementPence" | "entitlementBasis" | "entitlementIsEstimate" | "weightedPopulationProvenance">;

/** The year's entitlement as the agreed plan has it. */
export function entitlementOfPlanYear(y: Omit<PlanYear, "posts">): EntitlementFields {
  return {
    entitlementPence: y.entitlementPence,
    entitlementBasis: `The agreed plan's ${y.financialYear} entitlement (weighted population ${y.weightedPopulation.toLocaleString("en-GB")}, ${y.weightedPopulationProvenance}).`,
    entitlementIsEstimate: y.entitlementIsEstimate,
    weightedPopulationProvenance: y.weightedPopulationProvenance,
  };
}

/** The year's entitlement of a PCN without an agreed plan for it: as the PCN's page shows it. */
export async function entitlementWithoutPlan(db: Db, pcnCode: string, financialYear: string, warnings: string[]): Promise<EntitlementFields> {
  const detail = await getPcnDetail(db, pcnCode);
  const row = detail?.entitlements.find((e) => e.financialYear === financialYear) ?? null;
  const entitlementBasis = row
    ? `The PCN's ${financialYear} entitlement as its page shows it (weighted population ${row.weightedPopulation.toLocaleString("en-GB")}, ${row.weightedPopulationProvenance}).`
    : `No entitlement is known for ${financialYear} (no rule table or weighted population): shown as £0.`;
  if (!row) warnings.push(entitlementBasis);
  return {
    entitlementPence: row?.amountPence ?? 0,
    entitlementBasis,
    entitlementIsEstimate: row ? row.isEstimate : true,
    weightedPopulationProvenance: row?.weightedPopulationProvenance ?? null,
  };
}

/** The outturn's words on what is estimated. */
export function outturnEstimates(entitlementIsEstimate: boolean, planYearEstimates: string[]): string[] {
  return [
    "The forecast is an estimate: claimed for the months that have claims, the agreed plan after.",
    ...(entitlementIsEstimate ? ["The entitlement is an estimate (see entitlementBasis)."] : []),
    ...planYearEstimates,
  ];
}

export function outturnOf(ctx: OutturnContext) {
  const o = computeOutturn({ financialYear: ctx.financialYear, entitlementPence: ctx.entitlementPence, plan: ctx.plan, lines: ctx.lines, today: ctx.today });
  const estimates = outturnEstimates(ctx.entitlementIsEstimate, ctx.planYear?.estimates ?? []);
  const agreedScenario = ctx.scenario
    ? { id: ctx.scenario.id, name: ctx.scenario.name, version: ctx.scenario.version, ...(ctx.agreedAt ? { agreedAt: ctx.agreedAt } : {}) }
    : null;
  return {
    outturn: o,
    json: {
      pcn: ctx.pcn,
      ...outturnJson(o, { agreedScenario, entitlementBasis: ctx.entitlementBasis, estimates, warnings: ctx.warnings, today: ctx.today }),
    },
  };
}

/** GET /api/v1/pcns/{code}/outturn?year=2026/27 */
export async function getOutturn(db: Db, actor: SessionUser | null, code: string, yearParam: string | null, now: Date = new Date()) {
  return outturnOf(await loadOutturnContext(db, actor, code, yearParam, now)).json;
}
export type OutturnResponse = Awaited<ReturnType<typeof getOutturn>>;
