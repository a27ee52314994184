"use client";
// The workforce chart (recharts, loaded lazily like the planner's other charts): WTE in post by
// role, month by month over the horizon, stacked. The text alternative gives the start, the end and
// the peak; the table beside it has every figure.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { WorkforceChartData } from "@/lib/charts/workforce";
import { formatMonth, formatWte } from "@/lib/format";

// NHS identity colours, distinguishable side by side; roles beyond ten reuse them.
const COLOURS = ["#005eb8", "#ffb81c", "#007f3b", "#330072", "#ae2573", "#00a499", "#ed8b00", "#003087", "#768692", "#7c2855"];
const DARK = "#212b32";
const legendText = (value: unknown) => <span style={{ color: DARK }}>{String(value)}</span>;
const wte = (v: unknown) => formatWte(Number(v));

export function WorkforceChart({ data }: { data: WorkforceChartData }) {
  const rows = data.months.map((m) => ({ ...m, label: formatMonth(m.month) }));
  const first = data.months[0];
  const last = data.months[data.months.length - 1];
  const peak = data.months.reduce<(typeof data.months)[number] | undefined>((p, m) => (!p || m.total > p.total ? m : p), undefined);
  const alt = first && last && peak
    ? `Chart of WTE in post by role, month by month, ${formatMonth(first.month)} to ${formatMonth(last.month)}: ${formatWte(first.total)} in ${formatMonth(first.month)}, ${formatWte(last.total)} in ${formatMonth(last.month)}, the most ${formatWte(peak.total)} in ${formatMonth(peak.month)}. Roles: ${data.roles.map((r) => r.name).join(", ")}. The workforce table has every figure.`
    : "Chart of WTE in post by role: no posts.";
  return (
    <figure className="app-chart app-chart--tall" data-testid="workforce-chart" data-months={data.months.length} data-roles={data.roles.length}>
      <figcaption className="nhsuk-body-s">WTE in post each month, stacked by role (each month&apos;s WTE is weighted by the days in post in it).</figcaption>
      <div role="img" aria-label={alt}>
        <BarChart responsive data={rows} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis width={48} tick={{ fontSize: 12 }} allowDecimals />
          <Tooltip formatter={wte} />
          <Legend formatter={legendText} />
          {data.roles.map((r, i) => (
            <Bar key={r.id} dataKey={r.id} name={r.name} stackId="wte" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
    </figure>
  );
}
