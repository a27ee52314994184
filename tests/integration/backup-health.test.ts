// Faults (issue 8 §6): an online backup that restores every table exactly, on SQLite and
// PostgreSQL; GET /api/health's check says when the database is down and recovers, without a
// restart, when it returns.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { backupDatabase, restoreDatabase } from "@/lib/server/db/backup";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { checkHealth } from "@/lib/server/db/health";
import { createScenario } from "@/lib/server/scenarios/scenarios";
import { createUser } from "@/lib/server/auth/users";
import { createTestDb, createTestDbSync, type TestDb } from "../support/db";
// @ts-expect-error plain ESM helper without types
import { ensurePostgresBinaries } from "../../scripts/lib/postgres.mjs";

let env: TestDb;
beforeAll(async () => {
  env = await createTestDb({ seed: true });
  const editor = await createUser(env.db, { email: "bk@example.nhs.uk", name: "Back Up", role: "admin", password: "a-long-password" });
  await createScenario(env.db, editor, "UZ1001", {
    name: "Backed up",
    firstYear: "2025/26",
    years: 2,
    posts: [{ id: "ot", label: "OT £ ünïcode", role: "occupational-therapist", band: "7", point: 1, wte: 1 }],
  });
});
afterAll(async () => {
  await env?.cleanup();
});

const delegate = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const d = (db as unknown as Record<string, { findMany: (a: object) => Promise<unknown[]> }>)[delegate(model)]!;
    const rows = await d.findMany({});
    out[model] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe("backup and restore", () => {
  it("round-trips every table", async () => {
    const before = await dump(env.db);
    expect(before.Scenario!.length).toBe(1);
    expect(before.Practice!.length).toBeGreaterThan(0);
    const file = path.join(env.dir, env.isPostgres ? "backup.pgdump" : "backup.db");
    const { bytes } = await backupDatabase(env.url, file);
    expect(bytes).toBeGreaterThan(1000);
    // Change the source after the backup: the restore must bring back the state at backup time.
    await env.db.scenario.updateMany({ data: { name: "changed after the backup" } });

    const target = createTestDbSync();
    try {
      // The target starts with other data, which the restore replaces.
      await target.db.pcn.create({ data: { code: "UX0000", name: "GONE", nameSearch: "GONE" } });
      await target.db.$disconnect();
      await restoreDatabase(target.url, file);
      const restored = createPrisma(target.url);
      try {
        expect(await dump(restored)).toEqual(before);
      } finally {
        await restored.$disconnect();
      }
    } finally {
      await target.cleanup();
    }
  });

  it("refuses a missing backup file and changes nothing", async () => {
    const before = await env.db.scenario.count();
    await expect(restoreDatabase(env.url, path.join(env.dir, "nope.db"))).rejects.toThrow(/no backup/);
    expect(await env.db.scenario.count()).toBe(before);
  });
});

describe("health", () => {
  it("is ok with a working database, and says so in words when it is not", async () => {
    expect(await checkHealth(env.db, "t")).toMatchObject({ status: "ok", database: "ok" });
    const broken = createPrisma(`file:${path.join(os.tmpdir(), "arrs-no-such-dir", String(process.pid), "x.db")}`);
    const h = await checkHealth(broken, "t");
    expect(h).toMatchObject({ status: "unavailable", database: "unavailable" });
    expect(h.problem).toMatch(/cannot be reached|did not answer/);
    expect(JSON.stringify(h)).not.toMatch(/at .*\.ts|Error:/);
  });

  const bin: string | null = process.env.ARRS_TEST_PG_URL ? null : ensurePostgresBinaries();
  it.skipIf(!bin)("PostgreSQL stopped and started again: unavailable, then ok with the same client", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-pg-health-"));
    const asRoot = process.getuid?.() === 0;
    const run = (cmd: string, args: string[]) =>
      asRoot ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin!, cmd), ...args], { stdio: "pipe" }) : execFileSync(path.join(bin!, cmd), args, { stdio: "pipe" });
    if (asRoot) execFileSync("chown", ["postgres", dir]);
    const data = path.join(dir, "data");
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const start = () => run("pg_ctl", ["-D", data, "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, "-l", path.join(dir, "log"), "-w", "start"]);
    const stop = () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    start();
    const db = createPrisma(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    try {
      expect((await checkHealth(db, "t")).database).toBe("ok");
      stop();
      expect((await checkHealth(db, "t")).database).toBe("unavailable");
      start();
      let h = await checkHealth(db, "t");
      for (let i = 0; i < 10 && h.database !== "ok"; i++) {
        await new Promise((r) => setTimeout(r, 300));
        h = await checkHealth(db, "t");
      }
      expect(h.database).toBe("ok");
    } finally {
      await db.$disconnect().catch(() => {});
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
