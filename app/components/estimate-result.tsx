"use client";
// The result of a quick estimate: entitlement, each post's figures, the months, the estimates used.
import type { ReactNode } from "react";
import { MonthlyChart } from "@/app/components/monthly-chart";
import { FigureTag, MoneyCell } from "@/app/components/ui/cells";
import { StatusKey, StatusTag } from "@/app/components/ui/status-tag";
import type { EstimateFormState } from "@/app/estimate-action";
import { MONTH_COLUMNS, POST_RESULT_COLUMNS } from "@/lib/planner/columns";
import { formatDecimal, formatMonth, formatPounds, formatWte } from "@/lib/format";

/** The month table: every month column except the running total. */
const MONTH_TABLE = MONTH_COLUMNS.filter((c) => c.id !== "cumulativeClaimable");

function EstimateTag({ show }: { show: boolean }) {
  return <FigureTag kind={show && "estimate"} />;
}

/** "Already committed this year": the headroom from these posts, then the deduction, each a line of its own. */
function CommittedRows({ totals, estimate }: { totals: { alreadyCommitted?: number; headroomBeforeCommitted?: number }; estimate: boolean }) {
  return (
    <>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Headroom from these posts</dt>
        <dd className="nhsuk-summary-list__value" data-testid="headroom-before-committed">
          {formatPounds(totals.headroomBeforeCommitted ?? 0)} (entitlement − claimable) <EstimateTag show={estimate} />
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Already committed this year</dt>
        <dd className="nhsuk-summary-list__value" data-testid="already-committed">
          − {formatPounds(totals.alreadyCommitted ?? 0)} <span className="nhsuk-hint nhsuk-u-margin-bottom-0 app-block">as you entered it: taken off the headroom</span>
        </dd>
      </div>
    </>
  );
}

/** `actions`: shown under the summary (the downloads). */
export function EstimateResult({ result, actions }: { result: NonNullable<EstimateFormState["result"]>; actions?: ReactNode }) {
  const wp = result.weightedPopulation;
  const wpEstimate = wp.provenance === "estimate";
  const rateEstimate = result.estimates.some((e) => e.id.includes("ARRS") && e.id.includes("rate"));
  const capEstimateRoles = new Set(result.estimates.filter((e) => e.id.includes("maximum reimbursable")).map((e) => e.id));
  const capIsEstimate = (role: string) => [...capEstimateRoles].some((id) => id.includes(`: ${role}`) || id.includes("mental health practitioner"));
  return (
    <section aria-labelledby="result-heading" data-testid="estimate-result">
      <h2 id="result-heading">
        Estimate for {result.financialYear}
        {result.pcn ? `: ${result.pcn.name} (${result.pcn.code})` : ""}
      </h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Weighted population</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDecimal(wp.value)} {wpEstimate ? <EstimateTag show /> : null}
            <span className="nhsuk-hint nhsuk-u-margin-bottom-0 app-block">{wp.provenance === "given" ? "as entered" : wp.basis ?? wp.provenance}</span>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">ARRS entitlement</dt>
          <dd className="nhsuk-summary-list__value" data-testid="entitlement">
            {formatPounds(result.entitlement)} <EstimateTag show={wpEstimate || rateEstimate} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Claimable this year</dt>
          <dd className="nhsuk-summary-list__value">{formatPounds(result.totals.claimable)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Funded by the PCN</dt>
          <dd className="nhsuk-summary-list__value">{formatPounds(result.totals.pcnFunded)}</dd>
        </div>
        {result.totals.alreadyCommitted !== undefined ? <CommittedRows totals={result.totals} estimate={result.isEstimate} /> : null}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Headroom</dt>
          <dd className={`nhsuk-summary-list__value${result.totals.headroom < 0 ? " app-negative" : ""}`} data-testid="headroom">
            {formatPounds(result.totals.headroom)} {result.totals.headroom < 0 ? "(over-committed)" : "left of the entitlement"}
            {result.totals.alreadyCommitted !== undefined ? " after what is already committed" : ""}{" "}
            {/* Entitlement − claimable: an estimate whenever any figure behind either is one. */}
            <EstimateTag show={result.isEstimate} />
          </dd>
        </div>
      </dl>
      {actions}
      {/* Focusable so keyboard users can scroll a table wider than the screen. */}
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Posts: cost, claimable and PCN-funded">
        <table className="nhsuk-table" data-testid="posts-table">
          <caption className="nhsuk-table__caption">Posts for {result.financialYear}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Post</th>
              {POST_RESULT_COLUMNS.map((c) => (
                <th key={c.id} scope="col" className="app-numeric">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {result.posts.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.roleName}
                  <span className="nhsuk-hint nhsuk-u-margin-bottom-0 app-block">
                    {"sessions" in p && p.sessions !== undefined ? `${p.sessions} sessions a week = ` : "hoursPerWeek" in p && p.hoursPerWeek !== undefined ? `${p.hoursPerWeek} hours a week = ` : ""}
                    {formatWte(p.wte)}, {formatPounds(p.annualSalary)} a year full-time
                    {"maxReimbursableAnnual" in p && p.maxReimbursableAnnual !== undefined ? `; maximum agreed by the ICB ${formatPounds(p.maxReimbursableAnnual)} a year` : ""}
                  </span>
                </th>
                {POST_RESULT_COLUMNS.map((c) => (
                  <MoneyCell key={c.id} pounds={Number(c.accessor(p))} tag={c.id === "cap" && capIsEstimate(p.role) && "estimate"} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="app-numeric" colSpan={3}></td>
              <td className="app-numeric">{formatPounds(result.totals.cost)}</td>
              <td></td>
              <td className="app-numeric">{formatPounds(result.totals.claimable)}</td>
              <td className="app-numeric">{formatPounds(result.totals.pcnFunded)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <MonthlyChart months={result.months} />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Month by month</span>
        </summary>
        <div className="nhsuk-details__text app-table-scroll" tabIndex={0} role="region" aria-label="Plan month by month">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Plan month by month</caption>
            <thead>
              <tr>
                {MONTH_TABLE.map((c) => (
                  <th key={c.id} scope="col" className={c.kind === "money" ? "app-numeric" : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month)}</th>
                  {MONTH_TABLE.slice(1).map((c) => (
                    <MoneyCell key={c.id} pounds={Number(c.accessor(m))} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {result.estimates.length ? (
        <div className="nhsuk-warning-callout" data-testid="estimates">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Figures that are estimates{result.estimates.some((e) => e.status === "projection") ? " or projections" : ""}
            </span>
          </h3>
          <p>Nobody has published these figures: each is derived, estimated, assumed or projected, as its status says. Check them against the DES and your ICB, and replace them with the published figure when you have it.</p>
          <ul>
            {result.estimates.map((e) => (
              <li key={e.id}>
                <StatusTag status={e.status} />{" "}
                <strong>{e.label}</strong>: {e.label.toLowerCase().includes("rate") && e.value < 1 ? e.value : formatDecimal(e.value)} — {e.source}
              </li>
            ))}
          </ul>
          <StatusKey only={[...new Set(result.estimates.map((e) => e.status))]} heading="What these statuses mean" />
        </div>
      ) : null}
      {result.warnings.length || result.posts.some((p) => p.warnings.length) ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
            {result.posts.flatMap((p) => p.warnings.map((w) => <li key={`${p.id}:${w}`}>{`${p.roleName}: ${w}`}</li>))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
