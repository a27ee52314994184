// Estimating a PCN's contractor (Carr-Hill) weighted population when no ICB-confirmed or imported
// figure exists for a year, with an 80% interval. Pure: no database, framework, env or clock (the
// server loads the calibration; the back-test in scripts/bench-weighted.ts runs the same code).
// Method and figures: docs/decisions/014-weighted-population-estimate.md.
//
// Three ways, best first:
//  1. "own-ratio": the PCN's own last known weighted ÷ registered ratio × its latest list. The
//     interval comes from how much stored PCNs' ratios moved between years (when ≥ 20 PCNs have
//     two years), else from an assumption of ±3% (labelled as such).
//  2. "fitted": no ratio of its own, and ≥ 100 stored PCNs with a figure and an age profile: the
//     ratio predicted from the PCN's age/sex mix (shares in 10 age bands × 2 sexes, weights fitted
//     by least squares to the stored PCNs' ratios), × the shrunk mean error of the other stored
//     PCNs of its ICB (deprivation, rurality and staff costs are regional).
//  3. "published": fewer stored PCNs: the Carr-Hill age/sex index against England with the
//     published (research approximation) band weights, scaled to the stored PCNs' mean ratio.
// The interval of 2 and 3 is the 10th–90th percentile of the leave-one-out relative errors of the
// same method over the stored PCNs (≥ 20 of them), else the published spread of the additional-
// needs index (BMC HSR 2010: interquartile range 0.91–1.10, widened to 80% as a normal in logs).

/** Registered patients by single year of age (index = age; the last cell is the oldest, e.g. 95+). */
export interface AgeSexProfile {
  male: readonly number[];
  female: readonly number[];
}

/** One stored PCN the estimate is calibrated on: its weighted ÷ registered ratio and age profile. */
export interface CalibrationPcn {
  code: string;
  /** Its ICB (or any grouping of neighbours); null when unknown. */
  group: string | null;
  ratio: number;
  profile: AgeSexProfile;
}

export type EstimateMethod = "own-ratio" | "fitted" | "published" | "flat";

export interface IntervalFactors {
  /** Multiply the central estimate by these for the 80% interval. */
  low: number;
  high: number;
  level: 0.8;
  /** "calibration": quantiles of errors measured on n stored PCNs; "published" / "assumption": fixed. */
  from: "calibration" | "published" | "assumption";
  n: number;
}

/**
 * Carr-Hill age/sex workload weights (research approximation: Asaria et al., BMJ Open 2016,
 * repository miqdadasaria/primary_care; index: males 5–14 = 1). need-sizing.md §1.2.
 */
export const CARR_HILL_WEIGHTS: readonly { from: number; to: number; male: number; female: number }[] = [
  { from: 0, to: 4, male: 2.354, female: 2.241 },
  { from: 5, to: 14, male: 1.0, female: 1.03 },
  { from: 15, to: 44, male: 0.913, female: 1.885 },
  { from: 45, to: 64, male: 1.373, female: 2.115 },
  { from: 65, to: 74, male: 2.531, female: 2.82 },
  { from: 75, to: 84, male: 3.254, female: 3.301 },
  { from: 85, to: Infinity, male: 3.193, female: 3.09 },
];

/** The age bands whose weights are fitted (each for males and females). */
export const FIT_BANDS: readonly { from: number; to: number }[] = [
  { from: 0, to: 4 },
  { from: 5, to: 14 },
  { from: 15, to: 24 },
  { from: 25, to: 34 },
  { from: 35, to: 44 },
  { from: 45, to: 54 },
  { from: 55, to: 64 },
  { from: 65, to: 74 },
  { from: 75, to: 84 },
  { from: 85, to: Infinity },
];

/** Stored PCNs needed to fit band weights (20 of them) rather than use the published ones. */
export const MIN_FIT = 100;
/** Stored PCNs (or ratio pairs) needed to take the interval from measured errors. */
export const MIN_EMPIRICAL = 20;
/** Shrinkage of the ICB adjustment: the mean of the others' errors as if K more PCNs had error 0. */
export const GROUP_SHRINK = 3;
/**
 * The published fallback interval: BMC Health Services Research 2010 (10:156, table 1): the
 * additional-needs index's interquartile range across practices is 0.91–1.10. As a normal in logs
 * σ = ln(1.10 / 0.91) / 1.349 = 0.1405; the 80% interval is ± 1.2816 σ = ± 0.1801.
 */
export const PUBLISHED_INTERVAL: IntervalFactors = { low: Math.exp(-0.1801), high: Math.exp(0.1801), level: 0.8, from: "published", n: 0 };
/** ASSUMPTION when too few stored PCNs have two years to measure how much a ratio moves: ±3%. */
export const OWN_RATIO_ASSUMED_INTERVAL: IntervalFactors = { low: 0.97, high: 1.03, level: 0.8, from: "assumption", n: 0 };

// ---------------------------------------------------------------------------------------------
// Small maths

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The p-quantile of values (linear interpolation between order statistics, as R's type 7). */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("quantile of nothing");
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** Solves A x = b for a symmetric positive-definite A (Cholesky); A is p×p as rows. */
export function solveSpd(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const p = b.length;
  const l = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) throw new Error("matrix is not positive definite");
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  const y = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// Age/sex

export function profileTotal(p: AgeSexProfile): number {
  return sum(p.male) + sum(p.female);
}

/** Sums profiles cell by cell (e.g. England from its regions). */
export function addProfiles(profiles: readonly AgeSexProfile[]): AgeSexProfile {
  const len = Math.max(0, ...profiles.map((p) => Math.max(p.male.length, p.female.length)));
  const male = new Array<number>(len).fill(0);
  const female = new Array<number>(len).fill(0);
  for (const p of profiles) {
    p.male.forEach((n, i) => (male[i]! += n));
    p.female.forEach((n, i) => (female[i]! += n));
  }
  return { male, female };
}

/** Carr-Hill workload per registered patient with the published weights (no normalisation). */
export function carrHillPerPatient(p: AgeSexProfile): number | null {
  const total = profileTotal(p);
  if (!(total > 0)) return null;
  let w = 0;
  for (const band of CARR_HILL_WEIGHTS) {
    for (let age = band.from; age <= Math.min(band.to, Math.max(p.male.length, p.female.length) - 1); age++) {
      w += (p.male[age] ?? 0) * band.male + (p.female[age] ?? 0) * band.female;
    }
  }
  return w / total;
}

/** The age/sex index: the PCN's Carr-Hill workload per patient ÷ England's (England = 1). */
export function ageSexIndex(p: AgeSexProfile, england: AgeSexProfile): number | null {
  const a = carrHillPerPatient(p);
  const e = carrHillPerPatient(england);
  return a === null || e === null ? null : a / e;
}

/** Shares of the list in FIT_BANDS, males then females (20 numbers summing to 1). */
export function bandShares(p: AgeSexProfile): number[] | null {
  const total = profileTotal(p);
  if (!(total > 0)) return null;
  const out: number[] = [];
  for (const sex of [p.male, p.female]) {
    for (const band of FIT_BANDS) {
      let n = 0;
      for (let age = band.from; age <= Math.min(band.to, sex.length - 1); age++) n += sex[age] ?? 0;
      out.push(n / total);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The model

export interface AgeSexModel {
  method: "fitted" | "published" | "flat";
  /** Stored PCNs it was calibrated on. */
  n: number;
  /** For "fitted": the weights of FIT_BANDS (males then females), i.e. the ratio of a PCN of one band. */
  weights?: number[];
  /** For "published": the scale k (the stored PCNs' geometric mean of ratio ÷ age/sex index). */
  scale?: number;
  /** Per group: the sum and count of the stored PCNs' leave-one-out log errors. */
  groups: Map<string, { sum: number; count: number; byCode: Map<string, number> }>;
  interval: IntervalFactors;
  england: AgeSexProfile;
}

export interface AgeSexPrediction {
  method: "fitted" | "published" | "flat";
  /** Predicted weighted ÷ registered ratio. */
  ratio: number;
  /** The ratio before the ICB adjustment. */
  ageSexRatio: number;
  /** Multiplier from the other stored PCNs of the same ICB (1 when none). */
  groupFactor: number;
  /** The Carr-Hill age/sex index against England (published weights), for the words. */
  index: number | null;
  groupCount: number;
}

function groupAdjust(model: AgeSexModel, group: string | null, exceptCode?: string): { factor: number; count: number } {
  const g = group ? model.groups.get(group) : undefined;
  if (!g) return { factor: 1, count: 0 };
  const own = exceptCode !== undefined ? g.byCode.get(exceptCode) : undefined;
  const s = g.sum - (own ?? 0);
  const c = g.count - (own !== undefined ? 1 : 0);
  if (c <= 0) return { factor: 1, count: 0 };
  return { factor: Math.exp(s / (c + GROUP_SHRINK)), count: c };
}

function ageSexRatio(model: Pick<AgeSexModel, "method" | "weights" | "scale" | "england">, p: AgeSexProfile): number | null {
  if (model.method === "flat") return 1;
  if (model.method === "fitted") {
    const x = bandShares(p);
    if (!x) return null;
    const r = sum(x.map((v, i) => v * model.weights![i]!));
    if (r > 0) return r;
    // A fit can go below zero for a very odd profile: use the published index instead.
  }
  const idx = ageSexIndex(p, model.england);
  return idx === null ? null : idx * (model.scale ?? 1);
}

/**
 * Fits the age/sex model on stored PCNs. With ≥ MIN_FIT of them the 20 band weights are fitted by
 * least squares (ratio = Σ share × weight); otherwise the published Carr-Hill index is scaled to
 * their geometric mean (or used as it is with none). Leave-one-out errors give the ICB adjustment
 * and the interval.
 */
export function calibrate(stored: readonly CalibrationPcn[], england: AgeSexProfile): AgeSexModel {
  const usable = stored.filter((s) => s.ratio > 0 && Number.isFinite(s.ratio) && profileTotal(s.profile) > 0);
  const n = usable.length;
  const englandOk = profileTotal(england) > 0;
  let method: AgeSexModel["method"] = n >= MIN_FIT ? "fitted" : englandOk ? "published" : "flat";
  let weights: number[] | undefined;
  let scale: number | undefined;
  /** Leave-one-out predicted ratio per usable PCN (before the ICB adjustment). */
  let loo: number[] = [];

  if (method === "fitted") {
    const X = usable.map((s) => bandShares(s.profile)!);
    const y = usable.map((s) => s.ratio);
    const p = X[0]!.length;
    const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xty = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const xi = X[i]!;
      for (let a = 0; a < p; a++) {
        xty[a]! += xi[a]! * y[i]!;
        for (let b = 0; b <= a; b++) xtx[a]![b]! += xi[a]! * xi[b]!;
      }
    }
    // A whisker of ridge keeps an empty band (no 85+ anywhere, say) solvable.
    const ridge = 1e-9 * Math.max(1e-12, ...xtx.map((r, i) => r[i]!));
    for (let a = 0; a < p; a++) {
      xtx[a]![a]! += ridge;
      for (let b = 0; b < a; b++) xtx[b]![a] = xtx[a]![b]!;
    }
    try {
      const w = solveSpd(xtx, xty);
      weights = w;
      // Exact leave-one-out: fit_(−i) = y_i − e_i / (1 − h_i), with h_i = x_i' (X'X)⁻¹ x_i.
      const inv = invertSpd(xtx);
      loo = X.map((xi, i) => {
        const fit = sum(xi.map((v, k) => v * w[k]!));
        let h = 0;
        for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) h += xi[a]! * inv[a]![b]! * xi[b]!;
        return y[i]! - (y[i]! - fit) / (1 - h);
      });
    } catch {
      method = englandOk ? "published" : "flat";
    }
  }
  if (method === "published") {
    const idx = usable.map((s) => ageSexIndex(s.profile, england)!);
    const logs = usable.map((s, i) => Math.log(s.ratio / idx[i]!));
    const total = sum(logs);
    scale = n > 0 ? Math.exp(total / n) : 1;
    loo = idx.map((v, i) => v * (n > 1 ? Math.exp((total - logs[i]!) / (n - 1)) : 1));
  }
  if (method === "flat") loo = usable.map(() => 1);

  // Leave-one-out log errors, then per-group sums for the ICB adjustment.
  const err = usable.map((s, i) => Math.log(s.ratio / (loo[i]! > 0 ? loo[i]! : 1)));
  const groups: AgeSexModel["groups"] = new Map();
  usable.forEach((s, i) => {
    if (!s.group) return;
    const g = groups.get(s.group) ?? { sum: 0, count: 0, byCode: new Map<string, number>() };
    g.sum += err[i]!;
    g.count += 1;
    g.byCode.set(s.code, err[i]!);
    groups.set(s.group, g);
  });
  const model: AgeSexModel = { method, n, ...(weights ? { weights } : {}), ...(scale !== undefined ? { scale } : {}), groups, interval: PUBLISHED_INTERVAL, england };

  // The whole method's leave-one-out errors (age/sex part and ICB adjustment without the PCN itself).
  if (n >= MIN_EMPIRICAL) {
    const full = usable.map((s, i) => err[i]! - Math.log(groupAdjust(model, s.group, s.code).factor));
    model.interval = { low: Math.exp(quantile(full, 0.1)), high: Math.exp(quantile(full, 0.9)), level: 0.8, from: "calibration", n };
  }
  return model;
}

/** The inverse of a small symmetric positive-definite matrix (column by column). */
export function invertSpd(a: readonly (readonly number[])[]): number[][] {
  const p = a.length;
  const cols = Array.from({ length: p }, (_, j) => solveSpd(a, Array.from({ length: p }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: p }, (_, i) => cols.map((c) => c[i]!));
}

/** The age/sex (and ICB) predicted ratio for a PCN's profile; null when the profile is empty. */
export function predictRatio(model: AgeSexModel, profile: AgeSexProfile, group: string | null, exceptCode?: string): AgeSexPrediction | null {
  const base = ageSexRatio(model, profile);
  if (base === null) return null;
  const g = groupAdjust(model, group, exceptCode);
  return {
    method: model.method,
    ratio: base * g.factor,
    ageSexRatio: base,
    groupFactor: g.factor,
    index: profileTotal(model.england) > 0 ? ageSexIndex(profile, model.england) : null,
    groupCount: g.count,
  };
}

// ---------------------------------------------------------------------------------------------
// Own ratio

/** A stored PCN's ratios in two years (earlier first), to measure how much a ratio moves. */
export interface RatioPair {
  earlier: number;
  later: number;
}

/** The 80% interval of an own-ratio estimate: measured year-to-year moves, else ±3% (assumption). */
export function ownRatioInterval(pairs: readonly RatioPair[]): IntervalFactors {
  const moves = pairs.filter((p) => p.earlier > 0 && p.later > 0).map((p) => Math.log(p.later / p.earlier));
  if (moves.length < MIN_EMPIRICAL) return OWN_RATIO_ASSUMED_INTERVAL;
  // A ratio can move either way: the interval is symmetric in logs, from the 80th percentile of |move|.
  const q = quantile(moves.map(Math.abs), 0.8);
  return { low: Math.exp(-q), high: Math.exp(q), level: 0.8, from: "calibration", n: moves.length };
}

// ---------------------------------------------------------------------------------------------
// The estimate

export interface WeightedEstimate {
  /** Weighted population, 2 decimals. */
  value: number;
  ratio: number;
  method: EstimateMethod;
  interval: { low: number; high: number; level: 0.8 };
  intervalFrom: IntervalFactors["from"];
  intervalN: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** list × ratio with its 80% interval (list × ratio × the interval factors), to 2 decimals. */
export function applyRatio(registeredList: number, ratio: number, method: EstimateMethod, f: IntervalFactors): WeightedEstimate {
  const value = round2(registeredList * ratio);
  return {
    value,
    ratio,
    method,
    interval: { low: round2(registeredList * ratio * f.low), high: round2(registeredList * ratio * f.high), level: 0.8 },
    intervalFrom: f.from,
    intervalN: f.n,
  };
}
