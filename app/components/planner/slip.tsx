"use client";
// The recruitment slip (issue 16, item 5): what the plan does not spend, and the headroom it frees,
// if proposed posts start when they are expected to be filled rather than as planned. A separate
// line, always labelled an estimate: the plan's own figures stay as planned.
import { FigureTag, MoneyCell } from "@/app/components/ui/cells";
import { formatPounds } from "@/lib/format";
import type { ScenarioResults, SlipFigures, SlipSummary } from "@/lib/planner/types";
import { sumPounds } from "./results-parts";

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "£12,345.67 of cost slips (£10,000.00 not claimed, £2,345.67 PCN-funded); headroom freed £10,000.00". */
export function slipSentence(s: SlipFigures): string {
  return `${formatPounds(s.cost)} of cost slips (${formatPounds(s.claimable)} not claimed, ${formatPounds(s.pcnFunded)} PCN-funded); headroom freed ${formatPounds(s.headroomFreed)}`;
}

/** The year's slip, a row of the year's summary list; nothing when no post is expected to start late. */
export function SlipRow({ slip, year }: { slip: SlipSummary; year: SlipFigures & { postsDelayed: number } }) {
  if (slip.postsDelayed === 0) return null;
  return (
    <div className="nhsuk-summary-list__row" data-testid="summary-slip">
      <dt className="nhsuk-summary-list__key">{capitalised(slip.label)}</dt>
      <dd className="nhsuk-summary-list__value">
        {year.postsDelayed === 0 ? "No post starts late this year (£0.00)" : slipSentence(year)} <FigureTag kind="estimate" />
        <span className="nhsuk-body-s app-basis"> The figures above stay as planned.</span>
      </dd>
    </div>
  );
}

/** Year by year, with a total: the slip line of the projection. */
export function SlipTable({ results }: { results: Pick<ScenarioResults, "years" | "slip"> }) {
  const s = results.slip;
  if (s.postsDelayed === 0) {
    return (
      <p className="nhsuk-body-s app-no-print" data-testid="slip-none">
        Every proposed post is planned to start on its start date. To see the money that slips if recruitment takes longer, enter a <a href="#assumption-timeToFillMonths">time to fill</a> in the assumptions
        (or an expectedStart date for a post in the posts CSV).
      </p>
    );
  }
  const cols = ["Cost", "Claimable", "PCN-funded", "Headroom freed"] as const;
  const pick = (x: SlipFigures) => [x.cost, x.claimable, x.pcnFunded, x.headroomFreed];
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="slip-caption" data-testid="slip">
      <table className="nhsuk-table" data-testid="slip-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="slip-caption">
          {capitalised(s.label)}: the money that slips (not spent, not claimed) <FigureTag kind="estimate" />
          <span className="nhsuk-body-s app-basis">
            {" "}
            A separate line: the plan above stays as planned. {s.postsDelayed} proposed post{s.postsDelayed === 1 ? " is" : "s are"} priced a second time from the later start.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Financial year</th>
            <th scope="col" className="app-numeric">
              Posts late
            </th>
            {cols.map((c) => (
              <th key={c} scope="col" className="app-numeric">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.years.map((y) => (
            <tr key={y.financialYear}>
              <th scope="row">{y.financialYear}</th>
              <td className="app-numeric">{y.slip.postsDelayed}</td>
              {pick(y.slip).map((v, i) => (
                <MoneyCell key={cols[i]} pounds={v} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Over the plan
            </th>
            {cols.map((c, i) => (
              <MoneyCell key={c} pounds={sumPounds(results.years.map((y) => pick(y.slip)[i]!))} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
