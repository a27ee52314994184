// The weighted-population estimate on small fictional tables, with the arithmetic in comments.
import { describe, expect, it } from "vitest";
import {
  ageSexIndex,
  applyRatio,
  bandShares,
  calibrate,
  carrHillPerPatient,
  invertSpd,
  MIN_EMPIRICAL,
  MIN_FIT,
  OWN_RATIO_ASSUMED_INTERVAL,
  ownRatioInterval,
  predictRatio,
  PUBLISHED_INTERVAL,
  quantile,
  solveSpd,
  type AgeSexProfile,
  type CalibrationPcn,
} from "./index";

/** A profile with `n` males and `n` females at each of the given ages (96 cells). */
function at(cells: Record<number, [number, number]>): AgeSexProfile {
  const male = new Array<number>(96).fill(0);
  const female = new Array<number>(96).fill(0);
  for (const [age, [m, f]] of Object.entries(cells)) {
    male[Number(age)] = m;
    female[Number(age)] = f;
  }
  return { male, female };
}

describe("age/sex index (published Carr-Hill weights)", () => {
  it("weights per patient by band and sex", () => {
    // 10 males aged 10 (1.000) + 10 females aged 30 (1.885): (10 + 18.85) / 20 = 1.4425
    expect(carrHillPerPatient(at({ 10: [10, 0], 30: [0, 10] }))).toBeCloseTo(1.4425, 12);
    // 95+ cell (index 95) is in 85+: male 3.193
    expect(carrHillPerPatient(at({ 95: [4, 0] }))).toBeCloseTo(3.193, 12);
    expect(carrHillPerPatient(at({}))).toBeNull();
  });

  it("is the PCN's workload per patient ÷ England's", () => {
    // England: 10 men aged 30 (0.913) and 10 men aged 70 (2.531): 1.722 per patient.
    const england = at({ 30: [10, 0], 70: [10, 0] });
    // PCN of only men aged 70: 2.531 ÷ 1.722 = 1.46980…
    expect(ageSexIndex(at({ 70: [5, 0] }), england)).toBeCloseTo(2.531 / 1.722, 12);
    // The same mix as England: exactly 1.
    expect(ageSexIndex(at({ 30: [3, 0], 70: [3, 0] }), england)).toBeCloseTo(1, 12);
  });

  it("band shares: 10 age bands × males then females, summing to 1", () => {
    const s = bandShares(at({ 2: [1, 0], 20: [0, 3] }))!;
    expect(s).toHaveLength(20);
    expect(s[0]).toBe(0.25); // males 0–4: 1 of 4
    expect(s[12]).toBe(0.75); // females 15–24: 3 of 4
    expect(s.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe("small linear algebra", () => {
  it("solves and inverts a 2×2 positive-definite system", () => {
    // [4 2; 2 3] x = [2; 1] → x = [0.5, 0]
    expect(solveSpd([[4, 2], [2, 3]], [2, 1]).map((v) => Number(v.toFixed(12)))).toEqual([0.5, 0]);
    // inverse = 1/8 [3 −2; −2 4]
    const inv = invertSpd([[4, 2], [2, 3]]);
    expect(inv[0]![0]).toBeCloseTo(0.375, 12);
    expect(inv[0]![1]).toBeCloseTo(-0.25, 12);
    expect(inv[1]![1]).toBeCloseTo(0.5, 12);
  });

  it("quantile interpolates between order statistics (R type 7)", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([5, 1, 4, 2, 3], 0.1)).toBeCloseTo(1.4, 12); // h = 4 × 0.1 = 0.4 → 1 + 0.4 × 1
    expect(quantile([0, 10], 0.9)).toBe(9);
  });
});

describe("calibrate: the published tier (fewer than MIN_FIT stored PCNs)", () => {
  // England: 10 men aged 30 (0.913) + 10 men aged 70 (2.531) → 1.722 per patient.
  const england = at({ 30: [10, 0], 70: [10, 0] });
  const young = at({ 30: [10, 0] }); // index 0.913 / 1.722 = 0.530197…
  const old = at({ 70: [10, 0] }); // index 2.531 / 1.722 = 1.469803…

  it("scales the index to the stored PCNs' geometric mean of ratio ÷ index", () => {
    const iy = 0.913 / 1.722;
    const io = 2.531 / 1.722;
    // Two stored PCNs, each at 0.9 × its index: k = 0.9.
    const stored: CalibrationPcn[] = [
      { code: "A", group: null, ratio: 0.9 * iy, profile: young },
      { code: "B", group: null, ratio: 0.9 * io, profile: old },
    ];
    const m = calibrate(stored, england);
    expect(m.method).toBe("published");
    expect(m.scale).toBeCloseTo(0.9, 12);
    const p = predictRatio(m, old, null)!;
    expect(p.ratio).toBeCloseTo(0.9 * io, 12);
    expect(p.groupFactor).toBe(1);
    // Too few PCNs to measure errors: the published interval (× e^∓0.1801).
    expect(m.interval).toBe(PUBLISHED_INTERVAL);
    expect(PUBLISHED_INTERVAL.low).toBeCloseTo(0.835187, 6);
    expect(PUBLISHED_INTERVAL.high).toBeCloseTo(1.197337, 6);
  });

  it("adjusts for the ICB: the other stored PCNs' mean log error, shrunk by 3", () => {
    const iy = 0.913 / 1.722;
    // Four stored PCNs in ICB "X" all at 1.1 × index; two in "Y" at 1.0 × index (leave-one-out k's differ).
    const stored: CalibrationPcn[] = [
      ...["A", "B", "C", "D"].map((code) => ({ code, group: "X", ratio: 1.1 * iy, profile: young })),
      ...["E", "F"].map((code) => ({ code, group: "Y", ratio: 1.0 * iy, profile: young })),
    ];
    const m = calibrate(stored, england);
    // k = exp((4 ln 1.1 + 2 ln 1.0) / 6) = 1.1^(2/3)
    expect(m.scale).toBeCloseTo(1.1 ** (2 / 3), 12);
    // Leave-one-out k for an X PCN: exp((3 ln 1.1) / 5) = 1.1^0.6; its error ln 1.1 − 0.6 ln 1.1 = 0.4 ln 1.1.
    // A new PCN in X: factor exp(4 × 0.4 ln 1.1 / (4 + 3)) = 1.1^(1.6/7).
    const p = predictRatio(m, young, "X")!;
    expect(p.groupFactor).toBeCloseTo(1.1 ** (1.6 / 7), 12);
    expect(p.groupCount).toBe(4);
    expect(p.ratio).toBeCloseTo(iy * 1.1 ** (2 / 3) * 1.1 ** (1.6 / 7), 12);
    // Excluding the PCN itself (the back-test): A sees 3 others.
    expect(predictRatio(m, young, "X", "A")!.groupFactor).toBeCloseTo(1.1 ** (1.2 / 6), 12);
    // An ICB with no stored PCN: no adjustment.
    expect(predictRatio(m, young, "Z")!.groupFactor).toBe(1);
  });

  it("with no England profile and nothing stored, falls back to 1.0", () => {
    const m = calibrate([], { male: [], female: [] });
    expect(m.method).toBe("flat");
    expect(predictRatio(m, young, null)!.ratio).toBe(1);
  });
});

describe("calibrate: the fitted tier (MIN_FIT or more stored PCNs)", () => {
  it("recovers band weights that generated the ratios exactly, and its interval is from measured errors", () => {
    // Fictional truth: ratio = Σ share × w, w = 0.5 + 0.1 × band index (20 bands).
    const truth = Array.from({ length: 20 }, (_, i) => 0.5 + 0.1 * i);
    const ages = [2, 10, 20, 30, 40, 50, 60, 70, 80, 90];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const stored: CalibrationPcn[] = [];
    for (let i = 0; i < MIN_FIT + 20; i++) {
      const cells: Record<number, [number, number]> = {};
      for (const a of ages) cells[a] = [1 + Math.floor(rand() * 100), 1 + Math.floor(rand() * 100)];
      const profile = at(cells);
      const ratio = bandShares(profile)!.reduce((s, v, k) => s + v * truth[k]!, 0);
      stored.push({ code: `P${i}`, group: `G${i % 5}`, ratio, profile });
    }
    const m = calibrate(stored, at({ 30: [1, 1] }));
    expect(m.method).toBe("fitted");
    m.weights!.forEach((w, k) => expect(w).toBeCloseTo(truth[k]!, 6));
    // No error anywhere: the interval collapses to × 1.
    expect(m.interval.from).toBe("calibration");
    expect(m.interval.n).toBe(MIN_FIT + 20);
    expect(m.interval.low).toBeCloseTo(1, 6);
    expect(m.interval.high).toBeCloseTo(1, 6);
  });

  it("the interval is the 10th–90th percentile of leave-one-out log errors", () => {
    // 30 stored PCNs, same profile, ratios 0.80, 0.81, …, 1.09 (published tier, index 1 for England's own mix).
    const england = at({ 30: [10, 10] });
    const stored: CalibrationPcn[] = Array.from({ length: 30 }, (_, i) => ({ code: `P${i}`, group: null, ratio: 0.8 + i / 100, profile: england }));
    const m = calibrate(stored, england);
    expect(m.interval.from).toBe("calibration");
    // By hand: error_i = ln r_i − mean of the other 29 logs.
    const logs = stored.map((s) => Math.log(s.ratio));
    const total = logs.reduce((a, b) => a + b, 0);
    const errs = logs.map((l) => l - (total - l) / 29);
    expect(Math.log(m.interval.low)).toBeCloseTo(quantile(errs, 0.1), 12);
    expect(Math.log(m.interval.high)).toBeCloseTo(quantile(errs, 0.9), 12);
    expect(stored.length).toBeGreaterThanOrEqual(MIN_EMPIRICAL);
  });
});

describe("own ratio and applying a ratio", () => {
  it("year-to-year moves: symmetric, from the 80th percentile of |ln move|, once 20 pairs exist", () => {
    expect(ownRatioInterval([{ earlier: 1, later: 1.02 }])).toBe(OWN_RATIO_ASSUMED_INTERVAL);
    // 20 pairs moving by 1%, 2%, …, 20% (alternating up and down): |ln| 80th percentile by hand.
    const pairs = Array.from({ length: 20 }, (_, i) => ({ earlier: 1, later: i % 2 ? 1 / (1 + (i + 1) / 100) : 1 + (i + 1) / 100 }));
    const f = ownRatioInterval(pairs);
    const q = quantile(pairs.map((p) => Math.abs(Math.log(p.later))), 0.8);
    expect(f.from).toBe("calibration");
    expect(f.low).toBeCloseTo(Math.exp(-q), 12);
    expect(f.high).toBeCloseTo(Math.exp(q), 12);
  });

  it("list × ratio × the interval factors, to 2 decimals", () => {
    // 30,000 × 1.04 = 31,200; × 0.9 = 28,080; × 1.1 = 34,320
    const e = applyRatio(30_000, 1.04, "fitted", { low: 0.9, high: 1.1, level: 0.8, from: "calibration", n: 50 });
    expect(e).toEqual({ value: 31200, ratio: 1.04, method: "fitted", interval: { low: 28080, high: 34320, level: 0.8 }, intervalFrom: "calibration", intervalN: 50 });
  });
});
