"use client";
// The summary's headline figures (entitlement, cost, claimable, PCN-funded, headroom) for the
// year shown, each tagged Estimate / Projection as the year's figures are: compact and sticky
// under the save bar, so they stay in view in every section, on a laptop and on a phone.
import { FigureTag } from "@/app/components/ui/cells";
import { formatPounds } from "@/lib/format";
import type { ScenarioResults } from "@/lib/planner/types";
import { yearTag } from "./results";
import { EmptyTeamNote } from "./empty-team";

/** Reasons for left-out posts said in the (sticky) headline; any more are in the year in detail. */
const SHOWN_REASONS = 2;

export function HeadlineFigures({
  results,
  yearIndex,
  onYear,
  stale,
  postsLeftOut,
  leftOutReasons = [],
  emptyTeamImportHref,
}: {
  results: ScenarioResults;
  yearIndex: number;
  onYear: (i: number) => void;
  /** The figures are from before the last change (the draft cannot be calculated). */
  stale: boolean;
  postsLeftOut: number;
  /** Why each post is left out (its first error): said here, beside the headline figures. */
  leftOutReasons?: string[];
  /** Set when the plan has no existing post: the headroom is then the whole entitlement (issue 16); the import page's address. */
  emptyTeamImportHref?: string;
}) {
  const y = results.years[yearIndex] ?? results.years[0];
  if (!y) return null;
  const tag = yearTag(y);
  const over = y.totals.headroom < 0;
  const warnings = new Set([...y.warnings, ...y.posts.flatMap((p) => p.warnings.map((w) => `${p.id}: ${w}`)), ...y.supervision.warnings]).size;
  const figure = (label: string, testId: string, pence: number, kind: Parameters<typeof FigureTag>[0]["kind"], negative = false) => (
    <div className="app-headline__item">
      <dt className="app-headline__label">{label}</dt>
      <dd className={`app-headline__value${negative ? " app-negative" : ""}`} data-testid={testId}>
        {formatPounds(pence)}
        {negative ? <span className="nhsuk-u-visually-hidden"> (over-committed)</span> : null} <FigureTag kind={kind} />
      </dd>
    </div>
  );
  return (
    <div className="app-headline" data-testid="planner-summary" data-planner-summary="">
      <div className="app-headline__year">
        {results.years.length > 1 ? (
          <>
            <label className="app-headline__label" htmlFor="summary-year">
              Year shown
            </label>
            <select className="nhsuk-select app-headline__select" id="summary-year" value={yearIndex} onChange={(e) => onYear(Number(e.target.value))}>
              {results.years.map((r, i) => (
                <option key={r.financialYear} value={i}>
                  {r.financialYear}
                  {r.projection ? " (projection)" : ""}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="app-headline__label">{y.financialYear}</span>
        )}
      </div>
      <dl className="app-headline__list" aria-label={`Headline figures for ${y.financialYear}`}>
        {figure("Entitlement", "summary-entitlement", y.entitlement, tag)}
        {figure("Cost", "summary-cost", y.totals.cost, y.projection && "projection")}
        {figure("Claimable", "summary-claimable", y.totals.claimable, tag)}
        {figure("PCN-funded", "summary-pcn-funded", y.totals.pcnFunded, tag)}
        {figure(over ? "Headroom (over)" : "Headroom", "summary-headroom", y.totals.headroom, tag, over)}
      </dl>
      {emptyTeamImportHref ? <EmptyTeamNote importHref={emptyTeamImportHref} /> : null}
      {stale || postsLeftOut || warnings ? (
        <p className="app-headline__note">
          {stale ? "From before your last change. " : ""}
          {postsLeftOut ? `${postsLeftOut} post${postsLeftOut === 1 ? "" : "s"} left out (errors). ` : ""}
          {warnings ? (
            <a href="#summary" data-testid="headline-warnings">
              {warnings} warning{warnings === 1 ? "" : "s"}
            </a>
          ) : null}
        </p>
      ) : null}
      {postsLeftOut && leftOutReasons.length ? (
        // The headline stays on screen: at most two reasons here, the rest in the year's detail.
        <ul className="app-headline__note app-headline__reasons" data-testid="left-out-reasons">
          {leftOutReasons.slice(0, SHOWN_REASONS).map((r, i) => (
            <li key={r} className={i ? "app-headline__wide" : undefined}>
              {r}
            </li>
          ))}
          {/* A phone shows one reason (the headline would fill half its screen), a wider screen two. */}
          {leftOutReasons.length > 1 ? (
            <li className="app-headline__phone">
              <a href="#summary">and {leftOutReasons.length - 1} more in the year in detail</a>
            </li>
          ) : null}
          {leftOutReasons.length > SHOWN_REASONS ? (
            <li className="app-headline__wide">
              <a href="#summary">and {leftOutReasons.length - SHOWN_REASONS} more in the year in detail</a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
