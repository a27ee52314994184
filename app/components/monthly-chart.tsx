"use client";
// The plan month by month: what can be claimed and what the PCN funds itself (stacked bars).
// The "Month by month" table beside it carries the same figures, including headroom.
import dynamic from "next/dynamic";
import { formatMonth, formatPounds } from "@/lib/format";

// recharts loads after the result, in the browser: it is not in the home page's first load.
const LazyMonthlyCanvas = dynamic(() => import("./monthly-chart-canvas").then((m) => m.MonthlyCanvas), {
  ssr: false,
  loading: () => <p className="nhsuk-body-s app-chart-loading">Loading the chart…</p>,
});

export interface MonthPoint {
  month: string;
  claimable: number;
  pcnFunded: number;
}

export function MonthlyChart({ months }: { months: MonthPoint[] }) {
  const summary = months.map((m) => `${formatMonth(m.month)}: claimable ${formatPounds(m.claimable)}, PCN-funded ${formatPounds(m.pcnFunded)}`).join("; ");
  return (
    <figure className="app-chart" aria-labelledby="monthly-chart-caption" data-testid="monthly-chart">
      <figcaption id="monthly-chart-caption" className="nhsuk-body-s">
        Cost each month: claimable from ARRS and funded by the PCN.
      </figcaption>
      <div role="img" aria-label={`Stacked bar chart. ${summary}`}>
        <LazyMonthlyCanvas months={months} />
      </div>
    </figure>
  );
}
