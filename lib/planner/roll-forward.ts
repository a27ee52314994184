// "Start next year's plan from this one" (issue 16 item 3): a saved scenario → the body of a new
// scenario whose first year is the next financial year, starting from the team in post on its
// first day. Pure (no clock, no database): the server decides whether the next year is allowed.
//
// Chosen so the new plan's first year prices each carried post exactly as the old plan priced it
// in that year (lib/planner/compute.ts):
// - a post in post on 1 April of the next year (started by then, not ended before) is kept as
//   `existing`, its start and end dates kept (its real dates);
// - pay: a band + point post whose pay step (`nextPayStep`) falls on or before that 1 April moves
//   to the next point of its band and the step is used up (at the top of the band it stays, as the
//   calculation ignores the step there); a later step is kept. A spot salary rises by the next
//   year's pay award as the calculation raises it (the doctors' award for GPs), to the penny.
//   The engine models only the one step a post is given (Agenda for Change progression is not
//   annual since 2021), so no other step is assumed;
// - First Contact roadmap: a post in training whose sign-off (given, or worked out as 18 months
//   after an existing post's start) is on or before that 1 April has finished: Stages 1 and 2 are
//   marked done. A post in training all plan long (a proposed post with no sign-off date) is said to
//   be in training, so becoming `existing` does not change how it is costed;
// - posts that ended before that 1 April are dropped; posts starting after it keep their status
//   and dates;
// - assumptions: the old first year's own figures (ARRS rate, maxima) are dropped, as the old plan
//   used them for that year only; `byYear` and `payAwardByYear` keep the next year and later;
//   everything else (pay awards, growth, claim lag, supervision, need settings) is carried;
// - supervisors carried; the same number of years; named "<name> 2027/28".
import { financialYearLabel, isAfcBand, parseFinancialYear, poundsToPence, rulesForYear } from "@/lib/engine";
import type { ScenarioAssumptions, ScenarioBody, ScenarioPost } from "@/lib/schemas/scenario";
import { raiseSalaryPence, yearPayAwards } from "./compute";
import { planStartOf, roadmapStatus } from "./first-contact";

/** The longest scenario name (lib/schemas/scenario.ts). */
const MAX_NAME = 120;

export interface RollForwardSummary {
  /** The next financial year: the new plan's first year. */
  firstYear: string;
  /** Its first day (YYYY-MM-DD). */
  firstDay: string;
  /** Posts in post on that day, now `existing`. */
  carried: string[];
  /** Of those, posts that moved up a pay point (their pay step was due by then). */
  stepped: string[];
  /** Posts whose spot salary rose by the pay award. */
  raised: string[];
  /** First Contact posts whose roadmap was finished by then. */
  roadmapCompleted: string[];
  /** Posts starting after that day, kept as they were. */
  later: string[];
  /** Posts that ended before that day: not in the new plan. */
  dropped: { id: string; label: string; end: string }[];
}

/** "2026/27" → "2027/28" (null for text that is not a financial year). */
export function nextFinancialYear(fy: string): string | null {
  const y = parseFinancialYear(fy);
  return y === null ? null : financialYearLabel(y + 1);
}

/** The new plan's name: "<name> 2027/28" (a name ending in the old first year has it replaced), at most 120 characters. */
export function rolledForwardName(name: string, oldYear: string, newYear: string): string {
  const trimmed = name.trim();
  const base = trimmed.endsWith(` ${oldYear}`) ? trimmed.slice(0, -oldYear.length - 1).trimEnd() : trimmed;
  return `${base.slice(0, MAX_NAME - newYear.length - 1).trimEnd()} ${newYear}`;
}

function carriedAssumptions(a: ScenarioAssumptions, newYear: string): ScenarioAssumptions {
  // The old first year's own ARRS rate and maxima applied to that year only (compute.ts overridesFor).
  const { arrsRatePerWeightedPatient: _rate, maxReimbursableAnnual: _caps, byYear, payAwardByYear, ...kept } = a;
  const from = (rec: Record<string, unknown> | undefined) => {
    const entries = Object.entries(rec ?? {}).filter(([fy]) => (parseFinancialYear(fy) ?? 0) >= parseFinancialYear(newYear)!);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const by = from(byYear) as ScenarioAssumptions["byYear"];
  const awards = from(payAwardByYear) as ScenarioAssumptions["payAwardByYear"];
  return { ...kept, ...(by ? { byYear: by } : {}), ...(awards ? { payAwardByYear: awards } : {}) };
}

/**
 * The new scenario's body and what happened to each post. `scenario` is a validated saved
 * scenario (its posts have ids). Throws RangeError for a first year that is not a financial year.
 */
export function rollForwardScenario(scenario: ScenarioBody): { body: ScenarioBody; summary: RollForwardSummary } {
  const newYear = nextFinancialYear(scenario.firstYear);
  if (newYear === null) throw new RangeError(`not a financial year: ${scenario.firstYear}`);
  const firstDay = planStartOf(newYear);
  const oldStart = planStartOf(scenario.firstYear);
  const awards = yearPayAwards(scenario, newYear);
  const bandPoints = rulesForYear(newYear)!.afc;
  const summary: RollForwardSummary = { firstYear: newYear, firstDay, carried: [], stepped: [], raised: [], roadmapCompleted: [], later: [], dropped: [] };

  const posts: ScenarioPost[] = [];
  scenario.posts.forEach((p, i) => {
    const id = p.id ?? `post-${i + 1}`;
    if (p.end !== undefined && p.end < firstDay) {
      summary.dropped.push({ id, label: p.label, end: p.end });
      return;
    }
    if (p.start !== undefined && p.start > firstDay) {
      summary.later.push(id);
      posts.push({ ...p, id });
      return;
    }
    let post: ScenarioPost = { ...p, id, status: "existing" };
    // Pay: the step due by the first day, or a spot salary one pay award on.
    if (post.nextPayStep !== undefined && post.band !== undefined && post.point !== undefined && post.nextPayStep <= firstDay) {
      const { nextPayStep: _used, ...rest } = post;
      const points = isAfcBand(post.band) ? bandPoints[post.band].points.length : 0;
      post = post.point < points ? { ...rest, point: post.point + 1 } : rest;
      if (post.point !== p.point) summary.stepped.push(id);
    }
    if (post.annualSalary !== undefined) {
      const award = post.role === "gp" ? awards.doctorsPayAward : awards.payAward;
      post = { ...post, annualSalary: raiseSalaryPence(poundsToPence(post.annualSalary), award) / 100 };
      summary.raised.push(id);
    }
    // First Contact roadmap: finished by the first day → done; in training all plan long → said so.
    if (post.firstContact) {
      const rs = roadmapStatus(p, oldStart);
      if (rs.status === "in-training" && rs.signOff !== undefined && rs.signOff <= firstDay) {
        const { roadmap: _training, ...fc } = post.firstContact;
        post = { ...post, firstContact: { ...fc, stage1: "done", stage2: "done", stage2SignOff: rs.signOff } };
        summary.roadmapCompleted.push(id);
      } else if (rs.status === "in-training" && rs.signOff === undefined && post.firstContact.roadmap === undefined) {
        post = { ...post, firstContact: { ...post.firstContact, roadmap: "in-training" } };
      }
    }
    summary.carried.push(id);
    posts.push(post);
  });

  const body: ScenarioBody = {
    name: rolledForwardName(scenario.name, scenario.firstYear, newYear),
    ...(scenario.description !== undefined ? { description: scenario.description } : {}),
    firstYear: newYear as ScenarioBody["firstYear"],
    years: scenario.years,
    assumptions: carriedAssumptions(scenario.assumptions, newYear),
    posts,
    supervisors: scenario.supervisors,
  };
  return { body, summary };
}
