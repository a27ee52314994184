// The claims contract (issue 17 "Plan against actual", item 2): PUT /api/v1/pcns/{code}/claims/{month},
// the claims import and the claims page (which validates in the browser with these same schemas).
// Money in pounds (at most 2 decimals) as everywhere in the API; the server stores pence.
//
// Decisions, in words:
// - `month` is "YYYY-MM"; in a PUT every line's month (when given) must be the month of the path.
// - `paidOn` is a real date (YYYY-MM-DD). It is required when the status is "paid" (the ICB paid
//   on a day) and refused for any other status (a line not paid has no payment date), so a paid
//   line always says when and an unpaid one never claims to have been paid.
// - `role` is an ARRS role id (as in scenarios); `postId` is checked by the server against the
//   agreed plan's posts (it needs the database), null for a person not in the plan.
import "./zod-csp";
import { z } from "zod";
import { isRoleId, parseIsoDate, ROLE_IDS, toScaledInteger } from "@/lib/engine";
import { CLAIM_STATUSES } from "@/lib/claims/types";
import { numberField, poundsField } from "./common";

/** At most this many lines in one month's claim (a PCN's ARRS staff, with room to spare). */
export const MAX_CLAIM_LINES = 300;
/** A month's salary (or claim) above this is a typing error (£100,000 a month for one person). */
export const MAX_MONTH_POUNDS = 100_000;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: unknown): boolean => typeof s === "string" && MONTH_PATTERN.test(s);

/** The financial year a month falls in: "2026-05" → "2026/27", "2027-02" → "2026/27". */
export function financialYearOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const start = Number(month.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** "2026-05" → "May 2026". */
export function monthLabel(month: string): string {
  const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s), { message: `${label} cannot contain control characters.` });

const money = (label: string) => poundsField(label, "3984.17", MAX_MONTH_POUNDS);

const statusWords = CLAIM_STATUSES.map((s) => `"${s}"`).join(", ");

export const ClaimLineSchema = z
  .strictObject(
    {
      month: z.string({ error: 'The month must be written like "2026-05".' }).regex(MONTH_PATTERN, 'The month must be written like "2026-05" (year, then the month\'s number).').optional(),
      postId: text("The post id", 64).nullable().optional(),
      label: text("The name / label", 120).refine((s) => s.length > 0, { message: "Give each line a name or label (the employee or the post)." }),
      role: z
        .string({ error: `The role is required: one of the ARRS roles, e.g. "occupational-therapist".` })
        .refine((s) => isRoleId(s), { message: `The role must be one of the ARRS roles: ${ROLE_IDS.join(", ")}.` }),
      wte: numberField("The WTE", "0.8")
        .refine((v) => v > 0 && v <= 1, { message: "The WTE must be more than 0 and at most 1 (full time)." })
        .refine((v) => toScaledInteger(v, 4) !== null, { message: "The WTE can have at most 4 decimal places." }),
      salary: money("The salary"),
      employerNi: money("The employer NI"),
      employerPension: money("The employer pension"),
      claimed: money("The amount claimed"),
      status: z.enum(CLAIM_STATUSES, { error: `The status must be one of ${statusWords}.` }).default("draft"),
      paidOn: z
        .string({ error: "The payment date must be a date written as YYYY-MM-DD, e.g. 2026-07-15." })
        .refine((s) => parseIsoDate(s) !== null, { message: "The payment date must be a real date written as YYYY-MM-DD, e.g. 2026-07-15." })
        .nullable()
        .optional(),
      note: text("The note", 500).nullable().optional(),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : "Each line must be an object with the claim's fields.") },
  )
  .superRefine((l, ctx) => {
    if (l.status === "paid" && !l.paidOn) ctx.addIssue({ code: "custom", path: ["paidOn"], message: "A paid line needs the date the ICB paid it (paidOn, e.g. 2026-07-15)." });
    if (l.status !== "paid" && l.paidOn) ctx.addIssue({ code: "custom", path: ["paidOn"], message: `Only a paid line has a payment date: set the status to "paid", or clear the date.` });
  });

export type ClaimLineInput = z.input<typeof ClaimLineSchema>;
export type ClaimLineParsed = z.output<typeof ClaimLineSchema>;

/** The body of PUT /api/v1/pcns/{code}/claims/{month}. */
export const ClaimMonthBodySchema = z.strictObject(
  {
    version: z
      .number({ error: "version is required: the version of the month you loaded (0 for a month never saved)." })
      .int("version must be a whole number.")
      .min(0, "version cannot be negative."),
    lines: z
      .array(ClaimLineSchema, { error: "lines must be a list of claim lines (it may be empty)." })
      .max(MAX_CLAIM_LINES, `At most ${MAX_CLAIM_LINES} lines in one month.`),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown field(s): ${iss.keys.join(", ")}.` : 'The body must be a JSON object: {"version": 0, "lines": [...]}.') },
);

/** Lines whose month is not the path's month: issues at lines.N.month. */
export function monthMismatchIssues(lines: readonly { month?: string | undefined }[], month: string): { path: string; message: string }[] {
  return lines.flatMap((l, i) =>
    l.month !== undefined && l.month !== month ? [{ path: `lines.${i}.month`, message: `Line ${i + 1} is for ${l.month}, but this is the claim for ${month}: save it with that month instead.` }] : [],
  );
}

/** The date is a real YYYY-MM-DD (for the server's query checks). */
export const isRealDate = (s: string) => parseIsoDate(s) !== null;
