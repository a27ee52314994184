// The compare query: `ids=a,b,c` (the compare page's shareable URL and GET /api/v1/pcns/{code}/
// compare[.csv|.xlsx]). A form without JavaScript sends `ids=a&ids=b`: both are accepted. The
// first id is the baseline; repeats are dropped.
import "./zod-csp";
import { z } from "zod";
import { MAX_COMPARED, MIN_COMPARED } from "@/lib/planner/compare";

/** What a scenario id looks like (scenario ids are random base64url). */
export const SCENARIO_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const shown = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

export const CompareQuerySchema = z.object({
  ids: z
    .union([z.string(), z.array(z.string())], { error: "ids must be scenario ids separated by commas, e.g. ids=abc,def." })
    .optional()
    .transform((v) => [
      ...new Set(
        (Array.isArray(v) ? v : [v ?? ""])
          .flatMap((s) => s.split(","))
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().regex(SCENARIO_ID_PATTERN, { error: (iss) => `"${shown(String(iss.input))}" is not a scenario id.` }))
        .min(MIN_COMPARED, `Pick ${MIN_COMPARED} to ${MAX_COMPARED} scenarios to compare.`)
        .max(MAX_COMPARED, `Compare at most ${MAX_COMPARED} scenarios at a time.`),
    ),
});
export type CompareQuery = z.infer<typeof CompareQuerySchema>;
