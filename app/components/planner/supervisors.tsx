"use client";
// The plan's supervisors: name, type, WTE available to supervise (capacity: 4 roadmap trainees per 1.0 WTE by default).
import { ErrorMessage } from "@/app/components/ui/field";
import type { ScenarioDraft, SupervisorDraft } from "@/lib/planner/scenario-draft";
import { freeId } from "./planner-links";

export function SupervisorsEditor({
  supervisors,
  errors,
  onChange,
  onAdd,
  onRemove,
}: {
  supervisors: SupervisorDraft[];
  errors: Record<string, string>;
  onChange: (key: string, patch: Partial<SupervisorDraft>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}) {
  const cell = (s: SupervisorDraft, i: number, field: "name" | "kind" | "wte", text: string, width: string) => {
    const id = `sup-${s.key}-${field}`;
    const err = errors[`supervisors.${i}.${field}`];
    return (
      <td>
        <label className="nhsuk-u-visually-hidden" htmlFor={id}>
          {text}, supervisor {i + 1}
        </label>
        {err ? <ErrorMessage id={`${id}-error`}>{err}</ErrorMessage> : null}
        <input
          className={`nhsuk-input ${width} app-cell-input${err ? " nhsuk-input--error" : ""}`}
          id={id}
          type="text"
          autoComplete="off"
          {...(field === "wte" ? { inputMode: "decimal" as const } : {})}
          value={s[field]}
          onChange={(e) => onChange(s.key, { [field]: e.target.value })}
          {...(err ? { "aria-describedby": `${id}-error`, "aria-invalid": true as const } : {})}
        />
      </td>
    );
  };
  return (
    <>
      {supervisors.length ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="supervisors-caption">
          <table className="nhsuk-table" data-testid="supervisors">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="supervisors-caption">
              Supervisors
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type (e.g. GP, FCP, advanced practitioner)</th>
                <th scope="col">WTE available to supervise</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {supervisors.map((s, i) => (
                <tr key={s.key}>
                  {cell(s, i, "name", "Name", "nhsuk-input--width-20")}
                  {cell(s, i, "kind", "Type", "nhsuk-input--width-10")}
                  {cell(s, i, "wte", "WTE", "nhsuk-input--width-3")}
                  <td>
                    <button type="button" className="app-link-button app-link-button--blue" onClick={() => onRemove(s.key)}>
                      Remove<span className="nhsuk-u-visually-hidden"> supervisor {s.name || i + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No supervisors yet. First Contact posts in roadmap training need a named roadmap supervisor.</p>
      )}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onAdd}>
        Add a supervisor
      </button>
    </>
  );
}

/** The supervisors editor on a scenario draft: edits, adds (with a free id) and removes its supervisors. */
export function SupervisorsEditorBlock({ draft, errors, set, nextKey }: { draft: ScenarioDraft; errors: Record<string, string>; set: (p: Partial<ScenarioDraft>) => void; nextKey: () => string }) {
  return (
    <SupervisorsEditor
      supervisors={draft.supervisors}
      errors={errors}
      onChange={(key, patch) => set({ supervisors: draft.supervisors.map((s) => (s.key === key ? { ...s, ...patch } : s)) })}
      onAdd={() => {
        const used = new Set(draft.supervisors.map((s) => s.id));
        const s: SupervisorDraft = { key: nextKey(), id: freeId(used, "sup"), name: "", wte: "1.0", kind: "" };
        set({ supervisors: [...draft.supervisors, s] });
      }}
      onRemove={(key) => set({ supervisors: draft.supervisors.filter((s) => s.key !== key) })}
    />
  );
}
