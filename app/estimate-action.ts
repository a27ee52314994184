"use server";

import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { runEstimate, type EstimateResponse } from "@/lib/server/estimate";
import type { FieldIssue } from "@/lib/server/errors";
import { parseEstimateForm } from "./estimate-form";

export interface EstimateFormState {
  result?: EstimateResponse;
  /** The request that gave `result` (the downloads post it again to the estimate API). */
  request?: unknown;
  issues?: FieldIssue[];
  message?: string;
}

export async function estimateAction(_prev: EstimateFormState, form: FormData): Promise<EstimateFormState> {
  const { request, dateIssues } = parseEstimateForm(form);
  try {
    const result = await runEstimate(request, getDb);
    return dateIssues.length ? { issues: dateIssues } : { result, request };
  } catch (e) {
    if (e instanceof AppError) {
      const issues = e.issues.length ? e.issues : [{ path: e.code === "not_found" ? "pcn.code" : "", message: e.message }];
      return { issues: [...dateIssues, ...issues.filter((i) => !dateIssues.some((d) => d.path === i.path))], message: e.message };
    }
    console.error(e);
    return { message: "Something went wrong on our side. Nothing was changed; please try again." };
  }
}
