// The estimate service behind POST /api/v1/estimate, `npm run estimate` and the home page:
// validate → resolve the PCN's weighted population → price with the engine → pounds out.
// No "server-only" import: the CLI runs this in plain Node.
import {
  calculateEntitlement,
  compileRules,
  EngineInputError,
  pricePlan,
  rulesForYear,
  tableApplies,
  toScaledInteger,
  type Assumptions,
  type FinancialYearRules,
  type PostSpec,
} from "@/lib/engine";
import { toPostSpec } from "@/lib/post-spec";
import { toFieldIssues } from "@/lib/schemas/common";
import { EstimateRequestSchema, MAX_ESTIMATE_BODY_BYTES, type EstimateRequest } from "@/lib/schemas/estimate";
import { toResponse, type WeightedPopulationUsed, type EstimateResponse } from "@/lib/estimate-response";
import type { Db } from "../db/create-prisma";
import { AppError, invalidInput, notFound } from "../errors";
import { financialYearIssue } from "../today";
import { resolveWeightedPopulation } from "../pcn-data/weighted-population";

export { toResponse, type EstimateResponse, type WeightedPopulationUsed };

/** The error for a request body over MAX_ESTIMATE_BODY_BYTES (API and CLI). */
export function bodyTooLarge(): AppError {
  const message = `The request is too large: at most ${MAX_ESTIMATE_BODY_BYTES.toLocaleString("en-GB")} bytes.`;
  return new AppError("invalid_input", message, [{ path: "", message }]);
}

/** Deepest nesting of objects and arrays accepted in a request (a real one needs 4). */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `text` nests objects/arrays deeper than `max`: one pass over the brackets outside
 * strings, so a body nested 100,000 deep is caught before anything recurses into it.
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Parses a request body, rejecting oversized, too deeply nested or malformed JSON in the one error
 * model. A leading UTF-8 byte-order mark (as some Windows editors write) is ignored.
 */
export function parseEstimateBody(raw: string): unknown {
  if (Buffer.byteLength(raw, "utf8") > MAX_ESTIMATE_BODY_BYTES) throw bodyTooLarge();
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    const message = `The request is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`;
    throw invalidInput([{ path: "", message }], message);
  }
  try {
    return JSON.parse(text, (key, value) => {
      // A "__proto__" field would be dropped silently by validation; refuse it instead.
      if (key === "__proto__") throw new SyntaxError('a field may not be named "__proto__"');
      return value;
    });
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : "unreadable";
    throw invalidInput([{ path: "", message: `The request is not valid JSON (${detail}).` }], "The request is not valid JSON.");
  }
}

/** Validates a request; `now` (the server's clock) sets the latest financial year accepted. */
export function validateEstimateRequest(input: unknown, now: Date = new Date()): EstimateRequest {
  const parsed = EstimateRequestSchema.safeParse(input);
  const year = financialYearIssue(input, "financialYear", "The financial year", now);
  if (!parsed.success || year) throw invalidInput([...(year ? [year] : []), ...(parsed.success ? [] : toFieldIssues(parsed.error))], "Some of the input is not valid; see issues.");
  return parsed.data;
}

function toPostSpecs(req: EstimateRequest): PostSpec[] {
  return req.posts.map((p) => toPostSpec(p, p.id));
}

/**
 * Runs an estimate from untrusted input. `getDb` is called only when the request names a PCN by
 * code. Throws AppError (invalid_input / not_found) for expected failures.
 */
export async function runEstimate(input: unknown, getDb: () => Db, now: Date = new Date()): Promise<EstimateResponse> {
  const req = validateEstimateRequest(input, now);
  const { payAward, doctorsPayAward, rateGrowth, ...overrides } = req.assumptions ?? {};
  const projection = { ...(payAward !== undefined ? { payAward } : {}), ...(doctorsPayAward !== undefined ? { doctorsPayAward } : {}), ...(rateGrowth !== undefined ? { rateGrowth } : {}) };
  const rules = rulesForYear(req.financialYear, { ...projection, ...(overrides.expectedUplift !== undefined ? { expectedUplift: overrides.expectedUplift } : {}) })!;
  let wp: WeightedPopulationUsed;
  let pcn: { code: string; name: string } | undefined;
  if ("code" in req.pcn) {
    const found = await resolveWeightedPopulation(getDb(), req.pcn.code, req.financialYear);
    if (!found) throw notFound(`No PCN with code ${req.pcn.code} is in the database. Find it on the PCNs page (/pcns), or enter its weighted population instead.`);
    pcn = { code: req.pcn.code, name: found.pcnName };
    wp = {
      value: found.value,
      provenance: found.provenance,
      ...(found.basis ? { basis: found.basis } : {}),
      ...(found.interval ? { interval: found.interval, intervalBasis: found.intervalBasis } : {}),
    };
  } else {
    wp = { value: req.pcn.weightedPopulation, provenance: "given" };
  }
  const compiled = compileRules(rules, overrides);
  try {
    const plan = pricePlan(compiled, { weightedPopulation: roundPopulation(wp.value), posts: toPostSpecs(req) });
    // An estimated population's 80% interval carries through to the entitlement it gives.
    const entitlementAt = (v: number) => calculateEntitlement({ weightedPopulation: roundPopulation(v), pots: compiled.pots }).totalPence / 100;
    const entitlementInterval = wp.interval ? { low: entitlementAt(wp.interval.low), high: entitlementAt(wp.interval.high), level: 0.8 as const } : undefined;
    const committedPence = req.alreadyCommitted === undefined ? undefined : toScaledInteger(req.alreadyCommitted, 2)!;
    const res = withUpliftNote(toResponse(req, plan, wp, pcn, entitlementInterval, committedPence), rules, overrides, roundPopulation(wp.value), toPostSpecs(req), plan.totals.claimablePence);
    return projectionUnused(res, rules.capTables.every((t) => t.status !== "projection"), projection);
  } catch (e) {
    if (e instanceof EngineInputError) throw invalidInput([{ path: `posts.${e.path}`, message: e.message }]);
    throw e;
  }
}

/** Stored/estimated populations can carry float noise; the engine takes at most 6 decimals. */
function roundPopulation(v: number): number {
  return toScaledInteger(v, 6) === null ? Math.round(v * 1e6) / 1e6 : v;
}

/**
 * A year whose expected backdated uplift is off (2026/27 by default): say what switching it on
 * would add to the claimable amount, priced with the same engine.
 */
function withUpliftNote(
  res: EstimateResponse,
  rules: FinancialYearRules,
  overrides: Assumptions,
  weightedPopulation: number,
  posts: PostSpec[],
  claimablePence: number,
): EstimateResponse {
  const uplift = rules.capTables.find((t) => t.backdatedUplift && !tableApplies(t, overrides));
  if (!uplift || posts.length === 0) return res;
  const on = pricePlan(compileRules(rules, { ...overrides, expectedUplift: true }), { weightedPopulation, posts });
  const more = on.totals.claimablePence - claimablePence;
  const note = `The expected backdated uplift (${uplift.title}) is off. Switching it on (assumption expectedUplift: true) would add £${(more / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} to what you can claim in ${rules.financialYear}${more === 0 ? " — nothing, because every post is already within the lower maxima or costs less" : ""}.`;
  return { ...res, warnings: [...res.warnings, note] };
}

const PROJECTION_LABELS = { payAward: "pay award", doctorsPayAward: "doctors' pay award", rateGrowth: "growth of the ARRS rate" } as const;

/** A projection input given for a year that has its own rule table changed nothing: say so. */
function projectionUnused(res: EstimateResponse, hasTable: boolean, given: Partial<Record<keyof typeof PROJECTION_LABELS, number>>): EstimateResponse {
  if (!hasTable) return res;
  const unused = (Object.keys(given) as (keyof typeof PROJECTION_LABELS)[]).map(
    (k) => `The ${PROJECTION_LABELS[k]} you gave was not used: ${res.financialYear} has its own rule table, so nothing is projected.`,
  );
  return unused.length ? { ...res, warnings: [...res.warnings, ...unused] } : res;
}
