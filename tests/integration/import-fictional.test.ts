// The importer against a real SQLite file with small fictional files: transactions, idempotence,
// the weighted-population rules, ImportLog rows and the CLI's exit codes.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { importFile, importFiles } from "@/lib/server/import";
import { createTestDbSync, type TestDb } from "../support/db";
import { countRows, fileInput, repoRoot } from "./import-helpers";

const MAP_HEADER =
  "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME";
const mapRow = (date: string, practice: string, pcn: string, pcnName: string, sub = "Z01", icb = "QZA") =>
  `GP_PRAC_PAT_LIST,${date},${practice},${practice} Demo Surgery,ZZ1 1ZZ,${pcn},${pcnName},E38999991,${sub},NHS Demo ICB - ${sub},E54999991,${icb},NHS ${icb} Demo ICB,E40999991,ZR1,Demo Region,DEMO`;

const mappingAug = [
  MAP_HEADER,
  mapRow("01Aug2026", "Z00001", "UZ0001", "RIVERSIDE DEMO PCN"),
  mapRow("01Aug2026", "Z00002", "UZ0001", "RIVERSIDE DEMO PCN"),
  mapRow("01Aug2026", "Z00003", "UZ0002", "OAKFIELD DEMO PCN", "Z02", "QZB"),
  mapRow("01Aug2026", "Z00004", "U", "Unallocated"),
].join("\r\n");

const mappingMay = [MAP_HEADER, mapRow("2026-05-01", "Z00001", "UZ0001", "OLD RIVERSIDE NAME", "Z09", "QZC"), mapRow("2026-05-01", "Z00005", "UZ0003", "OLD DEMO PCN")].join("\n");

const weighted2425 = [
  "Practice Code,Practice Name,PCN Code,PCN Name,Region,Raw list size 2024/25,Adjusted Population 2024/25,weighted population 2024/25",
  "Z00001,One,UZ0001,RIVERSIDE DEMO PCN,Demo,1000,1100,1200.5",
  "Z00002,Two,UZ0001,RIVERSIDE DEMO PCN,Demo,2000,2100,2200",
  "Z00009,Nine,UZ0099,BRAND NEW DEMO PCN,Demo,500,510,520",
  "Z00010,Ten,N/A,N/A,Demo,50,60,70",
].join("\n");

const adjusted2501 = [
  "Practice Code,Practice Name,PCN Code,PCN Name,Raw list size,Adjusted Population,PCN member January 25",
  "Z00001,One,UZ0001,RIVERSIDE DEMO PCN,1010,1111,Yes",
  "Z00010,Ten,no_data,no_data,55,66,No",
  ",,,,1065,1177,",
].join("\n");

describe("importer with fictional files (SQLite)", () => {
  let t: TestDb;
  beforeAll(() => {
    t = createTestDbSync();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("imports a mapping file: organisations, PCNs with search names, memberships (U = no PCN)", async () => {
    const r = await importFile(t.db, fileInput("map-aug.csv", mappingAug), { importedBy: "Finance Lead" });
    expect(r).toMatchObject({ outcome: "applied", fileType: "mapping", rows: 4, extractDate: "2026-08-01" });
    expect(await t.db.pcn.findUniqueOrThrow({ where: { code: "UZ0001" } })).toMatchObject({ name: "RIVERSIDE DEMO PCN", nameSearch: "RIVERSIDE DEMO PCN", icbCode: "QZA", subIcbCode: "Z01" });
    expect(await t.db.pcn.count()).toBe(2);
    expect(await t.db.practiceMembership.findUniqueOrThrow({ where: { practiceCode_extractDate: { practiceCode: "Z00004", extractDate: "2026-08-01" } } })).toMatchObject({ pcnCode: null, subIcbCode: "Z01", importId: r.importLogId });
    const log = await t.db.importLog.findUniqueOrThrow({ where: { id: r.importLogId! } });
    expect(log).toMatchObject({ fileName: "map-aug.csv", fileType: "mapping", rows: 4, outcome: "applied", importedBy: "Finance Lead", extractDate: "2026-08-01" });
    expect(log.finishedAt).not.toBeNull();
  });

  it("an older extract adds what is missing but does not overwrite names or ICBs from the latest", async () => {
    const r = await importFile(t.db, fileInput("map-may.csv", mappingMay));
    expect(r.outcome).toBe("applied");
    expect(await t.db.pcn.findUniqueOrThrow({ where: { code: "UZ0001" } })).toMatchObject({ name: "RIVERSIDE DEMO PCN", icbCode: "QZA", subIcbCode: "Z01" });
    expect(await t.db.pcn.findUniqueOrThrow({ where: { code: "UZ0003" } })).toMatchObject({ name: "OLD DEMO PCN", icbCode: "QZA" });
    expect(await t.db.practiceMembership.count({ where: { extractDate: "2026-05-01" } })).toBe(2);
  });

  it("the same file twice is 'unchanged'; the same data re-encoded writes nothing", async () => {
    const before = await countRows(t.db);
    const again = await importFile(t.db, fileInput("map-aug-again.csv", mappingAug));
    expect(again).toMatchObject({ outcome: "unchanged", rows: 4, extractDate: "2026-08-01" });
    const variant = "\uFEFF" + mappingAug.replace(/\r\n/g, "\n").replace(/01Aug2026/g, "2026-08-01");
    const r = await importFile(t.db, fileInput("map-aug-variant.csv", variant));
    expect(r.outcome).toBe("unchanged"); // read and checked, but every row was already up to date
    // 1 region, 2 ICBs, 2 sub-ICBs, 2 PCNs, 4 practices, 4 memberships: all already up to date
    expect(r.counts).toEqual({ created: 0, updated: 0, unchanged: 1 + 2 + 2 + 2 + 4 + 4 });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("a weighted table stores practice rows and sums PCN weighted populations (creating unknown PCNs)", async () => {
    const r = await importFile(t.db, fileInput("weighted-2024-25.csv", weighted2425));
    expect(r).toMatchObject({ outcome: "applied", fileType: "practice-weighted", extractDate: null });
    expect(await t.db.practiceWeightedPopulation.count({ where: { financialYear: "2024/25" } })).toBe(4);
    const wp = await t.db.weightedPopulation.findMany({ orderBy: { pcnCode: "asc" } });
    // UZ0001: 1,200.5 + 2,200 = 3,400.5 on a list of 1,000 + 2,000 = 3,000
    expect(wp.map((w) => [w.pcnCode, w.financialYear, w.value, w.registeredList, w.provenance, w.source])).toEqual([
      ["UZ0001", "2024/25", 3400.5, 3000, "imported", "weighted-2024-25.csv"],
      ["UZ0099", "2024/25", 520, 500, "imported", "weighted-2024-25.csv"],
    ]);
    expect(await t.db.pcn.findUniqueOrThrow({ where: { code: "UZ0099" } })).toMatchObject({ name: "BRAND NEW DEMO PCN", nameSearch: "BRAND NEW DEMO PCN" });
  });

  it("an adjusted-only table is stored for 2025/26 but never becomes a weighted population", async () => {
    const weightedBefore = await t.db.weightedPopulation.count();
    const r = await importFile(t.db, fileInput("practice-adjusted-population_2025-01.csv", adjusted2501));
    expect(r.outcome).toBe("applied");
    expect(await t.db.weightedPopulation.count()).toBe(weightedBefore);
    const rows = await t.db.practiceWeightedPopulation.findMany({ where: { financialYear: "2025/26" }, orderBy: { practiceCode: "asc" } });
    expect(rows.map((x) => [x.practiceCode, x.pcnCode, x.rawList, x.adjusted, x.weighted])).toEqual([
      ["Z00001", "UZ0001", 1010, 1111, null],
      ["Z00010", null, 55, 66, null],
    ]);
  });

  it("a simple pcn_code,financial_year,weighted_population file upserts imported figures", async () => {
    const r = await importFile(t.db, fileInput("pcn-weighted.csv", "pcn_code,financial_year,weighted_population\nUZ0001,2024/25,3500\nUZ0002,2025/26,4000.25\n"));
    expect(r.outcome).toBe("applied");
    const w = await t.db.weightedPopulation.findUniqueOrThrow({ where: { pcnCode_financialYear_provenance: { pcnCode: "UZ0001", financialYear: "2024/25", provenance: "imported" } } });
    expect(w).toMatchObject({ value: 3500, source: "pcn-weighted.csv" });
    expect(await t.db.weightedPopulation.count({ where: { pcnCode: "UZ0002" } })).toBe(1);
  });

  it("re-importing an earlier good file undoes a later one; the same file again is 'unchanged'", async () => {
    const good = fileInput("weighted-good.csv", "pcn_code,financial_year,weighted_population\nUZ0002,2023/24,50000\n");
    const bad = fileInput("weighted-typo.csv", "pcn_code,financial_year,weighted_population\nUZ0002,2023/24,60000\n");
    const value = async () => (await t.db.weightedPopulation.findFirstOrThrow({ where: { pcnCode: "UZ0002", financialYear: "2023/24", provenance: "imported" } })).value;
    expect((await importFile(t.db, good)).outcome).toBe("applied");
    expect((await importFile(t.db, bad)).outcome).toBe("applied");
    expect(await value()).toBe(60000);
    const again = await importFile(t.db, good);
    expect(again.outcome).toBe("applied");
    expect(await value()).toBe(50000);
    expect((await importFile(t.db, good)).outcome).toBe("unchanged");
  });

  it("refuses population figures no PCN could have (overflow, infinity)", async () => {
    const huge = await importFile(t.db, fileInput("weighted-huge.csv", `pcn_code,financial_year,weighted_population\nUZ0002,2023/24,${"9".repeat(400)}\n`));
    expect(huge.outcome).toBe("rejected");
    expect(huge.message).toMatch(/line 2: .*too large/);
    const count = await importFile(t.db, fileInput("weighted-count.csv", "pcn_code,financial_year,weighted_population,registered_list\nUZ0002,2023/24,1000,3000000000\n"));
    expect(count.outcome).toBe("rejected");
    expect(count.message).toMatch(/line 2: .*larger than England/);
  });

  it("an unknown PCN in the simple file rejects the whole file; the database is unchanged and a rejected log is kept", async () => {
    const before = await countRows(t.db);
    const r = await importFile(t.db, fileInput("pcn-weighted-bad.csv", "pcn_code,financial_year,weighted_population\nUZ0001,2026/27,1\nUZ7777,2026/27,2\n"));
    expect(r.outcome).toBe("rejected");
    expect(r.message).toContain("line 3: PCN UZ7777 is not known");
    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.weightedPopulation.count({ where: { financialYear: "2026/27" } })).toBe(0);
    const log = await t.db.importLog.findUniqueOrThrow({ where: { id: r.importLogId! } });
    expect(log).toMatchObject({ outcome: "rejected", fileType: "pcn-weighted" });
  });

  it("a bad file is logged as rejected with its reason and nothing else is written", async () => {
    const before = await countRows(t.db);
    const bad = mappingAug.replace("Z00003,Z00003 Demo Surgery", "Z00001,Z00001 Demo Surgery");
    const r = await importFile(t.db, fileInput("map-dup.csv", bad));
    expect(r.outcome).toBe("rejected");
    expect(r.issues[0]).toEqual({ line: 4, message: "line 4: practice Z00001 appears twice (also on line 2)" });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("importFiles orders files by type whatever the argument order", async () => {
    const fresh = createTestDbSync();
    try {
      const results = await importFiles(fresh.db, [
        fileInput("a-weighted.csv", "pcn_code,financial_year,weighted_population\nUZ0002,2025/26,10\n"),
        fileInput("b-map.csv", mappingAug),
      ]);
      expect(results.map((r) => [r.fileName, r.outcome])).toEqual([
        ["b-map.csv", "applied"],
        ["a-weighted.csv", "applied"],
      ]);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe("CLI: npm run import", () => {
  let t: TestDb;
  beforeAll(() => {
    t = createTestDbSync();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const runCli = (args: string[]) =>
    spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: `file:${t.dir}/cli.db` },
      encoding: "utf8",
    });

  it("creates and migrates the database, prints one line per file, exits 0 then 2 on a rejected file", () => {
    const good = path.join(t.dir, "map.csv");
    const bad = path.join(t.dir, "bad.csv");
    fs.writeFileSync(good, mappingAug);
    fs.writeFileSync(bad, "pcn_code,financial_year,weighted_population\nUZ0001,2025/26,abc\n");
    const ok = runCli([good]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^APPLIED +map\.csv: Practice to PCN mapping, 4 rows, extract 2026-08-01, [\d.]+ s$/m);
    const mixed = runCli([bad, good]);
    expect(mixed.status).toBe(2);
    expect(mixed.stdout.split("\n").filter(Boolean).map((l) => l.split(" ")[0])).toEqual(["UNCHANGED", "REJECTED"]);
    expect(mixed.stderr).toContain("line 2: weighted_population is 'abc', expected a number");
    expect(execFileSync("ls", [t.dir]).toString()).toContain("cli.db");
  });
});

describe("CLI: files that must be refused whole (issue 10 #9, #10)", () => {
  let t: TestDb;
  let cliDb: Db;
  let url: string;
  beforeAll(() => {
    t = createTestDbSync();
    url = `file:${t.dir}/cli.db`;
    cliDb = createPrisma(url);
  });
  afterAll(async () => {
    await cliDb?.$disconnect();
    await t?.cleanup();
  });

  const runCli = (args: string[]) =>
    spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });

  /** Imports `text` after the good mapping file: exit 2, the messages, nothing changed. */
  const expectRefused = async (name: string, text: string, messages: string[]) => {
    const good = path.join(t.dir, "map.csv");
    fs.writeFileSync(good, mappingAug);
    expect(runCli([good]).status).toBe(0);
    const before = await countRows(cliDb);
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, text);
    const r = runCli([file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^REJECTED +${name.replace(".", "\\.")}: `, "m"));
    for (const m of messages) expect(r.stderr).toContain(m);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/); // no NUL or escape sequence reaches the terminal
    expect(await countRows(cliDb)).toEqual(before);
  };

  it("mixed line endings with a ragged row: each problem on its own line number, exit 2, nothing changed", async () => {
    const rows = mappingAug.split("\r\n");
    // header CRLF, row 2 LF, row 3 lone CR (with an extra cell), row 4 CRLF, row 5 LF with a new practice
    const text = `${rows[0]}\r\n${rows[1]}\n${rows[2]},EXTRA\r${rows[3]}\r\n${rows[4]}\n${mapRow("32Aug2026", "Z00077", "UZ0001", "RIVERSIDE DEMO PCN")}\n`;
    await expectRefused("map-mixed.csv", text, [
      "line 3: 18 values, but the header has 17 columns",
      "line 6: EXTRACT_DATE is '32Aug2026', expected a date",
    ]);
  });

  it("codes no lookup can reach, control characters and 100,000-character names: exit 2 with line numbers, nothing changed", async () => {
    const rows = [
      MAP_HEADER,
      mapRow("01Aug2026", "Z00001", "U8914😀", "EMOJI PCN"),
      mapRow("01Aug2026", "A8100😀", "UZ0001", "RIVERSIDE DEMO PCN"),
      mapRow("01Aug2026", "Z00003", "UZ0002", "OAKFIELD\u0000DEMO PCN"),
      mapRow("01Aug2026", "Z00004", "UZ0002", "OAKFIELD DEMO PCN").replace("Z00004 Demo Surgery", "\u001b[2J" + "X".repeat(100_000)),
      mapRow("01Aug2026", "Z00005", "UZ0002", "OAKFIELD DEMO PCN").replace("Z00005 Demo Surgery", "Y".repeat(100_000)),
    ];
    await expectRefused("map-bad-text.csv", rows.join("\r\n"), [
      "line 2: PCN_CODE is 'U8914😀', expected a PCN code or U for no PCN (1 to 10 letters and digits)",
      "line 3: PRACTICE_CODE is 'A8100😀', expected a practice code (1 to 10 letters and digits)",
      "line 4: PCN_NAME is 'OAKFIELD\\u0000DEMO PCN', expected text, but it contains a control character",
      "line 5: PRACTICE_NAME is '\\u001b[2J",
      "line 6: PRACTICE_NAME is 'YYYY",
      "is 100,000 characters long; at most 200 are allowed",
    ]);
  });
});

// Issue 10 #3: the app keeps the SQLite file open (WAL mode) while an administrator imports from
// the command line. SQLite only: these hold SQLite connections the way the running app does.
describe.skipIf(!!process.env.ARRS_TEST_PG_URL)("CLI beside a running app (SQLite)", () => {
  let t: TestDb;
  let file: string;
  beforeAll(() => {
    t = createTestDbSync();
    file = t.url.replace(/^file:/, "");
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const run = (script: string, args: string[], url = t.url) =>
    spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
  const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at |wasm|SocketTimeout/m);

  it("imports (and lists users) while another connection reads: open statement, read transaction, the app's Prisma client", async () => {
    expect(await t.db.pcn.count()).toBe(0); // the app's client has the file open
    const reader = new Database(file);
    try {
      expect(reader.pragma("journal_mode", { simple: true })).toBe("wal");
      const stmt = reader.prepare("SELECT count(*) AS n FROM Practice");
      reader.exec("BEGIN");
      expect(stmt.get()).toEqual({ n: 0 }); // a read transaction, held while the CLI runs
      const map = path.join(t.dir, "map.csv");
      fs.writeFileSync(map, mappingAug);
      const r = run("scripts/import.ts", [map]);
      expect(r.stderr).not.toContain("busy");
      noStackTrace(r.stderr);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^APPLIED +map\.csv: /m);
      expect(stmt.get()).toEqual({ n: 0 }); // its snapshot is unchanged…
      reader.exec("COMMIT");
      expect(stmt.get()).toEqual({ n: 4 }); // …and the next read sees the import
      const users = run("scripts/user.ts", ["list"]);
      expect(users.status).toBe(0);
      expect(users.stdout).toBe("No accounts yet.\n");
    } finally {
      reader.close();
    }
    expect(await t.db.practice.count()).toBe(4);
  });

  it("another writer holding the lock: bounded retry, then a plain message, exit 3, nothing changed", async () => {
    const before = await countRows(t.db);
    const logsBefore = await t.db.importLog.count();
    const bad = path.join(t.dir, "weighted.csv");
    fs.writeFileSync(bad, "pcn_code,financial_year,weighted_population\nUZ0001,2025/26,3500\n");
    const writer = new Database(file);
    let r;
    try {
      writer.exec("BEGIN IMMEDIATE");
      writer.prepare("INSERT INTO Region (code, name) VALUES ('ZRHOLD', 'Held by another writer')").run();
      const t0 = Date.now();
      r = run("scripts/import.ts", [bad]);
      expect(Date.now() - t0).toBeGreaterThan(10_000); // it waited and retried before giving up
    } finally {
      writer.exec("ROLLBACK");
      writer.close();
    }
    expect(r.stderr).toContain("The database is busy (another import or the app is writing); try again in a minute. Nothing was changed.");
    noStackTrace(r.stderr);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe("");
    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.importLog.count()).toBe(logsBefore);
  });

  it("a writer that lets go within the retry window: the import waits, retries and succeeds", async () => {
    const file2 = path.join(t.dir, "weighted-2024-25.csv");
    fs.writeFileSync(file2, weighted2425); // creates the PCNs it names, so it needs nothing before it
    const writer = new Database(file);
    writer.exec("BEGIN IMMEDIATE");
    writer.prepare("INSERT INTO Region (code, name) VALUES ('ZRHOLD', 'Held by another writer')").run();
    const child = spawn(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", file2], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.url },
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
      // The first attempt has given up (after the 5 s busy timeout): let go, so the retry gets in.
      if (writer.open && stderr.includes("the database is busy; waiting")) {
        writer.exec("ROLLBACK");
        writer.close();
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (writer.open) writer.close();
    expect(stderr).toContain("the database is busy; waiting");
    expect(status).toBe(0);
    expect(stderr).toMatch(/summed for 2 PCNs.*Rows created/);
    expect((await t.db.weightedPopulation.findFirstOrThrow({ where: { pcnCode: "UZ0099", financialYear: "2024/25" } })).value).toBe(520);
    expect(await t.db.region.count({ where: { code: "ZRHOLD" } })).toBe(0);
  });

  it("pending migrations while the app has the file open: a plain message, exit 3, no stack trace", () => {
    const fresh = path.join(t.dir, "fresh.db");
    const app = new Database(fresh);
    try {
      app.pragma("journal_mode = WAL");
      expect(app.prepare("SELECT count(*) AS n FROM sqlite_master").get()).toEqual({ n: 0 }); // opens the WAL index, as the app's first query does
      const map = path.join(t.dir, "map-fresh.csv");
      fs.writeFileSync(map, mappingAug);
      const r = run("scripts/import.ts", [map], `file:${fresh}`);
      expect(r.stderr).toContain("Migrations are pending");
      expect(r.stderr).toContain("Nothing was changed.");
      noStackTrace(r.stderr);
      expect(r.status).toBe(3);
      expect(app.prepare("SELECT count(*) AS n FROM sqlite_master").get()).toEqual({ n: 0 });
    } finally {
      app.close();
    }
  });
});
