// First-load JavaScript of the built pages (issue 15, item 19): for each page, the scripts its
// HTML loads eagerly (every <script src>, not the chunks loaded later by next/dynamic or
// React.lazy; nor the noModule polyfills modern browsers skip), each gzipped (as served to
// browsers) and summed. Needs the production build and a
// running server: `npm run bench:first-load` starts one on a fresh demo database (the build is made
// first if missing or stale); `npm run bench:http` prints the same figures from its own server.
//
// Goal: the home page and the PCN page under 150 kB each.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  path: string;
  scripts: number;
  /** Bytes of the eager scripts, gzipped one by one and summed. */
  gzipBytes: number;
  rawBytes: number;
}

export const FIRST_LOAD_PAGES: readonly { path: string; label: string; goalKb?: number }[] = [
  { path: "/", label: "home page (quick estimate)", goalKb: 150 },
  { path: "/pcns/UZ1001", label: "PCN page", goalKb: 150 },
  { path: "/rules", label: "/rules" },
];

/**
 * The eager script URLs of a page's HTML: each <script src=…> once, in order. A `noModule` script
 * (Next's polyfills for browsers without ES modules) is left out: every browser the app supports
 * skips it.
 */
export function eagerScriptUrls(html: string, base: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)')[^>]*>/gi)) {
    if (/\snomodule\b/i.test(m[0])) continue;
    const src = (m[1] ?? m[2]!).replace(/&amp;/g, "&");
    const url = new URL(src, base).toString();
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

export async function measureFirstLoad(base: string, pagePath: string, headers: Record<string, string> = {}): Promise<FirstLoad> {
  const res = await fetch(new URL(pagePath, base), { headers });
  if (!res.ok) throw new Error(`GET ${pagePath}: ${res.status}`);
  const urls = eagerScriptUrls(await res.text(), base);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const url of urls) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`GET ${url}: ${r.status}`);
    const body = Buffer.from(await r.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { path: pagePath, scripts: urls.length, gzipBytes, rawBytes };
}

const kb = (n: number) => (n / 1000).toFixed(1);

/** Prints each page's first-load JavaScript against its goal; true when every goal is met. */
export async function printFirstLoad(base: string): Promise<boolean> {
  console.log("\n## First-load JavaScript (eager <script src> of the page's HTML, noModule polyfills left out, each gzipped, summed)\n");
  console.log("| page | scripts | gzip kB | raw kB | goal |");
  console.log("|---|---:|---:|---:|---|");
  let met = true;
  for (const p of FIRST_LOAD_PAGES) {
    const f = await measureFirstLoad(base, p.path);
    const ok = p.goalKb === undefined || f.gzipBytes < p.goalKb * 1000;
    met &&= ok;
    console.log(`| ${p.label} (${p.path}) | ${f.scripts} | ${kb(f.gzipBytes)} | ${kb(f.rawBytes)} | ${p.goalKb === undefined ? "–" : `${ok ? "ok" : "MISS"} < ${p.goalKb} kB`} |`);
  }
  return met;
}

async function main() {
  // @ts-expect-error -- plain ESM helpers shared with npm start / npm test (no type declarations)
  const { ensureBuilt, ensureCss, root } = await import("../lib/setup.mjs");
  const { startServer } = await import("../lib/server.mjs");
  const { spawnSync } = await import("node:child_process");
  const { createPrisma } = await import("@/lib/server/db/create-prisma");
  const { seedDemo } = await import("@/prisma/seed-demo");
  const base = process.env.ARRS_BENCH_URL;
  if (base) {
    process.exitCode = (await printFirstLoad(base)) ? 0 : 1;
    return;
  }
  ensureCss();
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-first-load-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    const migrated = spawnSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
    if (migrated.status !== 0) throw new Error("migrate failed");
    const db = createPrisma(url);
    await seedDemo(db);
    await db.$disconnect();
    const server = await startServer({ env: { DATABASE_URL: url } });
    try {
      process.exitCode = (await printFirstLoad(server.url)) ? 0 : 1;
    } finally {
      server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
