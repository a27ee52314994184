#!/usr/bin/env node
// `npm start`: install what is missing, create/migrate the embedded database, seed the
// fictional demo data when the database is empty, build, and serve on $PORT (default 3000).
import { spawn } from "node:child_process";
import { ensureBuilt, ensureCss, ensureInstalled, log, migrate, quietNodeOptions, root, seedIfEmpty } from "./lib/setup.mjs";

const databaseUrl = process.env.DATABASE_URL || "file:./data/app.db";
try {
  ensureInstalled();
  ensureCss();
  migrate(databaseUrl);
  seedIfEmpty(databaseUrl);
  ensureBuilt();
} catch (e) {
  console.error(e.message);
  process.exit(e.exitCode ?? 1);
}
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";
log(`Serving http://localhost:${port} (database ${databaseUrl})`);
// scripts/serve.mjs: `next start` plus a timeout for stalled request bodies.
const child = spawn(process.execPath, ["scripts/serve.mjs"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", PORT: port, HOST: host, NODE_OPTIONS: quietNodeOptions(process.env.NODE_OPTIONS) },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
