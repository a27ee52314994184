"use client";
// The planner's results, recomputed in the browser on every edit: the year's summary and
// warnings, the multi-year projection ("cost pressure"), cash flow, practices' shares and
// supervision. Every projected figure is tagged "Projection", every estimated one "Estimate".
import dynamic from "next/dynamic";
import { memo } from "react";
import { FigureTag, MoneyCell, WteCell, type FigureKind } from "@/app/components/ui/cells";
import { CASH_FLOW_COLUMNS, formatCell, isNumericKind, MONTH_COLUMNS, SHARE_COLUMNS, PEAK_FUNDING_LABEL, YEAR_COLUMNS } from "@/lib/planner/columns";
import { formatDecimal, formatMonth, formatPounds } from "@/lib/format";
import type { ScenarioResults, YearResult } from "@/lib/planner/types";
import { FiguresUsed } from "./figures-used";

const chartLoading = () => <p className="nhsuk-body-s app-chart-loading">Loading the chart…</p>;
const MonthlyPlanChart = dynamic(() => import("./charts").then((m) => m.MonthlyPlanChart), { ssr: false, loading: chartLoading });
const CostPressureChart = dynamic(() => import("./charts").then((m) => m.CostPressureChart), { ssr: false, loading: chartLoading });
const CashFlowChart = dynamic(() => import("./charts").then((m) => m.CashFlowChart), { ssr: false, loading: chartLoading });

/** A year's figures are projections when its rules are projected, else estimates when any figure used is one. */
export function yearTag(y: Pick<YearResult, "projection" | "estimates">): FigureKind | null {
  return y.projection ? "projection" : y.estimates.length ? "estimate" : null;
}

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

export const ProjectionSection = memo(function ProjectionSection({ results }: { results: ScenarioResults }) {
  const years = results.summary.years;
  return (
    <div data-testid="projection">
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="projection-caption">
        <table className="nhsuk-table app-projection-table" data-testid="projection-table">
          <caption className="nhsuk-table__caption" id="projection-caption">
            Year by year
          </caption>
          <thead>
            <tr>
              {YEAR_COLUMNS.map((c) => (
                <th key={c.id} scope="col" className={isNumericKind(c.kind) ? "nhsuk-table__header--numeric" : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y, i) => {
              const r = results.years[i];
              const tag = r ? yearTag(r) : y.projection ? "projection" : null;
              return (
                <tr key={y.financialYear} data-financial-year={y.financialYear}>
                  <th scope="row">
                    {y.financialYear} <FigureTag kind={tag} />
                  </th>
                  {YEAR_COLUMNS.slice(1).map((c) =>
                    c.kind === "wte" ? (
                      <WteCell key={c.id} wte={Number(c.accessor(y))} />
                    ) : (
                      <MoneyCell key={c.id} pounds={Number(c.accessor(y))} tag={c.id !== "supervisionCost" && y.projection && "projection"} />
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CostPressureChart years={years.map((y) => ({ financialYear: y.financialYear, entitlement: y.entitlement, claimable: y.claimable, cost: y.cost, projection: y.projection }))} />
    </div>
  );
});

export const CashFlowSection = memo(function CashFlowSection({ results }: { results: ScenarioResults }) {
  const months = results.years.flatMap((y) => y.cashFlow.map((m) => ({ ...m, projection: y.projection })));
  const s = results.summary;
  return (
    <div data-testid="cash-flow">
      <div className="nhsuk-card app-callout-card">
        <div className="nhsuk-card__content">
          <p className="nhsuk-card__heading nhsuk-heading-m" data-testid="peak-funding">
            {PEAK_FUNDING_LABEL}: {formatPounds(s.peakFunding)}
          </p>
          <p className="nhsuk-card__description">
            The most the PCN pays out before reimbursement catches up{s.peakFundingMonth ? `, reached in ${formatMonth(s.peakFundingMonth)}` : ""}. Claims are paid {s.claimLagMonths} month{s.claimLagMonths === 1 ? "" : "s"} in arrears
            {s.receivableAfterHorizon > 0 ? `; ${formatPounds(s.receivableAfterHorizon)} for the last months arrives after the plan ends` : ""}.
            {s.receivedForMonthsBeforePlan > 0 && s.monthsBeforePlanRules
              ? ` Staff already in post: ${formatPounds(s.receivedForMonthsBeforePlan)} claimed for ${s.monthsBeforePlan.map(formatMonth).join(" and ")} arrives in the plan's first months (${s.monthsBeforePlanRules.estimate ? `an estimate with the ${s.monthsBeforePlanRules.financialYear} rules` : `with the ${s.monthsBeforePlanRules.financialYear} rules`}).`
              : ""}
          </p>
        </div>
      </div>
      <CashFlowChart months={months} peakFunding={s.peakFunding} />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Cash flow month by month</span>
        </summary>
        <div className="nhsuk-details__text app-table-scroll" tabIndex={0} role="region" aria-labelledby="cash-caption">
          <table className="nhsuk-table" data-testid="cash-flow-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="cash-caption">
              Cash flow month by month
            </caption>
            <thead>
              <tr>
                {CASH_FLOW_COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className={isNumericKind(c.kind) ? "app-numeric" : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    {formatMonth(m.month)} <FigureTag kind={m.projection && "projection"} />
                  </th>
                  {CASH_FLOW_COLUMNS.slice(1).map((c) => (
                    <MoneyCell key={c.id} pounds={Number(c.accessor(m))} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
});

export const SharesSection = memo(function SharesSection({ year, basis, onBasis }: { year: YearResult; basis: "weighted" | "registered"; onBasis: (b: "weighted" | "registered") => void }) {
  const shares = year.practiceShares;
  const tag = yearTag(year);
  return (
    <div data-testid="shares">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Split by each practice&apos;s share of the</legend>
        <div className="nhsuk-radios nhsuk-radios--inline">
          {(
            [
              ["weighted", "Weighted population"],
              ["registered", "Registered list"],
            ] as const
          ).map(([v, text]) => (
            <div className="nhsuk-radios__item" key={v}>
              {/* Checked: the basis the shares follow (weighted cannot be used unless every practice has a weighted population). */}
              <input
                className="nhsuk-radios__input"
                id={`share-basis-${v}`}
                name="share-basis"
                type="radio"
                checked={(shares.rows.length ? shares.basis : basis) === v}
                disabled={v === "weighted" && shares.rows.length > 0 && !shares.weightedAvailable}
                onChange={() => onBasis(v)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`share-basis-${v}`}>
                {text}
                {v === "weighted" && shares.rows.length > 0 && !shares.weightedAvailable ? " (not available: not every practice has one)" : ""}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {shares.note ? <p className="nhsuk-body-s">{shares.note}</p> : null}
      {shares.rows.length === 0 ? (
        <p>No member practices are recorded for this PCN.</p>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="shares-caption">
          <table className="nhsuk-table" data-testid="shares-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="shares-caption">
              {year.financialYear}: each practice&apos;s share (by {shares.basis === "weighted" ? "weighted population" : "registered list"}), adding up to the penny <FigureTag kind={tag} />
            </caption>
            <thead>
              <tr>
                {SHARE_COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className={isNumericKind(c.kind) ? "app-numeric" : undefined}>
                    {c.id === "basis" ? (shares.basis === "weighted" ? "Weighted population" : "Registered patients") : c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shares.rows.map((r) => (
                <tr key={r.practiceCode}>
                  <th scope="row">{r.practiceName}</th>
                  <td>{r.practiceCode}</td>
                  <td className="app-numeric">{formatCell("number", r.basis)}</td>
                  <MoneyCell pounds={r.pcnFunded} />
                  <MoneyCell pounds={r.supervision} />
                  <MoneyCell pounds={r.total} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <MoneyCell pounds={sum(shares.rows.map((r) => r.pcnFunded))} />
                <MoneyCell pounds={sum(shares.rows.map((r) => r.supervision))} />
                <MoneyCell pounds={sum(shares.rows.map((r) => r.total))} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
});

/** Pounds with at most 2 decimals, summed exactly through pence. */
const sum = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;

export const SupervisionSection = memo(function SupervisionSection({ year, names }: { year: YearResult; names: Record<string, string> }) {
  const supervisorName = (id: string | null) => (id ? (names[id] ?? id) : "None named");
  const s = year.supervision;
  return (
    <div data-testid="supervision">
      {s.warnings.length ? (
        <div className="nhsuk-warning-callout" data-testid="capacity-warnings">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Supervision warnings
            </span>
          </h3>
          <ul>
            {s.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="supervision-caption">
        <table className="nhsuk-table" data-testid="supervision-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="supervision-caption">
            {year.financialYear}: supervision each post needs (not reimbursable), at {formatPounds(s.hourlyCost)} an hour{" "}
            {s.hourlyCostStatus === "override" ? "(your figure)" : <FigureTag kind={s.hourlyCostStatus} />}
            {s.hourlyCostBasis ? <span className="nhsuk-body-s app-basis" data-testid="supervision-hourly-basis">{s.hourlyCostBasis}.</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Supervisor</th>
              <th scope="col">Months in roadmap training</th>
              <th scope="col" className="app-numeric">
                Hours
              </th>
              <th scope="col" className="app-numeric">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {s.posts.length === 0 ? (
              <tr>
                <td colSpan={5}>No posts in this year.</td>
              </tr>
            ) : (
              s.posts.map((p) => (
                <tr key={p.postId}>
                  <th scope="row">{p.label}</th>
                  <td>{supervisorName(p.supervisorId)}</td>
                  <td>{p.months.filter((m) => m.kind === "roadmap").length}</td>
                  <td className="app-numeric">{formatDecimal(p.hours)}</td>
                  <MoneyCell pounds={p.cost} />
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="app-numeric">{formatDecimal(s.hours)}</td>
              <MoneyCell pounds={s.cost} />
            </tr>
          </tfoot>
        </table>
      </div>
      {s.supervisors.length ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="capacity-caption">
          <table className="nhsuk-table" data-testid="capacity-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="capacity-caption">
              {year.financialYear}: supervisor capacity (roadmap trainees)
            </caption>
            <thead>
              <tr>
                <th scope="col">Supervisor</th>
                <th scope="col" className="app-numeric">
                  WTE
                </th>
                <th scope="col" className="app-numeric">
                  Capacity
                </th>
                <th scope="col" className="app-numeric">
                  Most trainees in a month
                </th>
                <th scope="col">Over capacity</th>
              </tr>
            </thead>
            <tbody>
              {s.supervisors.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <td className="app-numeric">{formatDecimal(x.wte)}</td>
                  <td className="app-numeric">{formatDecimal(x.capacity)}</td>
                  <td className="app-numeric">{x.peakTrainees}</td>
                  <td className={x.overCapacityMonths.length ? "app-negative" : undefined}>{x.overCapacityMonths.length ? `Yes: ${x.overCapacityMonths.map(formatMonth).join(", ")}` : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
});
