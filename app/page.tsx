import Link from "next/link";
import { PcnSearch } from "@/app/components/pcn-search";
import { QuickEstimate } from "@/app/components/quick-estimate";
import { getRules, ROLE_IDS, ROLES } from "@/lib/engine";
import { yearChoices } from "@/lib/server/today";
import { saveQuickEstimateAsScenario } from "@/app/pcns/[code]/scenarios/actions";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { listPcnOptions } from "@/lib/server/pcn-data/pcn-options";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ pcn?: string; saveError?: string }> }) {
  const { pcn, saveError } = await searchParams;
  const user = await getCurrentUser();
  const preselected = typeof pcn === "string" && /^[A-Za-z0-9]{1,10}$/.test(pcn) ? pcn.toUpperCase() : undefined;
  const pcns = await listPcnOptions(preselected);
  const { current, years } = yearChoices();
  const roles = ROLE_IDS.map((id) => ({ id, name: ROLES[id].name, typicalBand: ROLES[id].typicalBand }));
  const uplifts = Object.fromEntries(
    years.flatMap((fy) => {
      const t = getRules(fy)?.capTables.find((x) => x.backdatedUplift);
      return t ? [[fy, { defaultOn: t.backdatedUplift!.defaultOn, title: t.title }]] : [];
    }),
  );
  return (
    <>
      <h1>ARRS Planner</h1>
      <p className="nhsuk-lede-text" id="estimate-intro">
        Plan Additional Roles Reimbursement Scheme (ARRS) recruitment for your Primary Care Network: what each post costs,
        what you can claim, what the PCN funds itself, and how much of your ARRS entitlement is left.
      </p>
      <p>
        Each post is reimbursed at its actual salary plus employer National Insurance and employer pension, pro rata for
        WTE and months in post, up to the role&apos;s maximum reimbursable amount. Your entitlement is the year&apos;s rate
        per weighted patient times your PCN&apos;s contractor weighted population at 1 January. Every figure says where it
        comes from — published by NHS England, by a third party, derived, an <strong>estimate</strong>, an assumption or a
        projection; see <Link href="/rules">rules and figures</Link>.
      </p>
      <div className="app-no-print">
        <h2>Find your PCN</h2>
        <p>See its member practices, registered population, weighted population and ARRS entitlement for each year.</p>
        <PcnSearch label="Search for a PCN" />
      </div>
      <h2 id="quick-estimate">Quick estimate</h2>
      {typeof saveError === "string" && saveError ? (
        <div className="nhsuk-error-summary" aria-labelledby="save-error-title" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="save-error-title">
            The scenario was not saved
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{saveError.slice(0, 300)}</p>
          </div>
        </div>
      ) : null}
      <p className="app-instructions">First Contact Occupational Therapist is preselected; add any other ARRS role.</p>
      <QuickEstimate
        roles={roles}
        pcns={pcns}
        financialYears={years}
        defaultYear={current}
        uplifts={uplifts}
        {...(preselected ? { preselectedPcn: preselected } : {})}
        {...(user ? { saveAsScenario: saveQuickEstimateAsScenario } : {})}
      />
    </>
  );
}
