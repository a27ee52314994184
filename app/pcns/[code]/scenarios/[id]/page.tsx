// The planner page: one saved scenario, edited in the browser (app/components/planner). The server
// loads the scenario, the PCN's planner context for each possible first year, and today's date
// (for "Add a First Contact OT"; the pure code never reads a clock).
import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { notFound } from "next/navigation";
import { Planner } from "@/app/components/planner/planner";
import { Breadcrumbs } from "@/app/components/ui/breadcrumbs";
import { ROLE_IDS, ROLES } from "@/lib/engine";
import { yearChoices } from "@/lib/server/today";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { getPlannerContext, getRolledFrom, getScenario, type StoredScenario } from "@/lib/server/scenarios/scenarios";
import { canAdmin, canWrite } from "@/lib/server/auth/access";
import { findAgreedPlan } from "@/lib/server/claims/agree";
import { AgreeControl } from "@/app/components/claims/agree-control";
import { publicPcnDetail } from "@/lib/server/pcn-data/public-data";
import type { PlannerContext } from "@/lib/planner/types";
import { restoreScenarioAction } from "../actions";
import { NextYearPlan, RolledFromNote } from "./next-year";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string; id: string }> };

export const metadata: Metadata = { title: "Planner" };

export default async function PlannerPage({ params }: Props) {
  const { code: rawCode, id } = await params;
  const code = rawCode.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const user = await getCurrentUser();
  const here = `/pcns/${code}/scenarios/${encodeURIComponent(id)}`;
  if (!user || !canWrite(user, code)) {
    return (
      <>
        <h1>Planner</h1>
        <div className="nhsuk-inset-text">
          <p>
            {user ? "Only this PCN's editors can open its scenarios: ask one of its admins to add you." : <><Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in as an editor</Link> to open this scenario.</>} Anyone can use the{" "}
            <Link href={`/?pcn=${encodeURIComponent(code)}`}>quick estimate</Link> without an account.
          </p>
        </div>
      </>
    );
  }
  const db = getDb();
  let scenario: StoredScenario;
  try {
    scenario = await getScenario(db, user, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return (
        <>
          <h1>Planner</h1>
          <div className="nhsuk-inset-text">
            <p>{e.message}</p>
          </div>
        </>
      );
    }
    throw e;
  }
  if (scenario.pcnCode !== code) notFound();

  const { years: financialYears } = yearChoices();
  const contexts: Record<string, PlannerContext> = {};
  await Promise.all(
    financialYears.map(async (fy) => {
      contexts[fy] = await getPlannerContext(db, scenario.pcnCode, fy);
    }),
  );
  const today = new Date().toISOString().slice(0, 10);
  const detail = await publicPcnDetail(scenario.pcnCode); // the age profile, for the population-need section
  const need = { profile: detail?.ageProfile ?? null, profileDate: detail?.registeredPatientsDate ?? null };
  const rolledFrom = await getRolledFrom(db, scenario);
  const roles = ROLE_IDS.map((r) => ({ id: r, name: ROLES[r].name, typicalBand: ROLES[r].typicalBand }));

  return (
    <>
      <Breadcrumbs
        items={[
          { href: `/pcns/${scenario.pcnCode}`, text: scenario.pcnName },
          { href: `/pcns/${scenario.pcnCode}/scenarios`, text: "Scenarios" },
        ]}
      />
      <span className="nhsuk-caption-l">
        {scenario.pcnName} ({scenario.pcnCode}) · {scenario.firstYear}, {scenario.years} year{scenario.years === 1 ? "" : "s"}
      </span>
      <h1 data-testid="scenario-name">{scenario.name}</h1>
      {rolledFrom ? <RolledFromNote pcnCode={scenario.pcnCode} from={rolledFrom} /> : null}
      {scenario.agreed ? (
        <p data-testid="agreed-plan">
          <strong className="nhsuk-tag nhsuk-tag--green">Agreed plan</strong>{" "}
          <span className="nhsuk-body-s">
            The PCN&apos;s agreed plan: agreed{scenario.agreedBy ? ` by ${scenario.agreedBy.name}` : ""} on {formatDate(scenario.agreedAt!.slice(0, 10))}. <Link href={`/pcns/${scenario.pcnCode}/claims`}>Claims against this plan</Link>
          </span>
        </p>
      ) : null}
      {!scenario.deletedAt && canAdmin(user, scenario.pcnCode) ? (
        <AgreeControl pcnCode={scenario.pcnCode} scenarioId={scenario.id} agreed={scenario.agreed} otherAgreed={scenario.agreed ? null : ((await findAgreedPlan(db, scenario.pcnCode))?.name ?? null)} />
      ) : null}
      {scenario.deletedAt ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>This scenario is deleted
            </span>
          </h2>
          <p>Restore it to change it and see it in the list again.</p>
          <form action={restoreScenarioAction.bind(null, scenario.pcnCode, scenario.id)}>
            <button className="nhsuk-button" type="submit">
              Restore this scenario
            </button>
          </form>
        </div>
      ) : (
        <>
          <noscript>
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>The planner needs JavaScript
                </span>
              </h2>
              <p>It recalculates in your browser as you edit. Turn JavaScript on, or use the API (see the README) to read and save this scenario.</p>
            </div>
          </noscript>
          <p className="app-no-print"><Link href={`${here}/import`}>Bring in your team from a spreadsheet</Link> (payroll or HR export, CSV or Excel)</p>
          <NextYearPlan scenario={scenario} financialYears={financialYears} />
          <Planner scenario={scenario} contexts={contexts} today={today} roles={roles} financialYears={financialYears} need={need} />
        </>
      )}
    </>
  );
}
