"use client";
// The planner's per-practice and per-post results for a year: each member practice's share of the
// PCN-funded and supervision cost, and the supervision each post needs.
import { memo } from "react";
import { FigureTag, MoneyCell } from "@/app/components/ui/cells";
import { formatCell, isNumericKind, SHARE_COLUMNS } from "@/lib/planner/columns";
import { formatDecimal, formatMonth, formatPounds } from "@/lib/format";
import type { YearResult } from "@/lib/planner/types";
import { sumPounds as sum, yearTag } from "./results-parts";

export const SharesSection = memo(function SharesSection({ year, basis, onBasis }: { year: YearResult; basis: "weighted" | "registered"; onBasis: (b: "weighted" | "registered") => void }) {
  const shares = year.practiceShares;
  const tag = yearTag(year);
  return (
    <div data-testid="shares">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Split by each practice&apos;s share of the</legend>
        <div className="nhsuk-radios nhsuk-radios--inline">
          {(
            [
              ["weighted", "Weighted population"],
              ["registered", "Registered list"],
            ] as const
          ).map(([v, text]) => (
            <div className="nhsuk-radios__item" key={v}>
              {/* Checked: the basis the shares follow (weighted cannot be used unless every practice has a weighted population). */}
              <input
                className="nhsuk-radios__input"
                id={`share-basis-${v}`}
                name="share-basis"
                type="radio"
                checked={(shares.rows.length ? shares.basis : basis) === v}
                disabled={v === "weighted" && shares.rows.length > 0 && !shares.weightedAvailable}
                onChange={() => onBasis(v)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`share-basis-${v}`}>
                {text}
                {v === "weighted" && shares.rows.length > 0 && !shares.weightedAvailable ? " (not available: not every practice has one)" : ""}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {shares.note ? <p className="nhsuk-body-s">{shares.note}</p> : null}
      {shares.rows.length === 0 ? (
        <p>No member practices are recorded for this PCN.</p>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="shares-caption">
          <table className="nhsuk-table" data-testid="shares-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="shares-caption">
              {year.financialYear}: each practice&apos;s share (by {shares.basis === "weighted" ? "weighted population" : "registered list"}), adding up to the penny <FigureTag kind={tag} />
            </caption>
            <thead>
              <tr>
                {SHARE_COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className={isNumericKind(c.kind) ? "app-numeric" : undefined}>
                    {c.id === "basis" ? (shares.basis === "weighted" ? "Weighted population" : "Registered patients") : c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shares.rows.map((r) => (
                <tr key={r.practiceCode}>
                  <th scope="row">{r.practiceName}</th>
                  <td>{r.practiceCode}</td>
                  <td className="app-numeric">{formatCell("number", r.basis)}</td>
                  <MoneyCell pounds={r.pcnFunded} />
                  <MoneyCell pounds={r.supervision} />
                  <MoneyCell pounds={r.total} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <MoneyCell pounds={sum(shares.rows.map((r) => r.pcnFunded))} />
                <MoneyCell pounds={sum(shares.rows.map((r) => r.supervision))} />
                <MoneyCell pounds={sum(shares.rows.map((r) => r.total))} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
});


export const SupervisionSection = memo(function SupervisionSection({ year, names }: { year: YearResult; names: Record<string, string> }) {
  const supervisorName = (id: string | null) => (id ? (names[id] ?? id) : "None named");
  const s = year.supervision;
  return (
    <div data-testid="supervision">
      {s.warnings.length ? (
        <div className="nhsuk-warning-callout" data-testid="capacity-warnings">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Supervision warnings
            </span>
          </h3>
          <ul>
            {s.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="supervision-caption">
        <table className="nhsuk-table" data-testid="supervision-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="supervision-caption">
            {year.financialYear}: supervision each post needs (not reimbursable), at {formatPounds(s.hourlyCost)} an hour{" "}
            {s.hourlyCostStatus === "override" ? "(your figure)" : <FigureTag kind={s.hourlyCostStatus} />}
            {s.hourlyCostBasis ? <span className="nhsuk-body-s app-basis" data-testid="supervision-hourly-basis">{s.hourlyCostBasis}.</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Supervisor</th>
              <th scope="col">Months in roadmap training</th>
              <th scope="col" className="app-numeric">
                Hours
              </th>
              <th scope="col" className="app-numeric">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {s.posts.length === 0 ? (
              <tr>
                <td colSpan={5}>No posts in this year.</td>
              </tr>
            ) : (
              s.posts.map((p) => (
                <tr key={p.postId}>
                  <th scope="row">{p.label}</th>
                  <td>{supervisorName(p.supervisorId)}</td>
                  <td>{p.months.filter((m) => m.kind === "roadmap").length}</td>
                  <td className="app-numeric">{formatDecimal(p.hours)}</td>
                  <MoneyCell pounds={p.cost} />
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="app-numeric">{formatDecimal(s.hours)}</td>
              <MoneyCell pounds={s.cost} />
            </tr>
          </tfoot>
        </table>
      </div>
      {s.supervisors.length ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="capacity-caption">
          <table className="nhsuk-table" data-testid="capacity-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="capacity-caption">
              {year.financialYear}: supervisor capacity (roadmap trainees)
            </caption>
            <thead>
              <tr>
                <th scope="col">Supervisor</th>
                <th scope="col" className="app-numeric">
                  WTE
                </th>
                <th scope="col" className="app-numeric">
                  Capacity
                </th>
                <th scope="col" className="app-numeric">
                  Most trainees in a month
                </th>
                <th scope="col">Over capacity</th>
              </tr>
            </thead>
            <tbody>
              {s.supervisors.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <td className="app-numeric">{formatDecimal(x.wte)}</td>
                  <td className="app-numeric">{formatDecimal(x.capacity)}</td>
                  <td className="app-numeric">{x.peakTrainees}</td>
                  <td className={x.overCapacityMonths.length ? "app-negative" : undefined}>{x.overCapacityMonths.length ? `Yes: ${x.overCapacityMonths.map(formatMonth).join(", ")}` : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
});
