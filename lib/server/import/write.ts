// Writes parsed files inside one transaction. Fast and idempotent: existing keys are loaded in
// bulk, new rows go in with bulk INSERTs (createMany or multi-row INSERT, in chunks), and only rows whose values differ are updated
// one by one. Re-applying the same data writes nothing. Portable Prisma API only (SQLite and
// PostgreSQL), no raw SQL.
import { Prisma } from "@/lib/generated/prisma/client";
import { ImportRejection, formatCount, formatLine } from "./errors";
import type { ParsedImport, PcnWeightedInput, PopulationInput, ProgressHandler } from "./parse";

export type Tx = Prisma.TransactionClient;

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 500;

/** Which SQL database the client talks to ("sqlite" or "postgresql"). */
export type Dialect = "sqlite" | "postgresql";

/** The provider of a Prisma client (internal field; SQLite if unknown). */
export function dialectOf(db: unknown): Dialect {
  const p = (db as { _activeProvider?: string } | null)?._activeProvider;
  return p === "postgresql" || p === "postgres" ? "postgresql" : "sqlite";
}

/** Tables written in bulk. None has a DateTime column, so a plain INSERT fills them exactly as Prisma would. */
type BulkTable = "Region" | "Icb" | "SubIcb" | "Pcn" | "Practice" | "PracticeMembership" | "RegisteredPopulation" | "PracticeWeightedPopulation";

/**
 * Inserts rows (all with the same keys). On SQLite, Prisma's createMany costs ~80 µs a row in the
 * query compiler, so rows go in as multi-row INSERTs through $executeRaw (portable SQL, bound
 * parameters, ~8 µs a row); elsewhere createMany in chunks.
 */
async function insertRows<T extends object>(tx: Tx, dialect: Dialect, table: BulkTable, rows: T[], createMany: (chunk: T[]) => Promise<unknown>): Promise<void> {
  if (!rows.length) return;
  if (dialect !== "sqlite") return createInChunks(rows, createMany);
  const columns = Object.keys(rows[0]!);
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const perChunk = Math.max(1, Math.floor(6000 / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const values = rows.slice(i, i + perChunk).map((r) => {
      const rec = r as Record<string, unknown>;
      return Prisma.sql`(${Prisma.join(columns.map((c) => rec[c] ?? null))})`;
    });
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}

export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

async function createInChunks<T>(rows: T[], createMany: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await createMany(rows.slice(i, i + CHUNK));
}

/**
 * Upserts `incoming` against `existing` (keyed the same way): creates missing rows in bulk,
 * updates rows that differ, leaves equal rows alone.
 */
async function syncRows<E, T>(opts: {
  incoming: T[];
  existing: Map<string, E>;
  keyOf: (row: T) => string;
  /** Fields to change on `existing` to match `row`, or null if nothing differs. */
  diff: (existing: E, row: T) => Record<string, unknown> | null;
  createMany: (rows: T[]) => Promise<unknown>;
  update: (existing: E, data: Record<string, unknown>) => Promise<unknown>;
}): Promise<WriteCounts> {
  const toCreate: T[] = [];
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const row of opts.incoming) {
    const e = opts.existing.get(opts.keyOf(row));
    if (e === undefined) {
      toCreate.push(row);
      continue;
    }
    const data = opts.diff(e, row);
    if (data) {
      await opts.update(e, data);
      counts.updated++;
    } else counts.unchanged++;
  }
  if (toCreate.length) await opts.createMany(toCreate);
  counts.created = toCreate.length;
  return counts;
}

/** The fields of `next` that differ from `current` (only keys present in `next`). */
function changedFields<T extends object>(current: T, next: Partial<T>): Partial<T> | null {
  let out: Partial<T> | null = null;
  for (const k of Object.keys(next) as (keyof T)[]) {
    if (next[k] !== undefined && next[k] !== current[k]) {
      out ??= {} as Partial<T>;
      out[k] = next[k];
    }
  }
  return out;
}

function byKey<T>(rows: T[], keyOf: (r: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) m.set(keyOf(r), r);
  return m;
}

// ---------------------------------------------------------------------------------------------

async function writeMapping(tx: Tx, dialect: Dialect, p: Extract<ParsedImport, { type: "mapping" }>, importId: number, onProgress?: ProgressHandler): Promise<WriteCounts> {
  // Names and parents come from the latest extract: an older file only adds what is missing.
  const latest = await tx.practiceMembership.aggregate({ _max: { extractDate: true } });
  const isLatest = !latest._max.extractDate || p.extractDate >= latest._max.extractDate;
  const pcnLatest = await tx.practiceMembership.groupBy({ by: ["pcnCode"], _max: { extractDate: true } });
  const pcnLatestDate = new Map(pcnLatest.map((r) => [r.pcnCode ?? "", r._max.extractDate ?? ""]));
  const only = <T extends object>(cur: T, next: Partial<T>, latestForRow: boolean) => (latestForRow ? changedFields(cur, next) : null);

  let counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const regions = byKey(await tx.region.findMany(), (r) => r.code);
  counts = addCounts(counts, await syncRows({
    incoming: p.regions,
    existing: regions,
    keyOf: (r) => r.code,
    diff: (e, r) => only(e, { name: r.name, onsCode: r.onsCode ?? undefined }, isLatest),
    createMany: (rows) => insertRows(tx, dialect, "Region", rows, (data) => tx.region.createMany({ data })),
    update: (e, data) => tx.region.update({ where: { code: e.code }, data }),
  }));
  const icbs = byKey(await tx.icb.findMany(), (r) => r.code);
  counts = addCounts(counts, await syncRows({
    incoming: p.icbs,
    existing: icbs,
    keyOf: (r) => r.code,
    diff: (e, r) => only(e, { name: r.name, onsCode: r.onsCode ?? undefined, regionCode: r.regionCode }, isLatest),
    createMany: (rows) => insertRows(tx, dialect, "Icb", rows, (data) => tx.icb.createMany({ data })),
    update: (e, data) => tx.icb.update({ where: { code: e.code }, data }),
  }));
  const subIcbs = byKey(await tx.subIcb.findMany(), (r) => r.code);
  counts = addCounts(counts, await syncRows({
    incoming: p.subIcbs,
    existing: subIcbs,
    keyOf: (r) => r.code,
    diff: (e, r) => only(e, { name: r.name, onsCode: r.onsCode ?? undefined, icbCode: r.icbCode }, isLatest),
    createMany: (rows) => insertRows(tx, dialect, "SubIcb", rows, (data) => tx.subIcb.createMany({ data })),
    update: (e, data) => tx.subIcb.update({ where: { code: e.code }, data }),
  }));
  onProgress?.("wrote regions, ICBs and sub-ICB locations");
  const pcns = byKey(await tx.pcn.findMany({ select: { code: true, name: true, nameSearch: true, icbCode: true, subIcbCode: true } }), (r) => r.code);
  counts = addCounts(counts, await syncRows({
    incoming: p.pcns.map((r) => ({ ...r, nameSearch: r.name.toUpperCase() })),
    existing: pcns,
    keyOf: (r) => r.code,
    diff: (e, r) => only(e, { name: r.name, nameSearch: r.nameSearch, icbCode: r.icbCode, subIcbCode: r.subIcbCode }, p.extractDate >= (pcnLatestDate.get(r.code) ?? "")),
    createMany: (rows) => insertRows(tx, dialect, "Pcn", rows, (data) => tx.pcn.createMany({ data })),
    update: (e, data) => tx.pcn.update({ where: { code: e.code }, data }),
  }));
  onProgress?.(`wrote ${formatCount(p.pcns.length)} PCNs`);
  const practices = byKey(await tx.practice.findMany(), (r) => r.code);
  counts = addCounts(counts, await syncRows({
    incoming: p.practices.map((r) => ({ ...r, nameSearch: r.name.toUpperCase() })),
    existing: practices,
    keyOf: (r) => r.code,
    diff: (e, r) => only(e, { name: r.name, nameSearch: r.nameSearch, postcode: r.postcode ?? undefined, supplier: r.supplier ?? undefined }, isLatest),
    createMany: (rows) => insertRows(tx, dialect, "Practice", rows, (data) => tx.practice.createMany({ data })),
    update: (e, data) => tx.practice.update({ where: { code: e.code }, data }),
  }));
  onProgress?.(`wrote ${formatCount(p.practices.length)} practices`);
  const memberships = byKey(
    await tx.practiceMembership.findMany({ where: { extractDate: p.extractDate }, select: { id: true, practiceCode: true, pcnCode: true, subIcbCode: true } }),
    (r) => r.practiceCode,
  );
  counts = addCounts(counts, await syncRows({
    incoming: p.memberships.map((m) => ({ ...m, importId })),
    existing: memberships,
    keyOf: (r) => r.practiceCode,
    diff: (e, r) => changedFields(e, { pcnCode: r.pcnCode, subIcbCode: r.subIcbCode }),
    createMany: (rows) => insertRows(tx, dialect, "PracticeMembership", rows, (data) => tx.practiceMembership.createMany({ data })),
    update: (e, data) => tx.practiceMembership.update({ where: { id: e.id }, data: { ...data, importId } }),
  }));
  onProgress?.(`wrote ${formatCount(p.memberships.length)} practice memberships for ${p.extractDate}`);
  return counts;
}

async function writePopulations(tx: Tx, dialect: Dialect, rows: PopulationInput[], orgTypes: string[], extractDate: string, importId: number): Promise<WriteCounts> {
  const existing = byKey(
    await tx.registeredPopulation.findMany({
      where: { orgType: { in: orgTypes }, extractDate },
      select: { id: true, orgType: true, orgCode: true, total: true, male: true, female: true, ageProfile: true },
    }),
    (r) => `${r.orgType}|${r.orgCode}`,
  );
  return syncRows({
    incoming: rows.map((r) => ({ ...r, importId })),
    existing,
    keyOf: (r) => `${r.orgType}|${r.orgCode}`,
    diff: (e, r) => changedFields(e, { total: r.total, male: r.male, female: r.female, ageProfile: r.ageProfile }),
    createMany: (rows) => insertRows(tx, dialect, "RegisteredPopulation", rows, (data) => tx.registeredPopulation.createMany({ data })),
    update: (e, data) => tx.registeredPopulation.update({ where: { id: e.id }, data: { ...data, importId } }),
  });
}

/** Upserts imported PCN weighted populations; unknown PCNs are created (if named) or rejected. */
async function writePcnWeighted(tx: Tx, dialect: Dialect, rows: PcnWeightedInput[], source: string, importedBy: string | null, importId: number): Promise<WriteCounts> {
  const known = new Set((await tx.pcn.findMany({ select: { code: true } })).map((p) => p.code));
  const unknown = rows.filter((r) => !known.has(r.pcnCode));
  const unnamed = unknown.filter((r) => r.pcnName === null);
  if (unnamed.length) {
    const shown = unnamed.slice(0, 5).map((r) => `${formatLine(r.line)}: PCN ${r.pcnCode} is not known`);
    throw new ImportRejection(
      `${shown.join("; ")}${unnamed.length > 5 ? `; and ${formatCount(unnamed.length - 5)} more` : ""}. Import the NHS mapping file first, or check the PCN code.`,
      unnamed.slice(0, 20).map((r) => ({ line: r.line, message: `PCN ${r.pcnCode} is not known` })),
    );
  }
  const newPcns = byKey(unknown, (r) => r.pcnCode);
  await insertRows(
    tx,
    dialect,
    "Pcn",
    [...newPcns.values()].map((r) => ({ code: r.pcnCode, name: r.pcnName ?? r.pcnCode, nameSearch: (r.pcnName ?? r.pcnCode).toUpperCase() })),
    (data) => tx.pcn.createMany({ data }),
  );
  const years = [...new Set(rows.map((r) => r.financialYear))];
  const existing = byKey(
    await tx.weightedPopulation.findMany({
      where: { provenance: "imported", financialYear: { in: years } },
      select: { id: true, pcnCode: true, financialYear: true, value: true, registeredList: true, source: true },
    }),
    (r) => `${r.pcnCode}|${r.financialYear}`,
  );
  const counts = await syncRows({
    incoming: rows.map((r) => ({
      pcnCode: r.pcnCode,
      financialYear: r.financialYear,
      value: r.value,
      provenance: "imported",
      registeredList: r.registeredList,
      source,
      enteredBy: importedBy,
      importId,
    })),
    existing,
    keyOf: (r) => `${r.pcnCode}|${r.financialYear}`,
    diff: (e, r) => changedFields(e, { value: r.value, registeredList: r.registeredList, source: r.source }),
    createMany: (rows) => createInChunks(rows, (data) => tx.weightedPopulation.createMany({ data })),
    update: (e, data) => tx.weightedPopulation.update({ where: { id: e.id }, data: { ...data, importId, enteredBy: importedBy } }),
  });
  return { ...counts, created: counts.created + newPcns.size };
}

async function writePracticeWeighted(tx: Tx, dialect: Dialect, p: Extract<ParsedImport, { type: "practice-weighted" }>, importId: number): Promise<WriteCounts> {
  const existing = byKey(
    await tx.practiceWeightedPopulation.findMany({
      where: { financialYear: { in: p.financialYears } },
      select: { id: true, practiceCode: true, pcnCode: true, financialYear: true, rawList: true, adjusted: true, weighted: true },
    }),
    (r) => `${r.practiceCode}|${r.financialYear}`,
  );
  return syncRows({
    incoming: p.practiceRows.map((r) => ({ ...r, importId })),
    existing,
    keyOf: (r) => `${r.practiceCode}|${r.financialYear}`,
    // A table without (say) weighted figures does not erase those another table gave.
    diff: (e, r) =>
      changedFields(e, { pcnCode: r.pcnCode, rawList: r.rawList ?? undefined, adjusted: r.adjusted ?? undefined, weighted: r.weighted ?? undefined }),
    createMany: (rows) => insertRows(tx, dialect, "PracticeWeightedPopulation", rows, (data) => tx.practiceWeightedPopulation.createMany({ data })),
    update: (e, data) => tx.practiceWeightedPopulation.update({ where: { id: e.id }, data: { ...data, importId } }),
  });
}

/** Writes one parsed file (call inside a transaction). */
export async function writeParsedImport(
  tx: Tx,
  parsed: ParsedImport,
  ctx: { dialect: Dialect; importId: number; fileName: string; importedBy: string | null; onProgress?: ProgressHandler },
): Promise<WriteCounts> {
  switch (parsed.type) {
    case "mapping":
      return writeMapping(tx, ctx.dialect, parsed, ctx.importId, ctx.onProgress);
    case "single-age":
    case "practice-totals":
      return writePopulations(tx, ctx.dialect, parsed.populations, parsed.orgTypes, parsed.extractDate, ctx.importId);
    case "practice-weighted": {
      const a = await writePracticeWeighted(tx, ctx.dialect, parsed, ctx.importId);
      ctx.onProgress?.(`wrote ${formatCount(parsed.practiceRows.length)} practice rows`);
      if (!parsed.pcnTotals.length) return a;
      return addCounts(a, await writePcnWeighted(tx, ctx.dialect, parsed.pcnTotals, ctx.fileName, ctx.importedBy, ctx.importId));
    }
    case "pcn-weighted":
      return writePcnWeighted(tx, ctx.dialect, parsed.weighted, ctx.fileName, ctx.importedBy, ctx.importId);
  }
}

