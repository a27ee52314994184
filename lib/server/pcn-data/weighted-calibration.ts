// Loads what the weighted-population estimate is calibrated on (lib/weighted-estimate): every
// stored PCN's latest weighted ÷ registered ratio with its ICB and latest age profile, England's
// age profile, and the ratio moves of PCNs with figures for two years. Kept per database and data
// version (lib/server/pcn-data/data-version.ts): an import or an ICB-confirmed figure bumps the version,
// and the next estimate recalibrates.
// Demo and real PCNs never mix: the fictional demo PCNs (Pcn.isDemo, set by the seed) calibrate
// only demo PCNs' estimates, and PCNs imported from NHS England's files only real ones'.
// No "server-only": the CLI, the bench and integration tests import this file.
import {
  addProfiles,
  calibrate,
  ownRatioInterval,
  profileTotal,
  type AgeSexModel,
  type AgeSexProfile,
  type CalibrationPcn,
  type IntervalFactors,
  type RatioPair,
} from "@/lib/weighted-estimate";
import type { Db } from "../db/create-prisma";
import { readDataVersion } from "./data-version";
import { parseAgeProfile } from "./pcn-population";

/** Which PCNs a calibration is made of: the fictional demo ones, or the real (imported) ones. */
export type CalibrationKind = "demo" | "real";

export interface CalibrationInputs {
  kind: CalibrationKind;
  stored: CalibrationPcn[];
  pairs: RatioPair[];
  england: AgeSexProfile;
  /** "regions": England summed from the regions' profiles; "pcns": from the PCNs' (no regions stored). */
  englandFrom: "regions" | "pcns" | "none";
}

export interface WeightedCalibration {
  /** The PCNs it was calibrated on: only the same kind as the PCN being estimated. */
  kind: CalibrationKind;
  model: AgeSexModel;
  ownRatio: IntervalFactors;
  englandFrom: CalibrationInputs["englandFrom"];
}

type Row = { pcnCode: string; financialYear: string; value: number; provenance: string; registeredList: number | null };

/** Per PCN and year, the ratio of the figure a calculation would use (ICB-confirmed over imported). */
function ratiosByPcn(rows: readonly Row[]): Map<string, { financialYear: string; ratio: number }[]> {
  const best = new Map<string, Row>();
  for (const r of rows) {
    if (r.registeredList === null || !(r.registeredList > 0) || !(r.value > 0)) continue;
    const key = `${r.pcnCode}|${r.financialYear}`;
    const prev = best.get(key);
    if (!prev || (r.provenance === "icb-confirmed" && prev.provenance !== "icb-confirmed")) best.set(key, r);
  }
  const out = new Map<string, { financialYear: string; ratio: number }[]>();
  for (const r of best.values()) {
    const list = out.get(r.pcnCode) ?? [];
    list.push({ financialYear: r.financialYear, ratio: r.value / r.registeredList! });
    out.set(r.pcnCode, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.financialYear.localeCompare(b.financialYear));
  return out;
}

/**
 * Reads the calibration inputs of one kind of PCN from the database (a handful of queries): "real"
 * (the default) only PCNs that are not demo ones, "demo" only the fictional demo PCNs.
 */
export async function loadCalibrationInputs(db: Db, kind: CalibrationKind = "real"): Promise<CalibrationInputs> {
  const isDemo = kind === "demo";
  const [rows, pcns] = await Promise.all([
    db.weightedPopulation.findMany({ where: { pcn: { isDemo } }, select: { pcnCode: true, financialYear: true, value: true, provenance: true, registeredList: true } }),
    db.pcn.findMany({ where: { isDemo }, select: { code: true, icbCode: true } }),
  ]);
  // The latest age profiles of this kind's PCNs (the demo's extract date need not be the import's).
  // Not `orgCode in [every PCN's code]`: with England imported that is ~1,300 parameters, past
  // SQLite's limit (the PCN page failed). The few extract dates instead, newest first, and the first
  // that has a profile of this kind's PCNs.
  const codes = new Set(pcns.map((p) => p.code));
  const [pcnDates, latestRegionPop] = await Promise.all([
    db.registeredPopulation.findMany({ where: { orgType: "PCN", ageProfile: { not: null } }, distinct: ["extractDate"], orderBy: { extractDate: "desc" }, select: { extractDate: true } }),
    db.registeredPopulation.findFirst({ where: { orgType: "REGION", ageProfile: { not: null } }, orderBy: { extractDate: "desc" }, select: { extractDate: true } }),
  ]);
  let latestPcnPop: { extractDate: string } | null = null;
  for (const d of pcnDates) {
    const at = await db.registeredPopulation.findMany({ where: { orgType: "PCN", ageProfile: { not: null }, extractDate: d.extractDate }, select: { orgCode: true } });
    if (at.some((r) => codes.has(r.orgCode))) {
      latestPcnPop = d;
      break;
    }
  }
  const [pcnPops, regionPops] = await Promise.all([
    latestPcnPop
      ? db.registeredPopulation.findMany({ where: { orgType: "PCN", extractDate: latestPcnPop.extractDate }, select: { orgCode: true, ageProfile: true } })
      : Promise.resolve([]),
    latestRegionPop
      ? db.registeredPopulation.findMany({ where: { orgType: "REGION", extractDate: latestRegionPop.extractDate }, select: { ageProfile: true } })
      : Promise.resolve([]),
  ]);
  const icbOf = new Map(pcns.map((p) => [p.code, p.icbCode]));
  const profiles = new Map<string, AgeSexProfile>();
  for (const p of pcnPops) {
    if (!icbOf.has(p.orgCode)) continue; // the other kind of PCN (or one no longer stored)
    const prof = parseAgeProfile(p.ageProfile);
    if (prof && profileTotal(prof) > 0) profiles.set(p.orgCode, prof);
  }
  // Regions' profiles come only from NHS England's files (the demo seeds none): England for real
  // PCNs. Demo PCNs are compared with the sum of the demo PCNs, never with real data.
  const regionProfiles = isDemo ? [] : regionPops.map((r) => parseAgeProfile(r.ageProfile)).filter((p) => p !== null);
  let england: AgeSexProfile;
  let englandFrom: CalibrationInputs["englandFrom"];
  if (regionProfiles.length > 0) {
    england = addProfiles(regionProfiles);
    englandFrom = "regions";
  } else if (profiles.size > 0) {
    england = addProfiles([...profiles.values()]);
    englandFrom = "pcns";
  } else {
    england = { male: [], female: [] };
    englandFrom = "none";
  }

  const stored: CalibrationPcn[] = [];
  const pairs: RatioPair[] = [];
  for (const [code, list] of ratiosByPcn(rows)) {
    for (let i = 1; i < list.length; i++) pairs.push({ earlier: list[i - 1]!.ratio, later: list[i]!.ratio });
    const profile = profiles.get(code);
    if (profile) stored.push({ code, group: icbOf.get(code) ?? null, ratio: list[list.length - 1]!.ratio, profile });
  }
  stored.sort((a, b) => a.code.localeCompare(b.code));
  return { kind, stored, pairs, england, englandFrom };
}

export function calibrateFrom(inputs: CalibrationInputs): WeightedCalibration {
  return { kind: inputs.kind, model: calibrate(inputs.stored, inputs.england), ownRatio: ownRatioInterval(inputs.pairs), englandFrom: inputs.englandFrom };
}

const cache = new WeakMap<Db, Map<CalibrationKind, { version: string; value: Promise<WeightedCalibration> }>>();

/** The calibration of one kind of PCN for the database's current data version (computed once per version). */
export async function getWeightedCalibration(db: Db, kind: CalibrationKind = "real"): Promise<WeightedCalibration> {
  const version = await readDataVersion(db);
  let byKind = cache.get(db);
  if (!byKind) cache.set(db, (byKind = new Map()));
  const hit = byKind.get(kind);
  if (hit && hit.version === version) return hit.value;
  const value = loadCalibrationInputs(db, kind).then(calibrateFrom);
  byKind.set(kind, { version, value });
  value.catch(() => {
    if (byKind.get(kind)?.value === value) byKind.delete(kind);
  });
  return value;
}
