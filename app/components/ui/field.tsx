// A form field in NHS.UK markup: label, hint and error message, with aria-describedby wired to
// whichever of them are shown. The input itself is the caller's (render prop), so any control fits.
import type { ReactNode } from "react";

export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/** The ids an input should be described by: its hint and its error, when shown. */
export function describedBy(id: string, opts: { hint?: boolean; error?: boolean }): string | undefined {
  return [opts.hint ? `${id}-hint` : "", opts.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {children}
    </span>
  );
}

export function Field({
  id,
  label,
  hint,
  error,
  labelClassName,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  labelClassName?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const control: FieldControlProps = { id };
  const described = describedBy(id, { hint: hint !== undefined && hint !== null, error: !!error });
  if (described) control["aria-describedby"] = described;
  if (error) control["aria-invalid"] = true;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}${className ? ` ${className}` : ""}`}>
      <label className={`nhsuk-label${labelClassName ? ` ${labelClassName}` : ""}`} htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && hint !== null ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children(control)}
    </div>
  );
}

/** "nhsuk-input nhsuk-input--width-4" plus the error modifier when the field has an error. */
export function inputClass(base: string, error: unknown, kind: "input" | "select" | "textarea" = "input"): string {
  return error ? `${base} nhsuk-${kind}--error` : base;
}

/** The <option>s of a select whose values are also its labels (financial years, counts). */
export function Options({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </>
  );
}
