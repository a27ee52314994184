#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the single source of truth. This writes the
// PostgreSQL twin: same models, provider "postgresql", its own client output.
// `--check` exits 1 if the committed copy is stale (use in CI).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const src = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const out = path.join(root, "prisma/postgres/schema.prisma");
const pg =
  "// GENERATED from prisma/schema.prisma by scripts/sync-pg-schema.mjs - do not edit.\n" +
  src
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output   = "../../lib/generated/prisma-pg"');
if (process.argv.includes("--check")) {
  const cur = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
  if (cur !== pg) {
    console.error("prisma/postgres/schema.prisma is stale: run node scripts/sync-pg-schema.mjs");
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, pg);
}
