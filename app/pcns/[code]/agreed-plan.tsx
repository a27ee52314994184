// The PCN page's line about the agreed plan and its claims (issue 17), for the PCN's members.
import Link from "next/link";
import { findAgreedPlan } from "@/lib/server/claims/agree";
import { getDb } from "@/lib/server/db/db";

export async function AgreedPlanLine({ pcnCode }: { pcnCode: string }) {
  const plan = await findAgreedPlan(getDb(), pcnCode);
  const code = encodeURIComponent(pcnCode);
  return (
    <p className="app-no-print" data-testid="pcn-agreed-plan">
      {plan ? (
        <>
          <strong className="nhsuk-tag nhsuk-tag--green">Agreed plan</strong> <Link href={`/pcns/${code}/scenarios/${encodeURIComponent(plan.id)}`}>{plan.name}</Link> ·{" "}
        </>
      ) : (
        <>No agreed plan yet (a PCN admin agrees one in the planner) · </>
      )}
      <Link href={`/pcns/${code}/claims`} data-testid="claims-link">
        Claims, month by month
      </Link>
    </p>
  );
}
