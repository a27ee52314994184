"use client";
// The comparison's charts (recharts, loaded lazily): the money measures of a chosen year as
// grouped bars (one bar per scenario), and each scenario's headroom year by year. Each chart has
// a text alternative; the tables above carry every figure.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPounds } from "@/lib/format";

export interface CompareChartData {
  scenarios: { id: string; name: string }[];
  /** Per year: the money measures, one value per scenario (null outside its years). */
  years: { financialYear: string; measures: { label: string; values: (number | null)[] }[] }[];
  headroomByYear: { financialYear: string; values: (number | null)[] }[];
}

// NHS.UK palette, distinguishable in greyscale order (dark → light) and with a legend.
const COLOURS = ["#005eb8", "#ffb81c", "#007f3b", "#330072"];
const short = (n: number) => {
  const a = Math.abs(n);
  const s = a >= 1_000_000 ? `£${(a / 1_000_000).toFixed(1)}m` : a >= 1000 ? `£${Math.round(a / 1000).toLocaleString("en-GB")}k` : `£${Math.round(a)}`;
  return n < 0 ? `−${s}` : s;
};
const money = (v: unknown) => formatPounds(Number(v));
const key = (i: number) => `s${i}`;
// Legend text in the body colour (the swatch carries the colour; yellow text would be unreadable).
const legendText = (value: unknown) => <span style={{ color: "#212b32" }}>{String(value)}</span>;

export function CompareCharts({ data }: { data: CompareChartData }) {
  const [yearIndex, setYearIndex] = useState(0);
  const year = data.years[yearIndex] ?? data.years[0];
  if (!year) return null;
  const bars = year.measures.map((m) => Object.fromEntries([["label", m.label], ...m.values.map((v, i) => [key(i), v])]));
  const headroom = data.headroomByYear.map((y) => Object.fromEntries([["label", y.financialYear], ...y.values.map((v, i) => [key(i), v])]));
  const describe = (values: (number | null)[]) => values.map((v, i) => `${data.scenarios[i]!.name} ${v === null ? "not in its years" : formatPounds(v)}`).join(", ");
  return (
    <div className="app-print-whole">
      <h2 id="charts">Charts</h2>
      {data.years.length > 1 ? (
        <div className="nhsuk-form-group app-compact-group app-no-print">
          <label className="nhsuk-label" htmlFor="chart-year">
            Year shown in the first chart
          </label>
          <select className="nhsuk-select" id="chart-year" value={yearIndex} onChange={(e) => setYearIndex(Number(e.target.value))}>
            {data.years.map((y, i) => (
              <option key={y.financialYear} value={i}>
                {y.financialYear}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <figure className="app-chart app-chart--tall app-print-whole" data-testid="compare-measures-chart">
        <figcaption className="nhsuk-body-s">{year.financialYear}: each measure, one bar per scenario (the first bar is the baseline).</figcaption>
        <div role="img" aria-label={`Grouped bar chart of ${year.financialYear}: ${year.measures.map((m) => `${m.label}: ${describe(m.values)}`).join("; ")}.`}>
          <BarChart responsive data={bars} style={{ width: "100%", maxWidth: 960, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={short} width={70} tick={{ fontSize: 12 }} />
            <Tooltip formatter={money} />
            <Legend itemSorter={null} formatter={legendText} />
            <ReferenceLine y={0} stroke="#212b32" />
            {data.scenarios.map((s, i) => (
              <Bar key={s.id} dataKey={key(i)} name={s.name} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      </figure>
      <figure className="app-chart app-chart--tall app-print-whole" data-testid="compare-headroom-chart">
        <figcaption className="nhsuk-body-s">Headroom year by year (entitlement − claimable; below zero = over-committed), one bar per scenario.</figcaption>
        <div role="img" aria-label={`Headroom by year: ${data.headroomByYear.map((y) => `${y.financialYear}: ${describe(y.values)}`).join("; ")}.`}>
          <BarChart responsive data={headroom} style={{ width: "100%", maxWidth: 960, height: 300 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={short} width={70} tick={{ fontSize: 12 }} />
            <Tooltip formatter={money} />
            <Legend itemSorter={null} formatter={legendText} />
            <ReferenceLine y={0} stroke="#212b32" />
            {data.scenarios.map((s, i) => (
              <Bar key={s.id} dataKey={key(i)} name={s.name} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      </figure>
    </div>
  );
}
