"use client";
// "Add a member or change a role": email, PCN (fixed on a PCN's members page), role. Works without
// JavaScript (server action); with it, errors appear without a reload and the summary takes focus.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { ErrorMessage, describedBy, inputClass } from "@/app/components/ui/field";
import { grantMembershipAction } from "./actions";
import { initialGrantFormState, type GrantFormField, type MembersPage } from "./form-state";

const LABELS: Record<GrantFormField, string> = { email: "Email address", pcnCode: "PCN code", role: "Role" };

const ROLES = [
  { value: "viewer", label: "Viewer", hint: "Sees the PCN's scenarios, their exports and history." },
  { value: "editor", label: "Editor", hint: "Also creates and changes scenarios, and enters the ICB-confirmed weighted population." },
  { value: "admin", label: "PCN admin", hint: "Also manages the PCN's members and sees its audit trail." },
] as const;

export function GrantForm({ page, pcnCode }: { page: MembersPage; /** Fixed PCN (its members page). */ pcnCode?: string }) {
  const [state, formAction, pending] = useActionState(grantMembershipAction, initialGrantFormState(pcnCode ?? ""));
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "saved") savedRef.current?.focus();
  }, [state]);

  const id = (f: GrantFormField) => `member-${f}`;
  const err = (f: GrantFormField) => state.fieldErrors[f];
  const group = (f: GrantFormField) => `nhsuk-form-group${err(f) ? " nhsuk-form-group--error" : ""}`;
  const fieldErrors = (Object.keys(state.fieldErrors) as GrantFormField[]).filter((f) => state.fieldErrors[f]);

  return (
    <form action={formAction} noValidate key={`${state.status}-${state.message}-${JSON.stringify(state.values)}`} className="app-grant-form">
      {state.status === "error" ? (
        <ErrorSummary
          titleId="member-error-summary-title"
          description={`${state.message}${state.message.endsWith("Nothing was changed.") ? "" : " Nothing was changed."}`}
          focusKey={state}
          items={fieldErrors.map((f) => ({ key: f, href: f === "role" ? `#${id("role")}-viewer` : `#${id(f)}`, text: `${LABELS[f]}: ${state.fieldErrors[f]}` }))}
        />
      ) : null}
      {state.status === "saved" ? (
        <div className="nhsuk-inset-text" role="status" tabIndex={-1} ref={savedRef}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{state.message}</p>
        </div>
      ) : null}

      <input type="hidden" name="page" value={page} />

      <div className={group("email")}>
        <label className="nhsuk-label" htmlFor={id("email")}>
          {LABELS.email}
        </label>
        <div className="nhsuk-hint" id={`${id("email")}-hint`}>
          The email of an existing account. A system administrator creates accounts (npm run user -- add).
        </div>
        {err("email") ? <ErrorMessage id={`${id("email")}-error`}>{err("email")}</ErrorMessage> : null}
        <input
          className={inputClass("nhsuk-input nhsuk-u-width-two-thirds", err("email"))}
          id={id("email")}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.values.email}
          aria-describedby={describedBy(id("email"), { hint: true, error: !!err("email") })}
        />
      </div>

      {pcnCode ? (
        <input type="hidden" name="pcnCode" value={pcnCode} />
      ) : (
        <div className={group("pcnCode")}>
          <label className="nhsuk-label" htmlFor={id("pcnCode")}>
            {LABELS.pcnCode}
          </label>
          <div className="nhsuk-hint" id={`${id("pcnCode")}-hint`}>
            For example U12345
          </div>
          {err("pcnCode") ? <ErrorMessage id={`${id("pcnCode")}-error`}>{err("pcnCode")}</ErrorMessage> : null}
          <input
            className={inputClass("nhsuk-input nhsuk-input--width-10", err("pcnCode"))}
            id={id("pcnCode")}
            name="pcnCode"
            type="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={state.values.pcnCode}
            aria-describedby={describedBy(id("pcnCode"), { hint: true, error: !!err("pcnCode") })}
          />
        </div>
      )}

      <div className={group("role")}>
        <fieldset className="nhsuk-fieldset" aria-describedby={err("role") ? `${id("role")}-error` : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{LABELS.role}</legend>
          {err("role") ? <ErrorMessage id={`${id("role")}-error`}>{err("role")}</ErrorMessage> : null}
          <div className="nhsuk-radios">
            {ROLES.map((r) => (
              <div className="nhsuk-radios__item" key={r.value}>
                <input
                  className="nhsuk-radios__input"
                  id={`${id("role")}-${r.value}`}
                  name="role"
                  type="radio"
                  value={r.value}
                  defaultChecked={state.values.role === r.value}
                  aria-describedby={`${id("role")}-${r.value}-hint`}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id("role")}-${r.value}`}>
                  {r.label}
                </label>
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${id("role")}-${r.value}-hint`}>
                  {r.hint}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>

      <button className="nhsuk-button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : "Save role"}
      </button>
    </form>
  );
}
