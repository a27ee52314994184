// A figure's status as a tag (words, never colour alone), and the key that explains each status.
import { FIGURE_STATUSES, FIGURE_STATUS_WORDS, type FigureStatus } from "@/lib/engine";

const CLASS: Record<FigureStatus, string> = {
  published: "nhsuk-tag--green",
  "third-party": "nhsuk-tag--aqua-green",
  derived: "nhsuk-tag--yellow",
  estimate: "nhsuk-tag--orange",
  assumption: "nhsuk-tag--pink",
  override: "nhsuk-tag--blue",
  projection: "nhsuk-tag--purple",
};

export function StatusTag({ status }: { status: FigureStatus }) {
  return (
    <strong className={`nhsuk-tag ${CLASS[status]}`} data-status={status}>
      {FIGURE_STATUS_WORDS[status].label}
    </strong>
  );
}

/**
 * What each status means, in words; `only` limits it to the statuses on the page. `headingLevel`
 * 2 on a page of its own; 0 (a bold paragraph) inside a callout or a details box.
 */
export function StatusKey({ only, heading = "What each status means", headingLevel = 0 }: { only?: readonly FigureStatus[]; heading?: string; headingLevel?: 0 | 2 }) {
  const shown = only ? FIGURE_STATUSES.filter((s) => only.includes(s)) : FIGURE_STATUSES;
  return (
    <div data-testid="status-key">
      {headingLevel === 2 ? (
        <h2 className="nhsuk-heading-s">{heading}</h2>
      ) : (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
          <strong>{heading}</strong>
        </p>
      )}
      <dl className="nhsuk-summary-list">
        {shown.map((s) => (
          <div className="nhsuk-summary-list__row" key={s}>
            <dt className="nhsuk-summary-list__key">
              <StatusTag status={s} />
            </dt>
            <dd className="nhsuk-summary-list__value">{FIGURE_STATUS_WORDS[s].meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
