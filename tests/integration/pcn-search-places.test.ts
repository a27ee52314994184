// PCN search by practice postcode and by town (issue 14: "Leeds" found 6 of Leeds's PCNs, "LS6"
// none), and the notice when only the fictional demo data is loaded. Fictional fixtures; the last
// block runs on NHS England's real mapping file and skips when it is absent.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "@/lib/server/import";
import { searchPcns } from "@/lib/server/pcn-data/pcn-search";
import { createTestDb, createTestDbSync, type TestDb } from "../support/db";
import { hasRealNhsData, realNhsDir } from "./import-helpers";

describe("with only the demo data", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ seed: true });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("says so, with or without results", async () => {
    expect((await searchPcns(t.db, { q: "Leeds" })).demoOnly).toBe(true);
    expect((await searchPcns(t.db, { q: "demo" })).demoOnly).toBe(true);
  });

  it("finds PCNs by practice postcode and by town once real-like PCNs are stored", async () => {
    const db = t.db;
    const pcn = (code: string, name: string) => db.pcn.create({ data: { code, name, nameSearch: name } });
    await pcn("U80001", "HEADINGLEY FIXTURE PCN");
    await pcn("U80002", "ALWOODLEY FIXTURE PCN");
    await pcn("U80003", "SPA TOWN FIXTURE PCN");
    const practices = [
      ["X80001", "HYDE PARK SURGERY", "LS6 1BX", "U80001"],
      ["X80002", "MOORTOWN GROUP", "LS17 6AA", "U80002"],
      ["X80003", "BEECHWOOD", "LS16 6EB", "U80002"],
      ["X80004", "THE LEEDS ROAD PRACTICE", "HG2 8AY", "U80003"],
      ["X80005", "PANNAL SURGERY", "HG3 1AB", "U80003"],
    ] as const;
    for (const [code, name, postcode, pcnCode] of practices) {
      await db.practice.create({ data: { code, name, nameSearch: name, postcode } });
      await db.practiceMembership.create({ data: { practiceCode: code, pcnCode, extractDate: "2026-08-01" } });
    }

    const ls6 = await searchPcns(db, { q: "LS6" });
    expect(ls6.demoOnly).toBe(false);
    expect(ls6.items.map((i) => i.code)).toEqual(["U80001"]); // not LS16 or LS17
    expect(ls6.items[0]!.matchedBecause).toBe("member practice HYDE PARK SURGERY (X80001, LS6 1BX) by postcode");
    expect((await searchPcns(db, { q: "ls6 1b" })).items.map((i) => i.code)).toEqual(["U80001"]);

    const leeds = await searchPcns(db, { q: "Leeds" });
    // Both LS PCNs by town; the Harrogate one by its practice's name, ranked first as a name match.
    expect(leeds.items.map((i) => i.code)).toEqual(["U80003", "U80002", "U80001"]);
    expect(leeds.items.find((i) => i.code === "U80002")!.matchedBecause).toBe("2 member practices in postcode area LS (Leeds)");
    expect(leeds.items.find((i) => i.code === "U80003")!.matchedBecause).toMatch(/^member practice THE LEEDS ROAD PRACTICE/);

    expect((await searchPcns(db, { q: "Harrogate" })).items.map((i) => i.code)).toEqual(["U80003"]);
  });
});

const real = hasRealNhsData();
if (!real) console.warn(`pcn-search-places.test.ts: the real-file test is skipped, NHS England's files are not in ${realNhsDir}`);

describe.skipIf(!real)("on NHS England's August 2026 mapping file", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = createTestDbSync();
    const f = "gp-reg-pat-prac-map_2026-08.csv";
    await importFile(t.db, { fileName: f, content: fs.readFileSync(path.join(realNhsDir, f)) }, { importedBy: "integration test" });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it("'Leeds' finds the PCNs with practices in LS postcodes, 'LS6' those with a practice in LS6", async () => {
    const db = t.db;
    const lsPcns = new Set(
      (await db.practiceMembership.findMany({ where: { pcnCode: { not: null }, practice: { postcode: { startsWith: "LS" } } }, select: { pcnCode: true } })).map((m) => m.pcnCode),
    );
    const leeds = await searchPcns(db, { q: "Leeds", pageSize: 100 });
    expect(leeds.demoOnly).toBe(false);
    const found = new Set(leeds.items.map((i) => i.code));
    for (const code of lsPcns) expect(found.has(code!), code!).toBe(true);
    expect(lsPcns.size).toBeGreaterThanOrEqual(18);

    const ls6Pcns = new Set(
      (await db.practiceMembership.findMany({ where: { pcnCode: { not: null }, practice: { postcode: { startsWith: "LS6 " } } }, select: { pcnCode: true } })).map((m) => m.pcnCode),
    );
    expect(ls6Pcns.size).toBeGreaterThan(0);
    const ls6 = await searchPcns(db, { q: "LS6", pageSize: 100 });
    expect(new Set(ls6.items.map((i) => i.code))).toEqual(ls6Pcns);
  });
});
