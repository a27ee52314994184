// Back pay after a backdated uplift (issue 17, item 4): the agreed plan priced by the engine with
// the year's backdated uplift off (the old maxima) and on (the uplifted maxima), against the claim
// lines of the backdated months (lib/claims/backpay.ts). Files: backpay.csv / backpay.xlsx.
import { computeBackpay, backdatedUpliftOf, type Backpay } from "@/lib/claims/backpay";
import { planPostsOf } from "@/lib/claims/plan";
import { getRules } from "@/lib/engine";
import { computeScenario } from "@/lib/planner/compute";
import type { SessionUser } from "../auth/users";
import type { Db } from "../db/create-prisma";
import { invalidInput } from "../errors";
import { getPlannerContext, updateBodyOf } from "../scenarios/scenarios";
import { loadOutturnContext, type OutturnContext } from "./outturn";

export function backpayOf(ctx: OutturnContext, planner: Parameters<typeof computeScenario>[1]): Backpay {
  const fy = ctx.financialYear;
  const rules = getRules(fy);
  const uplift = rules ? backdatedUpliftOf(rules.capTables) : null;
  if (!uplift) {
    const message = `${fy} has no backdated uplift of the maximum reimbursable amounts, so there is no back pay to work out. Choose a year with one (2025/26; 2026/27 if its expected uplift comes).`;
    throw invalidInput([{ path: "year", message }], message);
  }
  if (!ctx.scenario || !ctx.year) {
    const message = ctx.scenario
      ? `The agreed plan "${ctx.scenario.name}" does not cover ${fy}: back pay is worked out from the agreed plan's posts.`
      : "This PCN has no agreed plan: back pay is worked out from the agreed plan's posts. Mark the scenario agreed with the ICB as the agreed plan first.";
    throw invalidInput([{ path: "year", message }], message);
  }
  const body = updateBodyOf(ctx.scenario);
  const priced = (on: boolean) => {
    const byYear = { ...(body.assumptions.byYear ?? {}), [fy]: { ...(body.assumptions.byYear?.[fy] ?? {}), expectedUplift: on } };
    const results = computeScenario({ ...body, assumptions: { ...body.assumptions, byYear } }, planner);
    const year = results.years.find((y) => y.financialYear === fy)!;
    const labels = new Map(ctx.scenario!.posts.map((p) => [p.id ?? "", p.label]));
    return planPostsOf(year, labels);
  };
  return computeBackpay({ financialYear: fy, uplift, oldPlan: priced(false), newPlan: priced(true), lines: ctx.lines });
}

export async function getBackpay(db: Db, actor: SessionUser | null, code: string, yearParam: string | null, now: Date = new Date()): Promise<{ ctx: OutturnContext; backpay: Backpay }> {
  const ctx = await loadOutturnContext(db, actor, code, yearParam, now);
  const planner = ctx.scenario ? await getPlannerContext(db, ctx.pcn.code, ctx.scenario.firstYear) : null;
  return { ctx, backpay: backpayOf(ctx, planner!) };
}
