"use client";
// A month's claim lines, edited in the browser and saved whole through the API
// (PUT /api/v1/pcns/{code}/claims/{month}) with the version they were loaded at: a conflict says
// who saved first and offers their version or saving yours over it. "Prepare this month's claim"
// fills the lines from the agreed plan (lib/claims/prepare.ts, computed by the server).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { sumPounds } from "@/lib/claims/prepare";
import type { ClaimLine } from "@/lib/claims/types";
import { formatPounds } from "@/lib/format";
import { ClaimLineRow, fromDraft, toDraft, type LineDraft } from "./claim-line-row";

export interface ClaimMonthEditorProps {
  pcnCode: string;
  month: string;
  monthLabel: string;
  version: number;
  lines: ClaimLine[];
  /** The agreed plan's lines for the month (null: no agreed plan), and whether they include estimates. */
  plan: { name: string; lines: ClaimLine[]; estimate: boolean } | null;
  canWrite: boolean;
  roles: { id: string; name: string }[];
}

type Issue = { path: string; message: string };

export function ClaimMonthEditor({ pcnCode, month, monthLabel, version: loadedVersion, lines: loaded, plan, canWrite, roles }: ClaimMonthEditorProps) {
  const router = useRouter();
  const keyRef = useRef(0);
  const nextKey = () => `l${++keyRef.current}`;
  const [lines, setLines] = useState<LineDraft[]>(() => loaded.map((l, i) => toDraft(l, `s${i}`)));
  const [version, setVersion] = useState(loadedVersion);
  const [saved, setSaved] = useState(() => JSON.stringify(loaded.map((l) => fromDraft(toDraft(l, "")))));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [tries, setTries] = useState(0);
  const [status, setStatus] = useState("");
  const [conflict, setConflict] = useState<{ message: string; version: number; lines: ClaimLine[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const body = lines.map(fromDraft);
  const dirty = JSON.stringify(body) !== saved;
  const errors = Object.fromEntries(issues.map((i) => [i.path, i.message]));
  const planClaimable = plan ? sumPounds(plan.lines.map((l) => l.claimed)) : null;
  const claimedNow = sumPounds(lines.map((l) => Number(l.claimed.replace(/[£,]/g, "")) || 0));

  const update = (key: string, patch: Partial<LineDraft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const prepare = () => {
    if (!plan) return;
    if (lines.length && !window.confirm(`Replace the ${lines.length} line${lines.length === 1 ? "" : "s"} shown with the agreed plan's figures for ${monthLabel}? Nothing is saved until you save.`)) return;
    setLines(plan.lines.map((l) => toDraft(l, nextKey())));
    setStatus(`Filled from the agreed plan: ${plan.lines.length} line${plan.lines.length === 1 ? "" : "s"}. Correct them to payroll's figures, then save.`);
  };
  const addLine = () =>
    setLines((ls) => [...ls, { key: nextKey(), postId: null, label: "", role: roles[0]?.id ?? "", wte: "1", salary: "0.00", employerNi: "0.00", employerPension: "0.00", claimed: "0.00", status: "draft", paidOn: "", note: "" }]);

  const save = async (baseVersion: number) => {
    setBusy(true);
    setStatus("Saving…");
    try {
      const res = await fetch(`/api/v1/pcns/${encodeURIComponent(pcnCode)}/claims/${month}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: baseVersion, lines: body }),
      });
      const json = (await res.json()) as { version?: number; lines?: ClaimLine[]; error?: { message: string; issues?: Issue[]; current?: { version: number; lines: ClaimLine[] } } };
      if (res.ok && json.lines && json.version !== undefined) {
        setLines(json.lines.map((l) => toDraft(l, nextKey())));
        setSaved(JSON.stringify(json.lines.map((l) => fromDraft(toDraft(l, "")))));
        setVersion(json.version);
        setIssues([]);
        setConflict(null);
        setStatus(`Saved the claims for ${monthLabel} (version ${json.version}).`);
        router.refresh();
      } else if (res.status === 409 && json.error?.current) {
        setConflict({ message: json.error.message, version: json.error.current.version, lines: json.error.current.lines });
        setStatus("Not saved: someone else saved this month first.");
      } else {
        setIssues(json.error?.issues ?? []);
        setTries((n) => n + 1);
        setStatus(`Not saved: ${json.error?.message ?? "something went wrong."}`);
      }
    } catch {
      setStatus("Not saved: the server could not be reached. Your changes are still here; try again.");
    } finally {
      setBusy(false);
    }
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setLines(conflict.lines.map((l) => toDraft(l, nextKey())));
    setSaved(JSON.stringify(conflict.lines.map((l) => fromDraft(toDraft(l, "")))));
    setVersion(conflict.version);
    setConflict(null);
    setStatus(`Loaded the saved version ${conflict.version}.`);
  };

  return (
    <div data-testid="claim-month-editor">
      {plan ? (
        <p className="nhsuk-body-s">
          The agreed plan &ldquo;{plan.name}&rdquo; claims {formatPounds(planClaimable ?? 0)} for {monthLabel}
          {plan.estimate ? " (an estimate: the plan's figures for this year include estimated rules)" : ""}; the lines below claim {formatPounds(claimedNow)}
          {planClaimable !== null ? ` (${claimedNow === planClaimable ? "the same" : `${formatPounds(Math.abs(claimedNow - planClaimable))} ${claimedNow > planClaimable ? "more" : "less"}`})` : ""}.
        </p>
      ) : (
        <p className="nhsuk-body-s">The PCN has no agreed plan, so nothing can be prepared from it: add the lines yourself.</p>
      )}
      {issues.length ? (
        <ErrorSummary titleId="claims-error-title" focusKey={tries} description="Nothing was saved. Correct these, then save again:" items={issues.map((i) => ({ key: i.path, href: hrefFor(i.path), text: i.message }))} />
      ) : null}
      {conflict ? (
        <div className="nhsuk-warning-callout" data-testid="claims-conflict">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Someone else saved this month first
            </span>
          </h3>
          <p>{conflict.message}</p>
          <div className="nhsuk-button-group">
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={takeTheirs} disabled={busy}>
              Take their version
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={() => save(conflict.version)} disabled={busy}>
              Save mine over it
            </button>
          </div>
        </div>
      ) : null}
      {canWrite ? (
        <div className="nhsuk-button-group">
          {plan ? (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={prepare} disabled={busy || plan.lines.length === 0} data-testid="prepare-claim">
              Prepare this month&apos;s claim
            </button>
          ) : null}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={addLine} disabled={busy}>
            Add a line
          </button>
        </div>
      ) : null}
      {plan && plan.lines.length === 0 ? <p className="nhsuk-body-s">The agreed plan has nobody in post in {monthLabel} (or does not cover it).</p> : null}
      {lines.length === 0 ? (
        <p data-testid="no-lines">No claim lines for {monthLabel} yet.</p>
      ) : (
        <table className="nhsuk-table app-claims-table" data-testid="claim-lines">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Claim lines for {monthLabel} (£ for the month)</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Employee / post</th>
              <th scope="col">Salary</th>
              <th scope="col">Employer NI</th>
              <th scope="col">Employer pension</th>
              <th scope="col">Claimed</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {lines.map((l, i) => (
              <ClaimLineRow key={l.key} index={i} line={l} errors={errors} roles={roles} readOnly={!canWrite} onChange={(p) => update(l.key, p)} onRemove={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} />
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? (
        <div className="app-save-bar">
          <button type="button" className="nhsuk-button app-save-bar__button" onClick={() => save(version)} disabled={busy} data-testid="save-claims">
            {busy ? "Saving…" : "Save this month"}
          </button>
          <p className="app-save-bar__status" role="status" data-testid="claims-status">
            {status || (dirty ? "Unsaved changes" : version === 0 ? "Not saved yet" : `Saved (version ${version})`)}
            {status && dirty && !busy ? " · Unsaved changes" : ""}
          </p>
        </div>
      ) : (
        <p className="nhsuk-body-s">You can read this PCN&apos;s claims; its editors and admins change them.</p>
      )}
    </div>
  );
}

/** "lines.3.claimed" → "#claim-3-claimed". */
function hrefFor(path: string): string | undefined {
  const m = /^lines\.(\d+)\.(\w+)/.exec(path);
  if (!m) return undefined;
  const field = ["postId", "month"].includes(m[2]!) ? "note" : m[2]!;
  return `#claim-${m[1]}-${field}`;
}
