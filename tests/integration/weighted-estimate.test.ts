// The weighted-population estimate and its 80% interval through the API, the page data, the
// estimate API, the planner and exports, on the fictional demo data (decision 014).
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { getPcnDetail, getPcnForPlanner } from "@/lib/server/pcn-data/pcn-profile";
import { getWeightedCalibration } from "@/lib/server/pcn-data/weighted-calibration";
import { resolveWeightedPopulation } from "@/lib/server/pcn-data/weighted-population";
import { createTestDb, type TestDb } from "../support/db";

vi.mock("server-only", () => ({}));

let env: TestDb;
let db: Db;
let detailRoute: typeof import("@/app/api/v1/pcns/[code]/route");
let estimateRoute: typeof import("@/app/api/v1/estimate/route");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  db = env.db;
  process.env.DATABASE_URL = env.url;
  detailRoute = await import("@/app/api/v1/pcns/[code]/route");
  estimateRoute = await import("@/app/api/v1/estimate/route");
});

afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

type Interval = { low: number; high: number; level: number };
type Wp = { financialYear: string; value: number; provenance: string; interval?: Interval; intervalBasis?: string; estimate?: { method: string; ratio: number } };
type Ent = { financialYear: string; amount: number; amountInterval?: { low: number; high: number; level: number }; weightedPopulationInterval?: Interval };

const detail = async (code: string) => {
  const res = await detailRoute.GET(new Request(`http://test/api/v1/pcns/${code}`), { params: Promise.resolve({ code }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { weightedPopulations: Wp[]; entitlements: Ent[]; registeredPatients: number };
};

const estimate = async (body: unknown) => {
  const res = await estimateRoute.POST(new Request("http://localhost/api/v1/estimate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  expect(res.status).toBe(200);
  return (await res.json()) as {
    entitlement: number;
    entitlementInterval?: Interval;
    weightedPopulation: { value: number; provenance: string; basis?: string; interval?: Interval; intervalBasis?: string };
    estimates: { id: string; source: string }[];
  };
};

describe("a PCN with no stored figure (UZ1003)", () => {
  it("GET /api/v1/pcns/{code}: the age/sex estimate with its 80% interval, and the entitlement's", async () => {
    const d = await detail("UZ1003");
    for (const w of d.weightedPopulations) {
      expect(w.provenance).toBe("estimate");
      expect(w.estimate!.method).toBe("published"); // the demo has fewer than 100 stored PCNs
      expect(w.estimate!.ratio).not.toBe(1);
      expect(w.interval!.level).toBe(0.8);
      expect(w.interval!.low).toBeLessThan(w.value);
      expect(w.interval!.high).toBeGreaterThan(w.value);
      expect(w.intervalBasis).toMatch(/^80% interval [\d,]+ to [\d,]+ \(-[\d.]+% to \+[\d.]+%\): the 10th to 90th percentile/);
    }
    for (const e of d.entitlements) {
      const w = d.weightedPopulations.find((x) => x.financialYear === e.financialYear)!;
      expect(e.weightedPopulationInterval).toEqual(w.interval);
      expect(e.amountInterval!.low).toBeLessThan(e.amount);
      expect(e.amountInterval!.high).toBeGreaterThan(e.amount);
      // Linear in the population (one rate or several pots): low ÷ amount ≈ low population ÷ value.
      expect(e.amountInterval!.low / e.amount).toBeCloseTo(w.interval!.low / w.value, 4);
    }
  });

  it("the page data (getPcnDetail) and the planner carry the same estimate and interval", async () => {
    const api = await detail("UZ1003");
    const page = (await getPcnDetail(db, "UZ1003"))!;
    expect(page.weightedPopulations.map((w) => [w.value, w.interval])).toEqual(api.weightedPopulations.map((w) => [w.value, w.interval]));
    const planner = (await getPcnForPlanner(db, "UZ1003", "2025/26"))!;
    const w25 = api.weightedPopulations.find((w) => w.financialYear === "2025/26")!;
    expect(planner.weightedPopulation).toMatchObject({ value: w25.value, provenance: "estimate", interval: w25.interval });
  });

  it("POST /api/v1/estimate by PCN code: weightedPopulation.interval, entitlementInterval, and the estimate's words", async () => {
    const body = await estimate({ financialYear: "2025/26", pcn: { code: "UZ1003" }, posts: [] });
    const r = (await resolveWeightedPopulation(db, "UZ1003", "2025/26"))!;
    expect(body.weightedPopulation).toMatchObject({ value: r.value, provenance: "estimate", interval: r.interval, intervalBasis: r.intervalBasis });
    // £26.631 per weighted patient in 2025/26 (one pot): each end to the penny.
    expect(body.entitlementInterval).toEqual({
      low: Math.round(r.interval!.low * 26.631 * 100) / 100,
      high: Math.round(r.interval!.high * 26.631 * 100) / 100,
      level: 0.8,
    });
    expect(body.estimates[0]!.id).toBe("2025/26 weighted population of UZ1003");
    expect(body.estimates[0]!.source).toContain("80% interval");
  });
});

describe("exports", () => {
  it("the XLSX of an estimate by PCN code says the weighted population's interval and the entitlement's", async () => {
    const body = { financialYear: "2025/26", pcn: { code: "UZ1003" }, posts: [] };
    const json = await estimate(body);
    const res = await estimateRoute.POST(new Request("http://localhost/api/v1/estimate?format=xlsx", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet("Summary")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    const iv = json.weightedPopulation.interval!;
    expect(texts).toContain(`Weighted population (estimate): ${json.weightedPopulation.value}, 80% interval ${iv.low} to ${iv.high} (${json.weightedPopulation.intervalBasis})`);
    expect(texts).toContain(
      `Entitlement if the weighted population is at the ends of its 80% interval: 2025/26 £${json.entitlementInterval!.low.toFixed(2)} to £${json.entitlementInterval!.high.toFixed(2)}`,
    );
  });
});

describe("a stored figure still wins and has no interval", () => {
  it("ICB-confirmed (UZ1001 2025/26) and imported (UZ1002 2024/25)", async () => {
    const d1 = await detail("UZ1001");
    const w = d1.weightedPopulations.find((x) => x.financialYear === "2025/26")!;
    expect(w.provenance).toBe("icb-confirmed");
    expect(w.interval).toBeUndefined();
    expect(d1.entitlements.find((e) => e.financialYear === "2025/26")!.amountInterval).toBeUndefined();
    const d2 = await detail("UZ1002");
    const w2 = d2.weightedPopulations.find((x) => x.financialYear === "2024/25")!;
    expect(w2.provenance).toBe("imported");
    expect(w2.interval).toBeUndefined();
    const body = await estimate({ financialYear: "2024/25", pcn: { code: "UZ1002" }, posts: [] });
    expect(body.weightedPopulation.provenance).toBe("imported");
    expect(body.weightedPopulation.interval).toBeUndefined();
    expect(body.entitlementInterval).toBeUndefined();
  });

  it("a given weightedPopulation has no interval", async () => {
    const body = await estimate({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, posts: [] });
    expect(body.weightedPopulation).toEqual({ value: 30000, provenance: "given" });
    expect(body.entitlementInterval).toBeUndefined();
  });

  it("own-ratio years (UZ1002 2025/26): the PCN's own ratio, with the assumed ±3% (the demo has too few two-year PCNs)", async () => {
    const d = await detail("UZ1002");
    const w = d.weightedPopulations.find((x) => x.financialYear === "2025/26")!;
    expect(w).toMatchObject({ value: 64376.52, provenance: "estimate", estimate: { method: "own-ratio", ratio: 1.1023 } });
    // 64,376.52 × 0.97 = 62,445.22; × 1.03 = 66,307.82
    expect(w.interval).toEqual({ low: 62445.22, high: 66307.82, level: 0.8 });
    expect(w.intervalBasis).toMatch(/an assumption, as too few fictional demo PCNs have figures for two years/);
  });
});

describe("calibration cache", () => {
  it("recalibrates after a change to the data version", async () => {
    const before = await getWeightedCalibration(db, "demo");
    expect(await getWeightedCalibration(db, "demo")).toBe(before);
    const { bumpDataVersion } = await import("@/lib/server/pcn-data/data-version");
    await bumpDataVersion(db);
    expect(await getWeightedCalibration(db, "demo")).not.toBe(before);
  });
});
