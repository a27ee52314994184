// One table of the comparison: a row per measure, a column per scenario (in the order chosen; the
// baseline's heading says so).
// Every other scenario's cell shows its difference from the baseline in words and signs
// ("+£1,234.56 more", "−0.50 WTE less", with "than the baseline" for screen readers), and is
// highlighted; colour is never the only signal.
import { FigureTag } from "@/app/components/ui/cells";
import { describeDifference, formatMeasure, type ComparedRow, type ComparedScenario, type MeasureUnit, type YearStatus } from "@/lib/planner/compare";

function Difference({ unit, difference, decimals }: { unit: MeasureUnit; difference: number; decimals?: number }) {
  const d = describeDifference(unit, difference, decimals);
  return (
    <span className={`app-diff app-diff--${d.direction}`} data-testid="difference">
      <span aria-hidden="true" className="app-diff__arrow">
        {d.arrow}
      </span>{" "}
      {d.amount}
      {d.word ? ` ${d.word}` : ""}
      <span className="nhsuk-u-visually-hidden"> {d.hidden}</span>
    </span>
  );
}

export function CompareTable({
  caption,
  scenarios,
  rows,
  status,
  decimals,
  testId,
}: {
  caption: string;
  scenarios: ComparedScenario[];
  rows: ComparedRow[];
  /** Per scenario: the year's figure status (null = not in that scenario's years); omit for the whole plan. */
  status?: (YearStatus | null)[];
  /** Decimals per unit for the whole comparison (comparisonDecimals): totals read like their rows. */
  decimals?: Record<MeasureUnit, number>;
  testId?: string;
}) {
  if (rows.length === 0) return <p className="nhsuk-body-s" data-testid={testId ? `${testId}-same` : undefined}>No difference from the baseline in any measure.</p>;
  return (
    <div className="app-table-scroll app-print-whole" tabIndex={0} role="region" aria-label={caption}>
      <table className="nhsuk-table app-compare-table" data-testid={testId}>
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Measure</th>
            {scenarios.map((s, i) => (
              <th scope="col" key={s.id} className="app-numeric app-compare-table__scenario">
                {s.name}
                {s.baseline ? <span className="app-block nhsuk-body-s">Baseline</span> : null}
                {status?.[i] && status[i] !== "published" ? (
                  <span className="app-block">
                    <FigureTag kind={status[i] as "estimate" | "projection"} />
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((r) => (
            <tr key={r.measure.id} data-measure={r.measure.id}>
              <th scope="row">{r.measure.label}</th>
              {r.values.map((v, i) => {
                const changed = v.difference !== null && describeDifference(r.measure.unit, v.difference).direction !== "same";
                return (
                  <td key={scenarios[i]!.id} className={`app-numeric${changed ? " app-compare-cell--changed" : ""}${v.value !== null && v.value < 0 ? " app-negative" : ""}`}>
                    {v.value === null ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="nhsuk-u-visually-hidden">Not in this scenario&apos;s years</span>
                      </>
                    ) : (
                      formatMeasure(r.measure.unit, v.value, decimals?.[r.measure.unit])
                    )}
                    {v.difference !== null ? (
                      <span className="app-block">
                        <Difference unit={r.measure.unit} difference={v.difference} decimals={decimals?.[r.measure.unit]} />
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
