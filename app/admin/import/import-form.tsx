"use client";
// Upload form for population files. It posts to the upload route (upload/route.ts), which checks
// the administrator before reading the files and streams them. Works without JavaScript (the
// route sends the browser back to the page, which shows the outcome); with it, the outcome
// appears without a full reload and the summary takes focus.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { ErrorMessage } from "@/app/components/ui/field";
import { initialImportFormState, UPLOAD_ERROR_MESSAGES, UPLOAD_PATH, type ImportFileOutcome, type ImportFormField, type ImportFormState } from "./form-state";

const LABELS: Record<ImportFormField, string> = { files: "Files", importedBy: "Imported by" };
const TAG: Record<ImportFileOutcome["outcome"], string> = {
  applied: "nhsuk-tag nhsuk-tag--green",
  unchanged: "nhsuk-tag nhsuk-tag--grey",
  rejected: "nhsuk-tag nhsuk-tag--red",
};

function isFormState(x: unknown): x is ImportFormState {
  return typeof x === "object" && x !== null && "status" in x && "results" in x && Array.isArray((x as ImportFormState).results);
}

export function ImportForm({ initialState = initialImportFormState }: { initialState?: ImportFormState }) {
  const [state, setState] = useState<ImportFormState>(initialState);
  const [pending, setPending] = useState(false);
  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    try {
      const res = await fetch(UPLOAD_PATH, { method: "POST", body: new FormData(event.currentTarget), headers: { accept: "application/json" } });
      const body: unknown = await res.json().catch(() => null);
      setState(isFormState(body) ? body : { ...initialImportFormState, status: "error", message: UPLOAD_ERROR_MESSAGES.failed });
    } catch {
      setState({ ...initialImportFormState, status: "error", message: "The upload did not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") summaryRef.current?.focus();
  }, [state]);

  const errorOf = (f: ImportFormField) => state.fieldErrors[f];
  const group = (f: ImportFormField) => `nhsuk-form-group${errorOf(f) ? " nhsuk-form-group--error" : ""}`;
  const errorMessage = (f: ImportFormField) => (errorOf(f) ? <ErrorMessage id={`import-${f}-error`}>{errorOf(f)}</ErrorMessage> : null);
  const fieldErrorList = (Object.keys(state.fieldErrors) as ImportFormField[]).filter((f) => state.fieldErrors[f]);
  const rejected = state.results.filter((r) => r.outcome === "rejected");

  return (
    <>
      {state.status === "error" || rejected.length ? (
        <ErrorSummary
          titleId="import-error-summary-title"
          description={state.message}
          focusKey={state}
          items={[
            ...fieldErrorList.map((f) => ({ key: f, href: `#import-${f}`, text: `${LABELS[f]}: ${state.fieldErrors[f]}` })),
            ...rejected.map((r) => ({ key: r.fileName, href: `#result-${r.fileName}`, text: `${r.fileName}: ${r.issues[0]?.message ?? r.message}` })),
          ]}
        />
      ) : null}
      {state.status === "done" && !rejected.length ? (
        <div className="nhsuk-inset-text" role="status" tabIndex={-1} ref={summaryRef}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{state.message}</p>
        </div>
      ) : null}

      {state.results.length ? (
        <table className="nhsuk-table" aria-label="Outcome of each file">
          <caption className="nhsuk-table__caption">Outcome per file</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">File</th>
              <th className="nhsuk-table__header" scope="col">Type detected</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Rows</th>
              <th className="nhsuk-table__header" scope="col">Extract date</th>
              <th className="nhsuk-table__header" scope="col">Outcome</th>
              <th className="nhsuk-table__header" scope="col">Details</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {state.results.map((r) => (
              <tr className="nhsuk-table__row" key={r.fileName} id={`result-${r.fileName}`}>
                <td className="nhsuk-table__cell">{r.fileName}</td>
                <td className="nhsuk-table__cell">{r.fileTypeLabel}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.rows.toLocaleString("en-GB")}</td>
                <td className="nhsuk-table__cell">{r.extractDate ?? "–"}</td>
                <td className="nhsuk-table__cell">
                  <strong className={TAG[r.outcome]}>{r.outcome}</strong>
                </td>
                <td className="nhsuk-table__cell">
                  {r.outcome === "rejected" && r.issues.length ? (
                    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                      {r.issues.map((i, n) => (
                        <li key={n}>{i.message}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="nhsuk-body-s">{r.message}</p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form action={UPLOAD_PATH} method="post" encType="multipart/form-data" onSubmit={upload} noValidate key={`${state.status}-${state.results.length}-${state.importedBy}`}>
        <div className={group("files")}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor="import-files">
            CSV files
          </label>
          <div className="nhsuk-hint" id="import-files-hint">
            NHS England Digital &ldquo;Patients Registered at a GP Practice&rdquo; files (mapping, single year of age, practice
            totals), practice weighted or adjusted population tables, or a CSV with pcn_code, financial_year,
            weighted_population. The type is read from the header row. You can select several files: they are imported in
            the right order, each one whole or not at all.
          </div>
          {errorMessage("files")}
          <input
            className={`nhsuk-file-upload${errorOf("files") ? " nhsuk-file-upload--error" : ""}`}
            id="import-files"
            name="files"
            type="file"
            multiple
            accept=".csv,text/csv"
            aria-describedby={["import-files-hint", errorOf("files") ? "import-files-error" : ""].filter(Boolean).join(" ")}
          />
        </div>
        <button className="nhsuk-button" data-module="nhsuk-button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Importing…" : "Import files"}
        </button>
      </form>
    </>
  );
}
