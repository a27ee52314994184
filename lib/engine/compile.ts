// Turns a financial year's rule tables plus the user's assumptions into integer units, once:
// pence, parts per million, per-month cap-table segments. Everything downstream is integer maths.
import { financialYearMonths, parseIsoDate, type MonthSpan } from "./calendar";
import { poundsToPence, rateToPpm } from "./money";
import { AREA_LABELS, ROLES, type AfcBand, type CapArea, type MhpBand, type MhpFunding, type RoleId } from "./roles";
import type { CapLine, CappedRoleId, CapTable, FigureStatus, FinancialYearRules, Provenance } from "./rules/types";

/** Figures that replace the year's published or estimated ones (API "assumptions"). */
export interface Assumptions {
  arrsRatePerWeightedPatient?: number;
  employerNiRate?: number;
  employerNiThresholdAnnual?: number;
  employerPensionRate?: number;
  /** £ per 1.0 WTE a year; replaces that role's cap in every area and every table of the year. */
  maxReimbursableAnnual?: Partial<Record<RoleId, number>>;
  /** Apply the year's backdated uplift table (on or off); default: the table's own default. */
  expectedUplift?: boolean;
}

/** Whether a cap table applies under the assumptions (a backdated uplift can be switched off or on). */
export function tableApplies(t: CapTable, assumptions: Pick<Assumptions, "expectedUplift">): boolean {
  return !t.backdatedUplift || (assumptions.expectedUplift ?? t.backdatedUplift.defaultOn);
}

/** A rule figure the calculation used, so callers can show which ones are estimates. */
export interface FigureUsed {
  id: string;
  label: string;
  /** In the figure's published unit: pounds, or a rate such as 0.15. */
  value: number;
  status: FigureStatus;
  source: string;
  note?: string;
}

export interface CompiledPot {
  id: "main" | "gp";
  label: string;
  /** £ per weighted patient, exactly, in millionths of a pound. */
  rateMicroPounds: number;
  roles?: readonly RoleId[];
  appliesFromDay?: number;
  figure: FigureUsed;
}

export interface CapSegment {
  days: number;
  table: CapTable;
}

export interface CompiledRules {
  rules: FinancialYearRules;
  months: MonthSpan[];
  firstDay: number;
  lastDay: number;
  pots: CompiledPot[];
  niPpm: number;
  niThresholdPence: number;
  pensionPpm: number;
  onCostFigures: FigureUsed[];
  /** For each of the 12 months, the cap tables in force and for how many days. */
  monthSegments: CapSegment[][];
  capOverridePence: Partial<Record<RoleId, number>>;
  capOverrideFigures: Partial<Record<RoleId, FigureUsed>>;
}

const figure = (id: string, label: string, value: number, p: Provenance): FigureUsed => ({
  id,
  label,
  value,
  status: p.status,
  source: p.source,
  ...(p.note ? { note: p.note } : {}),
});

const override = (id: string, label: string, value: number): FigureUsed => ({
  id,
  label,
  value,
  status: "override",
  source: "Entered by the user (assumptions)",
});

interface TableWindow {
  table: CapTable;
  from: number;
  to: number;
}

/** The table that governs a day: the latest-published one whose window covers it. */
function tableForDay(windows: readonly TableWindow[], day: number): CapTable | undefined {
  let best: CapTable | undefined;
  for (const { table: t, from, to } of windows) {
    if (day < from || day > to) continue;
    if (!best || t.publishedOn > best.publishedOn || (t.publishedOn === best.publishedOn && t.effectiveFrom > best.effectiveFrom)) best = t;
  }
  return best;
}

export function compileRules(rules: FinancialYearRules, assumptions: Assumptions = {}): CompiledRules {
  const months = financialYearMonths(rules.startYear);
  const fy = rules.financialYear;
  const windows = rules.capTables.filter((t) => tableApplies(t, assumptions)).map((t) => ({ table: t, from: parseIsoDate(t.effectiveFrom)!, to: t.effectiveTo ? parseIsoDate(t.effectiveTo)! : Infinity }));
  const monthSegments = months.map((m) => {
    const segments: CapSegment[] = [];
    for (let d = m.firstDay; d <= m.lastDay; d++) {
      const t = tableForDay(windows, d);
      if (!t) continue;
      const last = segments[segments.length - 1];
      if (last && last.table === t) last.days++;
      else segments.push({ days: 1, table: t });
    }
    return segments;
  });

  const pots: CompiledPot[] = rules.pots.map((p) => {
    const isMainOverride = p.id === "main" && assumptions.arrsRatePerWeightedPatient !== undefined;
    const rate = isMainOverride ? assumptions.arrsRatePerWeightedPatient! : p.ratePerWeightedPatient;
    const id = `${fy} ${p.id === "main" ? "ARRS rate per weighted patient" : "ARRS GP rate per weighted patient"}`;
    return {
      id: p.id,
      label: p.label,
      rateMicroPounds: rateToPpm(rate),
      ...(p.roles ? { roles: p.roles } : {}),
      ...(p.appliesFrom ? { appliesFromDay: parseIsoDate(p.appliesFrom)! } : {}),
      figure: isMainOverride ? override(id, `${p.label}: £ per weighted patient`, rate) : figure(id, `${p.label}: £ per weighted patient`, rate, p),
    };
  });

  const ni = assumptions.employerNiRate;
  const th = assumptions.employerNiThresholdAnnual;
  const pen = assumptions.employerPensionRate;
  const onCostFigures = [
    ni !== undefined ? override(`${fy} employer NI rate`, "Employer NI rate", ni) : figure(`${fy} employer NI rate`, "Employer NI rate", rules.employerNiRate.value, rules.employerNiRate),
    th !== undefined
      ? override(`${fy} employer NI threshold`, "Employer NI threshold (£ a year)", th)
      : figure(`${fy} employer NI threshold`, "Employer NI threshold (£ a year)", rules.employerNiThresholdAnnual.value, rules.employerNiThresholdAnnual),
    pen !== undefined
      ? override(`${fy} employer pension rate`, "Employer pension rate", pen)
      : figure(`${fy} employer pension rate`, "Employer pension rate", rules.employerPensionRate.value, rules.employerPensionRate),
    ...(assumptions.expectedUplift !== undefined
      ? [{ ...override(`${fy} expected backdated uplift`, "Expected backdated uplift of the maxima (1 = on, 0 = off)", assumptions.expectedUplift ? 1 : 0) }]
      : []),
  ];

  const capOverridePence: Partial<Record<RoleId, number>> = {};
  const capOverrideFigures: Partial<Record<RoleId, FigureUsed>> = {};
  for (const [role, pounds] of Object.entries(assumptions.maxReimbursableAnnual ?? {}) as [RoleId, number][]) {
    capOverridePence[role] = poundsToPence(pounds);
    capOverrideFigures[role] = override(`${fy} maximum reimbursable amount: ${role} (all areas)`, `Maximum reimbursable amount, ${ROLES[role].name}, every area`, pounds);
  }

  return {
    rules,
    months,
    firstDay: months[0]!.firstDay,
    lastDay: months[11]!.lastDay,
    pots,
    niPpm: rateToPpm(ni ?? rules.employerNiRate.value),
    niThresholdPence: poundsToPence(th ?? rules.employerNiThresholdAnnual.value),
    pensionPpm: rateToPpm(pen ?? rules.employerPensionRate.value),
    onCostFigures,
    monthSegments,
    capOverridePence,
    capOverrideFigures,
  };
}

const AREA_KEY: Record<CapArea, keyof Pick<CapLine, "national" | "outerLondon" | "innerLondon">> = {
  national: "national",
  "outer-london": "outerLondon",
  "inner-london": "innerLondon",
};

export interface CapLookup {
  pence: number;
  figure: FigureUsed;
}

/** The annual cap for a role in a table, or null when the role is not in that table. */
export function lookupCap(
  c: CompiledRules,
  table: CapTable,
  role: RoleId,
  area: CapArea,
  mhp?: { band: MhpBand; funding: MhpFunding },
): CapLookup | null {
  let line: CapLine | undefined;
  let what: string; // in the figure's key (ids)
  let name: string; // in its label (words)
  if (role === "mental-health-practitioner") {
    if (!mhp) return null;
    line = table.mhp[mhp.funding][mhp.band];
    what = `mental health practitioner band ${mhp.band} (${mhp.funding} table)`;
    name = `Mental health practitioner band ${mhp.band} (${mhp.funding} table)`;
  } else {
    line = table.roles[role as CappedRoleId];
    what = role;
    name = ROLES[role].name;
  }
  // A role the table does not have stays unreimbursable even when the user overrides its cap.
  if (!line) return null;
  const overridePence = c.capOverridePence[role];
  if (overridePence !== undefined) return { pence: overridePence, figure: c.capOverrideFigures[role]! };
  const pounds = line[AREA_KEY[area]];
  return {
    pence: poundsToPence(pounds),
    figure: figure(
      `${c.rules.financialYear} maximum reimbursable amount: ${what}, ${area} [${table.id}]`,
      `Maximum reimbursable amount, ${name}, ${AREA_LABELS[area]} — ${table.title}`,
      pounds,
      area !== "national" && line.londonStatus
        ? { status: line.londonStatus, source: `${line.source}; the London columns are derived from the same salary basis`, ...(line.note ? { note: line.note } : {}) }
        : line,
    ),
  };
}

export function afcFigure(c: CompiledRules, band: AfcBand, point: number): FigureUsed | null {
  const b = c.rules.afc[band];
  const pounds = b.points[point - 1];
  if (pounds === undefined) return null;
  const estimate = b.estimatePoints?.includes(point);
  return figure(
    `${c.rules.financialYear} AfC band ${band} point ${point}`,
    `Agenda for Change band ${band}, point ${point} (${c.rules.financialYear})`,
    pounds,
    estimate ? { status: "derived", source: b.source, note: b.note ?? "Derived figure." } : b,
  );
}
