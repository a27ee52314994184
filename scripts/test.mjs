#!/usr/bin/env node
// `npm test`: install what is missing, then run every suite — lint, typecheck, migration
// drift check, unit + integration tests (vitest, real SQLite), the integration tests again on a
// throwaway PostgreSQL server, and browser tests (vitest +
// playwright-core driving Debian chromium against `next start`). Ends with one plain line:
// `N passed, N failed` (CI reads it). Pass suite names to run a subset: node scripts/test.mjs unit
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensurePostgresBinaries, startThrowawayPostgres } from "./lib/postgres.mjs";
import { ensureBuilt, ensureChromium, ensureCss, ensureInstalled, log, root } from "./lib/setup.mjs";

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const results = []; // { suite, passed, failed, note }

function check(suite, cmd, args, env = {}, force = false) {
  if (!force && !want(suite)) return;
  log(`${suite}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  results.push({ suite, passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 });
}

function vitest(suite, config, env = {}, filters = []) {
  if (!want(suite)) return;
  const out = path.join(root, `node_modules/.cache/vitest-${suite}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  log(`${suite}: vitest (${config})`);
  const r = spawnSync(
    "npx",
    ["vitest", "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...filters],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
  );
  if (!fs.existsSync(out)) {
    results.push({ suite, passed: 0, failed: 1, note: `vitest exited ${r.status} without a report` });
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  // A file that fails to load counts as a failure even if it declared no tests.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  results.push({
    suite,
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles + (r.status !== 0 && !report.numFailedTests && !brokenFiles ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  });
}

try {
  ensureInstalled();
  ensureCss();
} catch (e) {
  console.error(e.message);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

check("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
check("typecheck", "npx", ["tsc", "--noEmit"]);
check("migrations", "npm", ["run", "--silent", "db:migrate:check"], { DATABASE_URL: "file:./data/migrate-check.db" });
vitest("unit", "vitest.config.ts");

// The same integration tests against PostgreSQL (the deployment database), plus its drift check.
if (want("postgres")) {
  const bin = ensurePostgresBinaries();
  if (!bin) {
    console.error("The PostgreSQL suite needs Debian's postgresql server binaries (apt-get install -y postgresql).");
    results.push({ suite: "postgres", passed: 0, failed: 1, note: "postgresql server not available" });
  } else {
    let pg;
    try {
      pg = await startThrowawayPostgres(bin);
      check("pg-migrate", "node", ["scripts/migrate.mjs", "check"], { DATABASE_URL: pg.url }, true);
      vitest("postgres", "vitest.config.ts", { ARRS_TEST_PG_URL: pg.url }, ["tests/integration"]);
    } catch (e) {
      console.error(e.message);
      results.push({ suite: "postgres", passed: 0, failed: 1, note: "could not start PostgreSQL" });
    } finally {
      pg?.stop();
    }
  }
}

/**
 * One build-and-browser run at a time in a work tree: `next build` writes .next and the browser
 * tests use one database file, so a second run (another terminal, another engineer's session on
 * the same tree) waits here instead of breaking the first. A lock left by a dead process is taken over.
 */
function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withE2eLock(fn) {
  const lock = path.join(root, "node_modules/.cache/e2e.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 2) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const pidFile = path.join(lock, "pid");
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : 0;
      if (!isAlive(pid) && waited >= 2) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 60 === 0) log(`e2e: waiting for another build/browser run (pid ${pid || "?"}) to finish …`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (want("e2e")) await withE2eLock(() => {
  let ready = true;
  try {
    ensureBuilt();
  } catch (e) {
    console.error(e.message);
    results.push({ suite: "e2e", passed: 0, failed: 1, note: "next build failed" });
    ready = false;
  }
  const chromium = ready ? ensureChromium() : null;
  if (ready && !chromium) {
    console.error("Browser tests need Debian chromium (/usr/bin/chromium): apt-get install -y chromium");
    results.push({ suite: "e2e", passed: 0, failed: 1, note: "chromium not available" });
  } else if (ready) {
    vitest("e2e", "vitest.e2e.config.ts", { CHROMIUM_PATH: chromium });
  }
});

let passed = 0;
let failed = 0;
console.log("");
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const extra = [r.skipped ? `${r.skipped} skipped` : "", r.note ?? ""].filter(Boolean).join(", ");
  console.log(`  ${r.failed ? "FAIL" : "ok  "} ${r.suite.padEnd(11)} ${r.passed} passed, ${r.failed} failed${extra ? ` (${extra})` : ""}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
