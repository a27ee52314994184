import "server-only";
import { AppError, errorBody, HTTP_STATUS } from "./errors";

/** JSON response for a route handler. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Maps any thrown error to the one error model; unexpected errors are logged, not leaked. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const response = json(errorBody(e), HTTP_STATUS[e.code]);
    if (e.code === "too_many_requests" || e.code === "service_unavailable") response.headers.set("retry-after", String(e.details.retryAfter));
    return response;
  }
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
  const bytes = await readBodyBytes(request, maxBytes);
  return bytes === null ? null : bytes.toString("utf8");
}

/** The request body as bytes (a spreadsheet upload), with readBodyText's limit: null when over `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
type RouteHandler = (request: Request) => Response;
type RouteMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
/** What a route implements; HEAD comes with GET (Next answers it from GET). */
type Implemented<A extends RouteMethod> = A | (A extends "GET" ? "HEAD" : never) | "OPTIONS";

/**
 * Handlers for every method a route does not implement: 405 with an `Allow` header and the JSON
 * error, and OPTIONS (204) naming the methods that are allowed. A route spreads them into its
 * exports, e.g. `export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");`.
 */
export function otherMethods<A extends RouteMethod>(...allowed: A[]): Record<Exclude<Method, Implemented<A>> | "OPTIONS", RouteHandler> {
  const implemented = new Set<Method>([...allowed, ...(allowed.includes("GET" as A) ? (["HEAD"] as const) : []), "OPTIONS"]);
  const allow = METHODS.filter((m) => implemented.has(m)).join(", ");
  const notAllowed: RouteHandler = (request) =>
    Response.json(
      { error: { code: "method_not_allowed", message: `${request.method} is not allowed on this path; it allows ${allow}.` } },
      { status: HTTP_STATUS.method_not_allowed, headers: { allow, "cache-control": "no-store" } },
    );
  const handlers: Partial<Record<Method, RouteHandler>> = { OPTIONS: () => new Response(null, { status: 204, headers: { allow } }) };
  for (const m of METHODS) if (!implemented.has(m)) handlers[m] = notAllowed;
  return handlers as Record<Exclude<Method, Implemented<A>> | "OPTIONS", RouteHandler>;
}

/** Every method answered with the JSON 404: the catch-all for unknown /api paths. */
export function unknownApiPath(): Record<Method, RouteHandler> {
  const notFound: RouteHandler = () => json({ error: { code: "not_found", message: "There is no such API path. The API is under /api/v1 (see the README)." } }, HTTP_STATUS.not_found);
  return Object.fromEntries(METHODS.map((m) => [m, notFound])) as Record<Method, RouteHandler>;
}

/**
 * Refuses a request body that is not JSON (415 unsupported_media_type): `application/json` or
 * `application/*+json`, with parameters allowed but any charset UTF-8.
 */
export function requireJsonBody(request: Request): void {
  const header = request.headers.get("content-type") ?? "";
  const [type = "", ...params] = header.split(";").map((s) => s.trim().toLowerCase());
  const isJson = type === "application/json" || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/^"(.*)"$/, "$1");
  if (isJson && (charset === undefined || charset === "utf-8" || charset === "utf8")) return;
  throw new AppError(
    "unsupported_media_type",
    isJson ? "Send the JSON as UTF-8 (Content-Type: application/json)." : "Send the request as JSON, with the header Content-Type: application/json.",
  );
}
