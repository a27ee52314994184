// State shared by the import form (client), its upload route (upload/route.ts) and the page: plain, serialisable data.
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

/** Where the form posts (a route handler, not a server action: it checks the account before reading the body). */
export const UPLOAD_PATH = "/admin/import/upload";

/** What the page says after a form posted without JavaScript was refused (?error=KEY). */
export const UPLOAD_ERROR_MESSAGES = {
  "sign-in": "Sign in as an administrator to import files.",
  forbidden: "Only system administrators can do this.",
  "too-many": "Too many failed attempts from this address. Try again later.",
  check: "Check the form.",
  "too-large": "A file is larger than 64 MB, so nothing was imported.",
  "not-a-form": "The files must be sent with this page's form.",
  unreadable: "The upload could not be read, so nothing was imported.",
  "no-files": "Select one or more CSV files.",
  failed: "Something went wrong on our side. Files not yet imported were left out.",
} as const;
export type UploadErrorKey = keyof typeof UPLOAD_ERROR_MESSAGES;

export function doneMessage(outcomes: { outcome: string }[]): string {
  const rejected = outcomes.filter((o) => o.outcome === "rejected").length;
  if (!rejected) return "All files imported.";
  return `${rejected} of ${outcomes.length} file${outcomes.length === 1 ? " was" : "s were"} rejected; nothing from ${rejected === 1 ? "it" : "them"} was imported.`;
}
