import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_MESSAGE, isCrossSiteActionPost } from "@/lib/same-origin.mjs";
import { HSTS, isHttps, newNonce, NON_PAGE_CSP, pageCsp } from "@/lib/security-headers.mjs";

/**
 * Server actions take at most 1 MB (next.config.ts); refuse larger or unsized action posts here,
 * before Next reads them. The admin upload is not an action: it is a route handler
 * (/admin/import/upload) that checks the administrator before reading a byte and streams the
 * files, so the matcher leaves it out (the proxy would buffer its body).
 */
const MAX_ACTION_BYTES = 1024 * 1024;

/** Each path segment is valid percent-encoding ("%FF" or a lone "%" is not). */
function decodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Content-Security-Policy (and HSTS over HTTPS) on the response; the other security headers come
 * from next.config.ts for every path (lib/security-headers.mjs, docs/decisions/010-hardening.md).
 */
function secured(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = isHttps(request.headers.get("x-forwarded-proto"), process.env.ARRS_PUBLIC_URL);
  const isApi = /^\/api(\/|$)/.test(pathname);
  // Next cannot decode such a segment into a route parameter and answers 500: it is a 404.
  if (!decodablePath(pathname) && isApi) {
    return secured(
      NextResponse.json({ error: { code: "not_found", message: "There is no such API path (the address is not valid URL encoding)." } }, { status: 404, headers: { "cache-control": "no-store" } }),
      NON_PAGE_CSP,
      https,
    );
  }
  // Next refuses a cross-site action post too, but as a 500: say what happened instead.
  if (isCrossSiteActionPost(request.method, pathname, (name) => request.headers.get(name))) {
    return secured(new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } }), NON_PAGE_CSP, https);
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = request.headers.get("content-length");
    if (length === null) return secured(new NextResponse("A length is required.", { status: 411 }), NON_PAGE_CSP, https);
    if (Number(length) > MAX_ACTION_BYTES) return secured(new NextResponse("The request is too large.", { status: 413 }), NON_PAGE_CSP, https);
  }
  if (isApi) return secured(NextResponse.next(), NON_PAGE_CSP, https);

  // A page: a fresh nonce, on the request for Next (it reads the nonce from the request's CSP
  // header and puts it on its scripts) and on the response for the browser.
  const csp = pageCsp({ nonce: newNonce(), https, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // No route has an undecodable path, so Next renders the app's not-found page, with status 404.
  const response = decodablePath(pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL("/_no-such-page", request.url), { request: { headers } });
  return secured(response, csp, https);
}

export const config = {
  matcher: ["/((?!admin/import/upload|_next/static|_next/image|assets/|nhsuk/|favicon.ico).*)"],
};
