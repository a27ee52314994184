// The outturn page's tables (server components): month by month with variance, the months not
// yet paid and how long each has waited, and each post. Every figure is the API's.
import { FIGURE_CELL as cls, FiguresTable } from "@/app/components/ui/figures-table";
import { formatMonth, formatPounds } from "@/lib/format";
import type { OutturnResponse } from "@/lib/server/claims/outturn";

const signed = (v: number | null) => (v === null ? "—" : v === 0 ? formatPounds(0) : `${v > 0 ? "+" : "−"}${formatPounds(Math.abs(v))}`);

const MONTH_HEADERS = ["Month", "Planned", "Claimed", "Approved", "Paid", "Variance", "Cumulative planned", "Cumulative claimed", "Cumulative forecast (estimate)"];

export function MonthsTable({ o }: { o: OutturnResponse }) {
  return (
    <>
      <p className="nhsuk-body-s">Variance = claimed − planned, for months that have claims (submitted, approved or paid); — when a month has none.</p>
      <FiguresTable id="months-caption" testId="outturn-months" caption={`${o.financialYear} month by month`} headers={MONTH_HEADERS}>
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
      </FiguresTable>
    </>
  );
}

export function UnpaidTable({ o }: { o: OutturnResponse }) {
  if (o.unpaid.length === 0) return <p data-testid="outturn-unpaid">Every month claimed so far has been paid in full.</p>;
  return (
    <>
      <p className="nhsuk-body-s">Days waiting: from the end of the month the claim is for to today ({o.today}).</p>
      <FiguresTable id="unpaid-caption" testId="outturn-unpaid" caption="Months not yet paid in full" headers={["Month", "Claimed", "Paid", "Outstanding", "Days waiting"]}>
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
      </FiguresTable>
    </>
  );
}

export function PostsTable({ o }: { o: OutturnResponse }) {
  if (o.posts.length === 0) return <p>No posts are planned and nothing has been claimed.</p>;
  return (
    <>
      <p className="nhsuk-body-s">Planned: the whole year. Claimed: to date. Variance = claimed to date − planned for the months so far that have claims.</p>
      <FiguresTable id="posts-caption" testId="outturn-posts" caption={`${o.financialYear} by post`} headers={["Post", "Planned (year)", "Planned to date", "Claimed to date", "Variance"]}>
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
      </FiguresTable>
    </>
  );
}
