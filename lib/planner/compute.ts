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
  commissionerApprovedRoleName,
  calculateEntitlement,
  chooseShareBasis,
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
  supervisePost,
  toScaledInteger,
  divRoundHalfUp,
  addMonthsToDay,
  workforceForYear,
  financialYearLabel,
  financialYearMonths,
  parseFinancialYear,
  type Assumptions,
  type CompiledRules,
  type FinancialYearRules,
  type PlanResult,
  type PostResult,
  type PostSpec,
  type RoleId,
  type SupervisedPost,
  type SupervisionPostResult,
  type SupervisionSettings,
} from "@/lib/engine";
import { toResponse } from "@/lib/estimate-response";
import { toPostSpec } from "@/lib/post-spec";
import { scenarioYears, type ScenarioBody, type ScenarioPost } from "@/lib/schemas/scenario";
import { planStartOf, roadmapStatus } from "./first-contact";
import type { AverageWte, CashFlowMonth, FigureOut, PlannerContext, ScenarioResults, ScenarioSummary, ShareRow, SlipSummary, SlipYear, SupervisionYear, WorkforceYear, YearResult } from "./types";

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
  // The fallback for a year with no GP maximum; a scenario's default is its first year's
  // (supervisorHourlyCostDefault: 2025/26 £56.34, 2026/27 £58.21 with today's tables).
  supervisorHourlyCost: { value: 54.16, label: "Supervisor's hourly cost (£)", source: "Estimate: the 2025/26 GP maximum £105,882 ÷ 1,955 working hours (37.5 h × 52.14 weeks)" },
};

/** Working hours a year of a full-time supervisor: 37.5 h × 52.14 weeks. */
export const SUPERVISOR_HOURS_A_YEAR = 1955;

/**
 * The default supervisor's hourly cost for a plan starting in `firstYear`: that year's national GP
 * maximum (salary + on-costs; the cap table in force last in the year) ÷ 1,955 working hours, to
 * the penny — so a 2026/27 plan uses the 2026/27 figure, not 2025/26's £54.16 (issue 14). A year
 * without a rule table (or a GP maximum) falls back to the 2025/26 figure.
 */
export function supervisorHourlyCostDefault(firstYear: string): { value: number; source: string } {
  const rules = rulesForYear(firstYear);
  const projected = rules !== undefined && !getRules(firstYear);
  const tables = (rules?.capTables ?? []).filter((t) => t.roles.gp).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.publishedOn.localeCompare(b.publishedOn));
  const gp = tables[tables.length - 1]?.roles.gp;
  if (!gp) return { value: SUPERVISION_DEFAULTS.supervisorHourlyCost.value, source: `${SUPERVISION_DEFAULTS.supervisorHourlyCost.source} (${firstYear} has no GP maximum)` };
  const pence = divRoundHalfUp(Math.round(gp.national * 100), SUPERVISOR_HOURS_A_YEAR);
  return {
    value: pence / 100,
    source: `Estimate: the ${firstYear} GP maximum £${gp.national.toLocaleString("en-GB")}${projected ? " (a projection from the latest rule table)" : gp.status === "published" || gp.status === "third-party" ? "" : ` (itself ${gp.status === "derived" ? "derived" : "an estimate"})`} ÷ 1,955 working hours (37.5 h × 52.14 weeks)`,
  };
}

/**
 * The pay award that uplifts the supervisor's hourly cost in a year after the first. Supervisors
 * are mostly GPs and the hourly cost is the GP maximum's: the doctors' pay award (the year's table,
 * else the scenario's `doctorsPayAward`), falling back to the scenario's pay award.
 */
export function supervisionPayAward(s: ScenarioBody, fy: string, rules: FinancialYearRules | undefined): number {
  return rules?.doctorsPayAward?.value ?? s.assumptions.doctorsPayAward ?? payAwardFor(s, fy, rules);
}

const pounds = (pence: number) => pence / 100;

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
/**
 * What an edit of one post leaves alone is kept between computes (issue 14 item 17: an edit of a
 * 50-post, 5-year plan rebuilt some 3,000 priced and supervision months). Every cache is keyed by
 * everything its value depends on, so a computation that uses them gives exactly the figures of a
 * fresh one (lib/planner/compute.edit.test.ts checks it edit by edit):
 * - a post's key: its id and its whole validated record as JSON (one stringify per post per compute);
 * - its engine spec for each salary it takes over the years: by post key and salary, the same object
 *   from one compute to the next, so the priced post and its supervision months are found by identity;
 * - priced posts: by compiled rules (the year, its overrides) and spec;
 * - supervision months: by compiled rules (the year's months and bounds), the supervision settings,
 *   the year's hourly cost and the plan's first year (roadmap status), and the post key.
 */
function bounded<K, V>(map: Map<K, V>, key: K, make: () => V, max = 5000): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    if (map.size >= max) map.clear();
    map.set(key, v);
  }
  return v;
}
/** By post key: its spec as given, and by salary (pence) its spec for a later year's salary. */
const specCache = new Map<string, { first: PostSpec; bySalary: Map<number, PostSpec> }>();
/**
 * Priced posts, one cache per compiled rules: found first by the spec object (the plan's specs are
 * the same objects from one compute to the next, so an unchanged post costs one lookup), else by the
 * spec's JSON (the slip's and the months-before-the-plan's specs are made anew on every compute);
 * an edit re-prices only the post that changed.
 */
const pricedCache = new WeakMap<CompiledRules, { bySpec: WeakMap<PostSpec, PostResult>; byJson: Map<string, PostResult> }>();
function pricePostCached(c: CompiledRules, spec: PostSpec): PostResult {
  let cache = pricedCache.get(c);
  if (!cache) pricedCache.set(c, (cache = { bySpec: new WeakMap(), byJson: new Map() }));
  let r = cache.bySpec.get(spec);
  if (r) return r;
  const key = JSON.stringify(spec);
  r = cache.byJson.get(key);
  if (!r) {
    r = pricePost(c, spec);
    if (cache.byJson.size >= 2000) cache.byJson.clear();
    cache.byJson.set(key, r);
  }
  cache.bySpec.set(spec, r);
  return r;
}
const supervisedCache = new WeakMap<CompiledRules, Map<string, Map<string, SupervisionPostResult>>>();
type PostSupervision = { supervisorId: string | null; roadmap: boolean; signOffDay?: number };
/** By plan start, then post key. */
const roadmapCache = new Map<string, Map<string, PostSupervision>>();
const supervisionOut = new WeakMap<SupervisionPostResult, SupervisionYear["posts"][number]>();
function supervisionPostOut(p: SupervisionPostResult): SupervisionYear["posts"][number] {
  let out = supervisionOut.get(p);
  if (!out) {
    out = {
      postId: p.id,
      label: p.label,
      supervisorId: p.supervisorId,
      hours: p.minutes / 60,
      cost: pounds(p.costPence),
      months: p.months.map((m) => ({ month: m.month, hours: m.minutes / 60, kind: m.kind })),
    };
    supervisionOut.set(p, out);
  }
  return out;
}

const ruleIds = new WeakMap<FinancialYearRules, number>();
let nextRuleId = 1;
function ruleKey(r: FinancialYearRules): number {
  let id = ruleIds.get(r);
  if (id === undefined) ruleIds.set(r, (id = nextRuleId++));
  return id;
}

const ON_COST_KEYS = ["employerNiRate", "employerNiThresholdAnnual", "employerPensionRate"] as const;

function overridesFor(s: ScenarioBody, index: number, fy: string): Assumptions {
  const a = s.assumptions;
  const pick = (src: Assumptions | undefined, keys: readonly (keyof Assumptions)[]) => {
    const out: Assumptions = {};
    for (const k of keys) if (src?.[k] !== undefined) (out as Record<string, unknown>)[k] = src[k];
    return out;
  };
  const base: Assumptions =
    index === 0
      ? pick(a, ["arrsRatePerWeightedPatient", "employerNiRate", "employerNiThresholdAnnual", "employerPensionRate", "maxReimbursableAnnual", "expectedUplift"])
      : pick(a, ON_COST_KEYS);
  return { ...base, ...(a.byYear?.[fy] ?? {}) };
}

function payAwardFor(s: ScenarioBody, fy: string, rules: FinancialYearRules | undefined): number {
  return s.assumptions.payAwardByYear?.[fy] ?? rules?.payAward?.value ?? s.assumptions.payAward ?? PLANNER_DEFAULTS.payAward;
}

/**
 * The pay awards a scenario applies in year `fy`: `payAward` raises spot salaries (and projects
 * pay points), `doctorsPayAward` raises GP salaries. One definition for the calculation and for
 * carrying a plan into next year (lib/planner/roll-forward.ts).
 */
export function yearPayAwards(s: ScenarioBody, fy: string): { payAward: number; doctorsPayAward: number } {
  const table = getRules(fy);
  const payAward = payAwardFor(s, fy, table);
  return { payAward, doctorsPayAward: table?.doctorsPayAward?.value ?? s.assumptions.doctorsPayAward ?? payAward };
}

/** A spot salary (pence) one year on: × (1 + award), half up to the penny — as the calculation raises it year on year. */
export function raiseSalaryPence(salaryPence: number, award: number): number {
  return Math.floor(salaryPence * (1 + award) + 0.5 + 1e-7);
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
  /** The post's id and validated record: what every figure of the post depends on. */
  key: string;
}

function postSpecs(s: ScenarioBody, awards: number[], doctorsAwards: number[]): PostPlan[][] {
  // awards[y]: the pay award of year y of the horizon (a spot salary rises by it from year 1 on);
  // a GP's salary rises by the doctors' award instead.
  // Each post is converted once (dates, WTE, pence); a later year only changes a spot salary, which
  // rises year on year from the year before's (the same figures as raising it from year 0 each time).
  const byYear: PostPlan[][] = awards.map(() => []);
  s.posts.forEach((p, i) => {
    const id = p.id ?? `post-${i + 1}`;
    const key = `${id}\u0000${JSON.stringify(p)}`;
    const rise = p.role === "gp" ? doctorsAwards : awards;
    const specs = bounded(specCache, key, () => ({ first: toPostSpec(p, id), bySalary: new Map<number, PostSpec>() }));
    const first = specs.first;
    let salary = first.annualSalaryPence;
    awards.forEach((_, y) => {
      if (y > 0 && salary !== undefined) salary = raiseSalaryPence(salary, rise[y]!);
      const s = salary;
      const spec = y === 0 || s === undefined ? first : bounded(specs.bySalary, s, () => ({ ...first, annualSalaryPence: s }), 64);
      byYear[y]!.push({ spec, post: p, id, key });
    });
  });
  return byYear;
}

function supervisionSettings(s: ScenarioBody): SupervisionSettings {
  const a = s.assumptions.supervision ?? {};
  const hourly = a.supervisorHourlyCost ?? supervisorHourlyCostDefault(s.firstYear).value;
  const d = SUPERVISION_DEFAULTS;
  return {
    wbaPerMonth: a.wbaPerMonth ?? d.wbaPerMonth.value,
    wbaMinutes: a.wbaMinutes ?? d.wbaMinutes.value,
    debriefMinutesPerDay: a.debriefMinutesPerDay ?? d.debriefMinutesPerDay.value,
    workingDaysPerMonth: a.workingDaysPerMonth ?? d.workingDaysPerMonth.value,
    clinicalSupervisionMinutesPerMonth: a.clinicalSupervisionMinutesPerMonth ?? d.clinicalSupervisionMinutesPerMonth.value,
    traineesPerSupervisorWte: a.traineesPerSupervisorWte ?? d.traineesPerSupervisorWte.value,
    supervisorHourlyCostPence: poundsToPence(hourly),
  };
}

function shares(ctx: PlannerContext, basis: "weighted" | "registered", pcnFundedPence: number, supervisionPence: number): YearResult["practiceShares"] {
  if (ctx.practices.length === 0) return { basis, requested: basis, weightedAvailable: false, rows: [], note: "No member practices are recorded for this PCN." };
  const { used, weightedAvailable, note } = chooseShareBasis(basis, ctx.practices);
  const head = { basis: used, requested: basis, weightedAvailable };
  const weights = ctx.practices.map((p) => (used === "weighted" ? p.weighted! : p.registered));
  if (weights.every((w) => w === 0)) return { ...head, rows: [], note: "The practices' populations add up to zero: nothing to share by." };
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
  return { ...head, rows, ...(note ? { note } : {}) };
}

/**
 * The claims for the `lag` months just before the plan of the posts already in post then (a start
 * date before the plan's first day, or status "existing" without a start date): they arrive in the
 * plan's first months. Priced with the rules of the year they are for (spot salaries one pay award
 * lower; the on-cost overrides apply; the first year's rate and cap overrides do not). When that
 * year has no rule table (a plan from the earliest year), or a post's pay point does not exist in
 * it, the post is priced with the first year's rules a year on, and the figure is an estimate.
 */
function claimsBeforePlan(
  scenario: ScenarioBody,
  firstYear: string,
  firstYearRules: FinancialYearRules,
  plans: PostPlan[],
  award: number,
  lag: number,
): { claims: { month: string; claimablePence: number }[]; rules: { financialYear: string; estimate: boolean } | null } {
  if (lag === 0) return { claims: [], rules: null };
  const start = parseFinancialYear(firstYear)!;
  const prevFy = financialYearLabel(start - 1);
  const prevTable = getRules(prevFy);
  const onCosts = (() => {
    const out: Assumptions = {};
    for (const k of ON_COST_KEYS) if (scenario.assumptions[k] !== undefined) (out as Record<string, unknown>)[k] = scenario.assumptions[k];
    return out;
  })();
  const first = remember(compiledCache, `${ruleKey(firstYearRules)}|${JSON.stringify(onCosts)}`, () => compileRules(firstYearRules, onCosts));
  const prev = prevTable ? remember(compiledCache, `${ruleKey(prevTable)}|${JSON.stringify(onCosts)}`, () => compileRules(prevTable, onCosts)) : null;
  const existing = plans.filter((p) => (p.spec.startDay !== undefined ? p.spec.startDay < first.firstDay : p.post.status === "existing"));
  const months = (prev ?? first).months.slice(12 - lag).map((m) => m.month.replace(/^\d{4}/, (y) => String(Number(y) - (prev ? 0 : 1))));
  const totals = months.map(() => 0);
  let estimate = !prev;
  // Moving the dates a year on prices the months before the plan with the first year's rules.
  const shift = first.firstDay - financialYearMonths(start - 1)[0]!.firstDay;
  for (const p of existing) {
    let r: PostResult | null = null;
    if (prev) {
      const salary = p.spec.annualSalaryPence === undefined ? undefined : Math.floor(p.spec.annualSalaryPence / (1 + award) + 0.5 + 1e-7);
      try {
        r = pricePostCached(prev, { ...p.spec, ...(salary !== undefined ? { annualSalaryPence: salary } : {}), ...(p.spec.startDay === undefined ? { startDay: prev.firstDay } : {}) });
      } catch (e) {
        if (!(e instanceof EngineInputError)) throw e;
      }
    }
    if (!r) {
      estimate = true;
      const moved = (d: number | undefined) => (d === undefined ? undefined : d + shift);
      const spec: PostSpec = { ...p.spec, startDay: moved(p.spec.startDay) ?? first.firstDay };
      if (p.spec.endDay !== undefined) spec.endDay = moved(p.spec.endDay)!;
      if (p.spec.payStepDay !== undefined) spec.payStepDay = moved(p.spec.payStepDay)!;
      try {
        r = pricePostCached(first, spec);
      } catch (e) {
        if (!(e instanceof EngineInputError)) throw e;
        continue; // the same post fails in the plan's own years, which report it
      }
    }
    r.months.slice(12 - lag).forEach((m, k) => (totals[k]! += m.claimablePence));
  }
  if (existing.length === 0) return { claims: [], rules: null };
  return { claims: months.map((month, k) => ({ month, claimablePence: totals[k]! })), rules: { financialYear: prev ? prevFy : firstYear, estimate } };
}

/**
 * The workforce month by month (lib/engine/workforce.ts) and the average WTE in post over the year,
 * by role and in total, from the same computation: the figure compare, the projection and the
 * exports use is the workforce table's `averageWte`.
 */
/** The key a post's WTE is counted under: its role, or a commissioner-approved role's own name. */
function roleKey(spec: PostSpec): string {
  return spec.role === "commissioner-approved" && spec.roleName ? `commissioner-approved:${spec.roleName}` : spec.role;
}

function workforceOf(plans: PostPlan[], compiled: CompiledRules): { workforce: WorkforceYear; averageWte: AverageWte } {
  const w = workforceForYear({
    months: compiled.months,
    // A commissioner-approved role counts under its own name ("commissioner-approved:MSK practitioner").
    posts: plans.map(({ spec }) => ({
      role: roleKey(spec),
      wteTenThousandths: spec.wteTenThousandths,
      ...(spec.startDay !== undefined ? { startDay: spec.startDay } : {}),
      ...(spec.endDay !== undefined ? { endDay: spec.endDay } : {}),
    })),
  });
  const names = new Map(plans.filter(({ spec }) => spec.role === "commissioner-approved" && spec.roleName).map(({ spec }) => [roleKey(spec), commissionerApprovedRoleName(spec.roleName!)]));
  const roleName = (role: string) => names.get(role) ?? ROLES[role as RoleId]?.name ?? role;
  const roles = Object.keys(w.averageWteTenThousandths);
  return {
    workforce: {
      months: w.months.map((m) => ({ month: m.month, roles: Object.fromEntries(Object.entries(m.roles).map(([r, x]) => [r, { wte: x.wteTenThousandths / 10_000, headcount: x.headcount }])) })),
      averageWte: Object.fromEntries(roles.map((r) => [r, w.averageWteTenThousandths[r]! / 10_000])),
      roleNames: Object.fromEntries(roles.map((r) => [r, roleName(r)])),
    },
    averageWte: { total: w.totalAverageWteTenThousandths / 10_000, byRole: roles.map((role) => ({ role, roleName: roleName(role), wte: w.averageWteTenThousandths[role]! / 10_000 })) },
  };
}

/**
 * The day each post is expected to start if recruitment takes longer than planned (issue 16,
 * item 5), or null when it is not expected to start late: proposed posts only; the post's own
 * `expectedStart`, else its planned start (the plan's first day when it has none) + the scenario's
 * `timeToFillMonths`.
 */
function expectedStartDays(plans: PostPlan[], planFirstDay: number, timeToFill: number | undefined): (number | null)[] {
  return plans.map(({ post, spec }) => {
    if (post.status !== "proposed") return null;
    const planned = spec.startDay ?? planFirstDay;
    const day = post.expectedStart !== undefined ? parseIsoDate(post.expectedStart)! : timeToFill ? addMonthsToDay(planned, timeToFill) : null;
    return day !== null && day > planned ? day : null;
  });
}

const NO_SLIP = { cost: 0, claimable: 0, pcnFunded: 0, headroomFreed: 0 };

/** The plan's figures minus the same posts priced from their expected starts (pence, exact), in pounds. */
function slipFor(compiled: CompiledRules, weightedPopulation: number, plan: PlanResult, plans: PostPlan[], expected: (number | null)[]): SlipYear {
  const slipped: PostSpec[] = [];
  let postsDelayed = 0;
  plans.forEach(({ spec }, k) => {
    const day = expected[k];
    if (day === null || day === undefined) return void slipped.push(spec);
    const planned = spec.startDay ?? compiled.firstDay;
    // Days the post stands empty in this year: planned start to the day before the expected one.
    const from = Math.max(compiled.firstDay, planned);
    const to = Math.min(compiled.lastDay, day - 1, spec.endDay ?? compiled.lastDay);
    if (to >= from) postsDelayed++;
    // A post expected to start after it ends is never filled.
    if (spec.endDay === undefined || day <= spec.endDay) slipped.push({ ...spec, startDay: day });
  });
  if (postsDelayed === 0) return { ...NO_SLIP, postsDelayed };
  const later = pricePlan(compiled, { weightedPopulation, posts: slipped }, pricePostCached);
  return {
    cost: pounds(plan.totals.costPence - later.totals.costPence),
    claimable: pounds(plan.totals.claimablePence - later.totals.claimablePence),
    pcnFunded: pounds(plan.totals.pcnFundedPence - later.totals.pcnFundedPence),
    headroomFreed: pounds(later.totals.headroomPence - plan.totals.headroomPence),
    postsDelayed,
  };
}

function slipLabel(timeToFill: number | undefined, ownDates: boolean): string {
  const months = timeToFill ? `if recruitment takes ${timeToFill} month${timeToFill === 1 ? "" : "s"}` : "";
  if (months && ownDates) return `${months} (or until a post's own expected start date)`;
  if (months) return months;
  if (ownDates) return "if posts start on their expected start dates";
  return "no post is expected to start later than planned";
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
  const planStart = planStartOf(scenario.firstYear);

  // Rules and pay awards year by year (a projected year builds on the one before, as used).
  const rulesByYear: FinancialYearRules[] = [];
  const awards: number[] = [];
  const doctorsAwards: number[] = [];
  years.forEach((fy, i) => {
    const table = getRules(fy);
    const { payAward: award, doctorsPayAward } = yearPayAwards(scenario, fy);
    awards.push(award);
    doctorsAwards.push(doctorsPayAward);
    if (table) {
      rulesByYear.push(table);
      return;
    }
    const doctors = scenario.assumptions.doctorsPayAward;
    if (i === 0) {
      // A plan that starts after the latest rule table: projected from it, year by year.
      const uplift = overridesFor(scenario, 0, fy).expectedUplift;
      rulesByYear.push(rulesForYear(fy, { payAward: award, rateGrowth, ...(doctors !== undefined ? { doctorsPayAward: doctors } : {}), ...(uplift !== undefined ? { expectedUplift: uplift } : {}) })!);
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
      // Projected from the previous year's maxima as used: with or without its backdated uplift.
      ...(prevOverrides.expectedUplift !== undefined ? { expectedUplift: prevOverrides.expectedUplift } : {}),
    };
    rulesByYear.push(remember(projectedCache, `${ruleKey(prev)}|${JSON.stringify(inputs)}`, () => projectRules(prev, inputs)));
  });
  // Spot salaries: year 0 as given; year y = year y−1 × (1 + award of year y).
  const plans = postSpecs(scenario, awards, doctorsAwards);
  // The supervisor's hourly cost: the first year's, then × (1 + that year's pay award) each later
  // year, to the penny year on year (issue 14: it stayed flat).
  const hourlyPence: number[] = [];
  years.forEach((fy, i) => {
    if (i === 0) hourlyPence.push(settings.supervisorHourlyCostPence);
    else hourlyPence.push(divRoundHalfUp(hourlyPence[i - 1]! * (1_000_000 + (toScaledInteger(supervisionPayAward(scenario, fy, getRules(fy)), 6) ?? 0)), 1_000_000));
  });

  // Each post's roadmap status and supervisor: the same in every year of the plan.
  const roadmapKept = bounded(roadmapCache, planStart, () => new Map<string, PostSupervision>(), 16);
  const supervisionOf = plans[0]!.map(({ post, key }) =>
    bounded(roadmapKept, key, () => {
      const fc = post.firstContact;
      const firstContact = ROLES[post.role as RoleId]?.firstContact && fc !== undefined;
      // Qualified posts (stated, signed off, or existing for longer than the roadmap) get clinical supervision only.
      const rs = firstContact ? roadmapStatus(post, planStart) : null;
      const roadmap = rs?.status === "in-training";
      return {
        supervisorId: fc?.supervisorId ?? post.supervisorId ?? null,
        roadmap,
        ...(roadmap && rs?.signOff ? { signOffDay: parseIsoDate(rs.signOff)! } : {}),
      };
    }),
  );
  const supervisorSpecs = scenario.supervisors.map((s) => ({ id: s.id, name: s.name, wteTenThousandths: toScaledInteger(s.wte, 4)! }));

  const timeToFill = scenario.assumptions.timeToFillMonths;
  const expected = expectedStartDays(plans[0]!, parseIsoDate(planStart)!, timeToFill);
  const priced: PlanResult[] = [];
  const results: YearResult[] = years.map((fy, i) => {
    const rules = rulesByYear[i]!;
    const projected = !getRules(fy);
    const overrides = overridesFor(scenario, i, fy);
    const compiled = remember(compiledCache, `${ruleKey(rules)}|${JSON.stringify(overrides)}`, () => compileRules(rules, overrides));
    const wpValue = i === 0 ? ctx.weightedPopulation.value : grownPopulation(ctx.weightedPopulation.value, popGrowth, i);
    let plan;
    let slip: SlipYear;
    try {
      plan = pricePlan(compiled, { weightedPopulation: Math.round(wpValue * 1e6) / 1e6, posts: plans[i]!.map((p) => p.spec) }, pricePostCached);
      slip = slipFor(compiled, Math.round(wpValue * 1e6) / 1e6, plan, plans[i]!, expected);
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

    // Supervision for the year: each post's months kept while the post, the year and the settings are unchanged.
    const yearSettings = { ...settings, supervisorHourlyCostPence: hourlyPence[i]! };
    let byYearKey = supervisedCache.get(compiled);
    if (!byYearKey) supervisedCache.set(compiled, (byYearKey = new Map()));
    const kept = bounded(byYearKey, `${scenario.firstYear}|${JSON.stringify(yearSettings)}`, () => new Map<string, SupervisionPostResult>(), 64);
    const keyOf = new Map<SupervisedPost, string>();
    const supervised = plans[i]!.map(({ spec, post, id, key }, k) => {
      // The same defaults as the engine's pricePost.
      const end = spec.endDay ?? Math.max(compiled.lastDay, spec.startDay ?? compiled.lastDay);
      const start = spec.startDay ?? Math.min(compiled.firstDay, end);
      const sp: SupervisedPost = {
        id,
        label: post.label || id,
        wteTenThousandths: spec.wteTenThousandths,
        startDay: start,
        endDay: end,
        ...supervisionOf[k]!,
      };
      keyOf.set(sp, key);
      return sp;
    });
    const sup = supervisionFor(compiled.months, supervised, supervisorSpecs, yearSettings, (months, sp, st) => bounded(kept, keyOf.get(sp)!, () => supervisePost(months, sp, st)));
    const supervision: SupervisionYear = {
      hours: sup.minutes / 60,
      cost: pounds(sup.costPence),
      hourlyCost: pounds(hourlyPence[i]!),
      hourlyCostStatus: i > 0 ? "projection" : scenario.assumptions.supervision?.supervisorHourlyCost !== undefined ? "override" : "estimate",
      ...(i > 0 ? { hourlyCostBasis: `Projection: the ${years[0]} figure £${(hourlyPence[0]! / 100).toFixed(2)} raised by each later year's pay award` } : {}),
      posts: sup.posts.map(supervisionPostOut),
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
      peakFunding: 0,
      peakFundingMonth: null as string | null,
      ...workforceOf(plans[i]!, compiled),
      slip,
      supervision,
      practiceShares: shares(ctx, basis, plan.totals.pcnFundedPence, sup.costPence),
    };
  });

  // Cash flow across the horizon; the staff already in post are paid for the months before it in its first months.
  const before = claimsBeforePlan(scenario, years[0]!, rulesByYear[0]!, plans[0]!, awards[0]!, lag);
  const cf = cashFlow(
    priced.map((p) => ({ entitlementPence: p.entitlementPence, months: p.months })),
    lag,
    { claimsBeforePlan: before.claims },
  );
  results.forEach((r, i) => {
    r.cashFlow = cf.months.slice(i * 12, i * 12 + 12).map((m) => ({ month: m.month, paid: pounds(m.paidPence), received: pounds(m.receivedPence), position: pounds(m.positionPence) }));
    r.peakFunding = pounds(cf.years[i]!.peakFundingPence);
    r.peakFundingMonth = cf.years[i]!.peakFundingMonth;
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
      peakFunding: r.peakFunding,
      averageWte: r.averageWte.total,
    })),
    peakFunding: pounds(cf.peakFundingPence),
    peakFundingMonth: cf.peakFundingMonth,
    receivableAfterHorizon: pounds(cf.receivableAfterPence),
    receivedForMonthsBeforePlan: pounds(cf.receivedForMonthsBeforePlanPence),
    monthsBeforePlan: before.claims.map((c) => c.month),
    monthsBeforePlanRules: before.rules,
    claimLagMonths: lag,
    warnings: [...new Set(warnings)],
  };
  const add = (k: keyof typeof NO_SLIP) => pounds(results.reduce((t, r) => t + Math.round(r.slip[k] * 100), 0));
  const slip: SlipSummary = {
    cost: add("cost"),
    claimable: add("claimable"),
    pcnFunded: add("pcnFunded"),
    headroomFreed: add("headroomFreed"),
    timeToFillMonths: timeToFill ?? null,
    postsDelayed: expected.filter((d) => d !== null).length,
    label: slipLabel(timeToFill, plans[0]!.some(({ post }, k) => post.expectedStart !== undefined && expected[k] !== null)),
  };
  return { years: results, summary, slip };
}
