"use client";
// A save refused because someone saved first: both versions side by side (the fields and posts
// that differ), and three ways on. Nothing is lost whichever is chosen.
import { diffScenarios, type ScenarioLike } from "@/lib/planner/diff";
import { useEffect, useRef } from "react";

export function ConflictView({
  message,
  mine,
  theirs,
  theirsBy,
  busy,
  onKeepMine,
  onTakeTheirs,
  onCopyMine,
}: {
  message: string;
  mine: ScenarioLike;
  theirs: ScenarioLike & { version: number };
  theirsBy: string;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onCopyMine: () => void;
}) {
  const rows = diffScenarios(mine, theirs);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="nhsuk-error-summary app-conflict" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={ref} data-testid="conflict">
      <h2 className="nhsuk-error-summary__title" id="conflict-title">
        Someone else saved this scenario: your changes are not saved yet
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{message}</p>
        {rows.length ? (
          <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="conflict-caption">
            <table className="nhsuk-table" data-testid="conflict-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="conflict-caption">
                What differs ({rows.length})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Your version</th>
                  <th scope="col">Saved version {theirs.version} ({theirsBy})</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{r.mine}</td>
                    <td>{r.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>The saved version has the same content as yours.</p>
        )}
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button" onClick={onKeepMine} disabled={busy}>
            Keep mine
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onTakeTheirs} disabled={busy}>
            Take theirs
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCopyMine} disabled={busy}>
            Copy mine into a new scenario
          </button>
        </div>
        <p className="nhsuk-body-s">
          Keep mine saves your version on top of version {theirs.version} (theirs stays in the history). Take theirs replaces your changes with the saved version. Copy mine keeps both: yours
          becomes a new scenario.
        </p>
      </div>
    </div>
  );
}
