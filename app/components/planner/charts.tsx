"use client";
// The planner's charts (recharts), loaded lazily (next/dynamic) so the planner's first load stays
// small. Each figure has a text alternative; the tables beside them carry the same figures.
import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { moneyAxis } from "@/lib/charts/axis";
import { monthlySeries, monthlySeriesExtent, type MonthlyMode } from "@/lib/charts/monthly";
import { formatMonth, formatPounds } from "@/lib/format";

/** A money Y axis's props: ticks chosen by lib/charts/axis so no two labels repeat. */
function moneyYAxis(values: number[], width = 70) {
  const axis = moneyAxis(values);
  return { ticks: axis.ticks, domain: axis.domain, tickFormatter: axis.format, interval: 0 as const, width, tick: { fontSize: 12 } };
}

const money = (v: unknown) => formatPounds(Number(v));
const BLUE = "#005eb8";
const YELLOW = "#ffb81c";
const DARK = "#212b32";
const GREEN = "#007f3b";
const RED = "#d5281b";
// Legend text in the body colour (the swatch carries the colour; yellow text would be unreadable).
const legendText = (value: unknown) => <span style={{ color: DARK }}>{String(value)}</span>;

export interface PlanMonthPoint {
  month: string;
  claimable: number;
  pcnFunded: number;
  cumulativeClaimable: number;
}

/**
 * One year month by month, like against like on one axis: each month's cost (claimable and
 * PCN-funded stacked) against a twelfth of the entitlement, or the cost so far against the whole
 * year's entitlement.
 */
export function MonthlyPlanChart({ months, entitlement, financialYear }: { months: PlanMonthPoint[]; entitlement: number; financialYear: string }) {
  const [mode, setMode] = useState<MonthlyMode>("month");
  const series = monthlySeries(months, entitlement, mode);
  const data = series.map((m) => ({ ...m, label: formatMonth(m.month).slice(0, 3) }));
  const last = months[months.length - 1];
  const cumulative = mode === "cumulative";
  const entitlementName = cumulative ? "Entitlement for the year" : "A twelfth of the entitlement";
  return (
    <figure className="app-chart app-chart--tall" data-testid="planner-monthly-chart" data-mode={mode} data-entitlement-line={series[0]?.entitlement ?? 0}>
      <figcaption className="nhsuk-body-s">
        {cumulative ? (
          <>
            {financialYear} so far: bars are the cost from April to each month (blue: claimable; yellow: funded by the PCN); the dashed line is the year&apos;s entitlement.
          </>
        ) : (
          <>
            {financialYear} month by month: bars are each month&apos;s cost (blue: claimable; yellow: funded by the PCN); the dashed line is a twelfth of the year&apos;s entitlement
            ({formatPounds(series[0]?.entitlement ?? 0)} a month).
          </>
        )}
      </figcaption>
      <fieldset className="nhsuk-fieldset app-no-print">
        <legend className="nhsuk-u-visually-hidden">Chart shows</legend>
        <div className="nhsuk-radios nhsuk-radios--inline nhsuk-radios--small">
          {(
            [
              ["month", "Each month"],
              ["cumulative", "So far in the year"],
            ] as const
          ).map(([value, label]) => (
            <div className="nhsuk-radios__item" key={value}>
              <input className="nhsuk-radios__input" id={`monthly-mode-${value}`} name="monthly-mode" type="radio" value={value} checked={mode === value} onChange={() => setMode(value)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`monthly-mode-${value}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div
        role="img"
        aria-label={`Chart of ${financialYear}: claimable over the year ${formatPounds(last?.cumulativeClaimable ?? 0)} against an entitlement of ${formatPounds(entitlement)} (${formatPounds(series[0]?.entitlement ?? 0)} a month if spread evenly). The month-by-month table has every figure.`}
      >
        <ComposedChart responsive data={data} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis {...moneyYAxis(monthlySeriesExtent(series), 64)} />
          <Tooltip formatter={money} />
          <Legend formatter={legendText} />
          <Bar dataKey="claimable" name={cumulative ? "Claimable so far" : "Claimable"} stackId="cost" fill={BLUE} isAnimationActive={false} />
          <Bar dataKey="pcnFunded" name={cumulative ? "PCN-funded so far" : "PCN-funded"} stackId="cost" fill={YELLOW} isAnimationActive={false} />
          <Line dataKey="entitlement" name={entitlementName} stroke={GREEN} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </div>
    </figure>
  );
}

export interface YearPoint {
  financialYear: string;
  entitlement: number;
  claimable: number;
  cost: number;
  projection: boolean;
}

/** Cost pressure: entitlement against claimable and cost, year by year; projected years marked. */
export function CostPressureChart({ years }: { years: YearPoint[] }) {
  const data = years.map((y) => ({ ...y, label: y.projection ? `${y.financialYear} (projection)` : y.financialYear }));
  return (
    <figure className="app-chart app-chart--tall" data-testid="cost-pressure-chart">
      <figcaption className="nhsuk-body-s">
        Cost pressure: the entitlement (green line) against what the posts cost (bars) and what can be claimed (blue line). Years labelled &ldquo;projection&rdquo; use projected rules.
      </figcaption>
      <div
        role="img"
        aria-label={`Chart of entitlement against claimable by year: ${years.map((y) => `${y.financialYear}${y.projection ? " (projection)" : ""} entitlement ${formatPounds(y.entitlement)}, claimable ${formatPounds(y.claimable)}, cost ${formatPounds(y.cost)}`).join("; ")}`}
      >
        <ComposedChart responsive data={data} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis {...moneyYAxis(years.flatMap((y) => [y.cost, y.claimable, y.entitlement]))} />
          <Tooltip formatter={money} />
          <Legend formatter={legendText} />
          <Bar dataKey="cost" name="Cost of the posts" fill="#aeb7bd" isAnimationActive={false} />
          <Line dataKey="claimable" name="Claimable" stroke={BLUE} strokeWidth={3} isAnimationActive={false} />
          <Line dataKey="entitlement" name="Entitlement" stroke={GREEN} strokeWidth={3} strokeDasharray="6 4" isAnimationActive={false} />
        </ComposedChart>
      </div>
    </figure>
  );
}

export interface CashPoint {
  month: string;
  paid: number;
  received: number;
  position: number;
}

/** Cash flow: paid and received each month, and the PCN's cumulative position. */
export function CashFlowChart({ months, peakFunding }: { months: CashPoint[]; peakFunding: number }) {
  const data = months.map((m) => ({ ...m, label: formatMonth(m.month), paidOut: -m.paid }));
  return (
    <figure className="app-chart app-chart--tall" data-testid="cash-flow-chart">
      <figcaption className="nhsuk-body-s">
        Cash flow: salaries and on-costs paid (red, below the line) and reimbursement received (blue) each month; the black line is the PCN&apos;s cumulative cash position.
      </figcaption>
      <div role="img" aria-label={`Cash flow chart over ${months.length} months. The most the PCN must fund before reimbursement arrives is ${formatPounds(peakFunding)}. The cash flow table has every month.`}>
        <ComposedChart responsive data={data} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...moneyYAxis(data.flatMap((m) => [m.paidOut, m.received, m.position]))} />
          <Tooltip formatter={money} />
          <Legend formatter={legendText} />
          <ReferenceLine y={0} stroke={DARK} />
          <Bar dataKey="paidOut" name="Paid" fill={RED} isAnimationActive={false} />
          <Bar dataKey="received" name="Received" fill={BLUE} isAnimationActive={false} />
          <Line dataKey="position" name="Cash position" stroke={DARK} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </div>
    </figure>
  );
}
