"use client";
// Registered patients by 5-year age band and sex (recharts), with the same figures as a table.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface AgeBand {
  band: string;
  male: number;
  female: number;
}

/** Single years 0..95 (95 = 95 and over) → 0–4, 5–9, …, 90–94, 95+. */
export function toAgeBands(profile: { male: number[]; female: number[] }): AgeBand[] {
  const bands: AgeBand[] = [];
  const years = Math.max(profile.male.length, profile.female.length);
  const last = Math.min(years - 1, 95);
  for (let start = 0; start <= last; start += 5) {
    const end = Math.min(start + 4, last);
    let male = 0;
    let female = 0;
    for (let a = start; a <= end; a++) {
      male += profile.male[a] ?? 0;
      female += profile.female[a] ?? 0;
    }
    bands.push({ band: start === 95 ? `${start}+` : `${start}–${end}`, male, female });
  }
  return bands;
}

const fmt = (n: number) => n.toLocaleString("en-GB");

export function AgeProfileChart({ profile }: { profile: { male: number[]; female: number[] } }) {
  const bands = toAgeBands(profile);
  return (
    <figure className="app-pcn-chart" aria-labelledby="age-profile-caption">
      <figcaption id="age-profile-caption" className="nhsuk-body-s">
        Registered patients by age band and sex. The same figures are in the table below the chart.
      </figcaption>
      <div className="app-pcn-chart__canvas" role="img" aria-label="Bar chart of registered patients by 5-year age band, male and female">
        <BarChart responsive data={bands} style={{ width: "100%", maxWidth: 900, height: 320 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="band" interval={0} angle={-45} textAnchor="end" height={50} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={fmt} width={60} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend />
          <Bar dataKey="male" name="Male" fill="#005eb8" isAnimationActive={false} />
          <Bar dataKey="female" name="Female" fill="#ae2573" isAnimationActive={false} />
        </BarChart>
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
