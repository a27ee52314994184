// State shared by the import form (client) and its server action: plain, serialisable data.
import type { ImportIssue } from "@/lib/server/import/errors";

export type ImportFormField = "files" | "importedBy";

export interface ImportFileOutcome {
  fileName: string;
  fileType: string;
  fileTypeLabel: string;
  rows: number;
  extractDate: string | null;
  outcome: "applied" | "unchanged" | "rejected";
  message: string;
  issues: ImportIssue[];
  durationMs: number;
}

export interface ImportFormState {
  status: "idle" | "done" | "error";
  message: string;
  fieldErrors: Partial<Record<ImportFormField, string>>;
  importedBy: string;
  results: ImportFileOutcome[];
}

export const initialImportFormState: ImportFormState = { status: "idle", message: "", fieldErrors: {}, importedBy: "", results: [] };
