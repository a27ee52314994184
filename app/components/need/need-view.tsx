// The "Population need" figures and assumptions tables, shared by the PCN page (a GET form,
// rendered on the server) and the planner (edited in the browser): no hooks, so either may use
// them. The input in each assumption row is the caller's (render prop).
import type { ReactNode } from "react";
import type { AssumptionWithEffect, NeedFigures, NeedGroupResult, NeedRange } from "@/lib/need";
import { NEED_GROUP_IDS, NEED_GROUP_NAMES } from "@/lib/need";

// One formatter for every figure (toLocaleString with options builds a new one on each call: slow
// when the planner redraws the table).
const countFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const count = (n: number) => countFormat.format(n);
const wte = (n: number) => n.toFixed(2);

function RangeCell({ r, fmt, unit = "", label }: { r: NeedRange; fmt: (n: number) => string; unit?: string; label: string }) {
  return (
    <td className="nhsuk-table__cell--numeric">
      <span className="app-need-cell-label">{label}: </span>
      <strong>
        {fmt(r.central)}
        {unit}
      </strong>
      <span className="nhsuk-body-s app-need-range">
        {fmt(r.low)} to {fmt(r.high)}
      </span>
    </td>
  );
}

/** Per group and in total: people, patients a year, OT hours a year, OT WTE — central, low to high. */
export function NeedFiguresTable({ groups, total, caption }: { groups: NeedGroupResult[]; total: NeedFigures; caption: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="nhsuk-table app-need-table" data-testid="need-figures">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              People in the group
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Patients an OT service sees a year
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              OT hours a year
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              OT WTE
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {groups.map((g) => (
            <tr key={g.id} className="nhsuk-table__row" data-need-group={g.id}>
              <th scope="row">
                {g.name}
                <span className="nhsuk-body-s app-need-range">
                  {Math.round(g.shareOfCentral * 100)}% of the central hours; from {count(g.population.count)} {g.population.description}
                </span>
              </th>
              <RangeCell r={g.people} fmt={count} label="People in the group" />
              <RangeCell r={g.patients} fmt={count} label="Patients seen a year" />
              <RangeCell r={g.hours} fmt={count} label="OT hours a year" />
              <RangeCell r={g.wte} fmt={wte} label="OT WTE" />
            </tr>
          ))}
          <tr className="nhsuk-table__row app-need-total" data-need-group="total">
            <th scope="row">Total</th>
            <RangeCell r={total.people} fmt={count} label="People in the group" />
            <RangeCell r={total.patients} fmt={count} label="Patients seen a year" />
            <RangeCell r={total.hours} fmt={count} label="OT hours a year" />
            <RangeCell r={total.wte} fmt={wte} label="OT WTE" />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

const STATUS_TAG: Record<string, { label: string; className: string }> = {
  sourced: { label: "Sourced", className: "nhsuk-tag nhsuk-tag--green" },
  derived: { label: "Derived", className: "nhsuk-tag nhsuk-tag--blue" },
  assumption: { label: "Assumption", className: "nhsuk-tag nhsuk-tag--yellow" },
};

const unitText = (unit: string) => (unit === "%" ? "%" : ` ${unit}`);
const num = (n: number) => String(Math.round(n * 10000) / 10000);

/** The id of an assumption's input ("need-reachFrailty"). */
export const needInputId = (id: string) => `need-${id}`;

const SECTIONS: { key: string; title: string }[] = [
  ...NEED_GROUP_IDS.map((id) => ({ key: id, title: NEED_GROUP_NAMES[id] })),
  { key: "all", title: "Time per contact and hours per WTE (every group)" },
];

/**
 * Every assumption, grouped: label and source, the value (the caller's input), the range,
 * its status and its effect on the total WTE across its range.
 */
export function NeedAssumptionsTables({
  assumptions,
  errors = {},
  renderInput,
}: {
  assumptions: AssumptionWithEffect[];
  errors?: Record<string, string>;
  renderInput: (a: AssumptionWithEffect, control: { id: string; "aria-describedby": string; "aria-invalid"?: true }) => ReactNode;
}) {
  return (
    <>
      {SECTIONS.map((s) => (
        <div className="app-table-scroll" key={s.key} tabIndex={0} role="region" aria-label={`Assumptions: ${s.title}`}>
          <table className="nhsuk-table app-need-assumptions" data-need-assumptions={s.key}>
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">{s.title}</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Assumption and source</th>
                <th scope="col">Value</th>
                <th scope="col">Range</th>
                <th scope="col">Status</th>
                <th scope="col">Total WTE across the range</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {assumptions
                .filter((a) => a.group === s.key)
                .map((a) => {
                  const id = needInputId(a.id);
                  const error = errors[a.id];
                  const tag = STATUS_TAG[a.status]!;
                  return (
                    <tr key={a.id} className="nhsuk-table__row" data-assumption={a.id}>
                      <th scope="row" className="app-need-assumption">
                        <label htmlFor={id} id={`${id}-label`}>
                          {a.label}
                        </label>
                        <span className="nhsuk-body-s app-need-source" id={`${id}-source`}>
                          {a.source}
                        </span>
                      </th>
                      <td>
                        <span className="app-need-cell-label">Value: </span>
                        <div className={`nhsuk-form-group app-need-field${error ? " nhsuk-form-group--error" : ""}`}>
                          {error ? (
                            <span className="nhsuk-error-message" id={`${id}-error`}>
                              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                            </span>
                          ) : null}
                          <div className="nhsuk-input__wrapper">
                            {renderInput(a, { id, "aria-describedby": error ? `${id}-error ${id}-unit` : `${id}-unit`, ...(error ? { "aria-invalid": true as const } : {}) })}
                            <div className="nhsuk-input__suffix" id={`${id}-unit`}>
                              {a.unit === "%" ? "%" : a.unit}
                            </div>
                          </div>
                          {a.overridden ? <span className="nhsuk-body-s app-need-range">Built in: {num(a.default.value)}{unitText(a.unit)}</span> : null}
                        </div>
                      </td>
                      <td>
                        <span className="app-need-cell-label">Range: </span>
                        {num(a.low)} to {num(a.high)}
                        {unitText(a.unit)}
                      </td>
                      <td>
                        <span className="app-need-cell-label">Status: </span>
                        <strong className={tag.className}>{tag.label}</strong>
                        {a.overridden ? (
                          <>
                            {" "}
                            <strong className="nhsuk-tag nhsuk-tag--purple">Changed</strong>
                          </>
                        ) : null}
                      </td>
                      <td className="nhsuk-table__cell--numeric">
                        <span className="app-need-cell-label">Total WTE across the range: </span>
                        {wte(Math.min(a.effect.atLow, a.effect.atHigh))} to {wte(Math.max(a.effect.atLow, a.effect.atHigh))}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

/** The paragraph that says what the figures are. */
export function NeedExplainer() {
  return (
    <>
      <p>
        <strong className="nhsuk-tag nhsuk-tag--yellow">Estimate</strong> How much First Contact occupational therapy this PCN&apos;s own population
        needs, for the three groups OTs work with: frail older adults, adults with a common mental health condition, and working-age adults whose
        health keeps them from work. Built from the registered patients by age and sex, published prevalence and assumptions about the service.
      </p>
      <p className="nhsuk-body-s">
        Each figure is the central estimate, with the range below it. The range moves each assumption across its own range and combines the
        effects (root-sum-square, as if their errors were independent); the column &quot;Total WTE across the range&quot; shows what each one alone
        does to the total, so you can see which matter. Change any value to your own and recalculate: a value you change is treated as known, so
        it no longer widens the range.
      </p>
    </>
  );
}
