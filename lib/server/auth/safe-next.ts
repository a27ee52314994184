/**
 * Where to go after signing in: only paths on this site. "/pcns/U1#confirm" yes;
 * "//evil.example", "/\tevil.example", "/..//evil.example", "https://…" no.
 *
 * Browsers drop tabs and newlines from URLs, so they are removed first. The path is then resolved
 * the way a browser would (dot-segments, including encoded ones such as "%2e%2e", and backslashes
 * read as slashes), and the *result* must be a same-origin path that does not start with "//" or
 * "/\" (which a browser reads as another host). Anything else is "/". The value returned is
 * already resolved, percent-encoded ASCII, so resolving it again gives the same path: that is
 * what Next's redirect() sends as the Location (or x-action-redirect) header.
 */
const BASE = "http://arrs-planner.invalid";

const looksLocal = (s: string) => s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\");

/** The path, query and fragment `s` resolves to on this site, or null if it leaves the site. */
function resolveLocal(s: string): string | null {
  if (!looksLocal(s)) return null;
  let u: URL;
  try {
    u = new URL(s, BASE);
  } catch {
    return null;
  }
  if (u.origin !== BASE) return null;
  const out = `${u.pathname}${u.search}${u.hash}`;
  return looksLocal(out) ? out : null;
}

export function safeNext(next: string | undefined | null): string {
  const resolved = resolveLocal((next ?? "").replace(/[\t\n\r]/g, ""));
  // Guard what is finally emitted: it must resolve to itself, on this site.
  return resolved !== null && resolveLocal(resolved) === resolved ? resolved : "/";
}
