"use client";
// Issue 15's post fields in the posts table: the unit of the post's size beside the number (WTE,
// GP sessions a week, hours a week), a commissioner-approved role's name and the ICB's maximum,
// and for nurses and healthcare support workers the 12-month rule (worked for the PCN or a member
// practice in the previous 12 months; moving to a more senior role).
import { isRoleId, ROLES, TWELVE_MONTH_RULE_ROLES } from "@/lib/engine/roles";
import type { PostDraft, SizeUnit } from "@/lib/planner/post-draft";
import { cellHelpers, postFieldId, postName, type Row } from "./post-cell-helpers";

/** The size input's label, by unit. */
export const SIZE_LABELS: Record<SizeUnit, string> = { wte: "WTE", sessions: "Sessions a week", hours: "Hours a week" };

export function extraCells({ errors, onChange }: { errors: Record<string, string>; onChange: (key: string, patch: Partial<PostDraft>) => void }) {
  const { label, describe, message, cls, change, cell } = cellHelpers(errors, onChange);
  const info = (r: Row) => (isRoleId(r.post.role) ? ROLES[r.post.role] : undefined);

  const sizeUnit = (r: Row) => {
    const isGp = info(r)?.kind === "gp";
    const id = postFieldId(r.post.key, "sizeUnit");
    return (
      <>
        <label className="nhsuk-u-visually-hidden" htmlFor={id}>
          WTE, sessions or hours, {postName(r.post, r.index)}
        </label>
        <select className="nhsuk-select app-cell-input app-size__unit" id={id} value={r.post.sizeUnit} onChange={(e) => change(r, { sizeUnit: e.target.value as SizeUnit })}>
          <option value="wte">WTE</option>
          {isGp || r.post.sizeUnit === "sessions" ? <option value="sessions">sessions</option> : null}
          <option value="hours">hours</option>
        </select>
      </>
    );
  };

  const textField = (r: Row, field: "roleName" | "maxReimbursableAnnual", text: string, draftKey: "roleName" | "agreedMax", width: string, hint?: string) =>
    cell(
      r,
      field,
      <>
        {label(text, r, field, true)}
        {hint ? <div className="nhsuk-hint nhsuk-body-s">{hint}</div> : null}
        {message(r, field)}
        <input
          className={cls(`nhsuk-input ${width}`, r, field)}
          id={postFieldId(r.post.key, field)}
          type="text"
          autoComplete="off"
          {...(field === "maxReimbursableAnnual" ? { inputMode: "decimal" as const, placeholder: "£ a year" } : {})}
          value={r.post[draftKey]}
          onChange={(e) => change(r, { [draftKey]: e.target.value })}
          {...describe(r, field)}
        />
      </>,
    );

  const checkbox = (r: Row, field: "employedInLast12Months" | "moreSeniorRole", text: string, patch: (checked: boolean) => Partial<PostDraft>) => {
    const id = postFieldId(r.post.key, field);
    return cell(
      r,
      field,
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
        {message(r, field)}
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} type="checkbox" checked={r.post[field]} onChange={(e) => change(r, patch(e.target.checked))} {...describe(r, field)} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {text}
            <span className="nhsuk-u-visually-hidden">, {postName(r.post, r.index)}</span>
          </label>
        </div>
      </div>,
    );
  };

  const more = (r: Row) => {
    const role = info(r);
    if (role?.kind === "commissioner") {
      return (
        <>
          {textField(r, "roleName", "Role the ICB approved", "roleName", "nhsuk-input--width-20")}
          {textField(r, "maxReimbursableAnnual", "Maximum the ICB agreed (£ a year, 1.0 WTE)", "agreedMax", "nhsuk-input--width-5", "The claim is capped at this, pro rata (no London weighting added).")}
        </>
      );
    }
    if (role && TWELVE_MONTH_RULE_ROLES.includes(role.id)) {
      return (
        <>
          {checkbox(r, "employedInLast12Months", "Worked for the PCN or a member practice in the previous 12 months", (checked) => ({ employedInLast12Months: checked, ...(checked ? {} : { moreSeniorRole: false }) }))}
          {r.post.employedInLast12Months ? checkbox(r, "moreSeniorRole", "Moves to a more senior role (still reimbursable)", (checked) => ({ moreSeniorRole: checked })) : null}
        </>
      );
    }
    return null;
  };

  return { sizeUnit, more };
}
