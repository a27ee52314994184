// The claims page's months: each month's lines, amount claimed, its statuses and the agreed plan's
// claimable (an estimate when the plan's year rests on estimated rules), with a link to open it.
import Link from "next/link";
import { sumPounds } from "@/lib/claims/prepare";
import type { ClaimLine } from "@/lib/claims/types";
import { formatPounds } from "@/lib/format";
import { monthLabel } from "@/lib/schemas/claims";
import type { ClaimMonthSummary } from "@/lib/server/claims/claims";

type Props = {
  pcnCode: string;
  year: string;
  months: ClaimMonthSummary[];
  lines: ClaimLine[];
  planMonths: Record<string, ClaimLine[]> | null;
  planEstimate: boolean;
  selected: string;
};

function statuses(lines: ClaimLine[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${s}`).join(", ") || "—";
}

export function ClaimMonthsTable({ pcnCode, year, months, lines, planMonths, planEstimate, selected }: Props) {
  const href = (m: string) => `/pcns/${encodeURIComponent(pcnCode)}/claims?year=${encodeURIComponent(year)}&month=${m}#month-editor`;
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={`Months of ${year}`}>
    <table className="nhsuk-table app-claims-months" data-testid="claim-months">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Months of {year}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="app-numeric">
            Lines
          </th>
          <th scope="col" className="app-numeric">
            Claimed
          </th>
          <th scope="col">Status</th>
          {planMonths ? (
            <th scope="col" className="app-numeric">
              Agreed plan&apos;s claimable{planEstimate ? " (estimate)" : ""}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {months.map((m) => {
          const own = lines.filter((l) => l.month === m.month);
          return (
            <tr key={m.month} aria-current={m.month === selected ? "true" : undefined} className={m.month === selected ? "app-claims-months__selected" : undefined}>
              <th scope="row" data-label="Month">
                <Link href={href(m.month)}>{monthLabel(m.month)}</Link>
              </th>
              <td className="app-numeric" data-label="Lines">
                {m.lineCount}
              </td>
              <td className="app-numeric" data-label="Claimed">
                {m.version === 0 ? "—" : formatPounds(m.claimed)}
              </td>
              <td data-label="Status">{statuses(own)}</td>
              {planMonths ? (
                <td className="app-numeric" data-label={`Agreed plan's claimable${planEstimate ? " (estimate)" : ""}`}>
                  {formatPounds(sumPounds((planMonths[m.month] ?? []).map((l) => l.claimed)))}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
