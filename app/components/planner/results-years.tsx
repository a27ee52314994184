"use client";
// The planner's results over the years: the multi-year projection ("cost pressure") with the
// recruitment slip line, and the cash flow. Projected figures are tagged "Projection".
import dynamic from "next/dynamic";
import { memo } from "react";
import { FigureTag, MoneyCell, WteCell } from "@/app/components/ui/cells";
import { CASH_FLOW_COLUMNS, isNumericKind, PEAK_FUNDING_LABEL, peakFundingYear, YEAR_COLUMNS } from "@/lib/planner/columns";
import { formatMonth, formatPounds } from "@/lib/format";
import type { ScenarioResults } from "@/lib/planner/types";
import { chartLoading, yearTag } from "./results-parts";
import { SlipTable } from "./slip";

const CostPressureChart = dynamic(() => import("./charts").then((m) => m.CostPressureChart), { ssr: false, loading: chartLoading });
const CashFlowChart = dynamic(() => import("./charts").then((m) => m.CashFlowChart), { ssr: false, loading: chartLoading });

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
      <SlipTable results={results} />
      <CostPressureChart years={years.map((y) => ({ financialYear: y.financialYear, entitlement: y.entitlement, claimable: y.claimable, cost: y.cost, projection: y.projection }))} />
    </div>
  );
});

export const CashFlowSection = memo(function CashFlowSection({ results }: { results: ScenarioResults }) {
  const months = results.years.flatMap((y) => y.cashFlow.map((m) => ({ ...m, projection: y.projection })));
  const s = results.summary;
  const peakYear = peakFundingYear(results);
  return (
    <div data-testid="cash-flow">
      <div className="nhsuk-card app-callout-card">
        <div className="nhsuk-card__content">
          <p className="nhsuk-card__heading nhsuk-heading-m" data-testid="peak-funding">
            {PEAK_FUNDING_LABEL}: {formatPounds(s.peakFunding)} {peakYear ? <FigureTag kind={yearTag(peakYear)} /> : null}
          </p>
          <p className="nhsuk-card__description">
            The most the PCN pays out before reimbursement catches up{s.peakFundingMonth ? `, reached in ${formatMonth(s.peakFundingMonth)}` : ""}
            {peakYear?.projection ? ` (${peakYear.financialYear}: a projection)` : ""}. Claims are paid {s.claimLagMonths} month{s.claimLagMonths === 1 ? "" : "s"} in arrears
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
