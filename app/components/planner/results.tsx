"use client";
// The planner's results, recomputed in the browser on every edit: the year's summary and
// warnings (here), the multi-year projection and cash flow (results-years.tsx), practices' shares
// and supervision (results-practices.tsx), the workforce (workforce.tsx). Every projected figure is
// tagged "Projection", every estimated one "Estimate".
import dynamic from "next/dynamic";
import { memo } from "react";
import { FigureTag, MoneyCell } from "@/app/components/ui/cells";
import { isNumericKind, MONTH_COLUMNS } from "@/lib/planner/columns";
import { formatDecimal, formatMonth, formatPounds } from "@/lib/format";
import type { ScenarioResults, YearResult } from "@/lib/planner/types";
import { chartLoading, yearTag } from "./results-parts";
import { SlipRow } from "./slip";
import { FiguresUsed } from "./figures-used";

const MonthlyPlanChart = dynamic(() => import("./charts").then((m) => m.MonthlyPlanChart), { ssr: false, loading: chartLoading });

export { yearTag };
export { CashFlowSection, ProjectionSection } from "./results-years";
export { SharesSection, SupervisionSection } from "./results-practices";

function Row({ label, children, testId, negative }: { label: string; children: React.ReactNode; testId?: string; negative?: boolean }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className={`nhsuk-summary-list__value${negative ? " app-negative" : ""}`} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The month chart: drawn from the deferred results, so typing never waits for it. */
const SummaryChart = memo(function SummaryChart({ year }: { year: YearResult }) {
  return <MonthlyPlanChart months={year.months} entitlement={year.entitlement} financialYear={year.financialYear} />;
});

export function SummarySection({
  results,
  chartResults,
  yearIndex,
  postsLeftOut,
  leftOutReasons = [],
}: {
  results: ScenarioResults;
  /** The same results, deferred (charts and long tables follow a moment later). */
  chartResults?: ScenarioResults | null;
  yearIndex: number;
  postsLeftOut: number;
  /** Why each post is left out (its first error), listed beside the summary. */
  leftOutReasons?: string[];
}) {
  const y = results.years[yearIndex] ?? results.years[0];
  const chartYear = chartResults?.years[yearIndex] ?? y;
  if (!y) return null;
  const tag = yearTag(y);
  const supervisionCost = results.summary.years[yearIndex]?.supervisionCost ?? y.supervision.cost;
  const warnings = [...y.warnings, ...y.posts.flatMap((p) => p.warnings.map((w) => `${p.roleName} (${p.id}): ${w}`)), ...y.supervision.warnings];
  const over = y.totals.headroom < 0;
  return (
    <div data-testid="planner-summary-detail">
      {postsLeftOut ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Not every post is counted
            </span>
          </h3>
          <p>
            {postsLeftOut} post{postsLeftOut === 1 ? " has" : "s have"} an error and {postsLeftOut === 1 ? "is" : "are"} left out of these figures until corrected.
          </p>
          {leftOutReasons.length ? (
            <ul data-testid="left-out-reasons-detail">
              {leftOutReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <dl className="nhsuk-summary-list">
        <Row label={`ARRS entitlement ${y.financialYear}`}>
          {formatPounds(y.entitlement)} <FigureTag kind={tag} />
        </Row>
        <Row label="Cost of the posts">
          {formatPounds(y.totals.cost)} <FigureTag kind={y.projection && "projection"} />
        </Row>
        <Row label="Claimable">
          {formatPounds(y.totals.claimable)} <FigureTag kind={tag} />
        </Row>
        <Row label="Funded by the PCN">
          {formatPounds(y.totals.pcnFunded)} <FigureTag kind={tag} />
        </Row>
        <Row label="Headroom" negative={over}>
          {formatPounds(y.totals.headroom)} {over ? "(over-committed)" : "left of the entitlement"} <FigureTag kind={tag} />
        </Row>
        <Row label="Supervision time (not reimbursable)" testId="summary-supervision">
          {formatPounds(supervisionCost)} <span className="nhsuk-body-s">({formatDecimal(y.supervision.hours)} hours)</span>
        </Row>
        {results.slip ? <SlipRow slip={results.slip} year={y.slip} /> : null}
      </dl>
      {warnings.length ? (
        <div className="nhsuk-warning-callout" data-testid="planner-warnings">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Warnings for {y.financialYear}
            </span>
          </h3>
          <ul>
            {[...new Set(warnings)].map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {chartYear ? <SummaryChart year={chartYear} /> : null}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{y.financialYear} month by month</span>
        </summary>
        <div className="nhsuk-details__text app-table-scroll" tabIndex={0} role="region" aria-label={`${y.financialYear} month by month`}>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              {y.financialYear} month by month{y.projection ? " (projection)" : ""}
            </caption>
            <thead>
              <tr>
                {MONTH_COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className={isNumericKind(c.kind) ? "app-numeric" : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {y.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month)}</th>
                  {MONTH_COLUMNS.slice(1).map((c) => (
                    <MoneyCell key={c.id} pounds={Number(c.accessor(m))} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <FiguresUsed year={y} />
    </div>
  );
}


