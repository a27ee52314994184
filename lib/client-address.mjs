// The client's address for the attempt limits (lib/server/auth/rate-limit.ts), as scripts/serve.mjs
// works it out before Next sees the request (it then replaces X-Forwarded-For with it). Plain JS
// so that the server needs no build step. docs/decisions/010-hardening.md.

/**
 * The socket's address, or — with `trustedProxies` = N proxies in front, each adding the address
 * it saw to X-Forwarded-For — the entry N from the end: the one the outermost trusted proxy saw.
 * Entries further left are whatever the client sent, so they are never used.
 * @param {string | undefined} remoteAddress the socket's address
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s)
 * @param {number} trustedProxies
 * @returns {string}
 */
export function clientAddressOf(remoteAddress, forwardedFor, trustedProxies) {
  const socket = (remoteAddress ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  if (!(trustedProxies > 0)) return socket;
  const hops = [forwardedFor ?? ""].flat().join(",").split(",").map((s) => s.trim()).filter(Boolean);
  if (!hops.length) return socket;
  return hops[Math.max(0, hops.length - trustedProxies)];
}

/** ARRS_TRUST_PROXY as a number of proxies (0 when unset or not a whole number ≥ 0). */
export function trustedProxyCount(value) {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
