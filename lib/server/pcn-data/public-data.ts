// The public reference data the PCN pages, PCN search and the PCN API show, computed once per
// data version in each app instance: an in-memory LRU of results keyed by (data version, what was
// asked). The version is read from the database on every call (one primary-key read, shared by
// the requests that arrive while it runs: lib/fresh-read.mjs), so a change committed through any
// instance — an import, an ICB-confirmed figure — is seen at the next request, with no staleness
// window. Nothing here depends on who asks: callers add the signed-in user's parts themselves.
// Results are shared between requests: treat them as read-only.
import "server-only";
import { freshReader } from "@/lib/fresh-read.mjs";
import type { PcnSearchQueryInput } from "@/lib/schemas/pcn";
import { readDataVersion } from "./data-version";
import { getDb } from "../db/db";
import { getPcnDetail, getPcnDetailOrThrow, type PcnDetail } from "./pcn-profile";
import { isDemoDataOnly, searchPcns, type PcnSearchResult } from "./pcn-search";

/** How many results an instance keeps (each a few kilobytes); ARRS_DATA_CACHE_ENTRIES, default 2000. */
const MAX_ENTRIES = Math.max(0, Math.floor(Number(process.env.ARRS_DATA_CACHE_ENTRIES ?? 2000)));

const g = globalThis as unknown as {
  arrsPublicData?: { read: () => Promise<{ value: string; seq: number }>; latest: { value: string; seq: number }; entries: Map<string, Promise<unknown>> };
};

function state() {
  g.arrsPublicData ??= { read: freshReader(() => readDataVersion(getDb())), latest: { value: "", seq: 0 }, entries: new Map() };
  return g.arrsPublicData;
}

/**
 * `load()` for this key at the current data version: from the cache, or computed (once: requests
 * that ask while it is being computed share it) and kept. An answer from an older version read
 * than the newest seen is computed but not kept.
 */
export async function cachedPublicData<T>(key: string, load: () => Promise<T>): Promise<T> {
  const s = state();
  const version = await s.read();
  if (version.seq > s.latest.seq) {
    if (version.value !== s.latest.value) s.entries.clear();
    s.latest = version;
  }
  if (version.value !== s.latest.value || MAX_ENTRIES === 0) return load();
  const hit = s.entries.get(key) as Promise<T> | undefined;
  if (hit) {
    s.entries.delete(key);
    s.entries.set(key, hit);
    return hit;
  }
  const p = load();
  s.entries.set(key, p);
  p.catch(() => {
    if (s.entries.get(key) === p) s.entries.delete(key);
  });
  while (s.entries.size > MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
  return p;
}

/** getPcnDetail (null for an unknown code), cached per data version. */
export function publicPcnDetail(code: string): Promise<PcnDetail | null> {
  return cachedPublicData(`pcn:${code}`, () => getPcnDetail(getDb(), code));
}

/** getPcnDetailOrThrow (API, CLI): the errors are not cached, the detail is. */
export async function publicPcnDetailOrThrow(code: string): Promise<PcnDetail> {
  const hit = await publicPcnDetail(code);
  return hit ?? getPcnDetailOrThrow(getDb(), code);
}

/** searchPcns, cached per data version (invalid input throws, and is not cached). */
export function publicPcnSearch(input: PcnSearchQueryInput): Promise<PcnSearchResult> {
  return cachedPublicData(`search:${JSON.stringify([input.q ?? "", input.page ?? "", input.pageSize ?? ""])}`, () => searchPcns(getDb(), input));
}

/** Whether only the fictional demo PCNs are loaded, cached per data version. */
export function publicDemoDataOnly(): Promise<boolean> {
  return cachedPublicData("demo-only", () => isDemoDataOnly(getDb()));
}
