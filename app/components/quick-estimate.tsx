"use client";
// The home page's quick estimate: year, PCN (weighted population or code), posts → the server
// action prices them (lib/server/scenarios/estimate) and the result shows below.
//
// Every input is controlled, and the form is submitted from onSubmit (not by React's automatic
// form-action handling): React resets a form after its action completes, and the reset restores
// controlled radios and selects to the values they first rendered with ("Enter a weighted
// population" while the state — and so the submitted request — still said "Choose a PCN").
// Without JavaScript the form still posts to the same action.
import { Fragment, startTransition, useActionState, useState, type FormEvent } from "react";
import { estimateAction, type EstimateFormState } from "@/app/estimate-action";
import dynamic from "next/dynamic";
import { QuickPostFieldset, type QuickPostDraft, type RoleOption } from "@/app/components/quick-estimate-post";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { Field, Options } from "@/app/components/ui/field";
import { newPostDraft } from "@/lib/planner/new-post-draft";
import { QuickUpliftChoice, type UpliftYear } from "@/app/components/quick-estimate-uplift";

// The result and its downloads load when there is a result (still rendered on the server for a
// form posted without JavaScript): the home page's first load carries only the form.
const EstimateResult = dynamic(() => import("@/app/components/estimate-result").then((m) => m.EstimateResult));
const EstimateDownloads = dynamic(() => import("@/app/components/estimate-downloads").then((m) => m.EstimateDownloads));

export type { RoleOption } from "@/app/components/quick-estimate-post";

export interface PcnOption {
  code: string;
  name: string;
}

/** The figures a user may replace in "Change the figures": [assumption key, label, hint]. */
const ASSUMPTION_FIELDS: [string, string, string | undefined][] = [
  ["arrsRatePerWeightedPatient", "ARRS rate (£ per weighted patient)", undefined],
  ["employerNiRate", "Employer NI rate", "e.g. 0.15"],
  ["employerNiThresholdAnnual", "NI threshold (£ a year)", undefined],
  ["employerPensionRate", "Employer pension rate", "e.g. 0.1438"],
];

function newPost(key: number): QuickPostDraft {
  return { ...newPostDraft(String(key), `post-${key}`), maxReimbursable: "" };
}

export function QuickEstimate(props: {
  roles: RoleOption[];
  pcns: PcnOption[];
  financialYears: string[];
  defaultYear: string;
  preselectedPcn?: string;
  /** Years whose rules have an expected backdated uplift table (the page's server reads the rules). */
  uplifts?: Record<string, UpliftYear>;
  /** "Save as a scenario" (signed-in editors): a server action taking the same form fields. */
  saveAsScenario?: (form: FormData) => Promise<void>;
}) {
  const [state, formAction, pending] = useActionState<EstimateFormState, FormData>(estimateAction, {});
  const [posts, setPosts] = useState<QuickPostDraft[]>([newPost(1)]);
  const [nextKey, setNextKey] = useState(2);
  const [pcnMode, setPcnMode] = useState<"population" | "code">(props.preselectedPcn ? "code" : "population");
  const [top, setTop] = useState<Record<string, string>>({
    financialYear: props.defaultYear,
    weightedPopulation: "48213.7",
    pcnCode: props.preselectedPcn ?? props.pcns[0]?.code ?? "",
    alreadyCommitted: "",
    ...Object.fromEntries(ASSUMPTION_FIELDS.map(([key]) => [`assumptions.${key}`, ""])),
    "assumptions.expectedUplift": "",
  });
  const bind = (name: string) => ({ name, value: top[name] ?? "", onChange: (e: { target: { value: string } }) => setTop((t) => ({ ...t, [name]: e.target.value })) });
  const issues = state.issues ?? [];
  const errorFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const update = (key: string, patch: Partial<QuickPostDraft>) => setPosts((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  // A cap override is per role: its error shows on the first post of that role.
  const capErrorFor = (post: QuickPostDraft) => (posts.find((p) => p.role === post.role) === post ? errorFor(`assumptions.maxReimbursableAnnual.${post.role}`) : undefined);
  const hrefFor = (path: string): string => {
    const cap = /^assumptions\.maxReimbursableAnnual\.(.+)$/.exec(path);
    if (cap) {
      const i = posts.findIndex((p) => p.role === cap[1]);
      if (i >= 0) return `#posts-${i}-maxReimbursable`;
    }
    if (/^posts\.\d+\.(start|end)$/.test(path)) return `#${path.replaceAll(".", "-")}-day`;
    // Sessions and hours are typed in the WTE field; the ICB's maximum in the maximum field.
    if (/^posts\.\d+\.(sessions|hoursPerWeek)$/.test(path)) return `#${path.replace(/\.(sessions|hoursPerWeek)$/, ".wte").replaceAll(".", "-")}`;
    if (/^posts\.\d+\.maxReimbursableAnnual$/.test(path)) return `#${path.replace(/\.maxReimbursableAnnual$/, ".maxReimbursable").replaceAll(".", "-")}`;
    return `#${path.replaceAll(".", "-") || "financialYear"}`;
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    if (submitter?.dataset.action === "save-scenario") return; // its own formAction; the page changes
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <>
      <form action={formAction} onSubmit={onSubmit} noValidate aria-describedby="estimate-intro" className="app-no-print">
        {issues.length > 0 || state.message ? (
          <ErrorSummary
            titleId="error-summary-title"
            focusKey={state}
            items={issues.length ? issues.map((i) => ({ key: `${i.path}:${i.message}`, href: hrefFor(i.path), text: i.message })) : [{ text: state.message }]}
          />
        ) : null}
        <input type="hidden" name="postCount" value={posts.length} />
        <div className="app-inline-fields">
          <Field id="financialYear" label="Financial year" error={errorFor("financialYear")}>
            {(c) => (
              <select className="nhsuk-select" {...c} {...bind("financialYear")}>
                <Options values={props.financialYears} />
              </select>
            )}
          </Field>
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
          {pcnMode === "population" ? (
            <Field
              id="pcn-weightedPopulation"
              label="Contractor weighted population at 1 January"
              hint="From your ICB's ARRS letter (Carr-Hill weighted, not the adjusted population)."
              error={errorFor("pcn.weightedPopulation")}
            >
              {(c) => <input className="nhsuk-input nhsuk-input--width-10" {...c} inputMode="decimal" {...bind("weightedPopulation")} />}
            </Field>
          ) : (
            <Field
              id="pcn-code"
              label="PCN code"
              hint="For example UZ1001 (a demo PCN). Find any PCN's code with the search above. Its stored weighted population is used, or an estimate, labelled as such."
              error={errorFor("pcn.code")}
            >
              {(c) => (
                <>
                  <input className="nhsuk-input nhsuk-input--width-10" {...c} list="pcn-code-options" autoComplete="off" spellCheck={false} {...bind("pcnCode")} />
                  <datalist id="pcn-code-options">
                    {props.pcns.map((p) => (
                      <option key={p.code} value={p.code}>
                        {p.name}
                      </option>
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          )}
        </fieldset>
        <Field
          id="alreadyCommitted"
          label="Already committed this year, £ (optional)"
          hint="ARRS money the PCN has already committed this year outside the posts below, such as your current team's claims. It is taken off the headroom."
          error={errorFor("alreadyCommitted")}
        >
          {(c) => <input className="nhsuk-input nhsuk-input--width-10" {...c} inputMode="decimal" autoComplete="off" {...bind("alreadyCommitted")} />}
        </Field>

        {posts.map((post, i) => (
          <QuickPostFieldset
            key={post.key}
            post={post}
            index={i}
            roles={props.roles}
            errorFor={errorFor}
            capErrorFor={capErrorFor}
            onChange={(patch) => update(post.key, patch)}
            onRemove={posts.length > 1 ? () => setPosts((ps) => ps.filter((p) => p.key !== post.key)) : undefined}
          />
        ))}
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Change the figures (optional)</span>
          </summary>
          <div className="nhsuk-details__text">
            <p>
              Leave blank to use the year&apos;s figures (see <a href="/rules">rules and figures</a>). What you enter replaces them in this estimate only and is shown as an override.
            </p>
            <div className="app-inline-fields">
              {ASSUMPTION_FIELDS.map(([key, label, hint]) => (
                <Fragment key={key}>
                  <Field id={`assumptions-${key}`} label={label} hint={hint} error={errorFor(`assumptions.${key}`)}>
                    {(c) => <input className="nhsuk-input nhsuk-input--width-5" {...c} inputMode="decimal" {...bind(`assumptions.${key}`)} />}
                  </Field>
                </Fragment>
              ))}
            </div>
            <QuickUpliftChoice
              year={top.financialYear ?? ""}
              uplift={props.uplifts?.[top.financialYear ?? ""]}
              value={top["assumptions.expectedUplift"] ?? ""}
              onChange={(v) => setTop((t) => ({ ...t, "assumptions.expectedUplift": v }))}
            />
          </div>
        </details>
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              setPosts((ps) => [...ps, newPost(nextKey)]);
              setNextKey((k) => k + 1);
            }}
          >
            Add another post
          </button>
          <button type="submit" className="nhsuk-button" disabled={pending} aria-disabled={pending}>
            {pending ? "Calculating…" : "Calculate"}
          </button>
          {props.saveAsScenario ? (
            <button type="submit" className="nhsuk-button nhsuk-button--secondary" formAction={props.saveAsScenario} data-action="save-scenario" disabled={pending || pcnMode !== "code"} aria-describedby="save-scenario-hint">
              Save as a scenario
            </button>
          ) : null}
        </div>
        {props.saveAsScenario ? (
          <p className="nhsuk-hint" id="save-scenario-hint">
            {pcnMode === "code" ? "Saves these posts as a new scenario of the chosen PCN and opens it in the planner." : "To save as a scenario, choose a PCN."}
          </p>
        ) : null}
      </form>
      {state.result ? <EstimateResult result={state.result} actions={state.request ? <EstimateDownloads request={state.request} /> : null} /> : null}
    </>
  );
}
