// Helpers for the importer's integration tests: table counts, and where the real NHS files live
// (outside the repo; tests skip when absent). Fresh databases come from ../support/db.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db/create-prisma";
import { repoRoot } from "../support/db";

export { repoRoot };
export const realNhsDir = path.resolve(repoRoot, "../shared/data/nhs");
export const realUnverifiedDir = path.resolve(repoRoot, "../shared/data/unverified");
export const REAL_NHS_FILES = ["gp-reg-pat-prac-map_2026-08.csv", "gp-reg-pat-prac-sing-age-regions_2026-08.csv", "gp-reg-pat-prac-all_2025-04.csv"];

export function hasRealNhsData(): boolean {
  return REAL_NHS_FILES.every((f) => fs.existsSync(path.join(realNhsDir, f)));
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
