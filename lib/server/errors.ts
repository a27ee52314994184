// One error model for the whole app, mapped to HTTP once (lib/server/http.ts).
export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "payload_too_large"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "request_timeout"
  | "too_many_requests"
  | "service_unavailable";

export interface FieldIssue {
  /** Dotted path into the input, e.g. "posts.0.wte" ("" for the whole body). */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** Extra fields of the error object in the response, e.g. a conflict's `current` record. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalidInput = (issues: FieldIssue[], message = "The input is not valid.") =>
  new AppError("invalid_input", message, issues);
export const notFound = (message: string) => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[]; [detail: string]: unknown };
}

export function errorBody(e: AppError): ErrorBody {
  return { error: { ...e.details, code: e.code, message: e.message, ...(e.issues.length ? { issues: e.issues } : {}) } };
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  payload_too_large: 413,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  request_timeout: 408,
  too_many_requests: 429,
  service_unavailable: 503,
};

/** Too many failed attempts: 429 with `Retry-After` (seconds; also `retryAfter` in the error). */
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError("too_many_requests", message, [], { retryAfter: retryAfterSeconds });

/** Busy for now (e.g. every optimiser worker in use and the queue full): 503 with `Retry-After`. */
export const serviceUnavailable = (message: string, retryAfterSeconds: number) =>
  new AppError("service_unavailable", message, [], { retryAfter: retryAfterSeconds });
