"use client";
// The planner's header: the downloads (of the saved version) and the scenario's name,
// description and years.
import type { ReactNode } from "react";
import { PrintButton } from "@/app/components/print-button";
import { Field, inputClass, Options } from "@/app/components/ui/field";
import type { ScenarioDraft } from "@/lib/planner/scenario-draft";

export function PlannerHeader({ scenarioId, dirty, children }: { scenarioId: string; dirty: boolean; children?: ReactNode }) {
  const scenario = { id: scenarioId };
  return (
    <>
      <div className="app-no-print" data-testid="planner-downloads">
        <div className="nhsuk-button-group">
          {[
            ["export.xlsx", "Download XLSX"],
            ["export.csv", "Download CSV (month by month)"],
            ["export.csv?table=claims", "Download claims schedule (CSV)"],
          ].map(([file, label]) => (
            <a key={file} className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" href={`/api/v1/scenarios/${encodeURIComponent(scenario.id)}/${file}`} download>
              {label}
            </a>
          ))}
          <PrintButton small />
        </div>
        <p className="nhsuk-hint">{dirty ? "The downloads are of the saved version: save first to include your changes." : "The downloads are of the saved version, with every figure's source."}</p>
      </div>

      {children}
    </>
  );
}

export function ScenarioDetails({ draft, errors, financialYears, set }: { draft: ScenarioDraft; errors: Record<string, string>; financialYears: string[]; set: (patch: Partial<ScenarioDraft>) => void }) {
  const check = { errors };
  return (
    <details className="nhsuk-details app-no-print">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Name, description and years</span>
      </summary>
      <div className="nhsuk-details__text">
        <Field id="scenario-name" label="Name" error={check.errors.name}>
          {(c) => <input className={inputClass("nhsuk-input", check.errors.name)} {...c} type="text" autoComplete="off" value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field id="scenario-description" label="Description (optional)" error={check.errors.description}>
          {(c) => <textarea className={inputClass("nhsuk-textarea", check.errors.description, "textarea")} {...c} rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} />}
        </Field>
        <div className="app-inline-fields">
          <Field id="scenario-firstYear" label="First financial year" error={check.errors.firstYear}>
            {(c) => (
              <select className="nhsuk-select" {...c} value={draft.firstYear} onChange={(e) => set({ firstYear: e.target.value })}>
                <Options values={financialYears} />
              </select>
            )}
          </Field>
          <Field id="scenario-years" label="Years to plan" error={check.errors.years}>
            {(c) => (
              <select className="nhsuk-select" {...c} value={draft.years} onChange={(e) => set({ years: e.target.value })}>
                {["1", "2", "3", "4", "5"].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
    </details>
  );
}
