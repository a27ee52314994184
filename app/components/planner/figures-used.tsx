"use client";
// A year's "figures used" that NHS England has not published, each with its status tag and
// source, and the key to the statuses shown.
import { StatusKey, StatusTag } from "@/app/components/ui/status-tag";
import { formatDecimal } from "@/lib/format";
import type { YearResult } from "@/lib/planner/types";

export function FiguresUsed({ year }: { year: YearResult }) {
  // Every figure not published by NHS England or an official body: its status says where it comes from.
  const marked = year.figures.filter((f) => f.status !== "published");
  if (!marked.length) return null;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Figures for {year.financialYear} not published by NHS England: third-party, derived, estimated, assumed, projected or yours ({marked.length})
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          {marked.map((f) => (
            <li key={f.id}>
              <StatusTag status={f.status} />{" "}
              {f.label}: {f.label.toLowerCase().includes("rate") && f.value < 1 ? f.value : formatDecimal(f.value)} — {f.source}
            </li>
          ))}
        </ul>
        <StatusKey only={[...new Set(marked.map((f) => f.status))]} heading="What these statuses mean" />
      </div>
    </details>
  );
}

