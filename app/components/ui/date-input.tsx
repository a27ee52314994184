"use client";
// The NHS.UK date input: day, month and year in three labelled boxes inside a fieldset (not the
// browser's date picker, which shows mm/dd/yyyy to many users). Controlled by its three parts;
// `dateInputToIso` (lib/date-input.ts) turns them into an ISO date or an error message.
import type { ReactNode } from "react";
import type { DateParts } from "@/lib/date-input";
import { ErrorMessage } from "./field";

export function DateInput({
  id,
  name,
  legend,
  legendHidden = false,
  hint,
  error,
  value,
  onChange,
  compact = false,
}: {
  /** Base id: the inputs are `${id}-day`, `${id}-month`, `${id}-year`. */
  id: string;
  /** Form field names `${name}-day` etc. (omit for inputs that are not submitted). */
  name?: string;
  legend: ReactNode;
  legendHidden?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (parts: DateParts) => void;
  /** Smaller labels and no form-group margin (inside a table cell). */
  compact?: boolean;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const item = (part: keyof DateParts, label: string, width: 2 | 4) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label className={`nhsuk-label nhsuk-date-input__label${compact ? " app-date-input__label--compact" : ""}`} htmlFor={`${id}-${part}`}>
          {label}
        </label>
        <input
          className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error ? " nhsuk-input--error" : ""}`}
          id={`${id}-${part}`}
          {...(name ? { name: `${name}-${part}` } : {})}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value[part]}
          onChange={(e) => onChange({ ...value, [part]: e.target.value })}
          {...(error ? { "aria-invalid": true as const } : {})}
        />
      </div>
    </div>
  );
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}${compact ? " app-date-input--compact" : ""}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={described}>
        <legend className={`nhsuk-fieldset__legend${legendHidden ? " nhsuk-u-visually-hidden" : " nhsuk-fieldset__legend--s"}`}>{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="nhsuk-date-input" id={id}>
          {item("day", "Day", 2)}
          {item("month", "Month", 2)}
          {item("year", "Year", 4)}
        </div>
      </fieldset>
    </div>
  );
}
