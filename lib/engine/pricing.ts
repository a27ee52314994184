// Post costing and plan totals, month by month (domain.md §8). All amounts are integer pence.
//
// For each month m of the financial year, with f = days in post ÷ days in the month:
//   salary_m  = annualSalary × wte ÷ 12 × f                  (rounded half up to the penny)
//   NI_m      = niRate × max(0, salary_m − threshold ÷ 12)   (on the month's rounded pay, as payroll does)
//   pension_m = pensionRate × salary_m                       (rounded half up)
//   cost_m    = salary_m + NI_m + pension_m
//   cap_m     = Σ over the cap tables in force that month: annualCap × wte ÷ 12 × days ÷ daysInMonth
//   claimable_m = min(cost_m, cap_m);  pcnFunded_m = cost_m − claimable_m
// Annual figures are sums of the monthly ones. Mental health practitioners under the 50% table:
// the PCN bears half of each monthly figure (rounded half up) and claims against the 50% cap.
import { assumptionsReport } from "./assumptions";
import { isoFromDay } from "./calendar";
import { afcFigure, lookupCap, type CapLookup, type CompiledRules, type FigureUsed } from "./compile";
import type { CapTable } from "./rules/types";
import { calculateEntitlement } from "./entitlement";
import { divRoundHalfUp } from "./money";
import { afcBasicPence, hcasPence } from "./pay";
import {
  AREA_LABELS,
  capAreaFor,
  COMMISSIONER_ROLES_FROM,
  isMhpBand,
  ROLES,
  TWELVE_MONTH_RULE_FROM,
  TWELVE_MONTH_RULE_ROLES,
  type AfcBand,
  type Area,
  type MhpBand,
  type MhpFunding,
  type RoleId,
} from "./roles";
import { wteFractionOf, type WteFraction } from "./wte";

export interface PostSpec {
  id: string;
  role: RoleId;
  /** Full-time annual salary in pence including any HCAS; or give band + point. */
  annualSalaryPence?: number;
  band?: AfcBand;
  point?: number;
  /** Whole-time equivalent in ten-thousandths (1.0 WTE = 10000); rounded when `wteExact` is given. */
  wteTenThousandths: number;
  /**
   * The exact WTE when it is not a whole number of ten-thousandths (GP sessions: 4 sessions =
   * 4/9 WTE; hours a week ÷ 37.5): pay and the cap are priced on this fraction, so 4 sessions cost
   * exactly 4/9 of a full-time post. See wte.ts and docs/decisions/017-sessions-hours-other-roles.md.
   */
  wteExact?: WteFraction;
  /** Commissioner-approved role: its name and the maximum the ICB agreed (pence per 1.0 WTE a year). */
  roleName?: string;
  agreedMaxPence?: number;
  /** Nurses and HCSWs: worked for the PCN or a member practice in the previous 12 months (from 2025/26). */
  employedInLast12Months?: boolean;
  /** …and moves to a more senior role, so the 12-month rule does not stop the claim. */
  moreSeniorRole?: boolean;
  area: Area;
  /** Day numbers (see calendar.ts), inclusive; default to the financial year's first/last day. */
  startDay?: number;
  endDay?: number;
  /** Mental health practitioners: which table (default 50%). Their cap band is `band`. */
  mhpFunding?: MhpFunding;
  /**
   * AfC incremental date (a day number): from this day the post is paid at `point + 1` of its band
   * (band + point posts only; a post already at the top of its band stays there, with a warning).
   */
  payStepDay?: number;
}

/** Salary, on-costs, cap and claim for a month or a year, in pence. */
export interface CostBreakdown {
  salaryPence: number;
  employerNiPence: number;
  employerPensionPence: number;
  costPence: number;
  capPence: number;
  claimablePence: number;
  pcnFundedPence: number;
}

export interface MonthFigures extends CostBreakdown {
  month: string;
  daysInPost: number;
}

export interface PostResult extends CostBreakdown {
  id: string;
  role: RoleId;
  roleName: string;
  area: Area;
  wteTenThousandths: number;
  /** The exact WTE priced when the post was given in sessions or hours (see PostSpec). */
  wteExact?: WteFraction;
  /** Commissioner-approved posts: the ICB's maximum (pence per 1.0 WTE a year). */
  agreedMaxPence?: number;
  /** Full-time annual salary used (pence), including HCAS (before any pay step in the year). */
  annualSalaryPence: number;
  hcasPence: number;
  /** A pay step that applies in this year: from `fromDay`, the full-time salary (incl. HCAS) at the next point. */
  payStep?: { fromDay: number; point: number; annualSalaryPence: number; hcasPence: number };
  months: MonthFigures[];
  figures: FigureUsed[];
  warnings: string[];
}

export class EngineInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "EngineInputError";
  }
}

interface Salary {
  annualPence: number;
  hcas: number;
}

/** Basic pay at a band point plus HCAS for the area; null when the band has no such point. */
function afcSalary(c: CompiledRules, band: AfcBand, point: number, area: Area): Salary | null {
  const basic = afcBasicPence(c.rules, band, point);
  if (basic === null) return null;
  const hcas = hcasPence(c.rules, area, basic);
  return { annualPence: basic + hcas, hcas };
}

function resolveSalary(c: CompiledRules, post: PostSpec, figures: FigureUsed[]): Salary {
  if (post.annualSalaryPence !== undefined) return { annualPence: post.annualSalaryPence, hcas: 0 };
  if (!post.band || post.point === undefined) throw new EngineInputError("annualSalary", "Give an annual salary, or an Agenda for Change band and point.");
  const salary = afcSalary(c, post.band, post.point, post.area);
  if (salary === null) throw new EngineInputError("point", `Band ${post.band} has no pay point ${post.point} in ${c.rules.financialYear}.`);
  figures.push(afcFigure(c, post.band, post.point)!);
  if (post.area !== "national") {
    const z = c.rules.hcas[post.area];
    figures.push({
      id: `${c.rules.financialYear} HCAS ${post.area}`,
      label: `High cost area supplement, ${AREA_LABELS[post.area]}: ${z.rate * 100}% of basic pay, £${z.minimum.toLocaleString("en-GB")}–£${z.maximum.toLocaleString("en-GB")}`,
      value: z.rate,
      status: z.status,
      source: z.source,
      ...(z.note ? { note: z.note } : {}),
    });
  }
  return salary;
}

/**
 * The cap of a commissioner-approved post: the maximum the ICB agreed, in every area and every
 * table of the year (London weighting is not added: the ICB's figure is the maximum). Before
 * 2024/25 an ICB could not approve other roles, so the post is not reimbursable (null).
 */
function agreedCap(c: CompiledRules, post: PostSpec): CapLookup | null {
  if (c.rules.startYear < COMMISSIONER_ROLES_FROM) return null;
  if (post.agreedMaxPence === undefined || !post.roleName) {
    throw new EngineInputError("maxReimbursableAnnual", "A commissioner-approved role needs its name and the maximum the ICB agreed (£ a year for 1.0 WTE).");
  }
  const pounds = post.agreedMaxPence / 100;
  return {
    pence: post.agreedMaxPence,
    figure: {
      id: `${c.rules.financialYear} maximum reimbursable amount: commissioner-approved ${post.roleName} (£${pounds})`,
      label: `Maximum reimbursable amount, ${post.roleName} (commissioner-approved role), every area`,
      value: pounds,
      status: "override",
      source: "Maximum agreed by the ICB (entered by the user)",
    },
  };
}

/** True when the 12-month rule stops a post's claim: a nurse or HCSW re-employed without moving up. */
export function twelveMonthRuleApplies(startYear: number, post: Pick<PostSpec, "role" | "employedInLast12Months" | "moreSeniorRole">): boolean {
  return startYear >= TWELVE_MONTH_RULE_FROM && post.employedInLast12Months === true && post.moreSeniorRole !== true && TWELVE_MONTH_RULE_ROLES.includes(post.role);
}

/** A commissioner-approved role's name as priced posts, the workforce and the exports give it: "MSK practitioner (commissioner-approved)". */
export function commissionerApprovedRoleName(name: string): string {
  return `${name} (commissioner-approved)`;
}

export function pricePost(c: CompiledRules, post: PostSpec): PostResult {
  const role = ROLES[post.role];
  const figures: FigureUsed[] = [...c.onCostFigures];
  const warnings: string[] = [];
  let { annualPence, hcas } = resolveSalary(c, post, figures);
  const wte = post.wteTenThousandths;
  // Pay and the cap are priced on the exact WTE (numerator ÷ denominator): ten-thousandths, or
  // sessions ÷ 9, hours ÷ 37.5 (wte.ts).
  const { numerator: wteNum, denominator: wteDen } = wteFractionOf(post);
  const isCommissioner = role.kind === "commissioner";
  const twelveMonths = twelveMonthRuleApplies(c.rules.startYear, post);
  // Missing dates default to the year's first/last day — unless the other date lies outside the
  // year, in which case the post is simply outside it (prices to zero) rather than inverted.
  const end = post.endDay ?? Math.max(c.lastDay, post.startDay ?? c.lastDay);
  const start = post.startDay ?? Math.min(c.firstDay, end);
  if (end < start) throw new EngineInputError("end", "The end date is before the start date.");
  // A pay step: before the year the whole year is at the next point; within it, from its day.
  let step: PostResult["payStep"];
  if (post.payStepDay !== undefined && post.band && post.point !== undefined && post.payStepDay <= c.lastDay) {
    const next = afcSalary(c, post.band, post.point + 1, post.area);
    if (next === null) {
      warnings.push(`The pay step on ${isoFromDay(post.payStepDay)} is ignored: point ${post.point} is the top of band ${post.band} in ${c.rules.financialYear}.`);
    } else {
      figures.push(afcFigure(c, post.band, post.point + 1)!);
      if (post.payStepDay <= c.firstDay) ({ annualPence, hcas } = next);
      else step = { fromDay: post.payStepDay, point: post.point + 1, annualSalaryPence: next.annualPence, hcasPence: next.hcas };
    }
  }
  const capArea = capAreaFor(post.area);
  let mhp: { band: MhpBand; funding: MhpFunding } | undefined;
  if (role.kind === "mhp") {
    const band = post.band;
    if (!band || !isMhpBand(band)) {
      throw new EngineInputError("band", "A mental health practitioner needs a band (4, 5, 6, 7 or 8a) for the maximum reimbursable amount.");
    }
    mhp = { band, funding: post.mhpFunding ?? "50%" };
  }
  const shareHalf = mhp?.funding === "50%";

  const months: MonthFigures[] = [];
  // At most a couple of cap tables a year: look each up once per post.
  const capByTable = new Map<CapTable, CapLookup | null>();
  const seenFigures = new Set<string>();
  const notReimbursable: string[] = [];
  let tSalary = 0, tNi = 0, tPension = 0, tCost = 0, tCap = 0, tClaim = 0;
  for (let i = 0; i < 12; i++) {
    const m = c.months[i]!;
    const from = Math.max(m.firstDay, start);
    const to = Math.min(m.lastDay, end);
    const days = to >= from ? to - from + 1 : 0;
    let salary = 0, ni = 0, pension = 0, cap = 0;
    if (days > 0) {
      // Days at each salary: a pay step inside the month splits it (one rounding for the month).
      const stepped = step && step.fromDay <= to ? Math.min(days, to - Math.max(from, step.fromDay) + 1) : 0;
      salary = divRoundHalfUp((annualPence * (days - stepped) + (stepped ? step!.annualSalaryPence * stepped : 0)) * wteNum, 12 * wteDen * m.days);
      ni = divRoundHalfUp(c.niPpm * Math.max(0, 12 * salary - c.niThresholdPence), 12_000_000);
      pension = divRoundHalfUp(c.pensionPpm * salary, 1_000_000);
      if (shareHalf) {
        salary = divRoundHalfUp(salary, 2);
        ni = divRoundHalfUp(ni, 2);
        pension = divRoundHalfUp(pension, 2);
      }
      // Cap: the tables in force on the days in post this month.
      let capNumerator = 0;
      let day = m.firstDay;
      for (const seg of c.monthSegments[i]!) {
        const segFrom = Math.max(day, from);
        const segTo = Math.min(day + seg.days - 1, to);
        day += seg.days;
        if (segTo < segFrom) continue;
        let found = capByTable.get(seg.table);
        if (found === undefined) {
          found = isCommissioner ? agreedCap(c, post) : lookupCap(c, seg.table, post.role, capArea, mhp);
          capByTable.set(seg.table, found);
        }
        if (!found) {
          notReimbursable.push(m.month);
          continue;
        }
        if (!seenFigures.has(found.figure.id)) {
          seenFigures.add(found.figure.id);
          figures.push(found.figure);
        }
        capNumerator += found.pence * wteNum * (segTo - segFrom + 1);
      }
      // The 12-month rule: not reimbursable, like a month no table covers (cap £0).
      cap = twelveMonths ? 0 : divRoundHalfUp(capNumerator, 12 * wteDen * m.days);
    }
    const cost = salary + ni + pension;
    const claimable = Math.min(cost, cap);
    months.push({
      month: m.month,
      daysInPost: days,
      salaryPence: salary,
      employerNiPence: ni,
      employerPensionPence: pension,
      costPence: cost,
      capPence: cap,
      claimablePence: claimable,
      pcnFundedPence: cost - claimable,
    });
    tSalary += salary;
    tNi += ni;
    tPension += pension;
    tCost += cost;
    tCap += cap;
    tClaim += claimable;
  }

  const roleName = isCommissioner && post.roleName ? commissionerApprovedRoleName(post.roleName) : role.name;
  if (notReimbursable.length) {
    const uniq = [...new Set(notReimbursable)];
    warnings.push(
      isCommissioner
        ? `${roleName}: an ICB could approve other roles only from 2024/25, so the post is not reimbursable in ${c.rules.financialYear}: the PCN funds it in full.`
        : `${role.name} posts are not reimbursable under the ${c.rules.financialYear} tables in ${uniq.join(", ")}: the PCN funds those months in full.`,
    );
  }
  if (twelveMonths) {
    warnings.push(
      `${post.id} (${role.name.toLowerCase()}): worked for the PCN or a member practice in the previous 12 months, so from 2025/26 the post is not reimbursable unless they move to a more senior role. Claimable is shown as £0; if the post is a more senior role, say so (moreSeniorRole).`,
    );
  } else if (post.employedInLast12Months && post.moreSeniorRole && TWELVE_MONTH_RULE_ROLES.includes(post.role) && c.rules.startYear >= TWELVE_MONTH_RULE_FROM) {
    warnings.push(`${post.id} (${role.name.toLowerCase()}): re-employed within 12 months but moving to a more senior role, so still reimbursable; keep the evidence for the ICB.`);
  }
  const outsideYear = start > c.lastDay || end < c.firstDay;
  // Only when both dates are given: a missing date means "before/after this year", not a short post.
  if (post.startDay !== undefined && post.endDay !== undefined && end - start + 1 < 182 && !outsideYear) {
    warnings.push("ARRS posts should be intended to last at least 6 months (temporary cover such as sickness or parental leave excepted).");
  }
  if (outsideYear) {
    const span =
      post.startDay === undefined ? `ends ${isoFromDay(end)}` : post.endDay === undefined ? `starts ${isoFromDay(start)}` : `${isoFromDay(start)} to ${isoFromDay(end)}`;
    warnings.push(`The post is not in post during ${c.rules.financialYear} (${span}).`);
  }
  if (post.role === "gp" && (c.rules.startYear === 2024 || c.rules.startYear === 2025)) {
    warnings.push("In 2024/25 and 2025/26 only GPs within 2 years of their CCT (never substantively employed as a GP in general practice) can be claimed.");
  }
  if (mhp) {
    warnings.push(
      mhp.funding === "50%"
        ? "Mental health practitioner on the 50% table: the mental health trust bears the other half of the cost, which is not shown here."
        : "Mental health practitioner on the 100% table: needs a written agreement with the mental health trust.",
    );
  }

  return {
    id: post.id,
    role: post.role,
    roleName,
    area: post.area,
    wteTenThousandths: wte,
    ...(post.wteExact ? { wteExact: post.wteExact } : {}),
    ...(isCommissioner && post.agreedMaxPence !== undefined ? { agreedMaxPence: post.agreedMaxPence } : {}),
    annualSalaryPence: annualPence,
    hcasPence: hcas,
    ...(step ? { payStep: step } : {}),
    salaryPence: tSalary,
    employerNiPence: tNi,
    employerPensionPence: tPension,
    costPence: tCost,
    capPence: tCap,
    claimablePence: tClaim,
    pcnFundedPence: tCost - tClaim,
    months,
    figures,
    warnings,
  };
}

export interface PotResult {
  id: "main" | "gp";
  label: string;
  entitlementPence: number;
  claimablePence: number;
  headroomPence: number;
}

export interface PlanMonth {
  month: string;
  costPence: number;
  claimablePence: number;
  pcnFundedPence: number;
  cumulativeClaimablePence: number;
  /** Entitlement less claims to the end of this month. */
  headroomPence: number;
}

export interface PlanResult {
  financialYear: string;
  entitlementPence: number;
  pots: PotResult[];
  posts: PostResult[];
  months: PlanMonth[];
  totals: { costPence: number; claimablePence: number; pcnFundedPence: number; headroomPence: number };
  /** Every rule figure used, deduplicated; filter by status for estimates. */
  figures: FigureUsed[];
  /** Every assumption given (status "override"), used or not; unused ones also get a warning. */
  overrides: FigureUsed[];
  warnings: string[];
}

/**
 * Prices a plan: the PCN's entitlement, every post month by month, and the totals. `price` prices
 * one post (default pricePost); the planner passes a memoised one so an edit re-prices one post.
 */
export function pricePlan(
  c: CompiledRules,
  args: { weightedPopulation: number; posts: readonly PostSpec[] },
  price: (c: CompiledRules, post: PostSpec) => PostResult = pricePost,
): PlanResult {
  const ent = calculateEntitlement({ weightedPopulation: args.weightedPopulation, pots: c.pots });
  const posts = args.posts.map((p, i) => {
    try {
      return price(c, p);
    } catch (e) {
      // Say which post: "end" → "3.end".
      if (e instanceof EngineInputError) throw new EngineInputError(`${i}.${e.path}`, e.message);
      throw e;
    }
  });

  const potClaims = new Map<string, number>(c.pots.map((p) => [p.id, 0]));
  const monthTotals = c.months.map((m) => ({ month: m.month, cost: 0, claimable: 0 }));
  // The pot a role's claims go to, month by month: looked up once per role, not per post and month.
  const potsByRole = new Map<RoleId, string[]>();
  const potsOf = (role: RoleId) => {
    let ids = potsByRole.get(role);
    if (!ids) {
      ids = c.months.map(
        (m) => (c.pots.find((p) => p.roles?.includes(role) && (p.appliesFromDay === undefined || m.lastDay >= p.appliesFromDay)) ?? c.pots.find((p) => p.id === "main")!).id,
      );
      potsByRole.set(role, ids);
    }
    return ids;
  };
  for (const post of posts) {
    const potIds = potsOf(post.role);
    for (let i = 0; i < 12; i++) {
      const mf = post.months[i]!;
      monthTotals[i]!.cost += mf.costPence;
      monthTotals[i]!.claimable += mf.claimablePence;
      if (mf.claimablePence === 0) continue;
      const pot = potIds[i]!;
      potClaims.set(pot, potClaims.get(pot)! + mf.claimablePence);
    }
  }

  const pots: PotResult[] = ent.pots.map(({ pot, pence }) => {
    const claimable = potClaims.get(pot.id)!;
    return { id: pot.id, label: pot.label, entitlementPence: pence, claimablePence: claimable, headroomPence: pence - claimable };
  });

  let cumulative = 0;
  const months: PlanMonth[] = monthTotals.map((t) => {
    cumulative += t.claimable;
    return {
      month: t.month,
      costPence: t.cost,
      claimablePence: t.claimable,
      pcnFundedPence: t.cost - t.claimable,
      cumulativeClaimablePence: cumulative,
      headroomPence: ent.totalPence - cumulative,
    };
  });

  const totals = posts.reduce(
    (acc, p) => {
      acc.costPence += p.costPence;
      acc.claimablePence += p.claimablePence;
      acc.pcnFundedPence += p.pcnFundedPence;
      return acc;
    },
    { costPence: 0, claimablePence: 0, pcnFundedPence: 0, headroomPence: 0 },
  );
  totals.headroomPence = ent.totalPence - totals.claimablePence;

  const figuresById = new Map<string, FigureUsed>();
  for (const pot of c.pots) figuresById.set(pot.figure.id, pot.figure);
  for (const post of posts) for (const f of post.figures) figuresById.set(f.id, f);
  if (posts.length === 0) for (const f of c.onCostFigures) figuresById.set(f.id, f);

  const warnings: string[] = [];
  // The 12-month rule stops a claim outright: say so at plan level too, not only on the post.
  for (const p of posts) for (const w of p.warnings) if (w.includes("in the previous 12 months, so from 2025/26")) warnings.push(w);
  for (const p of pots) {
    if (p.headroomPence < 0) warnings.push(`${p.label}: over-committed by £${(-p.headroomPence / 100).toFixed(2)}; claims above the entitlement are not paid.`);
  }
  if (pots.length > 1) {
    warnings.push("Claims for each pot can only be met from that pot: GP claims from the GP pot, all others from the main pot.");
  }

  const figures = [...figuresById.values()];
  const assumptions = assumptionsReport(c, posts, figures);
  warnings.push(...assumptions.warnings);

  return { financialYear: c.rules.financialYear, entitlementPence: ent.totalPence, pots, posts, months, totals, figures, overrides: assumptions.given, warnings };
}
