// Importer benchmark: the three real NHS files (../shared/data/nhs, never copied into the repo)
// into a fresh temp SQLite database, per file and in total, then a second run (all unchanged),
// then the CLI end to end as a user runs it. Goal: the three files in under 10 s on 2 cores.
//
//   npx tsx scripts/bench-import.ts      (also run by `npm run bench`)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPrisma } from "@/lib/server/db/create-prisma";
import { importFiles, type ImportResult } from "@/lib/server/import";

const repoRoot = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(repoRoot, "../shared/data");
const nhsDir = path.join(dataDir, "nhs");
const GOAL_MS = 10_000;

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printResults(label: string, results: ImportResult[], totalMs: number): void {
  console.log(`import: ${label}`);
  for (const r of results) {
    console.log(`  ${r.outcome.padEnd(9)} ${r.fileName.padEnd(46)} ${r.fileType.padEnd(16)} ${r.rows.toLocaleString("en-GB").padStart(8)} rows  ${secs(r.durationMs).padStart(8)}`);
  }
  console.log(`  total ${secs(totalMs)}`);
}

export async function benchImport(): Promise<void> {
  if (!fs.existsSync(nhsDir)) {
    console.log(`import: benchmark skipped, the real NHS files are not in ${nhsDir}`);
    return;
  }
  const files = fs.readdirSync(nhsDir).filter((f) => f.endsWith(".csv")).sort();
  if (!files.length) {
    console.log(`import: benchmark skipped, no CSV files in ${nhsDir}`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-"));
  try {
    const url = `file:${dir}/bench.db`;
    let t = performance.now();
    execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    console.log(`import: migrate a new SQLite database ${secs(performance.now() - t)}`);

    const inputs = files.map((f) => ({ fileName: f, content: fs.readFileSync(path.join(nhsDir, f)) }));
    const db = createPrisma(url);
    try {
      t = performance.now();
      const first = await importFiles(db, inputs, { importedBy: "bench" });
      const firstMs = performance.now() - t;
      printResults(`${files.length} NHS files into an empty database (goal < ${secs(GOAL_MS)} with the CLI)`, first, firstMs);
      const england = await db.registeredPopulation.aggregate({ where: { orgType: "REGION" }, _sum: { total: true } });
      console.log(
        `  counts: ${await db.pcn.count()} PCNs, ${await db.practice.count()} practices, ${await db.icb.count()} ICBs, ${await db.subIcb.count()} sub-ICBs, ${await db.region.count()} regions; England ${(england._sum.total ?? 0).toLocaleString("en-GB")} patients`,
      );

      t = performance.now();
      const second = await importFiles(db, inputs, { importedBy: "bench" });
      printResults("the same files again (expect all unchanged)", second, performance.now() - t);
    } finally {
      await db.$disconnect();
    }

    // End to end, as a user runs it: new process, migrate, import.
    const cliUrl = `file:${dir}/cli.db`;
    t = performance.now();
    const cli = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...files.map((f) => path.join(nhsDir, f))], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: cliUrl },
      encoding: "utf8",
    });
    const cliMs = performance.now() - t;
    const verdict = cli.status !== 0 ? `FAILED (exit ${cli.status})` : cliMs < GOAL_MS ? "within goal" : "OVER GOAL";
    console.log(`import: CLI end to end (npm run import -- ${files.length} files, new database) ${secs(cliMs)}: ${verdict}`);
    if (cli.status !== 0) console.log(cli.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchImport().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
