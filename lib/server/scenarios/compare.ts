// Compare service: two to four saved scenarios of one PCN, side by side (the compare page, GET
// /api/v1/pcns/{code}/compare and its CSV/XLSX). Each scenario is loaded through the scenarios
// service, so its access rules apply unchanged (signed-in editors and admins; the demo account
// only for demo PCNs). No "server-only" here: tests call it with their own Db.
import { compareFile, type CompareExportSource } from "@/lib/export/compare";
import type { ExportFile } from "@/lib/export";
import { compareScenarios, type Comparison } from "@/lib/planner/compare";
import { toFieldIssues } from "@/lib/schemas/common";
import { CompareQuerySchema } from "@/lib/schemas/compare";
import pkg from "@/package.json";
import type { Db } from "../db/create-prisma";
import { invalidInput, notFound } from "../errors";
import { getScenarioWithResults, listScenarios, type PlannerContextCache, type ScenarioWithResults } from "./scenarios";
import type { SessionUser } from "../auth/users";

export interface ComparisonResult {
  pcn: { code: string; name: string; icb: { code: string; name: string } | null };
  comparison: Comparison;
  /** The scenarios compared, with their results, in the order compared (the columns' order). */
  scenarios: ScenarioWithResults[];
}

/** The ids of a compare URL (`ids=a,b` or `ids=a&ids=b`), checked: 2–4 scenario ids, the first the baseline. */
export function parseCompareIds(raw: string | string[] | null | undefined): string[] {
  const r = CompareQuerySchema.safeParse({ ids: raw ?? undefined });
  if (!r.success) {
    const issues = toFieldIssues(r.error).map((i) => ({ ...i, path: i.path.replace(/^ids\.\d+$/, "ids") }));
    throw invalidInput(issues, issues[0]?.message ?? "Pick two to four scenarios to compare.");
  }
  return r.data.ids;
}

/**
 * The baseline of a compare URL (`baseline=id`, optional): its index among `ids`; absent → the
 * first. One not among the ids compared is bad input, said in words.
 */
export function parseCompareBaseline(ids: readonly string[], raw: string | string[] | null | undefined): number {
  const b = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!b) return 0;
  const i = ids.indexOf(b);
  if (i < 0) {
    const message = `The baseline "${b.length > 24 ? `${b.slice(0, 24)}…` : b}" is not one of the scenarios compared: pick it as well, or another baseline.`;
    throw invalidInput([{ path: "baseline", message }], message);
  }
  return i;
}

/**
 * Compares saved scenarios of the PCN `pcnCode`, in the order of the ids, against the baseline
 * `rawBaseline` (an id among them; the first when absent). Who may, and which PCN, are the scenarios
 * service's rules (listScenarios, then each getScenarioWithResults). Unknown, deleted or another
 * PCN's ids → not_found, naming the id.
 */
export async function getComparison(
  db: Db,
  actor: SessionUser | null,
  pcnCode: string,
  rawIds: string | string[] | null | undefined,
  now: Date = new Date(),
  rawBaseline?: string | string[] | null,
): Promise<ComparisonResult> {
  const live = await listScenarios(db, actor, pcnCode, { now });
  const code = pcnCode.trim().toUpperCase();
  const ids = parseCompareIds(rawIds);
  const baseline = parseCompareBaseline(ids, rawBaseline);
  const listed = new Set(live.map((s) => s.id));
  const scenarios: ScenarioWithResults[] = [];
  // One PCN: its practices and weighted population are loaded once per first year, not per scenario.
  const contexts: PlannerContextCache = new Map();
  for (const id of ids) {
    const s = await getScenarioWithResults(db, actor, id, now, contexts);
    if (!listed.has(id)) {
      if (s.pcnCode !== code) throw notFound(`The scenario with id ${id} ("${s.name}") belongs to PCN ${s.pcnCode}, not ${code}: compare scenarios of one PCN.`);
      if (s.deletedAt) throw notFound(`The scenario "${s.name}" (id ${id}) was deleted. Restore it from the list of scenarios to compare it.`);
    }
    scenarios.push(s);
  }
  const first = scenarios[0]!;
  const pcn = await db.pcn.findUnique({ where: { code: first.pcnCode }, select: { icb: { select: { code: true, name: true } } } });
  const comparison = compareScenarios(
    scenarios.map((s) => ({ id: s.id, name: s.name, description: s.description, firstYear: s.firstYear, years: s.years, version: s.version, results: s.results })),
    baseline,
  );
  return { pcn: { code: first.pcnCode, name: first.pcnName, icb: pcn?.icb ?? null }, comparison, scenarios };
}

/** The compare API's JSON: the PCN and the comparison. */
export function comparisonJson(r: ComparisonResult) {
  return { pcn: { code: r.pcn.code, name: r.pcn.name }, ...r.comparison };
}

export function compareExportSource(r: ComparisonResult, now: Date): CompareExportSource {
  return {
    pcn: r.pcn,
    comparison: r.comparison,
    figures: r.scenarios.flatMap((s) => s.results.years.map((y) => ({ scenarioId: s.id, financialYear: y.financialYear, figures: [...y.figures, ...y.estimates, ...y.projections] }))),
    generatedAt: now.toISOString(),
    appVersion: pkg.version,
  };
}

/** The comparison as CSV (the one table) or XLSX (summary, comparison, headroom by year, assumptions and sources). */
export async function exportComparison(
  db: Db,
  actor: SessionUser | null,
  pcnCode: string,
  rawIds: string | string[] | null | undefined,
  format: "csv" | "xlsx",
  now: Date = new Date(),
  rawBaseline?: string | string[] | null,
): Promise<ExportFile> {
  return compareFile(compareExportSource(await getComparison(db, actor, pcnCode, rawIds, now, rawBaseline), now), format);
}
