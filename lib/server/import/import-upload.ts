import "server-only";
// The admin upload (POST /admin/import/upload, app/admin/import/upload/route.ts): who may send it
// is settled from the request's headers before a byte of the body is read; the multipart body is
// then streamed through busboy, each file collected only up to its limit, and the request given
// up (not read further) as soon as any limit is passed.
import { Readable } from "node:stream";
import busboy from "busboy";

/** Largest file accepted (the single-year-of-age file for England is about 16 MB). */
export const MAX_UPLOAD_FILE_BYTES = 64 * 1024 * 1024;
/** Largest upload in all (several files, and the multipart framing). */
export const MAX_UPLOAD_BODY_BYTES = 64 * 1024 * 1024 + 64 * 1024;
/** At most this many files in one upload. */
export const MAX_UPLOAD_FILES = 20;

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export type UploadProblem =
  | { code: "payload_too_large"; message: string }
  | { code: "unsupported_media_type"; message: string }
  | { code: "invalid_input"; message: string };

export const TOO_LARGE_MESSAGE = "The upload is larger than 64 MB in all, so it was not read.";

/** A file name as the browser sent it, made safe to show: the last path part, no control characters. */
function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  return Array.from(base.replace(/[\u0000-\u001f\u007f-\u009f]/g, "")).slice(0, 200).join("").trim();
}

/**
 * The `files` of a multipart/form-data body; other fields are ignored. Empty file inputs (no file
 * chosen) are left out. A problem instead when the body is not multipart, is over a limit (found
 * out while streaming, from Content-Length when it is declared), or cannot be read.
 */
export async function readUploadedFiles(request: Request): Promise<{ files: UploadedFile[] } | { problem: UploadProblem }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BODY_BYTES) return { problem: { code: "payload_too_large", message: TOO_LARGE_MESSAGE } };
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    return { problem: { code: "unsupported_media_type", message: "Send the files as a form upload (multipart/form-data)." } };
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: MAX_UPLOAD_FILE_BYTES, files: MAX_UPLOAD_FILES, fields: 20, fieldSize: 64 * 1024, parts: MAX_UPLOAD_FILES + 20, headerPairs: 20 },
    });
  } catch {
    return { problem: { code: "unsupported_media_type", message: "Send the files as a form upload (multipart/form-data with a boundary)." } };
  }

  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  return new Promise((resolve) => {
    const files: UploadedFile[] = [];
    let settled = false;
    const finish = (r: { files: UploadedFile[] } | { problem: UploadProblem }) => {
      if (settled) return;
      settled = true;
      if ("problem" in r) {
        // Stop reading: the rest of the body is never taken in.
        body.unpipe(parser);
        body.destroy();
        parser.destroy();
      }
      resolve(r);
    };
    let received = 0;
    body.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BODY_BYTES) finish({ problem: { code: "payload_too_large", message: TOO_LARGE_MESSAGE } });
    });
    body.on("error", () => finish({ problem: { code: "invalid_input", message: "The upload stopped before it was complete." } }));
    // Done when the parser has closed and every file it started has ended.
    let open = 0;
    let parserClosed = false;
    const maybeDone = () => {
      if (parserClosed && open === 0) finish({ files });
    };
    parser.on("file", (field, stream, info) => {
      if (field !== "files") {
        stream.resume();
        return;
      }
      open++;
      const fileName = cleanFileName(info.filename);
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("limit", () => finish({ problem: { code: "payload_too_large", message: `${fileName || "A file"} is larger than 64 MB` } }));
      stream.on("end", () => {
        const content = Buffer.concat(chunks);
        if (!stream.truncated && content.length > 0) files.push({ fileName: fileName || `file-${files.length + 1}.csv`, content });
        open--;
        maybeDone();
      });
    });
    parser.on("filesLimit", () => finish({ problem: { code: "invalid_input", message: `Upload at most ${MAX_UPLOAD_FILES} files at a time.` } }));
    parser.on("partsLimit", () => finish({ problem: { code: "invalid_input", message: "The form has too many parts." } }));
    parser.on("error", () => finish({ problem: { code: "invalid_input", message: "The upload is not a form this page can read." } }));
    parser.on("close", () => {
      parserClosed = true;
      maybeDone();
    });
    body.pipe(parser);
  });
}
