"use server";
// Server action behind the admin import form: validate the form, run the same importer as the
// CLI (one transaction per file, in a sensible order) and return each file's outcome.
import { revalidatePath } from "next/cache";
import { ImportUploadFormSchema } from "@/lib/schemas/import";
import { requireRole } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { FILE_TYPE_LABELS, importFiles, type ImportFileType } from "@/lib/server/import";
import type { ImportFileOutcome, ImportFormState } from "./form-state";

/** Largest file accepted (the single-year-of-age file for England is about 16 MB). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function importUploadedFiles(_prev: ImportFormState, formData: FormData): Promise<ImportFormState> {
  // Authenticate → authorise (admins only) → validate → work → revalidate.
  let user;
  try {
    user = await requireRole("admin");
  } catch (e) {
    if (e instanceof AppError) return { status: "error", message: e.message, fieldErrors: {}, importedBy: "", results: [] };
    throw e;
  }
  const importedByRaw = `${user.name} (${user.email})`;
  const parsed = ImportUploadFormSchema.safeParse({ importedBy: typeof importedByRaw === "string" ? importedByRaw : "" });
  const files = formData.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
  const fieldErrors: ImportFormState["fieldErrors"] = {};
  if (!parsed.success) fieldErrors.importedBy = parsed.error.issues[0]?.message ?? "Enter your name";
  if (!files.length) fieldErrors.files = "Select one or more CSV files";
  const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
  if (tooBig) fieldErrors.files = `${tooBig.name} is larger than 64 MB`;
  const importedBy = typeof importedByRaw === "string" ? importedByRaw.trim() : "";
  if (Object.keys(fieldErrors).length || !parsed.success) {
    return { status: "error", message: "Check the form.", fieldErrors, importedBy, results: [] };
  }

  try {
    const inputs = await Promise.all(files.map(async (f) => ({ fileName: f.name, content: Buffer.from(await f.arrayBuffer()) })));
    const results = await importFiles(getDb(), inputs, { importedBy: parsed.data.importedBy });
    revalidatePath("/admin/import");
    const outcomes: ImportFileOutcome[] = results.map((r) => ({
      fileName: r.fileName,
      fileType: r.fileType,
      fileTypeLabel: r.fileType === "unknown" ? "Not recognised" : FILE_TYPE_LABELS[r.fileType as ImportFileType],
      rows: r.rows,
      extractDate: r.extractDate,
      outcome: r.outcome,
      message: r.message,
      issues: r.issues.slice(0, 20),
      durationMs: r.durationMs,
    }));
    const rejected = outcomes.filter((o) => o.outcome === "rejected").length;
    return {
      status: "done",
      message: rejected ? `${rejected} of ${outcomes.length} file${outcomes.length === 1 ? " was" : "s were"} rejected; nothing from ${rejected === 1 ? "it" : "them"} was imported.` : "All files imported.",
      fieldErrors: {},
      importedBy,
      results: outcomes,
    };
  } catch (e) {
    console.error(e);
    return { status: "error", message: "Something went wrong on our side. Files not yet imported were left out.", fieldErrors: {}, importedBy, results: [] };
  }
}
