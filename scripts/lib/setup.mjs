// Shared set-up steps for `npm start` and `npm test`: each step is skipped when nothing it
// depends on has changed, so repeated runs are fast.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function log(msg) {
  console.log(`\u001b[36m[arrs]\u001b[0m ${msg}`);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts, env: { ...process.env, ...(opts.env ?? {}) } });
  if (r.status !== 0) {
    const err = new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    err.exitCode = r.status ?? 1;
    throw err;
  }
}

function hashFiles(files) {
  const h = crypto.createHash("sha256");
  for (const f of files) {
    const p = path.join(root, f);
    h.update(f);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  return h.digest("hex");
}

function listFiles(dir, exts) {
  const out = [];
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return out;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name === "generated" || e.name.startsWith(".")) continue;
      out.push(...listFiles(rel, exts));
    } else if (exts.some((x) => e.name.endsWith(x))) out.push(rel);
  }
  return out.sort();
}

/**
 * npm ci's arguments. --loglevel=error: npm's warnings are not a newcomer's problem — on Node 20,
 * Prisma's optional @prisma/streams-local (engines: node >= 22, bun) prints "npm warn EBADENGINE"
 * although nothing is wrong; errors still print, and a failed install still stops `npm start`.
 */
export function installArgs(hasLock) {
  return [hasLock ? "ci" : "install", "--no-audit", "--no-fund", "--loglevel=error"];
}

/**
 * NODE_OPTIONS for the steps `npm start` runs: Node's ExperimentalWarnings (e.g. require() of an
 * ES module on Node 22, a feature the app relies on) off; every other warning and error stays.
 */
export function quietNodeOptions(existing = "") {
  const flag = "--disable-warning=ExperimentalWarning";
  return existing.split(/\s+/).includes(flag) ? existing : `${existing} ${flag}`.trim();
}

/** npm ci when node_modules is missing or package-lock.json changed since the last install. */
export function ensureInstalled() {
  const stampFile = path.join(root, "node_modules/.arrs-install-stamp");
  // Only what changes node_modules or the generated clients: not package.json's scripts.
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const deps = JSON.stringify([pkg.dependencies, pkg.devDependencies, pkg.allowScripts, pkg.overrides]);
  const want = crypto.createHash("sha256").update(deps).update(hashFiles(["package-lock.json", "prisma/schema.prisma", "prisma/postgres/schema.prisma"])).digest("hex");
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (have === want && fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) return;
  log("Installing dependencies (npm ci) …");
  run("npm", installArgs(fs.existsSync(path.join(root, "package-lock.json"))));
  fs.writeFileSync(stampFile, want);
}

export function ensureCss() {
  run(process.execPath, ["scripts/build-css.mjs"]);
}

/** next build when any source file changed since the last build. */
export function ensureBuilt() {
  const files = [
    "package-lock.json",
    "next.config.ts",
    "tsconfig.json",
    "proxy.ts",
    ...listFiles("app", [".ts", ".tsx", ".scss", ".css"]),
    ...listFiles("lib", [".ts", ".tsx", ".mjs"]).filter((f) => !f.endsWith(".test.ts")),
    "scripts/build-direct.mjs",
    ...listFiles("scripts/direct", [".ts"]),
    ...listFiles("public", [".css", ".svg", ".png", ".ico", ".json"]),
  ];
  const want = hashFiles(files);
  const stampFile = path.join(root, ".next/.arrs-build-stamp");
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (have === want && fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
  log("Building the app (next build) …");
  run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: quietNodeOptions(process.env.NODE_OPTIONS) } });
  run(process.execPath, ["scripts/build-direct.mjs"]);
  fs.writeFileSync(stampFile, want);
}

export function migrate(databaseUrl) {
  run(process.execPath, ["scripts/migrate.mjs", "apply"], { env: { DATABASE_URL: databaseUrl } });
}

export function seedIfEmpty(databaseUrl) {
  run("npx", ["tsx", "scripts/seed.ts", "--if-empty"], { env: { DATABASE_URL: databaseUrl } });
}

/** Debian chromium for the browser tests; installed with apt when missing and we are root. */
export function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(exe)) return exe;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) return null;
  log("Installing Debian chromium for the browser tests (apt-get) …");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } catch {
    return null;
  }
  return fs.existsSync(exe) ? exe : null;
}
