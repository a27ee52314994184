// The estimate contract (POST /api/v1/estimate, `npm run estimate`, the home page form).
import "./zod-csp";
import { z } from "zod";
import {
  AFC_BANDS,
  AREAS,
  isAfcBand,
  isMhpBand,
  isRoleId,
  MHP_BANDS,
  parseIsoDate,
  ROLE_IDS,
  ROLES,
  rulesForYear,
  toScaledInteger,
  type RoleId,
} from "@/lib/engine";
import { financialYearField, growthField, numberField, poundsField, rateField } from "./common";
import { PcnCodeSchema } from "./pcn";

/** Largest request body accepted (API and CLI). */
export const MAX_ESTIMATE_BODY_BYTES = 1_000_000;
export const MAX_POSTS = 500;

const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date written as YYYY-MM-DD, e.g. 2025-10-01.` })
    .refine((s) => parseIsoDate(s) !== null, { message: `${label} must be a real date written as YYYY-MM-DD, e.g. 2025-10-01.` });

const bandField = z
  .union([z.string(), z.number()], { error: `Band must be an Agenda for Change band: ${AFC_BANDS.join(", ")}.` })
  .transform((v) => String(v).trim().toLowerCase())
  .refine((v) => isAfcBand(v), { message: `Band must be an Agenda for Change band: ${AFC_BANDS.join(", ")}.` });

/** The estimate API's post fields (scenario posts extend them). */
export const POST_FIELDS = {
  id: z
    .string({ error: "Each post needs an id (text), e.g. \"ot-1\"." })
    .trim()
    .min(1, "Each post needs an id, e.g. \"ot-1\".")
    .max(100, "A post id can be at most 100 characters."),
  role: z.string({ error: "Role is required, e.g. \"occupational-therapist\"." }).refine(isRoleId, {
    message: `Unknown role. Use one of: ${ROLE_IDS.join(", ")}.`,
  }),
  annualSalary: poundsField("Annual salary", "47810", 1_000_000).optional(),
  band: bandField.optional(),
  point: numberField("Pay point", "1")
    .refine((v) => Number.isInteger(v) && v >= 1, { message: "Pay point must be a whole number from 1 (the entry point of the band)." })
    .optional(),
  wte: numberField("WTE", "0.6")
    .refine((v) => v > 0, { message: "WTE must be more than 0." })
    .refine((v) => v <= 1, { message: "WTE cannot be more than 1.0 (one full-time post); model a second post instead." })
    .refine((v) => toScaledInteger(v, 4) !== null, { message: "WTE can have at most 4 decimal places (e.g. 0.5333 for 20 hours a week)." }),
  area: z.enum(AREAS, { error: `Area must be one of: ${AREAS.join(", ")}.` }).default("national"),
  start: isoDate("Start date").optional(),
  end: isoDate("End date").optional(),
  mhpFunding: z.enum(["50%", "100%"], { error: "mhpFunding must be \"50%\" or \"100%\"." }).optional(),
};

const postError = (iss: { code: string; keys?: string[] }) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${(iss.keys ?? []).join(", ")}.` : "Each post must be an object.");

/** Cross-field checks of a post (salary or band + point, MHP band, dates). */
export function checkPost(p: { role: string; annualSalary?: number; band?: string; point?: number; mhpFunding?: string; start?: string; end?: string }, ctx: z.RefinementCtx): void {
  const role = isRoleId(p.role) ? ROLES[p.role] : undefined;
  const hasSalary = p.annualSalary !== undefined;
  const hasPayPoint = p.band !== undefined || p.point !== undefined;
  if (role?.kind === "gp" && hasPayPoint) {
    ctx.addIssue({ code: "custom", path: ["band"], message: "GPs are not on Agenda for Change: give annualSalary instead of band and point." });
  } else if (role?.kind === "mhp") {
    if (p.band === undefined) {
      ctx.addIssue({ code: "custom", path: ["band"], message: `A mental health practitioner needs a band (${MHP_BANDS.join(", ")}) for the maximum reimbursable amount.` });
    } else if (!isMhpBand(p.band)) {
      ctx.addIssue({ code: "custom", path: ["band"], message: `Mental health practitioner maxima exist for bands ${MHP_BANDS.join(", ")} only.` });
    }
    if (!hasSalary && p.point === undefined) {
      ctx.addIssue({ code: "custom", path: ["annualSalary"], message: "Give an annual salary, or a pay point within the band." });
    }
  } else if (hasSalary && hasPayPoint) {
    ctx.addIssue({ code: "custom", path: ["annualSalary"], message: "Give either an annual salary or a band and point, not both." });
  } else if (!hasSalary && !hasPayPoint) {
    ctx.addIssue({ code: "custom", path: ["annualSalary"], message: "Give an annual salary (£, full-time), or an Agenda for Change band and point." });
  } else if (!hasSalary && (p.band === undefined || p.point === undefined)) {
    ctx.addIssue({ code: "custom", path: [p.band === undefined ? "band" : "point"], message: "Give both a band and a pay point (1 = entry point of the band)." });
  }
  if (p.mhpFunding !== undefined && role?.kind !== "mhp") {
    ctx.addIssue({ code: "custom", path: ["mhpFunding"], message: "mhpFunding applies to mental health practitioners only." });
  }
  if (p.start && p.end && p.end < p.start) {
    ctx.addIssue({ code: "custom", path: ["end"], message: `The end date (${p.end}) is before the start date (${p.start}).` });
  }
}

export const PostInputSchema = z.strictObject(POST_FIELDS, { error: postError }).superRefine(checkPost);

const PcnByPopulationSchema = z.strictObject({
  weightedPopulation: numberField("Weighted population", "48213.7")
    .refine((v) => Number.isFinite(v) && v >= 0, { message: "Weighted population cannot be negative." })
    .refine((v) => v <= 5_000_000, { message: "Weighted population looks too large: at most 5,000,000." })
    .refine((v) => toScaledInteger(v, 6) !== null, { message: "Weighted population can have at most 6 decimal places." }),
});

const PcnByCodeSchema = z.strictObject({ code: PcnCodeSchema });

export const AssumptionsSchema = z.strictObject(
  {
    arrsRatePerWeightedPatient: numberField("ARRS rate per weighted patient", "26.631")
      .refine((v) => v >= 0 && v <= 1000, { message: "ARRS rate per weighted patient must be between £0 and £1,000." })
      .refine((v) => toScaledInteger(v, 6) !== null, { message: "ARRS rate can have at most 6 decimal places." })
      .optional(),
    employerNiRate: rateField("Employer NI rate", "0.15").optional(),
    employerNiThresholdAnnual: poundsField("Employer NI threshold", "5000", 1_000_000).optional(),
    employerPensionRate: rateField("Employer pension rate", "0.1438").optional(),
    maxReimbursableAnnual: z
      .record(z.string(), poundsField("Maximum reimbursable amount", "64907", 1_000_000), {
        error: "maxReimbursableAnnual must map role ids to annual amounts in pounds.",
      })
      .superRefine((caps, ctx) => {
        for (const key of Object.keys(caps)) {
          if (!isRoleId(key)) ctx.addIssue({ code: "custom", path: [key], message: `Unknown role "${key}". Use one of: ${ROLE_IDS.join(", ")}.` });
        }
      })
      .optional(),
    expectedUplift: z
      .boolean({ error: "expectedUplift must be true (apply the year's expected backdated pay-award uplift of the maxima) or false." })
      .optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown assumption(s): ${iss.keys.join(", ")}.` : "assumptions must be an object.") },
);

/**
 * The estimate's assumptions: the year's figures replaced (AssumptionsSchema) plus how a year with
 * no rule table is projected from the latest one (pay awards, rate growth; ignored otherwise).
 */
export const EstimateAssumptionsSchema = AssumptionsSchema.safeExtend({
  /** Agenda for Change / spot-salary pay award a projected year (default 0.03). */
  payAward: growthField("Pay award", "0.03").optional(),
  /** Doctors' (DDRB) pay award a projected year, for GP posts (default: payAward). */
  doctorsPayAward: growthField("Doctors' pay award", "0.035").optional(),
  /** Growth of the ARRS rate per weighted patient a projected year (default 0.025). */
  rateGrowth: growthField("Growth of the ARRS rate", "0.025").optional(),
});

export const EstimateRequestSchema = z
  .strictObject(
    {
      financialYear: financialYearField("Financial year"),
      pcn: z.union([PcnByPopulationSchema, PcnByCodeSchema], {
        error: "pcn must be either { \"weightedPopulation\": number } or { \"code\": \"U12345\" }.",
      }),
      assumptions: EstimateAssumptionsSchema.optional(),
      /** £ of this year's entitlement already committed outside these posts (e.g. the current team): taken off the headroom. */
      alreadyCommitted: poundsField("Already committed this year", "120000", 100_000_000).optional(),
      posts: z
        .array(PostInputSchema, { error: "posts must be a list of posts." })
        .max(MAX_POSTS, `At most ${MAX_POSTS} posts in one estimate.`),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "The request must be a JSON object.") },
  )
  .superRefine((req, ctx) => {
    const rules = rulesForYear(req.financialYear);
    if (!rules) return;
    req.posts.forEach((p, i) => {
      // Any band + point given must exist that year (also for an MHP who gives a salary too).
      if (p.band !== undefined && p.point !== undefined && isAfcBand(p.band)) {
        const points = rules.afc[p.band].points;
        if (p.point > points.length) {
          ctx.addIssue({
            code: "custom",
            path: ["posts", i, "point"],
            message: `Band ${p.band} has ${points.length} pay points in ${req.financialYear}; point ${p.point} does not exist.`,
          });
        }
      }
    });
    const ids = new Set<string>();
    req.posts.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["posts", i, "id"], message: `Two posts have the id "${p.id}": ids must be unique.` });
      ids.add(p.id);
    });
  });

export type EstimateRequest = z.infer<typeof EstimateRequestSchema>;
export type PostInput = z.infer<typeof PostInputSchema>;
export type { RoleId };
