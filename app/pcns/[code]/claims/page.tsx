// A PCN's ARRS claims, month by month (issue 17, item 2): the year's months with their totals,
// one month's lines to correct (prepared from the agreed plan) and an import of a spreadsheet.
// The PCN's members read; its editors and admins write (the API checks again on every save).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimMonthEditor } from "@/app/components/claims/claim-month-editor";
import { ClaimsImportForm } from "@/app/components/claims/claims-import-form";
import { Breadcrumbs } from "@/app/components/ui/breadcrumbs";
import { ROLE_IDS, ROLES } from "@/lib/engine";
import { monthLabel } from "@/lib/schemas/claims";
import { canRead, canWrite } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getClaimsYear, getPlanLines } from "@/lib/server/claims/claims";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { yearChoices } from "@/lib/server/today";
import { ClaimMonthsTable } from "./months-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claims" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function ClaimsPage({ params, searchParams }: Props) {
  const code = (await params).code.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const sp = await searchParams;
  const user = await getCurrentUser();
  const here = `/pcns/${code}/claims`;
  if (!user || !canRead(user, code)) {
    return (
      <>
        <h1>Claims</h1>
        <div className="nhsuk-inset-text">
          <p>{user ? "Only this PCN's members can see its claims: ask one of its admins to add you." : <><Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in</Link> to see this PCN&apos;s claims.</>}</p>
        </div>
      </>
    );
  }
  const db = getDb();
  const { current, years } = yearChoices();
  const year = years.includes(one(sp.year) as never) ? one(sp.year)! : current;
  let data;
  try {
    data = await getClaimsYear(db, user, code, year);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  let plan: Awaited<ReturnType<typeof getPlanLines>> = null;
  let planProblem: string | null = null;
  if (data.agreedPlan) {
    try {
      plan = await getPlanLines(db, user, code, year);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      planProblem = `The agreed plan cannot be calculated (${e.message}), so claims cannot be prepared from it until it is corrected in the planner.`;
    }
  }
  const months = data.months.map((m) => m.month);
  const thisMonth = new Date().toISOString().slice(0, 7);
  const month = months.includes(one(sp.month) ?? "") ? one(sp.month)! : months.includes(thisMonth) ? thisMonth : months[0]!;
  const summary = data.months.find((m) => m.month === month)!;
  const writer = canWrite(user, code);
  const roles = ROLE_IDS.map((r) => ({ id: r, name: ROLES[r].name }));

  return (
    <>
      <Breadcrumbs items={[{ href: `/pcns/${code}`, text: data.pcn.name }]} />
      <span className="nhsuk-caption-l">
        {data.pcn.name} ({code}) · {year}
      </span>
      <h1>Claims, month by month</h1>
      <p>
        What the PCN claimed each month under the ARRS, line by line, against its agreed plan.{" "}
        {data.agreedPlan ? (
          <>
            <strong className="nhsuk-tag nhsuk-tag--green">Agreed plan</strong> <Link href={`/pcns/${code}/scenarios/${encodeURIComponent(data.agreedPlan.id)}`}>{data.agreedPlan.name}</Link>
          </>
        ) : (
          "The PCN has no agreed plan yet: a PCN admin agrees one in the planner."
        )}
      </p>
      {planProblem ? <div className="nhsuk-inset-text"><p>{planProblem}</p></div> : null}

      <form method="get" action={here} className="app-inline-fields app-no-print">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="claims-year">
            Financial year
          </label>
          <select className="nhsuk-select" id="claims-year" name="year" defaultValue={year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary app-inline-fields__button" type="submit">
          Show
        </button>
      </form>

      <ClaimMonthsTable pcnCode={code} year={year} months={data.months} lines={data.lines} planMonths={plan?.months ?? null} planEstimate={plan?.estimate ?? false} selected={month} />

      <h2 id="month-editor">{monthLabel(month)}</h2>
      <ClaimMonthEditor
        key={`${month}:${summary.version}`}
        pcnCode={code}
        month={month}
        monthLabel={monthLabel(month)}
        version={summary.version}
        lines={data.lines.filter((l) => l.month === month)}
        plan={plan ? { name: plan.plan.name, lines: plan.months[month] ?? [], estimate: plan.estimate } : null}
        canWrite={writer}
        roles={roles}
      />

      {writer ? (
        <>
          <h2>Import claims from a spreadsheet</h2>
          <ClaimsImportForm pcnCode={code} />
        </>
      ) : null}
    </>
  );
}
