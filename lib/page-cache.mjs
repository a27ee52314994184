// Whole-page cache for the public pages, in front of Next (scripts/serve.mjs): the home page,
// /rules, PCN search and PCN pages, for requests without an account (no arrs_* cookie, no
// Authorization header). Their HTML depends only on the URL, the public reference data and the
// build, so each instance renders a page once per data version and then answers from memory —
// with a fresh CSP nonce each time: the nonce of the render is found in its Content-Security-Policy
// header and replaced, in the header and everywhere in the body, by a new one (newNonce, 128
// random bits), so no two answers share a nonce and the policy stays as strict as proxy.ts made it.
//
// - Data version: read on every request (lib/fresh-read.mjs: one query in flight, each request
//   answered by a read that started after it arrived), so a change committed through any
//   instance is seen at the next request. /rules has no data and skips the read.
// - Signed-in requests, RSC (client navigation) requests, anything but GET, answers that are not
//   200 text/html or that set a cookie are passed to Next untouched and never stored.
// - The render that fills the cache is streamed to its client uncompressed (Next is asked for
//   identity so the bytes can be kept); later answers are gzip when the client accepts it,
//   assembled from pre-compressed pieces around the nonce (no compression per request).
// - Requests for a page that is being rendered wait for that render (up to 5 s) instead of
//   rendering it again; an LRU bounds the memory (ARRS_PAGE_CACHE_MB, default 64; 0 = off).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { freshReader } from "./fresh-read.mjs";
import { newNonce } from "./security-headers.mjs";

/** Pages served from the cache: `data` pages depend on the reference data (and its version). */
export const PAGE_CACHE_ROUTES = Object.freeze([
  { pattern: /^\/$/, data: true },
  { pattern: /^\/rules$/, data: false },
  { pattern: /^\/pcns$/, data: true },
  { pattern: /^\/pcns\/[A-Za-z0-9]{1,10}$/, data: true },
]);

const ROUTER_HEADERS = ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-url", "next-hmr-refresh"];
/** Hop-by-hop and per-answer headers: not replayed. */
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "x-arrs-page-cache"]);
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
const WAIT_MS = 5000;

/** Is this request one the cache may answer? The route, or null. */
export function cacheableRoute(req, routes = PAGE_CACHE_ROUTES) {
  if (req.method !== "GET") return null;
  const h = req.headers;
  if (ROUTER_HEADERS.some((name) => h[name] !== undefined)) return null;
  if (h.authorization !== undefined) return null;
  // Any cookie of the app's (the session, single sign-on's state) means the page may be personal.
  if (/(?:^|;)\s*arrs_/i.test([h.cookie ?? ""].flat().join(";"))) return null;
  const url = req.url ?? "/";
  if (url.length > 1024 || url.includes("_rsc=")) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  return routes.find((r) => r.pattern.test(pathname)) ?? null;
}

/** Does the client take gzip (Accept-Encoding lists it without q=0)? */
export function acceptsGzip(req) {
  for (const part of [req.headers["accept-encoding"] ?? ""].flat().join(",").split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (name !== "gzip") continue;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Splits `buf` at every occurrence of `needle`. */
function splitBuffer(buf, needle) {
  const parts = [];
  let from = 0;
  for (let at = buf.indexOf(needle, from); at >= 0; at = buf.indexOf(needle, from)) {
    parts.push(buf.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(buf.subarray(from));
  return parts;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** A final, empty stored deflate block. */
const DEFLATE_END = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/** A non-final stored deflate block holding `data` (< 64 KB). */
function storedBlock(data) {
  const n = data.length;
  return Buffer.concat([Buffer.from([0x00, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), data]);
}

/**
 * A cached page: the body (and the headers) cut at every occurrence of the render's nonce, each
 * body piece also compressed on its own as byte-aligned, non-final deflate blocks.
 */
export function makeEntry({ version, status, headers, body, nonce }) {
  const needle = nonce ? Buffer.from(nonce) : null;
  const pieces = needle ? splitBuffer(body, needle) : [body];
  const deflated = pieces.map((p) => zlib.deflateRawSync(p, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  const headerList = headers.map(([name, value]) => [name, nonce ? String(value).split(nonce) : [String(value)]]);
  const bytes = pieces.reduce((n, p) => n + p.length, 0) + deflated.reduce((n, p) => n + p.length, 0);
  return { version, status, headers: headerList, pieces, deflated, nonceLength: nonce?.length ?? 0, bytes };
}

/** The answer for one request: headers with `nonce` and the body, identity or gzip. */
export function renderEntry(entry, nonce, gzip) {
  const headers = {};
  for (const [name, parts] of entry.headers) headers[name] = parts.join(nonce);
  const nonceBuf = Buffer.from(nonce);
  let body;
  if (!gzip) {
    const out = [];
    entry.pieces.forEach((p, i) => {
      if (i) out.push(nonceBuf);
      out.push(p);
    });
    body = Buffer.concat(out);
  } else {
    const out = [GZIP_HEADER];
    let crc = 0;
    let size = 0;
    entry.pieces.forEach((p, i) => {
      if (i) {
        out.push(storedBlock(nonceBuf));
        crc = zlib.crc32(nonceBuf, crc);
        size += nonceBuf.length;
      }
      out.push(entry.deflated[i]);
      crc = zlib.crc32(p, crc);
      size += p.length;
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(size >>> 0, 4);
    out.push(DEFLATE_END, trailer);
    body = Buffer.concat(out);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  return { status: entry.status, headers, body };
}

/** Header names and values passed to writeHead, in any of its forms. */
function givenHeaders(rest) {
  const given = typeof rest[0] === "string" ? rest[1] : rest[0];
  const out = {};
  if (Array.isArray(given)) {
    if (Array.isArray(given[0])) for (const [k, v] of given) out[String(k).toLowerCase()] = v;
    else for (let i = 0; i + 1 < given.length; i += 2) out[String(given[i]).toLowerCase()] = given[i + 1];
  } else if (given) {
    for (const [k, v] of Object.entries(given)) out[k.toLowerCase()] = v;
  }
  return out;
}

/**
 * Lets Next answer while keeping a copy: calls `done(captured | null)` when the answer has gone
 * (null when it cannot be kept).
 */
function capture(res, done) {
  const chunks = [];
  let size = 0;
  let keep = true;
  let given = {};
  const add = (chunk, encoding) => {
    if (!keep || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buf = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_ENTRY_BYTES) {
      keep = false;
      chunks.length = 0;
    } else chunks.push(buf);
  };
  const { writeHead, write, end } = res;
  res.writeHead = function (status, ...rest) {
    given = givenHeaders(rest);
    return writeHead.call(this, status, ...rest);
  };
  res.write = function (chunk, encoding, cb) {
    add(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    add(chunk, encoding);
    return end.call(this, chunk, encoding, cb);
  };
  let settled = false;
  const settle = (value) => {
    if (settled) return;
    settled = true;
    done(value);
  };
  res.once("finish", () => {
    if (!keep) return settle(null);
    const headers = { ...res.getHeaders(), ...given };
    settle({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
  });
  res.once("close", () => settle(null));
}

/** The render's nonce, from its Content-Security-Policy; "" when it has none; null when unusable. */
export function nonceOf(headers) {
  const csp = [headers["content-security-policy"] ?? ""].flat().join(", ");
  const m = /'nonce-([^']+)'/.exec(csp);
  if (!m) return "";
  return m[1].length >= 16 ? m[1] : null;
}

/**
 * @param {{
 *   readVersion: () => Promise<{ value: string, seq: number }>,
 *   isHttps?: (req: import("node:http").IncomingMessage) => boolean,
 *   maxBytes?: number,
 *   routes?: typeof PAGE_CACHE_ROUTES,
 * }} options
 */
export function createPageCache({ readVersion, isHttps = () => false, maxBytes = 64 * 1024 * 1024, routes = PAGE_CACHE_ROUTES }) {
  /** key → entry, least recently used first. */
  const entries = new Map();
  /** key → promise of the render that will fill it. */
  const pending = new Map();
  let bytes = 0;
  let latest = { value: "", seq: 0 };
  const stats = { hits: 0, misses: 0, passed: 0 };

  const drop = (key) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };
  const store = (key, entry) => {
    drop(key);
    if (entry.bytes > maxBytes) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const k of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(k);
    }
  };
  const lookup = (key, version) => {
    const e = entries.get(key);
    if (!e || e.version !== version) return null;
    entries.delete(key);
    entries.set(key, e);
    return e;
  };

  function answer(req, res, entry, kind) {
    stats.hits++;
    const { status, headers, body } = renderEntry(entry, entry.nonceLength ? newNonce() : "", acceptsGzip(req));
    headers["x-arrs-page-cache"] = kind;
    res.writeHead(status, headers);
    res.end(body);
  }

  function fill(req, res, key, version, render) {
    stats.misses++;
    let resolve;
    pending.set(key, new Promise((r) => (resolve = r)));
    delete req.headers["accept-encoding"]; // identity, so that the bytes can be kept
    res.setHeader("x-arrs-page-cache", "miss");
    capture(res, (c) => {
      try {
        if (!c || c.status !== 200) return;
        const type = String(c.headers["content-type"] ?? "");
        if (!type.startsWith("text/html") || c.headers["set-cookie"] !== undefined || c.headers["content-encoding"] !== undefined) return;
        const nonce = nonceOf(c.headers);
        if (nonce === null) return;
        const headers = Object.entries(c.headers).filter(([name]) => !NOT_REPLAYED.has(name));
        store(key, makeEntry({ version, status: c.status, headers, body: c.body, nonce }));
      } finally {
        if (pending.get(key)) pending.delete(key);
        resolve();
      }
    });
    return render();
  }

  /**
   * Answers from the cache, or lets `render()` (Next) answer — keeping a copy when it may. Never
   * throws: whatever goes wrong, Next answers.
   */
  async function serve(req, res, render) {
    let rendered = false;
    const once = () => {
      rendered = true;
      return render();
    };
    try {
      return await serveOrRender(req, res, once);
    } catch (e) {
      console.error(e);
      if (!rendered && !res.headersSent) return render();
    }
  }

  async function serveOrRender(req, res, render) {
    const route = maxBytes > 0 ? cacheableRoute(req, routes) : null;
    if (!route) {
      stats.passed++;
      return render();
    }
    let version = "static";
    if (route.data) {
      try {
        const v = await readVersion();
        if (v.seq > latest.seq) {
          if (v.value !== latest.value) for (const [k, e] of entries) if (e.version !== "static" && e.version !== v.value) drop(k);
          latest = v;
        }
        version = v.value;
      } catch {
        stats.passed++;
        return render(); // the database is not answering: Next says so
      }
    }
    const key = `${isHttps(req) ? "https" : "http"}://${[req.headers.host ?? ""].flat()[0]}${req.url}`;
    let hit = lookup(key, version);
    if (!hit && pending.has(key)) {
      await Promise.race([pending.get(key), new Promise((r) => setTimeout(r, WAIT_MS).unref())]);
      hit = lookup(key, version);
      if (hit) return answer(req, res, hit, "hit-after-wait");
    }
    if (hit) return answer(req, res, hit, "hit");
    return fill(req, res, key, version, render);
  }

  return {
    serve,
    stats: () => ({ ...stats, entries: entries.size, bytes }),
    clear: () => {
      entries.clear();
      bytes = 0;
    },
  };
}

/**
 * The data version as serve.mjs reads it, outside Next: one primary-key read of the DataVersion
 * row (lib/server/pcn-data/data-version.ts) through its own connection — better-sqlite3 read-only on the
 * SQLite file (reopened if the file is replaced), or a one-connection pg pool.
 * @param {string} url DATABASE_URL
 * @param {string} cwd relative SQLite paths resolve against it (as the app's Prisma client does)
 */
export async function createDataVersionReader(url, cwd) {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 60_000, connectionTimeoutMillis: 2000 });
    pool.on("error", () => {}); // an idle connection dropped by the server: the next read reconnects
    const read = freshReader(async () => {
      const r = await pool.query({ text: 'SELECT "version", "changedAt" FROM "DataVersion" WHERE "id" = 1', query_timeout: 2000 });
      const row = r.rows[0];
      return row ? `${row.version}@${new Date(row.changedAt).getTime()}` : "0";
    });
    return { read, close: () => pool.end() };
  }
  const { default: Database } = await import("better-sqlite3");
  const file = url.replace(/^file:/, "");
  const abs = path.isAbsolute(file) ? file : path.resolve(cwd, file);
  let db = null;
  let stmt = null;
  let ino = -1;
  const read = freshReader(() => {
    const st = fs.statSync(abs);
    if (!db || st.ino !== ino) {
      db?.close();
      db = null;
      const opened = new Database(abs, { readonly: true, fileMustExist: true, timeout: 1000 });
      try {
        stmt = opened.prepare('SELECT "version", "changedAt" FROM "DataVersion" WHERE "id" = 1');
      } catch (e) {
        opened.close(); // not migrated yet: no table
        throw e;
      }
      db = opened;
      ino = st.ino;
    }
    const row = stmt.get();
    return row ? `${row.version}@${row.changedAt}` : "0";
  });
  return { read, close: () => db?.close() };
}
