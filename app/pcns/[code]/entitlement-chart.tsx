// ARRS entitlement per financial year (recharts bars, loaded in the browser after the page). Estimates are drawn hatched-yellow and
// labelled "Estimate" on the bar; the table beside it carries the same figures and reasons.
import { formatPounds } from "@/lib/format";
import type { EntitlementPoint } from "./pcn-chart-canvases";
import { LazyEntitlementCanvas } from "./pcn-charts-lazy";

export function EntitlementChart({ points }: { points: EntitlementPoint[] }) {
  return (
    <figure className="app-pcn-chart" aria-labelledby="entitlement-chart-caption">
      <figcaption id="entitlement-chart-caption" className="nhsuk-body-s">
        ARRS entitlement by financial year. <span className="app-swatch app-swatch--published" aria-hidden="true" /> from
        stored figures and published rates; <span className="app-swatch app-swatch--estimate" aria-hidden="true" />{" "}
        estimates.
      </figcaption>
      <div className="app-pcn-chart__canvas" role="img" aria-label={`Bar chart of ARRS entitlement: ${points.map((p) => `${p.financialYear} ${formatPounds(p.amount)}${p.isEstimate ? " (estimate)" : ""}`).join("; ")}`}>
        <LazyEntitlementCanvas points={points} />
      </div>
    </figure>
  );
}
