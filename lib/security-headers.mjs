// Security headers on every response (docs/decisions/010-hardening.md). Plain JS so that
// scripts/serve.mjs (no build step) and proxy.ts share one definition.
//
// - Pages: a Content-Security-Policy with a fresh nonce per request (proxy.ts puts it on the
//   request too: Next reads the nonce from there and puts it on its own scripts, which is why
//   every page renders dynamically). Scripts: only those carrying the nonce, and what they load
//   ('strict-dynamic'); no 'unsafe-inline', no 'unsafe-eval' (except under `next dev`).
//   Styles: <style> and stylesheets only from this site or with the nonce; style *attributes*
//   are allowed ('unsafe-inline' for style-src-attr only), because the charts (recharts) and
//   React server rendering write them. An attribute cannot run script or select elements.
// - API answers and files: a policy that allows nothing (they are not pages).
// - Everything: nosniff, Referrer-Policy, Permissions-Policy (no camera, microphone, location,
//   …), X-Frame-Options DENY (frame-ancestors for old browsers), Cross-Origin-Opener-Policy;
//   Strict-Transport-Security when the request came over HTTPS (X-Forwarded-Proto) or
//   ARRS_PUBLIC_URL is https.

export const BASE_HEADERS = Object.freeze({
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
});

export const HSTS = "max-age=31536000; includeSubDomains";

/** For responses that are not pages: API JSON, CSV/XLSX files, static assets. */
export const NON_PAGE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for a page.
 * @param {{ nonce: string, https: boolean, dev?: boolean }} o
 */
export function pageCsp({ nonce, https, dev = false }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next's development server adds styles without a nonce.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    ...(dev ? [] : [`style-src-elem 'self' 'nonce-${nonce}'`, "style-src-attr 'unsafe-inline'"]),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Did the request come over HTTPS, as far as this app can tell?
 * @param {string | null | undefined} forwardedProto the X-Forwarded-Proto header
 * @param {string | undefined} publicUrl ARRS_PUBLIC_URL
 */
export function isHttps(forwardedProto, publicUrl) {
  if ((publicUrl ?? "").toLowerCase().startsWith("https://")) return true;
  return (forwardedProto ?? "").split(",")[0].trim().toLowerCase() === "https";
}
