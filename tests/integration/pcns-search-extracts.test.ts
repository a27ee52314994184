// Practice search follows the latest mapping extract: a practice that left its PCN no longer finds it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchPcns } from "@/lib/server/pcn-data/pcn-search";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
beforeAll(async () => {
  env = await createTestDb({ seed: true });
  // A later extract: every demo practice as before, except Z90032, which is now in no PCN.
  const current = await env.db.practiceMembership.findMany({ where: { extractDate: "2026-08-01" } });
  await env.db.practiceMembership.createMany({
    data: current.map((m) => ({ practiceCode: m.practiceCode, pcnCode: m.practiceCode === "Z90032" ? null : m.pcnCode, subIcbCode: m.subIcbCode, extractDate: "2027-02-01" })),
  });
});
afterAll(async () => {
  await env?.cleanup();
});

describe("search by member practice across extracts", () => {
  it("a practice that has left its PCN no longer finds it; others still do", async () => {
    const gone = await searchPcns(env.db, { q: "Z90032" });
    expect(gone.items.filter((i) => i.matchedBecause?.includes("Z90032"))).toEqual([]);
    const stayed = await searchPcns(env.db, { q: "Z90031" });
    expect(stayed.items[0]?.matchedBecause).toContain("Z90031");
  });
});
