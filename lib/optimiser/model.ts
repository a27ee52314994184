// The role-mix optimiser's model (docs/decisions/013-optimiser.md). Pure: priced options in,
// a MILP out, and the solver's answer read back — with the next best distinct mixes and, when
// there is no solution, the limits that make it so. Money is integer pence throughout.
//
//   n[c,w] ∈ {0, 1, …, max_c}   posts of candidate c at WTE option w
//   maximise   Σ value_c × wte_w × n[c,w]
//   subject to for every entitlement pot p:  Σ claim_p[c,w] × n[c,w] ≤ entitlement_p − existing claims_p
//              Σ pcnFunded[c,w] × n[c,w] ≤ pcnFundedMax − existing PCN-funded   (when a budget is given)
//              min_c ≤ Σ_w n[c,w] ≤ max_c                                      (each candidate)
//              Σ_{c roadmap} Σ_w n[c,w] ≤ trainee capacity − existing trainees (when given)
import { constantRowsFeasible, SolverTimeLimitError, violatedRows, type Milp, type MilpColumn, type MilpRow, type MilpSolver } from "./milp";

export interface PricedOption {
  /** Whole-time equivalent in ten-thousandths (1.0 WTE = 10000). */
  wteTenThousandths: number;
  costPence: number;
  claimablePence: number;
  pcnFundedPence: number;
  /** Claims against each pot of the problem (same order as `pots`); they add up to claimablePence. */
  potClaimsPence: number[];
}

export interface CandidateModel {
  id: string;
  /** Value per 1.0 WTE in hundredths (10.5 → 1050). */
  valueHundredths: number;
  min: number;
  max: number;
  /** A First Contact roadmap trainee: counts against the supervisors' capacity. */
  roadmap: boolean;
  options: PricedOption[];
}

export interface PotModel {
  id: string;
  label: string;
  entitlementPence: number;
  /** What the existing (fixed) posts already claim from this pot. */
  existingClaimsPence: number;
}

export interface OptimiserProblem {
  pots: PotModel[];
  existing: { costPence: number; claimablePence: number; pcnFundedPence: number; roadmapTrainees: number };
  candidates: CandidateModel[];
  /** The PCN's own contribution (PCN-funded cost of existing + chosen) at most this. */
  pcnFundedMaxPence?: number;
  /** At most this many roadmap trainees (existing + chosen), e.g. 4 per 1.0 WTE of supervisors. */
  traineeCapacity?: number;
}

export type LimitGroup = "entitlement" | "pcnFunded" | "minimum" | "maximum" | "supervision";

export interface Chosen {
  candidate: string;
  wte: number;
  count: number;
}

export interface MixTotals {
  costPence: number;
  claimablePence: number;
  pcnFundedPence: number;
  /** Entitlement less the claims of existing + chosen posts (all pots). */
  headroomPence: number;
}

export interface Mix {
  /** Σ value × WTE over the chosen posts. */
  objective: number;
  chosen: Chosen[];
  /** Existing + chosen posts. */
  totals: MixTotals;
}

export interface Binding {
  limit: LimitGroup;
  /** The pot (entitlement) or candidate (minimum / maximum) it concerns. */
  pot?: string;
  candidate?: string;
  message: string;
}

export type OptimiseOutcome =
  | { status: "optimal"; best: Mix; counts: number[][]; alternatives: Mix[]; binding: Binding[] }
  | { status: "infeasible"; binding: Binding[] };

const money = (pence: number) => `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface RowInfo {
  group: LimitGroup;
  pot?: number;
  candidate?: number;
}

interface Built {
  milp: Milp;
  info: RowInfo[];
  /** Column index of n[c,w]. */
  col: number[][];
}

/** The MILP for a problem. `relax` drops a limit group (minimums relax to 0). */
export function buildMilp(p: OptimiserProblem, relax?: LimitGroup): Built {
  const columns: MilpColumn[] = [];
  const col = p.candidates.map((c, ci) =>
    c.options.map((o, wi) => {
      columns.push({ name: `n_${ci}_${wi}`, objective: c.valueHundredths * o.wteTenThousandths, lower: 0, upper: c.max, integer: true });
      return columns.length - 1;
    }),
  );
  const rows: MilpRow[] = [];
  const info: RowInfo[] = [];
  const addRow = (r: MilpRow, i: RowInfo) => {
    rows.push(r);
    info.push(i);
  };
  const over = (f: (o: PricedOption, c: CandidateModel) => number) => {
    const m = new Map<number, number>();
    p.candidates.forEach((c, ci) => c.options.forEach((o, wi) => f(o, c) !== 0 && m.set(col[ci]![wi]!, f(o, c))));
    return m;
  };
  if (relax !== "entitlement") {
    p.pots.forEach((pot, pi) =>
      addRow({ name: `pot_${pi}`, coefficients: over((o) => o.potClaimsPence[pi]!), lower: -Infinity, upper: pot.entitlementPence - pot.existingClaimsPence }, { group: "entitlement", pot: pi }),
    );
  }
  if (p.pcnFundedMaxPence !== undefined && relax !== "pcnFunded") {
    addRow({ name: "pcn_funded", coefficients: over((o) => o.pcnFundedPence), lower: -Infinity, upper: p.pcnFundedMaxPence - p.existing.pcnFundedPence }, { group: "pcnFunded" });
  }
  p.candidates.forEach((c, ci) => {
    const lower = relax === "minimum" ? 0 : c.min;
    addRow({ name: `count_${ci}`, coefficients: new Map(col[ci]!.map((j) => [j, 1])), lower, upper: c.max }, { group: lower > 0 ? "minimum" : "maximum", candidate: ci });
  });
  if (p.traineeCapacity !== undefined && relax !== "supervision") {
    addRow(
      { name: "trainees", coefficients: over((_, c) => (c.roadmap ? 1 : 0)), lower: -Infinity, upper: Math.floor(p.traineeCapacity + 1e-9) - p.existing.roadmapTrainees },
      { group: "supervision" },
    );
  }
  return { milp: { columns, rows }, info, col };
}

/** Solves, checking the answer exactly: a solver's rounding never passes a penny over a limit. */
async function solveChecked(solver: MilpSolver, milp: Milp): Promise<number[] | null> {
  if (!constantRowsFeasible(milp)) return null;
  if (milp.columns.length === 0) return [];
  const res = await solver.solve(milp);
  if (res.status === "infeasible") return null;
  const values = res.values.map((v) => Math.round(v));
  const broken = violatedRows(milp, values);
  if (broken.length) throw new Error(`The solver's answer breaks ${broken.map((r) => r.name).join(", ")} once rounded to whole posts.`);
  return values;
}

/** Counts per candidate and option from a solution's values. */
function countsOf(b: Built, values: readonly number[]): number[][] {
  return b.col.map((cols) => cols.map((j) => values[j]!));
}

/** Σ value × WTE in value units (hundredths × ten-thousandths → ÷ 1e6), exact for the inputs allowed. */
function objectiveOf(p: OptimiserProblem, counts: number[][]): number {
  let units = 0;
  p.candidates.forEach((c, ci) => c.options.forEach((o, wi) => (units += c.valueHundredths * o.wteTenThousandths * counts[ci]![wi]!)));
  return units / 1e6;
}

export function mixOf(p: OptimiserProblem, counts: number[][]): Mix {
  const t = { costPence: p.existing.costPence, claimablePence: p.existing.claimablePence, pcnFundedPence: p.existing.pcnFundedPence };
  const chosen: Chosen[] = [];
  p.candidates.forEach((c, ci) =>
    c.options.forEach((o, wi) => {
      const n = counts[ci]![wi]!;
      if (!n) return;
      chosen.push({ candidate: c.id, wte: o.wteTenThousandths / 10000, count: n });
      t.costPence += n * o.costPence;
      t.claimablePence += n * o.claimablePence;
      t.pcnFundedPence += n * o.pcnFundedPence;
    }),
  );
  const entitlement = p.pots.reduce((s, pot) => s + pot.entitlementPence, 0);
  return { objective: objectiveOf(p, counts), chosen, totals: { ...t, headroomPence: entitlement - t.claimablePence } };
}

/**
 * A "no-good" cut: the next solution must differ from `values` in at least one n[c,w], i.e.
 * Σ_j |x_j − x*_j| ≥ 1. Where x*_j is 0 the term is x_j, and where it is the upper bound U_j it is
 * U_j − x_j, both linear; in between, x − x* = p − q with p ≤ U·b and q ≤ U·(1 − b) (b binary),
 * so p + q = |x − x*|.
 */
function addNoGoodCut(milp: Milp, nCols: number, values: readonly number[], k: number): void {
  const terms = new Map<number, number>();
  let rhs = 1;
  for (let j = 0; j < nCols; j++) {
    const u = milp.columns[j]!.upper;
    const v = values[j]!;
    if (u === 0) continue;
    if (v === 0) {
      terms.set(j, 1);
    } else if (v === u) {
      terms.set(j, -1);
      rhs -= u;
    } else {
      const pj = milp.columns.push({ name: `p_${k}_${j}`, objective: 0, lower: 0, upper: u, integer: true }) - 1;
      const qj = milp.columns.push({ name: `q_${k}_${j}`, objective: 0, lower: 0, upper: u, integer: true }) - 1;
      const bj = milp.columns.push({ name: `b_${k}_${j}`, objective: 0, lower: 0, upper: 1, integer: true }) - 1;
      milp.rows.push({ name: `d_${k}_${j}`, coefficients: new Map([[j, 1], [pj, -1], [qj, 1]]), lower: v, upper: v });
      milp.rows.push({ name: `p_${k}_${j}_on`, coefficients: new Map([[pj, 1], [bj, -u]]), lower: -Infinity, upper: 0 });
      milp.rows.push({ name: `q_${k}_${j}_on`, coefficients: new Map([[qj, 1], [bj, u]]), lower: -Infinity, upper: u });
      terms.set(pj, 1).set(qj, 1);
    }
  }
  milp.rows.push({ name: `differs_${k}`, coefficients: terms, lower: rhs, upper: Infinity });
}

/** The limits that stop a better mix: each limit with too little left for one more post, and candidates at their maximum. */
function tightLimits(p: OptimiserProblem, b: Built, values: readonly number[], counts: number[][]): Binding[] {
  const out: Binding[] = [];
  const growable = p.candidates.flatMap((c, ci) => (counts[ci]!.reduce((s, n) => s + n, 0) < c.max ? c.options.map((o, wi) => ({ c, ci, o, wi })) : []));
  b.milp.rows.forEach((r, ri) => {
    const i = b.info[ri]!;
    let activity = 0;
    for (const [j, a] of r.coefficients) activity += a * values[j]!;
    const slack = r.upper - activity;
    if (i.group === "maximum" || i.group === "minimum") {
      const c = p.candidates[i.candidate!]!;
      if (slack === 0 && c.valueHundredths > 0) out.push({ limit: "maximum", candidate: c.id, message: `${c.id}: at its maximum of ${plural(c.max, "post")}.` });
      return;
    }
    // The cheapest extra post (by this row) of a candidate still below its maximum, that has value.
    const extra = growable.filter((g) => g.c.valueHundredths > 0).map((g) => r.coefficients.get(b.col[g.ci]![g.wi]!) ?? 0).filter((a) => a > 0);
    if (!extra.length || slack >= Math.min(...extra)) return;
    const smallest = Math.min(...extra);
    if (i.group === "entitlement") {
      const pot = p.pots[i.pot!]!;
      out.push({ limit: "entitlement", pot: pot.id, message: `${pot.label}: ${money(slack)} of the entitlement of ${money(pot.entitlementPence)} is left, less than any further post would claim (at least ${money(smallest)}).` });
    } else if (i.group === "pcnFunded") {
      out.push({ limit: "pcnFunded", message: `PCN-funded budget: ${money(slack)} of ${money(p.pcnFundedMaxPence!)} is left, less than any further post would cost the PCN (at least ${money(smallest)}).` });
    } else if (i.group === "supervision") {
      out.push({ limit: "supervision", message: `Supervisor capacity: all ${plural(Math.floor(p.traineeCapacity! + 1e-9), "roadmap trainee place")} are taken.` });
    }
  });
  return out;
}

/** In words, why no mix fits: each limit group whose removal alone makes the problem feasible. */
async function explainInfeasible(p: OptimiserProblem, solver: MilpSolver): Promise<Binding[]> {
  const present: LimitGroup[] = ["entitlement"];
  if (p.pcnFundedMaxPence !== undefined) present.push("pcnFunded");
  if (p.candidates.some((c) => c.min > 0)) present.push("minimum");
  if (p.traineeCapacity !== undefined) present.push("supervision");
  const minPosts = p.candidates.filter((c) => c.min > 0);
  const minList = minPosts.map((c) => `${c.id}: ${c.min}`).join(", ");
  const describe = (g: LimitGroup): Binding[] => {
    if (g === "entitlement") {
      const out: Binding[] = [];
      p.pots.forEach((pot, pi) => {
        const left = pot.entitlementPence - pot.existingClaimsPence;
        const floor = p.candidates.reduce((s, c) => s + c.min * Math.min(...c.options.map((o) => o.potClaimsPence[pi]!)), 0);
        if (left < 0) {
          out.push({ limit: "entitlement", pot: pot.id, message: `${pot.label}: the existing posts alone claim ${money(pot.existingClaimsPence)}, ${money(-left)} more than the entitlement of ${money(pot.entitlementPence)}.` });
        } else if (floor > left) {
          out.push({
            limit: "entitlement",
            pot: pot.id,
            message: `${pot.label}: the minimum numbers of posts asked for (${minList}) claim at least ${money(floor)}; with the existing posts' ${money(pot.existingClaimsPence)} that is ${money(floor - left)} more than the entitlement of ${money(pot.entitlementPence)}.`,
          });
        }
      });
      if (!out.length) out.push({ limit: "entitlement", message: `The entitlement (${money(p.pots.reduce((s, pot) => s + pot.entitlementPence - pot.existingClaimsPence, 0))} left after the existing posts) cannot fund the minimum numbers of posts asked for (${minList}) within the other limits.` });
      return out;
    }
    if (g === "pcnFunded") {
      const left = p.pcnFundedMaxPence! - p.existing.pcnFundedPence;
      const floor = p.candidates.reduce((s, c) => s + c.min * Math.min(...c.options.map((o) => o.pcnFundedPence)), 0);
      const message =
        left < 0
          ? `PCN-funded budget: the existing posts alone cost the PCN ${money(p.existing.pcnFundedPence)}, ${money(-left)} more than the budget of ${money(p.pcnFundedMaxPence!)}.`
          : floor > left
            ? `PCN-funded budget: the minimum numbers of posts asked for (${minList}) cost the PCN at least ${money(floor)}; with the existing posts' ${money(p.existing.pcnFundedPence)} that is ${money(floor - left)} more than the budget of ${money(p.pcnFundedMaxPence!)}.`
            : `PCN-funded budget: ${money(left)} is left after the existing posts, not enough for the minimum numbers of posts asked for (${minList}) within the other limits.`;
      return [{ limit: "pcnFunded", message }];
    }
    if (g === "supervision") {
      const cap = Math.floor(p.traineeCapacity! + 1e-9);
      const need = p.existing.roadmapTrainees + p.candidates.filter((c) => c.roadmap).reduce((s, c) => s + c.min, 0);
      return [{ limit: "supervision", message: `Supervisor capacity: room for ${plural(cap, "roadmap trainee")}, but the existing posts and the minimums asked for need ${need}.` }];
    }
    return [{ limit: "minimum", message: `The minimum numbers of posts asked for (${minList}) cannot all be met within the limits; without the minimums a mix exists.` }];
  };
  const binding: Binding[] = [];
  for (const g of present) {
    if ((await solveChecked(solver, buildMilp(p, g).milp)) !== null) binding.push(...describe(g));
  }
  if (binding.length) return binding;
  // No single limit is to blame: say which ones act together.
  return present.flatMap((g) => describe(g)).map((b) => ({ ...b, message: `${b.message} (No single limit explains it: these act together.)` }));
}

/**
 * The optimal mix (proved by the solver and checked exactly), up to `alternatives` next best
 * distinct mixes, and the limits that bind; or "infeasible" with the limits that make it so.
 */
export async function optimise(p: OptimiserProblem, solver: MilpSolver, opts: { alternatives?: number } = {}): Promise<OptimiseOutcome> {
  const built = buildMilp(p);
  const values = await solveChecked(solver, built.milp);
  if (values === null) return { status: "infeasible", binding: await explainInfeasible(p, solver) };
  const counts = countsOf(built, values);
  const best = mixOf(p, counts);
  const binding = tightLimits(p, built, values, counts);

  const alternatives: Mix[] = [];
  const nCols = built.milp.columns.length;
  const milp: Milp = { columns: [...built.milp.columns], rows: [...built.milp.rows] };
  let last = values;
  for (let k = 0; k < (opts.alternatives ?? 0) && nCols > 0; k++) {
    addNoGoodCut(milp, nCols, last, k);
    let next: number[] | null;
    try {
      next = await solveChecked(solver, milp);
    } catch (e) {
      // Out of time: the optimum stands; fewer alternatives are shown.
      if (e instanceof SolverTimeLimitError) break;
      throw e;
    }
    if (next === null) break;
    last = next.slice(0, nCols);
    alternatives.push(mixOf(p, countsOf(built, last)));
  }
  return { status: "optimal", best, counts, alternatives, binding };
}
