// The estimate response (pounds, the API contract's field names), built from an engine plan.
// Pure: the server (API, CLI, home page) and the browser (the planner) build it the same way.
import { isUnpublished, type CostBreakdown, type FigureUsed, type MonthFigures, type PlanResult, type PostResult } from "@/lib/engine";

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

/** What the post's size was given as, beside the WTE used: sessions (÷ 9) or hours a week (÷ 37.5). */
function sizeGiven(p: PostResult) {
  const x = p.wteExact;
  if (!x) return {};
  const given = x.numerator / 100;
  const wte = (p.wteTenThousandths / 10000).toFixed(4);
  if (x.denominator === 900) return { sessions: given, wteBasis: `${given} sessions a week ÷ 9 = ${wte} WTE (priced exactly as ${given}/9)` };
  if (x.denominator === 3750) return { hoursPerWeek: given, wteBasis: `${given} hours a week ÷ 37.5 = ${wte} WTE (priced exactly as ${given}/37.5)` };
  return {};
}

function postOutUncached(p: PostResult) {
  return {
    id: p.id,
    role: p.role,
    roleName: p.roleName,
    area: p.area,
    /** The WTE used, to 4 decimals (sessions ÷ 9, hours ÷ 37.5; priced on the exact fraction). */
    wte: p.wteTenThousandths / 10000,
    ...sizeGiven(p),
    ...(p.agreedMaxPence !== undefined ? { maxReimbursableAnnual: pounds(p.agreedMaxPence) } : {}),
    annualSalary: pounds(p.annualSalaryPence),
    hcas: pounds(p.hcasPence),
    ...breakdownOut(p),
    months: p.months.map(monthOut),
    warnings: p.warnings,
  };
}

// A priced post is immutable, and the planner re-uses unchanged ones between edits: convert each once.
const postsOut = new WeakMap<PostResult, ReturnType<typeof postOutUncached>>();
function postOut(p: PostResult) {
  let out = postsOut.get(p);
  if (!out) postsOut.set(p, (out = postOutUncached(p)));
  return out;
}

export interface WeightedPopulationUsed {
  value: number;
  provenance: "given" | "icb-confirmed" | "imported" | "estimate";
  basis?: string;
  /** Estimates only: the 80% interval of the weighted population and how it was found. */
  interval?: { low: number; high: number; level: 0.8 };
  intervalBasis?: string;
}

/** The entitlement at the ends of the weighted population's 80% interval (estimates only), in £. */
export interface EntitlementInterval {
  low: number;
  high: number;
  level: 0.8;
}

export function toResponse(
  req: { financialYear: string },
  plan: PlanResult,
  wp: WeightedPopulationUsed,
  pcn?: { code: string; name: string },
  entitlementInterval?: EntitlementInterval,
  /** What the PCN has already committed of this year's entitlement outside these posts (the quick estimate's "already committed this year"). */
  alreadyCommittedPence?: number,
) {
  const pcnCode = pcn?.code;
  // Already committed: taken off the headroom (the whole year's and each month's), shown as its own line.
  const committed = alreadyCommittedPence ?? 0;
  const committedTotals: { alreadyCommitted?: number; headroomBeforeCommitted?: number } =
    alreadyCommittedPence === undefined ? {} : { alreadyCommitted: pounds(committed), headroomBeforeCommitted: pounds(plan.totals.headroomPence) };
  // Figures nobody has published — derived, estimated, assumed or projected — are all listed here
  // (each with its own status); published and third-party figures are not, nor the user's own.
  const estimates = plan.figures.filter((f) => isUnpublished(f.status)).map(figureOut);
  if (wp.provenance === "estimate") {
    estimates.unshift({
      id: `${req.financialYear} weighted population${pcnCode ? ` of ${pcnCode}` : ""}`,
      label: "PCN contractor weighted population (estimated: no ICB-confirmed or imported figure)",
      value: wp.value,
      status: "estimate",
      source: `${wp.basis ?? "Estimated from the registered list"}${wp.intervalBasis ? `; ${wp.intervalBasis}` : ""}`,
    });
  }
  return {
    financialYear: plan.financialYear,
    entitlement: pounds(plan.entitlementPence),
    ...(entitlementInterval ? { entitlementInterval } : {}),
    ...(pcn ? { pcn } : {}),
    ...(alreadyCommittedPence === undefined ? {} : { alreadyCommitted: pounds(committed) }),
    weightedPopulation: wp,
    posts: plan.posts.map(postOut),
    months: plan.months.map((m) => ({
      month: m.month,
      cost: pounds(m.costPence),
      claimable: pounds(m.claimablePence),
      pcnFunded: pounds(m.pcnFundedPence),
      cumulativeClaimable: pounds(m.cumulativeClaimablePence),
      headroom: pounds(m.headroomPence - committed),
    })),
    totals: {
      cost: pounds(plan.totals.costPence),
      claimable: pounds(plan.totals.claimablePence),
      pcnFunded: pounds(plan.totals.pcnFundedPence),
      headroom: pounds(plan.totals.headroomPence - committed),
      ...committedTotals,
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
    overrides: plan.overrides.map(figureOut),
    figures: plan.figures.map(figureOut),
    warnings: plan.warnings,
  };
}

export type EstimateResponse = ReturnType<typeof toResponse>;

