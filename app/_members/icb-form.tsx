"use client";
// "Make someone an ICB viewer" (system administrators, /admin/users): email and ICB code. Works
// without JavaScript (server action); with it, errors appear without a reload.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { ErrorMessage, describedBy, inputClass } from "@/app/components/ui/field";
import { grantIcbAction } from "./icb-actions";
import { initialIcbFormState } from "./form-state";

type Field = "email" | "icbCode";
const LABELS: Record<Field, string> = { email: "Email address", icbCode: "ICB code" };
const HINTS: Record<Field, string> = {
  email: "The email of an existing account. A system administrator creates accounts (npm run user -- add).",
  icbCode: "Three letters or digits, for example QUY",
};

export function IcbGrantForm() {
  const [state, formAction, pending] = useActionState(grantIcbAction, initialIcbFormState);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "saved") savedRef.current?.focus();
  }, [state]);
  const id = (f: Field) => `icb-${f}`;
  const err = (f: Field) => state.fieldErrors[f];
  const fieldErrors = (Object.keys(state.fieldErrors) as Field[]).filter((f) => state.fieldErrors[f]);

  return (
    <form action={formAction} noValidate key={`${state.status}-${state.message}-${JSON.stringify(state.values)}`} className="app-grant-form">
      {state.status === "error" ? (
        <ErrorSummary
          titleId="icb-error-summary-title"
          description={`${state.message}${state.message.endsWith("Nothing was changed.") ? "" : " Nothing was changed."}`}
          focusKey={state}
          items={fieldErrors.map((f) => ({ key: f, href: `#${id(f)}`, text: `${LABELS[f]}: ${state.fieldErrors[f]}` }))}
        />
      ) : null}
      {state.status === "saved" ? (
        <div className="nhsuk-inset-text" role="status" tabIndex={-1} ref={savedRef}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{state.message}</p>
        </div>
      ) : null}
      {(["email", "icbCode"] as const).map((f) => (
        <div className={`nhsuk-form-group${err(f) ? " nhsuk-form-group--error" : ""}`} key={f}>
          <label className="nhsuk-label" htmlFor={id(f)}>
            {LABELS[f]}
          </label>
          <div className="nhsuk-hint" id={`${id(f)}-hint`}>
            {HINTS[f]}
          </div>
          {err(f) ? <ErrorMessage id={`${id(f)}-error`}>{err(f)}</ErrorMessage> : null}
          <input
            className={inputClass(f === "email" ? "nhsuk-input nhsuk-u-width-two-thirds" : "nhsuk-input nhsuk-input--width-5", err(f))}
            id={id(f)}
            name={f}
            type={f === "email" ? "email" : "text"}
            autoComplete="off"
            spellCheck={false}
            defaultValue={state.values[f]}
            aria-describedby={describedBy(id(f), { hint: true, error: !!err(f) })}
          />
        </div>
      ))}
      <button className="nhsuk-button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : "Make ICB viewer"}
      </button>
    </form>
  );
}
