// Plan against actual (issue 17): /pcns/{code}/outturn?year=2026/27 — the agreed plan against the
// month's claims, the year-end forecast, the months not yet paid, each post; downloads (the
// outturn, the back pay after a backdated uplift, the ICB's forecast return). The PCN's members.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FigureTag } from "@/app/components/ui/cells";
import { backdatedUpliftOf } from "@/lib/claims/backpay";
import { getRules } from "@/lib/engine";
import { formatPounds } from "@/lib/format";
import { canRead } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getOutturn, type OutturnResponse } from "@/lib/server/claims/outturn";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { getPcnDetail } from "@/lib/server/pcn-data/pcn-profile";
import { yearChoices } from "@/lib/server/today";
import { LazyOutturnChart } from "./outturn-chart-lazy";
import { MonthsTable, PostsTable, UnpaidTable } from "./outturn-tables";
import { YearForm } from "@/app/components/ui/year-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Plan against actual" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ year?: string | string[] }> };

function Headline({ o }: { o: OutturnResponse }) {
  const planned = o.months.reduce((t, m) => t + Math.round(m.planned * 100), 0) / 100;
  const entitlementEstimate = o.estimates.some((e) => e.startsWith("The entitlement"));
  const row = (label: string, value: number, tag: "estimate" | null, testId: string, note?: string) => (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value" data-testid={testId}>
        {formatPounds(value)} <FigureTag kind={tag} />
        {note ? <span className="nhsuk-body-s app-basis"> {note}</span> : null}
      </dd>
    </div>
  );
  return (
    <dl className="nhsuk-summary-list" data-testid="outturn-headline">
      {row("Entitlement", o.entitlement, entitlementEstimate ? "estimate" : null, "outturn-entitlement")}
      {row("Planned (agreed plan, whole year)", planned, null, "outturn-planned")}
      {row("Claimed to date", o.toDate.claimed, null, "outturn-claimed", `${o.toDate.months.length} month${o.toDate.months.length === 1 ? "" : "s"} so far; planned for them ${formatPounds(o.toDate.planned)}; paid ${formatPounds(o.toDate.paid)}`)}
      {row("Forecast claims for the year", o.forecast.claims, "estimate", "outturn-forecast", "claims where there are claims, the agreed plan after")}
      {row("Forecast unclaimed entitlement", o.forecast.unclaimed, "estimate", "outturn-unclaimed", "lost at 31 March if not claimed")}
    </dl>
  );
}

export default async function OutturnPage({ params, searchParams }: Props) {
  const code = (await params).code.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const rawYear = (await searchParams).year;
  const yearParam = (Array.isArray(rawYear) ? rawYear[0] : rawYear) ?? null;
  const db = getDb();
  const pcn = await getPcnDetail(db, code);
  if (!pcn) notFound();
  const user = await getCurrentUser();
  const here = `/pcns/${pcn.code}/outturn`;
  const { current, years } = yearChoices();

  const header = (
    <>
      <nav className="nhsuk-breadcrumb app-no-print" aria-label="Breadcrumb">
        <ol className="nhsuk-breadcrumb__list">
          <li className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" href={`/pcns/${pcn.code}`}>
              {pcn.name}
            </Link>
          </li>
        </ol>
      </nav>
      <span className="nhsuk-caption-l">
        {pcn.name} ({pcn.code})
      </span>
      <h1>Plan against actual</h1>
    </>
  );

  if (!user || !canRead(user, pcn.code)) {
    return (
      <>
        {header}
        <div className="nhsuk-inset-text">
          <p>
            {user ? (
              <>Only this PCN&apos;s members can see its claims: ask one of its admins to add you.</>
            ) : (
              <>
                <Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in</Link> to see this PCN&apos;s plan against its claims.
              </>
            )}
          </p>
        </div>
      </>
    );
  }

  let o: OutturnResponse | null = null;
  let problem: string | null = null;
  try {
    o = await getOutturn(db, user, pcn.code, yearParam);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problem = e.message;
  }
  const fy = o?.financialYear ?? current;
  const q = `year=${encodeURIComponent(fy)}`;
  const rules = getRules(fy);
  const uplift = rules ? backdatedUpliftOf(rules.capTables) : null;

  return (
    <>
      {header}
      <YearForm action={here} testId="outturn-year-form" years={years} value={fy} problem={problem} />

      {o ? (
        <>
          {o.agreedScenario ? (
            <p data-testid="outturn-agreed">
              Agreed plan: <Link href={`/pcns/${pcn.code}/scenarios/${o.agreedScenario.id}`}>{o.agreedScenario.name}</Link> (version {o.agreedScenario.version}). Claims count when submitted, approved or
              paid; drafts and rejected claims do not.
            </p>
          ) : (
            <div className="nhsuk-inset-text" data-testid="outturn-no-plan">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                This PCN has no agreed plan, so nothing is planned and the forecast is only the claims so far. To compare claims with a plan, open the scenario the PCN has agreed
                with its ICB in the <Link href={`/pcns/${pcn.code}/scenarios`}>planner</Link> and mark it as the agreed plan.
              </p>
            </div>
          )}
          {o.warnings.map((w) => (
            <div key={w} className="nhsuk-warning-callout" data-testid="outturn-warning">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Check this
                </span>
              </h3>
              <p>{w}</p>
            </div>
          ))}
          <Headline o={o} />
          <p className="nhsuk-body-s">
            To date: {o.toDate.basis}. The forecast is an estimate: {o.forecast.basis}. {o.entitlementBasis}
          </p>
          <h2>Cumulative: planned, claimed and forecast</h2>
          <LazyOutturnChart data={{ financialYear: o.financialYear, entitlement: o.entitlement, months: o.months }} />
          <h2>Month by month</h2>
          <MonthsTable o={o} />
          <h2>Not yet paid</h2>
          <UnpaidTable o={o} />
          <h2>By post</h2>
          <PostsTable o={o} />
          <h2>Downloads</h2>
          <ul className="nhsuk-list app-no-print" data-testid="outturn-downloads">
            <li>
              Plan against actual: <a href={`/api/v1/pcns/${pcn.code}/outturn.xlsx?${q}`} download data-testid="download-outturn-xlsx">XLSX</a>,{" "}
              <a href={`/api/v1/pcns/${pcn.code}/outturn.csv?${q}`} download data-testid="download-outturn-csv">CSV (months)</a>
            </li>
            <li>
              The ICB&apos;s forecast return (WTE and £ by role and month to 31 March): <a href={`/api/v1/pcns/${pcn.code}/forecast-return.xlsx?${q}`} download data-testid="download-forecast-xlsx">XLSX</a>,{" "}
              <a href={`/api/v1/pcns/${pcn.code}/forecast-return.csv?${q}`} download data-testid="download-forecast-csv">CSV</a>
            </li>
            <li>
              {uplift && o.agreedScenario ? (
                <>
                  Back pay after the backdated uplift ({uplift.title}), in the single claim form&apos;s layout:{" "}
                  <a href={`/api/v1/pcns/${pcn.code}/backpay.xlsx?${q}`} download data-testid="download-backpay-xlsx">
                    XLSX
                  </a>
                  , <a href={`/api/v1/pcns/${pcn.code}/backpay.csv?${q}`} download data-testid="download-backpay-csv">CSV</a>
                </>
              ) : (
                <>Back pay: {uplift ? "needs an agreed plan." : `${fy} has no backdated uplift of the maxima, so there is no back pay to claim.`}</>
              )}
            </li>
          </ul>
        </>
      ) : null}
    </>
  );
}
