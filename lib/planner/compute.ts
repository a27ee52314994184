// Computes a scenario's results: the same code runs on the server (API GET) and in the browser
// (the planner recomputes on every edit). Pure: no database, no clock.
//
// For each year of the horizon:
// - rules: the year's rule table where one exists, else projected from the year before
//   (lib/engine/project.ts) with that year's pay award and the rate growth;
// - assumptions: the estimate-API overrides apply to the first year exactly as in the estimate API
//   (so the first year equals POST /api/v1/estimate to the penny); the on-cost ones (NI rate,
//   NI threshold, pension rate) also carry into every later year; `byYear` overrides later years;
// - weighted population: the first year's, grown by `populationGrowth` a year (micro-patients,
//   rounded half up each year);
// - posts: band + point posts use the year's pay points (the award is in the tables); spot
//   salaries rise by each later year's pay award (to the penny, year on year); a pay step moves a
//   post to the next point from its date.
import {
  cashFlow,
  calculateEntitlement,
  compileRules,
  EngineInputError,
  getRules,
  largestRemainder,
  parseIsoDate,
  poundsToPence,
  pricePlan,
  pricePost,
  projectRules,
  rulesForYear,
  ROLES,
  scalePopulation,
  supervisionFor,
  toScaledInteger,
  divRoundHalfUp,
  type Assumptions,
  type CompiledRules,
  type FinancialYearRules,
  type PlanResult,
  type PostResult,
  type PostSpec,
  type RoleId,
  type SupervisionSettings,
} from "@/lib/engine";
import { toResponse } from "@/lib/estimate-response";
import { toPostSpec } from "@/lib/post-spec";
import { scenarioYears, type ScenarioBody, type ScenarioPost } from "@/lib/schemas/scenario";
import type { CashFlowMonth, FigureOut, PlannerContext, ScenarioResults, ScenarioSummary, ShareRow, SupervisionYear, YearResult } from "./types";

/** Defaults of the projection and cash-flow assumptions (issue 6; each can be changed per scenario). */
export const PLANNER_DEFAULTS = {
  payAward: 0.03,
  rateGrowth: 0.025,
  populationGrowth: 0,
  claimLagMonths: 2,
  shareBasis: "weighted" as "weighted" | "registered",
};

/** Supervision figures (domain.md §7) with their sources, shown beside each editable value. */
export const SUPERVISION_DEFAULTS: Record<keyof Omit<SupervisionSettings, "supervisorHourlyCostPence"> | "supervisorHourlyCost", { value: number; label: string; source: string }> = {
  wbaPerMonth: { value: 2, label: "Workplace-based assessments a month (roadmap training)", source: "FCP roadmap supervision: 2 workplace-based assessments a month" },
  wbaMinutes: { value: 60, label: "Minutes per assessment", source: "FCP roadmap supervision: 45–60 minutes each (upper figure)" },
  debriefMinutesPerDay: { value: 30, label: "Daily debrief minutes (roadmap training, per 1.0 WTE)", source: "FCP roadmap supervision: a daily debrief of 20–30 minutes (upper figure)" },
  workingDaysPerMonth: { value: 21, label: "Working days a month (1.0 WTE)", source: "Assumption: about 253 working days a year ÷ 12" },
  clinicalSupervisionMinutesPerMonth: { value: 60, label: "Clinical supervision minutes a month (after sign-off, and other roles)", source: "Network Contract DES: clinical supervision sessions of at least one hour; at least monthly" },
  traineesPerSupervisorWte: { value: 4, label: "Roadmap trainees per 1.0 WTE supervisor", source: "FCP roadmap: at most 4 trainees per 1.0 WTE supervisor" },
  supervisorHourlyCost: { value: 54.16, label: "Supervisor's hourly cost (£)", source: "Estimate: the 2025/26 GP maximum £105,882 ÷ 1,955 working hours (37.5 h × 52.14 weeks)" },
};

/**
 * Compiled and projected rules are pure functions of their inputs, and the planner recomputes on
 * every keystroke with mostly the same ones: keep the last few.
 */
const compiledCache = new Map<string, CompiledRules>();
const projectedCache = new Map<string, FinancialYearRules>();
function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    if (cache.size >= 64) cache.delete(cache.keys().next().value!);
    cache.set(key, v);
  }
  return v;
}
// Priced posts by compiled rules and post: an edit re-prices only the post that changed.
const pricedCache = new WeakMap<CompiledRules, Map<string, PostResult>>();
function pricePostMemo(c: CompiledRules, spec: PostSpec): PostResult {
  let byPost = pricedCache.get(c);
  if (!byPost) pricedCache.set(c, (byPost = new Map()));
  const key = JSON.stringify(spec);
  let r = byPost.get(key);
  if (!r) {
    r = pricePost(c, spec);
    if (byPost.size >= 2000) byPost.clear();
    byPost.set(key, r);
  }
  return r;
}

const ruleIds = new WeakMap<FinancialYearRules, number>();
let nextRuleId = 1;
function ruleKey(r: FinancialYearRules): number {
  let id = ruleIds.get(r);
  if (id === undefined) ruleIds.set(r, (id = nextRuleId++));
  return id;
}

const ON_COST_KEYS = ["employerNiRate", "employerNiThresholdAnnual", "employerPensionRate"] as const;
const pounds = (pence: number) => pence / 100;

function overridesFor(s: ScenarioBody, index: number, fy: string): Assumptions {
  const a = s.assumptions;
  const pick = (src: Assumptions | undefined, keys: readonly (keyof Assumptions)[]) => {
    const out: Assumptions = {};
    for (const k of keys) if (src?.[k] !== undefined) (out as Record<string, unknown>)[k] = src[k];
    return out;
  };
  const base: Assumptions =
    index === 0
      ? pick(a, ["arrsRatePerWeightedPatient", "employerNiRate", "employerNiThresholdAnnual", "employerPensionRate", "maxReimbursableAnnual"])
      : pick(a, ON_COST_KEYS);
  return { ...base, ...(a.byYear?.[fy] ?? {}) };
}

function payAwardFor(s: ScenarioBody, fy: string, rules: FinancialYearRules | undefined): number {
  return s.assumptions.payAwardByYear?.[fy] ?? rules?.payAward?.value ?? s.assumptions.payAward ?? PLANNER_DEFAULTS.payAward;
}

/** Micro-patients grown by `growth` for `years` years, rounded half up each year. */
function grownPopulation(value: number, growth: number, years: number): number {
  let micro = scalePopulation(Math.round(value * 1e6) / 1e6) ?? 0;
  const g = toScaledInteger(growth, 6) ?? 0;
  for (let i = 0; i < years; i++) micro = divRoundHalfUp(micro * (1_000_000 + g), 1_000_000);
  return micro / 1e6;
}

interface PostPlan {
  spec: PostSpec;
  post: ScenarioPost;
  id: string;
}

function postSpecs(s: ScenarioBody, awards: number[], doctorsAwards: number[]): PostPlan[][] {
  // awards[y]: the pay award of year y of the horizon (a spot salary rises by it from year 1 on);
  // a GP's salary rises by the doctors' award instead.
  return awards.map((_, y) =>
    s.posts.map((p, i) => {
      const id = p.id ?? `post-${i + 1}`;
      const rise = p.role === "gp" ? doctorsAwards : awards;
      let salary = p.annualSalary !== undefined ? poundsToPence(p.annualSalary) : undefined;
      if (salary !== undefined) for (let k = 1; k <= y; k++) salary = Math.floor(salary * (1 + rise[k]!) + 0.5 + 1e-7);
      return { spec: toPostSpec(p, id, salary), post: p, id };
    }),
  );
}

function supervisionSettings(s: ScenarioBody): SupervisionSettings {
  const a = s.assumptions.supervision ?? {};
  const d = SUPERVISION_DEFAULTS;
  return {
    wbaPerMonth: a.wbaPerMonth ?? d.wbaPerMonth.value,
    wbaMinutes: a.wbaMinutes ?? d.wbaMinutes.value,
    debriefMinutesPerDay: a.debriefMinutesPerDay ?? d.debriefMinutesPerDay.value,
    workingDaysPerMonth: a.workingDaysPerMonth ?? d.workingDaysPerMonth.value,
    clinicalSupervisionMinutesPerMonth: a.clinicalSupervisionMinutesPerMonth ?? d.clinicalSupervisionMinutesPerMonth.value,
    traineesPerSupervisorWte: a.traineesPerSupervisorWte ?? d.traineesPerSupervisorWte.value,
    supervisorHourlyCostPence: poundsToPence(a.supervisorHourlyCost ?? d.supervisorHourlyCost.value),
  };
}

function shares(ctx: PlannerContext, basis: "weighted" | "registered", pcnFundedPence: number, supervisionPence: number): YearResult["practiceShares"] {
  if (ctx.practices.length === 0) return { basis, rows: [], note: "No member practices are recorded for this PCN." };
  let used = basis;
  let note: string | undefined;
  if (basis === "weighted" && ctx.practices.some((p) => p.weighted === null)) {
    used = "registered";
    note = "Not every practice has a weighted population, so the shares follow the registered list.";
  }
  const weights = ctx.practices.map((p) => (used === "weighted" ? p.weighted! : p.registered));
  if (weights.every((w) => w === 0)) return { basis: used, rows: [], note: "The practices' populations add up to zero: nothing to share by." };
  const rounded = weights.map((w) => Math.round(w * 1e6) / 1e6);
  const funded = largestRemainder(pcnFundedPence, rounded);
  const sup = largestRemainder(supervisionPence, rounded);
  const rows: ShareRow[] = ctx.practices.map((p, i) => ({
    practiceCode: p.code,
    practiceName: p.name,
    basis: weights[i]!,
    pcnFunded: pounds(funded[i]!),
    supervision: pounds(sup[i]!),
    total: pounds(funded[i]! + sup[i]!),
  }));
  return { basis: used, rows, ...(note ? { note } : {}) };
}

export class ScenarioInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "ScenarioInputError";
  }
}

export function computeScenario(scenario: ScenarioBody, ctx: PlannerContext): ScenarioResults {
  const years = scenarioYears(scenario.firstYear, scenario.years);
  const lag = scenario.assumptions.claimLagMonths ?? PLANNER_DEFAULTS.claimLagMonths;
  const rateGrowth = scenario.assumptions.rateGrowth ?? PLANNER_DEFAULTS.rateGrowth;
  const popGrowth = scenario.assumptions.populationGrowth ?? PLANNER_DEFAULTS.populationGrowth;
  const basis = scenario.assumptions.shareBasis ?? PLANNER_DEFAULTS.shareBasis;
  const settings = supervisionSettings(scenario);
  const supervisorsById = new Map(scenario.supervisors.map((s) => [s.id, s]));

  // Rules and pay awards year by year (a projected year builds on the one before, as used).
  const rulesByYear: FinancialYearRules[] = [];
  const awards: number[] = [];
  const doctorsAwards: number[] = [];
  years.forEach((fy, i) => {
    const table = getRules(fy);
    const award = payAwardFor(scenario, fy, table);
    awards.push(award);
    doctorsAwards.push(table?.doctorsPayAward?.value ?? scenario.assumptions.doctorsPayAward ?? award);
    if (table) {
      rulesByYear.push(table);
      return;
    }
    const doctors = scenario.assumptions.doctorsPayAward;
    if (i === 0) {
      // A plan that starts after the latest rule table: projected from it, year by year.
      rulesByYear.push(rulesForYear(fy, { payAward: award, rateGrowth, ...(doctors !== undefined ? { doctorsPayAward: doctors } : {}) })!);
      return;
    }
    const prev = rulesByYear[i - 1]!;
    const prevOverrides = overridesFor(scenario, i - 1, years[i - 1]!);
    const inputs = {
      payAward: award,
      ...(doctors !== undefined ? { doctorsPayAward: doctors } : {}),
      rateGrowth,
      ...(prevOverrides.arrsRatePerWeightedPatient !== undefined ? { previousRate: prevOverrides.arrsRatePerWeightedPatient } : {}),
      ...(prevOverrides.maxReimbursableAnnual ? { previousCapOverrides: prevOverrides.maxReimbursableAnnual } : {}),
    };
    rulesByYear.push(remember(projectedCache, `${ruleKey(prev)}|${JSON.stringify(inputs)}`, () => projectRules(prev, inputs)));
  });
  // Spot salaries: year 0 as given; year y = year y−1 × (1 + award of year y).
  const plans = postSpecs(scenario, awards, doctorsAwards);

  const priced: PlanResult[] = [];
  const results: YearResult[] = years.map((fy, i) => {
    const rules = rulesByYear[i]!;
    const projected = !getRules(fy);
    const overrides = overridesFor(scenario, i, fy);
    const compiled = remember(compiledCache, `${ruleKey(rules)}|${JSON.stringify(overrides)}`, () => compileRules(rules, overrides));
    const wpValue = i === 0 ? ctx.weightedPopulation.value : grownPopulation(ctx.weightedPopulation.value, popGrowth, i);
    let plan;
    try {
      plan = pricePlan(compiled, { weightedPopulation: Math.round(wpValue * 1e6) / 1e6, posts: plans[i]!.map((p) => p.spec) }, pricePostMemo);
    } catch (e) {
      if (e instanceof EngineInputError) throw new ScenarioInputError(`posts.${e.path}`, `${fy}: ${e.message}`);
      throw e;
    }
    priced.push(plan);
    // An estimated population's 80% interval, grown like the population in later years.
    const baseIvl = ctx.weightedPopulation.interval;
    const grow = ctx.weightedPopulation.value > 0 ? wpValue / ctx.weightedPopulation.value : 1;
    const ivl = baseIvl ? { low: Math.round(baseIvl.low * grow * 100) / 100, high: Math.round(baseIvl.high * grow * 100) / 100, level: 0.8 as const } : undefined;
    const wp = {
      value: wpValue,
      provenance: ctx.weightedPopulation.provenance,
      ...(ctx.weightedPopulation.basis ? { basis: ctx.weightedPopulation.basis } : {}),
      ...(ivl ? { interval: ivl, intervalBasis: ctx.weightedPopulation.intervalBasis } : {}),
    };
    const entitlementAt = (v: number) => calculateEntitlement({ weightedPopulation: Math.round(v * 1e6) / 1e6, pots: compiled.pots }).totalPence / 100;
    const response = toResponse({ financialYear: fy }, plan, wp, ctx.pcn, ivl ? { low: entitlementAt(ivl.low), high: entitlementAt(ivl.high), level: 0.8 } : undefined);
    const projections: FigureOut[] = response.figures.filter((f) => f.status === "projection") as FigureOut[];
    if (i > 0 && popGrowth !== 0) {
      projections.push({
        id: `${fy} weighted population`,
        label: "PCN contractor weighted population (grown from the first year)",
        value: wpValue,
        status: "projection",
        source: `Projection: the ${years[0]} weighted population grown ${Math.round(popGrowth * 10000) / 100}% a year`,
      });
    }

    // Supervision for the year.
    const sup = supervisionFor(
      compiled.months,
      plans[i]!.map(({ spec, post, id }) => {
        const fc = post.firstContact;
        const firstContact = ROLES[post.role as RoleId]?.firstContact && fc !== undefined;
        const roadmap = firstContact && fc!.stage2 !== "done";
        // The same defaults as the engine's pricePost.
        const end = spec.endDay ?? Math.max(compiled.lastDay, spec.startDay ?? compiled.lastDay);
        const start = spec.startDay ?? Math.min(compiled.firstDay, end);
        return {
          id,
          label: post.label || id,
          wteTenThousandths: spec.wteTenThousandths,
          startDay: start,
          endDay: end,
          supervisorId: fc?.supervisorId ?? post.supervisorId ?? null,
          roadmap,
          ...(roadmap && fc?.stage2SignOff ? { signOffDay: parseIsoDate(fc.stage2SignOff)! } : {}),
        };
      }),
      scenario.supervisors.map((s) => ({ id: s.id, name: s.name, wteTenThousandths: toScaledInteger(s.wte, 4)! })),
      settings,
    );
    const supervision: SupervisionYear = {
      hours: sup.minutes / 60,
      cost: pounds(sup.costPence),
      posts: sup.posts.map((p) => ({
        postId: p.id,
        label: p.label,
        supervisorId: p.supervisorId,
        hours: p.minutes / 60,
        cost: pounds(p.costPence),
        months: p.months.map((m) => ({ month: m.month, hours: m.minutes / 60, kind: m.kind })),
      })),
      supervisors: sup.supervisors.map((s) => ({
        id: s.id,
        name: supervisorsById.get(s.id)?.name ?? s.name,
        wte: s.wteTenThousandths / 10_000,
        capacity: s.capacity,
        peakTrainees: s.peakTrainees,
        overCapacityMonths: s.overCapacityMonths,
      })),
      warnings: sup.warnings,
    };

    return {
      ...response,
      projection: projected || projections.length > 0,
      projections,
      cashFlow: [] as CashFlowMonth[],
      supervision,
      practiceShares: shares(ctx, basis, plan.totals.pcnFundedPence, sup.costPence),
    };
  });

  // Cash flow across the horizon.
  const cf = cashFlow(
    priced.map((p) => ({ entitlementPence: p.entitlementPence, months: p.months })),
    lag,
  );
  results.forEach((r, i) => {
    r.cashFlow = cf.months.slice(i * 12, i * 12 + 12).map((m) => ({ month: m.month, paid: pounds(m.paidPence), received: pounds(m.receivedPence), position: pounds(m.positionPence) }));
  });

  const warnings: string[] = [];
  for (const r of results) {
    for (const w of r.warnings) warnings.push(`${r.financialYear}: ${w}`);
    for (const w of r.supervision.warnings) warnings.push(`${r.financialYear}: ${w}`);
  }
  if (cf.unpaidClaimsPence > 0) warnings.push(`Claims of £${(cf.unpaidClaimsPence / 100).toFixed(2)} over the plan exceed the entitlement and would not be paid.`);

  const summary: ScenarioSummary = {
    years: results.map((r) => ({
      financialYear: r.financialYear,
      projection: r.projection,
      entitlement: r.entitlement,
      cost: r.totals.cost,
      claimable: r.totals.claimable,
      pcnFunded: r.totals.pcnFunded,
      headroom: r.totals.headroom,
      supervisionCost: r.supervision.cost,
    })),
    peakFunding: pounds(cf.peakFundingPence),
    peakFundingMonth: cf.peakFundingMonth,
    receivableAfterHorizon: pounds(cf.receivableAfterPence),
    claimLagMonths: lag,
    warnings: [...new Set(warnings)],
  };
  return { years: results, summary };
}
