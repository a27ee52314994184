// The PCN page's "Population need" section: the need for OT per group and in total as a range,
// every assumption with its status and source, changed through a GET form (works without
// JavaScript; the address is shareable and the public page cache keys on it — lib/page-cache.mjs
// keys on the whole URL, query string included). The same calculation as the API (lib/need).
import Link from "next/link";
import { NeedAssumptionsTables, NeedExplainer, NeedFiguresTable } from "@/app/components/need/need-view";
import { NEED_OVERRIDE_KEYS, type NeedOverrides } from "@/lib/need";
import { formatDate } from "@/lib/format";
import { NeedQuerySchema } from "@/lib/schemas/need";
import { toFieldIssues } from "@/lib/schemas/common";
import { needForPcn } from "@/lib/server/pcn-data/need";
import type { PcnDetail } from "@/lib/server/pcn-data/pcns";

type Params = Record<string, string | string[] | undefined>;
const KNOWN = new Set(NEED_OVERRIDE_KEYS);
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const num = (n: number) => String(Math.round(n * 10000) / 10000);

export function PopulationNeedSection({ pcn, searchParams }: { pcn: PcnDetail; searchParams: Params }) {
  const here = `/pcns/${encodeURIComponent(pcn.code)}`;
  if (!pcn.ageProfile) {
    return (
      <section aria-labelledby="population-need" data-testid="population-need">
        <h2 id="population-need">Population need for occupational therapy</h2>
        <p>No age profile is stored for this PCN, so its population need cannot be estimated.</p>
      </section>
    );
  }

  // Only the assumptions' parameters (the page ignores any other).
  const given: Params = Object.fromEntries(Object.entries(searchParams).filter(([k]) => KNOWN.has(k)));
  const parsed = NeedQuerySchema.safeParse(given);
  const errors: Record<string, string> = {};
  let overrides: NeedOverrides;
  if (parsed.success) overrides = parsed.data;
  else {
    for (const i of toFieldIssues(parsed.error)) errors[i.path.split(".")[0]!] ??= i.message;
    // Calculate with the parameters that are fine; the others keep the built-in figures.
    overrides = {};
    for (const [k, v] of Object.entries(given)) {
      const one = NeedQuerySchema.safeParse({ [k]: v });
      if (one.success && !errors[k.split(".")[0]!]) Object.assign(overrides, one.data);
    }
  }
  const need = needForPcn(pcn, overrides);
  const errorList = Object.entries(errors);
  const rangeKeys = Object.keys(given).filter((k) => k.includes(".") && !errors[k.split(".")[0]!]);
  const changed = need.assumptions.filter((a) => a.overridden).length;

  return (
    <section aria-labelledby="population-need" data-testid="population-need">
      <h2 id="population-need">Population need for occupational therapy</h2>
      {errorList.length ? (
        <div className="nhsuk-error-summary" aria-labelledby="need-error-title" role="alert" tabIndex={-1}>
          <h3 className="nhsuk-error-summary__title" id="need-error-title">
            There is a problem with the assumptions
          </h3>
          <div className="nhsuk-error-summary__body">
            <p>The figures use the built-in value for these until they are corrected:</p>
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {errorList.map(([id, message]) => (
                <li key={id}>
                  <a href={`#need-${id}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <NeedExplainer />
      <p className="nhsuk-body-s">
        From the {need.profileSource === "pcn" ? "PCN's" : "member practices' (added up)"} registered patients by age and sex
        {need.profileDate ? ` on ${formatDate(need.profileDate)}` : ""}.{" "}
        {changed ? `${changed} assumption${changed === 1 ? " is" : "s are"} changed from the built-in figures. ` : ""}
        <span className="app-instructions">
          The same figures as JSON: <a href={`/api/v1${here}/need`}>{`/api/v1${here}/need`}</a> (add the same query parameters).
        </span>
      </p>
      <NeedFiguresTable groups={need.groups} total={need.total} caption="Population need for OT a year: central estimate, and the range below it" />

      <h3 id="need-assumptions">Assumptions</h3>
      <p className="app-instructions">Change any value and recalculate. The address of the page then holds your values, so you can share it.</p>
      <form method="get" action={`${here}#population-need`} noValidate data-testid="need-form">
        {rangeKeys.map((k) => (
          <input key={k} type="hidden" name={k} value={first(given[k]) ?? ""} />
        ))}
        <NeedAssumptionsTables
          assumptions={need.assumptions}
          errors={errors}
          renderInput={(a, control) => (
            <input
              className={`nhsuk-input nhsuk-input--width-5${errors[a.id] ? " nhsuk-input--error" : ""}`}
              {...control}
              name={a.id}
              type="text"
              inputMode="decimal"
              spellCheck={false}
              autoComplete="off"
              defaultValue={errors[a.id] ? (first(given[a.id]) ?? "") : num(a.value)}
            />
          )}
        />
        <div className="nhsuk-button-group app-no-print">
          <button type="submit" className="nhsuk-button" data-testid="need-recalculate">
            Recalculate
          </button>
          <Link className="nhsuk-link" href={`${here}#population-need`}>
            Back to the built-in assumptions
          </Link>
        </div>
      </form>
    </section>
  );
}
