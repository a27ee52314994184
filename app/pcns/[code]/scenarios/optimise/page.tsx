// "Optimise the role mix": candidate posts, limits and a base scenario in; the optimal mix (found
// by a mixed-integer solver on the server), the next best alternatives or why none fits out; the
// result opens as a new scenario. Signed-in editors of the PCN only, like the scenarios list.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/app/components/ui/breadcrumbs";
import { AFC_BANDS, AREAS, ROLES } from "@/lib/engine";
import { OPTIMISER_ROLE_IDS } from "@/lib/schemas/optimise";
import { yearChoices } from "@/lib/server/today";
import { canWrite } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { getPcnDetail } from "@/lib/server/pcn-data/pcns";
import { listScenarios } from "@/lib/server/scenarios/scenarios";
import { OptimiseForm } from "./optimise-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ base?: string }> };

export const metadata: Metadata = { title: "Optimise the role mix" };

export default async function OptimisePage({ params, searchParams }: Props) {
  const code = (await params).code.trim().toUpperCase();
  const { base } = await searchParams;
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const db = getDb();
  const pcn = await getPcnDetail(db, code);
  if (!pcn) notFound();
  const user = await getCurrentUser();
  const here = `/pcns/${pcn.code}/scenarios/optimise`;
  const header = (
    <>
      <Breadcrumbs
        items={[
          { href: `/pcns/${pcn.code}`, text: pcn.name },
          { href: `/pcns/${pcn.code}/scenarios`, text: "Scenarios" },
        ]}
      />
      <span className="nhsuk-caption-l">
        {pcn.name} ({pcn.code})
      </span>
      <h1>Optimise the role mix</h1>
      <p>
        State the posts you could recruit, what each is worth to you, and your limits. The optimiser finds the mix of posts worth the most within the ARRS entitlement and your
        PCN-funded budget, pricing every option with the same calculation as the estimate. It is an estimate: it uses the year&apos;s published or estimated figures.
      </p>
    </>
  );
  if (!user || !canWrite(user, pcn.code)) {
    return (
      <>
        {header}
        <div className="nhsuk-inset-text">
          <p>
            {user ? (
              <>
                Only this PCN&apos;s editors can use the optimiser: <Link href={`/pcns/${pcn.code}`}>the PCN&apos;s page</Link> says whom to ask for access.
              </>
            ) : (
              <>
                <Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in as an editor</Link> to use the optimiser.
              </>
            )}{" "}
            The <Link href="/">quick estimate</Link> needs no account.
          </p>
        </div>
      </>
    );
  }
  const scenarios = (await listScenarios(db, user, pcn.code)).map((s) => ({ id: s.id, name: s.name, firstYear: s.firstYear, postCount: s.postCount }));
  const { current: defaultYear, years } = yearChoices();
  return (
    <>
      {header}
      <OptimiseForm
        pcnCode={pcn.code}
        scenarios={scenarios}
        defaultBase={scenarios.some((s) => s.id === base) ? base! : ""}
        financialYears={years}
        defaultYear={defaultYear}
        roles={OPTIMISER_ROLE_IDS.map((id) => ({ id, name: ROLES[id].name, typicalBand: ROLES[id].typicalBand, kind: ROLES[id].kind }))}
        bands={[...AFC_BANDS]}
        areas={[...AREAS]}
      />
    </>
  );
}
