// The optimiser service behind POST /api/v1/optimise and the "Optimise the role mix" page:
// validate → resolve the PCN's weighted population (as the estimate does) → price every option
// with the engine → solve the MILP with HiGHS → the estimate of existing + chosen posts.
import { compileRules, rulesForYear, toScaledInteger } from "@/lib/engine";
import { optimise, type Binding, type Mix } from "@/lib/optimiser/model";
import { buildProblem, chosenPosts, OptimiserInputError } from "@/lib/optimiser/price";
import { SolverTimeLimitError, type MilpSolver } from "@/lib/optimiser/milp";
import type { ApiPost } from "@/lib/post-spec";
import { toFieldIssues } from "@/lib/schemas/common";
import { MAX_OPTIMISE_BODY_BYTES, OptimiseRequestSchema, type OptimiseRequest } from "@/lib/schemas/optimise";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput, notFound, serviceUnavailable, tooManyRequests } from "../errors";
import { runEstimate, type EstimateResponse } from "./estimate";
import { createPooledSolver, optimiserTimeLimitSeconds } from "./highs";
import { resolveWeightedPopulation } from "../pcn-data/pcns";
import { beginAttempt, LIMITS, tryAgainIn } from "../auth/rate-limit";
import { getSolverPool, SolverBusyError, type SolverLease } from "./solver-pool";
import { financialYearIssue } from "../today";

const pounds = (pence: number) => pence / 100;

export interface MixOut {
  objective: number;
  chosen: { candidate: string; wte: number; count: number }[];
  totals: { cost: number; claimable: number; pcnFunded: number; headroom: number };
}

export type OptimiseResponse =
  | {
      status: "optimal";
      objective: number;
      chosen: MixOut["chosen"];
      estimate: EstimateResponse;
      binding: Binding[];
      alternatives: MixOut[];
      /** The estimate posts of existing + chosen (ids of chosen posts: `<candidate>-<n>`). */
      posts: (ApiPost & { id: string })[];
    }
  | { status: "infeasible"; objective: null; chosen: []; estimate: null; binding: Binding[]; alternatives: [] };

function mixOut(m: Mix): MixOut {
  return {
    objective: m.objective,
    chosen: m.chosen,
    totals: { cost: pounds(m.totals.costPence), claimable: pounds(m.totals.claimablePence), pcnFunded: pounds(m.totals.pcnFundedPence), headroom: pounds(m.totals.headroomPence) },
  };
}

export function optimiseBodyTooLarge(): AppError {
  const message = `The request is too large: at most ${MAX_OPTIMISE_BODY_BYTES.toLocaleString("en-GB")} bytes.`;
  return new AppError("invalid_input", message, [{ path: "", message }]);
}

export function validateOptimiseRequest(input: unknown, now: Date = new Date()): OptimiseRequest {
  const parsed = OptimiseRequestSchema.safeParse(input);
  const year = financialYearIssue(input, "financialYear", "The financial year", now);
  if (!parsed.success || year) throw invalidInput([...(year ? [year] : []), ...(parsed.success ? [] : toFieldIssues(parsed.error))], "Some of the input is not valid; see issues.");
  return parsed.data;
}

/**
 * Counts one optimiser run against its caller's limit, or refuses it (429 with Retry-After):
 * without an account, per address (LIMITS.optimiseAddress); signed in, per account
 * (LIMITS.optimiseAccount, far higher; an office's editors share no address limit). Every run
 * counts, valid or not.
 */
export async function limitOptimiserRuns(db: Db, caller: { userId: number } | { address: string }, now: Date = new Date()): Promise<void> {
  const signedIn = "userId" in caller;
  const limit = signedIn ? LIMITS.optimiseAccount : LIMITS.optimiseAddress;
  const verdict = await beginAttempt(db, [{ limit, subject: signedIn ? `user:${caller.userId}` : caller.address }], now);
  if (!verdict.allowed) {
    const who = signedIn ? "from this account" : "from this address without signing in";
    const minutes = limit.windowMs / 60_000;
    throw tooManyRequests(`Too many optimiser runs ${who}: at most ${limit.max} in ${minutes} minutes. ${tryAgainIn(verdict.retryAfterSeconds)}`, verdict.retryAfterSeconds);
  }
}

/** A solver worker for one request, or 503 in words when every worker is busy and the queue is full. */
async function leaseSolver(): Promise<SolverLease> {
  try {
    return await getSolverPool(Math.ceil(optimiserTimeLimitSeconds())).acquire();
  } catch (e) {
    if (e instanceof SolverBusyError) {
      throw serviceUnavailable(
        `The optimiser is busy with other requests just now, and no more can wait. Nothing was changed. Try again in ${e.retryAfterSeconds} seconds.`,
        e.retryAfterSeconds,
      );
    }
    throw e;
  }
}

/**
 * Runs the optimiser on untrusted input. `getDb` is called only when the PCN is named by code.
 * Throws AppError (invalid_input / not_found; request_timeout; service_unavailable when the
 * solver pool is full) for expected failures. Without `solver`, the solves run on a worker of the
 * process's solver pool (lib/server/scenarios/solver-pool.ts), never on this thread.
 */
export async function runOptimise(input: unknown, getDb: () => Db, solver?: MilpSolver, now: Date = new Date()): Promise<OptimiseResponse> {
  const req = validateOptimiseRequest(input, now);
  let weightedPopulation: number;
  if ("code" in req.pcn) {
    const found = await resolveWeightedPopulation(getDb(), req.pcn.code, req.financialYear);
    if (!found) throw notFound(`No PCN with code ${req.pcn.code} is in the database. Find it on the PCNs page (/pcns), or enter its weighted population instead.`);
    weightedPopulation = roundPopulation(found.value);
  } else {
    weightedPopulation = req.pcn.weightedPopulation;
  }
  const { payAward, doctorsPayAward, rateGrowth, ...overrides } = req.assumptions ?? {};
  const projection = { ...(payAward !== undefined ? { payAward } : {}), ...(doctorsPayAward !== undefined ? { doctorsPayAward } : {}), ...(rateGrowth !== undefined ? { rateGrowth } : {}) };
  const compiled = compileRules(rulesForYear(req.financialYear, projection)!, overrides);
  let problem;
  try {
    problem = buildProblem(compiled, weightedPopulation, req.existingPosts, req.candidates, req.limits);
  } catch (e) {
    if (e instanceof OptimiserInputError) throw invalidInput([{ path: e.path, message: e.message }]);
    throw e;
  }
  let outcome;
  const lease = solver ? null : await leaseSolver();
  try {
    outcome = await optimise(problem, solver ?? createPooledSolver(lease!, optimiserTimeLimitSeconds()), { alternatives: req.alternatives });
  } catch (e) {
    if (e instanceof SolverTimeLimitError) {
      throw new AppError("request_timeout", `The optimiser could not prove the best mix within ${e.seconds} seconds. Give fewer candidates, fewer WTE options or smaller maximums.`);
    }
    throw e;
  } finally {
    lease?.release();
  }
  if (outcome.status === "infeasible") return { status: "infeasible", objective: null, chosen: [], estimate: null, binding: outcome.binding, alternatives: [] };

  const posts = [...req.existingPosts, ...chosenPosts(req.candidates, outcome.best.chosen, req.existingPosts.map((p) => p.id))];
  const estimate = await runEstimate({ financialYear: req.financialYear, pcn: req.pcn, ...(req.assumptions ? { assumptions: req.assumptions } : {}), posts }, getDb, now);
  // The model and the estimate price the same posts with the same engine: they agree to the penny.
  const best = mixOut(outcome.best);
  if (Math.round(estimate.totals.claimable * 100) !== outcome.best.totals.claimablePence || Math.round(estimate.totals.pcnFunded * 100) !== outcome.best.totals.pcnFundedPence) {
    throw new Error("The optimiser's figures and the estimate's disagree.");
  }
  return { status: "optimal", objective: best.objective, chosen: best.chosen, estimate, binding: outcome.binding, alternatives: outcome.alternatives.map(mixOut), posts };
}

/** As the estimate service: stored populations can carry float noise; the engine takes 6 decimals. */
function roundPopulation(v: number): number {
  return toScaledInteger(v, 6) === null ? Math.round(v * 1e6) / 1e6 : v;
}
