// The MILP solver behind the optimiser: HiGHS compiled to WebAssembly (the `highs` package), run
// on the server (the browser's CSP has no 'wasm-unsafe-eval'). The .wasm is read from
// node_modules and handed to the loader, so it loads the same under Next (where `highs` is a
// server external package), tsx (bench, CLI) and vitest. No "server-only": the bench uses it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import highsLoader, { type Highs } from "highs";
import { toLpText, type Milp, type MilpResult, type MilpSolver } from "@/lib/optimiser/milp";

let loading: Promise<Highs> | null = null;

function loadHighs(): Promise<Highs> {
  if (!loading) {
    const wasmPath = createRequire(import.meta.url).resolve("highs/runtime");
    loading = highsLoader({ wasmBinary: readFileSync(wasmPath) }).catch((e) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

/**
 * Options for a proof of optimality: the objective has integer coefficients, so an absolute gap
 * under 1 closes it; no relative gap; integrality held tightly (money rows are in pence).
 */
const OPTIONS = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 0.5,
  mip_feasibility_tolerance: 1e-9,
  time_limit: 20,
} as const;

class HighsSolver implements MilpSolver {
  constructor(private highs: Highs) {}
  solve(model: Milp): MilpResult {
    const result = this.highs.solve(toLpText(model), OPTIONS);
    if (result.Status === "Infeasible") return { status: "infeasible" };
    if (result.Status !== "Optimal") throw new Error(`The solver stopped without proving an optimum (${result.Status}).`);
    const columns = result.Columns as Record<string, { Primal: number }>;
    // HiGHS leaves out of Columns any column that appears in no row and not in the objective.
    return { status: "optimal", values: model.columns.map((c) => columns[c.name]?.Primal ?? c.lower) };
  }
}

/** A HiGHS solver (the WebAssembly module is loaded once per process). */
export async function createHighsSolver(): Promise<MilpSolver> {
  return new HighsSolver(await loadHighs());
}
