"use client";
// The editor's form for the ICB-confirmed weighted population. Works without JavaScript
// (server action); with it, errors appear without a full reload and the summary takes focus.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { describedBy as describedByIds, ErrorMessage, Options } from "@/app/components/ui/field";
import { saveConfirmedWeightedPopulation } from "./actions";
import { initialConfirmedFormState, type ConfirmedFormField } from "./form-state";

const LABELS: Record<ConfirmedFormField, string> = {
  financialYear: "Financial year",
  value: "Weighted population",
  source: "Source",
  enteredBy: "Your name",
  note: "Note (optional)",
};

export function ConfirmedWeightedForm({ code, financialYears, defaultYear }: { code: string; financialYears: string[]; defaultYear: string }) {
  const [state, formAction, pending] = useActionState(saveConfirmedWeightedPopulation, initialConfirmedFormState(defaultYear));
  const savedRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (formRef.current) formRef.current.dataset.ready = "true";
  });
  useEffect(() => {
    if (state.status === "saved") savedRef.current?.focus();
  }, [state]);

  const id = (f: ConfirmedFormField) => `wp-${f}`;
  const errorOf = (f: ConfirmedFormField) => state.fieldErrors[f];
  const group = (f: ConfirmedFormField) => `nhsuk-form-group${errorOf(f) ? " nhsuk-form-group--error" : ""}`;
  const describedBy = (f: ConfirmedFormField, hint: boolean) => describedByIds(id(f), { hint, error: !!errorOf(f) });
  const errorMessage = (f: ConfirmedFormField) => (errorOf(f) ? <ErrorMessage id={`${id(f)}-error`}>{errorOf(f)}</ErrorMessage> : null);
  const fieldErrorList = (Object.keys(state.fieldErrors) as ConfirmedFormField[]).filter((f) => state.fieldErrors[f]);

  return (
    // key: after each submission the fields take the values the server returned.
    <form action={formAction} noValidate key={`${state.status}-${state.message}-${JSON.stringify(state.values)}`} className="app-confirmed-form" ref={formRef}>
      {state.status === "error" ? (
        <ErrorSummary
          titleId="wp-error-summary-title"
          description={`${state.message} Nothing was changed.`}
          focusKey={state}
          items={fieldErrorList.map((f) => ({ key: f, href: `#${id(f)}`, text: `${LABELS[f]}: ${state.fieldErrors[f]}` }))}
        />
      ) : null}
      {state.status === "saved" ? (
        <div className="nhsuk-inset-text app-confirmed-form__saved" role="status" tabIndex={-1} ref={savedRef}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{state.message}</p>
        </div>
      ) : null}

      <input type="hidden" name="code" value={code} />

      <div className={group("financialYear")}>
        <label className="nhsuk-label" htmlFor={id("financialYear")}>
          {LABELS.financialYear}
        </label>
        {errorMessage("financialYear")}
        <select
          className={`nhsuk-select${errorOf("financialYear") ? " nhsuk-select--error" : ""}`}
          id={id("financialYear")}
          name="financialYear"
          defaultValue={state.values.financialYear}
          aria-describedby={describedBy("financialYear", false)}
        >
          <Options values={financialYears} />
        </select>
      </div>

      <div className={group("value")}>
        <label className="nhsuk-label" htmlFor={id("value")}>
          {LABELS.value}
        </label>
        <div className="nhsuk-hint" id={`${id("value")}-hint`}>
          The PCN&apos;s contractor weighted population from the ICB, for example 41250.75 (at most 2 decimal places)
        </div>
        {errorMessage("value")}
        <input
          className={`nhsuk-input nhsuk-input--width-10${errorOf("value") ? " nhsuk-input--error" : ""}`}
          id={id("value")}
          name="value"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.values.value}
          aria-describedby={describedBy("value", true)}
        />
      </div>

      <div className={group("source")}>
        <label className="nhsuk-label" htmlFor={id("source")}>
          {LABELS.source}
        </label>
        <div className="nhsuk-hint" id={`${id("source")}-hint`}>
          Where the figure comes from, for example ICB letter 14 Feb 2025
        </div>
        {errorMessage("source")}
        <input
          className={`nhsuk-input${errorOf("source") ? " nhsuk-input--error" : ""}`}
          id={id("source")}
          name="source"
          type="text"
          autoComplete="off"
          defaultValue={state.values.source}
          aria-describedby={describedBy("source", true)}
        />
      </div>

      <div className={group("note")}>
        <label className="nhsuk-label" htmlFor={id("note")}>
          {LABELS.note}
        </label>
        {errorMessage("note")}
        <textarea
          className={`nhsuk-textarea${errorOf("note") ? " nhsuk-textarea--error" : ""}`}
          id={id("note")}
          name="note"
          rows={2}
          defaultValue={state.values.note}
          aria-describedby={describedBy("note", false)}
        />
      </div>

      <button className="nhsuk-button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : "Save ICB-confirmed figure"}
      </button>
    </form>
  );
}
