// The scenario contract: POST /api/v1/pcns/{code}/scenarios, PUT /api/v1/scenarios/{id}, the
// planner page (which validates each edit in the browser with these same schemas) and the
// posts CSV. Money in pounds, dates as YYYY-MM-DD, rates as fractions — as in the estimate API.
import "./zod-csp";
import { z } from "zod";
import { isAfcBand, parseFinancialYear, financialYearLabel, parseIsoDate, rulesForYear, toScaledInteger } from "@/lib/engine";
import { formatDate } from "@/lib/format";
import { financialYearField, growthField, numberField, poundsField } from "./common";
import { AssumptionsSchema, checkPost, POST_FIELDS } from "./estimate";
import { NeedOverridesSchema } from "./need";

export const MAX_SCENARIO_YEARS = 5;
export const MAX_SCENARIO_POSTS = 200;
export const MAX_SUPERVISORS = 50;
/** Largest scenario body accepted by the API (bytes). */
export const MAX_SCENARIO_BODY_BYTES = 1_000_000;

export const CHECK_STATUSES = ["not-started", "in-progress", "done"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
const checkStatus = (label: string) =>
  z.enum(CHECK_STATUSES, { error: `${label} must be "not-started", "in-progress" or "done".` }).default("not-started");

const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date written as YYYY-MM-DD, e.g. 2025-10-01.` })
    .refine((s) => parseIsoDate(s) !== null, { message: `${label} must be a real date written as YYYY-MM-DD, e.g. 2025-10-01.` });

const shortText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s), { message: `${label} cannot contain control characters.` });

export const ROADMAP_STATUSES = ["qualified", "in-training"] as const;
export type RoadmapStatusValue = (typeof ROADMAP_STATUSES)[number];

/** The First Contact roadmap record (domain.md §7) carried by First Contact roles. */
export const FirstContactSchema = z.strictObject(
  {
    hcpcRegistration: checkStatus("HCPC registration"),
    /** Whole or part years since HCPC registration (NHS England recommends 3–5 before roadmap training). */
    yearsRegistered: numberField("Years since registration", "4")
      .refine((v) => v >= 0 && v <= 60, { message: "Years since registration must be between 0 and 60." })
      .optional(),
    stage1: checkStatus("Roadmap Stage 1"),
    stage2: checkStatus("Roadmap Stage 2 sign-off"),
    /** When Stage 2 was (or is expected to be) signed off: roadmap supervision runs until then. */
    stage2SignOff: isoDate("Stage 2 sign-off date").optional(),
    /** The named roadmap supervisor (a supervisor id of this scenario). */
    supervisorId: shortText("Supervisor", 100).optional(),
    /**
     * Roadmap status as the user states it: "qualified" (no roadmap supervision) or "in-training".
     * Absent: worked out (lib/planner/first-contact.ts roadmapStatus) from Stage 2 and, for an
     * existing post, its start date.
     */
    roadmap: z.enum(ROADMAP_STATUSES, { error: 'Roadmap must be "qualified" or "in-training" (or left blank to work it out from the checklist and the start date).' }).optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "firstContact must be an object.") },
);
export type FirstContactRecord = z.infer<typeof FirstContactSchema>;

export const POST_STATUSES = ["existing", "proposed"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** A scenario post: the estimate API's post fields, plus label, status, pay step, roadmap record. */
export const ScenarioPostSchema = z
  .strictObject(
    {
      ...POST_FIELDS,
      // The id is optional here: the server gives new posts one ("post-3").
      id: z
        .string({ error: 'A post id must be text, e.g. "ot-1".' })
        .trim()
        .min(1, 'A post id cannot be empty, e.g. "ot-1".')
        .max(100, "A post id can be at most 100 characters.")
        .optional(),
      label: shortText("Label", 100).default(""),
      status: z.enum(POST_STATUSES, { error: 'Status must be "existing" or "proposed".' }).default("proposed"),
      /** AfC incremental date: from this date the post is priced at the next point of its band. */
      nextPayStep: isoDate("Next pay step date").optional(),
      firstContact: FirstContactSchema.optional(),
      /** Clinical supervision: a supervisor id of this scenario (First Contact posts may set it in firstContact instead). */
      supervisorId: shortText("Supervisor", 100).optional(),
      /**
       * Proposed posts: when the post is expected to be filled, if recruitment takes longer than the
       * planned start (issue 16, item 5). The plan stays priced from `start`; the slip line prices the
       * post a second time from this date.
       */
      expectedStart: isoDate("Expected start date").optional(),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "Each post must be an object.") },
  )
  .superRefine((p, ctx) => checkPost(p, ctx))
  .superRefine(checkExpectedStart);
export type ScenarioPostInput = z.input<typeof ScenarioPostSchema>;

/** An expected start: proposed posts only, on or after the planned start, on or before the end. */
function checkExpectedStart(p: { status: PostStatus; start?: string | undefined; end?: string | undefined; expectedStart?: string | undefined }, ctx: z.RefinementCtx): void {
  const e = p.expectedStart;
  if (e === undefined || parseIsoDate(e) === null) return;
  const path = ["expectedStart"];
  if (p.status !== "proposed") {
    ctx.addIssue({ code: "custom", path, message: `An expected start date (${formatDate(e)}) is for a post still to be recruited: this post is marked existing. Mark it proposed, or remove the expected start date.` });
    return;
  }
  if (p.start !== undefined && parseIsoDate(p.start) !== null && e < p.start) {
    ctx.addIssue({ code: "custom", path, message: `Expected start date ${formatDate(e)} is before the planned start date ${formatDate(p.start)}: it is when the post is expected to be filled if recruitment takes longer, so it must be on or after the planned start.` });
  }
  if (p.end !== undefined && parseIsoDate(p.end) !== null && e > p.end) {
    ctx.addIssue({ code: "custom", path, message: `Expected start date ${formatDate(e)} is after the post's end date ${formatDate(p.end)}: the post would never be filled. Enter a date on or before ${formatDate(p.end)}.` });
  }
}
export type ScenarioPost = z.infer<typeof ScenarioPostSchema>;

export const SupervisorSchema = z.strictObject(
  {
    id: shortText("Supervisor id", 100).pipe(z.string().min(1, "Each supervisor needs an id.")),
    name: shortText("Supervisor name", 100).pipe(z.string().min(1, "Give the supervisor's name.")),
    /** Whole-time equivalent available to supervise: at most 4 roadmap trainees per 1.0 WTE. */
    wte: numberField("Supervisor WTE", "1.0")
      .refine((v) => v > 0 && v <= 1, { message: "Supervisor WTE must be more than 0 and at most 1.0." })
      .refine((v) => toScaledInteger(v, 4) !== null, { message: "Supervisor WTE can have at most 4 decimal places." }),
    /** e.g. "GP", "FCP (Stages 1–2)", "Advanced practitioner". */
    kind: shortText("Supervisor type", 60).optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "Each supervisor must be an object.") },
);
export type Supervisor = z.infer<typeof SupervisorSchema>;

/** Supervision figures (domain.md §7); each has a sourced default in lib/engine/scenario. */
export const SupervisionAssumptionsSchema = z.strictObject(
  {
    wbaPerMonth: numberField("Workplace-based assessments a month", "2").refine((v) => v >= 0 && v <= 31, { message: "Assessments a month must be between 0 and 31." }).optional(),
    wbaMinutes: numberField("Minutes per assessment", "60").refine((v) => v >= 0 && v <= 480, { message: "Minutes per assessment must be between 0 and 480." }).optional(),
    debriefMinutesPerDay: numberField("Daily debrief minutes", "30").refine((v) => v >= 0 && v <= 240, { message: "Daily debrief minutes must be between 0 and 240." }).optional(),
    workingDaysPerMonth: numberField("Working days a month", "21").refine((v) => v > 0 && v <= 31, { message: "Working days a month must be more than 0 and at most 31." }).optional(),
    clinicalSupervisionMinutesPerMonth: numberField("Clinical supervision minutes a month", "60").refine((v) => v >= 0 && v <= 2400, { message: "Clinical supervision minutes a month must be between 0 and 2,400." }).optional(),
    traineesPerSupervisorWte: numberField("Roadmap trainees per 1.0 WTE supervisor", "4").refine((v) => v > 0 && v <= 20, { message: "Trainees per supervisor must be more than 0 and at most 20." }).optional(),
    supervisorHourlyCost: poundsField("Supervisor's hourly cost", "54.16", 1000).optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown supervision assumption(s): ${iss.keys.join(", ")}.` : "supervision must be an object.") },
);
export type SupervisionAssumptions = z.infer<typeof SupervisionAssumptionsSchema>;

const fyKey = (label: string) =>
  z.string().refine((k) => parseFinancialYear(k) !== null, { message: `${label}: years are written like 2027/28.` });


/**
 * Scenario assumptions: every estimate-API override (they apply to the first year, exactly as in
 * the estimate API; the on-cost ones — NI rate, NI threshold, pension rate — carry into every later
 * year too), `byYear` overrides for later years, and the projection / cash-flow figures.
 */
export const ScenarioAssumptionsSchema = AssumptionsSchema.safeExtend({
  byYear: z.record(fyKey("byYear"), AssumptionsSchema, { error: 'byYear must map years ("2026/27") to assumptions.' }).optional(),
  /** Annual pay award on pay points, HCAS limits and maxima for projected years (default 0.03). */
  payAward: growthField("Pay award", "0.03").optional(),
  /** Doctors' (DDRB) pay award for GP posts in projected years (default: the pay award). */
  doctorsPayAward: growthField("Doctors' pay award", "0.035").optional(),
  payAwardByYear: z.record(fyKey("payAwardByYear"), growthField("Pay award", "0.03"), { error: 'payAwardByYear must map years ("2027/28") to fractions.' }).optional(),
  /** Annual growth of the ARRS rate per weighted patient for projected years (default 0.025). */
  rateGrowth: growthField("Growth of the ARRS rate", "0.025").optional(),
  /** Annual growth of the weighted population after the first year (default 0). */
  populationGrowth: growthField("Growth of the weighted population", "0.01").optional(),
  /** Months between the month a claim pays for and the month the money arrives (default 2). */
  claimLagMonths: numberField("Claim lag", "2")
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 12, { message: "Claim lag must be a whole number of months from 0 to 12." })
    .optional(),
  supervision: SupervisionAssumptionsSchema.optional(),
  /**
   * Months recruitment is expected to take (issue 16, item 5): a proposed post without its own
   * expected start is expected to start this many months after its planned start (or after the
   * plan's first day when it has none). The plan stays as planned; the slip line shows the difference.
   */
  timeToFillMonths: numberField("Time to fill", "4")
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 24, { message: "Time to fill must be a whole number of months from 0 to 24." })
    .optional(),
  /** How the PCN-funded cost is split across member practices (default weighted). */
  shareBasis: z.enum(["weighted", "registered"], { error: 'shareBasis must be "weighted" or "registered".' }).optional(),
  /** Population-need assumptions changed for this scenario (lib/need ids, id.low, id.high → numbers); absent = the built-in ones. */
  need: NeedOverridesSchema.optional(),
});
export type ScenarioAssumptions = z.infer<typeof ScenarioAssumptionsSchema>;

const scenarioFields = {
  name: shortText("Name", 120).pipe(z.string().min(1, "Give the scenario a name.")),
  description: shortText("Description", 2000).optional(),
  firstYear: financialYearField("The first year"),
  years: numberField("Years", "3").refine((v) => Number.isInteger(v) && v >= 1 && v <= MAX_SCENARIO_YEARS, {
    message: `Years must be a whole number from 1 to ${MAX_SCENARIO_YEARS}.`,
  }),
  assumptions: ScenarioAssumptionsSchema.default({}),
  posts: z.array(ScenarioPostSchema, { error: "posts must be a list of posts." }).max(MAX_SCENARIO_POSTS, `At most ${MAX_SCENARIO_POSTS} posts in one scenario.`).default([]),
  supervisors: z.array(SupervisorSchema, { error: "supervisors must be a list." }).max(MAX_SUPERVISORS, `At most ${MAX_SUPERVISORS} supervisors.`).default([]),
};

type Ctx = z.RefinementCtx;

function checkScenario(s: { firstYear: string; years: number; posts: ScenarioPost[]; supervisors: Supervisor[] }, ctx: Ctx) {
  const rules = rulesForYear(s.firstYear);
  const ids = new Set<string>();
  s.posts.forEach((p, i) => {
    if (rules && p.band !== undefined && p.point !== undefined && isAfcBand(p.band)) {
      const points = rules.afc[p.band].points;
      if (p.point > points.length) {
        ctx.addIssue({ code: "custom", path: ["posts", i, "point"], message: `Band ${p.band} has ${points.length} pay points in ${s.firstYear}; point ${p.point} does not exist.` });
      }
    }
    if (p.nextPayStep !== undefined && (p.band === undefined || p.point === undefined)) {
      ctx.addIssue({ code: "custom", path: ["posts", i, "nextPayStep"], message: "A pay step needs a band and pay point (a spot salary has no next point)." });
    }
    if (p.id !== undefined) {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["posts", i, "id"], message: `Two posts have the id "${p.id}": ids must be unique.` });
      ids.add(p.id);
    }
  });
  const supIds = new Set<string>();
  s.supervisors.forEach((sup, i) => {
    if (supIds.has(sup.id)) ctx.addIssue({ code: "custom", path: ["supervisors", i, "id"], message: `Two supervisors have the id "${sup.id}".` });
    supIds.add(sup.id);
  });
  s.posts.forEach((p, i) => {
    for (const [path, id] of [
      [["posts", i, "supervisorId"], p.supervisorId],
      [["posts", i, "firstContact", "supervisorId"], p.firstContact?.supervisorId],
    ] as const) {
      if (id !== undefined && id !== "" && !supIds.has(id)) ctx.addIssue({ code: "custom", path: [...path], message: `No supervisor with id "${id}" in this scenario.` });
    }
  });
}

const strictError = (iss: { code: string; keys?: string[] }) =>
  iss.code === "unrecognized_keys" ? `Unknown field(s): ${(iss.keys ?? []).join(", ")}.` : "The scenario must be a JSON object.";

/** POST /api/v1/pcns/{code}/scenarios. */
export const ScenarioBodySchema = z.strictObject(scenarioFields, { error: strictError }).superRefine(checkScenario);
export type ScenarioBody = z.infer<typeof ScenarioBodySchema>;
export type ScenarioBodyInput = z.input<typeof ScenarioBodySchema>;

/**
 * The scenario whose posts have each passed ScenarioPostSchema already (given as its output): only
 * the scenario's own fields and the rules across posts are checked. The planner validates each post
 * once and keeps the result while the post is unchanged, so an edit of one post does not re-check
 * fifty; for such posts the result equals ScenarioBodySchema's.
 */
export const ScenarioBodyOfCheckedPostsSchema = z
  .strictObject(
    {
      ...scenarioFields,
      posts: z
        .array(z.custom<ScenarioPost>(), { error: "posts must be a list of posts." })
        .max(MAX_SCENARIO_POSTS, `At most ${MAX_SCENARIO_POSTS} posts in one scenario.`)
        .default([]),
    },
    { error: strictError },
  )
  .superRefine(checkScenario);

/** PUT /api/v1/scenarios/{id}: the whole scenario plus the version it was based on. */
export const ScenarioUpdateSchema = z
  .strictObject(
    {
      ...scenarioFields,
      version: numberField("version", "3").refine((v) => Number.isInteger(v) && v >= 1, { message: "version must be the whole number you loaded the scenario with." }),
    },
    { error: strictError },
  )
  .superRefine(checkScenario);
export type ScenarioUpdate = z.infer<typeof ScenarioUpdateSchema>;

/** The financial years of a scenario's horizon, first year first. */
export function scenarioYears(firstYear: string, years: number): string[] {
  const start = parseFinancialYear(firstYear)!;
  return Array.from({ length: years }, (_, i) => financialYearLabel(start + i));
}
