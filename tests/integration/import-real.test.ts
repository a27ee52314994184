// The real NHS England Digital files (read from ../shared/data/nhs, never copied into the repo)
// imported into a fresh SQLite database: England totals, idempotence, and a corrupted copy.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, importFiles } from "@/lib/server/import";
import { createTestDbSync, type TestDb } from "../support/db";
import { REAL_NHS_FILES, countRows, hasRealNhsData, realNhsDir } from "./import-helpers";

const exists = hasRealNhsData();
if (!exists) console.warn(`import-real.test.ts: skipped, the real NHS files are not in ${realNhsDir}`);

describe.skipIf(!exists)("importing the real NHS files (England, Aug 2026)", () => {
  let t: TestDb;
  const read = (f: string) => ({ fileName: f, content: fs.readFileSync(path.join(realNhsDir, f)) });

  beforeAll(() => {
    t = createTestDbSync();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("imports all three files (in any argument order) with England's counts and totals", async () => {
    const started = performance.now();
    const results = await importFiles(t.db, [...REAL_NHS_FILES].reverse().map(read), { importedBy: "integration test" });
    const ms = performance.now() - started;
    console.log(`import-real: three NHS files in ${(ms / 1000).toFixed(2)} s`);
    expect(results.map((r) => [r.fileType, r.outcome])).toEqual([
      ["mapping", "applied"],
      ["single-age", "applied"],
      ["practice-totals", "applied"],
    ]);
    expect(results.map((r) => r.extractDate)).toEqual(["2026-08-01", "2026-08-01", "2025-04-01"]);

    const db = t.db;
    expect(await db.pcn.count({ where: { code: { not: "U" } } })).toBe(1298);
    expect(await db.pcn.count({ where: { code: "U" } })).toBe(0);
    expect(await db.practice.count()).toBe(6129);
    expect(await db.icb.count()).toBe(36);
    expect(await db.subIcb.count()).toBe(106);
    expect(await db.region.count()).toBe(7);
    expect(await db.practiceMembership.count({ where: { extractDate: "2026-08-01", pcnCode: null } })).toBe(52);

    const regions = await db.registeredPopulation.aggregate({ where: { orgType: "REGION", extractDate: "2026-08-01" }, _sum: { total: true }, _count: true });
    expect(regions._count).toBe(7);
    expect(regions._sum.total).toBe(63_237_908);
    expect(await db.registeredPopulation.count({ where: { orgType: "PCN", extractDate: "2026-08-01" } })).toBe(1298);
    expect(await db.registeredPopulation.count({ where: { orgType: "ICB" } })).toBe(36);
    expect(await db.registeredPopulation.count({ where: { orgType: "SUB_ICB" } })).toBe(106);
    expect(await db.registeredPopulation.count({ where: { orgType: "PRACTICE", extractDate: "2025-04-01" } })).toBe(6239);

    const pcn = await db.registeredPopulation.findFirstOrThrow({ where: { orgType: "PCN" } });
    const profile = JSON.parse(pcn.ageProfile!) as { male: number[]; female: number[] };
    expect(profile.male).toHaveLength(96);
    expect(profile.female).toHaveLength(96);
    const sum = (a: number[]) => a.reduce((s, n) => s + n, 0);
    expect(sum(profile.male)).toBe(pcn.male);
    expect(sum(profile.female)).toBe(pcn.female);

    const withIcb = await db.pcn.count({ where: { icbCode: { not: null }, subIcbCode: { not: null } } });
    expect(withIcb).toBe(1298);
    const logs = await db.importLog.findMany({ orderBy: { id: "asc" } });
    expect(logs.map((l) => l.outcome)).toEqual(["applied", "applied", "applied"]);
    expect(logs[1]).toMatchObject({ fileType: "single-age", rows: 282_253, extractDate: "2026-08-01", importedBy: "integration test" });
    expect(logs.every((l) => l.finishedAt !== null && /^[0-9a-f]{64}$/.test(l.sha256))).toBe(true);
  });

  it("a second import of the same files is 'unchanged' and changes no counts", async () => {
    const before = await countRows(t.db);
    const results = await importFiles(t.db, REAL_NHS_FILES.map(read));
    expect(results.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it("the same data with different bytes (LF instead of CRLF) is read, writes nothing and is reported unchanged", async () => {
    const before = await countRows(t.db);
    const f = read(REAL_NHS_FILES[0]!);
    const r = await importFile(t.db, { fileName: "map-lf.csv", content: Buffer.from(f.content.toString("utf8").replace(/\r\n/g, "\n")) });
    expect(r.outcome).toBe("unchanged");
    expect(r.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("a corrupted copy is rejected with the line number and leaves the database unchanged", async () => {
    const before = await countRows(t.db);
    const totalBefore = await t.db.registeredPopulation.aggregate({ _sum: { total: true } });
    const text = fs.readFileSync(path.join(realNhsDir, REAL_NHS_FILES[1]!), "utf8");
    const lines = text.split("\r\n");
    const target = 123_456; // 1-based line number in the file
    lines[target - 1] = lines[target - 1]!.replace(/,\d+$/, ",12x4");
    const copy = path.join(t.dir, "corrupted-sing-age.csv");
    fs.writeFileSync(copy, lines.join("\r\n"));
    const r = await importFile(t.db, { fileName: "corrupted-sing-age.csv", content: fs.readFileSync(copy) }, { importedBy: "integration test" });
    expect(r.outcome).toBe("rejected");
    expect(r.message).toContain("line 123,456: NUMBER_OF_PATIENTS is '12x4', expected a whole number");
    expect(r.issues[0]?.line).toBe(target);
    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.registeredPopulation.aggregate({ _sum: { total: true } })).toEqual(totalBefore);
    const log = await t.db.importLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(log).toMatchObject({ fileName: "corrupted-sing-age.csv", outcome: "rejected", fileType: "single-age" });
  });
});
