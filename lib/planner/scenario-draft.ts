// The planner's editable copy of a scenario (every field text, as typed) ⇄ the scenario contract.
// `checkScenarioDraft` validates it with ScenarioBodySchema and finds the largest valid part to
// calculate with, so the summary keeps updating while one field is wrong. Pure; runs in the browser.
import { toFieldIssues } from "@/lib/schemas/common";
import { ScenarioBodyOfCheckedPostsSchema, ScenarioBodySchema, type ScenarioAssumptions, type ScenarioBody, type ScenarioBodyInput, type ScenarioPost, type ScenarioPostInput, type Supervisor } from "@/lib/schemas/scenario";
import { checkDraft, datesOutsidePeriod, financialYearPeriod, numberFromText, postToDraft, type DraftCheck, type PostDraft } from "./post-draft";

export interface SupervisorDraft {
  key: string;
  id: string;
  name: string;
  wte: string;
  kind: string;
}

/** Assumption fields edited as text. Rates and growths are typed as percentages ("3" = 0.03). */
export const PERCENT_FIELDS = ["payAward", "rateGrowth", "populationGrowth", "employerNiRate", "employerPensionRate"] as const;
export const PLAIN_FIELDS = ["claimLagMonths", "arrsRatePerWeightedPatient", "employerNiThresholdAnnual", "timeToFillMonths"] as const;
export const SUPERVISION_FIELDS = [
  "wbaPerMonth",
  "wbaMinutes",
  "debriefMinutesPerDay",
  "workingDaysPerMonth",
  "clinicalSupervisionMinutesPerMonth",
  "traineesPerSupervisorWte",
  "supervisorHourlyCost",
] as const;
export type PercentField = (typeof PERCENT_FIELDS)[number];
export type PlainField = (typeof PLAIN_FIELDS)[number];
export type SupervisionField = (typeof SUPERVISION_FIELDS)[number];

export interface AssumptionsDraft {
  text: Record<PercentField | PlainField, string>;
  supervision: Record<SupervisionField, string>;
  /** Maximum reimbursable overrides (£ a year) by role id. */
  caps: Record<string, string>;
  shareBasis: "" | "weighted" | "registered";
  /**
   * Fields kept as loaded (byYear, payAwardByYear, doctorsPayAward) or edited whole by their own
   * control (need: the population-need overrides; expectedUplift and byYear[fy].expectedUplift: the
   * backdated-uplift switches).
   */
  kept: Pick<ScenarioAssumptions, "byYear" | "payAwardByYear" | "need" | "expectedUplift" | "doctorsPayAward">;
}

export interface ScenarioDraft {
  name: string;
  description: string;
  firstYear: string;
  years: string;
  posts: PostDraft[];
  supervisors: SupervisorDraft[];
  assumptions: AssumptionsDraft;
}

/** "2.5" (%) → 0.025, decimal-exact (no 2.55 / 100 = 0.025499999…); other text stays text for zod. */
export function percentTextToFraction(text: string): number | string | undefined {
  const v = numberFromText(text.replace(/%\s*$/, ""));
  if (typeof v !== "number") return v;
  return Number(`${v}e-2`);
}

/** 0.025 → "2.5". */
export function fractionToPercentText(v: number | undefined): string {
  return v === undefined ? "" : String(Number(`${v}e2`));
}

const text = (v: number | undefined) => (v === undefined ? "" : String(v));

export interface ScenarioSource {
  name: string;
  description?: string | null | undefined;
  firstYear: string;
  years: number;
  assumptions?: ScenarioAssumptions | undefined;
  posts: (ScenarioPostInput | ScenarioPost)[];
  supervisors: Supervisor[];
}

export function toScenarioDraft(s: ScenarioSource): ScenarioDraft {
  const a = s.assumptions ?? {};
  return {
    name: s.name,
    description: s.description ?? "",
    firstYear: s.firstYear,
    years: String(s.years),
    posts: s.posts.map((p, i) => postToDraft(p, `p${i + 1}-${p.id ?? i}`)),
    supervisors: s.supervisors.map((x, i) => ({ key: `s${i + 1}-${x.id}`, id: x.id, name: x.name, wte: String(x.wte), kind: x.kind ?? "" })),
    assumptions: {
      text: {
        payAward: fractionToPercentText(a.payAward),
        rateGrowth: fractionToPercentText(a.rateGrowth),
        populationGrowth: fractionToPercentText(a.populationGrowth),
        employerNiRate: fractionToPercentText(a.employerNiRate),
        employerPensionRate: fractionToPercentText(a.employerPensionRate),
        claimLagMonths: text(a.claimLagMonths),
        arrsRatePerWeightedPatient: text(a.arrsRatePerWeightedPatient),
        employerNiThresholdAnnual: text(a.employerNiThresholdAnnual),
        timeToFillMonths: text(a.timeToFillMonths),
      },
      supervision: Object.fromEntries(SUPERVISION_FIELDS.map((k) => [k, text(a.supervision?.[k])])) as Record<SupervisionField, string>,
      caps: Object.fromEntries(Object.entries(a.maxReimbursableAnnual ?? {}).map(([k, v]) => [k, String(v)])),
      shareBasis: a.shareBasis ?? "",
      kept: {
        ...(a.byYear ? { byYear: a.byYear } : {}),
        ...(a.payAwardByYear ? { payAwardByYear: a.payAwardByYear } : {}),
        ...(a.need ? { need: a.need } : {}),
        ...(a.expectedUplift !== undefined ? { expectedUplift: a.expectedUplift } : {}),
        ...(a.doctorsPayAward !== undefined ? { doctorsPayAward: a.doctorsPayAward } : {}),
      },
    },
  };
}

function assumptionsInput(a: AssumptionsDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a.kept };
  for (const k of PERCENT_FIELDS) {
    const v = percentTextToFraction(a.text[k]);
    if (v !== undefined) out[k] = v;
  }
  for (const k of PLAIN_FIELDS) {
    const v = numberFromText(a.text[k]);
    if (v !== undefined) out[k] = v;
  }
  const sup: Record<string, unknown> = {};
  for (const k of SUPERVISION_FIELDS) {
    const v = numberFromText(a.supervision[k]);
    if (v !== undefined) sup[k] = v;
  }
  if (Object.keys(sup).length) out.supervision = sup;
  const caps: Record<string, unknown> = {};
  for (const [role, t] of Object.entries(a.caps)) {
    const v = numberFromText(t);
    if (v !== undefined) caps[role] = v;
  }
  if (Object.keys(caps).length) out.maxReimbursableAnnual = caps;
  if (a.shareBasis) out.shareBasis = a.shareBasis;
  return out;
}

export interface ScenarioDraftCheck {
  /** The whole draft in the contract's input shape (what Save sends). */
  input: ScenarioBodyInput;
  /** The validated scenario, when everything is good. */
  body: ScenarioBody | null;
  /** Dotted path ("posts.2.wte", "assumptions.payAward", "name") → message. */
  errors: Record<string, string>;
  posts: DraftCheck[];
  /** The largest valid part (posts, supervisors and assumptions with errors left out), to calculate with. */
  computable: ScenarioBody | null;
  /** How many posts the computable part leaves out. */
  postsLeftOut: number;
  /** Why, one line per post left out: "Post 2 (OT): Start date … is after this plan ends …" (shown beside the summary). */
  leftOutReasons: string[];
}

function issuesToErrors(issues: { path: string; message: string }[], into: Record<string, string>) {
  for (const i of issues) {
    // A post's sessions or hours are typed in its WTE cell: their messages show there.
    const path = i.path.replace(/^(posts\.\d+\.)(sessions|hoursPerWeek)$/, "$1wte");
    if (!into[path]) into[path] = i.message;
  }
}

/** Deletes `path` ("assumptions.supervision.wbaMinutes") from a plain object, in place. */
function dropPath(obj: Record<string, unknown>, path: string[]) {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) delete obj[head];
  else if (obj[head] && typeof obj[head] === "object") dropPath(obj[head] as Record<string, unknown>, rest);
}

/** Each post's check, kept while the post object is unchanged (edits replace only the edited post). */
const postChecks = new WeakMap<PostDraft, DraftCheck>();
function checkPostCached(p: PostDraft): DraftCheck {
  let c = postChecks.get(p);
  if (!c) postChecks.set(p, (c = checkDraft(p)));
  return c;
}

/** The days a plan covers: 1 April of its first year to 31 March of its last (null while the years are not valid). */
function planPeriod(firstYear: string, years: number | string | undefined) {
  const first = financialYearPeriod(firstYear);
  if (!first || typeof years !== "number" || !Number.isInteger(years) || years < 1 || years > 5) return null;
  const lastStart = Number(firstYear.slice(0, 4)) + years - 1;
  const lastLabel = `${lastStart}/${String((lastStart + 1) % 100).padStart(2, "0")}`;
  return {
    first: first.first,
    last: `${lastStart + 1}-03-31`,
    label: years === 1 ? `this plan (${firstYear})` : `this plan (${firstYear} to ${lastLabel})`,
    fixLateStart: years < 5 ? "or plan more years" : "or start the plan in a later year",
  };
}

export function checkScenarioDraft(d: ScenarioDraft): ScenarioDraftCheck {
  const posts = d.posts.map(checkPostCached);
  const supervisors = d.supervisors.map((s) => ({ id: s.id, name: s.name, wte: numberFromText(s.wte), ...(s.kind.trim() ? { kind: s.kind } : {}) }));
  const input = {
    name: d.name,
    ...(d.description.trim() ? { description: d.description } : {}),
    firstYear: d.firstYear,
    years: numberFromText(d.years),
    assumptions: assumptionsInput(d.assumptions),
    posts: posts.map((p) => p.input),
    supervisors,
  } as ScenarioBodyInput;
  const errors: Record<string, string> = {};
  posts.forEach((p, i) => {
    for (const [k, m] of Object.entries(p.errors)) errors[`posts.${i}.${k}`] = m;
  });
  // A post in post on no day of the plan costs £0.00 in every year: a field error on the date.
  const horizon = planPeriod(d.firstYear, numberFromText(d.years));
  if (horizon) {
    posts.forEach((p, i) => {
      if (p.errors.start || p.errors.end) return;
      const issue = datesOutsidePeriod({ start: p.input.start as string | undefined, end: p.input.end as string | undefined }, horizon);
      if (issue) errors[`posts.${i}.${issue.field}`] = issue.message;
    });
  }
  // Each post was validated on its own (and is kept while unchanged): when all passed, only the
  // scenario-wide rules are checked again, not every post (issue 14 item 17).
  const checkedPosts = posts.every((p) => p.post !== null) ? posts.map((p) => p.post!) : null;
  const parsed = checkedPosts ? ScenarioBodyOfCheckedPostsSchema.safeParse({ ...input, posts: checkedPosts }) : ScenarioBodySchema.safeParse(input);
  if (!parsed.success) issuesToErrors(toFieldIssues(parsed.error), errors);
  const ok = parsed.success && Object.keys(errors).length === 0;
  if (ok) return { input, body: parsed.data, errors, posts, computable: parsed.data, postsLeftOut: 0, leftOutReasons: [] };

  // The computable part: drop every post / supervisor with an error and every bad assumption.
  const badPosts = new Set<number>();
  const badSups = new Set<number>();
  const assumptions = structuredClone(input.assumptions ?? {}) as Record<string, unknown>;
  for (const path of Object.keys(errors)) {
    const parts = path.split(".");
    if (parts[0] === "posts" && parts[1] !== undefined) badPosts.add(Number(parts[1]));
    else if (parts[0] === "supervisors" && parts[1] !== undefined) badSups.add(Number(parts[1]));
    else if (parts[0] === "assumptions") dropPath(assumptions, parts.slice(1));
  }
  const goodSups = supervisors.filter((_, i) => !badSups.has(i));
  const supIds = new Set(goodSups.map((s) => s.id));
  const goodPosts = posts
    .filter((_, i) => !badPosts.has(i))
    .map((p) => {
      const q = { ...p.input } as Record<string, unknown>;
      if (typeof q.supervisorId === "string" && !supIds.has(q.supervisorId)) delete q.supervisorId;
      const fc = q.firstContact as Record<string, unknown> | undefined;
      if (fc && typeof fc.supervisorId === "string" && !supIds.has(fc.supervisorId)) q.firstContact = { ...fc, supervisorId: undefined };
      return q;
    });
  const fallback = {
    ...input,
    name: d.name.trim() || "Scenario",
    assumptions,
    posts: goodPosts,
    supervisors: goodSups,
  };
  const second = ScenarioBodySchema.safeParse(fallback);
  const leftOutReasons = [...badPosts]
    .sort((a, b) => a - b)
    .map((i) => {
      const first = Object.entries(errors).find(([k]) => k.startsWith(`posts.${i}.`));
      const label = d.posts[i]?.label.trim();
      return `Post ${i + 1}${label ? ` (${label})` : ""}: ${first?.[1] ?? "has an error."}`;
    });
  return { input, body: null, errors, posts, computable: second.success ? second.data : null, postsLeftOut: badPosts.size, leftOutReasons };
}

export type { Supervisor };
