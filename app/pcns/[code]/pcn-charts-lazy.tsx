"use client";
// The PCN page's charts, drawn in the browser after the page (next/dynamic): recharts is not in
// the page's first-load JavaScript. The text alternative and the tables are already on the page.
import dynamic from "next/dynamic";

const loading = () => <p className="nhsuk-body-s app-chart-loading">Loading the chart…</p>;

export const LazyEntitlementCanvas = dynamic(() => import("./pcn-chart-canvases").then((m) => m.EntitlementCanvas), { ssr: false, loading });
export const LazyAgeProfileCanvas = dynamic(() => import("./pcn-chart-canvases").then((m) => m.AgeProfileCanvas), { ssr: false, loading });
