// Past years' weighted-population estimates use the list nearest each year's 1 January, not
// today's (issue 14): with several lists stored each year takes its nearest; with only a later
// one, the page data and the API say which list was used for that year. The demo seed's figures
// agree across years (no year estimated above the next year's stored figure).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FINANCIAL_YEARS } from "@/lib/engine";
import type { Db } from "@/lib/server/db/create-prisma";
import { getPcnDetail } from "@/lib/server/pcn-data/pcn-profile";
import { resolveWeightedPopulation } from "@/lib/server/pcn-data/weighted-population";
import { createTestDb, type TestDb } from "../support/db";

vi.mock("server-only", () => ({}));

let env: TestDb;
let db: Db;
let detailRoute: typeof import("@/app/api/v1/pcns/[code]/route");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  db = env.db;
  process.env.DATABASE_URL = env.url;
  detailRoute = await import("@/app/api/v1/pcns/[code]/route");
  // A real-like PCN (fictional figures) with an imported 2024/25 figure on its January 2024 list,
  // and lists of April 2025 and August 2026 (as NHS England's files give them).
  await db.pcn.create({ data: { code: "U91111", name: "FIXTURE LISTS PCN", nameSearch: "FIXTURE LISTS PCN" } });
  await db.registeredPopulation.createMany({
    data: [
      { orgType: "PCN", orgCode: "U91111", extractDate: "2025-04-01", total: 48_000 },
      { orgType: "PCN", orgCode: "U91111", extractDate: "2026-08-01", total: 50_000 },
    ],
  });
  // As England's files are: April 2025 practice-level only, August 2026 PCN-level (and practices).
  await db.pcn.create({ data: { code: "U92222", name: "FIXTURE PRACTICE LISTS PCN", nameSearch: "FIXTURE PRACTICE LISTS PCN" } });
  await db.practice.createMany({ data: [{ code: "X92001", name: "ONE", nameSearch: "ONE" }, { code: "X92002", name: "TWO", nameSearch: "TWO" }] });
  await db.practiceMembership.createMany({ data: [{ practiceCode: "X92001", pcnCode: "U92222", extractDate: "2026-08-01" }, { practiceCode: "X92002", pcnCode: "U92222", extractDate: "2026-08-01" }] });
  await db.registeredPopulation.createMany({
    data: [
      { orgType: "PRACTICE", orgCode: "X92001", extractDate: "2025-04-01", total: 20_000 },
      { orgType: "PRACTICE", orgCode: "X92002", extractDate: "2025-04-01", total: 10_000 },
      { orgType: "PRACTICE", orgCode: "X92001", extractDate: "2026-08-01", total: 21_000 },
      { orgType: "PRACTICE", orgCode: "X92002", extractDate: "2026-08-01", total: 11_000 },
      { orgType: "PCN", orgCode: "U92222", extractDate: "2026-08-01", total: 32_000 },
    ],
  });
  await db.weightedPopulation.create({ data: { pcnCode: "U92222", financialYear: "2024/25", value: 29_000, provenance: "imported", registeredList: 29_000, source: "fixture.csv" } });
  await db.weightedPopulation.create({ data: { pcnCode: "U91111", financialYear: "2024/25", value: 47_000, provenance: "imported", registeredList: 47_000, source: "fixture.csv" } });
});

afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

describe("each year's estimate uses the list nearest its 1 January", () => {
  it("a PCN with April 2025 and August 2026 lists: 2025/26 from April 2025, 2026/27 from August 2026, each said to be later", async () => {
    const d = (await getPcnDetail(db, "U91111"))!;
    const by = new Map(d.weightedPopulations.map((w) => [w.financialYear, w]));
    // Own ratio 47,000 ÷ 47,000 = 1.0: the estimate is the list itself.
    expect(by.get("2023/24")).toMatchObject({ provenance: "estimate", value: 48_000, estimate: { registeredPatientsDate: "2025-04-01", registeredPatientsFor: "2023-01-01", registeredPatientsLater: true } });
    expect(by.get("2024/25")).toMatchObject({ provenance: "imported", value: 47_000 });
    expect(by.get("2025/26")).toMatchObject({ value: 48_000, estimate: { registeredPatientsDate: "2025-04-01", registeredPatientsLater: true } });
    expect(by.get("2026/27")).toMatchObject({ value: 50_000, estimate: { registeredPatientsDate: "2026-08-01", registeredPatientsLater: true } });
    expect(by.get("2023/24")!.basis).toMatch(/48,000 registered patients \(1 Apr 2025, a later list than 1 January 2023, the date the year's figure is based on: no list nearer that date is stored\)/);
    // The single-year resolution (estimate API, planner) says the same.
    const one = (await resolveWeightedPopulation(db, "U91111", "2025/26"))!;
    expect(one.value).toBe(48_000);
    expect(one.basis).toMatch(/a later list than 1 January 2025/);
  });

  it("a practice-level April 2025 list (the members' sum) serves 2025/26; August 2026's PCN list 2026/27", async () => {
    const d = (await getPcnDetail(db, "U92222"))!;
    const by = new Map(d.weightedPopulations.map((w) => [w.financialYear, w]));
    // 20,000 + 10,000 = 30,000 × 1.0
    expect(by.get("2025/26")).toMatchObject({ value: 30_000, estimate: { registeredPatientsDate: "2025-04-01" } });
    expect(by.get("2025/26")!.basis).toMatch(/^30,000 registered patients \(1 Apr 2025, a later list than 1 January 2025[^)]*\), summed from member practices/);
    expect(by.get("2026/27")).toMatchObject({ value: 32_000, estimate: { registeredPatientsDate: "2026-08-01" } });
  });

  it("GET /api/v1/pcns/{code} says which list each year used", async () => {
    const res = await detailRoute.GET(new Request("http://test/api/v1/pcns/U91111"), { params: Promise.resolve({ code: "U91111" }) });
    const body = (await res.json()) as { weightedPopulations: { financialYear: string; basis: string; estimate?: { registeredPatientsDate: string; registeredPatientsLater: boolean } }[] };
    const w = body.weightedPopulations.find((x) => x.financialYear === "2026/27")!;
    expect(w.estimate).toMatchObject({ registeredPatientsDate: "2026-08-01", registeredPatientsLater: true });
    expect(w.basis).toMatch(/50,000 registered patients \(1 Aug 2026, a later list than 1 January 2026/);
  });
});

describe("the demo seed agrees across years", () => {
  it("every demo PCN's weighted population never falls from one year to the next", async () => {
    const pcns = await db.pcn.findMany({ where: { isDemo: true }, select: { code: true } });
    expect(pcns.length).toBe(30);
    for (const { code } of pcns) {
      const d = (await getPcnDetail(db, code))!;
      const values = FINANCIAL_YEARS.map((fy) => d.weightedPopulations.find((w) => w.financialYear === fy)!.value);
      // An own-ratio estimate rounds the ratio to 4 decimals (≤ 0.005% of a ratio near 1), so a year
      // on the same list as the figure before it may come out that much lower, never more.
      for (let i = 1; i < values.length; i++) expect(values[i], `${code} ${FINANCIAL_YEARS[i]}`).toBeGreaterThanOrEqual(values[i - 1]! * (1 - 0.0001));
    }
  });

  it("a demo estimate of 2023/24 uses the 1 January 2023 list; 2026/27 says it uses the later August 2026 list", async () => {
    const d = (await getPcnDetail(db, "UZ1003"))!;
    const w23 = d.weightedPopulations.find((w) => w.financialYear === "2023/24")!;
    expect(w23.estimate).toMatchObject({ registeredPatientsDate: "2023-01-01", registeredPatientsLater: false });
    expect(w23.basis).not.toMatch(/later list/);
    const w26 = d.weightedPopulations.find((w) => w.financialYear === "2026/27")!;
    expect(w26.estimate).toMatchObject({ registeredPatientsDate: "2026-08-01", registeredPatientsLater: true });
    expect(w26.basis).toMatch(/a later list than 1 January 2026/);
  });
});
