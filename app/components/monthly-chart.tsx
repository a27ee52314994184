"use client";
// The plan month by month: what can be claimed and what the PCN funds itself (stacked bars).
// The "Month by month" table beside it carries the same figures, including headroom.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatPounds } from "@/lib/format";

export interface MonthPoint {
  month: string;
  claimable: number;
  pcnFunded: number;
}

const short = (n: number) => (n >= 1_000_000 ? `£${(n / 1_000_000).toFixed(1)}m` : n >= 1000 ? `£${Math.round(n / 1000).toLocaleString("en-GB")}k` : `£${n}`);

export function MonthlyChart({ months }: { months: MonthPoint[] }) {
  const data = months.map((m) => ({ ...m, label: formatMonth(m.month).slice(0, 3) }));
  const summary = months.map((m) => `${formatMonth(m.month)}: claimable ${formatPounds(m.claimable)}, PCN-funded ${formatPounds(m.pcnFunded)}`).join("; ");
  return (
    <figure className="app-chart" aria-labelledby="monthly-chart-caption" data-testid="monthly-chart">
      <figcaption id="monthly-chart-caption" className="nhsuk-body-s">
        Cost each month: claimable from ARRS and funded by the PCN.
      </figcaption>
      <div role="img" aria-label={`Stacked bar chart. ${summary}`}>
        <BarChart responsive data={data} style={{ width: "100%", maxWidth: 900, height: 280 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis tickFormatter={short} width={64} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => formatPounds(Number(v))} />
          <Legend />
          <Bar dataKey="claimable" name="Claimable" stackId="cost" fill="#005eb8" isAnimationActive={false} />
          <Bar dataKey="pcnFunded" name="PCN-funded" stackId="cost" fill="#ffb81c" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
