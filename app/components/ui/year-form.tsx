// "Financial year [select] Show": a plain GET form (works without JavaScript) that reloads a page
// for another year, with the page's message beside the select when the year asked for is refused.
// The outturn and ICB pages use it; `keep` carries the page's other query values (sort, filter).
export function YearForm({ action, testId, years, value, problem, keep = {} }: { action: string; testId: string; years: readonly string[]; value: string; problem: string | null; keep?: Record<string, string | undefined> }) {
  return (
    <form method="get" action={action} className="app-no-print" data-testid={testId}>
      <div className={`nhsuk-form-group app-compact-group${problem ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor="year">
          Financial year
        </label>
        {problem ? (
          <span className="nhsuk-error-message" id="year-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        ) : null}
        <select className="nhsuk-select" id="year" name="year" defaultValue={value} {...(problem ? { "aria-describedby": "year-error" } : {})}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        {Object.entries(keep).map(([name, v]) => (v === undefined ? null : <input key={name} type="hidden" name={name} value={v} />))}{" "}
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </div>
    </form>
  );
}
