// Admin: import population files (same importer as `npm run import`) and see the import log.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { hasRole } from "@/lib/server/auth/users";
import { listImportLogs } from "@/lib/server/import";
import { FILE_TYPE_LABELS, IMPORT_FILE_TYPES, type ImportFileType } from "@/lib/server/import/detect";
import { doneMessage, UPLOAD_ERROR_MESSAGES, type ImportFileOutcome, type ImportFormState, type UploadErrorKey } from "./form-state";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import population data" };

const TAG: Record<string, string> = {
  applied: "nhsuk-tag nhsuk-tag--green",
  unchanged: "nhsuk-tag nhsuk-tag--grey",
  rejected: "nhsuk-tag nhsuk-tag--red",
};

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

function typeLabel(t: string): string {
  return (IMPORT_FILE_TYPES as readonly string[]).includes(t) ? FILE_TYPE_LABELS[t as ImportFileType] : "Not recognised";
}

// After a form posted without JavaScript: ?imported=1,2 (the import log's rows) or ?error=KEY.
const OutcomeQuerySchema = z.object({
  imported: z
    .string()
    .regex(/^\d{1,12}(,\d{1,12}){0,19}$/)
    .transform((s) => s.split(",").map(Number))
    .optional()
    .catch(undefined),
  error: z
    .enum(Object.keys(UPLOAD_ERROR_MESSAGES) as [UploadErrorKey, ...UploadErrorKey[]])
    .optional()
    .catch(undefined),
});

async function outcomeOf(query: z.infer<typeof OutcomeQuerySchema>): Promise<ImportFormState | undefined> {
  if (query.error) return { status: "error", message: UPLOAD_ERROR_MESSAGES[query.error], fieldErrors: {}, importedBy: "", results: [] };
  if (!query.imported) return undefined;
  const rows = await getDb().importLog.findMany({ where: { id: { in: query.imported } }, orderBy: { id: "asc" } });
  if (!rows.length) return undefined;
  const results: ImportFileOutcome[] = rows.map((l) => ({
    fileName: l.fileName,
    fileType: l.fileType,
    fileTypeLabel: typeLabel(l.fileType),
    rows: l.rows,
    extractDate: l.extractDate,
    outcome: l.outcome === "applied" || l.outcome === "unchanged" ? l.outcome : "rejected",
    message: l.message ?? "",
    issues: [],
    durationMs: l.finishedAt ? l.finishedAt.getTime() - l.startedAt.getTime() : 0,
  }));
  return { status: "done", message: doneMessage(results), fieldErrors: {}, importedBy: rows[0]!.importedBy ?? "", results };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (!hasRole(user, "admin")) {
    return (
      <>
        <h1>Import population data</h1>
        <div className="nhsuk-inset-text">
          <p>
            {user ? "Only administrators can import files. " : ""}
            <Link href="/login?next=%2Fadmin%2Fimport">Sign in as an administrator</Link> to import population files.
          </p>
        </div>
      </>
    );
  }
  const logs = await listImportLogs(getDb(), 50);
  const outcome = await outcomeOf(OutcomeQuerySchema.parse(await searchParams));
  return (
    <>
      <h1>Import population data</h1>
      <p className="nhsuk-body">
        Load registered-patient and weighted population files. A file that is not valid is rejected whole, with the line
        and the reason, and nothing in it is imported. Importing a file a second time changes nothing.
      </p>
      <ImportForm initialState={outcome} />

      <h2>Import log</h2>
      {logs.length === 0 ? (
        <p className="nhsuk-body">No files have been imported yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">The latest 50 imports, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">When</th>
              <th className="nhsuk-table__header" scope="col">File</th>
              <th className="nhsuk-table__header" scope="col">Type</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Rows</th>
              <th className="nhsuk-table__header" scope="col">Extract date</th>
              <th className="nhsuk-table__header" scope="col">Outcome</th>
              <th className="nhsuk-table__header" scope="col">By</th>
              <th className="nhsuk-table__header" scope="col">Details</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {logs.map((l) => (
              <tr className="nhsuk-table__row" key={l.id}>
                <td className="nhsuk-table__cell">{dateTime.format(l.startedAt)}</td>
                <td className="nhsuk-table__cell">{l.fileName}</td>
                <td className="nhsuk-table__cell">{typeLabel(l.fileType)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{l.rows.toLocaleString("en-GB")}</td>
                <td className="nhsuk-table__cell">{l.extractDate ?? "–"}</td>
                <td className="nhsuk-table__cell">
                  <strong className={TAG[l.outcome] ?? "nhsuk-tag"}>{l.outcome}</strong>
                </td>
                <td className="nhsuk-table__cell">{l.importedBy ?? "–"}</td>
                <td className="nhsuk-table__cell nhsuk-body-s">{l.message ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
