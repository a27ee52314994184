"use client";
// Plan against actual, cumulative (recharts, loaded lazily): the agreed plan's claimable, the
// claims so far and the forecast (claims, then the plan) month by month, against the year's
// entitlement. The months table on the page carries every figure (the text alternative).
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { moneyAxis } from "@/lib/charts/axis";
import { formatMonth, formatPounds } from "@/lib/format";

export interface OutturnChartData {
  financialYear: string;
  entitlement: number;
  months: { month: string; cumulativePlanned: number; cumulativeClaimed: number | null; cumulativeForecast: number }[];
}

const money = (v: unknown) => formatPounds(Number(v));
const legendText = (value: unknown) => <span style={{ color: "#212b32" }}>{String(value)}</span>;

export function OutturnChart({ data }: { data: OutturnChartData }) {
  const rows = data.months.map((m) => ({ label: formatMonth(m.month), planned: m.cumulativePlanned, claimed: m.cumulativeClaimed, forecast: m.cumulativeForecast }));
  const axis = moneyAxis([0, data.entitlement, ...data.months.flatMap((m) => [m.cumulativePlanned, m.cumulativeForecast, m.cumulativeClaimed ?? 0])]);
  const last = data.months[data.months.length - 1];
  const claimedSoFar = [...data.months].reverse().find((m) => m.cumulativeClaimed !== null);
  const label =
    `Line chart, ${data.financialYear}, cumulative: the agreed plan reaches ${formatPounds(last?.cumulativePlanned ?? 0)} by March; ` +
    (claimedSoFar ? `claims reach ${formatPounds(claimedSoFar.cumulativeClaimed!)} by ${formatMonth(claimedSoFar.month)}; ` : "no months claimed yet; ") +
    `the forecast (an estimate) reaches ${formatPounds(last?.cumulativeForecast ?? 0)}; the entitlement is ${formatPounds(data.entitlement)}. Every figure is in the months table.`;
  return (
    <figure className="app-chart app-chart--tall app-print-whole" data-testid="outturn-chart">
      <figcaption className="nhsuk-body-s">
        Cumulative, {data.financialYear}: planned (the agreed plan), claimed so far, and the forecast (an estimate: claims, then the plan), against the entitlement.
      </figcaption>
      <div role="img" aria-label={label}>
        <LineChart responsive data={rows} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis ticks={axis.ticks} domain={axis.domain} tickFormatter={axis.format} interval={0} width={70} tick={{ fontSize: 12 }} />
          <Tooltip formatter={money} />
          <Legend formatter={legendText} />
          <ReferenceLine y={data.entitlement} stroke="#d5281b" strokeDasharray="6 3" label={{ value: "Entitlement", position: "insideTopLeft", fill: "#212b32", fontSize: 12 }} />
          <Line dataKey="planned" name="Planned (agreed plan)" stroke="#005eb8" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="forecast" name="Forecast (estimate)" stroke="#768692" strokeDasharray="4 4" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="claimed" name="Claimed" stroke="#007f3b" strokeWidth={3} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </div>
    </figure>
  );
}
