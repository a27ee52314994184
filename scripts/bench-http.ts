// `npm run bench:http [-- sqlite|postgres]`: HTTP speed of the production build under load, on
// SQLite and on a throwaway PostgreSQL server (Debian's postgresql binaries; skipped when absent).
// For each database: a fresh database with the fictional demo data, `scripts/serve.mjs` on a free
// port, then autocannon with 50 connections for 30 s against each target in turn:
//
//   static file     GET /assets/images/favicon.svg (Next's static file handler: the yardstick)
//                   (files and pages with Accept-Encoding: gzip, deflate, br, as browsers send)
//   /rules          GET /rules
//   PCN page        GET /pcns/UZ1001
//   PCN search      GET /pcns?q=demo
//   estimate API    POST /api/v1/estimate (the README's example body)
//   scenario save   PUT /api/v1/scenarios/{id}: each connection saves its own scenario with the
//                   version it last saw (on 409 it takes the stored version from the answer and
//                   saves again); afterwards every successful save's marker must be in exactly
//                   one revision, at the version its answer gave, and each scenario's final
//                   version must be 1 + its successful saves (+1 for a save the end of the run
//                   cut off before its answer arrived).
//
// Prints requests a second, latency p50/p95/p97.5/p99 (ms), errors (socket errors, timeouts and
// non-2xx answers) and the save check, with the goals: pages at least half the static file's
// rate, p95 under 100 ms for the reads, 0 errors, no lost or duplicated save.
//
// ARRS_BENCH_SECONDS (default 30) and ARRS_BENCH_CONNECTIONS (default 50) change the run;
// ARRS_WORKERS is passed to the server (scripts/serve.mjs); ARRS_BENCH_ONLY=first-load,static,rules,pcn,
// search,estimate,save runs only those; ARRS_BENCH_NODE_ARGS adds node flags to the server (e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof"). Each target is warmed up for a few
// seconds first (compiled code, and every worker's page cache). The build is made first if
// missing or stale (as `npm start` does).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Instance, type Result } from "autocannon";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createScenario } from "@/lib/server/scenarios/scenarios";
import { createApiToken, createUser } from "@/lib/server/auth/users";
import { seedDemo } from "@/prisma/seed-demo";
// @ts-expect-error -- plain ESM helpers shared with npm start / npm test (no type declarations)
import { ensurePostgresBinaries, startThrowawayPostgres } from "./lib/postgres.mjs";
import { printFirstLoad } from "./bench/first-load";
import { startServer } from "./lib/server.mjs";
// @ts-expect-error -- as above
import { ensureBuilt, ensureCss, root } from "./lib/setup.mjs";

const SECONDS = Math.max(1, Number(process.env.ARRS_BENCH_SECONDS ?? 30));
const WARM_UP_SECONDS = Math.min(3, SECONDS);
const WORKERS = Math.max(1, Math.floor(Number(process.env.ARRS_WORKERS ?? 1)) || 1);
const ONLY = new Set((process.env.ARRS_BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean));
const targetWanted = (id: string) => ONLY.size === 0 || ONLY.has(id);
const CONNECTIONS = Math.max(1, Math.floor(Number(process.env.ARRS_BENCH_CONNECTIONS ?? 50)));
const PCN = "UZ1001";
const BENCH_USER = { email: "bench@example.nhs.uk", name: "Bench Editor", password: "bench-editor-password" };

const ESTIMATE_BODY = JSON.stringify({
  financialYear: "2025/26",
  pcn: { weightedPopulation: 48213.7 },
  assumptions: { maxReimbursableAnnual: { "occupational-therapist": 64907 } },
  posts: [
    { id: "ot-1", role: "occupational-therapist", annualSalary: 47810, wte: 1.0, area: "national", start: "2025-10-01", end: "2026-03-31" },
    { id: "ot-2", role: "occupational-therapist", band: "7", point: 2, wte: 0.6 },
  ],
});

const SCENARIO_BODY = {
  name: "Bench scenario",
  firstYear: "2025/26",
  years: 3,
  assumptions: { claimLagMonths: 2, payAward: 0.03 },
  posts: [
    { id: "ot-1", label: "OT – frailty", status: "proposed", role: "occupational-therapist", band: "7", point: 1, wte: 1.0, start: "2025-10-01" },
    { id: "pharm-1", label: "Clinical pharmacist", status: "existing", role: "clinical-pharmacist", band: "8a", point: 1, wte: 0.8 },
    { id: "slw-1", label: "Social prescriber", status: "existing", role: "social-prescribing-link-worker", band: "5", point: 2, wte: 1.0 },
  ],
  supervisors: [],
};

// ---------------------------------------------------------------------------------------------
// Set-up

function runNode(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(" ")} exited ${code}`))));
  });
}

interface Fixture {
  db: Db;
  token: string;
  scenarioIds: string[];
}

async function prepareDatabase(url: string): Promise<Fixture> {
  await runNode(["scripts/migrate.mjs", "apply"], { DATABASE_URL: url });
  const db = createPrisma(url);
  await seedDemo(db);
  await createUser(db, { ...BENCH_USER });
  await grantMembership(db, COMMAND_LINE, { email: BENCH_USER.email, pcnCode: PCN, role: "editor" });
  const { token, user } = await createApiToken(db, BENCH_USER.email, { label: "bench" });
  const scenarioIds: string[] = [];
  for (let i = 0; i <= CONNECTIONS; i++) { // one more, to warm up the route
    const s = await createScenario(db, user, PCN, { ...SCENARIO_BODY, name: `Bench scenario ${i + 1}` });
    scenarioIds.push(s.id);
  }
  return { db, token, scenarioIds };
}

/** scripts/serve.mjs on the build, on `url`; stop() waits until it has exited. */
async function startBenchServer(url: string): Promise<{ baseUrl: string; child: ChildProcess; stop: () => Promise<void> }> {
  const nodeArgs = (process.env.ARRS_BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const server = await startServer({ env: { DATABASE_URL: url }, nodeArgs });
  const { child } = server;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.pid) return resolve();
      child.once("exit", () => resolve());
      server.stop();
    });
  return { baseUrl: server.url, child, stop };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  target: string;
  kind: "static" | "page" | "api" | "save";
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  errors: number;
  timeouts: number;
  max: number;
  statuses: Map<number, number>;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs the instances side by side for the same time; one set of figures for all of them. */
async function measure(target: string, kind: Figures["kind"], make: () => Instance[]): Promise<Figures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const instances = make();
  for (const i of instances) {
    i.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  }
  const results: Result[] = await Promise.all(instances.map((i) => Promise.resolve(i)));
  latencies.sort((a, b) => a - b);
  const seconds = Math.max(...results.map((r) => r.duration)) || SECONDS;
  const non2xx = [...statuses].filter(([s]) => s < 200 || s > 299).reduce((n, [, c]) => n + c, 0);
  return {
    target,
    kind,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p97_5: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
    // autocannon counts a timeout as an error too.
    errors: results.reduce((n, r) => n + r.errors, 0) + non2xx,
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    max: latencies[latencies.length - 1] ?? NaN,
    statuses,
  };
}

type Extra = { method?: string; headers?: Record<string, string>; body?: string };

/** What a browser sends that changes the answer: it takes compressed pages. */
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

function simple(baseUrl: string, pathname: string, extra: Extra = {}) {
  return () => [autocannon({ url: `${baseUrl}${pathname}`, connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...extra })];
}

/** A few seconds of the same requests, not measured. */
async function warmUp(baseUrl: string, pathname: string, extra: Extra = {}) {
  await Promise.resolve(autocannon({ url: `${baseUrl}${pathname}`, connections: Math.min(10, CONNECTIONS), duration: WARM_UP_SECONDS, timeout: 10, ...extra }));
}

interface SaveLog {
  /** Per scenario: the markers of successful saves and the versions their answers gave. */
  saves: Map<string, { marker: string; version: number }[]>;
  conflicts: number;
  /** Requests sent without an answer when the run ended (per scenario: 0 or 1). */
  unanswered: Map<string, number>;
}

/** One autocannon instance per connection, each saving its own scenario with the version it last saw. */
function saves(baseUrl: string, token: string, scenarioIds: string[], log: SaveLog) {
  return () =>
    scenarioIds.map((id, c) => {
      let version = 1;
      let sent = 0;
      let answered = 0;
      let marker = "";
      log.saves.set(id, []);
      const instance = autocannon({
        url: baseUrl,
        connections: 1,
        duration: SECONDS,
        timeout: 10,
        requests: [
          {
            method: "PUT",
            path: `/api/v1/scenarios/${id}`,
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            setupRequest: (req) => {
              sent++;
              marker = `c${c}-r${sent}`;
              return { ...req, body: JSON.stringify({ ...SCENARIO_BODY, name: `Bench scenario ${c + 1}`, description: marker, version }) };
            },
            onResponse: (status, body) => {
              answered++;
              try {
                const json = JSON.parse(body) as { version?: number; error?: { current?: { version?: number } } };
                if (status === 200 && typeof json.version === "number") {
                  log.saves.get(id)!.push({ marker, version: json.version });
                  version = json.version;
                } else if (status === 409 && typeof json.error?.current?.version === "number") {
                  log.conflicts++;
                  version = json.error.current.version; // re-read: save again on top of the stored one
                }
              } catch {
                // counted as an error by its status
              }
            },
          },
        ],
      });
      void Promise.resolve(instance).then(() => log.unanswered.set(id, Math.max(0, sent - answered)));
      return instance;
    });
}

interface SaveCheck {
  successful: number;
  conflicts: number;
  lost: number;
  duplicated: number;
  detail: string[];
}

async function checkSaves(db: Db, log: SaveLog): Promise<SaveCheck> {
  const ids = [...log.saves.keys()];
  // One snapshot of both tables (a save still committing must not fall between two reads).
  const [scenarios, revisions] = await db.$transaction([
    db.scenario.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } }),
    db.scenarioRevision.findMany({ where: { scenarioId: { in: ids } }, select: { scenarioId: true, version: true, description: true } }),
  ]);
  const finalVersion = new Map(scenarios.map((s) => [s.id, s.version]));
  let successful = 0;
  let lost = 0;
  let duplicated = 0;
  const detail: string[] = [];
  for (const id of ids) {
    const ok = log.saves.get(id) ?? [];
    successful += ok.length;
    const revs = revisions.filter((r) => r.scenarioId === id);
    const byMarker = new Map<string, number[]>();
    for (const r of revs) if (r.description) byMarker.set(r.description, [...(byMarker.get(r.description) ?? []), r.version]);
    for (const s of ok) {
      const found = byMarker.get(s.marker) ?? [];
      if (!found.includes(s.version)) {
        lost++;
        detail.push(`${id}: save ${s.marker} answered version ${s.version} but no revision ${s.version} holds it`);
      }
      if (found.length > 1) {
        duplicated += found.length - 1;
        detail.push(`${id}: save ${s.marker} is in ${found.length} revisions`);
      }
    }
    const final = finalVersion.get(id) ?? 0;
    const expected = 1 + ok.length;
    const cutOff = log.unanswered.get(id) ?? 0;
    if (final < expected) {
      lost += expected - final;
      detail.push(`${id}: final version ${final} < 1 + ${ok.length} successful saves`);
    } else if (final > expected + cutOff) {
      duplicated += final - expected - cutOff;
      detail.push(`${id}: final version ${final} > 1 + ${ok.length} successful saves (+${cutOff} cut off)`);
    }
    if (revs.length !== final) {
      detail.push(`${id}: ${revs.length} revisions for version ${final}`);
      if (revs.length > final) duplicated += revs.length - final;
      else lost += final - revs.length;
    }
  }
  return { successful, conflicts: log.conflicts, lost, duplicated, detail };
}

// ---------------------------------------------------------------------------------------------
// Reporting

const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : "–");

function report(label: string, figures: Figures[], save: SaveCheck | null): boolean {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(", ");
  console.log(`\n## ${label}: ${CONNECTIONS} connections × ${SECONDS} s per target, ${WORKERS} server process${WORKERS === 1 ? "" : "es"} (${os.cpus().length} cores; load average now ${load})\n`);
  console.log("| target | req/s | p50 ms | p95 ms | p97.5 ms | p99 ms | max ms | errors |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const f of figures) {
    const why = [...[...f.statuses].filter(([s]) => s < 200 || s > 299).map(([s, n]) => `${n}×${s}`), ...(f.timeouts ? [`${f.timeouts} timeouts`] : [])].join(", ");
    console.log(`| ${f.target} | ${f.rps.toFixed(0)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p97_5)} | ${ms(f.p99)} | ${ms(f.max)} | ${f.errors}${why ? ` (${why})` : ""} |`);
  }
  const staticRps = figures.find((f) => f.kind === "static")?.rps ?? 0;
  const checks: [string, boolean][] = [];
  for (const f of figures.filter((x) => x.kind === "page")) {
    checks.push([`${f.target}: ${f.rps.toFixed(0)} req/s is ${((f.rps / staticRps) * 100).toFixed(0)}% of the static file's (goal ≥ 50%)`, f.rps >= staticRps / 2]);
  }
  for (const f of figures.filter((x) => x.kind === "page" || x.kind === "api")) {
    checks.push([`${f.target}: p95 ${ms(f.p95)} ms (goal < 100 ms)`, f.p95 < 100]);
  }
  const errors = figures.reduce((n, f) => n + f.errors, 0);
  checks.push([`errors: ${errors} (goal 0)`, errors === 0]);
  if (save) {
    checks.push([`scenario saves: ${save.successful} successful, ${save.conflicts} conflicts retried, ${save.lost} lost, ${save.duplicated} duplicated (goal 0 lost, 0 duplicated)`, save.lost === 0 && save.duplicated === 0]);
    for (const d of save.detail.slice(0, 10)) console.log(`  ${d}`);
  }
  console.log("");
  for (const [text, ok] of checks) console.log(`${ok ? "ok  " : "MISS"} ${text}`);
  return checks.every(([, ok]) => ok);
}

async function benchDatabase(label: string, url: string): Promise<boolean> {
  console.log(`\n${label}: preparing a fresh database …`);
  const fx = await prepareDatabase(url);
  const server = await startBenchServer(url);
  try {
    const base = server.baseUrl;
    if (targetWanted("first-load")) await printFirstLoad(base); // scripts/bench/first-load.ts
    const json = { "content-type": "application/json" };
    // Warm up every target, so first-render and compile costs stay out of the figures.
    const pages: [string, string][] = [["static", "/assets/images/favicon.svg"], ["rules", "/rules"], ["pcn", `/pcns/${PCN}`], ["search", "/pcns?q=demo"]];
    for (const [id, p] of pages) if (targetWanted(id)) await warmUp(base, p);
    if (targetWanted("estimate")) await warmUp(base, "/api/v1/estimate", { method: "POST", headers: json, body: ESTIMATE_BODY });
    const warmId = fx.scenarioIds.pop()!;
    for (let v = 1; v <= (targetWanted("save") ? 20 : 0); v++) {
      const r = await fetch(`${base}/api/v1/scenarios/${warmId}`, { method: "PUT", headers: { ...json, authorization: `Bearer ${fx.token}` }, body: JSON.stringify({ ...SCENARIO_BODY, version: v }) });
      await r.arrayBuffer();
    }

    const figures: Figures[] = [];
    const run = async (id: string, target: string, kind: Figures["kind"], make: () => Instance[]) => {
      if (!targetWanted(id)) return;
      process.stdout.write(`  ${target} …`);
      const f = await measure(target, kind, make);
      process.stdout.write(` ${f.rps.toFixed(0)} req/s\n`);
      figures.push(f);
      return f;
    };
    // Pages and files are asked for as a browser asks (compressed); the client is one JavaScript
    // process on the same cores, and parsing ~140 kB uncompressed pages bound it, not the server.
    await run("static", "static file (/assets/images/favicon.svg)", "static", simple(base, "/assets/images/favicon.svg", { headers: BROWSER }));
    await run("rules", "/rules", "page", simple(base, "/rules", { headers: BROWSER }));
    await run("pcn", `PCN page (/pcns/${PCN})`, "page", simple(base, `/pcns/${PCN}`, { headers: BROWSER }));
    await run("search", "PCN search (/pcns?q=demo)", "page", simple(base, "/pcns?q=demo", { headers: BROWSER }));
    await run("estimate", "POST /api/v1/estimate", "api", simple(base, "/api/v1/estimate", { method: "POST", headers: json, body: ESTIMATE_BODY }));
    const log: SaveLog = { saves: new Map(), conflicts: 0, unanswered: new Map() };
    await run("save", "PUT /api/v1/scenarios/{id} (save)", "save", saves(base, fx.token, fx.scenarioIds, log));
    // Saves the end of the run cut off may still be committing: let them finish first.
    await server.stop();
    const save = targetWanted("save") ? await checkSaves(fx.db, log) : null;
    return report(label, figures, save);
  } finally {
    await server.stop();
    await fx.db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
ensureCss();
ensureBuilt();
let allMet = true;
if (want("sqlite")) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-"));
  try {
    allMet = (await benchDatabase("SQLite", `file:${path.join(dir, "bench.db")}`)) && allMet;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (want("postgres")) {
  const bin = ensurePostgresBinaries();
  if (!bin) {
    console.log("\nPostgreSQL: skipped (needs Debian's postgresql server binaries: apt-get install -y postgresql).");
  } else {
    const pg = await startThrowawayPostgres(bin);
    try {
      allMet = (await benchDatabase("PostgreSQL", pg.url)) && allMet;
    } finally {
      pg.stop();
    }
  }
}
console.log(allMet ? "\nEvery goal met." : "\nSome goals not met (MISS above).");
