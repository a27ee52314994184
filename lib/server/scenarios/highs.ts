// The MILP solver behind the optimiser: HiGHS compiled to WebAssembly (the `highs` package), run
// on the server (the browser's CSP has no 'wasm-unsafe-eval'). `highs` is a server external
// package (next.config.ts): Node loads it from node_modules and its loader finds highs.wasm beside
// itself, under Next, tsx (bench) and vitest alike. (Naming the .wasm here would make the bundler
// try to bundle it.) No "server-only": the bench uses it.
import highsLoader, { type Highs } from "highs";
import { SolverTimeLimitError, toLpText, violatedRows, type Milp, type MilpResult, type MilpSolver } from "@/lib/optimiser/milp";
import { SolverWatchdogError, type LpSolution, type SolverLease } from "./solver-pool";

let loading: Promise<Highs> | null = null;

function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader()
      .then((highs) => {
        // A tiny solve straight away: the module's first calls compile lazily.
        highs.solve("Maximize\n obj: x + y\nSubject To\n c: 2 x + 3 y <= 7\nBounds\n 0 <= x <= 3\n 0 <= y <= 3\nGeneral\n x y\nEnd", { output_flag: false });
        return highs;
      })
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

/**
 * Options for a proof of optimality: the objective has integer coefficients, so an absolute gap
 * under 1 closes it, and no relative gap is allowed (HiGHS's default stops within 0.01%).
 */
const OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 } as const;
/** If a solution, rounded to whole posts, breaks a limit by a penny: solve again with integrality held tighter. */
const TIGHT = { ...OPTIONS, mip_feasibility_tolerance: 1e-10 } as const;

/** Seconds one request may spend solving, over all its solves (optimum, alternatives, explanations). */
export const TIME_LIMIT_SECONDS = 15;

/** The time limit per request: ARRS_OPTIMISER_TIME_LIMIT_S (seconds, e.g. for tests) or 15. */
export function optimiserTimeLimitSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.ARRS_OPTIMISER_TIME_LIMIT_S);
  return Number.isFinite(v) && v > 0 ? v : TIME_LIMIT_SECONDS;
}

/** One LP solve: HiGHS in this thread, or in a pool worker. */
type SolveLp = (lp: string, options: Record<string, unknown>, watchdogMs: number) => Promise<LpSolution>;

/** How long past its own time limit a solve may run before its worker is stopped. */
const WATCHDOG_GRACE_MS = 2000;

class HighsSolver implements MilpSolver {
  private readonly deadline: number;
  constructor(
    private solveLp: SolveLp,
    private seconds: number,
  ) {
    this.deadline = performance.now() + seconds * 1000;
  }
  async solve(model: Milp): Promise<MilpResult> {
    const lp = toLpText(model);
    let res = await this.run(model, lp, OPTIONS);
    if (res.status === "optimal" && violatedRows(model, res.values.map(Math.round)).length) res = await this.run(model, lp, TIGHT);
    return res;
  }
  private async run(model: Milp, lp: string, options: typeof OPTIONS | typeof TIGHT): Promise<MilpResult> {
    const left = (this.deadline - performance.now()) / 1000;
    if (left <= 0) throw new SolverTimeLimitError(this.seconds);
    let result: LpSolution;
    try {
      result = await this.solveLp(lp, { ...options, time_limit: left }, left * 1000 + WATCHDOG_GRACE_MS);
    } catch (e) {
      if (e instanceof SolverWatchdogError) throw new SolverTimeLimitError(this.seconds);
      throw e;
    }
    if (result.status === "Infeasible") return { status: "infeasible" };
    if (result.status === "Time limit reached") throw new SolverTimeLimitError(this.seconds);
    if (result.status !== "Optimal") throw new Error(`The solver stopped without proving an optimum (${result.status}).`);
    // A column in no row and not in the objective may be left out of Columns: it sits at its lower bound.
    return { status: "optimal", values: model.columns.map((c) => result.values[c.name] ?? c.lower) };
  }
}

/**
 * A HiGHS solver in this thread, for one caller: its solves together may take at most `seconds`.
 * The WebAssembly module is loaded once per process. For tests and the bench; the server uses
 * `createPooledSolver`, which keeps solves off the thread that answers requests.
 */
export async function createHighsSolver(seconds = TIME_LIMIT_SECONDS): Promise<MilpSolver> {
  const highs = await loadHighs();
  return new HighsSolver(async (lp, options) => {
    const r = highs.solve(lp, options as Parameters<Highs["solve"]>[1]);
    const values: Record<string, number> = {};
    for (const [name, col] of Object.entries(r.Columns as Record<string, { Primal: number }>)) values[name] = col.Primal;
    return { status: r.Status, values };
  }, seconds);
}

/**
 * A HiGHS solver on a pool worker (lib/server/scenarios/solver-pool.ts), for one request: its solves
 * together may take at most `seconds`, counted from when it has a worker; a solve past that (and
 * a grace) has its worker stopped and replaced. Release the lease when the request is done.
 */
export function createPooledSolver(lease: SolverLease, seconds = TIME_LIMIT_SECONDS): MilpSolver {
  return new HighsSolver((lp, options, watchdogMs) => lease.solve(lp, options, watchdogMs), seconds);
}
