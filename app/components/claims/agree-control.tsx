"use client";
// "Agree this plan" / "Withdraw agreement" on the planner page, for the PCN's admins (issue 17).
import { useActionState } from "react";
import { agreePlanAction, withdrawPlanAction, type AgreeState } from "@/app/pcns/[code]/scenarios/agree-actions";

export function AgreeControl({ pcnCode, scenarioId, agreed, otherAgreed }: { pcnCode: string; scenarioId: string; agreed: boolean; otherAgreed: string | null }) {
  const [agreeState, agree, agreeing] = useActionState<AgreeState>(agreePlanAction.bind(null, pcnCode, scenarioId), {});
  const [withdrawState, withdraw, withdrawing] = useActionState<AgreeState>(withdrawPlanAction.bind(null, pcnCode, scenarioId), {});
  const state = agreed ? (agreeState.message ? agreeState : withdrawState) : withdrawState.message ? withdrawState : agreeState;
  return (
    <div className="app-no-print" data-testid="agree-control">
      {agreed ? (
        <form action={withdraw}>
          <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={withdrawing} data-testid="withdraw-agreement">
            {withdrawing ? "Withdrawing…" : "Withdraw agreement"}
          </button>
        </form>
      ) : (
        <form action={agree}>
          <p className="nhsuk-body-s">
            {otherAgreed ? `The PCN's agreed plan is "${otherAgreed}". Agreeing this one replaces it.` : "The PCN has no agreed plan yet. Its claims are prepared from, and compared against, the agreed plan."}
          </p>
          <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={agreeing} data-testid="agree-plan">
            {agreeing ? "Agreeing…" : "Agree this plan"}
          </button>
        </form>
      )}
      <p className="nhsuk-body-s" role="status" data-testid="agree-status">
        {state.message && !state.ok ? <span className="nhsuk-error-message">{state.message}</span> : state.message}
      </p>
    </div>
  );
}
