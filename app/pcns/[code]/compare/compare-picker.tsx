"use client";
// The compare picker: checkboxes of the PCN's scenarios and the baseline. It updates the page's
// shareable URL (?ids=baseline,other,…). Without JavaScript the same form submits as a GET
// (ids=a&ids=b&baseline=a), which the page reads just as well.
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
}

export function ComparePicker({ path, scenarios, selected }: { path: string; scenarios: PickerScenario[]; selected: string[] }) {
  const router = useRouter();
  const [checked, setChecked] = useState<string[]>(selected.filter((id) => scenarios.some((s) => s.id === id)));
  const [baseline, setBaseline] = useState<string>(checked[0] ?? scenarios[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const toggle = (id: string, on: boolean) => setChecked((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const chooseBaseline = (id: string) => {
    setBaseline(id);
    if (id && !checked.includes(id)) setChecked((c) => [id, ...c]);
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // The baseline first, then the others in the list's order.
    const picked = scenarios.map((s) => s.id).filter((id) => checked.includes(id));
    const ordered = picked.includes(baseline) ? [baseline, ...picked.filter((id) => id !== baseline)] : picked;
    if (ordered.length < MIN_COMPARED || ordered.length > MAX_COMPARED) {
      setError(ordered.length < MIN_COMPARED ? `Pick at least ${MIN_COMPARED} scenarios to compare.` : `Pick at most ${MAX_COMPARED} scenarios: you picked ${ordered.length}.`);
      setAttempt((n) => n + 1);
      return;
    }
    setError(null);
    router.push(`${path}?ids=${ordered.map(encodeURIComponent).join(",")}`);
  }

  return (
    <form method="get" action={path} onSubmit={submit} noValidate className="app-no-print" data-testid="compare-picker">
      {error ? <ErrorSummary titleId="picker-error-title" focusKey={attempt} items={[{ href: "#compare-ids-first", text: error }]} /> : null}
      <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={`compare-ids-hint${error ? " compare-ids-error" : ""}`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Scenarios to compare</legend>
          <div className="nhsuk-hint" id="compare-ids-hint">
            Pick {MIN_COMPARED} to {MAX_COMPARED}.
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
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button" type="submit" data-testid="compare-submit">
        Compare
      </button>
    </form>
  );
}
