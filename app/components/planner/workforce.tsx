"use client";
// The planner's Workforce section (issue 16, item 4): WTE and headcount by role, month by month
// over the whole horizon — a stacked chart and a table (months × roles) that scrolls in its own box
// on a phone. Each year ends with its average WTE in post, the figure compare, the projection and
// the exports use, so the table visibly adds up to it.
import dynamic from "next/dynamic";
import { memo, useMemo } from "react";
import { workforceChartData } from "@/lib/charts/workforce";
import { AVERAGE_WTE_LABEL } from "@/lib/planner/columns";
import { formatMonth, formatWte } from "@/lib/format";
import type { ScenarioResults } from "@/lib/planner/types";
import { chartLoading } from "./results-parts";

const WorkforceChart = dynamic(() => import("./workforce-chart").then((m) => m.WorkforceChart), { ssr: false, loading: chartLoading });

/** A WTE figure without the unit (the column says WTE): "0.50", "0.3238". */
function Wte({ wte }: { wte: number }) {
  return <td className="app-numeric">{formatWte(wte).replace(/ WTE$/, "")}</td>;
}

const sumWte = (xs: number[]) => xs.reduce((t, x) => t + Math.round(x * 10_000), 0) / 10_000;

export const WorkforceSection = memo(function WorkforceSection({ results }: { results: Pick<ScenarioResults, "years"> }) {
  const data = useMemo(() => workforceChartData(results.years), [results.years]);
  const { roles } = data;
  return (
    // In print the projection's average WTE stands for it; the month-by-month table is in the downloads.
    <div data-testid="workforce" className="app-no-print">
      <p className="nhsuk-body-s">
        Each month&apos;s WTE is weighted by the days in post in it (a 1.0 WTE post in post for 15 of 30 days counts 0.50); headcount is the posts in post on the month&apos;s last day. Each year
        ends with its {AVERAGE_WTE_LABEL.replace(/^A/, "a")} (WTE × days in post ÷ days in the year): the figure the projection, compare and the exports use.
      </p>
      {roles.length === 0 ? (
        <p data-testid="workforce-empty">No post is in post on any day of the plan.</p>
      ) : (
        <>
          <WorkforceChart data={data} />
          <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="workforce-caption">
            <table className="nhsuk-table" data-testid="workforce-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="workforce-caption">
                WTE and headcount by role, month by month
              </caption>
              <thead>
                <tr>
                  <th rowSpan={2} scope="col">
                    Month
                  </th>
                  {roles.map((r) => (
                    <th key={r.id} scope="colgroup" colSpan={2}>
                      {r.name}
                    </th>
                  ))}
                  <th scope="colgroup" colSpan={2}>
                    All roles
                  </th>
                </tr>
                <tr>
                  {[...roles.map((r) => r.id), "all"].flatMap((id) => [
                    <th key={`${id}-wte`} scope="col" className="app-numeric">
                      WTE
                    </th>,
                    <th key={`${id}-heads`} scope="col" className="app-numeric">
                      Headcount
                    </th>,
                  ])}
                </tr>
              </thead>
              {results.years.map((y) => (
                <tbody key={y.financialYear} data-financial-year={y.financialYear}>
                  {y.workforce.months.map((m) => {
                    const cells = roles.map((r) => m.roles[r.id] ?? { wte: 0, headcount: 0 });
                    return (
                      <tr key={m.month} data-month={m.month}>
                        <th scope="row">{formatMonth(m.month)}</th>
                        {cells.flatMap((c, i) => [<Wte key={`${roles[i]!.id}-w`} wte={c.wte} />, <td key={`${roles[i]!.id}-h`} className="app-numeric">{c.headcount}</td>])}
                        <Wte wte={sumWte(cells.map((c) => c.wte))} />
                        <td className="app-numeric">{cells.reduce((t, c) => t + c.headcount, 0)}</td>
                      </tr>
                    );
                  })}
                  <tr className="app-workforce-average" data-average={y.financialYear}>
                    <th scope="row">
                      {y.financialYear} {AVERAGE_WTE_LABEL.replace(/^A/, "a")}
                    </th>
                    {roles.flatMap((r) => [<Wte key={`${r.id}-w`} wte={y.workforce.averageWte[r.id] ?? 0} />, <td key={`${r.id}-h`} />])}
                    <Wte wte={y.averageWte.total} />
                    <td />
                  </tr>
                </tbody>
              ))}
            </table>
          </div>
        </>
      )}
    </div>
  );
});
