// A small mixed-integer linear programme (MILP) and the interface a solver implements. Pure: the
// model is plain data, written out as CPLEX LP text for HiGHS (lib/server/scenarios/highs.ts); tests can
// plug in any other solver. Rows and objective use integer coefficients wherever money is involved.

export interface MilpColumn {
  name: string;
  /** Objective coefficient (the programme is maximised). */
  objective: number;
  lower: number;
  upper: number;
  integer: boolean;
}

export interface MilpRow {
  name: string;
  /** Column index → coefficient (zeros left out). */
  coefficients: ReadonlyMap<number, number>;
  lower: number;
  upper: number;
}

export interface Milp {
  columns: MilpColumn[];
  rows: MilpRow[];
}

export type MilpResult = { status: "optimal"; values: number[] } | { status: "infeasible" };

/** A solver that stopped at its time limit before proving an answer. */
export class SolverTimeLimitError extends Error {
  constructor(readonly seconds: number) {
    super(`The solver found no proven answer within ${seconds} seconds.`);
    this.name = "SolverTimeLimitError";
  }
}

/**
 * What the optimiser needs from a solver: prove optimality or infeasibility of a maximisation.
 * May answer at once (in-process HiGHS, tests) or later (HiGHS in a worker thread, the server).
 */
export interface MilpSolver {
  solve(model: Milp): MilpResult | Promise<MilpResult>;
}

/** A number in LP text: plain decimal notation (no exponent), at most 12 decimals. */
export function lpNumber(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  if (Number.isInteger(v)) return BigInt(v).toString();
  const s = v.toFixed(12).replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

function term(coef: number, name: string, first: boolean): string {
  const sign = coef < 0 ? "-" : first ? "" : "+";
  return `${sign}${sign && !first ? " " : ""}${lpNumber(Math.abs(coef))} ${name}`;
}

/**
 * The model as CPLEX LP text. Rows without coefficients are left out (check them with
 * `constantRowsFeasible`); a row with two different finite bounds is written as two rows (HiGHS's LP reader takes
 * no "a <= expr <= b" rows).
 */
export function toLpText(m: Milp): string {
  const lines: string[] = ["Maximize"];
  const obj = m.columns.map((c, j) => ({ c, j })).filter(({ c }) => c.objective !== 0);
  // A zero objective still needs one term.
  lines.push(` obj: ${obj.length ? obj.map(({ c }, i) => term(c.objective, c.name, i === 0)).join(" ") : `0 ${m.columns[0]?.name ?? "x"}`}`);
  lines.push("Subject To");
  for (const r of m.rows) {
    if (r.coefficients.size === 0) continue;
    const lhs = [...r.coefficients].map(([j, a], i) => term(a, m.columns[j]!.name, i === 0)).join(" ");
    if (Number.isFinite(r.lower) && Number.isFinite(r.upper)) {
      if (r.lower === r.upper) lines.push(` ${r.name}: ${lhs} = ${lpNumber(r.upper)}`);
      else lines.push(` ${r.name}_lo: ${lhs} >= ${lpNumber(r.lower)}`, ` ${r.name}_hi: ${lhs} <= ${lpNumber(r.upper)}`);
    } else if (Number.isFinite(r.upper)) lines.push(` ${r.name}: ${lhs} <= ${lpNumber(r.upper)}`);
    else if (Number.isFinite(r.lower)) lines.push(` ${r.name}: ${lhs} >= ${lpNumber(r.lower)}`);
  }
  lines.push("Bounds");
  for (const c of m.columns) lines.push(` ${lpNumber(c.lower)} <= ${c.name} <= ${Number.isFinite(c.upper) ? lpNumber(c.upper) : "+inf"}`);
  const ints = m.columns.filter((c) => c.integer).map((c) => c.name);
  if (ints.length) lines.push("General", ` ${ints.join(" ")}`);
  lines.push("End");
  return lines.join("\n");
}

/** False when a row with no coefficients cannot hold (0 outside its bounds): the model is infeasible. */
export function constantRowsFeasible(m: Milp): boolean {
  return m.rows.every((r) => r.coefficients.size > 0 || (r.lower <= 0 && 0 <= r.upper));
}

/** Rows an integer point breaks, exactly (the point's values are whole numbers; coefficients integers). */
export function violatedRows(m: Milp, values: readonly number[]): MilpRow[] {
  return m.rows.filter((r) => {
    let activity = 0;
    for (const [j, a] of r.coefficients) activity += a * values[j]!;
    return activity < r.lower || activity > r.upper;
  });
}
