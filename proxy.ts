import { NextResponse, type NextRequest } from "next/server";

/**
 * Server actions accept bodies up to 64 MB (next.config.ts) so that England's population files
 * can be uploaded on /admin/import. Everywhere else a server action needs far less, so refuse
 * large or unsized action posts here, before Next reads them. (/admin/import is excluded by the
 * matcher: its action authenticates the administrator before doing any work.)
 */
const MAX_ACTION_BYTES = 1024 * 1024;

export function proxy(request: NextRequest) {
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
