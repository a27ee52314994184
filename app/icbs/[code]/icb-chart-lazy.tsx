"use client";
// The ICB's month-by-month chart, loaded only in the browser and after the page (recharts stays out of the first load).
import dynamic from "next/dynamic";
import type { IcbChartData } from "./icb-chart";

const Chart = dynamic(() => import("./icb-chart").then((m) => m.IcbChart), {
  ssr: false,
  loading: () => <p className="nhsuk-body-s app-chart-loading">Loading the chart…</p>,
});

export function LazyIcbChart({ data }: { data: IcbChartData }) {
  return <Chart data={data} />;
}
