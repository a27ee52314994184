// The ICB page's tables (server components): the PCNs with sort and filter as plain links (works
// without JavaScript), and the ICB's months (the chart's text alternative). Every figure is the API's.
import Link from "next/link";
import { FIGURE_CELL as cls, FiguresTable } from "@/app/components/ui/figures-table";
import { formatMonth, formatPounds } from "@/lib/format";
import type { IcbFilter, IcbOutturnJson, IcbPcnRow, IcbSort } from "@/lib/icb/outturn";

const STATUS: Record<string, string> = { "icb-confirmed": "ICB-confirmed", imported: "Imported", estimate: "Estimate" };

export const SORT_LABELS: Record<IcbSort, string> = {
  name: "Name",
  unclaimed: "Forecast unclaimed",
  claimed: "Claimed to date",
  planned: "Planned",
  paid: "Paid to date",
  entitlement: "Entitlement",
};
export const FILTER_LABELS: Record<IcbFilter, string> = { all: "All PCNs", "no-plan": "Without an agreed plan", unclaimed: "Forecast to leave money unclaimed" };

export function SortFilter({ base, sort, filter }: { base: (q: { sort?: IcbSort; filter?: IcbFilter }) => string; sort: IcbSort; filter: IcbFilter }) {
  const item = (label: string, href: string, current: boolean, testId: string) => (
    <li key={testId} className="app-inline-list__item">
      {current ? (
        <strong aria-current="true" data-testid={testId}>
          {label}
        </strong>
      ) : (
        <Link href={href} data-testid={testId}>
          {label}
        </Link>
      )}
    </li>
  );
  return (
    <nav aria-label="Sort and filter the PCNs" className="app-no-print" data-testid="icb-sort-filter">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Show:</p>
      <ul className="nhsuk-list app-inline-list">{(Object.keys(FILTER_LABELS) as IcbFilter[]).map((f) => item(FILTER_LABELS[f], base({ filter: f }), f === filter, `icb-filter-${f}`))}</ul>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Sort by (figures largest first):</p>
      <ul className="nhsuk-list app-inline-list">{(Object.keys(SORT_LABELS) as IcbSort[]).map((s) => item(SORT_LABELS[s], base({ sort: s }), s === sort, `icb-sort-${s}`))}</ul>
    </nav>
  );
}

export function PcnTable({ rows, fy, sort, total }: { rows: IcbPcnRow[]; fy: string; sort: IcbSort; total: number }) {
  const sortedBy = SORT_LABELS[sort].toLowerCase();
  const headers = [
    "PCN and agreed plan",
    "Entitlement",
    "Planned",
    <>
      Claimed<span className="nhsuk-body-s app-basis">to date (paid)</span>
    </>,
    <>
      Forecast claims<span className="nhsuk-body-s app-basis">estimate</span>
    </>,
    <>
      Forecast unclaimed<span className="nhsuk-body-s app-basis">estimate</span>
    </>,
  ];
  return (
    <FiguresTable id="pcns-caption" testId="icb-pcns" caption={`PCNs, ${fy}: ${rows.length} of ${total}, sorted by ${sortedBy}`} headers={headers}>
      {rows.length === 0 ? (
        <tr className="nhsuk-table__row">
          <td className="nhsuk-table__cell" colSpan={6}>
            No PCN matches this filter.
          </td>
        </tr>
      ) : null}
      {rows.map((r) => (
        <tr key={r.code} className="nhsuk-table__row" data-testid="icb-pcn-row" data-code={r.code}>
          <th scope="row" className="nhsuk-table__cell">
            <Link href={`/pcns/${r.code}/outturn?year=${encodeURIComponent(fy)}`}>{r.name}</Link> <span className="nhsuk-body-s">({r.code})</span>
            {r.agreedScenario ? (
              <span className="nhsuk-body-s app-basis">Plan: {r.agreedScenario.name}</span>
            ) : (
              <div>
                <strong className="nhsuk-tag nhsuk-tag--grey">No agreed plan</strong>
              </div>
            )}
          </th>
          <td className={cls}>
            {formatPounds(r.entitlement)}
            {r.weightedPopulationStatus ? <span className="nhsuk-body-s app-basis"> {r.weightedPopulationStatus === "estimate" ? "estimate" : STATUS[r.weightedPopulationStatus] ?? r.weightedPopulationStatus}</span> : null}
          </td>
          <td className={cls}>{formatPounds(r.planned)}</td>
          <td className={cls}>
            {formatPounds(r.claimedToDate)}
            <span className="nhsuk-body-s app-basis"> paid {formatPounds(r.paidToDate)}</span>
          </td>
          {r.agreedScenario ? (
            <>
              <td className={cls}>{formatPounds(r.forecastClaims)}</td>
              <td className={cls} data-testid="icb-pcn-unclaimed">
                {formatPounds(r.forecastUnclaimed)}
              </td>
            </>
          ) : (
            // No agreed plan, no forecast: the API's figures (claims so far; the entitlement less them)
            // are in the return and the totals, but shown here they would read as money the PCN plans to lose.
            <>
              <td className={cls}>
                Not forecast<span className="nhsuk-body-s app-basis">no agreed plan</span>
              </td>
              <td className={cls} data-testid="icb-pcn-unclaimed" data-not-forecast="true">
                Not forecast<span className="nhsuk-body-s app-basis">no agreed plan</span>
              </td>
            </>
          )}
        </tr>
      ))}
    </FiguresTable>
  );
}

export function MonthsTable({ o }: { o: IcbOutturnJson }) {
  return (
    <FiguresTable id="icb-months-caption" testId="icb-months" caption={`${o.financialYear} month by month, all PCNs`} headers={["Month", "Planned", "Claimed", "Paid"]}>
      {o.months.map((m) => (
        <tr key={m.month} className="nhsuk-table__row">
          <th scope="row" className="nhsuk-table__cell">
            {formatMonth(m.month)}
          </th>
          <td className={cls}>{formatPounds(m.planned)}</td>
          <td className={cls}>{formatPounds(m.claimed)}</td>
          <td className={cls}>{formatPounds(m.paid)}</td>
        </tr>
      ))}
    </FiguresTable>
  );
}
