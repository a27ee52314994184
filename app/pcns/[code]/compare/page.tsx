// Compare two to four scenarios of a PCN side by side (issue 7): /pcns/{code}/compare?ids=a,b,c
// (a shareable URL: the columns in the ids' order; &baseline=b picks the baseline, else the first;
// &view=differences shows only the measures that differ). Each year of their horizons, every measure,
// and every other scenario's difference from the baseline; charts; CSV and XLSX of the same
// figures; a print view. The PCN's members (the scenarios service's rules: viewers too).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/app/components/print-button";
import { formatMonth } from "@/lib/format";
import { comparisonDecimals, differencesOnly } from "@/lib/planner/compare";
import { PLANNER_DEFAULTS } from "@/lib/planner/compute";
import { canRead } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getComparison, type ComparisonResult } from "@/lib/server/scenarios/compare";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { getPcnDetail } from "@/lib/server/pcn-data/pcn-profile";
import { listScenarios, type ScenarioListItem } from "@/lib/server/scenarios/scenarios";
import { compareChartData } from "@/lib/charts/compare";
import { markedFigures } from "@/lib/export/marked-figures";
import { horizonStatusNote } from "@/lib/planner/compare-horizon-note";
import { FigureTag } from "@/app/components/ui/cells";
import { LazyCompareCharts } from "./compare-charts-lazy";
import { ComparePicker } from "./compare-picker";
import { CompareTable } from "./compare-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare scenarios" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ ids?: string | string[]; baseline?: string | string[]; view?: string | string[] }> };

/**
 * The ids asked for, in their order, and the baseline: the one picked, compared even when its box
 * was not ticked (then it comes first).
 */
function requested(ids: string | string[] | undefined, baseline: string | string[] | undefined): { ids: string[]; baseline: string | undefined } {
  const list = [
    ...new Set(
      (Array.isArray(ids) ? ids : [ids ?? ""])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const b = (Array.isArray(baseline) ? baseline[0] : baseline)?.trim() || undefined;
  return { ids: b && !list.includes(b) ? [b, ...list] : list, baseline: b };
}

const percent = (v: number) => `${Math.round(v * 10000) / 100}%`;

function Assumptions({ result }: { result: ComparisonResult }) {
  const c = result.comparison;
  const measures = c.years[0]?.rows.map((r) => r.measure).filter((m) => m.description) ?? [];
  // Estimates and projections used, once each (they are mostly the same rule figures in every scenario), each with its own status.
  const marked = new Map<string, { years: Set<string>; scenarios: Set<string> }>();
  for (const s of result.scenarios) {
    for (const y of s.results.years) {
      for (const f of markedFigures(y)) {
        const m = marked.get(f) ?? { years: new Set<string>(), scenarios: new Set<string>() };
        m.years.add(y.financialYear);
        m.scenarios.add(s.name);
        marked.set(f, m);
      }
    }
  }
  return (
    <section className="app-print-last" aria-labelledby="assumptions" data-testid="compare-assumptions">
      <h2 id="assumptions">Assumptions and sources</h2>
      <dl className="nhsuk-body-s app-compare-definitions">
        {measures.map((m) => (
          <div key={m.id}>
            <dt>{m.label}</dt>
            <dd>{m.description}</dd>
          </div>
        ))}
      </dl>
      <h3>Each scenario</h3>
      <ul className="nhsuk-body-s">
        {result.scenarios.map((s, i) => {
          const a = s.assumptions;
          return (
            <li key={s.id}>
              <strong>{s.name}</strong>
              {c.scenarios[i]?.baseline ? " (baseline)" : ""}: {s.firstYear}, {s.years} year{s.years === 1 ? "" : "s"}, {s.posts.length} post{s.posts.length === 1 ? "" : "s"}, version {s.version}; claim
              lag {a.claimLagMonths ?? PLANNER_DEFAULTS.claimLagMonths} months; pay award in projected years {percent(a.payAward ?? PLANNER_DEFAULTS.payAward)}; rate growth{" "}
              {percent(a.rateGrowth ?? PLANNER_DEFAULTS.rateGrowth)}; population growth {percent(a.populationGrowth ?? PLANNER_DEFAULTS.populationGrowth)}
              {s.results.summary.peakFundingMonth ? `; peak funding needed in ${formatMonth(s.results.summary.peakFundingMonth)}` : ""}.
            </li>
          );
        })}
      </ul>
      <h3>Estimates and projections used</h3>
      {marked.size === 0 ? (
        <p className="nhsuk-body-s">None: every figure is published.</p>
      ) : (
        <ul className="nhsuk-body-s app-compare-marked">
          {[...marked].map(([label, m]) => (
            <li key={label}>
              {label}: {[...m.years].sort().join(", ")}
              {m.scenarios.size < result.scenarios.length ? ` (only ${[...m.scenarios].join("; ")})` : ""}
            </li>
          ))}
        </ul>
      )}
      <p className="nhsuk-body-s">The XLSX download lists every figure each scenario used, with its value, status and source.</p>
    </section>
  );
}

export default async function ComparePage({ params, searchParams }: Props) {
  const code = (await params).code.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(code)) notFound();
  const { ids: rawIds, baseline: rawBaseline, view } = await searchParams;
  const onlyDifferences = (Array.isArray(view) ? view[0] : view) === "differences";
  const db = getDb();
  const pcn = await getPcnDetail(db, code);
  if (!pcn) notFound();
  const user = await getCurrentUser();
  const here = `/pcns/${pcn.code}/compare`;
  const { ids, baseline } = requested(rawIds, rawBaseline);

  const header = (
    <>
      <nav className="nhsuk-breadcrumb app-no-print" aria-label="Breadcrumb">
        <ol className="nhsuk-breadcrumb__list">
          <li className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" href={`/pcns/${pcn.code}`}>
              {pcn.name}
            </Link>
          </li>
          <li className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" href={`/pcns/${pcn.code}/scenarios`}>
              Scenarios
            </Link>
          </li>
        </ol>
      </nav>
      <span className="nhsuk-caption-l">
        {pcn.name} ({pcn.code})
      </span>
      <h1>Compare scenarios</h1>
    </>
  );

  if (!user || !canRead(user, pcn.code)) {
    const next = ids.length ? `${here}?ids=${ids.join(",")}${baseline ? `&baseline=${baseline}` : ""}` : here;
    return (
      <>
        {header}
        <p>Compare two to four of this PCN&apos;s saved scenarios side by side, year by year.</p>
        <div className="nhsuk-inset-text">
          <p>
            {user ? (
              <>Only this PCN&apos;s members can see its scenarios: ask one of its admins to add you.</>
            ) : (
              <>
                <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in</Link> to see and compare this PCN&apos;s scenarios.
              </>
            )}
          </p>
        </div>
      </>
    );
  }

  let live: ScenarioListItem[] = [];
  let result: ComparisonResult | null = null;
  let problem: string | null = null;
  try {
    live = await listScenarios(db, user, pcn.code);
    if (ids.length) result = await getComparison(db, user, pcn.code, ids, undefined, baseline);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problem = e.message;
  }
  const c = result?.comparison;
  const horizonNote = c ? horizonStatusNote(c) : null;
  const base = c?.scenarios.find((s) => s.baseline);
  // The comparison's own query (its order and baseline): the downloads and the view links carry it.
  const query = c && base ? `ids=${c.scenarios.map((s) => encodeURIComponent(s.id)).join(",")}&baseline=${encodeURIComponent(base.id)}` : "";
  const decimals = c ? comparisonDecimals(c) : undefined;
  const shown = (rows: NonNullable<typeof c>["horizon"]) => (onlyDifferences ? differencesOnly(rows) : rows);

  return (
    <>
      {header}
      {problem ? (
        <div className="nhsuk-error-summary" aria-labelledby="compare-error-title" role="alert" tabIndex={-1} data-testid="compare-error">
          <h2 className="nhsuk-error-summary__title" id="compare-error-title">
            {ids.length ? "These scenarios cannot be compared" : "There is a problem"}
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{problem}</p>
            <p>Pick the scenarios again below.</p>
          </div>
        </div>
      ) : null}

      {live.length < 2 && !problem ? (
        <div className="nhsuk-inset-text">
          <p>
            This PCN has {live.length === 0 ? "no saved scenarios" : "one saved scenario"}: comparing needs at least two.{" "}
            <Link href={`/pcns/${pcn.code}/scenarios`}>Create or duplicate a scenario</Link>.
          </p>
        </div>
      ) : null}

      {!c && !problem && live.length >= 2 ? (
        <p className="nhsuk-body-l" data-testid="compare-prompt">
          Pick two to four scenarios to compare them side by side, year by year.
        </p>
      ) : null}

      {c && result ? (
        <>
          <p>
            Baseline: <strong>{base?.name}</strong>. Every other scenario shows its difference from the baseline: <strong>+</strong> and &ldquo;more&rdquo; when it is
            higher, <strong>−</strong> and &ldquo;less&rdquo; when it is lower. The link to this page is shareable with anyone who can see these scenarios.
          </p>
          <div className="nhsuk-button-group app-no-print">
            <a className="nhsuk-button nhsuk-button--secondary" href={`/api/v1/pcns/${pcn.code}/compare.xlsx?${query}`} download data-testid="download-xlsx">
              Download XLSX
            </a>
            <a className="nhsuk-button nhsuk-button--secondary" href={`/api/v1/pcns/${pcn.code}/compare.csv?${query}`} download data-testid="download-csv">
              Download CSV
            </a>
            <PrintButton />
          </div>
          <p className="app-no-print" data-testid="compare-view">
            {onlyDifferences ? (
              <>
                Showing only the measures where a scenario differs from the baseline. <Link href={`${here}?${query}`}>Show every measure</Link>
              </>
            ) : (
              <>
                Showing every measure. <Link href={`${here}?${query}&view=differences`}>Show differences only</Link>
              </>
            )}
          </p>
          <ul className="nhsuk-list app-compare-scenarios">
            {c.scenarios.map((s) => (
              <li key={s.id}>
                <Link href={`/pcns/${pcn.code}/scenarios/${s.id}`}>{s.name}</Link>
                {s.baseline ? " (baseline)" : ""}: {s.financialYears.join(", ")}
                {s.description ? <span className="nhsuk-body-s app-basis">{s.description}</span> : null}
              </li>
            ))}
          </ul>
          <div data-testid="comparison">
            {c.years.map((y) => (
              <section key={y.financialYear} aria-labelledby={`year-${y.financialYear.replace("/", "-")}`} className="app-print-whole">
                <h2 id={`year-${y.financialYear.replace("/", "-")}`}>{y.financialYear}</h2>
                <CompareTable
                  caption={`${y.financialYear}: each scenario, and its difference from the baseline`}
                  scenarios={c.scenarios}
                  rows={shown(y.rows)}
                  status={y.status}
                  decimals={decimals}
                  testId={`compare-${y.financialYear}`}
                />
              </section>
            ))}
            <section aria-labelledby="whole-plan" className="app-print-whole">
              <h2 id="whole-plan">All years of each plan</h2>
              {horizonNote ? (
                <p className="nhsuk-body-s" data-testid="compare-horizon-note">
                  <FigureTag kind={horizonNote.status} /> {horizonNote.text}
                </p>
              ) : null}
              <CompareTable
                caption="Over each scenario's whole plan: sums of its years, and its peak funding needed"
                scenarios={c.scenarios}
                rows={shown(c.horizon)}
                decimals={decimals}
                testId="compare-horizon"
              />
            </section>
          </div>
          <LazyCompareCharts data={compareChartData(c)} />
        </>
      ) : null}

      {live.length >= 2 ? (
        <details className="nhsuk-details app-no-print" open={!c}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{c ? "Compare other scenarios" : "Choose scenarios"}</span>
          </summary>
          <div className="nhsuk-details__text">
            <ComparePicker
              path={here}
              scenarios={live.map((s) => ({ id: s.id, name: s.name, firstYear: s.firstYear, years: s.years, postCount: s.postCount, agreed: s.agreed }))}
              selected={c ? c.scenarios.map((s) => s.id) : ids}
              baseline={base?.id ?? baseline}
            />
          </div>
        </details>
      ) : null}

      {result ? <Assumptions result={result} /> : null}
    </>
  );
}
