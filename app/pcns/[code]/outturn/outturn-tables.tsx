// The outturn page's tables (server components): month by month with variance, the months not
// yet paid and how long each has waited, and each post. Every figure is the API's.
import { formatMonth, formatPounds } from "@/lib/format";
import type { OutturnResponse } from "@/lib/server/claims/outturn";

const signed = (v: number | null) => (v === null ? "—" : v === 0 ? formatPounds(0) : `${v > 0 ? "+" : "−"}${formatPounds(Math.abs(v))}`);
const cls = "nhsuk-table__cell app-numeric";

export function MonthsTable({ o }: { o: OutturnResponse }) {
  return (
    <>
      <p className="nhsuk-body-s">Variance = claimed − planned, for months that have claims (submitted, approved or paid); — when a month has none.</p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="months-caption">
        <table className="nhsuk-table" data-testid="outturn-months">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="months-caption">
            {o.financialYear} month by month
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Month</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Planned</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Claimed</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Approved</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Paid</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Variance</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Cumulative planned</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Cumulative claimed</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Cumulative forecast (estimate)</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {o.months.map((m) => (
              <tr key={m.month} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {formatMonth(m.month)}
                </th>
                <td className={cls}>{formatPounds(m.planned)}</td>
                <td className={cls}>{m.hasClaims ? formatPounds(m.claimed) : "—"}</td>
                <td className={cls}>{m.hasClaims ? formatPounds(m.approved) : "—"}</td>
                <td className={cls}>{m.hasClaims ? formatPounds(m.paid) : "—"}</td>
                <td className={cls}>{signed(m.variance)}</td>
                <td className={cls}>{formatPounds(m.cumulativePlanned)}</td>
                <td className={cls}>{m.cumulativeClaimed === null ? "—" : formatPounds(m.cumulativeClaimed)}</td>
                <td className={cls}>{formatPounds(m.cumulativeForecast)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function UnpaidTable({ o }: { o: OutturnResponse }) {
  if (o.unpaid.length === 0) return <p data-testid="outturn-unpaid">Every month claimed so far has been paid in full.</p>;
  return (
    <>
      <p className="nhsuk-body-s">Days waiting: from the end of the month the claim is for to today ({o.today}).</p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="unpaid-caption">
        <table className="nhsuk-table" data-testid="outturn-unpaid">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="unpaid-caption">
            Months not yet paid in full
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Month</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Claimed</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Paid</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Outstanding</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Days waiting</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {o.unpaid.map((u) => (
              <tr key={u.month} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {formatMonth(u.month)}
                </th>
                <td className={cls}>{formatPounds(u.claimed)}</td>
                <td className={cls}>{formatPounds(u.paid)}</td>
                <td className={cls}>{formatPounds(u.outstanding)}</td>
                <td className={cls}>{u.daysWaiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function PostsTable({ o }: { o: OutturnResponse }) {
  if (o.posts.length === 0) return <p>No posts are planned and nothing has been claimed.</p>;
  return (
    <>
      <p className="nhsuk-body-s">Planned: the whole year. Claimed: to date. Variance = claimed to date − planned for the months so far that have claims.</p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="posts-caption">
        <table className="nhsuk-table" data-testid="outturn-posts">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="posts-caption">
            {o.financialYear} by post
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Post</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Planned (year)</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Planned to date</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Claimed to date</th>
              <th scope="col" className="nhsuk-table__header app-numeric">Variance</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {o.posts.map((p) => (
              <tr key={`${p.postId ?? ""}|${p.label}|${p.role}`} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {p.label}
                  {p.inPlan ? "" : " (not in the agreed plan)"}
                </th>
                <td className={cls}>{formatPounds(p.planned)}</td>
                <td className={cls}>{formatPounds(p.plannedToDate)}</td>
                <td className={cls}>{formatPounds(p.claimed)}</td>
                <td className={cls}>{signed(p.variance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
