// A fresh, migrated database per test file: a SQLite file in a temp dir by default, or — when
// ARRS_TEST_PG_URL names a PostgreSQL server (npm test's "postgres" suite) — a new database on it,
// dropped afterwards. Optionally seeded with the fictional demo data.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { seedDemo } from "@/prisma/seed-demo";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface TestDb {
  /** A temp dir for the test's own files (removed on cleanup). */
  dir: string;
  url: string;
  db: Db;
  isPostgres: boolean;
  cleanup: () => Promise<void>;
}

function psql(adminUrl: string, sql: string): void {
  execFileSync("psql", [adminUrl, "-v", "ON_ERROR_STOP=1", "-qc", sql], { stdio: "pipe" });
}

/** Synchronous so it can run anywhere; migrations are applied with the project's own script. */
export function createTestDbSync(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-test-"));
  const pgAdmin = process.env.ARRS_TEST_PG_URL;
  let url: string;
  let dropDb = () => {};
  if (pgAdmin) {
    const name = `arrs_test_${crypto.randomBytes(6).toString("hex")}`;
    psql(pgAdmin, `CREATE DATABASE ${name}`);
    const u = new URL(pgAdmin);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDb = () => psql(pgAdmin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    url = `file:${dir}/test.db`;
  }
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = createPrisma(url);
  return {
    dir,
    url,
    db,
    isPostgres: !!pgAdmin,
    cleanup: async () => {
      await db.$disconnect();
      dropDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestDb(opts: { seed?: boolean } = {}): Promise<TestDb> {
  const t = createTestDbSync();
  if (opts.seed) await seedDemo(t.db);
  return t;
}
