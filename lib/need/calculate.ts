// Population need for occupational therapy, from a PCN's registered patients by single year of age
// and sex (issue 9, part 1). Pure: no framework, database, validation library, env or clock.
//
//   frailty       people   = Σ_band patients(band) × prevalence(band)         bands 65–69 … 85+
//   mental-health people   = Σ_sex patients16–64(sex) × CMD(sex) × share needing active intervention
//   work          people   = Σ_sex patients18–64(sex) × fit notes(sex) × share ≥ 5 weeks
//                            ÷ notes per episode × (1 − share already counted under mental health)
//   patients  = people × reach
//   hours     = patients × [first + admin + home-visit share × travel + (contacts − 1) × (follow-up + admin)] ÷ 60
//   WTE       = hours ÷ patient-facing hours per 1.0 WTE
//
// The range: "central" takes every assumption's value. Each assumption is then moved alone to the
// low and to the high end of its range (the others at their values), and the group's figure
// swings down or up. low = central − √(Σ downward swings²), high = central + √(Σ upward swings²):
// the root-sum-square of one-at-a-time swings, which treats the assumptions' errors as independent
// (they rarely all err the same way at once). The extremes — every assumption at the end that
// gives less (or more) need at once — are reported as well (`extremes`); the formula is monotonic
// in every input, so they bound every combination of the ranges. docs/decisions/012-population-need.md.
import { NEED_GROUP_IDS, NEED_GROUP_NAMES, resolveNeedAssumptions, type NeedGroupId, type NeedOverrides, type OverrideIssue, type ResolvedAssumption } from "./assumptions";

export interface AgeSexProfile {
  /** Registered patients by single year of age: index 0 = age 0; the last index = that age and over. */
  male: readonly number[];
  female: readonly number[];
}

export interface NeedRange {
  low: number;
  central: number;
  high: number;
}

export interface NeedFigures {
  /** People in the group (whole people). */
  people: NeedRange;
  /** Patients an OT service would see in a year. */
  patients: NeedRange;
  /** OT hours a year (whole hours). */
  hours: NeedRange;
  /** Whole-time equivalents (2 decimals). */
  wte: NeedRange;
}

export interface NeedGroupResult extends NeedFigures {
  /** Every assumption at the end of its range that gives less (low) or more (high) need at once. */
  extremes: NeedFigures;
  id: NeedGroupId;
  name: string;
  /** The registered patients the group is drawn from, and what they are. */
  population: { count: number; description: string };
  /** Share of the central total hours (0–1, 3 decimals): which group drives the need. */
  shareOfCentral: number;
}

export interface AssumptionWithEffect extends ResolvedAssumption {
  /** Total central WTE with only this assumption moved to the low / high end of its range. */
  effect: { atLow: number; atHigh: number };
}

export interface NeedResult {
  groups: NeedGroupResult[];
  total: NeedFigures & { extremes: NeedFigures };
  assumptions: AssumptionWithEffect[];
}

type Values = Record<string, number>;

/** Patients of one sex aged from..to inclusive (to = Infinity: and over). */
export function patientsAged(counts: readonly number[], from: number, to: number): number {
  let n = 0;
  const last = Math.min(to, counts.length - 1);
  for (let age = from; age <= last; age++) n += counts[age] ?? 0;
  return n;
}

const both = (p: AgeSexProfile, from: number, to: number) => patientsAged(p.male, from, to) + patientsAged(p.female, from, to);

const FRAILTY_BANDS: [string, number, number][] = [
  ["frailty65to69", 65, 69],
  ["frailty70to74", 70, 74],
  ["frailty75to79", 75, 79],
  ["frailty80to84", 80, 84],
  ["frailty85plus", 85, Infinity],
];

interface Raw {
  people: number;
  patients: number;
  hours: number;
}

/** Minutes of OT time per patient seen, for a group's contacts and share of first contacts at home. */
export function minutesPerPatient(v: Values, contacts: number, homeVisitShare: number): number {
  return v.firstContactMinutes! + v.adminMinutes! + homeVisitShare * v.travelMinutes! + (contacts - 1) * (v.followUpMinutes! + v.adminMinutes!);
}

/** The three groups' people, patients and hours for one set of values (unrounded). */
export function needAt(profile: AgeSexProfile, v: Values): Record<NeedGroupId, Raw> {
  const pct = (id: string) => v[id]! / 100;

  const frailPeople = FRAILTY_BANDS.reduce((s, [id, from, to]) => s + both(profile, from, to) * pct(id), 0);
  const frailPatients = frailPeople * pct("reachFrailty");
  const frailMinutes = minutesPerPatient(v, v.contactsFrailty!, pct("homeVisitShareFrailty"));

  const f16 = patientsAged(profile.female, 16, 64);
  const m16 = patientsAged(profile.male, 16, 64);
  const mhPeople = (f16 * pct("cmdFemale") + m16 * pct("cmdMale")) * pct("severeShareMentalHealth");
  const mhPatients = mhPeople * pct("reachMentalHealth");
  const mhMinutes = minutesPerPatient(v, v.contactsMentalHealth!, 0);

  const f18 = patientsAged(profile.female, 18, 64);
  const m18 = patientsAged(profile.male, 18, 64);
  const notes = f18 * pct("fitNotesFemale") + m18 * pct("fitNotesMale");
  const workPeople = ((notes * pct("longNoteShare")) / v.notesPerEpisode!) * (1 - pct("overlapMentalHealth"));
  const workPatients = workPeople * pct("reachWork");
  const workMinutes = minutesPerPatient(v, v.contactsWork!, 0);

  return {
    frailty: { people: frailPeople, patients: frailPatients, hours: (frailPatients * frailMinutes) / 60 },
    "mental-health": { people: mhPeople, patients: mhPatients, hours: (mhPatients * mhMinutes) / 60 },
    work: { people: workPeople, patients: workPatients, hours: (workPatients * workMinutes) / 60 },
  };
}

const whole = (n: number) => Math.round(n);
const wte2 = (n: number) => Math.round(n * 100) / 100;

export function valuesOf(assumptions: readonly ResolvedAssumption[], at: "low" | "central" | "high"): Values {
  const v: Values = {};
  for (const a of assumptions) {
    if (at === "central") v[a.id] = a.value;
    else v[a.id] = (at === "high") === a.raises ? a.high : a.low;
  }
  return v;
}

type Metric = "people" | "patients" | "hours" | "wte";
const METRICS: Metric[] = ["people", "patients", "hours", "wte"];
type Point = Record<NeedGroupId | "total", Record<Metric, number>>;

/** Every group's and the total's figures (unrounded) for one set of values. */
function evaluate(profile: AgeSexProfile, v: Values): Point {
  const g = needAt(profile, v);
  const perWte = v.clinicalHoursPerWte!;
  const point = {} as Point;
  const total = { people: 0, patients: 0, hours: 0, wte: 0 };
  for (const id of NEED_GROUP_IDS) {
    point[id] = { ...g[id], wte: g[id].hours / perWte };
    for (const m of METRICS) total[m] += point[id][m];
  }
  point.total = total;
  return point;
}

/**
 * The population need for OT: per group and in total, low / central / high, with the assumptions
 * used (each with its effect on the total WTE). Issues with the overrides are returned, not thrown;
 * the figures then use the built-in figure wherever an override was not usable.
 */
export function calculateNeed(profile: AgeSexProfile, overrides: NeedOverrides = {}): NeedResult & { issues: OverrideIssue[] } {
  const { assumptions, issues } = resolveNeedAssumptions(overrides);
  // A range that does not hold its value (an issue) would make low > central: use the value alone.
  const usable = assumptions.map((a) => (a.low <= a.value && a.value <= a.high ? a : { ...a, low: a.value, high: a.value }));
  const central = valuesOf(usable, "central");
  const mid = evaluate(profile, central);
  const lowest = evaluate(profile, valuesOf(usable, "low"));
  const highest = evaluate(profile, valuesOf(usable, "high"));
  const swings = usable.map((a) => ({ atLow: evaluate(profile, { ...central, [a.id]: a.low }), atHigh: evaluate(profile, { ...central, [a.id]: a.high }) }));

  const round = (m: Metric) => (m === "wte" ? wte2 : whole);
  const figures = (key: NeedGroupId | "total"): NeedFigures & { extremes: NeedFigures } => {
    const out = {} as NeedFigures;
    const ext = {} as NeedFigures;
    for (const m of METRICS) {
      const c = mid[key][m];
      let down = 0;
      let up = 0;
      for (const s of swings) {
        const a = s.atLow[key][m];
        const b = s.atHigh[key][m];
        down += Math.max(0, c - Math.min(a, b)) ** 2;
        up += Math.max(0, Math.max(a, b) - c) ** 2;
      }
      const r = round(m);
      // Never outside the extremes (nor below zero).
      out[m] = { low: r(Math.max(lowest[key][m], c - Math.sqrt(down), 0)), central: r(c), high: r(Math.min(highest[key][m], c + Math.sqrt(up))) };
      ext[m] = { low: r(lowest[key][m]), central: r(c), high: r(highest[key][m]) };
    }
    return { ...out, extremes: ext };
  };

  const populations: Record<NeedGroupId, { count: number; description: string }> = {
    frailty: { count: both(profile, 65, Infinity), description: "registered patients aged 65 and over" },
    "mental-health": { count: both(profile, 16, 64), description: "registered patients aged 16–64" },
    work: { count: both(profile, 18, 64), description: "registered patients aged 18–64" },
  };
  const groups = NEED_GROUP_IDS.map(
    (id): NeedGroupResult => ({
      id,
      name: NEED_GROUP_NAMES[id],
      ...figures(id),
      population: populations[id],
      shareOfCentral: mid.total.hours > 0 ? Math.round((mid[id].hours / mid.total.hours) * 1000) / 1000 : 0,
    }),
  );

  const withEffect = assumptions.map(
    (a, i): AssumptionWithEffect => ({ ...a, effect: { atLow: wte2(swings[i]!.atLow.total.wte), atHigh: wte2(swings[i]!.atHigh.total.wte) } }),
  );

  return { groups, total: figures("total"), assumptions: withEffect, issues };
}
