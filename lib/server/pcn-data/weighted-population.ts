// The weighted population a calculation should use for a PCN and year: the ICB-confirmed figure,
// else the imported one, else an estimate; and the editor's ICB-confirmed figure.
// No "server-only" here: the CLI (scripts/pcn.ts) and integration tests import this file; the
// app passes getDb() from lib/server/db/db.ts.
import { divRoundHalfUp } from "@/lib/engine";
import { formatCount, formatDate, formatDecimal } from "@/lib/format";
import { ConfirmedWeightedPopulationSchema, type ConfirmedWeightedPopulationInput } from "@/lib/schemas/pcn";
import { isCommandLine, requirePcnRole, type Actor } from "../auth/access";
import { auditEvent, diffFields } from "../audit";
import type { Db } from "../db/create-prisma";
import { bumpDataVersion } from "./data-version";
import { assertDemoMayChange } from "../auth/demo-account";
import { AppError, invalidInput } from "../errors";
import { financialYearIssue } from "../today";
import { listForYear, loadMembers, loadPcnLists, registeredSummary, type RegisteredSummary, type YearList } from "./pcn-population";
import { getWeightedCalibration, type CalibrationKind, type WeightedCalibration } from "./weighted-calibration";
import { PUBLISHED_INTERVAL, predictRatio, type AgeSexProfile, type EstimateMethod, type IntervalFactors } from "@/lib/weighted-estimate";
import { parseOrThrow, toMicro } from "./pcn-shared";

export type WeightedProvenance = "icb-confirmed" | "imported" | "estimate";

export interface WeightedPopulationResolution {
  financialYear: string;
  /** Weighted (Carr-Hill contractor) population; at most 2 decimals for estimates. */
  value: number;
  provenance: WeightedProvenance;
  /** Plain words: where the figure comes from, or how the estimate was made. */
  basis: string;
  source?: string | null;
  enteredBy?: string | null;
  note?: string | null;
  updatedAt?: string | null;
  /** For estimates: the registered list and ratio used (value = list × ratio, to 2 decimals). */
  estimate?: {
    registeredPatients: number;
    registeredPatientsDate: string | null;
    /** The list should be from this date (1 January before the year); `registeredPatientsLater` when the one used is from after it. */
    registeredPatientsFor: string;
    registeredPatientsLater: boolean;
    ratio: number;
    ratioFrom: string | null;
    /** How the ratio was found: the PCN's own stored ratio, the age/sex model fitted on stored PCNs, the published age/sex index, or 1.0. */
    method: EstimateMethod;
    /** The Carr-Hill age/sex index of the PCN against England (published weights), when known. */
    ageSexIndex?: number | null;
    /** The multiplier from the other stored PCNs of its ICB (age/sex methods). */
    icbFactor?: number;
  };
  /** Estimates only: the 80% interval of the weighted population (2 decimals). */
  interval?: { low: number; high: number; level: 0.8 };
  /** Estimates only: how the interval was found, in words. */
  intervalBasis?: string;
  /** The other stored figure for the year, kept when a confirmed one wins. */
  alsoStored?: { provenance: "imported"; value: number; source: string | null }[];
}


const PROVENANCE_LABEL: Record<WeightedProvenance, string> = {
  "icb-confirmed": "ICB-confirmed",
  imported: "imported",
  estimate: "estimate",
};


// ---------------------------------------------------------------------------------------------
// Weighted population: stored (icb-confirmed over imported) or estimated

export type StoredRow = {
  financialYear: string;
  value: number;
  provenance: string;
  registeredList: number | null;
  source: string | null;
  note: string | null;
  enteredBy: string | null;
  updatedAt: Date;
};

interface RatioBasis {
  /** weighted ÷ registered, rounded half up to 4 decimals, as an integer in 1/10,000. */
  ratioE4: number;
  financialYear: string;
  provenance: string;
  value: number;
  registeredList: number;
}

/** The PCN's latest known weighted/registered ratio: the latest year with a registered list (confirmed first). */
export function latestRatio(rows: readonly StoredRow[]): RatioBasis | null {
  const usable = rows.filter((r) => r.registeredList !== null && r.registeredList > 0 && r.value > 0);
  usable.sort((a, b) => b.financialYear.localeCompare(a.financialYear) || (a.provenance === "icb-confirmed" ? -1 : 1) - (b.provenance === "icb-confirmed" ? -1 : 1));
  const best = usable[0];
  if (!best || best.registeredList === null) return null;
  // ratio × 10^4 = value × 10^6 ÷ (list × 100), half up.
  const ratioE4 = divRoundHalfUp(toMicro(best.value), best.registeredList * 100);
  return { ratioE4, financialYear: best.financialYear, provenance: best.provenance, value: best.value, registeredList: best.registeredList };
}

/** list × ratio to 2 decimals, exactly: list × ratioE4 ÷ 100 (half up) hundredths. */
export function estimateWeighted(registeredList: number, ratioE4: number): number {
  return divRoundHalfUp(registeredList * ratioE4, 100) / 100;
}

/** 10312 → "1.0312", 10300 → "1.03", 10000 → "1.0". */
function ratioText(ratioE4: number): string {
  const t = (ratioE4 / 10_000).toFixed(4).replace(/0+$/, "");
  return t.endsWith(".") ? `${t}0` : t;
}

export function resolveYear(
  fy: string,
  rows: readonly StoredRow[],
  registered: Pick<YearList, "total" | "date" | "source"> & Partial<Pick<YearList, "target" | "later">>,
  ratio: RatioBasis | null,
  estimator?: EstimatorContext | null,
): WeightedPopulationResolution {
  const forYear = rows.filter((r) => r.financialYear === fy);
  const confirmed = forYear.find((r) => r.provenance === "icb-confirmed");
  const imported = forYear.find((r) => r.provenance === "imported");
  const stored = confirmed ?? imported;
  if (stored) {
    const provenance: WeightedProvenance = stored === confirmed ? "icb-confirmed" : "imported";
    const by = stored.enteredBy && provenance === "icb-confirmed" ? `, entered by ${stored.enteredBy}` : "";
    const basis =
      provenance === "icb-confirmed"
        ? `ICB-confirmed figure${stored.source ? ` (${stored.source})` : ""}${by}`
        : `imported figure${stored.source ? ` (${stored.source})` : ""}`;
    return {
      financialYear: fy,
      value: stored.value,
      provenance,
      basis,
      source: stored.source,
      enteredBy: stored.enteredBy,
      note: stored.note,
      updatedAt: stored.updatedAt.toISOString(),
      ...(confirmed && imported ? { alsoStored: [{ provenance: "imported" as const, value: imported.value, source: imported.source }] } : {}),
    };
  }
  if (registered.total === null) {
    return {
      financialYear: fy,
      value: 0,
      provenance: "estimate",
      basis: "No registered population or weighted population is stored for this PCN, so nothing can be estimated; enter the ICB's figure",
    };
  }
  const target = registered.target ?? `${fy.slice(0, 4)}-01-01`;
  const later = registered.later ?? (registered.date !== null && registered.date > target);
  const laterText = later ? `, a later list than 1 January ${target.slice(0, 4)}, the date the year's figure is based on: no list nearer that date is stored` : "";
  const listText = `${formatCount(registered.total)} registered patients${registered.date ? ` (${formatDate(registered.date)}${laterText})` : ""}${registered.source === "sum-of-practices" ? ", summed from member practices" : ""}`;
  let ratioE4: number;
  let method: EstimateMethod;
  let because: string;
  let factors: IntervalFactors;
  let extra: { ageSexIndex?: number | null; icbFactor?: number } = {};
  const prediction = !ratio && estimator?.profile ? predictRatio(estimator.calibration.model, estimator.profile, estimator.group) : null;
  if (ratio) {
    ratioE4 = ratio.ratioE4;
    method = "own-ratio";
    because = `the ratio of the ${ratio.financialYear} ${PROVENANCE_LABEL[ratio.provenance as WeightedProvenance] ?? ratio.provenance} figure (${formatDecimal(ratio.value)} ÷ ${formatCount(ratio.registeredList)})`;
    factors = estimator?.calibration.ownRatio ?? PUBLISHED_INTERVAL;
  } else if (prediction && prediction.ratio > 0) {
    ratioE4 = Math.round(prediction.ratio * 10_000);
    method = prediction.method === "flat" ? "flat" : prediction.method;
    const cal = estimator!.calibration;
    const idx = prediction.index !== null ? `its Carr-Hill age/sex index against England is ${prediction.index.toFixed(3)}` : "";
    const model =
      prediction.method === "fitted"
        ? `the weighted ÷ registered ratio predicted from this PCN's age and sex mix with age/sex weights fitted to the stored figures of ${kindCount(cal.kind, cal.model.n)}${idx ? ` (${idx})` : ""}`
        : prediction.method === "published"
          ? `this PCN's age/sex index against England with the published Carr-Hill weights (${prediction.index?.toFixed(3) ?? "?"})${cal.model.n > 0 ? ` × ${(cal.model.scale ?? 1).toFixed(3)}, the mean ratio of ${kindCount(cal.kind, cal.model.n)} with a stored figure to their index` : ""}`
          : "no age profile for England to compare with";
    const icb = prediction.groupCount > 0 ? `, × ${prediction.groupFactor.toFixed(3)} for how the ${formatCount(prediction.groupCount)} other ${cal.kind === "demo" ? "demo " : ""}PCN${prediction.groupCount === 1 ? "" : "s"} with a stored figure in its ICB differ from their own prediction` : "";
    because = `${model}${icb}; no stored weighted population of its own`;
    factors = prediction.method === "flat" ? PUBLISHED_INTERVAL : cal.model.interval;
    extra = { ageSexIndex: prediction.index, icbFactor: prediction.groupFactor };
  } else {
    ratioE4 = 10_000;
    method = "flat";
    because = estimator ? "no stored weighted population or age profile to estimate from" : "no stored weighted population to take a ratio from";
    factors = PUBLISHED_INTERVAL;
  }
  const value = estimateWeighted(registered.total, ratioE4);
  const interval = { low: round2(value * factors.low), high: round2(value * factors.high), level: 0.8 as const };
  return {
    financialYear: fy,
    value,
    provenance: "estimate",
    basis: `${listText} × ${ratioText(ratioE4)}, ${because}`,
    estimate: {
      registeredPatients: registered.total,
      registeredPatientsDate: registered.date,
      registeredPatientsFor: target,
      registeredPatientsLater: later,
      ratio: ratioE4 / 10_000,
      ratioFrom: ratio ? `${ratio.financialYear} ${ratio.provenance}` : null,
      method,
      ...extra,
    },
    interval,
    intervalBasis: intervalWords(interval, factors, method, estimator?.calibration.kind ?? null),
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** "80% interval 29,000 to 33,500: …how it was found". */
function intervalWords(interval: { low: number; high: number }, f: IntervalFactors, method: EstimateMethod, kind: CalibrationKind | null): string {
  const range = `80% interval ${formatCount(Math.round(interval.low))} to ${formatCount(Math.round(interval.high))}`;
  const pcts = `${((f.low - 1) * 100).toFixed(1)}% to +${((f.high - 1) * 100).toFixed(1)}%`;
  if (f.from === "calibration") {
    return method === "own-ratio"
      ? `${range} (${pcts}): 80% of the ${formatCount(f.n)} year-to-year moves in the weighted ÷ registered ratios of ${kindPlural(kind)} with figures for two years were within this${kindNote(kind)}`
      : `${range} (${pcts}): the 10th to 90th percentile of this method's error when each of the ${kindCount(kind, f.n)} with a stored figure is estimated from the others${kindNote(kind)}`;
  }
  if (f.from === "assumption") return `${range} (${pcts}): an assumption, as too few ${kindPlural(kind)} have figures for two years to measure how much a ratio moves`;
  return `${range} (${pcts}): the published spread of the Carr-Hill additional-needs index (interquartile range 0.91 to 1.10, BMC Health Services Research 2010), as too few ${kindPlural(kind)} have a stored figure to measure the error`;
}

/** "20 fictional demo PCNs" / "1,252 real PCNs": what a calibration was made of. */
function kindCount(kind: CalibrationKind | null, n: number): string {
  return `${formatCount(n)} ${kind === "demo" ? "fictional demo" : kind === "real" ? "real" : "stored"} PCN${n === 1 ? "" : "s"}`;
}

function kindPlural(kind: CalibrationKind | null): string {
  return kind === "demo" ? "fictional demo PCNs" : kind === "real" ? "real PCNs" : "PCNs";
}

/** Says what the calibration left out: real and demo PCNs never calibrate each other. */
function kindNote(kind: CalibrationKind | null): string {
  if (kind === "demo") return " (calibrated on the fictional demo data only, not on real PCNs: a demonstration, not a measure of accuracy)";
  if (kind === "real") return " (real PCNs imported from NHS England's files; the fictional demo PCNs are left out)";
  return "";
}

/** What an estimate needs beyond the PCN's own rows: the calibration, its age profile and ICB. */
export interface EstimatorContext {
  calibration: WeightedCalibration;
  profile: AgeSexProfile | null;
  group: string | null;
}

export async function loadWeighted(db: Db, code: string): Promise<StoredRow[]> {
  return db.weightedPopulation.findMany({
    where: { pcnCode: code },
    select: { financialYear: true, value: true, provenance: true, registeredList: true, source: true, note: true, enteredBy: true, updatedAt: true },
  });
}

/**
 * The weighted population a calculation for this PCN and year should use: the ICB-confirmed
 * figure, else the imported one, else an estimate with its 80% interval (registered list × the
 * PCN's latest known weighted/registered ratio, else × the ratio its age/sex profile and ICB
 * predict, else × 1.0; lib/weighted-estimate, decision 014). null when the PCN is unknown.
 */
export async function resolveWeightedPopulation(
  db: Db,
  code: string,
  financialYear: string,
): Promise<ResolvedWeightedPopulation | null> {
  const pcnCode = code.trim().toUpperCase();
  const pcn = await db.pcn.findUnique({ where: { code: pcnCode }, select: { code: true, name: true, icbCode: true, isDemo: true } });
  if (!pcn) return null;
  const pick = (r: WeightedPopulationResolution): ResolvedWeightedPopulation => ({
    value: r.value,
    provenance: r.provenance,
    basis: r.basis,
    pcnName: pcn.name,
    ...(r.interval ? { interval: r.interval, intervalBasis: r.intervalBasis } : {}),
    ...(r.estimate ? { method: r.estimate.method } : {}),
  });
  const rows = await loadWeighted(db, pcnCode);
  const forYear = rows.filter((r) => r.financialYear === financialYear);
  if (forYear.length) return pick(resolveYear(financialYear, rows, { total: null, date: null, source: "none" }, null));
  const members = await loadMembers(db, pcnCode);
  const [reg, lists] = await Promise.all([
    registeredSummary(db, pcnCode, members.practicePops, members.practices.length),
    loadPcnLists(db, pcnCode, members.practices.map((p) => p.code)),
  ]);
  return pick(resolveYear(financialYear, rows, listForYear(financialYear, lists, reg), latestRatio(rows), await estimatorFor(db, pcn.icbCode, reg, pcn.isDemo)));
}

export interface ResolvedWeightedPopulation {
  value: number;
  provenance: WeightedProvenance;
  basis: string;
  pcnName: string;
  /** Estimates only: the 80% interval and how it was found. */
  interval?: { low: number; high: number; level: 0.8 };
  intervalBasis?: string;
  method?: EstimateMethod;
}

/**
 * The estimate's context for a PCN: the calibration on PCNs of its own kind (demo PCNs on demo
 * ones, real PCNs on real ones; never mixed), its age profile and ICB.
 */
export async function estimatorFor(db: Db, icbCode: string | null, reg: Pick<RegisteredSummary, "ageProfile">, isDemo: boolean): Promise<EstimatorContext> {
  return { calibration: await getWeightedCalibration(db, isDemo ? "demo" : "real"), profile: reg.ageProfile, group: icbCode };
}



// ---------------------------------------------------------------------------------------------
// Editor: ICB-confirmed weighted population

/**
 * Stores (or replaces) the ICB-confirmed weighted population for a PCN and year. The imported
 * figure, if any, is kept; the confirmed one wins when figures are resolved. The registered list
 * recorded with it is the PCN's latest, so later estimates can use the confirmed ratio.
 */
/**
 * Enters (or replaces) a PCN's ICB-confirmed weighted population for a year: only the PCN's
 * editors and admins, and system administrators (403 for anyone else: the figure is public, so
 * there is nothing to hide); the demo account only for demo PCNs. The change and its audit event
 * (weighted-population.set, before → after) are written in one transaction.
 */
export async function setConfirmedWeightedPopulation(
  db: Db,
  input: ConfirmedWeightedPopulationInput,
  actor: Actor | null,
  now: Date = new Date(),
): Promise<WeightedPopulationResolution> {
  if (!actor) throw new AppError("unauthenticated", "Sign in to enter the ICB-confirmed weighted population.");
  // The same years as everywhere else: 2023/24 to three years after the current one.
  const year = financialYearIssue(input, "financialYear", "The financial year", now);
  if (year) throw invalidInput([year]);
  const data = parseOrThrow(ConfirmedWeightedPopulationSchema, input);
  const pcn = await db.pcn.findUnique({ where: { code: data.code }, select: { code: true, isDemo: true } });
  if (!pcn) throw new AppError("not_found", `There is no PCN with code ${data.code}.`);
  await requirePcnRole(db, actor, pcn.code, "editor", { outsider: "forbidden" });
  if (!isCommandLine(actor)) assertDemoMayChange(actor, pcn, "change");
  const members = await loadMembers(db, data.code);
  const reg = await registeredSummary(db, data.code, members.practicePops, members.practices.length);
  const fields = {
    value: data.value,
    registeredList: reg.total,
    source: data.source,
    enteredBy: data.enteredBy,
    enteredByUserId: isCommandLine(actor) ? (data.enteredByUserId ?? null) : actor.id,
    note: data.note ?? null,
  };
  const key = { pcnCode: data.code, financialYear: data.financialYear, provenance: "icb-confirmed" };
  await db.$transaction(async (tx) => {
    const before = await tx.weightedPopulation.findUnique({ where: { pcnCode_financialYear_provenance: key }, select: { value: true, source: true, note: true, enteredBy: true } });
    await tx.weightedPopulation.upsert({ where: { pcnCode_financialYear_provenance: key }, create: { ...key, ...fields }, update: fields });
    await bumpDataVersion(tx, now); // the public pages' caches key on it (lib/server/pcn-data/data-version.ts)
    const pick = (r: { value: number; source: string | null; note: string | null; enteredBy: string | null }) => ({ value: r.value, source: r.source, note: r.note, enteredBy: r.enteredBy });
    await auditEvent(tx, actor, {
      action: "weighted-population.set",
      entityType: "weighted-population",
      entityId: `${data.code}/${data.financialYear}`,
      pcnCode: data.code,
      changes: diffFields(before ? pick(before) : null, pick(fields)),
      at: now,
    });
  });
  const rows = await loadWeighted(db, data.code);
  return resolveYear(data.financialYear, rows, reg, latestRatio(rows));
}

