"use client";
// The planner's save bar: the Save button and what happened to the last save (or that there are
// unsaved changes), announced to screen readers.
import { when } from "./planner-links";
import type { SavedBase, SaveStatus } from "./use-scenario-save";

export function SaveBar({ saving, status, dirty, base, onSave }: { saving: boolean; status: SaveStatus; dirty: boolean; base: SavedBase; onSave: () => void }) {
  return (
    <div className="app-save-bar" data-testid="save-bar">
      <button type="button" className="nhsuk-button app-save-bar__button" onClick={onSave} disabled={saving} aria-describedby="save-status">
        {saving ? "Saving…" : "Save"}
      </button>
      <p className="app-save-bar__status" id="save-status" role="status" data-testid="save-status">
        {saving
          ? "Saving…"
          : status.kind === "error"
            ? status.message
            : dirty
              ? "Unsaved changes"
              : status.kind === "saved"
                ? status.message
                : `Saved (version ${base.version}${base.updatedBy ? `, by ${base.updatedBy}` : ""}, ${when(base.updatedAt)})`}
      </p>
    </div>
  );
}
