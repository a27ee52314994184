// The whole-page cache of scripts/serve.mjs (lib/page-cache.mjs) in front of a stand-in for Next
// on a real HTTP server, and the one-query-in-flight reader it uses for the data version.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshReader } from "@/lib/fresh-read.mjs";
import { acceptsGzip, cacheableRoute, createPageCache, makeEntry, renderEntry, type PageCache } from "@/lib/page-cache.mjs";
import { newNonce } from "@/lib/security-headers.mjs";

const req = (over: { method?: string; url?: string; headers?: Record<string, string> } = {}) =>
  ({ method: over.method ?? "GET", url: over.url ?? "/rules", headers: over.headers ?? {} }) as unknown as http.IncomingMessage;

describe("which requests the page cache may answer", () => {
  it("anonymous GETs of the home page, /rules, PCN search and PCN pages", () => {
    for (const url of ["/", "/rules", "/rules?year=2024/25", "/pcns", "/pcns?q=oak&page=2", "/pcns/UZ1001", "/pcns/u12345"]) {
      expect(cacheableRoute(req({ url })), url).not.toBeNull();
    }
    expect(cacheableRoute(req({ url: "/rules" }))?.data).toBe(false);
    expect(cacheableRoute(req({ url: "/pcns/UZ1001" }))?.data).toBe(true);
  });

  it("nothing personal, nothing else: signed in, tokens, RSC navigations, other methods and paths", () => {
    expect(cacheableRoute(req({ headers: { cookie: "arrs_session=abc" } }))).toBeNull();
    expect(cacheableRoute(req({ headers: { cookie: "theme=dark; arrs_oidc=x" } }))).toBeNull();
    expect(cacheableRoute(req({ headers: { cookie: "theme=dark" } }))).not.toBeNull();
    expect(cacheableRoute(req({ headers: { authorization: "Bearer arrs_x" } }))).toBeNull();
    expect(cacheableRoute(req({ headers: { rsc: "1" } }))).toBeNull();
    expect(cacheableRoute(req({ headers: { "next-router-prefetch": "1" } }))).toBeNull();
    expect(cacheableRoute(req({ url: "/rules?_rsc=abc" }))).toBeNull();
    expect(cacheableRoute(req({ method: "POST" }))).toBeNull();
    expect(cacheableRoute(req({ method: "HEAD" }))).toBeNull();
    for (const url of ["/login", "/pcns/UZ1001/scenarios", "/pcns/UZ1001/members", "/admin/import", "/api/v1/pcns", "/pcns/TOOLONGCODE1", "/pcns/U%20"]) {
      expect(cacheableRoute(req({ url })), url).toBeNull();
    }
  });

  it("gzip only when the client takes it", () => {
    expect(acceptsGzip(req({ headers: { "accept-encoding": "gzip, deflate, br" } }))).toBe(true);
    expect(acceptsGzip(req({ headers: { "accept-encoding": "br;q=1.0, gzip;q=0.8" } }))).toBe(true);
    expect(acceptsGzip(req({ headers: { "accept-encoding": "gzip;q=0" } }))).toBe(false);
    expect(acceptsGzip(req({ headers: { "accept-encoding": "br" } }))).toBe(false);
    expect(acceptsGzip(req())).toBe(false);
  });
});

describe("a cached page answered with a new nonce", () => {
  const nonce = newNonce();
  const html = Buffer.from(`${nonce}<html><script nonce="${nonce}">a</script>${"<p>ARRS £26.631 ✓</p>".repeat(5000)}<style nonce="${nonce}"></style>${nonce}${nonce}`);
  const entry = makeEntry({
    version: "1@1",
    status: 200,
    headers: [
      ["content-type", "text/html; charset=utf-8"],
      ["content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src-elem 'self' 'nonce-${nonce}'`],
    ],
    body: html,
    nonce,
  });

  it("replaces every occurrence, in the body and the policy, identity and gzip alike", () => {
    const fresh = newNonce();
    const want = html.toString().split(nonce).join(fresh);
    const plain = renderEntry(entry, fresh, false);
    expect(plain.body.toString()).toBe(want);
    expect(plain.headers["content-length"]).toBe(String(plain.body.length));
    expect(plain.headers["content-security-policy"]).toBe(`script-src 'self' 'nonce-${fresh}' 'strict-dynamic'; style-src-elem 'self' 'nonce-${fresh}'`);
    const gz = renderEntry(entry, fresh, true);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(want);
    expect(gz.body.length).toBeLessThan(plain.body.length / 10);
    expect(plain.body.includes(nonce)).toBe(false);
  });

  it("a page without a nonce is kept as it is", () => {
    const e = makeEntry({ version: "static", status: 200, headers: [["content-type", "text/html"]], body: Buffer.from("<p>hi</p>"), nonce: "" });
    expect(renderEntry(e, "", false).body.toString()).toBe("<p>hi</p>");
    expect(zlib.gunzipSync(renderEntry(e, "", true).body).toString()).toBe("<p>hi</p>");
  });
});

describe("freshReader: one query in flight, never an answer older than the question", () => {
  it("callers during a query share the next one; later queries have larger seq", async () => {
    let value = 0;
    let started = 0;
    let release: (() => void) | undefined;
    const read = freshReader(async () => {
      started++;
      const v = value;
      await new Promise<void>((r) => (release = r));
      return v;
    });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const a = read();
    await tick();
    expect(started).toBe(1);
    value = 1; // a change committed after a's query started …
    const b = read(); // … is seen by the requests that arrived after it
    const c = read();
    await tick();
    expect(started).toBe(1);
    release!();
    await tick();
    expect(started).toBe(2);
    release!();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(ra.value).toBe(0);
    expect(rb).toEqual(rc);
    expect(rb.value).toBe(1);
    expect(rb.seq).toBeGreaterThan(ra.seq);
  });

  it("a failed query fails its callers only", async () => {
    let fail = true;
    const read = freshReader(async () => {
      if (fail) throw new Error("down");
      return "ok";
    });
    await expect(read()).rejects.toThrow("down");
    fail = false;
    await expect(read()).resolves.toMatchObject({ value: "ok" });
  });
});

// A stand-in for Next: each page render gets a fresh nonce in its CSP, like proxy.ts.
let server: http.Server;
let base: string;
let cache: PageCache;
let version = "1@1";
let versionDown = false;
let renders = 0;
let renderDelayMs = 0;
const renderedNonces: string[] = [];

beforeAll(async () => {
  const readVersion = freshReader(async () => {
    if (versionDown) throw new Error("database down");
    return version;
  });
  cache = createPageCache({ readVersion, maxBytes: 8 * 1024 * 1024 });
  server = http.createServer((rq, rs) => {
    const render = async () => {
      renders++;
      if (renderDelayMs) await new Promise((r) => setTimeout(r, renderDelayMs));
      const nonce = newNonce();
      renderedNonces.push(nonce);
      const url = rq.url ?? "/";
      const signedIn = /arrs_session=/.test(rq.headers.cookie ?? "");
      const status = url.startsWith("/pcns/NOPE") ? 404 : 200;
      rs.statusCode = status;
      rs.setHeader("content-type", "text/html; charset=utf-8");
      rs.setHeader("content-security-policy", `script-src 'nonce-${nonce}'`);
      if (url.includes("cookie=1")) rs.setHeader("set-cookie", "x=1");
      if (rq.headers["accept-encoding"]) rs.setHeader("x-asked-encoding", String(rq.headers["accept-encoding"]));
      rs.write(`<html><script nonce="${nonce}">boot()</script>`);
      rs.end(`<main>${url} data ${version}${signedIn ? " <b>Signed in as Pat</b>" : ""}</main></html>`);
    };
    void cache.serve(rq, rs, render);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  cache.clear();
  renders = 0;
  renderDelayMs = 0;
  version = "1@1";
  versionDown = false;
  renderedNonces.length = 0;
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers, cache: res.headers.get("x-arrs-page-cache") };
};
const nonceIn = (text: string) => /nonce="([^"]+)"/.exec(text)?.[1];

describe("the page cache in front of a server", () => {
  it("renders once, then answers from memory with a new nonce that matches its policy each time", async () => {
    const first = await get("/pcns/UZ1001");
    expect(first.cache).toBe("miss");
    const seen = new Set([nonceIn(first.text)]);
    for (let i = 0; i < 5; i++) {
      const again = await get("/pcns/UZ1001");
      expect(again.cache).toBe("hit");
      expect(again.text.replace(/nonce="[^"]+"/, "")).toBe(first.text.replace(/nonce="[^"]+"/, ""));
      const n = nonceIn(again.text)!;
      expect(again.headers.get("content-security-policy")).toBe(`script-src 'nonce-${n}'`);
      expect(renderedNonces).not.toContain(n);
      seen.add(n);
    }
    expect(seen.size).toBe(6);
    expect(renders).toBe(1);
  });

  it("gzip for clients that take it, decoded by fetch like any other answer", async () => {
    const first = await get("/rules", { "accept-encoding": "gzip" });
    expect(first.headers.get("x-asked-encoding")).toBeNull(); // the render that fills the cache is asked for identity
    const hit = await fetch(`${base}/rules`, { headers: { "accept-encoding": "gzip" } });
    expect(hit.headers.get("content-encoding")).toBe("gzip");
    expect(await hit.text()).toContain("<main>/rules data");
  });

  it("a new data version is a new render; /rules does not even read the version", async () => {
    await get("/pcns/UZ1001");
    await get("/rules");
    version = "2@2";
    const after = await get("/pcns/UZ1001");
    expect(after.cache).toBe("miss");
    expect(after.text).toContain("data 2@2");
    expect((await get("/pcns/UZ1001")).cache).toBe("hit");
    versionDown = true;
    expect((await get("/rules")).cache).toBe("hit");
    const down = await get("/pcns/UZ1001"); // no version, no cache: the server answers (and says what is wrong)
    expect(down.cache).toBeNull();
    expect(renders).toBe(4);
  });

  it("never keeps or gives a signed-in page, an error page or an answer that sets a cookie", async () => {
    await get("/pcns/UZ1001");
    const signedIn = await get("/pcns/UZ1001", { cookie: "arrs_session=s3cret" });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.text).toContain("Signed in as Pat");
    const anonymous = await get("/pcns/UZ1001");
    expect(anonymous.cache).toBe("hit");
    expect(anonymous.text).not.toContain("Signed in");
    for (const path of ["/pcns/NOPE", "/pcns?q=x&cookie=1"]) {
      await get(path);
      expect((await get(path)).cache, path).toBe("miss");
    }
  });

  it("requests for a page being rendered wait for that render instead of rendering it again", async () => {
    renderDelayMs = 200;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get("/pcns?q=demo")));
    expect(renders).toBe(1);
    expect(answers.filter((a) => a.cache === "miss")).toHaveLength(1);
    expect(answers.filter((a) => a.cache === "hit-after-wait")).toHaveLength(9);
    expect(new Set(answers.map((a) => nonceIn(a.text))).size).toBe(10);
  });
});
