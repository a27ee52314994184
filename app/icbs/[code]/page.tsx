// The ICB's view (issue 18): /icbs/{code}?year=2026/27&sort=unclaimed&filter=no-plan — every PCN of
// the ICB with its agreed plan and outturn (each row the PCN's own outturn), headline totals, sort
// and filter as plain links (works without JavaScript), the ICB's planned against claimed by month
// (a chart and a table), and the ICB's forecast return. The ICB's viewers and system administrators;
// read only. Anyone else gets the same "not found" as for an ICB that does not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FigureTag } from "@/app/components/ui/cells";
import { filterOf, sortAndFilter, sortOf, type IcbFilter, type IcbOutturnJson, type IcbSort } from "@/lib/icb/outturn";
import { formatPounds } from "@/lib/format";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { getIcbOutturn } from "@/lib/server/icb/outturn";
import { yearChoices } from "@/lib/server/today";
import { LazyIcbChart } from "./icb-chart-lazy";
import { MonthsTable, PcnTable, SortFilter } from "./icb-tables";
import { YearForm } from "@/app/components/ui/year-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "ICB: plans and claims" };

type Query = { year?: string | string[]; sort?: string | string[]; filter?: string | string[] };
type Props = { params: Promise<{ code: string }>; searchParams: Promise<Query> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A PCN with no agreed plan has no forecast: its whole entitlement counts as unclaimed in the total
 * (the contract's sum). Say how much of the total that is, so nobody reads it as money the PCNs plan
 * to leave unclaimed.
 */
function unclaimedNote(o: IcbOutturnJson): string {
  const without = o.pcns.filter((p) => !p.agreedScenario);
  if (without.length === 0) return "lost at 31 March if not claimed";
  const pence = without.reduce((t, p) => t + Math.round(p.forecastUnclaimed * 100), 0);
  const n = without.length;
  return `lost at 31 March if not claimed. Includes ${formatPounds(pence / 100)}: the whole entitlement of the ${n} PCN${n === 1 ? "" : "s"} without an agreed plan, whose claims are not forecast here`;
}

function Headline({ o }: { o: IcbOutturnJson }) {
  const t = o.totals;
  const row = (label: string, value: number, tag: "estimate" | null, testId: string, note?: string) => (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value" data-testid={testId}>
        {formatPounds(value)} <FigureTag kind={tag} />
        {note ? <span className="nhsuk-body-s app-basis"> {note}</span> : null}
      </dd>
    </div>
  );
  const estimated = o.pcns.filter((p) => p.weightedPopulationStatus === "estimate" || p.weightedPopulationStatus === null).length;
  return (
    <dl className="nhsuk-summary-list" data-testid="icb-headline">
      {row("Entitlement, all PCNs", t.entitlement, estimated ? "estimate" : null, "icb-entitlement", estimated ? `${estimated} PCN${estimated === 1 ? "'s" : "s'"} weighted population estimated` : undefined)}
      {row("Planned (agreed plans, whole year)", t.planned, null, "icb-planned", `${t.pcnsWithAgreedPlan} of ${t.pcnCount} PCNs have an agreed plan`)}
      {row("Claimed to date", t.claimedToDate, null, "icb-claimed", `paid ${formatPounds(t.paidToDate)}`)}
      {row("Forecast claims for the year", t.forecastClaims, "estimate", "icb-forecast", "claims where there are claims, the agreed plans after")}
      {row("Forecast unclaimed entitlement", t.forecastUnclaimed, "estimate", "icb-unclaimed", unclaimedNote(o))}
    </dl>
  );
}

export default async function IcbPage({ params, searchParams }: Props) {
  const code = decodeURIComponent((await params).code).trim().toUpperCase();
  if (!/^[A-Z0-9]{3,9}$/.test(code)) notFound();
  const q = await searchParams;
  const sort = sortOf(first(q.sort));
  const filter = filterOf(first(q.filter));
  const here = `/icbs/${code}`;
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <h1>ICB {code}: plans and claims</h1>
        <div className="nhsuk-inset-text">
          <p>
            <Link href={`/login?next=${encodeURIComponent(here)}`}>Sign in</Link> to see this ICB&apos;s PCNs&apos; agreed plans and claims.
          </p>
        </div>
      </>
    );
  }
  const { current, years } = yearChoices();
  let o: IcbOutturnJson | null = null;
  let problem: string | null = null;
  try {
    o = await getIcbOutturn(getDb(), user, code, first(q.year) ?? null);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === "not_found") notFound();
    problem = e.message;
  }
  const fy = o?.financialYear ?? current;
  const link = (change: { sort?: IcbSort; filter?: IcbFilter }) => {
    const s = change.sort ?? sort;
    const f = change.filter ?? filter;
    return `${here}?year=${encodeURIComponent(fy)}${s !== "name" ? `&sort=${s}` : ""}${f !== "all" ? `&filter=${f}` : ""}`;
  };
  const yq = `year=${encodeURIComponent(fy)}`;

  return (
    <>
      <span className="nhsuk-caption-l">Integrated Care Board {code}</span>
      <h1>{o ? o.icb.name : `ICB ${code}`}: plans and claims</h1>
      <p>Every PCN&apos;s agreed plan against its ARRS claims. Read only: each PCN changes its own plan and claims. Drafts are not shown.</p>
      <YearForm action={here} testId="icb-year-form" years={years} value={fy} problem={problem} keep={{ sort: sort !== "name" ? sort : undefined, filter: filter !== "all" ? filter : undefined }} />
      {o ? (
        <>
          <Headline o={o} />
          <p className="nhsuk-body-s">
            Each PCN&apos;s figures are its own plan against actual. Planned: {o.basis.planned}. To date: {o.basis.toDate}. The forecast is an estimate: {o.basis.forecast}.
          </p>
          <h2>PCNs</h2>
          <SortFilter base={link} sort={sort} filter={filter} />
          <PcnTable rows={sortAndFilter(o.pcns, sort, filter)} fy={fy} sort={sort} total={o.pcns.length} />
          <h2>Planned against claimed, month by month</h2>
          <LazyIcbChart data={{ financialYear: o.financialYear, months: o.months }} />
          <MonthsTable o={o} />
          <h2>Downloads</h2>
          <ul className="nhsuk-list app-no-print" data-testid="icb-downloads">
            <li>
              The ICB&apos;s forecast return (one row per PCN, role and month: WTE and £, claimed or planned):{" "}
              <a href={`/api/v1/icbs/${code}/forecast.xlsx?${yq}`} download data-testid="download-icb-xlsx">
                XLSX
              </a>
              ,{" "}
              <a href={`/api/v1/icbs/${code}/forecast.csv?${yq}`} download data-testid="download-icb-csv">
                CSV
              </a>
            </li>
            <li>
              The figures as JSON: <a href={`/api/v1/icbs/${code}/outturn?${yq}`}>GET /api/v1/icbs/{code}/outturn</a>
            </li>
          </ul>
        </>
      ) : null}
    </>
  );
}
