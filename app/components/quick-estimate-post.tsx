"use client";
// One post of the quick estimate: role, WTE, area, salary (band + point or actual), MHP table,
// dates (NHS.UK date inputs) and an optional maximum reimbursable override.
import { DateInput } from "@/app/components/ui/date-input";
import { Field, inputClass } from "@/app/components/ui/field";
import { AFC_BANDS, AREA_LABELS, AREAS, TWELVE_MONTH_RULE_ROLES, type RoleId } from "@/lib/engine/roles";
import type { PostDraft, SizeUnit } from "@/lib/planner/new-post-draft";

const SIZE_LABELS: Record<SizeUnit, { label: string; hint: string }> = {
  wte: { label: "WTE", hint: "1.0 = 37.5 hours" },
  sessions: { label: "Sessions a week", hint: "9 sessions = 1.0 WTE" },
  hours: { label: "Hours a week", hint: "37.5 hours = 1.0 WTE" },
};

export interface RoleOption {
  id: string;
  name: string;
  typicalBand: string | null;
}

export interface QuickPostDraft extends PostDraft {
  /** Maximum reimbursable override for the role (£ a year; blank = the year's table). */
  maxReimbursable: string;
}

export function QuickPostFieldset({
  post,
  index,
  roles,
  errorFor,
  capErrorFor,
  onChange,
  onRemove,
}: {
  post: QuickPostDraft;
  index: number;
  roles: RoleOption[];
  errorFor: (path: string) => string | undefined;
  /** The cap override's error (keyed by role, shown on the first post of that role). */
  capErrorFor: (post: QuickPostDraft) => string | undefined;
  onChange: (patch: Partial<QuickPostDraft>) => void;
  onRemove?: (() => void) | undefined;
}) {
  const base = `posts.${index}`;
  const ids = (k: string) => `${base}-${k}`.replaceAll(".", "-");
  const err = (k: string) => errorFor(`${base}.${k}`);
  const isMhp = post.role === "mental-health-practitioner";
  const isGp = post.role === "gp";
  const isAgreed = post.role === "commissioner-approved";
  const twelveMonthRule = TWELVE_MONTH_RULE_ROLES.includes(post.role as RoleId);
  const mode = isGp ? "salary" : post.salaryMode;
  // The size's errors (whichever of wte / sessions / hoursPerWeek it filled) show on its one field.
  const sizeError = err("wte") ?? err("sessions") ?? err("hoursPerWeek");
  const capError = isAgreed ? err("maxReimbursableAnnual") : capErrorFor(post);
  return (
    <fieldset className="nhsuk-fieldset app-post-fieldset" aria-labelledby={`post-legend-${post.key}`}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" id={`post-legend-${post.key}`}>
        Post {index + 1}
      </legend>
      <input type="hidden" name={`${base}.id`} value={post.id} />
      <input type="hidden" name={`${base}.salaryMode`} value={mode} />
      <div className="app-inline-fields">
        <Field id={ids("role")} label="Role" error={err("role")}>
          {(c) => (
            <select
              className={inputClass("nhsuk-select", err("role"), "select")}
              {...c}
              name={`${base}.role`}
              value={post.role}
              onChange={(e) =>
                onChange({
                  role: e.target.value,
                  band: roles.find((r) => r.id === e.target.value)?.typicalBand ?? post.band,
                  salaryMode: e.target.value === "gp" ? "salary" : post.salaryMode,
                  ...(e.target.value !== "gp" && post.sizeUnit === "sessions" ? { sizeUnit: "wte" as const } : {}),
                })
              }
            >
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={ids("wte")} label={SIZE_LABELS[post.sizeUnit].label} hint={SIZE_LABELS[post.sizeUnit].hint} error={sizeError}>
          {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-4", sizeError)} {...c} name={`${base}.wte`} inputMode="decimal" value={post.wte} onChange={(e) => onChange({ wte: e.target.value })} />}
        </Field>
        <Field id={ids("sizeUnit")} label="Entered as">
          {(c) => (
            <select className="nhsuk-select" {...c} name={`${base}.sizeUnit`} value={post.sizeUnit} onChange={(e) => onChange({ sizeUnit: e.target.value as SizeUnit })}>
              <option value="wte">WTE</option>
              {isGp ? <option value="sessions">Sessions a week (GP)</option> : null}
              <option value="hours">Hours a week</option>
            </select>
          )}
        </Field>
        <Field id={ids("area")} label="Area" error={err("area")}>
          {(c) => (
            <select className="nhsuk-select" {...c} name={`${base}.area`} value={post.area} onChange={(e) => onChange({ area: e.target.value })}>
              {AREAS.map((a) => (
                <option key={a} value={a}>
                  {AREA_LABELS[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {!isGp ? (
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-3">
          <legend className="nhsuk-u-visually-hidden">Salary of post {index + 1}</legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" type="radio" id={ids("mode-band")} name={`${base}.modeRadio`} value="band" checked={mode === "band"} onChange={() => onChange({ salaryMode: "band" })} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={ids("mode-band")}>
                Agenda for Change band and point
              </label>
            </div>
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" type="radio" id={ids("mode-salary")} name={`${base}.modeRadio`} value="salary" checked={mode === "salary"} onChange={() => onChange({ salaryMode: "salary" })} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={ids("mode-salary")}>
                Actual annual salary
              </label>
            </div>
          </div>
        </fieldset>
      ) : null}
      <div className="app-inline-fields">
        {mode === "salary" ? (
          <Field id={ids("annualSalary")} label="Annual salary (£, full-time, including any HCAS)" error={err("annualSalary")}>
            {(c) => (
              <input className={inputClass("nhsuk-input nhsuk-input--width-10", err("annualSalary"))} {...c} name={`${base}.annualSalary`} inputMode="decimal" value={post.annualSalary} onChange={(e) => onChange({ annualSalary: e.target.value })} />
            )}
          </Field>
        ) : null}
        {mode === "band" || isMhp ? (
          <Field id={ids("band")} label="Band" error={err("band")}>
            {(c) => (
              <select className={inputClass("nhsuk-select", err("band"), "select")} {...c} name={`${base}.band`} value={post.band} onChange={(e) => onChange({ band: e.target.value })}>
                {AFC_BANDS.map((b) => (
                  <option key={b} value={b}>
                    Band {b}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {mode === "band" ? (
          <Field id={ids("point")} label="Pay point" hint="1 = entry" error={err("point")}>
            {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-2", err("point"))} {...c} name={`${base}.point`} inputMode="numeric" value={post.point} onChange={(e) => onChange({ point: e.target.value })} />}
          </Field>
        ) : null}
        {isMhp ? (
          <Field id={ids("mhpFunding")} label="MHP funding table" error={err("mhpFunding")}>
            {(c) => (
              <select className="nhsuk-select" {...c} name={`${base}.mhpFunding`} value={post.mhpFunding} onChange={(e) => onChange({ mhpFunding: e.target.value })}>
                <option value="50%">50% (first MHP per band)</option>
                <option value="100%">100% (written agreement)</option>
              </select>
            )}
          </Field>
        ) : null}
        {isAgreed ? (
          <Field id={ids("roleName")} label="Role the ICB approved" hint="For example, Musculoskeletal practitioner" error={err("roleName")}>
            {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-20", err("roleName"))} {...c} name={`${base}.roleName`} value={post.roleName} onChange={(e) => onChange({ roleName: e.target.value })} />}
          </Field>
        ) : null}
        <Field
          id={ids("maxReimbursable")}
          label={isAgreed ? "Maximum the ICB agreed (£ a year, 1.0 WTE)" : "Maximum reimbursable (£ a year, optional)"}
          hint={isAgreed ? "The claim is capped at this, pro rata" : "Blank = the year's table"}
          error={capError}
        >
          {(c) => (
            <input className={inputClass("nhsuk-input nhsuk-input--width-10", capError)} {...c} name={`${base}.maxReimbursable`} inputMode="decimal" value={post.maxReimbursable} onChange={(e) => onChange({ maxReimbursable: e.target.value })} />
          )}
        </Field>
      </div>
      {twelveMonthRule ? (
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-3">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id={ids("employedInLast12Months")} name={`${base}.employedInLast12Months`} type="checkbox" value="yes" checked={post.employedInLast12Months} onChange={(e) => onChange({ employedInLast12Months: e.target.checked })} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={ids("employedInLast12Months")}>
              Worked for the PCN or a member practice in the previous 12 months
            </label>
          </div>
          {post.employedInLast12Months ? (
            <div className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id={ids("moreSeniorRole")} name={`${base}.moreSeniorRole`} type="checkbox" value="yes" checked={post.moreSeniorRole} onChange={(e) => onChange({ moreSeniorRole: e.target.checked })} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={ids("moreSeniorRole")}>
                Moves to a more senior role (still reimbursable)
              </label>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="app-inline-fields">
        <DateInput id={ids("start")} name={`${base}.start`} legend="Start date" hint="Blank = 1 April. For example, 1 10 2025" error={err("start")} value={post.start} onChange={(start) => onChange({ start })} />
        <DateInput id={ids("end")} name={`${base}.end`} legend="End date" hint="Blank = 31 March" error={err("end")} value={post.end} onChange={(end) => onChange({ end })} />
      </div>
      {onRemove ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRemove}>
          Remove post {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}
