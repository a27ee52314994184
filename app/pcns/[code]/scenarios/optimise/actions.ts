"use server";
// "Optimise the role mix": run the optimiser for a PCN (the base scenario's posts fixed), and open
// a result as a new scenario through the scenario service. Signed-in editors of the PCN only (the
// scenario service checks; the demo account only for demo PCNs).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError, type FieldIssue } from "@/lib/server/errors";
import { canWrite } from "@/lib/server/auth/access";
import { limitOptimiserRuns, runOptimise, type OptimiseResponse } from "@/lib/server/scenarios/optimise";
import { createScenario, getScenario, type StoredScenario } from "@/lib/server/scenarios/scenarios";
import { existingPostsFrom } from "@/lib/optimiser/existing-posts";
import { chosenPosts } from "@/lib/optimiser/price";
import type { OptimiseRequest } from "@/lib/schemas/optimise";
import type { SessionUser } from "@/lib/server/auth/users";

/** What the page sends: the form's values (numbers already read; bad text left as text for the messages). */
export interface OptimiseFormInput {
  baseScenarioId: string;
  financialYear: string;
  candidates: Record<string, unknown>[];
  pcnFundedMax?: unknown;
  supervisorWte?: unknown;
  existingTrainees?: unknown;
}

export type OptimiseActionResult =
  | { status: "done"; result: OptimiseResponse; base: { id: string; name: string } | null }
  | { status: "invalid"; message: string; issues: FieldIssue[] }
  | { status: "error"; message: string };

const ESTIMATE_ASSUMPTIONS = ["arrsRatePerWeightedPatient", "employerNiRate", "employerNiThresholdAnnual", "employerPensionRate", "maxReimbursableAnnual"] as const;

async function editor(pcnCode: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use the optimiser.");
  if (!canWrite(user, pcnCode)) throw new AppError("forbidden", "Only this PCN's editors can use the optimiser: ask one of its admins to add you.");
  return user;
}

/** The optimiser request for the form: the base scenario's posts are the existing, fixed posts. */
async function requestFor(user: SessionUser, pcnCode: string, input: OptimiseFormInput): Promise<{ request: unknown; base: StoredScenario | null }> {
  let base: StoredScenario | null = null;
  if (input.baseScenarioId) {
    base = await getScenario(getDb(), user, input.baseScenarioId);
    if (base.pcnCode !== pcnCode) throw new AppError("not_found", "That scenario is not one of this PCN's.");
  }
  // Every field a post is priced on (its size as WTE, sessions or hours; an ICB-approved role's name and maximum; the 12-month rule).
  const existingPosts = existingPostsFrom(base?.posts ?? []);
  // The scenario's estimate overrides apply to its first year (as in the planner).
  const assumptions: Record<string, unknown> = {};
  if (base && base.firstYear === input.financialYear) for (const k of ESTIMATE_ASSUMPTIONS) if (base.assumptions[k] !== undefined) assumptions[k] = base.assumptions[k];
  // Trainees already in post: as given, else the base scenario's posts whose roadmap Stage 2 is not signed off.
  const trainees = input.existingTrainees ?? (base ? base.posts.filter((p) => p.firstContact && p.firstContact.stage2 !== "done").length : undefined);
  const supervision =
    input.supervisorWte !== undefined ? { supervision: { supervisorWte: input.supervisorWte, ...(trainees !== undefined ? { existingTrainees: trainees } : {}) } } : {};
  return {
    base,
    request: {
      financialYear: input.financialYear,
      pcn: { code: pcnCode },
      ...(Object.keys(assumptions).length ? { assumptions } : {}),
      existingPosts,
      candidates: input.candidates,
      limits: { ...(input.pcnFundedMax !== undefined ? { pcnFundedMax: input.pcnFundedMax } : {}), ...supervision },
      alternatives: 3,
    },
  };
}

function failure(e: unknown): Exclude<OptimiseActionResult, { status: "done" }> {
  if (e instanceof AppError) {
    if (e.code === "invalid_input") return { status: "invalid", message: "The optimiser did not run: correct the problems below.", issues: e.issues };
    return { status: "error", message: e.message };
  }
  console.error(e);
  return { status: "error", message: "Something went wrong on our side. Nothing was saved; please try again." };
}

export async function runOptimiseAction(pcnCode: string, input: OptimiseFormInput): Promise<OptimiseActionResult> {
  try {
    const user = await editor(pcnCode);
    await limitOptimiserRuns(getDb(), { userId: user.id });
    const { request, base } = await requestFor(user, pcnCode, input);
    const result = await runOptimise(request, getDb);
    return { status: "done", result, base: base ? { id: base.id, name: base.name } : null };
  } catch (e) {
    return failure(e);
  }
}

/**
 * Runs the optimiser again (the same input gives the same mix) and saves existing + chosen posts
 * as a new scenario: the base scenario's posts and settings as they are, the chosen posts added as
 * proposed posts. `which`: 0 the optimum, k the k-th alternative. Then opens it in the planner.
 */
export async function openAsScenarioAction(pcnCode: string, input: OptimiseFormInput, which: number): Promise<Exclude<OptimiseActionResult, { status: "done" }>> {
  let target: string;
  try {
    const user = await editor(pcnCode);
    await limitOptimiserRuns(getDb(), { userId: user.id });
    const { request, base } = await requestFor(user, pcnCode, input);
    const result = await runOptimise(request, getDb);
    if (result.status !== "optimal") return { status: "error", message: "There is no mix within the limits to open." };
    const mix = which === 0 ? result : result.alternatives[which - 1];
    if (!mix) return { status: "error", message: "That alternative is no longer found; run the optimiser again." };
    const req = request as OptimiseRequest;
    const added = chosenPosts(req.candidates, mix.chosen, (base?.posts ?? []).map((p) => p.id!)).map((p) => ({
      ...p,
      label: `${p.id.replace(/-\d+$/, "")} (optimiser)`,
      status: "proposed" as const,
    }));
    const name = `Optimised mix${which ? ` (alternative ${which})` : ""}${base ? ` from ${base.name}` : ""}`.slice(0, 120);
    const body = {
      name,
      description: `Made by the optimiser: value ${mix.objective} (Σ value × WTE) in ${req.financialYear}${base ? `, on top of the posts of "${base.name}"` : ""}.`,
      firstYear: base?.firstYear ?? req.financialYear,
      years: base?.years ?? 1,
      assumptions: base?.assumptions ?? {},
      posts: [...(base?.posts ?? []), ...added],
      supervisors: base?.supervisors ?? [],
    };
    const created = await createScenario(getDb(), user, pcnCode, body);
    revalidatePath(`/pcns/${encodeURIComponent(created.pcnCode)}/scenarios`);
    target = `/pcns/${encodeURIComponent(created.pcnCode)}/scenarios/${encodeURIComponent(created.id)}`;
  } catch (e) {
    return failure(e);
  }
  redirect(target);
}
