// POST /admin/import/upload — the admin upload (multipart/form-data, field `files`). The account
// is checked from the request's headers before a byte of the body is read (session cookie from
// this site, or an API token; system administrators only: 401/403 otherwise); the files are then
// streamed (lib/server/import/import-upload.ts: at most 64 MB, refused as soon as it is passed, never
// buffered whole) into the same importer as `npm run import`.
//
// The import page's script asks for JSON (the form's state: each file's outcome); a form posted
// without JavaScript is sent back to the page (303), which shows the outcome from the import log.
import { revalidatePath } from "next/cache";
import { ImportUploadFormSchema } from "@/lib/schemas/import";
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { AppError, HTTP_STATUS, type ErrorCode } from "@/lib/server/errors";
import { otherMethods } from "@/lib/server/http";
import { FILE_TYPE_LABELS, importFiles, type ImportFileType } from "@/lib/server/import";
import { readUploadedFiles } from "@/lib/server/import/import-upload";
import { hasRole } from "@/lib/server/auth/users";
import { doneMessage, UPLOAD_ERROR_MESSAGES, type ImportFileOutcome, type ImportFormState, type UploadErrorKey } from "../form-state";

export const dynamic = "force-dynamic";

const wantsJson = (request: Request) => !/text\/html/i.test(request.headers.get("accept") ?? "");

function refused(request: Request, code: ErrorCode, key: UploadErrorKey, message: string, fieldErrors: ImportFormState["fieldErrors"] = {}, importedBy = ""): Response {
  if (!wantsJson(request)) {
    const location = key === "sign-in" ? "/login?next=%2Fadmin%2Fimport" : `/admin/import?error=${key}`;
    return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
  }
  const state: ImportFormState = { status: "error", message, fieldErrors, importedBy, results: [] };
  return Response.json({ ...state, error: { code, message: fieldErrors.files ?? message } }, { status: HTTP_STATUS[code], headers: { "cache-control": "no-store" } });
}

/** An unexpected failure: the generic message (logged, never shown), as JSON or back to the page. */
function failed(request: Request, e: unknown, message: string): Response {
  console.error(e);
  if (!wantsJson(request)) return new Response(null, { status: 303, headers: { location: "/admin/import?error=failed", "cache-control": "no-store" } });
  return Response.json({ status: "error", message, fieldErrors: {}, importedBy: "", results: [], error: { code: "internal_error", message } }, { status: 500, headers: { "cache-control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  try {
    return await upload(request);
  } catch (e) {
    return failed(request, e, "Something went wrong on our side. Nothing was changed.");
  }
}

async function upload(request: Request): Promise<Response> {
  // 1. Who is asking: headers only.
  let user;
  try {
    user = await actorFromRequest(request);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const response = refused(request, e.code, e.code === "too_many_requests" ? "too-many" : "forbidden", e.message);
    if (e.code === "too_many_requests") response.headers.set("retry-after", String(e.details.retryAfter));
    return response;
  }
  if (!user) return refused(request, "unauthenticated", "sign-in", UPLOAD_ERROR_MESSAGES["sign-in"]);
  if (!hasRole(user, "admin")) return refused(request, "forbidden", "forbidden", UPLOAD_ERROR_MESSAGES.forbidden);
  const importedBy = `${user.name} (${user.email})`;
  const form = ImportUploadFormSchema.safeParse({ importedBy });
  if (!form.success) return refused(request, "invalid_input", "check", UPLOAD_ERROR_MESSAGES.check, { importedBy: form.error.issues[0]?.message ?? "Enter your name" });

  // 2. The body, streamed.
  const upload = await readUploadedFiles(request);
  if ("problem" in upload) {
    const { code, message } = upload.problem;
    const key: UploadErrorKey = code === "payload_too_large" ? "too-large" : code === "unsupported_media_type" ? "not-a-form" : "unreadable";
    return refused(request, code, key, UPLOAD_ERROR_MESSAGES.check, { files: message }, importedBy);
  }
  if (!upload.files.length) return refused(request, "invalid_input", "no-files", UPLOAD_ERROR_MESSAGES.check, { files: "Select one or more CSV files" }, importedBy);

  // 3. The work: one transaction per file, in a sensible order.
  let results;
  try {
    results = await importFiles(getDb(), upload.files, { importedBy: form.data.importedBy });
  } catch (e) {
    return failed(request, e, UPLOAD_ERROR_MESSAGES.failed);
  }
  revalidatePath("/admin/import");
  if (!wantsJson(request)) {
    const ids = results.map((r) => r.importLogId).filter((id): id is number => id !== null);
    return new Response(null, { status: 303, headers: { location: `/admin/import?imported=${ids.join(",")}`, "cache-control": "no-store" } });
  }
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
  const state: ImportFormState = { status: "done", message: doneMessage(outcomes), fieldErrors: {}, importedBy, results: outcomes };
  return Response.json(state, { headers: { "cache-control": "no-store" } });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
