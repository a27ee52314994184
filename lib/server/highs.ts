// The MILP solver behind the optimiser: HiGHS compiled to WebAssembly (the `highs` package), run
// on the server (the browser's CSP has no 'wasm-unsafe-eval'). `highs` is a server external
// package (next.config.ts): Node loads it from node_modules and its loader finds highs.wasm beside
// itself, under Next, tsx (bench) and vitest alike. (Naming the .wasm here would make the bundler
// try to bundle it.) No "server-only": the bench uses it.
import highsLoader, { type Highs } from "highs";
import { SolverTimeLimitError, toLpText, violatedRows, type Milp, type MilpResult, type MilpSolver } from "@/lib/optimiser/milp";

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

class HighsSolver implements MilpSolver {
  private readonly deadline: number;
  constructor(
    private highs: Highs,
    private seconds: number,
  ) {
    this.deadline = performance.now() + seconds * 1000;
  }
  solve(model: Milp): MilpResult {
    const lp = toLpText(model);
    let res = this.run(model, lp, OPTIONS);
    if (res.status === "optimal" && violatedRows(model, res.values.map(Math.round)).length) res = this.run(model, lp, TIGHT);
    return res;
  }
  private run(model: Milp, lp: string, options: typeof OPTIONS | typeof TIGHT): MilpResult {
    const left = (this.deadline - performance.now()) / 1000;
    if (left <= 0) throw new SolverTimeLimitError(this.seconds);
    const result = this.highs.solve(lp, { ...options, time_limit: left });
    if (result.Status === "Infeasible") return { status: "infeasible" };
    if (result.Status === "Time limit reached") throw new SolverTimeLimitError(this.seconds);
    if (result.Status !== "Optimal") throw new Error(`The solver stopped without proving an optimum (${result.Status}).`);
    const columns = result.Columns as Record<string, { Primal: number }>;
    // A column in no row and not in the objective may be left out of Columns: it sits at its lower bound.
    return { status: "optimal", values: model.columns.map((c) => columns[c.name]?.Primal ?? c.lower) };
  }
}

/**
 * A HiGHS solver for one request: its solves together may take at most `seconds` (a public API
 * must not let one request hold the server). The WebAssembly module is loaded once per process.
 */
export async function createHighsSolver(seconds = TIME_LIMIT_SECONDS): Promise<MilpSolver> {
  return new HighsSolver(await loadHighs(), seconds);
}
