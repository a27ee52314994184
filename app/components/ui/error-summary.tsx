"use client";
// The one error summary (NHS.UK markup) used by every form. It takes focus when `focusKey`
// changes (a new submission), so keyboard and screen reader users land on it.
import { useEffect, useRef, type ReactNode } from "react";

export interface ErrorSummaryItem {
  /** The field to jump to ("#posts-0-wte"); absent = plain text. */
  href?: string | undefined;
  text: ReactNode;
  key?: string;
}

export function ErrorSummary({
  titleId,
  title = "There is a problem",
  description,
  items,
  focusKey,
}: {
  titleId: string;
  title?: ReactNode;
  description?: ReactNode;
  items: ErrorSummaryItem[];
  /** Focus the summary whenever this value changes (omit: never). */
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id={titleId}>
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        {description !== undefined && description !== null ? <p>{description}</p> : null}
        {items.length ? (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {items.map((item, i) => (
              <li key={item.key ?? `${item.href ?? ""}:${i}`}>{item.href ? <a href={item.href}>{item.text}</a> : item.text}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
