/**
 * Where to go after signing in: only paths on this site. "/pcns/U1#confirm" yes;
 * "//evil.example", "/\tevil.example", "https://…" no. Browsers drop tabs and newlines from URLs,
 * so they are removed before the check, and the result must resolve to our own origin.
 */
export function safeNext(next: string | undefined | null): string {
  const cleaned = (next ?? "").replace(/[\t\n\r]/g, "");
  if (!cleaned.startsWith("/") || cleaned.startsWith("//") || cleaned.startsWith("/\\")) return "/";
  try {
    const base = "http://arrs-planner.invalid";
    const u = new URL(cleaned, base);
    return u.origin === base ? `${u.pathname}${u.search}${u.hash}` : "/";
  } catch {
    return "/";
  }
}
