import "server-only";
// Who is calling an API route: `Authorization: Bearer <token>` (tokens from `npm run user -- token
// EMAIL`) or the browser's session cookie. A bad or revoked token is 401, never "anonymous";
// after 20 of them from one address in 15 minutes, every token from it is 429 with Retry-After
// until the oldest of them is 15 minutes old (lib/server/auth/rate-limit.ts).
import { SESSION_COOKIE } from "./auth";
import { getDb } from "../db/db";
import { AppError, tooManyRequests } from "../errors";
import { checkLimit, clientAddress, LIMITS, recordFailure, tryAgainIn } from "./rate-limit";
import { userForApiToken, userForSession, type SessionUser } from "./users";

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The signed-in account of an API request, or null when it carries neither a token nor a live
 * session. Cookie-authenticated writes must come from this site (Origin matches Host), so another
 * site cannot make a signed-in browser save or delete scenarios.
 */
export async function actorFromRequest(request: Request): Promise<SessionUser | null> {
  const db = getDb();
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const address = clientAddress(request.headers);
    const limited = (retryAfterSeconds: number) =>
      tooManyRequests(`Too many failed API authentications from this address. ${tryAgainIn(retryAfterSeconds)}`, retryAfterSeconds);
    const before = await checkLimit(db, LIMITS.apiTokenAddress, address);
    if (!before.allowed) throw limited(before.retryAfterSeconds);
    const failed = async (message: string) => {
      const after = await recordFailure(db, LIMITS.apiTokenAddress, address);
      return after.allowed ? new AppError("unauthenticated", message) : limited(after.retryAfterSeconds);
    };
    const m = /^Bearer[ \t]+([A-Za-z0-9_-]+)[ \t]*$/i.exec(authorization);
    if (!m) throw await failed('Send the API token as the header "Authorization: Bearer <token>".');
    const user = await userForApiToken(db, m[1]);
    if (!user) throw await failed("The API token is not valid: it is unknown or has been revoked. Ask for a new one (npm run user -- token EMAIL).");
    return user;
  }
  const user = await userForSession(db, cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
  if (user && request.method !== "GET" && request.method !== "HEAD") {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (origin !== null && (origin === "null" || !host || safeHost(origin) !== host.split(",")[0]!.trim().toLowerCase())) {
      throw new AppError("forbidden", "This request came from another site and was refused.");
    }
  }
  return user;
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
