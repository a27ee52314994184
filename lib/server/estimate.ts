// The estimate service behind POST /api/v1/estimate, `npm run estimate` and the home page:
// validate → resolve the PCN's weighted population → price with the engine → pounds out.
// No "server-only" import: the CLI runs this in plain Node.
import {
  compileRules,
  EngineInputError,
  getRules,
  parseIsoDate,
  poundsToPence,
  pricePlan,
  toScaledInteger,
  type FigureUsed,
  type CostBreakdown,
  type MonthFigures,
  type PlanResult,
  type PostSpec,
} from "@/lib/engine";
import { toFieldIssues } from "@/lib/schemas/common";
import { EstimateRequestSchema, MAX_ESTIMATE_BODY_BYTES, type EstimateRequest } from "@/lib/schemas/estimate";
import type { Db } from "./create-prisma";
import { AppError, invalidInput, notFound } from "./errors";
import { resolveWeightedPopulation } from "./pcns";

/** The error for a request body over MAX_ESTIMATE_BODY_BYTES (API and CLI). */
export function bodyTooLarge(): AppError {
  const message = `The request is too large: at most ${MAX_ESTIMATE_BODY_BYTES.toLocaleString("en-GB")} bytes.`;
  return new AppError("invalid_input", message, [{ path: "", message }]);
}

/** Parses a request body, rejecting oversized or malformed JSON in the one error model. */
export function parseEstimateBody(text: string): unknown {
  if (Buffer.byteLength(text, "utf8") > MAX_ESTIMATE_BODY_BYTES) throw bodyTooLarge();
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

export function validateEstimateRequest(input: unknown): EstimateRequest {
  const parsed = EstimateRequestSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(toFieldIssues(parsed.error), "Some of the input is not valid; see issues.");
  return parsed.data;
}

const pounds = (pence: number) => pence / 100;

/** A month's or a year's breakdown in pounds, in the contract's field names. */
function breakdownOut(b: CostBreakdown) {
  return {
    salary: pounds(b.salaryPence),
    employerNi: pounds(b.employerNiPence),
    employerPension: pounds(b.employerPensionPence),
    cost: pounds(b.costPence),
    cap: pounds(b.capPence),
    claimable: pounds(b.claimablePence),
    pcnFunded: pounds(b.pcnFundedPence),
  };
}

function monthOut(m: MonthFigures) {
  return { month: m.month, daysInPost: m.daysInPost, ...breakdownOut(m) };
}

function figureOut(f: FigureUsed) {
  return { id: f.id, label: f.label, value: f.value, status: f.status, source: f.source, ...(f.note ? { note: f.note } : {}) };
}

export interface WeightedPopulationUsed {
  value: number;
  provenance: "given" | "icb-confirmed" | "imported" | "estimate";
  basis?: string;
}

export function toResponse(req: EstimateRequest, plan: PlanResult, wp: WeightedPopulationUsed, pcn?: { code: string; name: string }) {
  const pcnCode = pcn?.code;
  const estimates = plan.figures.filter((f) => f.status === "estimate").map(figureOut);
  if (wp.provenance === "estimate") {
    estimates.unshift({
      id: `${req.financialYear} weighted population${pcnCode ? ` of ${pcnCode}` : ""}`,
      label: "PCN contractor weighted population (estimated: no ICB-confirmed or imported figure)",
      value: wp.value,
      status: "estimate",
      source: wp.basis ?? "Estimated from the registered list",
    });
  }
  return {
    financialYear: plan.financialYear,
    entitlement: pounds(plan.entitlementPence),
    ...(pcn ? { pcn } : {}),
    weightedPopulation: wp,
    posts: plan.posts.map((p) => ({
      id: p.id,
      role: p.role,
      roleName: p.roleName,
      area: p.area,
      wte: p.wteTenThousandths / 10000,
      annualSalary: pounds(p.annualSalaryPence),
      hcas: pounds(p.hcasPence),
      ...breakdownOut(p),
      months: p.months.map(monthOut),
      warnings: p.warnings,
    })),
    months: plan.months.map((m) => ({
      month: m.month,
      cost: pounds(m.costPence),
      claimable: pounds(m.claimablePence),
      pcnFunded: pounds(m.pcnFundedPence),
      cumulativeClaimable: pounds(m.cumulativeClaimablePence),
      headroom: pounds(m.headroomPence),
    })),
    totals: {
      cost: pounds(plan.totals.costPence),
      claimable: pounds(plan.totals.claimablePence),
      pcnFunded: pounds(plan.totals.pcnFundedPence),
      headroom: pounds(plan.totals.headroomPence),
    },
    pots: plan.pots.map((p) => ({
      id: p.id,
      label: p.label,
      entitlement: pounds(p.entitlementPence),
      claimable: pounds(p.claimablePence),
      headroom: pounds(p.headroomPence),
    })),
    isEstimate: estimates.length > 0,
    estimates,
    overrides: plan.figures.filter((f) => f.status === "override").map(figureOut),
    figures: plan.figures.map(figureOut),
    warnings: plan.warnings,
  };
}

export type EstimateResponse = ReturnType<typeof toResponse>;

function toPostSpecs(req: EstimateRequest): PostSpec[] {
  return req.posts.map((p) => ({
    id: p.id,
    role: p.role as PostSpec["role"],
    ...(p.annualSalary !== undefined ? { annualSalaryPence: poundsToPence(p.annualSalary) } : {}),
    ...(p.band !== undefined ? { band: p.band as PostSpec["band"] & string } : {}),
    ...(p.point !== undefined ? { point: p.point } : {}),
    wteTenThousandths: toScaledInteger(p.wte, 4)!,
    area: p.area,
    ...(p.start ? { startDay: parseIsoDate(p.start)! } : {}),
    ...(p.end ? { endDay: parseIsoDate(p.end)! } : {}),
    ...(p.mhpFunding ? { mhpFunding: p.mhpFunding } : {}),
  }));
}

/**
 * Runs an estimate from untrusted input. `getDb` is called only when the request names a PCN by
 * code. Throws AppError (invalid_input / not_found) for expected failures.
 */
export async function runEstimate(input: unknown, getDb: () => Db): Promise<EstimateResponse> {
  const req = validateEstimateRequest(input);
  const rules = getRules(req.financialYear)!;
  let wp: WeightedPopulationUsed;
  let pcn: { code: string; name: string } | undefined;
  if ("code" in req.pcn) {
    const found = await resolveWeightedPopulation(getDb(), req.pcn.code, req.financialYear);
    if (!found) throw notFound(`No PCN with code ${req.pcn.code} is in the database. Search for it at /pcns, or give a weightedPopulation instead.`);
    pcn = { code: req.pcn.code, name: found.pcnName };
    wp = { value: found.value, provenance: found.provenance, ...(found.basis ? { basis: found.basis } : {}) };
  } else {
    wp = { value: req.pcn.weightedPopulation, provenance: "given" };
  }
  const compiled = compileRules(rules, req.assumptions ?? {});
  try {
    const plan = pricePlan(compiled, { weightedPopulation: roundPopulation(wp.value), posts: toPostSpecs(req) });
    return toResponse(req, plan, wp, pcn);
  } catch (e) {
    if (e instanceof EngineInputError) throw invalidInput([{ path: `posts.${e.path}`, message: e.message }]);
    throw e;
  }
}

/** Stored/estimated populations can carry float noise; the engine takes at most 6 decimals. */
function roundPopulation(v: number): number {
  return toScaledInteger(v, 6) === null ? Math.round(v * 1e6) / 1e6 : v;
}
