"use client";
// "Import claims from a spreadsheet" on the claims page: the file goes to
// POST /api/v1/pcns/{code}/claims/import as it is; every bad row is listed and nothing is saved
// until all are good; months already holding lines are replaced only when the box is ticked.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Result = { kind: "ok" | "error"; message: string; issues: { path: string; message: string }[] };

export function ClaimsImportForm({ pcnCode }: { pcnCode: string }) {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setResult({ kind: "error", message: "Choose a CSV or Excel (.xlsx) file of claims first.", issues: [] });
      setTries((n) => n + 1);
      return;
    }
    const type = /\.xlsx$/i.test(file.name) ? XLSX : "text/csv";
    setBusy(true);
    try {
      const qs = form.get("replace") ? "?replace=1" : "";
      const res = await fetch(`/api/v1/pcns/${encodeURIComponent(pcnCode)}/claims/import${qs}`, { method: "POST", headers: { "content-type": type }, body: file });
      const json = (await res.json()) as { imported?: number; months?: string[]; error?: { message: string; issues?: { path: string; message: string }[] } };
      if (res.ok) {
        setResult({ kind: "ok", message: `Imported ${json.imported} line${json.imported === 1 ? "" : "s"} for ${json.months?.join(", ")}.`, issues: [] });
        router.refresh();
      } else {
        setResult({ kind: "error", message: json.error?.message ?? "The file could not be imported.", issues: json.error?.issues ?? [] });
        setTries((n) => n + 1);
      }
    } catch {
      setResult({ kind: "error", message: "The server could not be reached; nothing was imported.", issues: [] });
      setTries((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} data-testid="claims-import" noValidate>
      {result?.kind === "error" ? (
        <ErrorSummary titleId="claims-import-error" focusKey={tries} title="The file was not imported" description={result.message} items={result.issues.map((i) => ({ key: i.path, text: i.message }))} />
      ) : null}
      {result?.kind === "ok" ? (
        <p role="status" data-testid="claims-import-status">
          {result.message}
        </p>
      ) : null}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="claims-file">
          Claims file (CSV or Excel .xlsx)
        </label>
        <div className="nhsuk-hint" id="claims-file-hint">
          One row per person and month: Month, Employee / post, Role, WTE, Salary, Employer NI, Employer pension, Amount claimed, and optionally Post id, Status, Paid on, Note. The planner&apos;s claims schedule download is understood as it is.
        </div>
        <input className="nhsuk-file-upload" id="claims-file" name="file" type="file" accept=".csv,.xlsx,text/csv" aria-describedby="claims-file-hint" />
      </div>
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-4">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="claims-replace" name="replace" type="checkbox" value="1" />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="claims-replace">
            Replace the lines of months that already have some
          </label>
        </div>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        {busy ? "Importing…" : "Import claims"}
      </button>
    </form>
  );
}
