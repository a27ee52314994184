"use client";
// "Create a scenario": name, first year and horizon → the new scenario opens in the planner.
import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { Field, inputClass, Options } from "@/app/components/ui/field";
import { createScenarioAction, type ListFormState } from "./actions";

export function CreateScenarioForm({ pcnCode, financialYears, defaultYear }: { pcnCode: string; financialYears: string[]; defaultYear: string }) {
  const [state, action, pending] = useActionState<ListFormState, FormData>(createScenarioAction.bind(null, pcnCode), {});
  const err = (f: string) => state.issues?.find((i) => i.path === f)?.message;
  return (
    <form action={action} noValidate>
      {state.message ? (
        <ErrorSummary
          titleId="create-error-title"
          description={state.message}
          focusKey={state}
          items={(state.issues ?? []).map((i) => ({ key: i.path, href: `#scenario-${i.path || "name"}`, text: i.message }))}
        />
      ) : null}
      <Field id="scenario-name" label="Name" hint="For example: Add a First Contact OT from October" error={err("name")}>
        {(c) => <input className={inputClass("nhsuk-input nhsuk-u-width-two-thirds", err("name"))} {...c} name="name" type="text" autoComplete="off" defaultValue="" />}
      </Field>
      <div className="app-inline-fields">
        <Field id="scenario-firstYear" label="First financial year" error={err("firstYear")}>
          {(c) => (
            <select className="nhsuk-select" {...c} name="firstYear" defaultValue={defaultYear}>
              <Options values={financialYears} />
            </select>
          )}
        </Field>
        <Field id="scenario-years" label="Years to plan" hint="1 to 5; years without published rules are projected" error={err("years")}>
          {(c) => (
            <select className="nhsuk-select" {...c} name="years" defaultValue="3">
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button className="nhsuk-button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Creating…" : "Create scenario"}
      </button>
    </form>
  );
}
