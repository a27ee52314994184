// The planner page's "Start next year's plan from this one" (issue 16 item 3) and, on a plan made
// that way, the link back to the plan it was carried forward from. Server components: the button
// is a form posting to a server action, so it works without JavaScript.
import Link from "next/link";
import { nextFinancialYear } from "@/lib/planner/roll-forward";
import type { StoredScenario } from "@/lib/server/scenarios/scenarios";
import { rollForwardScenarioAction } from "../actions";

export function NextYearPlan({ scenario, financialYears }: { scenario: StoredScenario; financialYears: string[] }) {
  const next = nextFinancialYear(scenario.firstYear);
  // An empty plan has nothing to carry: bring the team in first.
  if (!next || scenario.posts.length === 0) return null;
  if (!financialYears.includes(next)) {
    return (
      <p className="nhsuk-hint app-no-print" data-testid="next-year-unavailable">
        Next year&apos;s plan would start in {next}, further ahead than the planner allows today (up to {financialYears.at(-1)}).
      </p>
    );
  }
  return (
    <form action={rollForwardScenarioAction.bind(null, scenario.pcnCode, scenario.id)} className="app-no-print" data-testid="roll-forward-form">
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2" type="submit" aria-describedby="roll-forward-hint">
        Start next year&apos;s plan from this one
      </button>
      <p className="nhsuk-hint" id="roll-forward-hint">
        A new plan from {next} with the posts in post on 1 April {next.slice(0, 4)} (pay moved on), from the saved version.
      </p>
    </form>
  );
}

export function RolledFromNote({ pcnCode, from }: { pcnCode: string; from: { id: string; name: string | null; deleted: boolean } }) {
  return (
    <p data-testid="rolled-from">
      {from.name === null ? (
        "Carried forward from a plan that has since been deleted."
      ) : (
        <>
          Carried forward from <Link href={`/pcns/${encodeURIComponent(pcnCode)}/scenarios/${encodeURIComponent(from.id)}`}>{from.name}</Link>
          {from.deleted ? " (deleted, can be restored)" : ""}.
        </>
      )}
    </p>
  );
}
