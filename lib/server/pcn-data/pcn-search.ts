// PCN search: by name, PCN code, member practice (name, code or postcode), town (the post town of
// its practices' postcode area) or ICB, as you type. Plain objects out.
// No "server-only" here: the CLI (scripts/pcn.ts) and integration tests import this file; the
// app passes getDb() from lib/server/db/db.ts.
import { areasForPlace, parsePostcodeQuery, postcodeArea, postcodeMatches, POSTCODE_AREAS } from "@/lib/places/postcode-areas";
import { PcnSearchQuerySchema, type PcnSearchQueryInput } from "@/lib/schemas/pcn";
import type { Db } from "../db/create-prisma";
import { parseOrThrow } from "./pcn-shared";

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
  /** Only the fictional demo PCNs are loaded (no PCN from NHS England's files): real ones cannot be found. */
  demoOnly: boolean;
}

/** True when PCNs are stored and every one is a fictional demo PCN (nothing imported from NHS England). */
export async function isDemoDataOnly(db: Db): Promise<boolean> {
  const [real, demo] = await Promise.all([db.pcn.findFirst({ where: { isDemo: false }, select: { code: true } }), db.pcn.findFirst({ where: { isDemo: true }, select: { code: true } })]);
  return real === null && demo !== null;
}



/** Upper-cased search key, as stored in the nameSearch columns (portable case-insensitivity). */
export function searchKey(s: string): string {
  return s.trim().replace(/\s+/g, " ").toUpperCase();
}


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
  const demoOnlyCheck = isDemoDataOnly(db); // runs beside the search's own queries
  demoOnlyCheck.catch(() => undefined); // awaited below; no unhandled rejection if the search fails first

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

    // Practice postcodes: a district ("LS6": only LS6, not LS16 or LS60), the start of a postcode
    // ("LS6 1"), or an area ("LS"); and towns, through the post town of a postcode area ("Leeds" →
    // LS). The database narrows by the area's letters, the exact test happens here.
    const pq = parsePostcodeQuery(key);
    const placeAreas = areasForPlace(key);
    const areas = [...new Set([...(pq ? [pq.area] : []), ...placeAreas])];
    if (areas.length && latestExtract) {
      const rows = await db.practiceMembership.findMany({
        where: { extractDate: latestExtract, pcnCode: { not: null }, practice: { OR: areas.map((a) => ({ postcode: { startsWith: a } })) } },
        select: { practiceCode: true, pcnCode: true, practice: { select: { name: true, postcode: true } } },
      });
      const byPostcode = new Map<string, string[]>();
      const byPlace = new Map<string, { area: string; count: number }>();
      for (const m of rows) {
        const pc = m.practice.postcode;
        if (!pc || !m.pcnCode) continue;
        if (pq && pq.kind !== "area" && postcodeMatches(pc, pq)) {
          byPostcode.set(m.pcnCode, [...(byPostcode.get(m.pcnCode) ?? []), `${m.practice.name} (${m.practiceCode}, ${pc})`]);
        } else {
          const area = postcodeArea(pc);
          if (area && (placeAreas.includes(area) || (pq?.kind === "area" && pq.area === area))) {
            const hit = byPlace.get(m.pcnCode) ?? { area, count: 0 };
            hit.count += 1;
            byPlace.set(m.pcnCode, hit);
          }
        }
      }
      for (const [pcnCode, names] of byPostcode) {
        const [first, ...rest] = names.sort();
        offer(pcnCode, 5, `member practice ${first}${rest.length ? ` and ${rest.length} more` : ""} by postcode`);
      }
      for (const [pcnCode, hit] of byPlace) {
        offer(pcnCode, 7, `${hit.count} member practice${hit.count === 1 ? "" : "s"} in postcode area ${hit.area} (${POSTCODE_AREAS[hit.area]})`);
      }
    }

    if (matches.size === 0) return { q, items: [], page, pageSize, total: 0, demoOnly: await demoOnlyCheck };
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
  if (slice.length === 0) return { q, items: [], page, pageSize, total, demoOnly: await demoOnlyCheck };
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
  return { q, items, page, pageSize, total, demoOnly: await demoOnlyCheck };
}

