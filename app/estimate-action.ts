"use server";

import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { runEstimate, type EstimateResponse } from "@/lib/server/estimate";
import type { FieldIssue } from "@/lib/server/errors";

export interface EstimateFormState {
  result?: EstimateResponse;
  issues?: FieldIssue[];
  message?: string;
}

/** Form text → JSON value: "" → undefined; "£47,810" → 47810; anything else stays text for zod to reject. */
function num(v: FormDataEntryValue | null): number | string | undefined {
  if (v === null) return undefined;
  const s = String(v).trim();
  if (s === "") return undefined;
  const cleaned = s.replace(/^£/, "").replace(/,/g, "");
  const n = Number(cleaned);
  return /^-?\d+(\.\d+)?$/.test(cleaned) && Number.isFinite(n) ? n : s;
}

function text(v: FormDataEntryValue | null): string | undefined {
  const s = v === null ? "" : String(v).trim();
  return s === "" ? undefined : s;
}

export async function estimateAction(_prev: EstimateFormState, form: FormData): Promise<EstimateFormState> {
  const count = Math.min(Number(form.get("postCount") ?? 0) || 0, 50);
  const posts = [];
  for (let i = 0; i < count; i++) {
    const p = (k: string) => form.get(`posts.${i}.${k}`);
    const mode = text(p("salaryMode")) ?? "salary";
    posts.push({
      id: text(p("id")) ?? `post-${i + 1}`,
      role: text(p("role")),
      ...(mode === "salary" ? { annualSalary: num(p("annualSalary")) } : { band: text(p("band")), point: num(p("point")) }),
      ...(text(p("role")) === "mental-health-practitioner" && mode === "salary" ? { band: text(p("band")) } : {}),
      ...(text(p("role")) === "mental-health-practitioner" ? { mhpFunding: text(p("mhpFunding")) ?? "50%" } : {}),
      wte: num(p("wte")),
      area: text(p("area")) ?? "national",
      ...(text(p("start")) ? { start: text(p("start")) } : {}),
      ...(text(p("end")) ? { end: text(p("end")) } : {}),
    });
  }
  const pcn = text(form.get("pcnMode")) === "code" ? { code: text(form.get("pcnCode")) ?? "" } : { weightedPopulation: num(form.get("weightedPopulation")) };
  // Figures the user replaces ("Change the figures"): blank = the year's figure.
  const assumptions: Record<string, unknown> = {};
  for (const key of ["arrsRatePerWeightedPatient", "employerNiRate", "employerNiThresholdAnnual", "employerPensionRate"]) {
    const v = num(form.get(`assumptions.${key}`));
    if (v !== undefined) assumptions[key] = v;
  }
  const caps: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const role = text(form.get(`posts.${i}.role`));
    const cap = num(form.get(`posts.${i}.maxReimbursable`));
    if (role && cap !== undefined) caps[role] = cap;
  }
  if (Object.keys(caps).length) assumptions.maxReimbursableAnnual = caps;
  const request = { financialYear: text(form.get("financialYear")), pcn, ...(Object.keys(assumptions).length ? { assumptions } : {}), posts };
  try {
    return { result: await runEstimate(request, getDb) };
  } catch (e) {
    if (e instanceof AppError) {
      return { issues: e.issues.length ? e.issues : [{ path: e.code === "not_found" ? "pcn.code" : "", message: e.message }], message: e.message };
    }
    console.error(e);
    return { message: "Something went wrong on our side. Nothing was changed; please try again." };
  }
}
