"use client";

import { Fragment, useActionState, useState } from "react";
import { estimateAction, type EstimateFormState } from "@/app/estimate-action";
import { MonthlyChart } from "@/app/components/monthly-chart";
import { AFC_BANDS } from "@/lib/engine/roles";
import { formatDecimal, formatMonth, formatPounds, formatWte } from "@/lib/format";

export interface RoleOption {
  id: string;
  name: string;
  typicalBand: string | null;
}

export interface PcnOption {
  code: string;
  name: string;
}

interface PostDraft {
  key: number;
  id: string;
  role: string;
  salaryMode: "salary" | "band";
  annualSalary: string;
  band: string;
  point: string;
  wte: string;
  area: string;
  start: string;
  end: string;
  mhpFunding: string;
  maxReimbursable: string;
}

const AREAS: [string, string][] = [
  ["national", "National (outside London)"],
  ["outer-london", "Outer London"],
  ["inner-london", "Inner London"],
  ["fringe", "Fringe (HCAS, national cap)"],
];

/** The figures a user may replace in "Change the figures": [assumption key, label, hint]. */
const ASSUMPTION_FIELDS: [string, string, string | undefined][] = [
  ["arrsRatePerWeightedPatient", "ARRS rate (£ per weighted patient)", undefined],
  ["employerNiRate", "Employer NI rate", "e.g. 0.15"],
  ["employerNiThresholdAnnual", "NI threshold (£ a year)", undefined],
  ["employerPensionRate", "Employer pension rate", "e.g. 0.1438"],
];

function newPost(key: number): PostDraft {
  return {
    key,
    id: `post-${key}`,
    role: "occupational-therapist",
    salaryMode: "band",
    annualSalary: "",
    band: "7",
    point: "1",
    wte: "1.0",
    area: "national",
    start: "",
    end: "",
    mhpFunding: "50%",
    maxReimbursable: "",
  };
}

export function QuickEstimate(props: {
  roles: RoleOption[];
  pcns: PcnOption[];
  financialYears: string[];
  defaultYear: string;
  preselectedPcn?: string;
}) {
  const [state, formAction, pending] = useActionState<EstimateFormState, FormData>(estimateAction, {});
  const [posts, setPosts] = useState<PostDraft[]>([newPost(1)]);
  const [nextKey, setNextKey] = useState(2);
  const [pcnMode, setPcnMode] = useState<"population" | "code">(props.preselectedPcn ? "code" : "population");
  // Every input is controlled: React resets uncontrolled fields after a form action.
  const [top, setTop] = useState<Record<string, string>>({
    financialYear: props.defaultYear,
    weightedPopulation: "48213.7",
    pcnCode: props.preselectedPcn ?? props.pcns[0]?.code ?? "",
    ...Object.fromEntries(ASSUMPTION_FIELDS.map(([key]) => [`assumptions.${key}`, ""])),
  });
  const bind = (name: string) => ({ name, value: top[name] ?? "", onChange: (e: { target: { value: string } }) => setTop((t) => ({ ...t, [name]: e.target.value })) });
  const issues = state.issues ?? [];
  const errorFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const update = (key: number, patch: Partial<PostDraft>) => setPosts((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const field = (path: string, label: string, input: React.ReactNode, hint?: string) => {
    const err = errorFor(path);
    const id = path.replaceAll(".", "-");
    return (
      <div className={`nhsuk-form-group${err ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {err ? (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {err}
          </span>
        ) : null}
        {input}
      </div>
    );
  };
  const described = (path: string, hint?: boolean) => {
    const id = path.replaceAll(".", "-");
    return [hint ? `${id}-hint` : "", errorFor(path) ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  };

  return (
    <>
      <form action={formAction} noValidate aria-describedby="estimate-intro">
        {issues.length > 0 || state.message ? (
          <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1}>
            <h2 className="nhsuk-error-summary__title" id="error-summary-title">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {issues.length
                  ? issues.map((i) => (
                      <li key={`${i.path}:${i.message}`}>
                        <a href={`#${i.path.replaceAll(".", "-") || "financialYear"}`}>{i.message}</a>
                      </li>
                    ))
                  : <li>{state.message}</li>}
              </ul>
            </div>
          </div>
        ) : null}
        <input type="hidden" name="postCount" value={posts.length} />
        <div className="app-inline-fields">
          {field(
            "financialYear",
            "Financial year",
            <select className="nhsuk-select" id="financialYear" {...bind("financialYear")}>
              {props.financialYears.map((fy) => (
                <option key={fy} value={fy}>
                  {fy}
                </option>
              ))}
            </select>,
          )}
        </div>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Which PCN?</legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id="pcnMode-population" name="pcnMode" type="radio" value="population" checked={pcnMode === "population"} onChange={() => setPcnMode("population")} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor="pcnMode-population">
                Enter a weighted population
              </label>
            </div>
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id="pcnMode-code" name="pcnMode" type="radio" value="code" checked={pcnMode === "code"} onChange={() => setPcnMode("code")} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor="pcnMode-code">
                Choose a PCN
              </label>
            </div>
          </div>
          {pcnMode === "population"
            ? field(
                "pcn.weightedPopulation",
                "Contractor weighted population at 1 January",
                <input className="nhsuk-input nhsuk-input--width-10" id="pcn-weightedPopulation" inputMode="decimal" {...bind("weightedPopulation")} aria-describedby={described("pcn.weightedPopulation", true)} />,
                "From your ICB's ARRS letter (Carr-Hill weighted, not the adjusted population).",
              )
            : field(
                "pcn.code",
                "PCN code",
                <>
                  <input
                    className="nhsuk-input nhsuk-input--width-10"
                    id="pcn-code"
                    list="pcn-code-options"
                    autoComplete="off"
                    spellCheck={false}
                    {...bind("pcnCode")}
                    aria-describedby={described("pcn.code", true)}
                  />
                  <datalist id="pcn-code-options">
                    {props.pcns.map((p) => (
                      <option key={p.code} value={p.code}>
                        {p.name}
                      </option>
                    ))}
                  </datalist>
                </>,
                "For example UZ1001 (a demo PCN). Find any PCN's code with the search above. Its stored weighted population is used, or an estimate, labelled as such.",
              )}
        </fieldset>

        {posts.map((post, i) => {
          const base = `posts.${i}`;
          const ids = (k: string) => `${base}-${k}`.replaceAll(".", "-");
          const isMhp = post.role === "mental-health-practitioner";
          const isGp = post.role === "gp";
          const mode = isGp ? "salary" : post.salaryMode;
          return (
            <fieldset className="nhsuk-fieldset app-post-fieldset" key={post.key} aria-labelledby={`post-legend-${post.key}`}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" id={`post-legend-${post.key}`}>
                Post {i + 1}
              </legend>
              <input type="hidden" name={`${base}.id`} value={post.id} />
              <input type="hidden" name={`${base}.salaryMode`} value={mode} />
              <div className="app-inline-fields">
                {field(
                  `${base}.role`,
                  "Role",
                  <select className="nhsuk-select" id={ids("role")} name={`${base}.role`} value={post.role} onChange={(e) => update(post.key, { role: e.target.value, band: props.roles.find((r) => r.id === e.target.value)?.typicalBand ?? post.band, salaryMode: e.target.value === "gp" ? "salary" : post.salaryMode })}>
                    {props.roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>,
                )}
                {field(
                  `${base}.wte`,
                  "WTE",
                  <input className="nhsuk-input nhsuk-input--width-4" id={ids("wte")} name={`${base}.wte`} inputMode="decimal" value={post.wte} onChange={(e) => update(post.key, { wte: e.target.value })} aria-describedby={described(`${base}.wte`, true)} />,
                  "1.0 = 37.5 hours",
                )}
                {field(
                  `${base}.area`,
                  "Area",
                  <select className="nhsuk-select" id={ids("area")} name={`${base}.area`} value={post.area} onChange={(e) => update(post.key, { area: e.target.value })}>
                    {AREAS.map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>,
                )}
              </div>
              {!isGp ? (
                <div className="nhsuk-radios nhsuk-radios--inline nhsuk-u-margin-bottom-3">
                  <div className="nhsuk-radios__item">
                    <input className="nhsuk-radios__input" type="radio" id={ids("mode-band")} name={`${base}.modeRadio`} checked={mode === "band"} onChange={() => update(post.key, { salaryMode: "band" })} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={ids("mode-band")}>
                      Agenda for Change band and point
                    </label>
                  </div>
                  <div className="nhsuk-radios__item">
                    <input className="nhsuk-radios__input" type="radio" id={ids("mode-salary")} name={`${base}.modeRadio`} checked={mode === "salary"} onChange={() => update(post.key, { salaryMode: "salary" })} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={ids("mode-salary")}>
                      Actual annual salary
                    </label>
                  </div>
                </div>
              ) : null}
              <div className="app-inline-fields">
                {mode === "salary"
                  ? field(
                      `${base}.annualSalary`,
                      "Annual salary (£, full-time, including any HCAS)",
                      <input className="nhsuk-input nhsuk-input--width-10" id={ids("annualSalary")} name={`${base}.annualSalary`} inputMode="decimal" value={post.annualSalary} onChange={(e) => update(post.key, { annualSalary: e.target.value })} aria-describedby={described(`${base}.annualSalary`)} />,
                    )
                  : null}
                {mode === "band" || isMhp
                  ? field(
                      `${base}.band`,
                      "Band",
                      <select className="nhsuk-select" id={ids("band")} name={`${base}.band`} value={post.band} onChange={(e) => update(post.key, { band: e.target.value })}>
                        {AFC_BANDS.map((b) => (
                          <option key={b} value={b}>
                            Band {b}
                          </option>
                        ))}
                      </select>,
                    )
                  : null}
                {mode === "band"
                  ? field(
                      `${base}.point`,
                      "Pay point",
                      <input className="nhsuk-input nhsuk-input--width-2" id={ids("point")} name={`${base}.point`} inputMode="numeric" value={post.point} onChange={(e) => update(post.key, { point: e.target.value })} aria-describedby={described(`${base}.point`, true)} />,
                      "1 = entry",
                    )
                  : null}
                {isMhp
                  ? field(
                      `${base}.mhpFunding`,
                      "MHP funding table",
                      <select className="nhsuk-select" id={ids("mhpFunding")} name={`${base}.mhpFunding`} value={post.mhpFunding} onChange={(e) => update(post.key, { mhpFunding: e.target.value })}>
                        <option value="50%">50% (first MHP per band)</option>
                        <option value="100%">100% (written agreement)</option>
                      </select>,
                    )
                  : null}
                {field(
                  `${base}.start`,
                  "Start date",
                  <input className="nhsuk-input nhsuk-input--width-10" type="date" id={ids("start")} name={`${base}.start`} value={post.start} onChange={(e) => update(post.key, { start: e.target.value })} aria-describedby={described(`${base}.start`, true)} />,
                  "Blank = 1 April",
                )}
                {field(
                  `${base}.end`,
                  "End date",
                  <input className="nhsuk-input nhsuk-input--width-10" type="date" id={ids("end")} name={`${base}.end`} value={post.end} onChange={(e) => update(post.key, { end: e.target.value })} aria-describedby={described(`${base}.end`, true)} />,
                  "Blank = 31 March",
                )}
                {field(
                  `assumptions.maxReimbursableAnnual.${post.role}`,
                  "Maximum reimbursable (£ a year, optional)",
                  <input className="nhsuk-input nhsuk-input--width-10" id={`assumptions-maxReimbursableAnnual-${post.role}`} name={`${base}.maxReimbursable`} inputMode="decimal" value={post.maxReimbursable} onChange={(e) => update(post.key, { maxReimbursable: e.target.value })} />,
                  "Blank = the year's table",
                )}
              </div>
              {posts.length > 1 ? (
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setPosts((ps) => ps.filter((p) => p.key !== post.key))}>
                  Remove post {i + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Change the figures (optional)</span>
          </summary>
          <div className="nhsuk-details__text">
            <p>Leave blank to use the year&apos;s figures (see <a href="/rules">rules and figures</a>). What you enter replaces them in this estimate only and is shown as an override.</p>
            <div className="app-inline-fields">
              {ASSUMPTION_FIELDS.map(([key, label, hint]) => (
                <Fragment key={key}>
                  {field(
                    `assumptions.${key}`,
                    label,
                    <input className="nhsuk-input nhsuk-input--width-5" id={`assumptions-${key}`} inputMode="decimal" {...bind(`assumptions.${key}`)} />,
                    hint,
                  )}
                </Fragment>
              ))}
            </div>
          </div>
        </details>
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              setPosts((ps) => [...ps, { ...newPost(nextKey) }]);
              setNextKey((k) => k + 1);
            }}
          >
            Add another post
          </button>
          <button type="submit" className="nhsuk-button" disabled={pending} aria-disabled={pending}>
            {pending ? "Calculating…" : "Calculate"}
          </button>
        </div>
      </form>
      {state.result ? <EstimateResult result={state.result} /> : null}
    </>
  );
}

function EstimateTag({ show }: { show: boolean }) {
  return show ? <strong className="nhsuk-tag nhsuk-tag--orange app-estimate-tag">Estimate</strong> : null;
}

function EstimateResult({ result }: { result: NonNullable<EstimateFormState["result"]> }) {
  const wp = result.weightedPopulation;
  const wpEstimate = wp.provenance === "estimate";
  const rateEstimate = result.estimates.some((e) => e.id.includes("ARRS") && e.id.includes("rate"));
  const capEstimateRoles = new Set(result.estimates.filter((e) => e.id.includes("maximum reimbursable")).map((e) => e.id));
  return (
    <section aria-labelledby="result-heading" data-testid="estimate-result">
      <h2 id="result-heading">
        Estimate for {result.financialYear}
        {result.pcn ? `: ${result.pcn.name} (${result.pcn.code})` : ""}
      </h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Weighted population</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDecimal(wp.value)} {wpEstimate ? <EstimateTag show /> : null}
            <span className="nhsuk-hint nhsuk-u-margin-bottom-0 app-block">{wp.provenance === "given" ? "as entered" : wp.basis ?? wp.provenance}</span>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">ARRS entitlement</dt>
          <dd className="nhsuk-summary-list__value" data-testid="entitlement">
            {formatPounds(result.entitlement)} <EstimateTag show={wpEstimate || rateEstimate} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Claimable this year</dt>
          <dd className="nhsuk-summary-list__value">{formatPounds(result.totals.claimable)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Funded by the PCN</dt>
          <dd className="nhsuk-summary-list__value">{formatPounds(result.totals.pcnFunded)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Headroom</dt>
          <dd className={`nhsuk-summary-list__value${result.totals.headroom < 0 ? " app-negative" : ""}`} data-testid="headroom">
            {formatPounds(result.totals.headroom)} {result.totals.headroom < 0 ? "(over-committed)" : "left of the entitlement"}
          </dd>
        </div>
      </dl>
      {/* Focusable so keyboard users can scroll a table wider than the screen. */}
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Posts: cost, claimable and PCN-funded">
        <table className="nhsuk-table" data-testid="posts-table">
          <caption className="nhsuk-table__caption">Posts for {result.financialYear}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Post</th>
              <th scope="col" className="app-numeric">Salary</th>
              <th scope="col" className="app-numeric">Employer NI</th>
              <th scope="col" className="app-numeric">Employer pension</th>
              <th scope="col" className="app-numeric">Cost</th>
              <th scope="col" className="app-numeric">Maximum claimable</th>
              <th scope="col" className="app-numeric">Claimable</th>
              <th scope="col" className="app-numeric">PCN-funded</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {result.posts.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.roleName}
                  <span className="nhsuk-hint nhsuk-u-margin-bottom-0 app-block">
                    {formatWte(p.wte)}, {formatPounds(p.annualSalary)} a year full-time
                  </span>
                </th>
                <td className="app-numeric">{formatPounds(p.salary)}</td>
                <td className="app-numeric">{formatPounds(p.employerNi)}</td>
                <td className="app-numeric">{formatPounds(p.employerPension)}</td>
                <td className="app-numeric">{formatPounds(p.cost)}</td>
                <td className="app-numeric">
                  {formatPounds(p.cap)}
                  <EstimateTag show={[...capEstimateRoles].some((id) => id.includes(`: ${p.role}`) || id.includes("mental health practitioner"))} />
                </td>
                <td className="app-numeric">{formatPounds(p.claimable)}</td>
                <td className="app-numeric">{formatPounds(p.pcnFunded)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="app-numeric" colSpan={3}></td>
              <td className="app-numeric">{formatPounds(result.totals.cost)}</td>
              <td></td>
              <td className="app-numeric">{formatPounds(result.totals.claimable)}</td>
              <td className="app-numeric">{formatPounds(result.totals.pcnFunded)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <MonthlyChart months={result.months} />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Month by month</span>
        </summary>
        <div className="nhsuk-details__text app-table-scroll" tabIndex={0} role="region" aria-label="Plan month by month">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Plan month by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="app-numeric">Cost</th>
                <th scope="col" className="app-numeric">Claimable</th>
                <th scope="col" className="app-numeric">PCN-funded</th>
                <th scope="col" className="app-numeric">Headroom after claims</th>
              </tr>
            </thead>
            <tbody>
              {result.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month)}</th>
                  <td className="app-numeric">{formatPounds(m.cost)}</td>
                  <td className="app-numeric">{formatPounds(m.claimable)}</td>
                  <td className="app-numeric">{formatPounds(m.pcnFunded)}</td>
                  <td className={`app-numeric${m.headroom < 0 ? " app-negative" : ""}`}>{formatPounds(m.headroom)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {result.estimates.length ? (
        <div className="nhsuk-warning-callout" data-testid="estimates">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Figures that are estimates
            </span>
          </h3>
          <p>These figures were not found in a published source, or were derived. Check them against the DES and your ICB, and replace them with the published figure when you have it.</p>
          <ul>
            {result.estimates.map((e) => (
              <li key={e.id}>
                <strong>{e.label}</strong>: {e.label.toLowerCase().includes("rate") && e.value < 1 ? e.value : formatDecimal(e.value)} — {e.source}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.warnings.length || result.posts.some((p) => p.warnings.length) ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
            {result.posts.flatMap((p) => p.warnings.map((w) => <li key={`${p.id}:${w}`}>{`${p.roleName}: ${w}`}</li>))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
