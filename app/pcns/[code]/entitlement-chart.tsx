"use client";
// ARRS entitlement per financial year (recharts bars). Estimates are drawn hatched-yellow and
// labelled "Estimate" on the bar; the table beside it carries the same figures and reasons.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { formatPounds } from "@/lib/format";

export interface EntitlementPoint {
  financialYear: string;
  amount: number;
  isEstimate: boolean;
}

const poundsShort = (n: number) => (n >= 1_000_000 ? `£${(n / 1_000_000).toFixed(2)}m` : `£${Math.round(n / 1000).toLocaleString("en-GB")}k`);

export function EntitlementChart({ points }: { points: EntitlementPoint[] }) {
  const data = points.map((p) => ({ ...p, label: p.isEstimate ? "Estimate" : "" }));
  return (
    <figure className="app-pcn-chart" aria-labelledby="entitlement-chart-caption">
      <figcaption id="entitlement-chart-caption" className="nhsuk-body-s">
        ARRS entitlement by financial year. <span className="app-swatch app-swatch--published" aria-hidden="true" /> from
        stored figures and published rates; <span className="app-swatch app-swatch--estimate" aria-hidden="true" />{" "}
        estimates.
      </figcaption>
      <div className="app-pcn-chart__canvas" role="img" aria-label={`Bar chart of ARRS entitlement: ${points.map((p) => `${p.financialYear} ${formatPounds(p.amount)}${p.isEstimate ? " (estimate)" : ""}`).join("; ")}`}>
        <BarChart responsive data={data} style={{ width: "100%", maxWidth: 700, height: 280 }} margin={{ top: 24, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="financialYear" tick={{ fontSize: 13 }} />
          <YAxis tickFormatter={poundsShort} width={70} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => formatPounds(Number(v))} />
          <Bar dataKey="amount" name="Entitlement" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.financialYear} fill={d.isEstimate ? "#ffb81c" : "#005eb8"} stroke={d.isEstimate ? "#7a5a00" : "#003087"} strokeDasharray={d.isEstimate ? "4 2" : undefined} />
            ))}
            <LabelList dataKey="label" position="top" style={{ fontSize: 12, fill: "#212b32" }} />
          </Bar>
        </BarChart>
      </div>
    </figure>
  );
}
