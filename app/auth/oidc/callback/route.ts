// GET /auth/oidc/callback — the OpenID Connect provider's redirect back (lib/server/auth/oidc.ts):
// completes the sign-in, sets the app's session cookie and goes on to where the user was going
// (a new account: the page saying it waits for an administrator). Any failure: the sign-in page
// with a plain message, nothing created. The flow cookie is cleared either way.
import { NextResponse } from "next/server";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { ACCOUNT_CREATED_PATH, completeSignIn, flowCookieName, flowCookieOptions, loginUrl, oidcSettings, requestCookie, type CompleteResult } from "@/lib/server/auth/oidc";

export const dynamic = "force-dynamic";

// The callback URL carries the authorisation code: never cached, never sent on as a referrer.
const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

export async function GET(request: Request): Promise<Response> {
  const settings = oidcSettings();
  if (!settings) return new NextResponse(null, { status: 303, headers: { location: loginUrl(null, "/"), ...NO_STORE } });
  let result: CompleteResult;
  try {
    result = await completeSignIn(getDb(), settings, new URL(request.url).searchParams, requestCookie(request, flowCookieName(settings)));
  } catch (e) {
    console.error(e);
    result = { ok: false, reason: "error", next: "/" };
  }
  const location = result.ok ? (result.created ? `${ACCOUNT_CREATED_PATH}${result.next === "/" ? "" : `?next=${encodeURIComponent(result.next)}`}` : result.next) : loginUrl(result.reason, result.next);
  const res = new NextResponse(null, { status: 303, headers: { location: new URL(location, settings.publicUrl).href, ...NO_STORE } });
  res.cookies.set(flowCookieName(settings), "", flowCookieOptions(settings, 0));
  if (result.ok) res.cookies.set(SESSION_COOKIE, result.session.token, sessionCookieOptions(result.session.expiresAt, settings.secure));
  return res;
}
