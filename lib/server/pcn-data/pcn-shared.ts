// Small helpers shared by the PCN data-access files (pcn-search, weighted-population, ...).
import * as z from "zod";
import { toScaledInteger } from "@/lib/engine";
import { invalidInput, type FieldIssue } from "../errors";

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Parses with a schema or throws AppError invalid_input with field issues. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalidInput(zodIssues(r.error));
  return r.data;
}

/** Millionths (exact for ≤ 6 decimals; nearest otherwise, e.g. float noise from summed imports). */
export function toMicro(v: number): number {
  return toScaledInteger(v, 6) ?? Math.round(v * 1e6);
}
