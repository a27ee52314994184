import "server-only";
import { AppError, errorBody, HTTP_STATUS } from "./errors";

/** JSON response for a route handler. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Maps any thrown error to the one error model; unexpected errors are logged, not leaked. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) return json(errorBody(e), HTTP_STATUS[e.code]);
  console.error(e);
  return json({ error: { code: "internal_error", message: "Something went wrong on our side. Nothing was changed." } }, 500);
}

/** Runs a route handler body and converts thrown errors to responses. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * Reads a request body as UTF-8 text, stopping as soon as it passes `maxBytes` (declared or
 * streamed): returns null then, so an oversized or endless body is never held in memory.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
