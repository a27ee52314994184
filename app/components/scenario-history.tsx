// A scenario's history (its audit trail), newest first: when, who, what, and each changed field
// from → to. Presentational: the page loads the events with getScenarioHistory(db, user, id)
// (lib/server/scenarios/scenarios.ts), which applies the scenario's access rules. Also used for a PCN's
// audit trail (showEntity). Works as a server or a client component.
import type { AuditEntry } from "@/lib/server/audit";
import { AUDIT_ACTION_LABELS, auditChangeText, auditWhen } from "@/lib/audit-format";

/** Events with more changed fields than this show them behind "Show the N changes". */
const INLINE_CHANGES = 6;

export interface ScenarioHistoryProps {
  events: AuditEntry[];
  /** A link to download the same history as CSV, e.g. `/api/v1/scenarios/${id}/history.csv`. */
  csvHref?: string;
  /** The section heading ("History"); its level (default 2) and id (default "history"). */
  heading?: string;
  headingLevel?: 2 | 3;
  id?: string;
  /** Add a column naming what each event is about (a PCN's audit trail mixes scenarios, members…). */
  showEntity?: boolean;
}

function Changes({ event }: { event: AuditEntry }) {
  // The version number is in the "What" column; the rest are the fields that changed.
  const changes = event.changes.filter((c) => c.field !== "version");
  if (!changes.length) return <span className="nhsuk-body-s">No fields changed.</span>;
  const list = (
    <ul className="nhsuk-list nhsuk-body-s app-history__changes">
      {changes.map((c, i) => (
        <li key={`${c.field}:${i}`}>{auditChangeText(c)}</li>
      ))}
    </ul>
  );
  if (changes.length <= INLINE_CHANGES) return list;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Show the {changes.length} changes</span>
      </summary>
      <div className="nhsuk-details__text">{list}</div>
    </details>
  );
}

function what(e: AuditEntry): string {
  const version = e.changes.find((c) => c.field === "version");
  const label = AUDIT_ACTION_LABELS[e.action] ?? e.action;
  return version && typeof version.after === "number" ? `${label} (version ${version.after})` : label;
}

export function ScenarioHistory({ events, csvHref, heading = "History", headingLevel = 2, id = "history", showEntity = false }: ScenarioHistoryProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={`${id}-heading`} className="app-history" data-testid="scenario-history">
      <Heading id={`${id}-heading`}>{heading}</Heading>
      {events.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded yet.</p>
      ) : (
        <div className="app-table-scroll">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{heading}, newest first</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">When</th>
                <th className="nhsuk-table__header" scope="col">Who</th>
                {showEntity ? <th className="nhsuk-table__header" scope="col">About</th> : null}
                <th className="nhsuk-table__header" scope="col">What</th>
                <th className="nhsuk-table__header" scope="col">Changes</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {events.map((e) => (
                <tr className="nhsuk-table__row" key={e.id} data-action={e.action}>
                  <td className="nhsuk-table__cell">
                    <time dateTime={e.at}>{auditWhen(e.at)}</time>
                  </td>
                  <td className="nhsuk-table__cell">{e.actor.name}</td>
                  {showEntity ? (
                    <td className="nhsuk-table__cell">
                      {e.entityType} {e.entityId}
                    </td>
                  ) : null}
                  <td className="nhsuk-table__cell">{what(e)}</td>
                  <td className="nhsuk-table__cell">
                    <Changes event={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {csvHref ? (
        <p className="nhsuk-body-s">
          <a href={csvHref} download>
            Download the {heading.toLowerCase()} (CSV)
          </a>
        </p>
      ) : null}
    </section>
  );
}
