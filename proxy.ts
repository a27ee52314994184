import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_MESSAGE, isCrossSiteActionPost } from "@/lib/same-origin.mjs";

/**
 * Server actions accept bodies up to 64 MB (next.config.ts) so that England's population files
 * can be uploaded on /admin/import. Everywhere else a server action needs far less, so refuse
 * large or unsized action posts here, before Next reads them. (/admin/import is excluded by the
 * matcher: its action authenticates the administrator before doing any work.)
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

export function proxy(request: NextRequest) {
  // Next cannot decode such a segment into a route parameter and answers 500: it is a 404.
  if (!decodablePath(request.nextUrl.pathname)) {
    if (/^\/api(\/|$)/.test(request.nextUrl.pathname)) {
      return NextResponse.json({ error: { code: "not_found", message: "There is no such API path (the address is not valid URL encoding)." } }, { status: 404, headers: { "cache-control": "no-store" } });
    }
    // No route has this path, so Next renders the app's not-found page, with status 404.
    return NextResponse.rewrite(new URL("/_no-such-page", request.url));
  }
  // Next refuses a cross-site action post too, but as a 500: say what happened instead.
  if (isCrossSiteActionPost(request.method, request.nextUrl.pathname, (name) => request.headers.get(name))) {
    return new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = request.headers.get("content-length");
    if (length === null) return new NextResponse("A length is required.", { status: 411 });
    if (Number(length) > MAX_ACTION_BYTES) return new NextResponse("The request is too large.", { status: 413 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!admin/import|_next/static|_next/image|assets/|nhsuk/|favicon.ico).*)"],
};
