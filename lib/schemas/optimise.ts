// The optimiser contract (POST /api/v1/optimise, the "Optimise the role mix" page): the estimate
// API's financial year, PCN, assumptions and posts (here the existing, fixed posts), plus the
// candidate posts and the limits.
import "./zod-csp";
import { z } from "zod";
import { isAfcBand, ROLE_IDS, rulesForYear, toScaledInteger, type RoleId } from "@/lib/engine";
import { numberField, poundsField } from "./common";
import { checkPost, EstimateRequestSchema, MAX_POSTS, POST_FIELDS, PostInputSchema } from "./estimate";

export const MAX_OPTIMISE_BODY_BYTES = 1_000_000;
export const MAX_CANDIDATES = 30;
export const MAX_WTE_OPTIONS = 6;
export const MAX_EXISTING_POSTS = 200;
/** Most posts of one candidate. */
export const MAX_PER_CANDIDATE = 20;
/** Most posts over all candidates (Σ max): existing + chosen stay within one estimate's posts. */
export const MAX_CHOSEN_POSTS = MAX_POSTS - MAX_EXISTING_POSTS;
export const MAX_ALTERNATIVES = 5;

const wholeNumber = (label: string, example: string, max: number) =>
  numberField(label, example).refine((v) => Number.isInteger(v) && v >= 0 && v <= max, { message: `${label} must be a whole number from 0 to ${max}.` });

// A candidate's sizes are its wteOptions (WTE only: no sessions or hours).
const { id: _id, wte, sessions: _sessions, hoursPerWeek: _hours, ...postFields } = POST_FIELDS;

/**
 * The roles a candidate may have: every role but a commissioner-approved one, whose maximum is
 * particular to one ICB agreement (add such a post to the plan itself; as an existing post it is
 * priced like any other).
 */
export const OPTIMISER_ROLE_IDS = ROLE_IDS.filter((r): r is Exclude<RoleId, "commissioner-approved"> => r !== "commissioner-approved");

export const CandidateSchema = z
  .strictObject(
    {
      id: z
        .string({ error: 'Each candidate needs a short name (its id, text), e.g. "ot".' })
        .trim()
        .min(1, 'Each candidate needs a short name (its id), e.g. "ot".')
        .max(60, "A candidate's short name (id) can be at most 60 characters.")
        .refine((s) => /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(s), { message: "A candidate's short name (id) can use letters, digits, spaces, dots, dashes and underscores." }),
      ...postFields,
      start: postFields.start.unwrap(),
      wteOptions: z
        .array(wte.unwrap(), { error: "wteOptions must be a list of WTE values, e.g. [0.5, 1.0]." })
        .min(1, "Give at least one WTE option, e.g. [1.0].")
        .max(MAX_WTE_OPTIONS, `At most ${MAX_WTE_OPTIONS} WTE options per candidate.`)
        .refine((ws) => new Set(ws).size === ws.length, { message: "Each WTE option can be given once." }),
      value: numberField("Value per 1.0 WTE", "10")
        .refine((v) => v >= 0 && v <= 10_000, { message: "Value per 1.0 WTE must be between 0 and 10,000." })
        .refine((v) => toScaledInteger(v, 2) !== null, { message: "Value per 1.0 WTE can have at most 2 decimal places." }),
      min: wholeNumber("Minimum number of posts", "0", MAX_PER_CANDIDATE).default(0),
      max: wholeNumber("Maximum number of posts", "3", MAX_PER_CANDIDATE),
      roadmap: z.boolean({ error: "roadmap must be true or false." }).optional(),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "Each candidate must be an object.") },
  )
  .superRefine((c, ctx) => {
    checkPost(c, ctx, false);
    if (c.role === "commissioner-approved") {
      ctx.addIssue({ code: "custom", path: ["role"], message: "Commissioner-approved roles are left out of the optimiser's choices: add such a post to the scenario itself." });
    }
    if (c.min > c.max) ctx.addIssue({ code: "custom", path: ["min"], message: `The minimum (${c.min}) is more than the maximum (${c.max}).` });
  });

const LimitsSchema = z.strictObject(
  {
    pcnFundedMax: poundsField("PCN-funded budget", "20000", 100_000_000).optional(),
    supervision: z
      .strictObject(
        {
          supervisorWte: numberField("Supervisor WTE", "1.0")
            .refine((v) => v >= 0 && v <= 100, { message: "Supervisor WTE must be between 0 and 100." })
            .refine((v) => toScaledInteger(v, 4) !== null, { message: "Supervisor WTE can have at most 4 decimal places." }),
          traineesPerSupervisorWte: numberField("Trainees per 1.0 WTE supervisor", "4")
            .refine((v) => v > 0 && v <= 20, { message: "Trainees per 1.0 WTE supervisor must be more than 0 and at most 20." })
            .refine((v) => toScaledInteger(v, 2) !== null, { message: "Trainees per supervisor can have at most 2 decimal places." })
            .optional(),
          existingTrainees: wholeNumber("Existing roadmap trainees", "1", MAX_EXISTING_POSTS).optional(),
        },
        { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "supervision must be an object.") },
      )
      .optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown limit(s): ${iss.keys.join(", ")}.` : "limits must be an object.") },
);

const base = EstimateRequestSchema.shape;

export const OptimiseRequestSchema = z
  .strictObject(
    {
      financialYear: base.financialYear,
      pcn: base.pcn,
      assumptions: base.assumptions,
      existingPosts: z
        .array(PostInputSchema, { error: "existingPosts must be a list of posts (it can be empty)." })
        .max(MAX_EXISTING_POSTS, `At most ${MAX_EXISTING_POSTS} existing posts.`)
        .default([]),
      candidates: z
        .array(CandidateSchema, { error: "candidates must be a list of candidate posts." })
        .max(MAX_CANDIDATES, `At most ${MAX_CANDIDATES} candidates.`),
      limits: LimitsSchema.default({}),
      alternatives: wholeNumber("Alternatives", "3", MAX_ALTERNATIVES).default(3),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "The request must be a JSON object.") },
  )
  .superRefine((req, ctx) => {
    const rules = rulesForYear(req.financialYear);
    const checkPoint = (p: { band?: string; point?: number }, path: (string | number)[]) => {
      if (!rules || p.band === undefined || p.point === undefined || !isAfcBand(p.band)) return;
      const points = rules.afc[p.band].points;
      if (p.point > points.length) ctx.addIssue({ code: "custom", path: [...path, "point"], message: `Band ${p.band} has ${points.length} pay points in ${req.financialYear}; point ${p.point} does not exist.` });
    };
    req.existingPosts.forEach((p, i) => checkPoint(p, ["existingPosts", i]));
    req.candidates.forEach((c, i) => checkPoint(c, ["candidates", i]));
    const ids = new Set<string>();
    req.existingPosts.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["existingPosts", i, "id"], message: `Two existing posts have the id "${p.id}": ids must be unique.` });
      ids.add(p.id);
    });
    const cids = new Set<string>();
    req.candidates.forEach((c, i) => {
      if (cids.has(c.id)) ctx.addIssue({ code: "custom", path: ["candidates", i, "id"], message: `Two candidates have the id "${c.id}": ids must be unique.` });
      cids.add(c.id);
    });
    const total = req.candidates.reduce((s, c) => s + c.max, 0);
    if (total > MAX_CHOSEN_POSTS) {
      ctx.addIssue({ code: "custom", path: ["candidates"], message: `The candidates' maximums add up to ${total} posts; at most ${MAX_CHOSEN_POSTS} in one optimisation.` });
    }
  });

export type OptimiseRequest = z.infer<typeof OptimiseRequestSchema>;
export type OptimiseRequestInput = z.input<typeof OptimiseRequestSchema>;
export type CandidateInput = z.infer<typeof CandidateSchema>;
