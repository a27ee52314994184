// Registered patients by 5-year age band and sex: the figure, its text alternative and the table
// are rendered on the server; the drawing (recharts) loads in the browser afterwards.
import { toAgeBands } from "./age-bands";
import { LazyAgeProfileCanvas } from "./pcn-charts-lazy";

const fmt = (n: number) => n.toLocaleString("en-GB");

export function AgeProfileChart({ profile }: { profile: { male: number[]; female: number[] } }) {
  const bands = toAgeBands(profile);
  return (
    <figure className="app-pcn-chart" aria-labelledby="age-profile-caption">
      <figcaption id="age-profile-caption" className="nhsuk-body-s">
        Registered patients by age band and sex. The same figures are in the table below the chart.
      </figcaption>
      <div className="app-pcn-chart__canvas" role="img" aria-label="Bar chart of registered patients by 5-year age band, male and female">
        <LazyAgeProfileCanvas bands={bands} />
      </div>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Age profile as a table</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Registered patients by age band and sex</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Age band</th>
                <th scope="col" className="nhsuk-table__header--numeric">Male</th>
                <th scope="col" className="nhsuk-table__header--numeric">Female</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {bands.map((b) => (
                <tr key={b.band}>
                  <th scope="row">{b.band}</th>
                  <td className="nhsuk-table__cell--numeric">{fmt(b.male)}</td>
                  <td className="nhsuk-table__cell--numeric">{fmt(b.female)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
