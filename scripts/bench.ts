// `npm run bench`: speed figures for the engine and the importer. A benchmark, not a test:
// it prints numbers; goals are stated beside them.
import { performance } from "node:perf_hooks";
import {
  compileRules,
  getRules,
  parseIsoDate,
  pricePlan,
  ROLE_IDS,
  type AfcBand,
  type Area,
  type PostSpec,
  type RoleId,
} from "@/lib/engine";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const AREAS: Area[] = ["national", "national", "national", "outer-london", "inner-london", "fringe"];
const BANDS: AfcBand[] = ["4", "5", "6", "7", "8a"];

function makePosts(n: number, rand: () => number): PostSpec[] {
  const posts: PostSpec[] = [];
  for (let i = 0; i < n; i++) {
    const role = ROLE_IDS[Math.floor(rand() * ROLE_IDS.length)] as RoleId;
    const start = parseIsoDate("2025-04-01")! + Math.floor(rand() * 200);
    const useBand = role !== "gp" && rand() < 0.5;
    const band = BANDS[Math.floor(rand() * BANDS.length)]!;
    posts.push({
      id: `p${i}`,
      role,
      ...(useBand || role === "mental-health-practitioner" ? { band, point: 1 + Math.floor(rand() * 2) } : { annualSalaryPence: 2_500_000 + Math.floor(rand() * 8_000_000) }),
      wteTenThousandths: 1000 + Math.floor(rand() * 9001),
      area: AREAS[Math.floor(rand() * AREAS.length)]!,
      startDay: start,
      endDay: start + 120 + Math.floor(rand() * 400),
      ...(role === "mental-health-practitioner" ? { mhpFunding: rand() < 0.5 ? ("50%" as const) : ("100%" as const) } : {}),
      // A commissioner-approved role is capped at the maximum the ICB agreed, given on the post.
      ...(role === "commissioner-approved" ? { roleName: "MSK practitioner", agreedMaxPence: 6_000_000 } : {}),
    });
  }
  return posts;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function benchEngine() {
  const rules = getRules("2025/26")!;
  const rand = rng(42);
  const compiled = compileRules(rules);

  // One plan of 50 posts.
  const plan50 = makePosts(50, rand);
  for (let i = 0; i < 200; i++) pricePlan(compiled, { weightedPopulation: 48213.7, posts: plan50 });
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    pricePlan(compiled, { weightedPopulation: 48213.7, posts: plan50 });
    times.push(performance.now() - t0);
  }
  const withCompile: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    pricePlan(compileRules(rules, { arrsRatePerWeightedPatient: 26.631 }), { weightedPopulation: 48213.7, posts: plan50 });
    withCompile.push(performance.now() - t0);
  }
  console.log(`engine: one plan of 50 posts: median ${median(times).toFixed(3)} ms, p95 ${[...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!.toFixed(3)} ms (goal < 1 ms)`);
  console.log(`engine: same, compiling the year's rules with user assumptions each time: median ${median(withCompile).toFixed(3)} ms`);

  // England: ~1,300 PCNs × 20 posts each.
  const pcns = Array.from({ length: 1300 }, () => ({ weightedPopulation: 20000 + Math.floor(rand() * 60000) + 0.5, posts: makePosts(20, rand) }));
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    let claimable = 0;
    for (const p of pcns) claimable += pricePlan(compiled, p).totals.claimablePence;
    runs.push(performance.now() - t0);
    if (claimable <= 0) throw new Error("benchmark produced no claims");
  }
  console.log(`engine: 1,300 PCNs × 20 posts (26,000 posts, 312,000 post-months): median ${median(runs).toFixed(1)} ms, best ${Math.min(...runs).toFixed(1)} ms (goal < 250 ms)`);
}

benchEngine();
try {
  const { benchImport } = await import("./bench-import");
  await benchImport();
} catch (e) {
  if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") console.log("import: benchmark not available");
  else throw e;
}
await benchSearch();
{
  const { benchOptimiser } = await import("./bench-optimiser");
  await benchOptimiser();
}
{
  const { benchPlanner } = await import("./bench-planner");
  await benchPlanner();
}
{
  const { benchWeighted } = await import("./bench-weighted"); // weighted-population estimate back-test (decision 014)
  await benchWeighted();
}
await (await import("./bench/exports")).benchExports(); // planner XLSX and compare page on the server (issue 14)
await (await import("./bench/icb")).benchIcb(); // the ICB's view at England's scale on PostgreSQL (issue 18)
process.exit(0);

/** PCN search and PCN page data on all of England (the real files imported into a temp DB). */
async function benchSearch() {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { execFileSync } = await import("node:child_process");
  const dataDir = path.resolve(import.meta.dirname, "../../shared/data/nhs");
  const files = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => f.endsWith(".csv")) : [];
  if (!files.length) {
    console.log(`search: skipped — no NHS files in ${dataDir}`);
    return;
  }
  const { createPrisma } = await import("@/lib/server/db/create-prisma");
  const { importFiles } = await import("@/lib/server/import");
  const { searchPcns, getPcnDetail } = await import("@/lib/server/pcn-data/pcns");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-search-"));
  const url = `file:${dir}/bench.db`;
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const db = createPrisma(url);
  try {
    await importFiles(db, files.map((f) => ({ fileName: f, content: fs.readFileSync(path.join(dataDir, f)) })), { importedBy: "bench" });
    const queries = ["s", "sto", "north", "surgery", "medical centre", "QHM", "u8", "nhs north east"];
    const times: number[] = [];
    for (const q of queries) await searchPcns(db, { q, page: 1, pageSize: 10 });
    for (let r = 0; r < 5; r++) {
      for (const q of queries) {
        const t0 = performance.now();
        await searchPcns(db, { q, page: 1, pageSize: 10 });
        times.push(performance.now() - t0);
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`search: England (1,298 PCNs, 6,129 practices), ${queries.length} queries × 5: median ${median(times).toFixed(1)} ms, worst ${sorted[sorted.length - 1]!.toFixed(1)} ms`);
    const codes = (await db.pcn.findMany({ select: { code: true }, take: 50 })).map((p) => p.code);
    const detail: number[] = [];
    for (const code of codes) {
      const t0 = performance.now();
      await getPcnDetail(db, code);
      detail.push(performance.now() - t0);
    }
    console.log(`search: PCN page data (practices, population, weighted populations, entitlements) for 50 PCNs: median ${median(detail).toFixed(1)} ms`);
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
