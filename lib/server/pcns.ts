// PCN data access: search, the PCN page / API detail, the weighted population a calculation
// should use (stored or estimated), and the editor's ICB-confirmed figure. Plain objects out.
// No "server-only" here: the CLI (scripts/pcn.ts) and integration tests import this file; the
// app passes getDb() from lib/server/db.ts.
import * as z from "zod";
import {
  calculateEntitlement,
  compileRules,
  divRoundHalfUp,
  FINANCIAL_YEARS,
  getRules,
  toScaledInteger,
  type CompiledRules,
} from "@/lib/engine";
import { formatCount, formatDate, formatDecimal } from "@/lib/format";
import {
  ConfirmedWeightedPopulationSchema,
  PcnCodeSchema,
  PcnSearchQuerySchema,
  type ConfirmedWeightedPopulationInput,
  type PcnSearchQueryInput,
} from "@/lib/schemas/pcn";
import { isCommandLine, requirePcnRole, type Actor } from "./access";
import { auditEvent, diffFields } from "./audit";
import type { Db } from "./create-prisma";
import { bumpDataVersion } from "./data-version";
import { assertDemoMayChange } from "./demo-account";
import { AppError, invalidInput, notFound, type FieldIssue } from "./errors";

// ---------------------------------------------------------------------------------------------
// Types (the API's JSON shapes)

export type WeightedProvenance = "icb-confirmed" | "imported" | "estimate";

export interface PcnSearchItem {
  code: string;
  name: string;
  icb: { code: string; name: string } | null;
  registeredPatients: number | null;
  registeredPatientsDate: string | null;
  /** Why this PCN matched, e.g. "member practice Oakfield Surgery (Demo) (Z90006)"; null when q is empty. */
  matchedBecause: string | null;
}

export interface PcnSearchResult {
  q: string;
  items: PcnSearchItem[];
  page: number;
  pageSize: number;
  total: number;
}

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
  estimate?: { registeredPatients: number; registeredPatientsDate: string | null; ratio: number; ratioFrom: string | null };
  /** The other stored figure for the year, kept when a confirmed one wins. */
  alsoStored?: { provenance: "imported"; value: number; source: string | null }[];
}

export interface EntitlementRow {
  financialYear: string;
  /** £, 2 decimals (from integer pence). */
  amount: number;
  amountPence: number;
  isEstimate: boolean;
  reasons: string[];
  weightedPopulation: number;
  weightedPopulationProvenance: WeightedProvenance;
  pots: { id: string; label: string; ratePerWeightedPatient: number; rateStatus: string; amount: number; amountPence: number }[];
}

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
// Helpers

/** Upper-cased search key, as stored in the nameSearch columns (portable case-insensitivity). */
export function searchKey(s: string): string {
  return s.trim().replace(/\s+/g, " ").toUpperCase();
}

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Parses with a schema or throws AppError invalid_input with field issues. */
function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalidInput(zodIssues(r.error));
  return r.data;
}

/** Millionths (exact for ≤ 6 decimals; nearest otherwise, e.g. float noise from summed imports). */
function toMicro(v: number): number {
  return toScaledInteger(v, 6) ?? Math.round(v * 1e6);
}

const compiledByYear = new Map<string, CompiledRules>();
function compiled(fy: string): CompiledRules | null {
  const hit = compiledByYear.get(fy);
  if (hit) return hit;
  const rules = getRules(fy);
  if (!rules) return null;
  const c = compileRules(rules);
  compiledByYear.set(fy, c);
  return c;
}

const PROVENANCE_LABEL: Record<WeightedProvenance, string> = {
  "icb-confirmed": "ICB-confirmed",
  imported: "imported",
  estimate: "estimate",
};

// ---------------------------------------------------------------------------------------------
// Search

interface Match {
  rank: number;
  because: string;
}

/**
 * Finds PCNs by name, PCN code, member practice name or code, or ICB name or code, as you type.
 * Case-insensitive through upper-cased keys (works the same on SQLite and PostgreSQL). A handful
 * of indexed queries whatever the size of the data: matching codes are collected (at most all
 * ~1,300 PCNs), ranked in memory, and only the requested page is loaded in full.
 */
export async function searchPcns(db: Db, input: PcnSearchQueryInput = {}): Promise<PcnSearchResult> {
  const { q, page, pageSize } = parseOrThrow(PcnSearchQuerySchema, input);
  const key = searchKey(q);

  let ordered: { code: string; because: string | null }[];
  if (key === "") {
    const all = await db.pcn.findMany({ select: { code: true }, orderBy: [{ nameSearch: "asc" }, { code: "asc" }] });
    ordered = all.map((p) => ({ code: p.code, because: null }));
  } else {
    const matches = new Map<string, Match>();
    const offer = (code: string, rank: number, because: string) => {
      const prev = matches.get(code);
      if (!prev || rank < prev.rank) matches.set(code, { rank, because });
    };

    // LIKE treats % and _ as wildcards and Prisma's `contains` does not escape them: the database
    // filters on the longest wildcard-free part of the key, and the exact test happens here.
    const dbKey = key.split(/[%_\\]/).reduce((a, b) => (b.length > a.length ? b : a), "");
    const like = (field: "nameSearch" | "code") => ({ [field]: { contains: dbKey } });
    // Practices match through the latest mapping extract only: that is who is in which PCN now
    // (a practice that left its PCN, or closed, no longer finds it), and the work stays the same
    // however many monthly extracts are kept.
    const latestExtract = (await db.practiceMembership.findFirst({ orderBy: { extractDate: "desc" }, select: { extractDate: true } }))?.extractDate;
    const [byPcnRaw, icbs, practiceMembershipsRaw] = await Promise.all([
      db.pcn.findMany({
        where: { OR: [like("nameSearch"), like("code")] },
        select: { code: true, name: true, nameSearch: true },
      }),
      // ~42 ICBs in England: filter in memory (no upper-cased column, and any database's LIKE
      // rules stop mattering).
      db.icb.findMany({ select: { code: true, name: true } }),
      db.practiceMembership.findMany({
        where: {
          extractDate: latestExtract ?? "",
          pcnCode: { not: null },
          practice: { OR: [like("nameSearch"), like("code")] },
        },
        select: { practiceCode: true, pcnCode: true, extractDate: true, practice: { select: { name: true, nameSearch: true } } },
        orderBy: { extractDate: "desc" },
      }),
    ]);
    const byPcn = byPcnRaw.filter((p) => p.nameSearch.includes(key) || p.code.includes(key));
    const practiceMemberships = practiceMembershipsRaw.filter((m) => m.practice.nameSearch.includes(key) || m.practiceCode.includes(key));

    for (const p of byPcn) {
      if (p.code === key) offer(p.code, 0, `PCN code ${p.code}`);
      else if (p.nameSearch.startsWith(key)) offer(p.code, 1, "PCN name");
      else if (p.nameSearch.includes(key)) offer(p.code, 2, "PCN name");
      else offer(p.code, 3, `PCN code ${p.code}`);
    }

    // One membership per practice in an extract; the set guards against duplicates all the same.
    const seenPractice = new Set<string>();
    const practiceHits = new Map<string, { rank: number; names: string[] }>();
    for (const m of practiceMemberships) {
      if (seenPractice.has(m.practiceCode) || !m.pcnCode) continue;
      seenPractice.add(m.practiceCode);
      const rank = m.practiceCode === key ? 4 : 5;
      const hit = practiceHits.get(m.pcnCode) ?? { rank, names: [] };
      hit.rank = Math.min(hit.rank, rank);
      hit.names.push(`${m.practice.name} (${m.practiceCode})`);
      practiceHits.set(m.pcnCode, hit);
    }
    for (const [pcnCode, hit] of practiceHits) {
      const [first, ...rest] = hit.names.sort();
      const more = rest.length ? ` and ${rest.length} more` : "";
      offer(pcnCode, hit.rank, `member practice ${first}${more}`);
    }

    const matchedIcbs = icbs.filter((i) => i.code.toUpperCase() === key || searchKey(i.name).includes(key) || i.code.toUpperCase().includes(key));
    if (matchedIcbs.length) {
      const byIcb = await db.pcn.findMany({
        where: { icbCode: { in: matchedIcbs.map((i) => i.code) } },
        select: { code: true, icbCode: true },
      });
      const icbName = new Map(matchedIcbs.map((i) => [i.code, i.name]));
      for (const p of byIcb) offer(p.code, 6, `ICB ${icbName.get(p.icbCode ?? "") ?? ""} (${p.icbCode})`);
    }

    if (matches.size === 0) return { q, items: [], page, pageSize, total: 0 };
    // Order: rank, then name. Names for practice/ICB-only matches are needed to sort.
    const names = new Map(byPcn.map((p) => [p.code, p.nameSearch]));
    const missing = [...matches.keys()].filter((c) => !names.has(c));
    if (missing.length) {
      for (const p of await db.pcn.findMany({ where: { code: { in: missing } }, select: { code: true, nameSearch: true } })) {
        names.set(p.code, p.nameSearch);
      }
    }
    ordered = [...matches.entries()]
      .filter(([code]) => names.has(code))
      .sort(([a, ma], [b, mb]) => ma.rank - mb.rank || (names.get(a) ?? "").localeCompare(names.get(b) ?? "") || a.localeCompare(b))
      .map(([code, m]) => ({ code, because: m.because }));
  }

  const total = ordered.length;
  const slice = ordered.slice((page - 1) * pageSize, page * pageSize);
  if (slice.length === 0) return { q, items: [], page, pageSize, total };
  const codes = slice.map((s) => s.code);
  const [pcns, pops] = await Promise.all([
    db.pcn.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, icb: { select: { code: true, name: true } } } }),
    db.registeredPopulation.findMany({
      where: { orgType: "PCN", orgCode: { in: codes } },
      select: { orgCode: true, total: true, extractDate: true },
      orderBy: { extractDate: "desc" },
    }),
  ]);
  const pcnByCode = new Map(pcns.map((p) => [p.code, p]));
  const popByCode = new Map<string, { total: number; extractDate: string }>();
  for (const p of pops) if (!popByCode.has(p.orgCode)) popByCode.set(p.orgCode, p);

  const items: PcnSearchItem[] = [];
  for (const s of slice) {
    const p = pcnByCode.get(s.code);
    if (!p) continue;
    const pop = popByCode.get(s.code);
    items.push({
      code: p.code,
      name: p.name,
      icb: p.icb ? { code: p.icb.code, name: p.icb.name } : null,
      registeredPatients: pop?.total ?? null,
      registeredPatientsDate: pop?.extractDate ?? null,
      matchedBecause: s.because,
    });
  }
  return { q, items, page, pageSize, total };
}

// ---------------------------------------------------------------------------------------------
// Registered population

interface RegisteredSummary {
  total: number | null;
  date: string | null;
  source: "pcn" | "sum-of-practices" | "none";
  note: string | null;
  male: number | null;
  female: number | null;
  ageProfile: AgeProfile | null;
}

function parseAgeProfile(json: string | null): AgeProfile | null {
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

async function loadMembers(db: Db, code: string) {
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

async function registeredSummary(
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

// ---------------------------------------------------------------------------------------------
// Weighted population: stored (icb-confirmed over imported) or estimated

type StoredRow = {
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

function resolveYear(
  fy: string,
  rows: readonly StoredRow[],
  registered: { total: number | null; date: string | null; source: RegisteredSummary["source"] },
  ratio: RatioBasis | null,
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
      basis: "estimate: no registered population or weighted population is stored for this PCN, so nothing can be estimated; enter the ICB's figure",
    };
  }
  const ratioE4 = ratio?.ratioE4 ?? 10_000;
  const value = estimateWeighted(registered.total, ratioE4);
  const listText = `${formatCount(registered.total)} registered patients${registered.date ? ` (${formatDate(registered.date)})` : ""}${registered.source === "sum-of-practices" ? ", summed from member practices" : ""}`;
  const because = ratio
    ? `the ratio of the ${ratio.financialYear} ${PROVENANCE_LABEL[ratio.provenance as WeightedProvenance] ?? ratio.provenance} figure (${formatDecimal(ratio.value)} ÷ ${formatCount(ratio.registeredList)})`
    : "no stored weighted population to take a ratio from";
  return {
    financialYear: fy,
    value,
    provenance: "estimate",
    basis: `estimate: ${listText} × ${ratioText(ratioE4)}, ${because}`,
    estimate: {
      registeredPatients: registered.total,
      registeredPatientsDate: registered.date,
      ratio: ratioE4 / 10_000,
      ratioFrom: ratio ? `${ratio.financialYear} ${ratio.provenance}` : null,
    },
  };
}

async function loadWeighted(db: Db, code: string): Promise<StoredRow[]> {
  return db.weightedPopulation.findMany({
    where: { pcnCode: code },
    select: { financialYear: true, value: true, provenance: true, registeredList: true, source: true, note: true, enteredBy: true, updatedAt: true },
  });
}

/**
 * The weighted population a calculation for this PCN and year should use: the ICB-confirmed
 * figure, else the imported one, else an estimate (registered list × the PCN's latest known
 * weighted/registered ratio, else × 1.0). null when the PCN is unknown.
 */
export async function resolveWeightedPopulation(
  db: Db,
  code: string,
  financialYear: string,
): Promise<{ value: number; provenance: WeightedProvenance; basis: string; pcnName: string } | null> {
  const pcnCode = code.trim().toUpperCase();
  const pcn = await db.pcn.findUnique({ where: { code: pcnCode }, select: { code: true, name: true } });
  if (!pcn) return null;
  const pick = (r: WeightedPopulationResolution) => ({ value: r.value, provenance: r.provenance, basis: r.basis, pcnName: pcn.name });
  const rows = await loadWeighted(db, pcnCode);
  const forYear = rows.filter((r) => r.financialYear === financialYear);
  if (forYear.length) return pick(resolveYear(financialYear, rows, { total: null, date: null, source: "none" }, null));
  const members = await loadMembers(db, pcnCode);
  const reg = await registeredSummary(db, pcnCode, members.practicePops, members.practices.length);
  return pick(resolveYear(financialYear, rows, reg, latestRatio(rows)));
}


// ---------------------------------------------------------------------------------------------
// Entitlement

function entitlementFor(w: WeightedPopulationResolution): EntitlementRow | null {
  const c = compiled(w.financialYear);
  if (!c) return null;
  const population = toMicro(w.value) / 1e6;
  const result = calculateEntitlement({ weightedPopulation: population, pots: c.pots });
  const reasons: string[] = [];
  if (w.provenance === "estimate") reasons.push("the weighted population is an estimate");
  for (const p of result.pots) {
    if (p.pot.figure.status !== "published") {
      reasons.push(`the ${w.financialYear} rate of £${p.pot.figure.value} per weighted patient (${p.pot.label}) is an estimate`);
    }
  }
  return {
    financialYear: w.financialYear,
    amount: result.totalPence / 100,
    amountPence: result.totalPence,
    isEstimate: reasons.length > 0,
    reasons,
    weightedPopulation: w.value,
    weightedPopulationProvenance: w.provenance,
    pots: result.pots.map((p) => ({
      id: p.pot.id,
      label: p.pot.label,
      ratePerWeightedPatient: p.pot.figure.value,
      rateStatus: p.pot.figure.status,
      amount: p.pence / 100,
      amountPence: p.pence,
    })),
  };
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
  const reg = await registeredSummary(db, pcnCode, members.practicePops, members.practices.length);
  const ratio = latestRatio(rows);
  const weightedPopulations = FINANCIAL_YEARS.map((fy) => resolveYear(fy, rows, reg, ratio));
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
    await bumpDataVersion(tx, now); // the public pages' caches key on it (lib/server/data-version.ts)
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

// ---------------------------------------------------------------------------------------------
// Planner

export interface PlannerPcn {
  code: string;
  name: string;
  isDemo: boolean;
  region: { code: string; name: string } | null;
  /** Member practices of the latest mapping extract, with their latest registered list and the year's imported weighted population (null when not known). */
  practices: { code: string; name: string; registered: number | null; weighted: number | null }[];
  weightedPopulation: { value: number; provenance: WeightedProvenance; basis: string };
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
      ? { value: wp.value, provenance: wp.provenance, basis: wp.basis }
      : { value: 0, provenance: "estimate", basis: "estimate: nothing is stored for this PCN" },
  };
}
