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
  HOURS_PER_WTE,
  ROLES,
  rulesForYear,
  SESSIONS_PER_WTE,
  toScaledInteger,
  type RoleId,
} from "@/lib/engine";
import { financialYearField, growthField, numberField, poundsField, rateField } from "./common";
import { PcnCodeSchema } from "./pcn";

/** Largest request body accepted (API and CLI). */
export const MAX_ESTIMATE_BODY_BYTES = 1_000_000;
export const MAX_POSTS = 500;
/** Highest maximum an ICB-agreed role may carry (£ a year for 1.0 WTE): a sanity ceiling. */
export const MAX_AGREED_POUNDS = 250_000;
export const TWO_SIZES_MESSAGE = "Give the post's WTE, sessions or hours a week — one of them, not two.";

const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date written as YYYY-MM-DD, e.g. 2025-10-01.` })
    .refine((s) => parseIsoDate(s) !== null, { message: `${label} must be a real date written as YYYY-MM-DD, e.g. 2025-10-01.` });

const bandField = z
  .union([z.string(), z.number()], { error: `Band must be an Agenda for Change band: ${AFC_BANDS.join(", ")}.` })
  .transform((v) => String(v).trim().toLowerCase())
  .refine((v) => isAfcBand(v), { message: `Band must be an Agenda for Change band: ${AFC_BANDS.join(", ")}.` });

/**
 * Issue 15: a post's size as GP sessions or hours a week instead of WTE, a commissioner-approved
 * role with its name and the ICB's maximum, and the nurse/HCSW 12-month rule. Checked with the
 * rest of the post in checkPost (exactly one of wte, sessions, hoursPerWeek).
 */
const POST_EXTRA_FIELDS = {
  sessions: numberField("Sessions", "4")
    .refine((v) => v > 0, { message: "Sessions must be more than 0." })
    .refine((v) => v <= SESSIONS_PER_WTE, { message: `Sessions cannot be more than ${SESSIONS_PER_WTE} a week (9 sessions = 37.5 hours = 1.0 WTE); model a second post instead.` })
    .refine((v) => toScaledInteger(v, 2) !== null, { message: "Sessions can have at most 2 decimal places (e.g. 4.5)." })
    .optional(),
  hoursPerWeek: numberField("Hours a week", "30")
    .refine((v) => v > 0, { message: "Hours a week must be more than 0." })
    .refine((v) => v <= HOURS_PER_WTE, { message: `Hours a week cannot be more than ${HOURS_PER_WTE} (one full-time post); model a second post instead.` })
    .refine((v) => toScaledInteger(v, 2) !== null, { message: "Hours a week can have at most 2 decimal places (e.g. 22.5)." })
    .optional(),
  roleName: z
    .string({ error: "The role's name must be text, e.g. \"Musculoskeletal practitioner\"." })
    .trim()
    .max(120, "The role's name can be at most 120 characters.")
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), { message: "The role's name cannot contain control characters." })
    .optional(),
  maxReimbursableAnnual: poundsField("The maximum the ICB agreed", "55000", MAX_AGREED_POUNDS).optional(),
  employedInLast12Months: z.boolean({ error: "employedInLast12Months must be true or false." }).optional(),
  moreSeniorRole: z.boolean({ error: "moreSeniorRole must be true or false." }).optional(),
};

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
    .refine((v) => toScaledInteger(v, 4) !== null, { message: "WTE can have at most 4 decimal places (e.g. 0.5333 for 20 hours a week)." })
    .optional(),
  ...POST_EXTRA_FIELDS,
  area: z.enum(AREAS, { error: `Area must be one of: ${AREAS.join(", ")}.` }).default("national"),
  start: isoDate("Start date").optional(),
  end: isoDate("End date").optional(),
  mhpFunding: z.enum(["50%", "100%"], { error: "mhpFunding must be \"50%\" or \"100%\"." }).optional(),
};

const postError = (iss: { code: string; keys?: string[] }) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${(iss.keys ?? []).join(", ")}.` : "Each post must be an object.");

interface PostSizeAndRole {
  role: string;
  wte?: number;
  sessions?: number;
  hoursPerWeek?: number;
  roleName?: string;
  maxReimbursableAnnual?: number;
}

/** Issue 15 checks: exactly one of wte / sessions / hoursPerWeek; sessions for GPs; an ICB-approved role's name and maximum. */
function checkSizeAndRole(p: PostSizeAndRole, ctx: z.RefinementCtx, sizeRequired: boolean): void {
  const role = isRoleId(p.role) ? ROLES[p.role] : undefined;
  const sizes = (["wte", "sessions", "hoursPerWeek"] as const).filter((k) => p[k] !== undefined);
  if (sizes.length > 1) {
    for (const k of sizes) ctx.addIssue({ code: "custom", path: [k], message: TWO_SIZES_MESSAGE });
  } else if (sizes.length === 0 && sizeRequired) {
    ctx.addIssue({ code: "custom", path: ["wte"], message: "Give the post's WTE (e.g. 0.6), or for a GP its sessions a week, or its hours a week." });
  }
  if (p.sessions !== undefined && role && role.kind !== "gp") {
    ctx.addIssue({ code: "custom", path: ["sessions"], message: `Sessions are for GP posts only; give a ${role.name.toLowerCase()}'s WTE or hours a week instead.` });
  }
  if (role?.kind === "commissioner") {
    if (!p.roleName) ctx.addIssue({ code: "custom", path: ["roleName"], message: "Give the name of the role the ICB approved, e.g. \"Musculoskeletal practitioner\"." });
    if (p.maxReimbursableAnnual === undefined) {
      ctx.addIssue({ code: "custom", path: ["maxReimbursableAnnual"], message: "Give the maximum the ICB agreed for this role (£ a year for 1.0 WTE), e.g. 55000." });
    } else if (p.maxReimbursableAnnual <= 0) {
      ctx.addIssue({ code: "custom", path: ["maxReimbursableAnnual"], message: "The maximum the ICB agreed must be more than £0." });
    }
  } else {
    if (p.roleName !== undefined && p.roleName !== "") ctx.addIssue({ code: "custom", path: ["roleName"], message: "A role name is only for a commissioner-approved role (role \"commissioner-approved\")." });
    if (p.maxReimbursableAnnual !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["maxReimbursableAnnual"],
        message: "A maximum on the post is only for a commissioner-approved role; to change a role's maximum use assumptions.maxReimbursableAnnual.",
      });
    }
  }
}

/** Cross-field checks of a post (size, salary or band + point, MHP band, dates). `sizeRequired` false: the optimiser's candidates give wteOptions. */
export function checkPost(
  p: PostSizeAndRole & { annualSalary?: number; band?: string; point?: number; mhpFunding?: string; start?: string; end?: string },
  ctx: z.RefinementCtx,
  sizeRequired = true,
): void {
  checkSizeAndRole(p, ctx, sizeRequired);
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

export const PostInputSchema = z.strictObject(POST_FIELDS, { error: postError }).superRefine((p, ctx) => checkPost(p, ctx));

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
          else if (ROLES[key].kind === "commissioner") ctx.addIssue({ code: "custom", path: [key], message: "A commissioner-approved role's maximum is given on each such post (maxReimbursableAnnual), not here." });
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

/** "Already committed this year" (£, the estimate's `alreadyCommitted`; "Save as a scenario" checks it too). */
export const AlreadyCommittedSchema = poundsField("Already committed this year", "120000", 100_000_000);

export const EstimateRequestSchema = z
  .strictObject(
    {
      financialYear: financialYearField("Financial year"),
      pcn: z.union([PcnByPopulationSchema, PcnByCodeSchema], {
        error: "pcn must be either { \"weightedPopulation\": number } or { \"code\": \"U12345\" }.",
      }),
      assumptions: EstimateAssumptionsSchema.optional(),
      /** £ of this year's entitlement already committed outside these posts (e.g. the current team): taken off the headroom. */
      alreadyCommitted: AlreadyCommittedSchema.optional(),
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
