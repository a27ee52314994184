// Projected rules for a financial year that has no rule table (a multi-year plan beyond the last
// published or estimated year). A projection is the previous year's rules carried forward:
//   pay points and HCAS cash limits × (1 + pay award), rounded to the pound;
//   maximum reimbursable amounts: each salary basis × (1 + pay award), re-costed with the same
//     on-costs (domain.md §5), whole pounds;
//   ARRS rate per weighted patient × (1 + rate growth), rounded to 1/1000 of a pound (as published);
//   employer NI and pension carried forward unchanged.
// Every figure of a projected year has status "projection" and says how it was made.
import { financialYearLabel, parseFinancialYear } from "./calendar";
import { tableApplies } from "./compile";
import { ROLE_IDS, type AfcBand, type RoleId } from "./roles";
import { deriveLine, mhpTables, type OnCosts } from "./rules/derive";
import { getRules, LATEST_RULES_YEAR } from "./rules/index";
import type { AfcBandPoints, CapLine, CappedRoleId, CapTable, FinancialYearRules } from "./rules/types";

export interface ProjectionInputs {
  /** Pay award for the projected year (Agenda for Change and spot salaries), e.g. 0.03. */
  payAward: number;
  /** Doctors' (DDRB) pay award for the projected year, applied to GP maxima; default payAward. */
  doctorsPayAward?: number;
  /** Growth of the ARRS rate per weighted patient, e.g. 0.025. */
  rateGrowth: number;
  /** Project from the previous year's expected backdated uplift table (default: its own default). */
  expectedUplift?: boolean;
  /** The previous year's rate as used (an override replaces the table's); default its main pot. */
  previousRate?: number;
  /** The previous year's cap overrides (£ per 1.0 WTE, every area): projected from, as its caps. */
  previousCapOverrides?: Partial<Record<RoleId, number>>;
}

const round = (v: number) => Math.floor(v + 0.5 + 1e-9);
const pct = (v: number) => `${Math.round(v * 10000) / 100}%`;

/** The cap table in force on the last day of a year (the latest-published one covering it). */
function closingTable(rules: FinancialYearRules, expectedUplift?: boolean): CapTable {
  const lastDay = `${rules.startYear + 1}-03-31`;
  let best: CapTable | undefined;
  for (const t of rules.capTables) {
    if (!tableApplies(t, expectedUplift === undefined ? {} : { expectedUplift })) continue;
    if (t.effectiveFrom > lastDay || (t.effectiveTo && t.effectiveTo < lastDay)) continue;
    if (!best || t.publishedOn > best.publishedOn) best = t;
  }
  if (!best) throw new RangeError(`${rules.financialYear} has no cap table in force on 31 March`);
  return best;
}

export function projectRules(previous: FinancialYearRules, inputs: ProjectionInputs): FinancialYearRules {
  const startYear = previous.startYear + 1;
  const fy = financialYearLabel(startYear);
  const from = previous.financialYear;
  const factor = 1 + inputs.payAward;
  const award = `${pct(inputs.payAward)} pay award`;
  const doctorsAward = inputs.doctorsPayAward ?? inputs.payAward;
  const gpFactor = 1 + doctorsAward;
  const note = `Projection: no rule table for ${fy}. Replace it when NHS England publishes the ${fy} figures.`;
  const projection = (source: string) => ({ status: "projection" as const, source, note });

  const prevRate = inputs.previousRate ?? previous.pots.find((p) => p.id === "main")!.ratePerWeightedPatient;
  const rate = Math.floor(prevRate * (1 + inputs.rateGrowth) * 1000 + 0.5 + 1e-7) / 1000;

  const afc = {} as Record<AfcBand, AfcBandPoints>;
  for (const [band, b] of Object.entries(previous.afc) as [AfcBand, AfcBandPoints][]) {
    afc[band] = { points: b.points.map((p) => round(p * factor)), ...projection(`Projection: ${from} pay points × ${factor} (${award}), to the pound`) };
  }

  const hcas = {} as FinancialYearRules["hcas"];
  for (const [zone, z] of Object.entries(previous.hcas) as [keyof FinancialYearRules["hcas"], FinancialYearRules["hcas"]["fringe"]][]) {
    hcas[zone] = { rate: z.rate, minimum: round(z.minimum * factor), maximum: round(z.maximum * factor), ...projection(`Projection: ${from} HCAS cash limits × ${factor} (${award})`) };
  }

  const onCosts: OnCosts = { niRate: previous.employerNiRate.value, niThreshold: previous.employerNiThresholdAnnual.value, pensionRate: previous.employerPensionRate.value };
  const base = closingTable(previous, inputs.expectedUplift);
  const lines = {} as Record<CappedRoleId, CapLine>;
  for (const role of ROLE_IDS) {
    if (role === "mental-health-practitioner" || role === "commissioner-approved") continue;
    const override = inputs.previousCapOverrides?.[role];
    const line = override !== undefined ? { national: override, outerLondon: override, innerLondon: override, status: "override" as const, source: "" } : base.roles[role];
    if (!line) continue;
    const f = role === "gp" ? gpFactor : factor;
    const a = role === "gp" ? `${pct(doctorsAward)} doctors' pay award` : award;
    const derived = deriveLine(line, { from: onCosts, to: onCosts, salaryFactor: f, source: "" });
    lines[role] = {
      ...derived,
      ...projection(
        `Projection: the ${from} maximum${override !== undefined ? " you entered" : ""}'s salary basis × ${f} (${a}), re-costed at ${pct(onCosts.niRate)} NI above £${onCosts.niThreshold.toLocaleString("en-GB")} + ${pct(onCosts.pensionRate)} pension`,
      ),
    };
  }
  const mhp = mhpTables(lines);
  for (const funding of ["50%", "100%"] as const) {
    for (const line of Object.values(mhp[funding])) Object.assign(line!, projection(`Projection: MHP ${funding} table from the projected band rows`));
  }

  const carried = <T>(f: { value: T }, what: string) => ({ value: f.value, ...projection(`Projection: ${what} carried forward from ${from}`) });
  return {
    financialYear: fy,
    startYear,
    pots: [
      {
        id: "main",
        label: "ARRS entitlement",
        ratePerWeightedPatient: rate,
        ...projection(`Projection: the ${from} rate £${prevRate} × ${1 + inputs.rateGrowth} (${pct(inputs.rateGrowth)} growth), to £0.001`),
      },
    ],
    employerNiRate: carried(previous.employerNiRate, "employer NI rate"),
    employerNiThresholdAnnual: carried(previous.employerNiThresholdAnnual, "employer NI threshold"),
    employerPensionRate: carried(previous.employerPensionRate, "employer pension rate"),
    afc,
    hcas,
    capTables: [
      {
        id: `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}-projected`,
        title: `${fy} maximum reimbursable amounts (projected)`,
        effectiveFrom: `${startYear}-04-01`,
        publishedOn: `${startYear}-04-01`,
        ...projection(`Projection: the ${from} maxima in force on 31 March, salary bases × ${factor} (${award})`),
        roles: lines,
        mhp,
      },
    ],
    payAward: { value: inputs.payAward, ...projection(`Projection: assumed ${award} for ${fy} (Agenda for Change and spot salaries)`) },
    doctorsPayAward: { value: doctorsAward, ...projection(`Projection: assumed ${pct(doctorsAward)} doctors' pay award for ${fy} (GP posts)`) },
    notes: [note],
  };
}

/** Pay awards and rate growth a year without a rule table is projected with, unless given. */
export const PROJECTION_DEFAULTS = { payAward: 0.03, rateGrowth: 0.025 } as const;

export interface YearProjection {
  /** Agenda for Change / spot-salary pay award a projected year (default 3%). */
  payAward?: number;
  /** Doctors' pay award a projected year (default: payAward). */
  doctorsPayAward?: number;
  /** Growth of the ARRS rate per weighted patient a projected year (default 2.5%). */
  rateGrowth?: number;
  /** Whether the latest table's expected backdated uplift is in the projection's base. */
  expectedUplift?: boolean;
}

const projectedChain = new Map<string, FinancialYearRules>();

/**
 * The rules for any financial year from 2023/24: its rule table, or — after the latest table —
 * that table projected year by year with the given awards and rate growth (status "projection").
 * Undefined before the first table or for a malformed label.
 */
export function rulesForYear(fy: string, p: YearProjection = {}): FinancialYearRules | undefined {
  const table = getRules(fy);
  if (table) return table;
  const start = parseFinancialYear(fy);
  const latest = getRules(LATEST_RULES_YEAR)!;
  if (start === null || start <= latest.startYear) return undefined;
  const inputs: ProjectionInputs = {
    payAward: p.payAward ?? PROJECTION_DEFAULTS.payAward,
    rateGrowth: p.rateGrowth ?? PROJECTION_DEFAULTS.rateGrowth,
    ...(p.doctorsPayAward !== undefined ? { doctorsPayAward: p.doctorsPayAward } : {}),
  };
  const key = `${fy}|${inputs.payAward}|${inputs.doctorsPayAward ?? ""}|${inputs.rateGrowth}|${p.expectedUplift ?? ""}`;
  const cached = projectedChain.get(key);
  if (cached) return cached;
  let rules = latest;
  for (let y = latest.startYear + 1; y <= start; y++) {
    rules = projectRules(rules, y === latest.startYear + 1 && p.expectedUplift !== undefined ? { ...inputs, expectedUplift: p.expectedUplift } : inputs);
  }
  if (projectedChain.size > 200) projectedChain.clear();
  projectedChain.set(key, rules);
  return rules;
}
