// Demo and real PCNs never calibrate each other's weighted-population estimate (issue 14): with
// the fictional demo data seeded and some real-like imported PCNs beside it (fictional figures,
// codes outside the demo's UZ range, isDemo false as the importer leaves them), a real PCN's
// estimate and 80% interval are calibrated on the real PCNs only, a demo PCN's on the demo ones
// only, and the words say which.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { getPcnDetail } from "@/lib/server/pcn-data/pcn-profile";
import { loadCalibrationInputs } from "@/lib/server/pcn-data/weighted-calibration";
import { calibrate, predictRatio } from "@/lib/weighted-estimate";
import { createTestDb, type TestDb } from "../support/db";

vi.mock("server-only", () => ({}));

let env: TestDb;
let db: Db;
const REAL = 25;

/** A fictional age profile (96 single years) with an older or younger tilt. */
function profile(total: number, tilt: number) {
  const w = Array.from({ length: 96 }, (_, age) => (age < 18 ? 1 : age < 65 ? 1.3 : tilt));
  const s = w.reduce((a, b) => a + b, 0);
  const cells = w.map((x) => Math.floor((x / s) * total));
  cells[95]! += total - cells.reduce((a, b) => a + b, 0);
  return { male: cells.map((n) => Math.floor(n / 2)), female: cells.map((n) => n - Math.floor(n / 2)) };
}

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  db = env.db;
  await db.icb.create({ data: { code: "QX1", name: "NHS Realshire Integrated Care Board (fixture)" } });
  // 25 "real" PCNs with an imported 2024/25 figure, and one (U90099) with none, to be estimated.
  for (let i = 0; i <= REAL; i++) {
    const code = i === REAL ? "U90099" : `U9${String(i).padStart(4, "0")}`;
    const total = 20_000 + i * 1_000;
    const tilt = 0.6 + (i % 7) * 0.15;
    await db.pcn.create({ data: { code, name: `FIXTURE PCN ${i}`, nameSearch: `FIXTURE PCN ${i}`, icbCode: "QX1" } });
    await db.registeredPopulation.create({ data: { orgType: "PCN", orgCode: code, extractDate: "2026-08-01", total, male: null, female: null, ageProfile: JSON.stringify(profile(total, tilt)) } });
    if (i < REAL) {
      // Ratios 0.80–1.20, far from the demo's, so mixing the two would show.
      const ratio = 0.8 + ((i * 7) % 25) * (0.4 / 24);
      await db.weightedPopulation.create({ data: { pcnCode: code, financialYear: "2024/25", value: Math.round(total * ratio * 100) / 100, provenance: "imported", registeredList: total, source: "fixture.csv" } });
    }
  }
});

afterAll(async () => {
  await env?.cleanup();
});

describe("calibration sets: demo and real PCNs apart", () => {
  it("the real calibration holds only the real PCNs, the demo one only the demo PCNs", async () => {
    const real = await loadCalibrationInputs(db, "real");
    const demo = await loadCalibrationInputs(db, "demo");
    expect(real.stored.map((s) => s.code).every((c) => c.startsWith("U9"))).toBe(true);
    expect(real.stored).toHaveLength(REAL);
    expect(demo.stored.length).toBeGreaterThanOrEqual(20);
    expect(demo.stored.map((s) => s.code).every((c) => c.startsWith("UZ"))).toBe(true);
    // England for the demo: the demo PCNs summed, not anything real.
    expect(demo.englandFrom).toBe("pcns");
  });

  it("a real PCN's estimate and interval come from the real PCNs only, and say so", async () => {
    const real = await loadCalibrationInputs(db, "real");
    const model = calibrate(real.stored, real.england);
    const own = profile(20_000 + REAL * 1_000, 0.6 + (REAL % 7) * 0.15);
    const pred = predictRatio(model, own, "QX1")!;
    const d = (await getPcnDetail(db, "U90099"))!;
    const w = d.weightedPopulations.find((x) => x.financialYear === "2025/26")!;
    expect(w.provenance).toBe("estimate");
    expect(w.estimate!.ratio).toBe(Math.round(pred.ratio * 10_000) / 10_000);
    expect(w.interval!.low).toBeCloseTo(w.value * model.interval.low, 1);
    expect(w.intervalBasis).toMatch(new RegExp(`each of the ${REAL} real PCNs with a stored figure is estimated from the others \\(real PCNs imported from NHS England's files; the fictional demo PCNs are left out\\)`));
    expect(w.basis).toMatch(/mean ratio of 25 real PCNs with a stored figure/);
  });

  it("a demo PCN's estimate is calibrated on the demo PCNs only, and says so", async () => {
    const demo = await loadCalibrationInputs(db, "demo");
    const d = (await getPcnDetail(db, "UZ1003"))!;
    const w = d.weightedPopulations.find((x) => x.financialYear === "2025/26")!;
    expect(w.intervalBasis).toMatch(new RegExp(`each of the ${demo.stored.length} fictional demo PCNs with a stored figure is estimated from the others \\(calibrated on the fictional demo data only, not on real PCNs`));
    const model = calibrate(demo.stored, demo.england);
    expect(w.interval!.high).toBeCloseTo(w.value * model.interval.high, 1);
  });
});

describe("calibration with England's number of PCNs", () => {
  it("reads its inputs with ~1,300 real PCNs stored (a query naming every PCN's code passed SQLite's parameter limit: the PCN page failed with England imported)", async () => {
    const many = Array.from({ length: 1_300 }, (_, i) => `U8${String(i).padStart(4, "0")}`);
    await db.pcn.createMany({ data: many.map((code) => ({ code, name: `MANY PCN ${code}`, nameSearch: `MANY PCN ${code}`, icbCode: "QX1" })) });
    try {
      const real = await loadCalibrationInputs(db, "real");
      // the 25 fixture PCNs with a figure and a profile still calibrate; the 1,300 without either do not
      expect(real.stored).toHaveLength(REAL);
    } finally {
      await db.pcn.deleteMany({ where: { code: { startsWith: "U8" } } });
    }
  });
});
