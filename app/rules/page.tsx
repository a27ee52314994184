import type { Metadata } from "next";
import Link from "next/link";
import { AFC_BANDS, AREA_LABELS, getRules, hasTableCap, MHP_BANDS, PROJECTION_DEFAULTS, ROLE_IDS, ROLES, rulesForYear, type CapLine, type CappedRoleId, type FigureStatus } from "@/lib/engine";
import { StatusKey, StatusTag } from "@/app/components/ui/status-tag";
import { formatDate, formatPounds } from "@/lib/format";
import { yearChoices } from "@/lib/server/today";
import { sourceAfterTag } from "@/lib/rules-display/source-after-tag";

export const metadata: Metadata = { title: "Rules and figures" };
export const dynamic = "force-dynamic";

function Status({ status }: { status: FigureStatus }) {
  return <StatusTag status={status} />;
}

/** A cap row's status: one tag, or national and London tags when the London columns differ. */
function LineStatus({ line }: { line: CapLine }) {
  if (!line.londonStatus || line.londonStatus === line.status) return <Status status={line.status} />;
  return (
    <>
      <Status status={line.status} /> (national) <Status status={line.londonStatus} /> (London)
    </>
  );
}

const whole = (pounds: number) => formatPounds(pounds).replace(/\.00$/, "");

export default async function RulesPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const { year } = await searchParams;
  // Opens on the current financial year (the server's date); years after the latest rule table
  // are shown as projected with the default pay awards and rate growth.
  const { current, years } = yearChoices();
  const fy = year && years.includes(year as (typeof years)[number]) ? year : current;
  const rules = rulesForYear(fy)!;
  const projected = !getRules(fy);
  return (
    <>
      <h1>Rules and figures</h1>
      <p className="nhsuk-lede-text">
        Every figure the calculation uses, by financial year, with its status and source. Maximum reimbursable amounts are
        dated: a table can change mid-year or be replaced by a later, backdated one. You can replace an estimate with your own
        figure in a scenario&apos;s assumptions in the planner.
      </p>
      <StatusKey heading="Where each figure comes from: the statuses" headingLevel={2} />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How missing maxima are derived</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Each maximum reimbursable amount is a salary basis costed with that year&apos;s on-costs: maximum = basis +
            employer NI on it + 14.38% employer pension. A published maximum therefore gives its basis; the basis is
            uplifted by the pay award (3.6% in 2025/26; 2.5% in 2026/27, the pay growth NHS England costed the contract on)
            or re-costed for a different year&apos;s NI rules to derive a maximum that has not been published. For example the
            2025/26 GP London maximum £108,680 is derived: (£82,418 salary + £2,162 London weighting) + 15% NI above £5,000 +
            14.38% pension. The 2026/27 GP maximum £152,900 (London £155,698) is the top of the 2026/27 salaried GP range
            £118,759 plus the same on-costs. Derived figures are replaced as soon as the DES figures are entered.
          </p>
        </div>
      </details>
      <nav aria-label="Financial years">
        <ul className="nhsuk-list app-inline-fields">
          {years.map((y) => (
            <li key={y}>{y === fy ? <strong>{y}</strong> : <Link href={`/rules?year=${encodeURIComponent(y)}`}>{y}</Link>}</li>
          ))}
        </ul>
      </nav>
      <h2>{fy}{projected ? " (projected)" : ""}</h2>
      {projected ? (
        <div className="nhsuk-warning-callout" data-testid="projected-year">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Every figure for {fy} is a projection
            </span>
          </h3>
          <p>
            NHS England has not published {fy} figures. They are the latest rule table carried forward with a{" "}
            {PROJECTION_DEFAULTS.payAward * 100}% pay award a year (doctors the same unless you give their own) and{" "}
            {PROJECTION_DEFAULTS.rateGrowth * 100}% growth of the ARRS rate a year. An estimate or scenario can use other
            awards and growth (<code>payAward</code>, <code>doctorsPayAward</code>, <code>rateGrowth</code>).
          </p>
        </div>
      ) : null}
      {rules.notes.length ? (
        <div className="nhsuk-inset-text">
          <ul>{rules.notes.map((n) => <li key={n}>{n}</li>)}</ul>
        </div>
      ) : null}
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Entitlement and on-costs">
        <table className="nhsuk-table app-stack-table">
          <caption className="nhsuk-table__caption">Entitlement and on-costs</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {rules.pots.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}: £ per weighted patient</th>
                <td>£{p.ratePerWeightedPatient}</td>
                <td><Status status={p.status} /></td>
                <td className="app-stack-wide">{sourceAfterTag(p.source)}{p.note ? ` — ${p.note}` : ""}</td>
              </tr>
            ))}
            {[
              ["Employer NI rate", `${(rules.employerNiRate.value * 100).toFixed(1)}%`, rules.employerNiRate],
              ["Employer NI threshold", `${whole(rules.employerNiThresholdAnnual.value)} a year`, rules.employerNiThresholdAnnual],
              ["Employer pension rate", `${(rules.employerPensionRate.value * 100).toFixed(2)}%`, rules.employerPensionRate],
            ].map(([label, value, f]) => {
              const fig = f as { status: FigureStatus; source: string };
              return (
                <tr key={label as string}>
                  <th scope="row">{label as string}</th>
                  <td>{value as string}</td>
                  <td><Status status={fig.status} /></td>
                  <td className="app-stack-wide">{sourceAfterTag(fig.source)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {rules.capTables.map((t) => (
        <div className="app-table-scroll" key={t.id} tabIndex={0} role="region" aria-label={t.title}>
          <table className="nhsuk-table app-stack-table">
            <caption className="nhsuk-table__caption">
              {t.title} <Status status={t.status} />
              <span className="nhsuk-hint nhsuk-u-margin-bottom-0">
                Applies from {formatDate(t.effectiveFrom)}{t.effectiveTo ? ` to ${formatDate(t.effectiveTo)}` : ""}; published {formatDate(t.publishedOn)}. {t.source}. {t.note ?? ""}
              </span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col" className="app-numeric">National</th>
                <th scope="col" className="app-numeric">Outer London</th>
                <th scope="col" className="app-numeric">Inner London</th>
                <th scope="col">Status and source</th>
              </tr>
            </thead>
            <tbody>
              {ROLE_IDS.filter((r) => hasTableCap(r)).map((r) => {
                const line: CapLine | undefined = t.roles[r as CappedRoleId];
                return (
                  <tr key={r}>
                    <th scope="row">{ROLES[r].name}</th>
                    {line ? (
                      <>
                        <td className="app-numeric" data-label="National">{whole(line.national)}</td>
                        <td className="app-numeric" data-label="Outer London">{whole(line.outerLondon)}</td>
                        <td className="app-numeric" data-label="Inner London">{whole(line.innerLondon)}</td>
                        <td className="app-stack-wide"><LineStatus line={line} /> <span className="nhsuk-body-s">{sourceAfterTag(line.source)}</span></td>
                      </>
                    ) : (
                      <td colSpan={4} className="app-stack-wide">Not reimbursable while this table applies</td>
                    )}
                  </tr>
                );
              })}
              {(["50%", "100%"] as const).flatMap((funding) =>
                MHP_BANDS.map((band) => {
                  const line = t.mhp[funding][band];
                  return line ? (
                    <tr key={`${funding}-${band}`}>
                      <th scope="row">Mental health practitioner, band {band} ({funding} table)</th>
                      <td className="app-numeric" data-label="National">{whole(line.national)}</td>
                      <td className="app-numeric" data-label="Outer London">{whole(line.outerLondon)}</td>
                      <td className="app-numeric" data-label="Inner London">{whole(line.innerLondon)}</td>
                      <td className="app-stack-wide"><Status status={line.status} /> <span className="nhsuk-body-s">{sourceAfterTag(line.note ?? line.source)}</span></td>
                    </tr>
                  ) : null;
                }),
              )}
            </tbody>
          </table>
        </div>
      ))}

      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Agenda for Change pay points (annual, full time, 37.5 hours)">
        <table className="nhsuk-table app-stack-table">
          <caption className="nhsuk-table__caption">Agenda for Change pay points (annual, full time, 37.5 hours)</caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col">Points (1 = entry)</th>
              <th scope="col">Status and source</th>
            </tr>
          </thead>
          <tbody>
            {AFC_BANDS.map((b) => {
              const band = rules.afc[b];
              return (
                <tr key={b}>
                  <th scope="row">{b}</th>
                  <td className="app-stack-wide">
                    {band.points.map((p, i) => (
                      <span key={i}>
                        {i ? " → " : ""}
                        {whole(p)}
                        {band.estimatePoints?.includes(i + 1) ? " (derived)" : ""}
                      </span>
                    ))}
                  </td>
                  <td className="app-stack-wide"><Status status={band.status} /> <span className="nhsuk-body-s">{sourceAfterTag(band.source)}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="High cost area supplements (HCAS, pensionable)">
        <table className="nhsuk-table app-stack-table">
          <caption className="nhsuk-table__caption">High cost area supplements (HCAS, pensionable)</caption>
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col">Rate of basic pay</th>
              <th scope="col">Minimum – maximum</th>
              <th scope="col">Status and source</th>
            </tr>
          </thead>
          <tbody>
            {(["inner-london", "outer-london", "fringe"] as const).map((z) => {
              const zone = rules.hcas[z];
              return (
                <tr key={z}>
                  <th scope="row">{AREA_LABELS[z]}</th>
                  <td data-label="Rate">{zone.rate * 100}%</td>
                  <td data-label="Minimum – maximum">{whole(zone.minimum)} – {whole(zone.maximum)}</td>
                  <td className="app-stack-wide"><Status status={zone.status} /> <span className="nhsuk-body-s">{sourceAfterTag(zone.source)}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
