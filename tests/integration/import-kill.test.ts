// An import killed half way (SIGKILL, in the middle of writing a file) leaves the database exactly
// as it was: every table's rows and a checksum of them, on SQLite and on PostgreSQL (the
// "postgres" suite runs this file with ARRS_TEST_PG_URL). Then the same import runs to the end.
// The CLI (scripts/import.ts) imports England's real practice-to-PCN mapping from
// ../shared/data/nhs when it is there, otherwise a generated fictional one of the same shape and
// a larger size (or always, with ARRS_TEST_FICTIONAL_ONLY=1); it is killed as soon as it reports
// writing (inside the file's transaction).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db/create-prisma";
import { importFile } from "@/lib/server/import";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDbSync, repoRoot, type TestDb } from "../support/db";
import { realNhsDir } from "./import-helpers";

const REAL_MAPPING = path.join(realNhsDir, "gp-reg-pat-prac-map_2026-08.csv");
const useReal = fs.existsSync(REAL_MAPPING) && !process.env.ARRS_TEST_FICTIONAL_ONLY;
if (!useReal) console.warn(`import-kill.test.ts: ${REAL_MAPPING} is not there; using a generated fictional mapping file instead`);

const HEADER =
  "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME";

/** A fictional mapping file: 20,000 practices in 2,000 PCNs (codes that no real or demo one has). */
function fictionalMapping(): string {
  const lines = [HEADER];
  for (let i = 0; i < 20_000; i++) {
    const pcn = Math.floor(i / 10);
    const sub = pcn % 60;
    const icb = sub % 12;
    const region = icb % 4;
    lines.push(
      [
        "GP_PRAC_PAT_LIST", "01Sep2026", `KX${String(i).padStart(5, "0")}`, `KILL TEST PRACTICE ${i}`, "ZZ1 1ZZ",
        `KP${String(pcn).padStart(4, "0")}`, `KILL TEST PCN ${pcn}`, `E380${String(sub).padStart(5, "0")}`, `K${String(sub).padStart(2, "0")}`,
        `Kill test sub-ICB ${sub}`, `E540${String(icb).padStart(5, "0")}`, `QK${String(icb).padStart(2, "0")}`, `Kill test ICB ${icb}`,
        `E400${String(region).padStart(5, "0")}`, `YK${region}`, `Kill test region ${region}`, "TPP",
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** Every table: its row count and a SHA-256 of its rows (order-independent). */
async function snapshot(db: Db): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany: () => Promise<Record<string, unknown>[]> }>)[lowerFirst(model)]!;
    const rows = (await delegate.findMany()).map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).sort();
    const h = crypto.createHash("sha256");
    for (const r of rows) h.update(r).update("\n");
    out[model] = { rows: rows.length, sha256: h.digest("hex") };
  }
  return out;
}

interface Run {
  killed: boolean;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the import CLI (one node process: no npx in between, so the kill reaches it) and SIGKILLs it at its first "wrote". */
function importAndKill(url: string, file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", file, "--by", "kill test"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let killed = false;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      if (!killed && /: wrote /.test(stderr)) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ killed, signal, stdout, stderr }));
  });
}

describe("an import killed half way (SIGKILL)", () => {
  let t: TestDb | undefined;
  let file: string;

  beforeAll(() => {
    if (useReal) file = REAL_MAPPING;
    else {
      file = path.join(fs.mkdtempSync(path.join(repoRoot, "data", "kill-test-")), "gp-reg-pat-prac-map_2026-09.csv");
      fs.writeFileSync(file, fictionalMapping());
    }
  });
  afterAll(async () => {
    await t?.cleanup();
    if (!useReal) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it(`leaves every table exactly as it was (${useReal ? "England's real mapping file" : "a generated fictional mapping file"}), and the import then runs to the end`, async () => {
    // The kill must land inside the transaction: if the import ever finished first (a very busy
    // machine), the attempt proves nothing, so it is made again on a fresh database.
    let run: Run | undefined;
    let before: Awaited<ReturnType<typeof snapshot>> | undefined;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await t?.cleanup();
      t = createTestDbSync();
      await seedDemo(t.db);
      before = await snapshot(t.db);
      run = await importAndKill(t.url, file);
      if (!/APPLIED/.test(run.stdout)) break;
      console.warn(`import-kill.test.ts: attempt ${attempt}: the import finished before the kill landed; again`);
    }
    expect(run!.killed, run!.stderr).toBe(true);
    expect(run!.signal).toBe("SIGKILL");
    expect(run!.stdout).not.toMatch(/APPLIED/);
    expect(before!.Pcn!.rows).toBeGreaterThan(0);

    // A new connection (as after a crash) sees exactly what was there before.
    const { createPrisma } = await import("@/lib/server/db/create-prisma");
    const fresh = createPrisma(t!.url);
    try {
      expect(await snapshot(fresh)).toEqual(before);
      expect(await fresh.importLog.count()).toBe(0);
      // Nothing is left locked or half-written: the same file imports now.
      const r = await importFile(fresh, { fileName: path.basename(file), content: fs.readFileSync(file) }, { importedBy: "kill test, again" });
      expect(r.outcome, r.message).toBe("applied");
      const after = await snapshot(fresh);
      expect(after.Practice!.rows).toBeGreaterThan(before!.Practice!.rows);
    } finally {
      await fresh.$disconnect();
    }
  }, 240_000);
});
