// Helpers for the importer's integration tests: a fresh migrated SQLite file per test file, table
// counts, and where the real NHS files live (outside the repo; tests skip when absent).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, type Db } from "@/lib/server/create-prisma";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const realNhsDir = path.resolve(repoRoot, "../shared/data/nhs");
export const realUnverifiedDir = path.resolve(repoRoot, "../shared/data/unverified");
export const REAL_NHS_FILES = ["gp-reg-pat-prac-map_2026-08.csv", "gp-reg-pat-prac-sing-age-regions_2026-08.csv", "gp-reg-pat-prac-all_2025-04.csv"];

export function hasRealNhsData(): boolean {
  return REAL_NHS_FILES.every((f) => fs.existsSync(path.join(realNhsDir, f)));
}

export interface TestDb {
  dir: string;
  url: string;
  db: Db;
  cleanup: () => Promise<void>;
}

export function createImportTestDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-"));
  const url = `file:${dir}/test.db`;
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = createPrisma(url);
  return {
    dir,
    url,
    db,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts of every table the importer writes (ImportLog excluded). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const [regions, icbs, subIcbs, pcns, practices, memberships, populations, weighted, practiceWeighted] = await Promise.all([
    db.region.count(),
    db.icb.count(),
    db.subIcb.count(),
    db.pcn.count(),
    db.practice.count(),
    db.practiceMembership.count(),
    db.registeredPopulation.count(),
    db.weightedPopulation.count(),
    db.practiceWeightedPopulation.count(),
  ]);
  return { regions, icbs, subIcbs, pcns, practices, memberships, populations, weighted, practiceWeighted };
}

export function fileInput(fileName: string, text: string): { fileName: string; content: Buffer } {
  return { fileName, content: Buffer.from(text, "utf8") };
}
