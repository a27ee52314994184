// Bring in your team from a spreadsheet (issue 16, item 1): the PCN's payroll / HR export or last
// year's spreadsheet → a preview of every post → "Add these posts". The browser sends the file to
// POST /api/v1/scenarios/{id}/posts/import (dry run for the preview, then the save).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/app/components/ui/breadcrumbs";
import { ROLE_IDS, ROLES } from "@/lib/engine";
import { canWrite } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { getScenarioForEdit, type StoredScenario } from "@/lib/server/scenarios/scenarios";
import { TeamImportForm } from "./team-import-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string; id: string }> };

export const metadata: Metadata = { title: "Bring in your team" };

export default async function TeamImportPage({ params }: Props) {
  const { code: rawCode, id } = await params;
  const code = rawCode.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const user = await getCurrentUser();
  const planner = `/pcns/${code}/scenarios/${encodeURIComponent(id)}`;
  if (!user || !canWrite(user, code)) {
    return (
      <>
        <h1>Bring in your team</h1>
        <div className="nhsuk-inset-text">
          <p>
            {user ? "Only this PCN's editors can add posts to its scenarios: ask one of its admins to add you." : <><Link href={`/login?next=${encodeURIComponent(`${planner}/import`)}`}>Sign in as an editor</Link> to bring in your team.</>}
          </p>
        </div>
      </>
    );
  }
  let scenario: StoredScenario;
  try {
    scenario = await getScenarioForEdit(getDb(), user, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return (
        <>
          <h1>Bring in your team</h1>
          <div className="nhsuk-inset-text">
            <p>{e.message}</p>
          </div>
        </>
      );
    }
    throw e;
  }
  if (scenario.pcnCode !== code || scenario.deletedAt) notFound();
  const roles = ROLE_IDS.map((r) => ({ id: r, name: ROLES[r].name }));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: `/pcns/${scenario.pcnCode}`, text: scenario.pcnName },
          { href: `/pcns/${scenario.pcnCode}/scenarios`, text: "Scenarios" },
          { href: planner, text: scenario.name },
        ]}
      />
      <span className="nhsuk-caption-l">
        {scenario.pcnName} ({scenario.pcnCode}) · {scenario.name}
      </span>
      <h1>Bring in your team from a spreadsheet</h1>
      <p>
        Choose your payroll or HR export, or last year&apos;s staff spreadsheet (CSV or Excel). Each row becomes a post, in post now
        (&ldquo;existing&rdquo;) unless a status column says otherwise. You will see every post before anything is added.
      </p>
      <TeamImportForm scenarioId={scenario.id} version={scenario.version} pcnCode={scenario.pcnCode} plannerHref={planner} existingPosts={scenario.posts.length} roles={roles} />
    </>
  );
}
