// Compare two to four scenarios of one PCN (issue 7): for each financial year of their horizons,
// the same measures side by side, and every scenario's difference from the first (the baseline).
// Pure: computed from each scenario's results (ScenarioResults, as the API returns them); the
// compare page, its JSON, CSV and XLSX all read this one structure.
//
// Arithmetic in integers: money in pence, WTE in ten-thousandths, supervision in minutes (the
// engine's units), so a difference is exact and `baseline + difference = value` to the penny.
import { ROLE_IDS } from "@/lib/engine";
import { formatDecimal, formatPounds, formatWte } from "@/lib/format";
import { AVERAGE_WTE_LABEL, PEAK_FUNDING_DESCRIPTION, PEAK_FUNDING_LABEL } from "./columns";
import type { ScenarioResults, YearResult } from "./types";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export type MeasureUnit = "money" | "wte" | "hours";

export interface Measure {
  /** "cost", "wte:occupational-therapist", … (stable: CSV/XLSX headers derive from the label). */
  id: string;
  label: string;
  unit: MeasureUnit;
  description?: string;
}

/** What compare needs of a year's results (a YearResult has all of it). */
export type CompareYearInput = Pick<YearResult, "financialYear" | "projection" | "isEstimate" | "entitlement" | "totals" | "peakFunding" | "averageWte"> & {
  supervision: Pick<YearResult["supervision"], "hours" | "cost">;
};

export interface CompareScenarioInput {
  id: string;
  name: string;
  description?: string | null;
  firstYear: string;
  years: number;
  version?: number;
  results: { years: CompareYearInput[]; summary: Pick<ScenarioResults["summary"], "peakFunding" | "peakFundingMonth" | "claimLagMonths"> };
}

export type YearStatus = "published" | "estimate" | "projection";

export interface ComparedValue {
  /** The scenario's figure; null when the year is outside its horizon. */
  value: number | null;
  /** value − the baseline's value; null for the baseline itself or when either value is missing. */
  difference: number | null;
}

export interface ComparedRow {
  measure: Measure;
  /** One per scenario, in the order compared (the baseline first). */
  values: ComparedValue[];
}

export interface ComparedYear {
  financialYear: string;
  /** Per scenario: whether the year's figures are published, estimates or projections (null: not in its horizon). */
  status: (YearStatus | null)[];
  rows: ComparedRow[];
}

export interface ComparedScenario {
  id: string;
  name: string;
  description: string | null;
  firstYear: string;
  years: number;
  version: number | null;
  baseline: boolean;
  financialYears: string[];
  /** The month of the peak funding needed over the plan (its lowest cumulative cash position). */
  peakFundingMonth: string | null;
  claimLagMonths: number;
}

export interface Comparison {
  scenarios: ComparedScenario[];
  /** Every financial year in any scenario's horizon, in order. */
  financialYears: string[];
  years: ComparedYear[];
  /** Over each scenario's whole horizon: sums of the years, and the peak funding needed over the plan. */
  horizon: ComparedRow[];
  /** Headroom year by year, one value per scenario (null outside its horizon): the headroom chart. */
  headroomByYear: { financialYear: string; values: (number | null)[] }[];
}

// ---------------------------------------------------------------------------------------------
// Measures

export const MONEY_MEASURES: readonly Measure[] = [
  { id: "entitlement", label: "Entitlement", unit: "money" },
  { id: "cost", label: "Cost", unit: "money", description: "Salaries, employer NI and pension of the posts" },
  { id: "claimable", label: "Claimable", unit: "money" },
  { id: "pcnFunded", label: "PCN-funded", unit: "money", description: "Cost above the maximum reimbursable amounts" },
  { id: "headroom", label: "Headroom", unit: "money", description: "Entitlement − claimable; negative = over-committed" },
  { id: "supervisionCost", label: "Supervision (unfunded)", unit: "money", description: "Supervision time is not reimbursable" },
];
export const SUPERVISION_HOURS: Measure = { id: "supervisionHours", label: "Supervision hours", unit: "hours" };
export { AVERAGE_WTE_LABEL, PEAK_FUNDING_DESCRIPTION, PEAK_FUNDING_LABEL };
export const PEAK_CASH: Measure = { id: "peakCash", label: PEAK_FUNDING_LABEL, unit: "money", description: PEAK_FUNDING_DESCRIPTION };
export const TOTAL_WTE: Measure = {
  id: "wte",
  label: `${AVERAGE_WTE_LABEL}, all roles`,
  unit: "wte",
  description: "WTE × days in post ÷ days in the year, to 0.0001 WTE per post (a 1.0 WTE post from 1 October counts about 0.50)",
};

const wteMeasure = (role: string, roleName: string): Measure => ({ id: `wte:${role}`, label: `${AVERAGE_WTE_LABEL}: ${roleName}`, unit: "wte" });

/** A figure in the measure's integer unit (pence, ten-thousandths of a WTE, minutes). */
function toUnits(unit: MeasureUnit, v: number): number {
  return Math.round(v * (unit === "money" ? 100 : unit === "wte" ? 10_000 : 60));
}
function fromUnits(unit: MeasureUnit, n: number): number {
  if (n === 0) return 0; // never −0
  return n / (unit === "money" ? 100 : unit === "wte" ? 10_000 : 60);
}

/** The year's figure of each measure, in integer units (WTE by role keyed by role id). */
function yearUnits(y: CompareYearInput): Map<string, number> {
  const out = new Map<string, number>([
    ["entitlement", toUnits("money", y.entitlement)],
    ["cost", toUnits("money", y.totals.cost)],
    ["claimable", toUnits("money", y.totals.claimable)],
    ["pcnFunded", toUnits("money", y.totals.pcnFunded)],
    ["headroom", toUnits("money", y.totals.headroom)],
    ["supervisionCost", toUnits("money", y.supervision.cost)],
    ["supervisionHours", toUnits("hours", y.supervision.hours)],
    ["peakCash", toUnits("money", y.peakFunding)],
  ]);
  for (const r of y.averageWte.byRole) out.set(`wte:${r.role}`, (out.get(`wte:${r.role}`) ?? 0) + toUnits("wte", r.wte));
  out.set("wte", toUnits("wte", y.averageWte.total));
  return out;
}

function row(measure: Measure, units: (number | null)[], baseline: number): ComparedRow {
  const base = units[baseline] ?? null;
  return {
    measure,
    values: units.map((u, i) => ({
      value: u === null ? null : fromUnits(measure.unit, u),
      difference: i === baseline || u === null || base === null ? null : fromUnits(measure.unit, u - base),
    })),
  };
}

const statusOf = (y: CompareYearInput): YearStatus => (y.projection ? "projection" : y.isEstimate ? "estimate" : "published");

/**
 * Compares scenarios side by side, in the order given (the columns' order); the baseline is the
 * scenario at index `baseline` (the first unless the user picked another). Throws RangeError for
 * fewer than two or more than four, or a baseline outside them (callers validate first and say
 * so in words).
 */
export function compareScenarios(scenarios: readonly CompareScenarioInput[], baseline = 0): Comparison {
  if (scenarios.length < MIN_COMPARED || scenarios.length > MAX_COMPARED) throw new RangeError(`compare ${MIN_COMPARED} to ${MAX_COMPARED} scenarios, not ${scenarios.length}`);
  if (!Number.isInteger(baseline) || baseline < 0 || baseline >= scenarios.length) throw new RangeError(`baseline ${baseline} is not one of the ${scenarios.length} scenarios`);
  const financialYears = [...new Set(scenarios.flatMap((s) => s.results.years.map((y) => y.financialYear)))].sort();

  // Roles in post in any scenario and year, in the API's role order.
  const roleNames = new Map<string, string>();
  for (const s of scenarios) for (const y of s.results.years) for (const r of y.averageWte.byRole) if (!roleNames.has(r.role)) roleNames.set(r.role, r.roleName);
  const order = (r: string) => {
    const i = (ROLE_IDS as readonly string[]).indexOf(r);
    return i < 0 ? ROLE_IDS.length : i;
  };
  const roles = [...roleNames.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const yearMeasures: Measure[] = [...roles.map((r) => wteMeasure(r, roleNames.get(r)!)), TOTAL_WTE, ...MONEY_MEASURES, SUPERVISION_HOURS, PEAK_CASH];

  const byYear = scenarios.map((s) => new Map(s.results.years.map((y) => [y.financialYear, y])));
  const units = scenarios.map((s) => new Map(s.results.years.map((y) => [y.financialYear, yearUnits(y)])));

  const years: ComparedYear[] = financialYears.map((fy) => ({
    financialYear: fy,
    status: byYear.map((m) => {
      const y = m.get(fy);
      return y ? statusOf(y) : null;
    }),
    rows: yearMeasures.map((measure) =>
      row(
        measure,
        units.map((u) => {
          const y = u.get(fy);
          return y ? (y.get(measure.id) ?? 0) : null;
        }),
        baseline,
      ),
    ),
  }));

  // The whole horizon: sums of the money and hours measures; the peak over the horizon.
  const summed = [...MONEY_MEASURES, SUPERVISION_HOURS];
  const horizon: ComparedRow[] = [
    ...summed.map((m) =>
      row(
        { ...m, label: `${m.label}, all years` },
        units.map((u) => [...u.values()].reduce((t, y) => t + y.get(m.id)!, 0)),
        baseline,
      ),
    ),
    row({ ...PEAK_CASH, label: `${PEAK_FUNDING_LABEL} over the plan` }, scenarios.map((s) => toUnits("money", s.results.summary.peakFunding)), baseline),
  ];

  const headroomByYear = years.map((y) => ({ financialYear: y.financialYear, values: y.rows.find((r) => r.measure.id === "headroom")!.values.map((v) => v.value) }));

  return {
    scenarios: scenarios.map((s, i) => ({
      id: s.id,
      name: s.name,
      description: s.description ?? null,
      firstYear: s.firstYear,
      years: s.years,
      version: s.version ?? null,
      baseline: i === baseline,
      financialYears: s.results.years.map((y) => y.financialYear),
      peakFundingMonth: s.results.summary.peakFundingMonth,
      claimLagMonths: s.results.summary.claimLagMonths,
    })),
    financialYears,
    years,
    horizon,
    headroomByYear,
  };
}

// ---------------------------------------------------------------------------------------------
// Words (the page; never colour alone)

/**
 * A figure as the page shows it: "£1,234.56", "1.60 WTE", "12.50 hours". `decimals` (from
 * comparisonDecimals) makes every figure of a unit, totals included, show the same decimals as
 * the rows; without it each figure uses the fewest it needs (WTE at least 2, money always 2).
 */
export function formatMeasure(unit: MeasureUnit, value: number, decimals?: number): string {
  if (unit === "money") return formatPounds(value);
  if (unit === "wte") return decimals === undefined ? formatWte(value) : `${fixed(value, decimals)} WTE`;
  return `${decimals === undefined ? formatDecimal(value) : fixed(value, decimals)} ${value === 1 && !decimals ? "hour" : "hours"}`;
}

const fixedFormats = new Map<number, Intl.NumberFormat>();
function fixed(value: number, decimals: number): string {
  let nf = fixedFormats.get(decimals);
  if (!nf) fixedFormats.set(decimals, (nf = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return nf.format(value);
}

/** Decimals `unit`'s integer figure `n` needs: WTE 2 or 4 (ten-thousandths), hours 0–2 (minutes as hundredths, at most 2). */
function decimalsNeeded(unit: MeasureUnit, n: number): number {
  if (unit === "money") return 2;
  if (unit === "wte") return n % 100 === 0 ? 2 : 4;
  const hundredths = Math.round((Math.abs(n) * 100) / 60);
  return hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2;
}

/**
 * The decimals each unit is shown with across the whole comparison (every year, the whole-plan
 * totals and the differences): the most any of its figures needs, so a total never shows fewer
 * or more decimals than the rows it sums ("12.5 hours" + "12.5 hours" = "25.0 hours", not "25 hours").
 */
export function comparisonDecimals(c: Pick<Comparison, "years" | "horizon">): Record<MeasureUnit, number> {
  const out: Record<MeasureUnit, number> = { money: 2, wte: 2, hours: 0 };
  for (const r of [...c.years.flatMap((y) => y.rows), ...c.horizon]) {
    for (const v of r.values) {
      for (const x of [v.value, v.difference]) {
        if (x !== null) out[r.measure.unit] = Math.max(out[r.measure.unit], decimalsNeeded(r.measure.unit, toUnits(r.measure.unit, x)));
      }
    }
  }
  return out;
}

/**
 * "Differences only": the rows where some scenario differs from the baseline — a non-zero
 * difference, or a year one scenario has and another has not.
 */
export function differencesOnly(rows: readonly ComparedRow[]): ComparedRow[] {
  return rows.filter((r) => {
    const present = r.values.filter((v) => v.value !== null).length;
    if (present > 0 && present < r.values.length) return true;
    return r.values.some((v) => v.difference !== null && toUnits(r.measure.unit, v.difference) !== 0);
  });
}

export interface DifferenceText {
  direction: "higher" | "lower" | "same";
  /** "+£1,234.56", "−0.50 WTE", "No difference". */
  amount: string;
  /** "more" / "less" / "" — shown after the amount. */
  word: string;
  /** For screen readers, after the word: "than the baseline" / "from the baseline". */
  hidden: string;
  /** ▲ / ▼ / = (decorative: the sign and the words carry the meaning). */
  arrow: string;
}

/** A difference from the baseline, in words and signs that read the same without colour. */
export function describeDifference(unit: MeasureUnit, difference: number, decimals?: number): DifferenceText {
  const units = toUnits(unit, difference);
  if (units === 0) return { direction: "same", amount: "No difference", word: "", hidden: "from the baseline", arrow: "=" };
  const magnitude = formatMeasure(unit, fromUnits(unit, Math.abs(units)), decimals);
  return units > 0
    ? { direction: "higher", amount: `+${magnitude}`, word: "more", hidden: "than the baseline", arrow: "▲" }
    : { direction: "lower", amount: `−${magnitude}`, word: "less", hidden: "than the baseline", arrow: "▼" };
}

/** The difference as one plain line: "+£1,234.56 more than the baseline". */
export function differenceSentence(unit: MeasureUnit, difference: number): string {
  const d = describeDifference(unit, difference);
  return d.direction === "same" ? "No difference from the baseline" : `${d.amount} ${d.word} ${d.hidden}`;
}
