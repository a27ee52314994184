#!/usr/bin/env node
// `npm run serve` (and `npm start`, and the e2e tests): Next's production server inside a small
// Node http server, for what Next cannot do itself:
//
// - A request body that stops arriving is cut off after ARRS_BODY_TIMEOUT_MS (default 10 s)
//   without a byte: 408 (or, once a response has gone, just closed). Node's requestTimeout (300 s)
//   times the whole request, so it cannot tell an administrator's 64 MB upload on a slow line
//   from a client that stopped sending; this timer restarts whenever a byte arrives, and stops
//   once the body is complete (an import may then run for minutes).
// - A server-action or form post from another site gets 403 and a plain message before Next
//   answers it with a 500. proxy.ts does the same (and under `next dev`), but its matcher skips
//   the admin upload (/admin/import/upload), whose 64 MB bodies must not be copied for it; this
//   covers every path.
// - The client's address for the attempt limits (lib/server/auth/rate-limit.ts): X-Forwarded-For is
//   replaced by the one address this server trusts — the socket's, or with ARRS_TRUST_PROXY=N
//   (N proxies in front, each adding the address it saw) the one the outermost of them saw, N
//   entries from the end — so a client cannot choose its own.
// - Security headers on every response (lib/security-headers.mjs): whatever Next's answer
//   lacks (static files, this server's own answers) is added: nosniff and the rest, a
//   Content-Security-Policy that allows nothing (pages carry their own, with a nonce, from
//   proxy.ts) and HSTS over HTTPS.
// - Public pages from memory (lib/page-cache.mjs): the home page, /rules, PCN search and PCN pages,
//   for requests without an account, rendered once per data version (the DataVersion row, read
//   through this server's own connection on every request) and answered with a fresh CSP nonce
//   each time. ARRS_PAGE_CACHE_MB (default 64) bounds it; 0 turns it off.
// - The estimate API straight from its route module (.next/arrs-direct/routes.mjs, bundled by
//   `npm run build` from the same code Next serves), not through Next's router: the same answer
//   for about a tenth of the CPU (docs/decisions/015-direct-api-routes.md). ARRS_DIRECT_ROUTES=0
//   sends it through Next like every other path.
// - ARRS_WORKERS=N (default 1): N processes serving the one port (node:cluster), to use N cores;
//   the first process only starts them (and starts another when one dies). They share nothing
//   but the database, exactly like N instances behind a load balancer.
//
// HOST (default 0.0.0.0) and PORT (default 3000) as for `next start`. Build first (`npm run build`).
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import next from "next";
import { CROSS_SITE_MESSAGE, isCrossSiteActionPost } from "../lib/same-origin.mjs";
import { createDataVersionReader, createPageCache } from "../lib/page-cache.mjs";
import { clientAddressOf, trustedProxyCount } from "../lib/client-address.mjs";
import { BASE_HEADERS, HSTS, isHttps, NON_PAGE_CSP } from "../lib/security-headers.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const bodyTimeoutMs = Number(process.env.ARRS_BODY_TIMEOUT_MS ?? 10_000);
const trustedProxies = trustedProxyCount(process.env.ARRS_TRUST_PROXY);
const workers = Math.max(1, Math.floor(Number(process.env.ARRS_WORKERS ?? 1)) || 1);

if (workers > 1 && cluster.isPrimary) {
  // The primary starts the workers (each runs the rest of this file) and replaces one that dies
  // after it was serving; one that dies before it listens stops everything (a broken build).
  let stopping = false;
  const start = () => {
    const worker = cluster.fork();
    worker.once("listening", () => (worker.serving = true));
  };
  for (let i = 0; i < workers; i++) start();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!worker.serving) {
      console.error(`A worker stopped before it was serving (${signal ?? `exit ${code}`}).`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exit(typeof code === "number" && code > 0 ? code : 1);
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`);
    start();
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      process.exit(sig === "SIGINT" ? 130 : 143);
    });
  }
  await new Promise(() => {}); // the primary serves nothing itself
}

/** Adds every security header a response lacks when its head is written (however it is written). */
function secureHeaders(req, res) {
  const https = isHttps([req.headers["x-forwarded-proto"]].flat()[0], process.env.ARRS_PUBLIC_URL);
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    const given = typeof rest[0] === "string" ? rest[1] : rest[0];
    const givenNames = new Set(
      (Array.isArray(given) ? (Array.isArray(given[0]) ? given.map((h) => h[0]) : given.filter((_, i) => i % 2 === 0)) : Object.keys(given ?? {})).map((n) => String(n).toLowerCase()),
    );
    const missing = (name) => !res.hasHeader(name) && !givenNames.has(name);
    for (const [name, value] of Object.entries(BASE_HEADERS)) if (missing(name)) res.setHeader(name, value);
    if (missing("content-security-policy")) res.setHeader("content-security-policy", NON_PAGE_CSP);
    if (https && missing("strict-transport-security")) res.setHeader("strict-transport-security", HSTS);
    return writeHead.call(this, statusCode, ...rest);
  };
}

function plainResponse(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  res.end(text);
}

/**
 * Watches a request's body: when no byte has arrived for `ms` while the app is waiting for one,
 * answers 408 (if nothing has been sent yet) and closes the connection.
 */
function watchBody(req, res, ms) {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  if (!(ms > 0) || !hasBody) return;
  const socket = req.socket;
  let lastBytes = socket.bytesRead;
  let lastAt = Date.now();
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) return stop();
    const now = Date.now();
    // A byte arrived, or the app has not yet read what did (then it is not the client's delay).
    if (socket.bytesRead !== lastBytes || req.readableLength > 0) {
      lastBytes = socket.bytesRead;
      lastAt = now;
      return;
    }
    if (now - lastAt < ms) return;
    stop();
    const seconds = Math.round(ms / 1000);
    if (res.headersSent) {
      socket.destroy();
    } else if (req.url?.startsWith("/api/")) {
      const body = JSON.stringify({ error: { code: "request_timeout", message: `The request body stopped arriving (nothing for ${seconds} s).` } });
      res.writeHead(408, { "content-type": "application/json", "cache-control": "no-store", connection: "close" });
      res.end(body, () => socket.destroy());
    } else {
      res.writeHead(408, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
      res.end(`The request stopped arriving (nothing for ${seconds} s), so it was dropped.`, () => socket.destroy());
    }
  }, Math.max(50, Math.min(1000, ms / 4)));
  timer.unref();
  function stop() {
    clearInterval(timer);
  }
  req.once("end", stop);
  socket.once("close", stop);
}

const root = new URL("..", import.meta.url).pathname;
const app = next({ dev: false, hostname, port, dir: root });
const handle = app.getRequestHandler();
await app.prepare();
// Relative SQLite paths resolve against the working directory, as the app's own client does.
const dataVersion = await createDataVersionReader(process.env.DATABASE_URL || "file:./data/app.db", process.cwd());
const pageCache = createPageCache({
  readVersion: dataVersion.read,
  isHttps: (req) => isHttps([req.headers["x-forwarded-proto"]].flat()[0], process.env.ARRS_PUBLIC_URL),
  maxBytes: Math.max(0, Number(process.env.ARRS_PAGE_CACHE_MB ?? 64)) * 1024 * 1024,
});

/**
 * The direct routes of this build, or none (an older build without them, a bundle from another
 * build, or ARRS_DIRECT_ROUTES=0): every path then goes through Next.
 */
async function loadDirectRoutes() {
  if (process.env.ARRS_DIRECT_ROUTES === "0") return {};
  const bundle = new URL("../.next/arrs-direct/routes.mjs", import.meta.url);
  if (!fs.existsSync(bundle)) return {};
  const mod = await import(bundle.href);
  const buildId = fs.readFileSync(new URL("../.next/BUILD_ID", import.meta.url), "utf8").trim();
  if (mod.BUILD_ID !== buildId) {
    console.error("The direct API routes were bundled for another build (run npm run build); serving them through Next.");
    return {};
  }
  return mod.DIRECT_ROUTES;
}
const directRoutes = await loadDirectRoutes();

/** "gzip" or "deflate" when the Accept-Encoding header accepts it (q > 0), else null. */
function acceptedCoding(header) {
  const accepted = new Map();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("gzip") ? "gzip" : ok("deflate") ? "deflate" : null;
}

/**
 * Answers a request with a route module's handler, as Next would: a Web Request in (the body
 * streamed, the URL's path and query as sent), the Response's status, headers and body out.
 */
async function answerDirect(handler, req, res) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    body: hasBody ? Readable.toWeb(req) : undefined,
    duplex: "half",
  });
  const response = await handler(request);
  const empty = req.method === "HEAD" || response.status === 204 || response.status === 304;
  let body = empty ? null : Buffer.from(await response.arrayBuffer());
  const out = [];
  // Compressed as Next compresses (gzip, else deflate, when accepted; JSON and text only).
  const compressible = /^(application\/json|text\/)/.test(response.headers.get("content-type") ?? "");
  if (compressible) {
    response.headers.set("vary", [response.headers.get("vary"), "Accept-Encoding"].filter(Boolean).join(", "));
    const coding = acceptedCoding(req.headers["accept-encoding"]);
    if (coding && body) {
      body = coding === "gzip" ? zlib.gzipSync(body) : zlib.deflateSync(body);
      out.push(["content-encoding", coding]);
    }
  }
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length" && name !== "transfer-encoding" && name !== "content-encoding") out.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) out.push(["set-cookie", cookie]);
  if (body) out.push(["content-length", String(body.length)]);
  res.writeHead(response.status, out.flat());
  res.end(body ?? undefined);
}

const server = http.createServer((req, res) => {
  secureHeaders(req, res);
  req.headers["x-forwarded-for"] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  const pathname = (req.url ?? "/").split("?")[0];
  if (isCrossSiteActionPost(req.method ?? "", pathname, (name) => [req.headers[name]].flat()[0])) {
    return plainResponse(res, 403, CROSS_SITE_MESSAGE);
  }
  watchBody(req, res, bodyTimeoutMs);
  const direct = directRoutes[pathname]?.[req.method ?? ""];
  if (direct) {
    return answerDirect(direct, req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side. Nothing was changed." } }));
      } else res.destroy();
    });
  }
  const render = () =>
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) plainResponse(res, 500, "Internal Server Error");
    });
  pageCache.serve(req, res, render);
});
server.listen(port, hostname, () => {
  if (cluster.isWorker && cluster.worker?.id !== 1) return;
  if (workers > 1) console.log(`${workers} workers (ARRS_WORKERS)`);
  const direct = Object.keys(directRoutes);
  console.log(`Answered without Next's router: ${direct.length ? direct.join(", ") : "nothing (every path through Next)"}`);
  console.log(`Serving http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (a stalled request body is dropped after ${bodyTimeoutMs} ms; client addresses: ${trustedProxies ? `as ${trustedProxies} trusted prox${trustedProxies === 1 ? "y" : "ies"} saw them` : "the connection's"})`);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close();
    process.exit(sig === "SIGINT" ? 130 : 143);
  });
}
