"use client";
// The quick estimate's month-by-month drawing (recharts), loaded lazily by monthly-chart.tsx so
// recharts is not in the home page's first load.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { moneyAxis } from "@/lib/charts/axis";
import { formatMonth, formatPounds } from "@/lib/format";
import type { MonthPoint } from "./monthly-chart";

export function MonthlyCanvas({ months }: { months: MonthPoint[] }) {
  const data = months.map((m) => ({ ...m, label: formatMonth(m.month).slice(0, 3) }));
  // Ticks chosen from the stacked totals, labelled with the precision their step needs (never "£2k, £2k").
  const axis = moneyAxis(months.map((m) => m.claimable + m.pcnFunded));
  return (
    <BarChart responsive data={data} style={{ width: "100%", maxWidth: 900, height: 280 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 13 }} />
      <YAxis ticks={axis.ticks} domain={axis.domain} tickFormatter={axis.format} interval={0} width={64} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(v) => formatPounds(Number(v))} />
      <Legend />
      <Bar dataKey="claimable" name="Claimable" stackId="cost" fill="#005eb8" isAnimationActive={false} />
      <Bar dataKey="pcnFunded" name="PCN-funded" stackId="cost" fill="#ffb81c" isAnimationActive={false} />
    </BarChart>
  );
}
