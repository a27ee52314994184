// The quick estimate's expected backdated uplift choice (assumption expectedUplift), for a year
// whose rules have an uplift table: the year's default, on, or off. When it is off, the result's
// notes say what switching it on would add (lib/server/estimate.ts).
export interface UpliftYear {
  defaultOn: boolean;
  title: string;
}

const CHOICES = [
  ["", "The year's default"],
  ["on", "Apply it"],
  ["off", "Do not apply it"],
] as const;

export function QuickUpliftChoice({ year, uplift, value, onChange }: { year: string; uplift: UpliftYear | undefined; value: string; onChange: (v: string) => void }) {
  if (!uplift) return null;
  return (
    <div className="nhsuk-form-group" data-testid="quick-uplift">
      <fieldset className="nhsuk-fieldset" aria-describedby="assumptions-expectedUplift-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Expected backdated uplift of the maxima in {year}</legend>
        <div className="nhsuk-hint" id="assumptions-expectedUplift-hint">
          {uplift.title}.{" "}
          {uplift.defaultOn
            ? "On by default: NHS England loaded it and backdated it."
            : "Off by default: not announced, so applying it is an assumption. With it off, the result says what switching it on would add."}
        </div>
        <div className="nhsuk-radios nhsuk-radios--inline nhsuk-radios--small">
          {CHOICES.map(([v, label]) => (
            <div className="nhsuk-radios__item" key={v || "default"}>
              <input
                className="nhsuk-radios__input"
                id={`assumptions-expectedUplift-${v || "default"}`}
                name="assumptions.expectedUplift"
                type="radio"
                value={v}
                checked={value === v}
                onChange={() => onChange(v)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`assumptions-expectedUplift-${v || "default"}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
