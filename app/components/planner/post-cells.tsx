"use client";
// The posts table's cells: every field of a post as a real, labelled input with its validation
// message beside it. In the table's row a field's label is visually hidden (the column header
// shows it); in the row's "More" panel and on a phone's card it is shown.
import { DateInput } from "@/app/components/ui/date-input";
import { AFC_BANDS, AREA_LABELS, AREAS, isRoleId, ROLES } from "@/lib/engine/roles";
import { formatPounds } from "@/lib/format";
import { POST_INPUT_COLUMNS } from "@/lib/planner/columns";
import { isFirstContactRole } from "@/lib/planner/first-contact";
import { emptyFirstContact, type PostDraft } from "@/lib/planner/post-draft";
import { cellHelpers, postFieldId, postName, type Row } from "./post-cell-helpers";
import { extraCells, SIZE_LABELS } from "./post-extra-cells";

export { postFieldId, postName, type Row } from "./post-cell-helpers";

export interface RoleOption {
  id: string;
  name: string;
  typicalBand: string | null;
}

export interface PostFigures {
  cost: number;
  claimable: number;
  pcnFunded: number;
}

export const HEADER = Object.fromEntries(POST_INPUT_COLUMNS.map((c) => [c.id, c.header])) as Record<(typeof POST_INPUT_COLUMNS)[number]["id"], string>;

/** Fields shown in the row's "More" panel (and that open it when one has an error). */
export const SECONDARY_FIELDS = ["status", "salaryMode", "annualSalary", "band", "point", "mhpFunding", "area", "end", "nextPayStep", "supervisorId", "roleName", "maxReimbursableAnnual", "employedInLast12Months", "moreSeniorRole"] as const;

export interface CellContext {
  errors: Record<string, string>;
  roles: RoleOption[];
  supervisors: { id: string; name: string }[];
  onChange: (key: string, patch: Partial<PostDraft>) => void;
}

/** The cell renderers for one table render. `shown`: the label is visible (the "More" panel, a card). */
export function postCells({ errors, roles, supervisors, onChange }: CellContext) {
  const { err, label, describe, message, cls, change, cell } = cellHelpers(errors, onChange);
  const extra = extraCells({ errors, onChange });

  const textInput = (r: Row, field: "label" | "wte", width: string, inputMode?: "decimal") =>
    cell(
      r,
      field,
      <>
        {label(field === "wte" ? SIZE_LABELS[r.post.sizeUnit] : HEADER[field], r, field)}
        {message(r, field)}
        <input
          className={cls(`nhsuk-input ${width}`, r, field)}
          id={postFieldId(r.post.key, field)}
          type="text"
          autoComplete="off"
          {...(inputMode ? { inputMode } : {})}
          value={r.post[field]}
          onChange={(e) => change(r, { [field]: e.target.value })}
          {...(field === "wte" ? { "data-planner-wte": "" } : {})}
          {...describe(r, field)}
        />
      </>,
    );

  const date = (r: Row, field: "start" | "end" | "nextPayStep", shown = false) =>
    cell(
      r,
      field,
      <DateInput
        id={postFieldId(r.post.key, field)}
        legend={
          shown ? (
            <>
              {HEADER[field]}
              <span className="nhsuk-u-visually-hidden">, {postName(r.post, r.index)}</span>
            </>
          ) : (
            `${HEADER[field]}, ${postName(r.post, r.index)}`
          )
        }
        legendHidden={!shown}
        compact
        error={err(r, field)}
        value={r.post[field]}
        onChange={(v) => change(r, { [field]: v })}
      />,
    );

  const select = (r: Row, field: keyof PostDraft & string, text: string, options: [string, string][], shown: boolean, onPick?: (v: string) => Partial<PostDraft>) =>
    cell(
      r,
      field,
      <>
        {label(text, r, field, shown)}
        {message(r, field)}
        <select
          className={cls("nhsuk-select", r, field, "select")}
          id={postFieldId(r.post.key, field)}
          value={String(r.post[field] ?? "")}
          onChange={(e) => change(r, onPick ? onPick(e.target.value) : { [field]: e.target.value })}
          {...describe(r, field)}
        >
          {options.map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      </>,
    );

  return {
    label: (r: Row) => textInput(r, "label", "nhsuk-input--width-10"),
    wte: (r: Row) => (
      <div className="app-size">
        {textInput(r, "wte", "nhsuk-input--width-3", "decimal")}
        {extra.sizeUnit(r)}
      </div>
    ),
    /** The "More" panel's commissioner-approved and 12-month fields (only for the roles they apply to). */
    extra: (r: Row) => extra.more(r),
    start: (r: Row) => date(r, "start"),
    end: (r: Row, shown = true) => date(r, "end", shown),
    nextPayStep: (r: Row, shown = true) => {
      const isBand = (isRoleId(r.post.role) ? ROLES[r.post.role].kind !== "gp" : true) && r.post.salaryMode === "band";
      return isBand ? date(r, "nextPayStep", shown) : null;
    },
    role: (r: Row) =>
      select(
        r,
        "role",
        HEADER.role,
        roles.map((o) => [o.id, o.name]),
        false,
        (role) => {
          const info = isRoleId(role) ? ROLES[role] : undefined;
          return {
            role,
            // Sessions are for GPs only: another role goes back to WTE (the number is kept).
            ...(info?.kind !== "gp" && r.post.sizeUnit === "sessions" ? { sizeUnit: "wte" as const } : {}),
            band: info?.typicalBand ?? r.post.band,
            salaryMode: info?.kind === "gp" ? "salary" : r.post.salaryMode,
            firstContact: isFirstContactRole(role) ? (r.post.firstContact ?? emptyFirstContact()) : null,
          };
        },
      ),
    status: (r: Row, shown = true) =>
      select(
        r,
        "status",
        HEADER.status,
        [
          ["existing", "Existing"],
          ["proposed", "Proposed"],
        ],
        shown,
      ),
    area: (r: Row, shown = true) =>
      select(
        r,
        "area",
        HEADER.area,
        AREAS.map((a) => [a, AREA_LABELS[a]]),
        shown,
      ),
    salary: (r: Row, shown = true) => {
      const info = isRoleId(r.post.role) ? ROLES[r.post.role] : undefined;
      const isGp = info?.kind === "gp";
      const isMhp = info?.kind === "mhp";
      const mode = isGp ? "salary" : r.post.salaryMode;
      return (
        <>
          {!isGp
            ? select(
                r,
                "salaryMode",
                "Salary basis",
                [
                  ["band", "Band and point"],
                  ["salary", "Actual salary"],
                ],
                shown,
                (v) => ({ salaryMode: v as PostDraft["salaryMode"], point: v === "band" && !r.post.point ? "1" : r.post.point }),
              )
            : null}
          {mode === "salary"
            ? cell(
                r,
                "annualSalary",
                <>
                  {label("Annual salary (£, full-time)", r, "annualSalary", shown)}
                  {message(r, "annualSalary")}
                  <input
                    className={cls("nhsuk-input nhsuk-input--width-5", r, "annualSalary")}
                    id={postFieldId(r.post.key, "annualSalary")}
                    type="text"
                    inputMode="decimal"
                    placeholder="£ a year"
                    value={r.post.annualSalary}
                    onChange={(e) => change(r, { annualSalary: e.target.value })}
                    {...describe(r, "annualSalary")}
                  />
                </>,
              )
            : null}
          {mode === "band" || isMhp
            ? select(
                r,
                "band",
                "Band",
                AFC_BANDS.map((b) => [b, `Band ${b}`]),
                shown,
              )
            : null}
          {mode === "band"
            ? cell(
                r,
                "point",
                <>
                  {label("Pay point (1 = entry)", r, "point", shown)}
                  {message(r, "point")}
                  <input
                    className={cls("nhsuk-input nhsuk-input--width-2", r, "point")}
                    id={postFieldId(r.post.key, "point")}
                    type="text"
                    inputMode="numeric"
                    value={r.post.point}
                    onChange={(e) => change(r, { point: e.target.value })}
                    {...describe(r, "point")}
                  />
                </>,
              )
            : null}
          {isMhp
            ? select(
                r,
                "mhpFunding",
                "MHP funding table",
                [
                  ["50%", "50% table"],
                  ["100%", "100% table"],
                ],
                shown,
              )
            : null}
        </>
      );
    },
    supervisor: (r: Row, shown = true) => {
      if (r.post.firstContact) {
        const name = supervisors.find((s) => s.id === r.post.firstContact?.supervisorId)?.name;
        return (
          <div className="app-cell">
            {shown ? <span className="nhsuk-label app-cell-label">Clinical supervisor</span> : null}
            <a href={`#fc-${r.post.key}`} className="nhsuk-body-s">
              {name ? `${name} (roadmap)` : "Roadmap checklist"}
              <span className="nhsuk-u-visually-hidden">, {postName(r.post, r.index)}</span>
            </a>
          </div>
        );
      }
      return select(
        r,
        "supervisorId",
        "Clinical supervisor",
        [["", "None named"], ...supervisors.map((s): [string, string] => [s.id, s.name || s.id])],
        shown,
      );
    },
    cost: (f: PostFigures | undefined) =>
      f ? (
        <span className="app-numeric app-block">
          {formatPounds(f.cost)}
          <span className="nhsuk-body-s app-basis">claimable {formatPounds(f.claimable)}</span>
        </span>
      ) : (
        <span className="nhsuk-body-s app-basis">Not calculated: correct the errors</span>
      ),
  };
}
