"use server";
// The planner's "Agree this plan" / "Withdraw agreement" (issue 17, item 1): the PCN's admins.
// The service authorises, records the change and keeps one agreed plan per PCN.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { agreeScenario, withdrawAgreement } from "@/lib/server/claims/agree";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";

export interface AgreeState {
  message?: string;
  ok?: boolean;
}

function refresh(pcnCode: string, id: string) {
  revalidatePath(`/pcns/${encodeURIComponent(pcnCode)}`);
  revalidatePath(`/pcns/${encodeURIComponent(pcnCode)}/scenarios`);
  revalidatePath(`/pcns/${encodeURIComponent(pcnCode)}/scenarios/${encodeURIComponent(id)}`);
  revalidatePath(`/pcns/${encodeURIComponent(pcnCode)}/claims`);
}

function failed(e: unknown): AgreeState {
  if (e instanceof AppError) return { message: e.message };
  console.error(e);
  return { message: "Something went wrong on our side. Nothing was changed; please try again." };
}

export async function agreePlanAction(pcnCode: string, id: string, _prev: AgreeState): Promise<AgreeState> {
  try {
    const r = await agreeScenario(getDb(), await getCurrentUser(), id);
    refresh(pcnCode, id);
    return { ok: true, message: r.replaced ? `This is now the PCN's agreed plan, in place of "${r.replaced.name}".` : "This is now the PCN's agreed plan." };
  } catch (e) {
    return failed(e);
  }
}

export async function withdrawPlanAction(pcnCode: string, id: string, _prev: AgreeState): Promise<AgreeState> {
  try {
    await withdrawAgreement(getDb(), await getCurrentUser(), id);
    refresh(pcnCode, id);
    return { ok: true, message: "The agreement is withdrawn: the PCN has no agreed plan now." };
  } catch (e) {
    return failed(e);
  }
}
