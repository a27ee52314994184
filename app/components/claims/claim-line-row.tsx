"use client";
// One line of a month's claim in the editor table (app/components/claims/claim-month-editor.tsx):
// a table row at desktop widths, a labelled card on a phone (claims.scss).
import { CLAIM_STATUSES, type ClaimLine } from "@/lib/claims/types";

/** A line as typed: every number as the text in its box. */
export interface LineDraft {
  key: string;
  postId: string | null;
  label: string;
  role: string;
  wte: string;
  salary: string;
  employerNi: string;
  employerPension: string;
  claimed: string;
  status: string;
  paidOn: string;
  note: string;
}

export const MONEY_FIELDS = [
  ["salary", "Salary"],
  ["employerNi", "Employer NI"],
  ["employerPension", "Employer pension"],
  ["claimed", "Claimed"],
] as const;

const STATUS_LABELS: Record<string, string> = { draft: "Draft", submitted: "Submitted", approved: "Approved", paid: "Paid", rejected: "Rejected" };

const money = (v: number) => v.toFixed(2);

export function toDraft(l: ClaimLine, key: string): LineDraft {
  return {
    key,
    postId: l.postId,
    label: l.label,
    role: l.role,
    wte: String(l.wte),
    salary: money(l.salary),
    employerNi: money(l.employerNi),
    employerPension: money(l.employerPension),
    claimed: money(l.claimed),
    status: l.status,
    paidOn: l.paidOn ?? "",
    note: l.note ?? "",
  };
}

/** A number typed as "£3,984.17" → 3984.17; text that is not a number is sent as typed (the server says why). */
function num(text: string): number | string {
  const t = text.trim().replace(/^£\s*/, "").replace(/,/g, "");
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : text;
}

export function fromDraft(d: LineDraft): Record<string, unknown> {
  return {
    postId: d.postId,
    label: d.label,
    role: d.role,
    wte: num(d.wte),
    salary: num(d.salary),
    employerNi: num(d.employerNi),
    employerPension: num(d.employerPension),
    claimed: num(d.claimed),
    status: d.status,
    paidOn: d.paidOn.trim() === "" ? null : d.paidOn.trim(),
    note: d.note.trim() === "" ? null : d.note,
  };
}

type Props = {
  index: number;
  line: LineDraft;
  errors: Record<string, string>;
  roles: { id: string; name: string }[];
  readOnly: boolean;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
};

function Label({ id, text }: { id: string; text: string }) {
  return (
    <label className="nhsuk-u-visually-hidden" htmlFor={id}>
      {text}
    </label>
  );
}

function Err({ text }: { text: string | undefined }) {
  return text ? (
    <span className="nhsuk-error-message">
      <span className="nhsuk-u-visually-hidden">Error:</span> {text}
    </span>
  ) : null;
}

export function ClaimLineRow({ index, line, errors, roles, readOnly, onChange, onRemove }: Props) {
  const id = (f: string) => `claim-${index}-${f}`;
  const err = (f: string) => errors[`lines.${index}.${f}`];
  const cls = (base: string, f: string) => `${base}${err(f) ? ` ${base}--error` : ""}`;
  const name = line.label || `line ${index + 1}`;
  return (
    <tr className="app-claim-line" data-testid="claim-line">
      <td className="app-claim-line__who" data-label="Employee / post">
        <Label id={id("label")} text={`Line ${index + 1}: name or post`} />
        <input className={cls("nhsuk-input", "label")} id={id("label")} value={line.label} readOnly={readOnly} onChange={(e) => onChange({ label: e.target.value })} autoComplete="off" />
        <Err text={err("label")} />
        <Label id={id("role")} text={`Role of ${name}`} />
        <select className={cls("nhsuk-select", "role")} id={id("role")} value={line.role} disabled={readOnly} onChange={(e) => onChange({ role: e.target.value })}>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <Err text={err("role")} />
        <span className="app-claim-line__wte">
          <label className="nhsuk-body-s" htmlFor={id("wte")}>
            WTE<span className="nhsuk-u-visually-hidden"> of {name}</span>
          </label>{" "}
          <input className={cls("nhsuk-input", "wte")} id={id("wte")} inputMode="decimal" value={line.wte} readOnly={readOnly} onChange={(e) => onChange({ wte: e.target.value })} />
        </span>
        <Err text={err("wte")} />
        <span className="nhsuk-body-s app-basis">{line.postId ? `Post ${line.postId} of the agreed plan` : "Not in the agreed plan"}</span>
      </td>
      {MONEY_FIELDS.map(([f, label]) => (
        <td key={f} className="app-claim-line__money" data-label={`${label} (£)`}>
          <Label id={id(f)} text={`${label} (£) for ${name}`} />
          <input className={cls("nhsuk-input", f)} id={id(f)} inputMode="decimal" value={line[f]} readOnly={readOnly} onChange={(e) => onChange({ [f]: e.target.value })} />
          <Err text={err(f)} />
        </td>
      ))}
      <td className="app-claim-line__status" data-label="Status">
        <Label id={id("status")} text={`Status of ${name}`} />
        <select className={cls("nhsuk-select", "status")} id={id("status")} value={line.status} disabled={readOnly} onChange={(e) => onChange({ status: e.target.value, ...(e.target.value !== "paid" ? { paidOn: "" } : {}) })}>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <Err text={err("status")} />
        {line.status === "paid" || line.paidOn ? (
          <>
            <label className="nhsuk-body-s app-block" htmlFor={id("paidOn")}>
              Paid on<span className="nhsuk-u-visually-hidden"> ({name})</span>
            </label>
            <input className={cls("nhsuk-input", "paidOn")} id={id("paidOn")} type="date" value={line.paidOn} readOnly={readOnly} onChange={(e) => onChange({ paidOn: e.target.value })} />
          </>
        ) : null}
        <Err text={err("paidOn")} />
      </td>
      <td className="app-claim-line__note" data-label="Note">
        <Label id={id("note")} text={`Note for ${name}`} />
        <input className={cls("nhsuk-input", "note")} id={id("note")} value={line.note} readOnly={readOnly} onChange={(e) => onChange({ note: e.target.value })} autoComplete="off" />
        <Err text={err("note") ?? err("postId") ?? err("month")} />
        {readOnly ? null : (
          <button type="button" className="app-link-button app-link-button--blue" onClick={onRemove}>
            Remove<span className="nhsuk-u-visually-hidden"> {name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
