// A PCN's saved scenarios: open, duplicate (one click), delete (after a confirmation; restorable
// for 30 days), restore, and create a new one. Signed-in editors and administrators only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { yearChoices } from "@/lib/server/today";
import { formatDate } from "@/lib/format";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { getPcnDetail } from "@/lib/server/pcn-data/pcn-profile";
import { listScenarios, RESTORE_DAYS, type ScenarioListItem } from "@/lib/server/scenarios/scenarios";
import { canWrite } from "@/lib/server/auth/access";
import { deleteScenarioAction, duplicateScenarioAction, restoreScenarioAction } from "./actions";
import { CreateScenarioForm } from "./create-form";
import { Breadcrumbs } from "@/app/components/ui/breadcrumbs";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ delete?: string; deleted?: string; error?: string }> };

export const metadata: Metadata = { title: "Scenarios" };

const when = (iso: string) => `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;

export default async function ScenariosPage({ params, searchParams }: Props) {
  const code = (await params).code.trim().toUpperCase();
  const { delete: toDelete, deleted, error } = await searchParams;
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const db = getDb();
  const pcn = await getPcnDetail(db, code);
  if (!pcn) notFound();
  const user = await getCurrentUser();
  const here = `/pcns/${pcn.code}/scenarios`;

  const header = (
    <>
      <Breadcrumbs items={[{ href: `/pcns/${pcn.code}`, text: pcn.name }]} />
      <span className="nhsuk-caption-l">
        {pcn.name} ({pcn.code})
      </span>
      <h1>Scenarios</h1>
    </>
  );

  if (!user || !canWrite(user, pcn.code)) {
    return (
      <>
        {header}
        <p>A scenario is a saved plan of posts for this PCN, over one to five years, with its projection and cash flow.</p>
        <div className="nhsuk-inset-text">
          <p>
            {user ? (
              <>
                Only this PCN&apos;s editors can plan posts and save scenarios: <Link href={`/pcns/${encodeURIComponent(pcn.code)}`}>the PCN&apos;s page</Link> says whom to ask for access.
              </>
            ) : (
              <>
                <Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in as an editor</Link> to plan posts and save scenarios.
              </>
            )}{" "}
            Anyone can use the <Link href={`/?pcn=${encodeURIComponent(pcn.code)}`}>quick estimate</Link> without an account.
          </p>
        </div>
      </>
    );
  }

  let live: ScenarioListItem[] = [];
  let removed: ScenarioListItem[] = [];
  let problem: string | null = error ?? null;
  try {
    [live, removed] = await Promise.all([listScenarios(db, user, pcn.code), listScenarios(db, user, pcn.code, { deleted: true })]);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problem = e.message;
  }
  const confirming = toDelete ? live.find((s) => s.id === toDelete) : undefined;
  const justDeleted = deleted ? removed.find((s) => s.id === deleted) : undefined;
  // The financial year we are in (the server's date) is the default; up to three years ahead are offered.
  const { current: defaultYear, years } = yearChoices();

  return (
    <>
      {header}
      {problem ? (
        <div className="nhsuk-error-summary" aria-labelledby="list-error-title" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="list-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{problem}</p>
          </div>
        </div>
      ) : null}
      {justDeleted ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>&ldquo;{justDeleted.name}&rdquo; was deleted. You can restore it until {formatDate(justDeleted.restorableUntil!.slice(0, 10))}.</p>
          <form action={restoreScenarioAction.bind(null, pcn.code, justDeleted.id)}>
            <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
              Restore &ldquo;{justDeleted.name}&rdquo;
            </button>
          </form>
        </div>
      ) : null}
      {confirming ? (
        <div className="nhsuk-warning-callout" data-testid="confirm-delete">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Delete &ldquo;{confirming.name}&rdquo;?
            </span>
          </h2>
          <p>It leaves this list. You can restore it for {RESTORE_DAYS} days; after that it is gone.</p>
          <div className="nhsuk-button-group">
            <form action={deleteScenarioAction.bind(null, pcn.code, confirming.id)}>
              <button className="nhsuk-button nhsuk-button--warning" type="submit">
                Yes, delete it
              </button>
            </form>
            <Link className="nhsuk-link" href={here}>
              No, keep it
            </Link>
          </div>
        </div>
      ) : null}

      {live.length === 0 ? (
        <p>No scenarios yet for this PCN. Create one below, or save a quick estimate as a scenario.</p>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Scenarios of this PCN">
          <table className="nhsuk-table" data-testid="scenario-list">
            <caption className="nhsuk-table__caption">Saved scenarios</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Years</th>
                <th scope="col" className="app-numeric">
                  Posts
                </th>
                <th scope="col">Last saved</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {live.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`${here}/${s.id}`}>{s.name}</Link>
                    {s.agreed ? (
                      <>
                        {" "}
                        <strong className="nhsuk-tag nhsuk-tag--green" data-testid="agreed-tag">
                          Agreed plan
                        </strong>
                      </>
                    ) : null}
                    {s.description ? <span className="nhsuk-body-s app-basis">{s.description}</span> : null}
                  </th>
                  <td>
                    {s.firstYear}, {s.years} year{s.years === 1 ? "" : "s"}
                  </td>
                  <td className="app-numeric">{s.postCount}</td>
                  <td>
                    {when(s.updatedAt)}
                    {s.updatedBy ? <span className="nhsuk-body-s app-basis">by {s.updatedBy.name} (version {s.version})</span> : null}
                  </td>
                  <td>
                    <div className="app-row-actions">
                      <form action={duplicateScenarioAction.bind(null, pcn.code, s.id)}>
                        <button className="app-link-button app-link-button--blue" type="submit">
                          Duplicate<span className="nhsuk-u-visually-hidden"> {s.name}</span>
                        </button>
                      </form>
                      <Link href={`${here}?delete=${encodeURIComponent(s.id)}`}>
                        Delete<span className="nhsuk-u-visually-hidden"> {s.name}</span>
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {live.length >= 2 ? (
        <p>
          <Link href={`/pcns/${pcn.code}/compare`} data-testid="compare-link">
            Compare scenarios side by side
          </Link>
        </p>
      ) : null}

      <p>
        <Link href={`/pcns/${pcn.code}/scenarios/optimise`} data-testid="optimise-link">
          Optimise the role mix
        </Link>
        : find the mix of posts worth the most within the entitlement and your budget, then open it as a scenario.
      </p>

      <h2>Create a scenario</h2>
      <CreateScenarioForm pcnCode={pcn.code} financialYears={years} defaultYear={defaultYear} />

      {removed.length ? (
        <>
          <h2>Deleted scenarios</h2>
          <p>Deleted scenarios can be restored for {RESTORE_DAYS} days.</p>
          <ul className="nhsuk-list app-deleted-list">
            {removed.map((s) => (
              <li key={s.id}>
                <form action={restoreScenarioAction.bind(null, pcn.code, s.id)} className="app-inline-form">
                  <span>
                    {s.name} <span className="nhsuk-body-s app-basis">deleted {when(s.deletedAt!)}; restorable until {formatDate(s.restorableUntil!.slice(0, 10))}</span>
                  </span>
                  <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
                    Restore<span className="nhsuk-u-visually-hidden"> {s.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
