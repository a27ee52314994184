// The PCN page / API detail (GET /api/v1/pcns/{code}) and what the planner needs of a PCN.
// No "server-only" here: the CLI (scripts/pcn.ts) and integration tests import this file; the
// app passes getDb() from lib/server/db/db.ts.
import { FINANCIAL_YEARS } from "@/lib/engine";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import type { Db } from "../db/create-prisma";
import { entitlementFor, type EntitlementRow } from "./entitlement";
import { invalidInput, notFound } from "../errors";
import { listForYear, loadMembers, loadPcnLists, registeredSummary, type AgeProfile, type PcnPracticeRow } from "./pcn-population";
import { estimatorFor, latestRatio, loadWeighted, resolveWeightedPopulation, resolveYear, type WeightedPopulationResolution, type WeightedProvenance } from "./weighted-population";

export interface PcnDetail {
  code: string;
  name: string;
  isDemo: boolean;
  icb: { code: string; name: string } | null;
  subIcb: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  membershipExtractDate: string | null;
  practices: PcnPracticeRow[];
  registeredPatients: number | null;
  registeredPatientsDate: string | null;
  /** "pcn": the PCN-level published figure; "sum-of-practices": fallback; "none": no data. */
  registeredPatientsSource: "pcn" | "sum-of-practices" | "none";
  registeredPatientsNote: string | null;
  male: number | null;
  female: number | null;
  ageProfile: AgeProfile | null;
  weightedPopulations: WeightedPopulationResolution[];
  entitlements: EntitlementRow[];
}


// ---------------------------------------------------------------------------------------------
// Detail

/** Everything the PCN page and GET /api/v1/pcns/{code} show, or null for an unknown code. */
export async function getPcnDetail(db: Db, code: string): Promise<PcnDetail | null> {
  const parsed = PcnCodeSchema.safeParse(code);
  if (!parsed.success) return null;
  const pcnCode = parsed.data;
  const pcn = await db.pcn.findUnique({
    where: { code: pcnCode },
    select: { code: true, name: true, isDemo: true, subIcbCode: true, icb: { select: { code: true, name: true, region: { select: { code: true, name: true } } } } },
  });
  if (!pcn) return null;
  const [members, rows, subIcb] = await Promise.all([
    loadMembers(db, pcnCode),
    loadWeighted(db, pcnCode),
    pcn.subIcbCode ? db.subIcb.findUnique({ where: { code: pcn.subIcbCode }, select: { code: true, name: true } }) : Promise.resolve(null),
  ]);
  const [reg, lists] = await Promise.all([
    registeredSummary(db, pcnCode, members.practicePops, members.practices.length),
    loadPcnLists(db, pcnCode, members.practices.map((p) => p.code)),
  ]);
  const ratio = latestRatio(rows);
  const estimator = await estimatorFor(db, pcn.icb?.code ?? null, reg, pcn.isDemo);
  const weightedPopulations = FINANCIAL_YEARS.map((fy) => resolveYear(fy, rows, listForYear(fy, lists, reg), ratio, estimator));
  const entitlements = weightedPopulations.map(entitlementFor).filter((e): e is EntitlementRow => e !== null);
  return {
    code: pcn.code,
    name: pcn.name,
    isDemo: pcn.isDemo,
    icb: pcn.icb ? { code: pcn.icb.code, name: pcn.icb.name } : null,
    subIcb: subIcb ?? (pcn.subIcbCode ? { code: pcn.subIcbCode, name: pcn.subIcbCode } : null),
    region: pcn.icb?.region ? { code: pcn.icb.region.code, name: pcn.icb.region.name } : null,
    membershipExtractDate: members.extractDate,
    practices: members.practices,
    registeredPatients: reg.total,
    registeredPatientsDate: reg.date,
    registeredPatientsSource: reg.source,
    registeredPatientsNote: reg.note,
    male: reg.male,
    female: reg.female,
    ageProfile: reg.ageProfile,
    weightedPopulations,
    entitlements,
  };
}

/**
 * getPcnDetail for untrusted input (API, CLI): AppError invalid_input when the text cannot be a
 * PCN code (the message does not repeat it), not_found when no PCN has the code.
 */
export async function getPcnDetailOrThrow(db: Db, code: string): Promise<PcnDetail> {
  const parsed = PcnCodeSchema.safeParse(code);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "That is not a PCN code.";
    throw invalidInput([{ path: "code", message }], message);
  }
  const pcnCode = parsed.data;
  const d = await getPcnDetail(db, pcnCode);
  if (!d) throw notFound(`There is no PCN with code ${pcnCode}.`);
  return d;
}


// ---------------------------------------------------------------------------------------------
// Planner

export interface PlannerPcn {
  code: string;
  name: string;
  isDemo: boolean;
  region: { code: string; name: string } | null;
  /** Member practices of the latest mapping extract, with their latest registered list and the year's imported weighted population (null when not known). */
  practices: { code: string; name: string; registered: number | null; weighted: number | null }[];
  weightedPopulation: { value: number; provenance: WeightedProvenance; basis: string; interval?: { low: number; high: number; level: 0.8 }; intervalBasis?: string };
}

/** What the planner needs of a PCN for a scenario starting in `financialYear`; null for an unknown code. */
export async function getPcnForPlanner(db: Db, code: string, financialYear: string): Promise<PlannerPcn | null> {
  const parsed = PcnCodeSchema.safeParse(code);
  if (!parsed.success) return null;
  const pcnCode = parsed.data;
  const pcn = await db.pcn.findUnique({
    where: { code: pcnCode },
    select: { code: true, name: true, isDemo: true, icb: { select: { region: { select: { code: true, name: true } } } } },
  });
  if (!pcn) return null;
  const [members, wp] = await Promise.all([loadMembers(db, pcnCode), resolveWeightedPopulation(db, pcnCode, financialYear)]);
  const weighted = await db.practiceWeightedPopulation.findMany({
    where: { financialYear, practiceCode: { in: members.practices.map((p) => p.code) } },
    select: { practiceCode: true, weighted: true },
  });
  const weightedBy = new Map(weighted.map((w) => [w.practiceCode, w.weighted]));
  return {
    code: pcn.code,
    name: pcn.name,
    isDemo: pcn.isDemo,
    region: pcn.icb?.region ?? null,
    practices: members.practices.map((p) => ({ code: p.code, name: p.name, registered: p.registeredPatients, weighted: weightedBy.get(p.code) ?? null })),
    weightedPopulation: wp
      ? { value: wp.value, provenance: wp.provenance, basis: wp.basis, ...(wp.interval ? { interval: wp.interval, intervalBasis: wp.intervalBasis } : {}) }
      : { value: 0, provenance: "estimate", basis: "nothing is stored for this PCN" },
  };
}
