"use server";
// Scenario server actions: authenticate (the session) → the scenario service validates,
// authorises (editors; the demo account only for demo PCNs) and saves → revalidate / redirect.
// Expected failures come back as typed results; unexpected ones are logged, not shown.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { parseEstimateForm } from "@/app/estimate-form";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError, type FieldIssue } from "@/lib/server/errors";
import { createScenario, deleteScenario, duplicateScenario, restoreScenario, rollScenarioForward, updateScenario, type StoredScenario } from "@/lib/server/scenarios/scenarios";
import type { ScenarioBodyInput } from "@/lib/schemas/scenario";
import { AlreadyCommittedSchema } from "@/lib/schemas/estimate";
import { poundsToPence } from "@/lib/engine";
import { CommittedNotCarried, quickEstimateScenarioBody } from "@/lib/planner/quick-estimate-scenario";

export type SaveResult =
  | { status: "saved"; scenario: StoredScenario }
  | { status: "conflict"; message: string; current: StoredScenario }
  | { status: "invalid"; message: string; issues: FieldIssue[] }
  | { status: "error"; message: string };

export type CreateResult = { status: "created"; id: string; pcnCode: string } | Exclude<SaveResult, { status: "saved" } | { status: "conflict" }>;

const listPath = (code: string) => `/pcns/${encodeURIComponent(code)}/scenarios`;
const plannerPath = (code: string, id: string) => `${listPath(code)}/${encodeURIComponent(id)}`;

function failure(e: unknown): Exclude<SaveResult, { status: "saved" }> {
  if (e instanceof AppError) {
    if (e.code === "conflict" && e.details.current) return { status: "conflict", message: e.message, current: e.details.current as StoredScenario };
    if (e.code === "invalid_input") return { status: "invalid", message: e.message, issues: e.issues };
    return { status: "error", message: e.message };
  }
  console.error(e);
  return { status: "error", message: "Something went wrong on our side. Nothing was saved; please try again." };
}

/** Save the planner's scenario on top of `version` (the one it loaded, or the current one for "keep mine"). */
export async function saveScenarioAction(id: string, body: ScenarioBodyInput & { version: number }): Promise<SaveResult> {
  try {
    const saved = await updateScenario(getDb(), await getCurrentUser(), id, body);
    const { results: _results, ...scenario } = saved;
    revalidatePath(listPath(saved.pcnCode));
    return { status: "saved", scenario };
  } catch (e) {
    return failure(e);
  }
}

/** "Copy mine into a new scenario" (and any other create from the browser). */
export async function createScenarioFromBodyAction(pcnCode: string, body: ScenarioBodyInput): Promise<CreateResult> {
  try {
    const created = await createScenario(getDb(), await getCurrentUser(), pcnCode, body);
    revalidatePath(listPath(created.pcnCode));
    return { status: "created", id: created.id, pcnCode: created.pcnCode };
  } catch (e) {
    const f = failure(e);
    return f.status === "conflict" ? { status: "error", message: f.message } : f;
  }
}

export interface ListFormState {
  message?: string;
  issues?: FieldIssue[];
}

/** The list page's "Create a scenario" form → the new scenario's planner. */
export async function createScenarioAction(pcnCode: string, _prev: ListFormState, form: FormData): Promise<ListFormState> {
  const body = {
    name: String(form.get("name") ?? ""),
    firstYear: String(form.get("firstYear") ?? ""),
    years: Number(form.get("years") ?? 3),
    posts: [],
    supervisors: [],
    assumptions: {},
  };
  let target: string;
  try {
    const created = await createScenario(getDb(), await getCurrentUser(), pcnCode, body);
    target = plannerPath(created.pcnCode, created.id);
  } catch (e) {
    const f = failure(e);
    return f.status === "invalid" ? { message: "The scenario was not created.", issues: f.issues } : { message: f.message };
  }
  redirect(target);
}

/** One click: a copy ("Copy of …"), opened in the planner. */
export async function duplicateScenarioAction(pcnCode: string, id: string): Promise<void> {
  let target: string;
  try {
    const copy = await duplicateScenario(getDb(), await getCurrentUser(), id);
    revalidatePath(listPath(copy.pcnCode));
    target = plannerPath(copy.pcnCode, copy.id);
  } catch (e) {
    redirect(`${listPath(pcnCode)}?error=${encodeURIComponent(failure(e).message)}`);
  }
  redirect(target);
}

/** "Start next year's plan from this one": the new scenario, opened in the planner (a problem: the list, saying why). */
export async function rollForwardScenarioAction(pcnCode: string, id: string): Promise<void> {
  let target: string;
  try {
    const next = await rollScenarioForward(getDb(), await getCurrentUser(), id);
    revalidatePath(listPath(next.pcnCode));
    target = plannerPath(next.pcnCode, next.id);
  } catch (e) {
    redirect(`${listPath(pcnCode)}?error=${encodeURIComponent(failure(e).message)}`);
  }
  redirect(target);
}

/** Delete after the confirmation page; the list then offers to restore it. */
export async function deleteScenarioAction(pcnCode: string, id: string): Promise<void> {
  try {
    await deleteScenario(getDb(), await getCurrentUser(), id);
  } catch (e) {
    redirect(`${listPath(pcnCode)}?error=${encodeURIComponent(failure(e).message)}`);
  }
  revalidatePath(listPath(pcnCode));
  redirect(`${listPath(pcnCode)}?deleted=${encodeURIComponent(id)}`);
}

export async function restoreScenarioAction(pcnCode: string, id: string): Promise<void> {
  try {
    await restoreScenario(getDb(), await getCurrentUser(), id);
  } catch (e) {
    redirect(`${listPath(pcnCode)}?error=${encodeURIComponent(failure(e).message)}`);
  }
  revalidatePath(listPath(pcnCode));
  redirect(plannerPath(pcnCode, id));
}

/** The home page's "Save as a scenario": the quick estimate's posts as a new scenario of the chosen PCN. */
export async function saveQuickEstimateAsScenario(form: FormData): Promise<void> {
  const { request, dateIssues } = parseEstimateForm(form);
  const code = "code" in request.pcn ? request.pcn.code.trim().toUpperCase() : "";
  if (!code) redirect("/?saveError=" + encodeURIComponent("Choose a PCN to save the estimate as a scenario."));
  if (dateIssues.length) redirect("/?saveError=" + encodeURIComponent(`${dateIssues[0]!.message}: correct it and save again.`));
  // "Already committed this year" is carried as existing posts (lib/planner/quick-estimate-scenario),
  // so the saved plan's headroom is the estimate's; text that is not an amount is refused in words.
  let alreadyCommittedPence: number | undefined;
  if (request.alreadyCommitted !== undefined) {
    const parsed = AlreadyCommittedSchema.safeParse(request.alreadyCommitted);
    if (!parsed.success) redirect("/?saveError=" + encodeURIComponent(`${parsed.error.issues[0]?.message ?? "Already committed this year must be an amount in pounds."} Correct it and save again.`));
    alreadyCommittedPence = poundsToPence(parsed.data);
  }
  let body: ScenarioBodyInput;
  try {
    body = quickEstimateScenarioBody({ financialYear: request.financialYear ?? "", alreadyCommittedPence, ...(request.assumptions ? { assumptions: request.assumptions } : {}), posts: request.posts });
  } catch (e) {
    if (!(e instanceof CommittedNotCarried)) throw e;
    redirect("/?saveError=" + encodeURIComponent(`Not saved: ${e.message}`));
  }
  let target: string;
  try {
    const user = await getCurrentUser();
    if (!user) redirect(`/login?next=${encodeURIComponent("/")}`);
    const created = await createScenario(getDb(), user, code, body);
    target = plannerPath(created.pcnCode, created.id);
  } catch (e) {
    if (e instanceof Error && "digest" in e) throw e; // redirect()
    const f = failure(e);
    const detail = f.status === "invalid" && f.issues[0] ? `${f.issues[0].message} (${f.issues[0].path})` : f.message;
    redirect("/?saveError=" + encodeURIComponent(`Not saved: ${detail}`));
  }
  redirect(target);
}
