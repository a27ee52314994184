"use client";
// The planner's charts (recharts), loaded lazily (next/dynamic) so the planner's first load stays
// small. Each figure has a text alternative; the tables beside them carry the same figures.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatPounds } from "@/lib/format";

const short = (n: number) => {
  const a = Math.abs(n);
  const s = a >= 1_000_000 ? `£${(a / 1_000_000).toFixed(1)}m` : a >= 1000 ? `£${Math.round(a / 1000).toLocaleString("en-GB")}k` : `£${a}`;
  return n < 0 ? `−${s}` : s;
};
const money = (v: unknown) => formatPounds(Number(v));
const BLUE = "#005eb8";
const YELLOW = "#ffb81c";
const DARK = "#212b32";
const GREEN = "#007f3b";
const RED = "#d5281b";

export interface PlanMonthPoint {
  month: string;
  claimable: number;
  pcnFunded: number;
  cumulativeClaimable: number;
}

/** One year month by month: claimable and PCN-funded stacked; cumulative claimable against the entitlement. */
export function MonthlyPlanChart({ months, entitlement, financialYear }: { months: PlanMonthPoint[]; entitlement: number; financialYear: string }) {
  const data = months.map((m) => ({ ...m, label: formatMonth(m.month).slice(0, 3), entitlement }));
  const last = months[months.length - 1];
  return (
    <figure className="app-chart app-chart--tall" data-testid="planner-monthly-chart">
      <figcaption className="nhsuk-body-s">
        {financialYear} month by month: bars are each month&apos;s cost (blue: claimable; yellow: funded by the PCN); the solid line is claimable so far and the dashed line the entitlement.
      </figcaption>
      <div role="img" aria-label={`Chart of ${financialYear}: claimable over the year ${formatPounds(last?.cumulativeClaimable ?? 0)} against an entitlement of ${formatPounds(entitlement)}. The month-by-month table has every figure.`}>
        <ComposedChart responsive data={data} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis yAxisId="m" tickFormatter={short} width={64} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="c" orientation="right" tickFormatter={short} width={64} tick={{ fontSize: 12 }} />
          <Tooltip formatter={money} />
          <Legend />
          <Bar yAxisId="m" dataKey="claimable" name="Claimable" stackId="cost" fill={BLUE} isAnimationActive={false} />
          <Bar yAxisId="m" dataKey="pcnFunded" name="PCN-funded" stackId="cost" fill={YELLOW} isAnimationActive={false} />
          <Line yAxisId="c" dataKey="cumulativeClaimable" name="Claimable so far (right axis)" stroke={DARK} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line yAxisId="c" dataKey="entitlement" name="Entitlement (right axis)" stroke={GREEN} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
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
          <YAxis tickFormatter={short} width={70} tick={{ fontSize: 12 }} />
          <Tooltip formatter={money} />
          <Legend />
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
          <YAxis tickFormatter={short} width={70} tick={{ fontSize: 12 }} />
          <Tooltip formatter={money} />
          <Legend />
          <ReferenceLine y={0} stroke={DARK} />
          <Bar dataKey="paidOut" name="Paid" fill={RED} isAnimationActive={false} />
          <Bar dataKey="received" name="Received" fill={BLUE} isAnimationActive={false} />
          <Line dataKey="position" name="Cash position" stroke={DARK} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </div>
    </figure>
  );
}
