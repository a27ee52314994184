// Back-test of the weighted-population estimate (lib/weighted-estimate, docs/decisions/014):
// the real NHS files (mapping, single-year age by PCN and region) and the unverified 2024/25
// practice weighted file are imported into a throwaway SQLite database, exactly as a user would;
// then each PCN's own figure is hidden, the method is calibrated on all the others and estimates
// it from its age profile and its ICB neighbours. Prints the median absolute error against the
// flat ratio of 1.0, and how often the 80% interval holds the real figure.
// Nothing is written into the repository; the files stay in ../shared/data.
//
//   npx tsx scripts/bench-weighted.ts      (also run by `npm run bench`)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createPrisma } from "@/lib/server/db/create-prisma";
import { importFiles } from "@/lib/server/import";
import { calibrateFrom, loadCalibrationInputs } from "@/lib/server/pcn-data/weighted-calibration";
import { ageSexIndex, calibrate, predictRatio, quantile } from "@/lib/weighted-estimate";

const repoRoot = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(repoRoot, "../shared/data");
const FILES = [
  path.join(dataDir, "nhs/gp-reg-pat-prac-map_2026-08.csv"),
  path.join(dataDir, "nhs/gp-reg-pat-prac-sing-age-regions_2026-08.csv"),
  path.join(dataDir, "unverified/practice-weighted-population_2024-25.csv"),
];
const GOAL_MAE = 0.079;
const BASELINE_NOTE = "8.8% in the issue";

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const median = (xs: number[]) => quantile(xs, 0.5);

export async function benchWeighted(): Promise<void> {
  const missing = FILES.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    console.log(`weighted: back-test skipped, missing ${missing.map((f) => path.relative(path.dirname(dataDir), f)).join(", ")}`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-weighted-"));
  try {
    const url = `file:${dir}/bench.db`;
    execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    const db = createPrisma(url);
    try {
      let t = performance.now();
      const results = await importFiles(db, FILES.map((f) => ({ fileName: path.basename(f), content: fs.readFileSync(f) })), { importedBy: "bench" });
      const failed = results.filter((r) => r.outcome !== "applied");
      if (failed.length) throw new Error(`import failed: ${failed.map((r) => `${r.fileName} ${r.outcome}`).join(", ")}`);
      const importMs = performance.now() - t;

      t = performance.now();
      const inputs = await loadCalibrationInputs(db);
      const full = calibrateFrom(inputs);
      const calMs = performance.now() - t;
      const stored = inputs.stored;
      console.log(
        `weighted: back-test on the 2024/25 practice weighted file (unverified) summed to ${stored.length} PCNs with a 2026-08 age profile (England from ${inputs.englandFrom}); import ${(importMs / 1000).toFixed(1)} s, load + calibrate ${calMs.toFixed(0)} ms (method "${full.model.method}", interval ×${full.model.interval.low.toFixed(3)}–×${full.model.interval.high.toFixed(3)})`,
      );

      // Hide each PCN's figure: calibrate on the others, estimate it from its profile and ICB.
      t = performance.now();
      const errFlat: number[] = [];
      const errIndex: number[] = [];
      const errNew: number[] = [];
      let covered = 0;
      let below = 0;
      const widths: number[] = [];
      for (let i = 0; i < stored.length; i++) {
        const target = stored[i]!;
        const rest = stored.filter((_, j) => j !== i);
        const model = calibrate(rest, inputs.england);
        const pred = predictRatio(model, target.profile, target.group);
        if (!pred) throw new Error(`no prediction for ${target.code}`);
        errFlat.push(Math.abs(1 / target.ratio - 1));
        errIndex.push(Math.abs(ageSexIndex(target.profile, inputs.england)! / target.ratio - 1));
        errNew.push(Math.abs(pred.ratio / target.ratio - 1));
        const low = pred.ratio * model.interval.low;
        const high = pred.ratio * model.interval.high;
        if (target.ratio >= low && target.ratio <= high) covered++;
        else if (target.ratio < low) below++;
        widths.push((high - low) / pred.ratio);
      }
      const loopMs = performance.now() - t;
      const mae = median(errNew);
      const coverage = covered / stored.length;
      console.log(`weighted: ${stored.length} PCNs, each hidden and re-estimated from the rest (${(loopMs / 1000).toFixed(1)} s); all count as having no ratio of their own`);
      console.log(`  flat ratio 1.0 (the old fallback): median absolute error ${pct(median(errFlat))} (${BASELINE_NOTE})`);
      console.log(`  published Carr-Hill age/sex index alone: median absolute error ${pct(median(errIndex))}`);
      console.log(`  new estimate (fitted age/sex weights × ICB adjustment): median absolute error ${pct(mae)} (goal < ${pct(GOAL_MAE)}) ${mae < GOAL_MAE ? "MET" : "NOT MET"}`);
      console.log(
        `  80% interval: covers ${pct(coverage)} of PCNs (goal 75–85%) ${coverage >= 0.75 && coverage <= 0.85 ? "MET" : "NOT MET"}; ${below} below, ${stored.length - covered - below} above; median width ${pct(median(widths))} of the estimate`,
      );
      console.log("  own-ratio estimates cannot be back-tested here: the file has one year of weighted figures");
    } finally {
      await db.$disconnect();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchWeighted();
  process.exit(0);
}
