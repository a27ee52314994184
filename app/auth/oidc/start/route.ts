// GET /auth/oidc/start?next=… — single sign-on: sends the browser to the OpenID Connect provider
// (authorisation code flow with PKCE; lib/server/auth/oidc.ts) with the flow cookie set. When the
// provider cannot be reached, back to the sign-in page with a plain message.
import { NextResponse } from "next/server";
import { beginSignIn, flowCookieName, flowCookieOptions, loginUrl, oidcSettings } from "@/lib/server/auth/oidc";
import { safeNext } from "@/lib/server/auth/safe-next";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

/** A 303 to a path of this app (relative: no host taken from the request). */
const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { location, ...NO_STORE } });

export async function GET(request: Request): Promise<Response> {
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  const settings = oidcSettings();
  if (!settings) return seeOther(loginUrl(null, next));
  let begun: Awaited<ReturnType<typeof beginSignIn>>;
  try {
    begun = await beginSignIn(settings, next);
  } catch (e) {
    console.error(e);
    return seeOther(loginUrl("error", next));
  }
  if (!begun.ok) return seeOther(loginUrl(begun.reason, next));
  const res = new NextResponse(null, { status: 303, headers: { location: begun.url.href, ...NO_STORE } });
  res.cookies.set(flowCookieName(settings), begun.cookie, flowCookieOptions(settings));
  return res;
}
