// A PCN's member practices and registered population (PCN-level figure, else the sum of its
// practices), with the single-year age/sex profile. Plain objects out.
// No "server-only" here: the CLI (scripts/pcn.ts) and integration tests import this file; the
// app passes getDb() from lib/server/db/db.ts.
import { formatDate } from "@/lib/format";
import type { Db } from "../db/create-prisma";

export interface PcnPracticeRow {
  code: string;
  name: string;
  postcode: string | null;
  registeredPatients: number | null;
  registeredPatientsDate: string | null;
}

export interface AgeProfile {
  male: number[];
  female: number[];
}


// ---------------------------------------------------------------------------------------------
// Registered population

export interface RegisteredSummary {
  total: number | null;
  date: string | null;
  source: "pcn" | "sum-of-practices" | "none";
  note: string | null;
  male: number | null;
  female: number | null;
  ageProfile: AgeProfile | null;
}

export function parseAgeProfile(json: string | null): AgeProfile | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    if (
      v &&
      typeof v === "object" &&
      Array.isArray((v as AgeProfile).male) &&
      Array.isArray((v as AgeProfile).female) &&
      (v as AgeProfile).male.every((n) => typeof n === "number") &&
      (v as AgeProfile).female.every((n) => typeof n === "number")
    ) {
      return { male: (v as AgeProfile).male, female: (v as AgeProfile).female };
    }
  } catch {
    // unreadable profile: shown as missing
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The registered list for a financial year

/** A PCN's registered list at one extract date: published for the PCN, or its practices' summed. */
export interface PcnListRow {
  total: number;
  extractDate: string;
  /** "pcn" when not given. */
  source?: "pcn" | "sum-of-practices";
}

/**
 * Every list stored for the PCN, newest first: its PCN-level lists, and for any other extract
 * date at which every one of its member practices (`practiceCodes`, the latest membership) has a
 * list, their sum (NHS England's April 2025 file, for one, is practice-level only). A date where
 * some members have no list is left out rather than undercounted.
 */
export async function loadPcnLists(db: Db, code: string, practiceCodes: readonly string[]): Promise<PcnListRow[]> {
  const [pcnRows, practiceRows] = await Promise.all([
    db.registeredPopulation.findMany({ where: { orgType: "PCN", orgCode: code }, select: { total: true, extractDate: true } }),
    practiceCodes.length
      ? db.registeredPopulation.findMany({ where: { orgType: "PRACTICE", orgCode: { in: [...practiceCodes] } }, select: { orgCode: true, total: true, extractDate: true } })
      : Promise.resolve([]),
  ]);
  const out: PcnListRow[] = pcnRows.map((r) => ({ total: r.total, extractDate: r.extractDate, source: "pcn" as const }));
  const pcnDates = new Set(pcnRows.map((r) => r.extractDate));
  const byDate = new Map<string, Map<string, number>>();
  for (const r of practiceRows) {
    if (pcnDates.has(r.extractDate)) continue;
    const m = byDate.get(r.extractDate) ?? new Map<string, number>();
    m.set(r.orgCode, r.total);
    byDate.set(r.extractDate, m);
  }
  for (const [extractDate, m] of byDate) {
    if (m.size < practiceCodes.length) continue;
    out.push({ total: [...m.values()].reduce((a, b) => a + b, 0), extractDate, source: "sum-of-practices" });
  }
  return out.sort((a, b) => b.extractDate.localeCompare(a.extractDate));
}

/** The date whose list the year's entitlement is based on: 1 January before it ("2025/26" → "2025-01-01"). */
export function yearListDate(financialYear: string): string {
  return `${financialYear.slice(0, 4)}-01-01`;
}

const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** The row whose extract date is nearest `target` (ISO date); on a tie, the earlier one. */
export function nearestList<T extends { extractDate: string }>(rows: readonly T[], target: string): T | null {
  let best: T | null = null;
  let bestGap = Infinity;
  for (const r of rows) {
    const gap = Math.abs(dayOf(r.extractDate) - dayOf(target));
    if (gap < bestGap || (gap === bestGap && best !== null && r.extractDate < best.extractDate)) {
      best = r;
      bestGap = gap;
    }
  }
  return best;
}

/** The registered list an estimate for a year uses, and whether it is from after the year's 1 January. */
export interface YearList {
  total: number | null;
  date: string | null;
  source: RegisteredSummary["source"];
  /** 1 January before the year (ISO): the date the year's list should be from. */
  target: string;
  /** The list used is from after `target` (no stored list nearer to it). */
  later: boolean;
}

/**
 * The list for a financial year: of the PCN's stored PCN-level lists, the one nearest 1 January
 * before the year; without any, the summary (the member practices' latest lists summed).
 */
export function listForYear(financialYear: string, lists: readonly PcnListRow[], summary: Pick<RegisteredSummary, "total" | "date" | "source">): YearList {
  const target = yearListDate(financialYear);
  const row = nearestList(lists, target);
  if (row) return { total: row.total, date: row.extractDate, source: row.source ?? "pcn", target, later: row.extractDate > target };
  return { total: summary.total, date: summary.date, source: summary.source, target, later: summary.date !== null && summary.date > target };
}

export async function loadMembers(db: Db, code: string) {
  const latest = await db.practiceMembership.findFirst({
    where: { pcnCode: code },
    orderBy: { extractDate: "desc" },
    select: { extractDate: true },
  });
  if (!latest) return { extractDate: null, practices: [] as PcnPracticeRow[], practicePops: [] as { total: number; male: number | null; female: number | null; extractDate: string; ageProfile: string | null }[] };
  const members = await db.practiceMembership.findMany({
    where: { pcnCode: code, extractDate: latest.extractDate },
    select: { practice: { select: { code: true, name: true, postcode: true } } },
  });
  const codes = members.map((m) => m.practice.code);
  const pops = await db.registeredPopulation.findMany({
    where: { orgType: "PRACTICE", orgCode: { in: codes } },
    orderBy: { extractDate: "desc" },
    select: { orgCode: true, total: true, male: true, female: true, extractDate: true, ageProfile: true },
  });
  const latestPop = new Map<string, (typeof pops)[number]>();
  for (const p of pops) if (!latestPop.has(p.orgCode)) latestPop.set(p.orgCode, p);
  const practices = members
    .map((m) => {
      const pop = latestPop.get(m.practice.code);
      return {
        code: m.practice.code,
        name: m.practice.name,
        postcode: m.practice.postcode,
        registeredPatients: pop?.total ?? null,
        registeredPatientsDate: pop?.extractDate ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  return { extractDate: latest.extractDate, practices, practicePops: [...latestPop.values()] };
}

export async function registeredSummary(
  db: Db,
  code: string,
  practicePops: { total: number; male: number | null; female: number | null; extractDate: string; ageProfile: string | null }[],
  practiceCount: number,
): Promise<RegisteredSummary> {
  const row = await db.registeredPopulation.findFirst({
    where: { orgType: "PCN", orgCode: code },
    orderBy: { extractDate: "desc" },
  });
  if (row) {
    return { total: row.total, date: row.extractDate, source: "pcn", note: null, male: row.male, female: row.female, ageProfile: parseAgeProfile(row.ageProfile) };
  }
  if (practicePops.length === 0) {
    return { total: null, date: null, source: "none", note: "No registered population is stored for this PCN or its member practices.", male: null, female: null, ageProfile: null };
  }
  const total = practicePops.reduce((s, p) => s + p.total, 0);
  const dates = [...new Set(practicePops.map((p) => p.extractDate))].sort();
  const date = dates[dates.length - 1] ?? null;
  const allSex = practicePops.every((p) => p.male !== null && p.female !== null);
  const profiles = practicePops.map((p) => parseAgeProfile(p.ageProfile));
  let ageProfile: AgeProfile | null = null;
  if (profiles.every((p) => p !== null)) {
    const len = Math.max(...profiles.map((p) => p!.male.length));
    ageProfile = { male: new Array<number>(len).fill(0), female: new Array<number>(len).fill(0) };
    for (const p of profiles) {
      p!.male.forEach((n, i) => (ageProfile!.male[i]! += n));
      p!.female.forEach((n, i) => (ageProfile!.female[i]! += n));
    }
  }
  const missing = practiceCount - practicePops.length;
  const parts = [
    `No PCN-level figure is stored, so this is the sum of the member practices' latest figures (${practicePops.length} of ${practiceCount} practices)`,
    dates.length > 1 ? `; their dates differ (${dates.map(formatDate).join(", ")})` : "",
    missing > 0 ? `; ${missing} practice${missing === 1 ? " has" : "s have"} no figure` : "",
    ".",
  ];
  return {
    total,
    date,
    source: "sum-of-practices",
    note: parts.join(""),
    male: allSex ? practicePops.reduce((s, p) => s + (p.male ?? 0), 0) : null,
    female: allSex ? practicePops.reduce((s, p) => s + (p.female ?? 0), 0) : null,
    ageProfile,
  };
}

