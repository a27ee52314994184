"use client";
// The comparison's charts (recharts, loaded lazily): the money measures of a chosen year as each
// scenario's difference from the baseline (one bar per other scenario), and each scenario's
// headroom year by year. Each chart has
// a text alternative; the tables above carry every figure.
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { moneyAxis } from "@/lib/charts/axis";
import { formatPounds } from "@/lib/format";
import type { CompareChartData } from "@/lib/charts/compare";

// NHS.UK palette, distinguishable in greyscale order (dark → light) and with a legend.
const COLOURS = ["#005eb8", "#ffb81c", "#007f3b", "#330072"];
const money = (v: unknown) => formatPounds(Number(v));
const key = (i: number) => `s${i}`;
// Legend text in the body colour (the swatch carries the colour; yellow text would be unreadable).
const legendText = (value: unknown) => <span style={{ color: "#212b32" }}>{String(value)}</span>;

/** True on a phone-width screen, where the measures' names cannot sit side by side under the bars. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const q = window.matchMedia("(max-width: 640px)");
    const update = () => setNarrow(q.matches);
    update();
    q.addEventListener("change", update);
    return () => q.removeEventListener("change", update);
  }, []);
  return narrow;
}

export function CompareCharts({ data }: { data: CompareChartData }) {
  const [yearIndex, setYearIndex] = useState(0);
  const narrow = useNarrow();
  const year = data.years[yearIndex] ?? data.years[0];
  if (!year) return null;
  const bars = year.measures.map((m) => Object.fromEntries([["label", m.label], ...m.values.map((v, i) => [key(i), v])]));
  const headroom = data.headroomByYear.map((y) => Object.fromEntries([["label", y.label], ...y.values.map((v, i) => [key(i), v])]));
  const describe = (values: (number | null)[]) => values.map((v, i) => `${data.scenarios[i]!.name} ${v === null ? "not in its years" : formatPounds(v)}`).join(", ");
  const describeDifferences = (values: (number | null)[]) =>
    values.map((v, i) => `${data.others[i]!.name} ${v === null ? "not in both scenarios' years" : v === 0 ? "no difference" : `${v > 0 ? "+" : "−"}${formatPounds(Math.abs(v))} ${v > 0 ? "more" : "less"}`}`).join(", ");
  const barsAxis = moneyAxis(year.measures.flatMap((m) => m.values.filter((v): v is number => v !== null)));
  const headroomAxis = moneyAxis(data.headroomByYear.flatMap((y) => y.values.filter((v): v is number => v !== null)));
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
                {y.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <figure className="app-chart app-chart--tall app-print-whole" data-testid="compare-measures-chart">
        <figcaption className="nhsuk-body-s">
          {year.label}: each measure&apos;s difference from the baseline, {data.baseline.name} (the line at £0); above the line = more than the baseline, below = less.
        </figcaption>
        <div role="img" aria-label={`Bar chart of ${year.label}, differences from the baseline ${data.baseline.name}: ${year.measures.map((m) => `${m.label}: ${describeDifferences(m.values)}`).join("; ")}.`}>
          <BarChart responsive data={bars} style={{ width: "100%", maxWidth: 960, height: narrow ? 400 : 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            {/* Every measure named; on a phone the names slant so they do not run into each other. */}
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} {...(narrow ? { angle: -35, textAnchor: "end" as const, height: 96 } : {})} />
            <YAxis ticks={barsAxis.ticks} domain={barsAxis.domain} tickFormatter={barsAxis.format} interval={0} width={70} tick={{ fontSize: 12 }} />
            <Tooltip formatter={money} />
            <Legend itemSorter={null} formatter={legendText} />
            <ReferenceLine y={0} stroke="#212b32" />
            {data.others.map((s, i) => (
              <Bar key={s.id} dataKey={key(i)} name={`${s.name} − ${data.baseline.name}`} fill={COLOURS[s.column % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      </figure>
      <figure className="app-chart app-chart--tall app-print-whole" data-testid="compare-headroom-chart">
        <figcaption className="nhsuk-body-s">Headroom year by year (entitlement − claimable; below zero = over-committed), one bar per scenario; a year marked projection uses projected rules.</figcaption>
        <div role="img" aria-label={`Headroom by year: ${data.headroomByYear.map((y) => `${y.label}: ${describe(y.values)}`).join("; ")}.`}>
          <BarChart responsive data={headroom} style={{ width: "100%", maxWidth: 960, height: 300 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis ticks={headroomAxis.ticks} domain={headroomAxis.domain} tickFormatter={headroomAxis.format} interval={0} width={70} tick={{ fontSize: 12 }} />
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
