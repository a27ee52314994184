// zod schemas for the population-need assumptions a user overrides: the query string of
// GET /api/v1/pcns/{code}/need and of the PCN page's "Population need" form (text), and a
// scenario's `assumptions.need` (numbers). Both check the keys and values against the one
// assumption table (lib/need) and give its issues in words.
import "./zod-csp";
import { z } from "zod";
import { NEED_OVERRIDE_KEYS, resolveNeedAssumptions, type NeedOverrides } from "@/lib/need";

const KNOWN = new Set(NEED_OVERRIDE_KEYS);

/** Reports lib/need's issues (unknown key, out of bounds, a range without its value) on the key. */
function checkOverrides(o: NeedOverrides, ctx: z.RefinementCtx) {
  for (const issue of resolveNeedAssumptions(o).issues) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

/** A plain decimal number as text: "20", "2.5", "-1" (anything else is an issue). */
const NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/**
 * The query string's parameters (as URLSearchParams gives them, or Next's searchParams: a value or
 * a list) → overrides. Empty values are ignored (a form's blank field keeps the built-in figure).
 */
export const NeedQuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()).transform((params, ctx): NeedOverrides => {
  const out: NeedOverrides = {};
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    if (!KNOWN.has(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `"${key.slice(0, 60)}" is not an assumption of the population-need estimate (see "assumptions" in the answer for their ids).` });
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v.trim() !== "");
    if (values.length === 0) continue;
    if (values.length > 1) {
      ctx.addIssue({ code: "custom", path: [key], message: `${key} is given more than once.` });
      continue;
    }
    const text = values[0]!.replace(/%\s*$/, "");
    if (!NUMBER_TEXT.test(text)) {
      ctx.addIssue({ code: "custom", path: [key], message: `${key} must be a number, e.g. 20, not the text "${values[0]!.slice(0, 40)}".` });
      continue;
    }
    out[key] = Number(text);
  }
  checkOverrides(out, ctx);
  return out;
});
export type NeedQueryInput = z.input<typeof NeedQuerySchema>;

/** A scenario's `assumptions.need`: overrides by id, id.low, id.high (numbers). */
export const NeedOverridesSchema = z
  .record(
    z.string(),
    z.number({ error: (iss) => `Population-need assumptions must be numbers, not ${iss.input === null ? "empty (null)" : typeof iss.input}.` }),
    { error: "need must map assumption ids to numbers, e.g. { \"reachFrailty\": 15 }." },
  )
  .superRefine(checkOverrides);

/** URLSearchParams → the record NeedQuerySchema reads (repeated keys as lists). */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}
