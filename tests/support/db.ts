// A fresh, migrated SQLite database in a temp dir, optionally seeded with the demo data.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, type Db } from "@/lib/server/create-prisma";
import { seedDemo } from "@/prisma/seed-demo";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export async function createTestDb(opts: { seed?: boolean } = {}): Promise<{ url: string; db: Db; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-test-"));
  const url = `file:${dir}/test.db`;
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = createPrisma(url);
  if (opts.seed) await seedDemo(db);
  return {
    url,
    db,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
