// A server action (or a form post that could be one) sent from another site. Next refuses these
// itself (CSRF protection) but answers 500; proxy.ts and scripts/serve.mjs answer 403 first, with
// this one rule — Next's: the Origin's host must be the X-Forwarded-Host (first value) if there is
// one, else the Host. Plain JS so that the custom server can use it without a build step.

export const CROSS_SITE_MESSAGE = "This form was sent from another site, so it was refused.";

/**
 * @param {string} method
 * @param {string} pathname
 * @param {(name: string) => string | null | undefined} header a request header by lower-case name
 * @returns {boolean}
 */
export function isCrossSiteActionPost(method, pathname, header) {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return false;
  const contentType = (header("content-type") ?? "").toLowerCase();
  if (!header("next-action") && !contentType.startsWith("multipart/form-data")) return false;
  const origin = header("origin");
  // No Origin: not a browser (a browser always sends one with a POST); Next lets it through too.
  if (!origin) return false;
  let originHost;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = header("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost !== (forwarded || header("host"));
}
