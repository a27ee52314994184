"use client";
// The ICB's planned against claimed, month by month (recharts, loaded lazily): the PCNs' agreed
// plans' claimable summed, beside what the PCNs claimed. The months table on the page carries every
// figure (the text alternative).
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { moneyAxis } from "@/lib/charts/axis";
import { formatMonth, formatPounds } from "@/lib/format";

export interface IcbChartData {
  financialYear: string;
  months: { month: string; planned: number; claimed: number }[];
}

const money = (v: unknown) => formatPounds(Number(v));
const legendText = (value: unknown) => <span style={{ color: "#212b32" }}>{String(value)}</span>;

export function IcbChart({ data }: { data: IcbChartData }) {
  const rows = data.months.map((m) => ({ label: formatMonth(m.month), planned: m.planned, claimed: m.claimed }));
  const axis = moneyAxis([0, ...data.months.flatMap((m) => [m.planned, m.claimed])]);
  const planned = data.months.reduce((t, m) => t + Math.round(m.planned * 100), 0) / 100;
  const claimed = data.months.reduce((t, m) => t + Math.round(m.claimed * 100), 0) / 100;
  const label = `Bar chart, ${data.financialYear}, month by month: the PCNs' agreed plans total ${formatPounds(planned)} for the year; the PCNs have claimed ${formatPounds(claimed)} so far. Every figure is in the months table.`;
  return (
    <figure className="app-chart app-chart--tall app-print-whole" data-testid="icb-chart">
      <figcaption className="nhsuk-body-s">Month by month, {data.financialYear}: planned (the PCNs&apos; agreed plans) against claimed (submitted, approved or paid), summed over the ICB&apos;s PCNs.</figcaption>
      <div role="img" aria-label={label}>
        <BarChart responsive data={rows} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis ticks={axis.ticks} domain={axis.domain} tickFormatter={axis.format} interval={0} width={70} tick={{ fontSize: 12 }} />
          <Tooltip formatter={money} />
          <Legend formatter={legendText} />
          <Bar dataKey="planned" name="Planned (agreed plans)" fill="#005eb8" isAnimationActive={false} />
          <Bar dataKey="claimed" name="Claimed" fill="#007f3b" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
