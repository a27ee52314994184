"use client";
// The compare charts, loaded only in the browser and after the page (recharts stays out of the
// first load).
import dynamic from "next/dynamic";
import type { CompareChartData } from "@/lib/charts/compare";

const Charts = dynamic(() => import("./compare-charts").then((m) => m.CompareCharts), {
  ssr: false,
  loading: () => <p className="nhsuk-body-s app-chart-loading">Loading the charts…</p>,
});

export function LazyCompareCharts({ data }: { data: CompareChartData }) {
  return <Charts data={data} />;
}
