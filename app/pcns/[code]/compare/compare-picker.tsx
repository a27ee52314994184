"use client";
// The compare picker: checkboxes of the PCN's scenarios and the baseline. The columns come in the
// order the boxes were ticked; the baseline is the one picked, compared whether its box is ticked
// or not. It updates the page's shareable URL (?ids=a,b,c&baseline=b). Without JavaScript the
// same form submits as a GET (ids=a&ids=b&baseline=a, in the list's order), which the page reads
// just as well.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { ErrorMessage } from "@/app/components/ui/field";
import { MAX_COMPARED, MIN_COMPARED } from "@/lib/planner/compare";

export interface PickerScenario {
  id: string;
  name: string;
  firstYear: string;
  years: number;
  postCount: number;
  /** The PCN's agreed plan (issue 17): labelled. */
  agreed?: boolean;
}

/**
 * The scenarios compared, in the columns' order: those ticked, in the order ticked, the baseline
 * first if it was not ticked. No baseline picked ("") means the first one ticked.
 */
export function comparedOrder(checked: readonly string[], baseline: string): string[] {
  return baseline && !checked.includes(baseline) ? [baseline, ...checked] : [...checked];
}

export function ComparePicker({ path, scenarios, selected, baseline: initialBaseline }: { path: string; scenarios: PickerScenario[]; selected: string[]; baseline?: string }) {
  const router = useRouter();
  const [checked, setChecked] = useState<string[]>(selected.filter((id) => scenarios.some((s) => s.id === id)));
  // Until one is picked, the baseline is the first scenario ticked (""): a scenario the user never
  // chose (the list's first) must not join the comparison and make one ticked box look like two.
  const [baseline, setBaseline] = useState<string>(initialBaseline && scenarios.some((s) => s.id === initialBaseline) ? initialBaseline : "");
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const toggle = (id: string, on: boolean) => setChecked((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const chooseBaseline = (id: string) => setBaseline(id);
  const ordered = comparedOrder(checked, baseline);
  const baselineId = baseline || ordered[0] || "";
  const nameOf = (id: string) => scenarios.find((s) => s.id === id)?.name ?? id;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (ordered.length < MIN_COMPARED || ordered.length > MAX_COMPARED) {
      setError(ordered.length < MIN_COMPARED ? `Pick at least ${MIN_COMPARED} scenarios to compare.` : `Pick at most ${MAX_COMPARED} scenarios: you picked ${ordered.length}.`);
      setAttempt((n) => n + 1);
      return;
    }
    setError(null);
    router.push(`${path}?ids=${ordered.map(encodeURIComponent).join(",")}&baseline=${encodeURIComponent(baselineId)}`);
  }

  return (
    <form method="get" action={path} onSubmit={submit} noValidate className="app-no-print" data-testid="compare-picker">
      {error ? <ErrorSummary titleId="picker-error-title" focusKey={attempt} items={[{ href: "#compare-ids-first", text: error }]} /> : null}
      <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={`compare-ids-hint${error ? " compare-ids-error" : ""}`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Scenarios to compare</legend>
          <div className="nhsuk-hint" id="compare-ids-hint">
            Pick {MIN_COMPARED} to {MAX_COMPARED}, the baseline included. The columns come in the order you tick them.
          </div>
          {error ? <ErrorMessage id="compare-ids-error">{error}</ErrorMessage> : null}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id="compare-ids">
            {scenarios.map((s, i) => (
              <div className="nhsuk-checkboxes__item" key={s.id}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={i === 0 ? "compare-ids-first" : `compare-ids-${s.id}`}
                  name="ids"
                  type="checkbox"
                  value={s.id}
                  checked={checked.includes(s.id)}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={i === 0 ? "compare-ids-first" : `compare-ids-${s.id}`}>
                  {s.name}{" "}
                  {s.agreed ? <strong className="nhsuk-tag nhsuk-tag--green">Agreed plan</strong> : null}
                  <span className="nhsuk-body-s app-basis">
                    {s.firstYear}, {s.years} year{s.years === 1 ? "" : "s"}, {s.postCount} post{s.postCount === 1 ? "" : "s"}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="nhsuk-form-group app-compact-group">
        <label className="nhsuk-label" htmlFor="compare-baseline">
          Baseline
        </label>
        <div className="nhsuk-hint" id="compare-baseline-hint">
          The other scenarios are shown as a difference from this one.
        </div>
        <select className="nhsuk-select" id="compare-baseline" name="baseline" aria-describedby="compare-baseline-hint" value={baseline} onChange={(e) => chooseBaseline(e.target.value)}>
          <option value="">The first one ticked</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {ordered.length ? (
        <p className="nhsuk-body-s" data-testid="compare-order" aria-live="polite">
          Columns, in order: {ordered.map((id) => `${nameOf(id)}${id === baselineId ? " (baseline)" : ""}`).join(", ")}.
        </p>
      ) : null}
      <button className="nhsuk-button" type="submit" data-testid="compare-submit">
        Compare
      </button>
    </form>
  );
}
