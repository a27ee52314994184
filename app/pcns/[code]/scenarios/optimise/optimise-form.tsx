"use client";
// The optimiser's form and results. The solver runs on the server (a server action): the browser's
// CSP allows no WebAssembly compilation, and the figures come from the same engine as the estimate.
import { useState, useTransition } from "react";
import { MoneyCell, WteCell } from "@/app/components/ui/cells";
import { DateInput } from "@/app/components/ui/date-input";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { Field, inputClass, Options } from "@/app/components/ui/field";
import { dateInputToIso, isoToDateParts, type DateParts } from "@/lib/date-input";
import { AREA_LABELS } from "@/lib/engine/roles";
import { formatPounds, formatWte } from "@/lib/format";
import type { FieldIssue } from "@/lib/server/errors";
import { openAsScenarioAction, runOptimiseAction, type OptimiseActionResult, type OptimiseFormInput } from "./actions";

interface RoleOption {
  id: string;
  name: string;
  typicalBand: string | null;
  kind: "afc" | "gp" | "mhp" | "commissioner";
}

interface Row {
  key: number;
  id: string;
  role: string;
  pay: "band" | "salary";
  band: string;
  point: string;
  salary: string;
  area: string;
  start: DateParts;
  wteOptions: string;
  value: string;
  min: string;
  max: string;
  roadmap: boolean;
}

/** Σ value × WTE: up to 6 decimals (value to 2, WTE to 4). */
const formatValue = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 6 });


/** A typed number, or the text itself (the server then says it is not a number), or nothing. */
function num(s: string): unknown {
  const t = s.trim().replace(/^£/, "").replace(/,/g, "");
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
}

/** Which field an issue path points at (for the error summary link and the message beside it). */
function fieldOf(path: string): string | null {
  const m = /^candidates\.(\d+)(?:\.(\w+))?/.exec(path);
  if (m) {
    const f = m[2];
    if (!f) return `cand-${m[1]}-id`;
    if (f === "start") return `cand-${m[1]}-start-day`;
    if (f === "annualSalary") return `cand-${m[1]}-salary`;
    return `cand-${m[1]}-${f}`;
  }
  if (path.startsWith("limits.pcnFundedMax")) return "opt-budget";
  if (path.startsWith("limits.supervision.existingTrainees")) return "opt-trainees";
  if (path.startsWith("limits.supervision")) return "opt-supwte";
  if (path.startsWith("existingPosts") || path.startsWith("assumptions")) return "opt-base";
  if (path.startsWith("financialYear")) return "opt-year";
  return null;
}

/** A mix in words, one line per candidate and WTE. */
function MixText({ chosen }: { chosen: { candidate: string; wte: number; count: number }[] }) {
  if (!chosen.length) return <>No posts added</>;
  return (
    <>
      {chosen.map((c, i) => (
        <span key={`${c.candidate}-${c.wte}`}>
          {i ? <br /> : null}
          <span className="nhsuk-u-nowrap">
            {c.count} × {c.candidate} at {formatWte(c.wte)}
          </span>
        </span>
      ))}
    </>
  );
}

export function OptimiseForm({
  pcnCode,
  scenarios,
  defaultBase,
  financialYears,
  defaultYear,
  roles,
  bands,
  areas,
}: {
  pcnCode: string;
  scenarios: { id: string; name: string; firstYear: string; postCount: number }[];
  defaultBase: string;
  financialYears: string[];
  defaultYear: string;
  roles: RoleOption[];
  bands: string[];
  areas: string[];
}) {
  const initialYear = scenarios.find((s) => s.id === defaultBase)?.firstYear ?? defaultYear;
  const newRow = (key: number, year: string): Row => ({
    key,
    id: key === 0 ? "ot" : `post-${key + 1}`,
    role: "occupational-therapist",
    pay: "band",
    band: "7",
    point: "1",
    salary: "",
    area: "national",
    start: isoToDateParts(`${year.slice(0, 4)}-10-01`),
    wteOptions: "0.5, 0.8, 1.0",
    value: "10",
    min: "0",
    max: "3",
    roadmap: false,
  });
  const [base, setBase] = useState(defaultBase);
  const [year, setYear] = useState(initialYear);
  const [budget, setBudget] = useState("");
  const [supWte, setSupWte] = useState("");
  const [trainees, setTrainees] = useState("");
  const [rows, setRows] = useState<Row[]>(() => [newRow(0, initialYear)]);
  const [nextKey, setNextKey] = useState(1);
  const [result, setResult] = useState<OptimiseActionResult | null>(null);
  const [clientIssues, setClientIssues] = useState<FieldIssue[]>([]);
  const [opening, setOpening] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const issues: FieldIssue[] = clientIssues.length ? clientIssues : result && result.status === "invalid" ? result.issues : [];
  const err = (id: string) => issues.find((i) => fieldOf(i.path) === id)?.message;
  const supervising = supWte.trim() !== "";

  function input(): { input: OptimiseFormInput; dateIssues: FieldIssue[] } {
    const dateIssues: FieldIssue[] = [];
    const candidates = rows.map((r, i) => {
      const d = dateInputToIso(r.start, "Start date");
      if (d.error) dateIssues.push({ path: `candidates.${i}.start`, message: `Candidate ${i + 1}: ${d.error}` });
      const role = roles.find((x) => x.id === r.role);
      const pay =
        r.pay === "salary" || role?.kind === "gp"
          ? { annualSalary: num(r.salary), ...(role?.kind === "mhp" ? { band: r.band } : {}) }
          : { band: r.band, point: num(r.point) };
      return {
        id: r.id,
        role: r.role,
        ...pay,
        area: r.area,
        start: d.iso ?? "",
        wteOptions: r.wteOptions
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map(num),
        value: num(r.value),
        min: num(r.min),
        max: num(r.max),
        ...(supervising ? { roadmap: r.roadmap } : {}),
      };
    });
    return {
      dateIssues,
      input: {
        baseScenarioId: base,
        financialYear: year,
        candidates,
        ...(budget.trim() ? { pcnFundedMax: num(budget) } : {}),
        ...(supervising ? { supervisorWte: num(supWte), ...(trainees.trim() ? { existingTrainees: num(trainees) } : {}) } : {}),
      },
    };
  }

  function run() {
    const { input: body, dateIssues } = input();
    setClientIssues(dateIssues);
    if (dateIssues.length) {
      setResult({ status: "invalid", message: "The optimiser did not run: correct the problems below.", issues: dateIssues });
      return;
    }
    startTransition(async () => setResult(await runOptimiseAction(pcnCode, body)));
  }

  function open(which: number) {
    const { input: body } = input();
    setOpening(which === 0 ? "best" : `alt-${which}`);
    startTransition(async () => {
      const r = await openAsScenarioAction(pcnCode, body, which);
      // On success the action goes to the new scenario; here only on failure.
      setOpening(null);
      setResult(r);
    });
  }

  const invalid = result && result.status === "invalid" ? result : null;
  return (
    <>
      {invalid ? (
        <ErrorSummary
          titleId="optimise-error-title"
          description={invalid.message}
          focusKey={invalid}
          items={invalid.issues.map((i, n) => ({ key: `${i.path}-${n}`, href: fieldOf(i.path) ? `#${fieldOf(i.path)}` : undefined, text: i.message }))}
        />
      ) : null}
      {result && result.status === "error" ? (
        <ErrorSummary titleId="optimise-error-title" description={result.message} focusKey={result} items={[]} />
      ) : null}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <h2>Starting point</h2>
        <div className="app-inline-fields">
          <Field id="opt-base" label="Existing posts" hint="The posts of this scenario stay as they are; the optimiser adds to them." error={err("opt-base")}>
            {(c) => (
              <select
                className="nhsuk-select"
                {...c}
                value={base}
                onChange={(e) => {
                  setBase(e.target.value);
                  const fy = scenarios.find((s) => s.id === e.target.value)?.firstYear;
                  if (fy) setYear(fy);
                }}
              >
                <option value="">None: start from no posts</option>
                {scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.postCount} post{s.postCount === 1 ? "" : "s"}, from {s.firstYear})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="opt-year" label="Financial year" error={err("opt-year")}>
            {(c) => (
              <select className="nhsuk-select" {...c} value={year} onChange={(e) => setYear(e.target.value)}>
                <Options values={financialYears} />
              </select>
            )}
          </Field>
        </div>

        <h2>Limits</h2>
        <p>Claims of the existing and chosen posts together always stay within the PCN&apos;s ARRS entitlement for the year (each pot on its own).</p>
        <div className="app-inline-fields">
          <Field id="opt-budget" label="PCN-funded budget (£, optional)" hint="The most the PCN pays itself for existing and chosen posts in the year, above what ARRS reimburses" error={err("opt-budget")}>
            {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-10", err("opt-budget"))} {...c} type="text" inputMode="decimal" autoComplete="off" value={budget} onChange={(e) => setBudget(e.target.value)} />}
          </Field>
          <Field id="opt-supwte" label="Roadmap supervisors' WTE (optional)" hint="At most 4 roadmap trainees per 1.0 WTE of supervisor" error={err("opt-supwte")}>
            {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-5", err("opt-supwte"))} {...c} type="text" inputMode="decimal" autoComplete="off" value={supWte} onChange={(e) => setSupWte(e.target.value)} />}
          </Field>
          {supervising ? (
            <Field id="opt-trainees" label="Trainees already in post" hint="Leave blank to count the existing posts whose roadmap Stage 2 is not signed off" error={err("opt-trainees")}>
              {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-3", err("opt-trainees"))} {...c} type="text" inputMode="numeric" autoComplete="off" value={trainees} onChange={(e) => setTrainees(e.target.value)} />}
            </Field>
          ) : null}
        </div>

        <h2>Candidate posts</h2>
        <p>
          For each kind of post you could recruit: its pay, start date, the WTE options you would accept, what 1.0 WTE of it is worth to you (any scale, e.g. hours of need met, or a
          priority from 1 to 10), and how many posts you want at least and at most.
        </p>
        {rows.map((r, i) => {
          const role = roles.find((x) => x.id === r.role);
          const bySalary = r.pay === "salary" || role?.kind === "gp";
          const p = `cand-${i}`;
          return (
            <fieldset className="nhsuk-fieldset app-post-fieldset" key={r.key} id={`${p}`} data-testid="candidate">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Candidate {i + 1}</legend>
              <div className="app-inline-fields">
                <Field id={`${p}-id`} label="Short name" hint="Names its posts, e.g. ot-1" error={err(`${p}-id`)}>
                  {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-10", err(`${p}-id`))} {...c} type="text" autoComplete="off" value={r.id} onChange={(e) => update(r.key, { id: e.target.value })} />}
                </Field>
                <Field id={`${p}-role`} label="Role" error={err(`${p}-role`)}>
                  {(c) => (
                    <select className="nhsuk-select" {...c} value={r.role} onChange={(e) => update(r.key, { role: e.target.value, band: roles.find((x) => x.id === e.target.value)?.typicalBand?.replace(/[^0-9a-c]/g, "") || r.band })}>
                      {roles.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id={`${p}-area`} label="Area" error={err(`${p}-area`)}>
                  {(c) => (
                    <select className="nhsuk-select" {...c} value={r.area} onChange={(e) => update(r.key, { area: e.target.value })}>
                      {areas.map((a) => (
                        <option key={a} value={a}>
                          {(AREA_LABELS as Record<string, string>)[a] ?? a}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <div className="app-inline-fields">
                {role?.kind === "gp" ? null : (
                  <Field id={`${p}-pay`} label="Pay">
                    {(c) => (
                      <select className="nhsuk-select" {...c} value={r.pay} onChange={(e) => update(r.key, { pay: e.target.value as Row["pay"] })}>
                        <option value="band">Agenda for Change band and point</option>
                        <option value="salary">Annual salary</option>
                      </select>
                    )}
                  </Field>
                )}
                {!bySalary || role?.kind === "mhp" ? (
                  <Field id={`${p}-band`} label="Band" error={err(`${p}-band`)}>
                    {(c) => (
                      <select className="nhsuk-select" {...c} value={r.band} onChange={(e) => update(r.key, { band: e.target.value })}>
                        {bands.map((b) => (
                          <option key={b} value={b}>
                            {b}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : null}
                {bySalary ? (
                  <Field id={`${p}-salary`} label="Annual salary (£, full time)" error={err(`${p}-salary`)}>
                    {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-10", err(`${p}-salary`))} {...c} type="text" inputMode="decimal" autoComplete="off" value={r.salary} onChange={(e) => update(r.key, { salary: e.target.value })} />}
                  </Field>
                ) : (
                  <Field id={`${p}-point`} label="Pay point" hint="1 = entry" error={err(`${p}-point`)}>
                    {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-2", err(`${p}-point`))} {...c} type="text" inputMode="numeric" autoComplete="off" value={r.point} onChange={(e) => update(r.key, { point: e.target.value })} />}
                  </Field>
                )}
              </div>
              <DateInput id={`${p}-start`} legend="Start date" hint="For example, 1 10 2025" error={err(`${p}-start-day`)} value={r.start} onChange={(start) => update(r.key, { start })} />
              <div className="app-inline-fields">
                <Field id={`${p}-wteOptions`} label="WTE options" hint="Separated by commas, e.g. 0.5, 1.0" error={err(`${p}-wteOptions`)}>
                  {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-10", err(`${p}-wteOptions`))} {...c} type="text" autoComplete="off" value={r.wteOptions} onChange={(e) => update(r.key, { wteOptions: e.target.value })} />}
                </Field>
                <Field id={`${p}-value`} label="Value per 1.0 WTE" error={err(`${p}-value`)}>
                  {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-5", err(`${p}-value`))} {...c} type="text" inputMode="decimal" autoComplete="off" value={r.value} onChange={(e) => update(r.key, { value: e.target.value })} />}
                </Field>
                <Field id={`${p}-min`} label="At least (posts)" error={err(`${p}-min`)}>
                  {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-3", err(`${p}-min`))} {...c} type="text" inputMode="numeric" autoComplete="off" value={r.min} onChange={(e) => update(r.key, { min: e.target.value })} />}
                </Field>
                <Field id={`${p}-max`} label="At most (posts)" error={err(`${p}-max`)}>
                  {(c) => <input className={inputClass("nhsuk-input nhsuk-input--width-3", err(`${p}-max`))} {...c} type="text" inputMode="numeric" autoComplete="off" value={r.max} onChange={(e) => update(r.key, { max: e.target.value })} />}
                </Field>
              </div>
              {supervising ? (
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-form-group">
                  <div className="nhsuk-checkboxes__item">
                    <input className="nhsuk-checkboxes__input" id={`${p}-roadmap`} type="checkbox" checked={r.roadmap} onChange={(e) => update(r.key, { roadmap: e.target.checked })} />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${p}-roadmap`}>
                      In First Contact roadmap training (needs a supervisor)
                    </label>
                  </div>
                </div>
              ) : null}
              {rows.length > 1 ? (
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                  Remove candidate {i + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={rows.length >= 30}
            onClick={() => {
              setRows((rs) => [...rs, newRow(nextKey, year)]);
              setNextKey((k) => k + 1);
            }}
          >
            Add a candidate
          </button>
          <button type="submit" className="nhsuk-button" disabled={pending} aria-disabled={pending} data-testid="run-optimiser">
            {pending && !opening ? "Finding the best mix…" : "Find the best mix"}
          </button>
        </div>
      </form>

      <div aria-live="polite">{result && result.status === "done" ? <Results result={result} opening={opening} pending={pending} onOpen={open} /> : null}</div>
    </>
  );
}

function Results({ result, opening, pending, onOpen }: { result: Extract<OptimiseActionResult, { status: "done" }>; opening: string | null; pending: boolean; onOpen: (which: number) => void }) {
  const r = result.result;
  if (r.status === "infeasible") {
    return (
      <div className="nhsuk-warning-callout" data-testid="optimiser-infeasible">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>No mix fits within the limits
          </span>
        </h2>
        <p>What stops it:</p>
        <ul>
          {r.binding.map((b, i) => (
            <li key={i}>{b.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  const e = r.estimate;
  const tag = e.isEstimate ? ("estimate" as const) : null;
  return (
    <section data-testid="optimiser-result" aria-labelledby="best-mix-title">
      <h2 id="best-mix-title">The best mix</h2>
      <p>
        Value {formatValue(r.objective)} (value × WTE of the posts added){result.base ? <> on top of the posts of &ldquo;{result.base.name}&rdquo;</> : null}. No other mix within the limits
        is worth more: the solver proved it.
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Posts to add">
        <table className="nhsuk-table" data-testid="chosen-table">
          <caption className="nhsuk-table__caption">Posts to add</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col" className="app-numeric">
                WTE each
              </th>
              <th scope="col" className="app-numeric">
                Posts
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {r.chosen.length === 0 ? (
              <tr>
                <td colSpan={3}>None: no candidate fits within the limits beyond the minimums.</td>
              </tr>
            ) : (
              r.chosen.map((c) => (
                <tr key={`${c.candidate}-${c.wte}`}>
                  <th scope="row">{c.candidate}</th>
                  <WteCell wte={c.wte} />
                  <td className="app-numeric">{c.count}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label={`Existing and added posts, ${e.financialYear}`}>
        <table className="nhsuk-table" data-testid="mix-totals">
          <caption className="nhsuk-table__caption">Existing and added posts, {e.financialYear}</caption>
          <tbody className="nhsuk-table__body">
            <tr>
              <th scope="row">Cost</th>
              <MoneyCell pounds={e.totals.cost} tag={tag} />
            </tr>
            <tr>
              <th scope="row">Claimable from ARRS</th>
              <MoneyCell pounds={e.totals.claimable} tag={tag} />
            </tr>
            <tr>
              <th scope="row">PCN-funded</th>
              <MoneyCell pounds={e.totals.pcnFunded} tag={tag} />
            </tr>
            <tr>
              <th scope="row">Entitlement</th>
              <MoneyCell pounds={e.entitlement} tag={tag} />
            </tr>
            <tr>
              <th scope="row">Headroom (entitlement not claimed)</th>
              <MoneyCell pounds={e.totals.headroom} tag={tag} testId="mix-headroom" />
            </tr>
          </tbody>
        </table>
      </div>
      {r.binding.length ? (
        <>
          <h3>What stops a better mix</h3>
          <ul data-testid="binding">
            {r.binding.map((b, i) => (
              <li key={i}>{b.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="nhsuk-button" disabled={pending} aria-disabled={pending} onClick={() => onOpen(0)} data-testid="open-as-scenario">
        {opening === "best" ? "Opening…" : "Open as a new scenario"}
      </button>

      {r.alternatives.length ? (
        <>
          <h3>Next best mixes</h3>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Next best mixes">
            <table className="nhsuk-table" data-testid="alternatives">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Next best mixes</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Mix</th>
                  <th scope="col" className="app-numeric">
                    Value
                  </th>
                  <th scope="col" className="app-numeric">
                    Claimable
                  </th>
                  <th scope="col" className="app-numeric">
                    PCN-funded
                  </th>
                  <th scope="col" className="app-numeric">
                    Headroom
                  </th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {r.alternatives.map((a, i) => (
                  <tr key={i}>
                    <th scope="row">
                      <MixText chosen={a.chosen} />
                    </th>
                    <td className="app-numeric">{formatValue(a.objective)}</td>
                    <MoneyCell pounds={a.totals.claimable} />
                    <MoneyCell pounds={a.totals.pcnFunded} />
                    <MoneyCell pounds={a.totals.headroom} />
                    <td>
                      <button type="button" className="app-link-button app-link-button--blue" disabled={pending} onClick={() => onOpen(i + 1)}>
                        {opening === `alt-${i + 1}` ? "Opening…" : "Open as a scenario"}
                        <span className="nhsuk-u-visually-hidden"> (alternative {i + 1})</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="nhsuk-body-s">
            Figures are {tag ? "estimates" : "from the year's published figures"} for {e.financialYear}; {formatPounds(e.entitlement)} entitlement.
          </p>
        </>
      ) : null}
    </section>
  );
}
