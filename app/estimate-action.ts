"use server";

import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { runEstimate, type EstimateResponse } from "@/lib/server/scenarios/estimate";
import type { FieldIssue } from "@/lib/server/errors";
import { datesOutsidePeriod, financialYearPeriod } from "@/lib/planner/post-draft";
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
  // A post in post on no day of the chosen year would show £0.00: a field error on the date instead.
  dateIssues.push(...postsOutsideYear(request.financialYear, request.posts, dateIssues));
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

function postsOutsideYear(financialYear: string | undefined, posts: Record<string, unknown>[], already: FieldIssue[]): FieldIssue[] {
  const year = financialYearPeriod(financialYear ?? "");
  if (!year) return [];
  return posts.flatMap((p, i) => {
    const issue = datesOutsidePeriod({ start: p.start as string | undefined, end: p.end as string | undefined }, year);
    const path = issue ? `posts.${i}.${issue.field}` : "";
    return issue && !already.some((d) => d.path.startsWith(`posts.${i}.`)) ? [{ path, message: issue.message }] : [];
  });
}
