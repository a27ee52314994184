"use client";
// The outturn chart, loaded only in the browser and after the page (recharts stays out of the first load).
import dynamic from "next/dynamic";
import type { OutturnChartData } from "./outturn-chart";

const Chart = dynamic(() => import("./outturn-chart").then((m) => m.OutturnChart), {
  ssr: false,
  loading: () => <p className="nhsuk-body-s app-chart-loading">Loading the chart…</p>,
});

export function LazyOutturnChart({ data }: { data: OutturnChartData }) {
  return <Chart data={data} />;
}
