"use client";
// The PCN page's recharts drawings, loaded lazily (pcn-charts-lazy.tsx) so recharts stays out of
// the page's first load; the figures, captions and text alternatives around them are rendered on
// the server (entitlement-chart.tsx, age-profile-chart.tsx).
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { moneyAxis } from "@/lib/charts/axis";
import { formatPounds } from "@/lib/format";
import type { AgeBand } from "./age-bands";

export interface EntitlementPoint {
  financialYear: string;
  amount: number;
  isEstimate: boolean;
}

export function EntitlementCanvas({ points }: { points: EntitlementPoint[] }) {
  const data = points.map((p) => ({ ...p, label: p.isEstimate ? "Estimate" : "" }));
  const axis = moneyAxis(points.map((p) => p.amount));
  return (
    <BarChart responsive data={data} style={{ width: "100%", maxWidth: 700, height: 280 }} margin={{ top: 24, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="financialYear" tick={{ fontSize: 13 }} />
      <YAxis ticks={axis.ticks} domain={axis.domain} tickFormatter={axis.format} interval={0} width={70} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(v) => formatPounds(Number(v))} />
      <Bar dataKey="amount" name="Entitlement" isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.financialYear} fill={d.isEstimate ? "#ffb81c" : "#005eb8"} stroke={d.isEstimate ? "#7a5a00" : "#003087"} strokeDasharray={d.isEstimate ? "4 2" : undefined} />
        ))}
        <LabelList dataKey="label" position="top" style={{ fontSize: 12, fill: "#212b32" }} />
      </Bar>
    </BarChart>
  );
}

const fmt = (n: number) => n.toLocaleString("en-GB");

export function AgeProfileCanvas({ bands }: { bands: AgeBand[] }) {
  return (
    <BarChart responsive data={bands} style={{ width: "100%", maxWidth: 900, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="band" interval={0} angle={-45} textAnchor="end" height={50} tick={{ fontSize: 12 }} />
      <YAxis tickFormatter={fmt} width={60} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(v) => fmt(Number(v))} />
      {/* In the bars' order (recharts sorts the key alphabetically by default: Female, Male). */}
      <Legend itemSorter={(item) => (item.value === "Male" ? 0 : 1)} />
      <Bar dataKey="male" name="Male" fill="#005eb8" isAnimationActive={false} />
      <Bar dataKey="female" name="Female" fill="#ae2573" isAnimationActive={false} />
    </BarChart>
  );
}
