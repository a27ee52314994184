"use client";
// The scenario's assumptions, each with its default shown: projection (pay award, rate growth,
// population growth), cash flow (claim lag), the estimate overrides for the first year, the
// maximum reimbursable amounts, and the supervision figures (with their sources).
import { Field, inputClass } from "@/app/components/ui/field";
import { getRules, isRoleId, ROLES } from "@/lib/engine";
import { PLANNER_DEFAULTS, SUPERVISION_DEFAULTS, supervisorHourlyCostDefault } from "@/lib/planner/compute";
import { SUPERVISION_FIELDS, type AssumptionsDraft, type PercentField, type PlainField, type SupervisionField } from "@/lib/planner/scenario-draft";
import { formatDecimal } from "@/lib/format";
import { setUplift, type UpliftSwitch } from "@/lib/planner/uplift";
import { UpliftSwitches } from "./uplift-switch";

const pct = (v: number) => `${formatDecimal(Number(`${v}e2`))}%`;

export function AssumptionsEditor({
  value,
  firstYear,
  roles,
  errors,
  onChange,
  uplifts = [],
  upliftsPending = false,
}: {
  value: AssumptionsDraft;
  firstYear: string;
  /** The plan's years with an expected backdated uplift, and what switching each on adds. */
  uplifts?: UpliftSwitch[];
  upliftsPending?: boolean;
  /** Roles used by the posts (their maximum reimbursable amounts can be replaced). */
  roles: string[];
  errors: Record<string, string>;
  onChange: (next: AssumptionsDraft) => void;
}) {
  const rules = getRules(firstYear);
  const err = (path: string) => errors[`assumptions.${path}`];
  const textField = (k: PercentField | PlainField, label: string, hint: string, suffix?: string) => (
    <Field id={`assumption-${k}`} label={label} hint={hint} error={err(k)} className="app-compact-group">
      {(c) => (
        <div className="nhsuk-input-wrapper">
          <input
            className={inputClass("nhsuk-input nhsuk-input--width-5", err(k))}
            {...c}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value.text[k]}
            onChange={(e) => onChange({ ...value, text: { ...value.text, [k]: e.target.value } })}
          />
          {suffix ? (
            <div className="nhsuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      )}
    </Field>
  );
  const supField = (k: SupervisionField) => {
    const d = k === "supervisorHourlyCost" ? { ...SUPERVISION_DEFAULTS[k], ...supervisorHourlyCostDefault(firstYear) } : SUPERVISION_DEFAULTS[k];
    return (
      <Field key={k} id={`assumption-supervision-${k}`} label={d.label} hint={`Default ${formatDecimal(d.value)}. ${d.source}`} error={err(`supervision.${k}`)} className="app-compact-group app-compact-group--wide">
        {(c) => (
          <input
            className={inputClass("nhsuk-input nhsuk-input--width-5", err(`supervision.${k}`))}
            {...c}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value.supervision[k]}
            onChange={(e) => onChange({ ...value, supervision: { ...value.supervision, [k]: e.target.value } })}
          />
        )}
      </Field>
    );
  };
  const award = rules?.payAward;
  return (
    <div data-testid="assumptions">
      <p>Leave a box blank to use the default shown. What you enter applies to this scenario only and is listed as an override.</p>
      <h3 className="nhsuk-heading-s">Projection and cash flow</h3>
      <div className="app-inline-fields">
        {textField(
          "payAward",
          "Pay award a year (projected years)",
          `Default: each year's published or estimated award${award ? ` (${firstYear}: ${pct(award.value)})` : ""}, then ${pct(PLANNER_DEFAULTS.payAward)} a year`,
          "%",
        )}
        {textField("rateGrowth", "Growth of the ARRS rate a year", `Default ${pct(PLANNER_DEFAULTS.rateGrowth)} (the 2026/27 national pot's growth)`, "%")}
        {textField("populationGrowth", "Growth of the weighted population a year", `Default ${pct(PLANNER_DEFAULTS.populationGrowth)}`, "%")}
        {textField("claimLagMonths", "Claim lag (months)", `Default ${PLANNER_DEFAULTS.claimLagMonths}: reimbursement arrives 2 months after the month it pays for`)}
        {textField(
          "timeToFillMonths",
          "Time to fill a proposed post (months)",
          "Blank = posts start as planned. The plan stays as planned; a separate line shows the money that slips if recruitment takes this long",
        )}
      </div>
      <h3 className="nhsuk-heading-s">Figures for {firstYear}</h3>
      <div className="app-inline-fields">
        {textField("arrsRatePerWeightedPatient", "ARRS rate (£ per weighted patient)", `Default £${rules?.pots[0]?.ratePerWeightedPatient ?? "—"}`)}
        {textField("employerNiRate", "Employer NI rate", `Default ${rules ? pct(rules.employerNiRate.value) : "—"}`, "%")}
        {textField("employerNiThresholdAnnual", "NI threshold (£ a year)", `Default £${rules ? formatDecimal(rules.employerNiThresholdAnnual.value) : "—"}`)}
        {textField("employerPensionRate", "Employer pension rate", `Default ${rules ? pct(rules.employerPensionRate.value) : "—"}`, "%")}
      </div>
      <UpliftSwitches
        switches={uplifts}
        pending={upliftsPending}
        isOn={(u) => (value.kept.byYear?.[u.financialYear]?.expectedUplift ?? (u.index === 0 ? value.kept.expectedUplift : undefined) ?? u.defaultOn)}
        onToggle={(u, on) => onChange({ ...value, kept: setUplift(value.kept, u.index, u.financialYear, on) })}
      />
      {roles.length ? (
        <>
          <h3 className="nhsuk-heading-s">Maximum reimbursable amounts ({firstYear})</h3>
          <div className="app-inline-fields">
            {roles.map((role) => (
              <Field
                key={role}
                id={`assumption-cap-${role}`}
                label={`${isRoleId(role) ? ROLES[role].name : role} (£ a year, 1.0 WTE)`}
                hint="Blank = the year's table"
                error={err(`maxReimbursableAnnual.${role}`)}
                className="app-compact-group"
              >
                {(c) => (
                  <input
                    className={inputClass("nhsuk-input nhsuk-input--width-5", err(`maxReimbursableAnnual.${role}`))}
                    {...c}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={value.caps[role] ?? ""}
                    onChange={(e) => onChange({ ...value, caps: { ...value.caps, [role]: e.target.value } })}
                  />
                )}
              </Field>
            ))}
          </div>
        </>
      ) : null}
      <h3 className="nhsuk-heading-s">Supervision</h3>
      <div className="app-inline-fields">{SUPERVISION_FIELDS.map(supField)}</div>
    </div>
  );
}
