// Request-size limits in front of server actions (proxy.ts) and the estimate API; stalled bodies
// (scripts/serve.mjs); server-action posts from other sites.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { E2E_BODY_TIMEOUT_MS } from "./accounts";
import { baseUrl } from "./browser";

describe("request size limits", () => {
  it("refuses a server-action post over 1 MB outside the import page", async () => {
    const res = await fetch(`${baseUrl()}/login`, { method: "POST", headers: { "next-action": "x", "content-type": "text/plain" }, body: "a".repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it("refuses an unsized (chunked) server-action post", async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("a"));
        c.close();
      },
    });
    const res = await fetch(`${baseUrl()}/`, { method: "POST", headers: { "next-action": "x" }, body, duplex: "half" } as RequestInit);
    expect(res.status).toBe(411);
  });

  it("the estimate API refuses a body over 1 MB with the one error shape", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/estimate`, { method: "POST", headers: { "content-type": "application/json" }, body: " ".repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("invalid_input");
  });
});

interface RawResult {
  /** The status line and headers, and the body, as the server sent them (chunked as sent). */
  head: string;
  body: string;
  /** When the server closed the connection, in ms from the start (null: still open at `giveUpMs`). */
  closedAfterMs: number | null;
}

/**
 * Sends a request head and then `chunks` of its body over a raw socket, each after its delay
 * (ms from the start), and waits for the server to close the connection.
 */
function rawRequest(head: string, chunks: [number, string][], giveUpMs: number): Promise<RawResult> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let got = "";
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(head);
      for (const [at, data] of chunks) setTimeout(() => socket.writable && socket.write(data), at);
    });
    const done = (closedAfterMs: number | null) => {
      clearTimeout(timer);
      socket.destroy();
      const split = got.indexOf("\r\n\r\n");
      resolve({ head: split < 0 ? got : got.slice(0, split), body: split < 0 ? "" : got.slice(split + 4), closedAfterMs });
    };
    const timer = setTimeout(() => done(null), giveUpMs);
    socket.on("data", (d) => (got += d));
    socket.on("close", () => done(Date.now() - started));
    socket.on("error", (e) => (got ? undefined : reject(e)));
  });
}

describe("a request body that stops arriving", () => {
  const host = () => new URL(baseUrl()).host;
  const giveUp = E2E_BODY_TIMEOUT_MS + 10_000;

  it("on the API: 408 in the JSON error shape and the connection closed, within seconds", async () => {
    const head = `POST /api/v1/estimate HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{`;
    const r = await rawRequest(head, [], giveUp);
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.closedAfterMs!).toBeGreaterThanOrEqual(E2E_BODY_TIMEOUT_MS - 100);
    expect(r.head).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.head).toMatch(/\r\ncontent-type: application\/json/i);
    expect(r.body).toContain('{"error":{"code":"request_timeout","message":');
  });

  it("on a server action (the sign-in form): 408 and closed", async () => {
    const head = `POST /login HTTP/1.1\r\nHost: ${host()}\r\nOrigin: ${baseUrl()}\r\nNext-Action: 0000\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 500\r\n\r\n[`;
    const r = await rawRequest(head, [], giveUp);
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.head).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("a slow body that keeps arriving is not cut off, however long it takes in all", async () => {
    const body = JSON.stringify({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, posts: [] });
    const pieces = 4;
    const step = Math.round(E2E_BODY_TIMEOUT_MS * 0.6); // each gap shorter than the timeout, the total longer
    const size = Math.ceil(body.length / pieces);
    const chunks = Array.from({ length: pieces }, (_, i) => [(i + 1) * step, body.slice(i * size, (i + 1) * size)] as [number, string]);
    const head = `POST /api/v1/estimate HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const r = await rawRequest(head, chunks, pieces * step + 15_000);
    expect(pieces * step).toBeGreaterThan(E2E_BODY_TIMEOUT_MS);
    expect(r.head).toMatch(/^HTTP\/1\.1 200 /);
    expect(r.body).toContain('"entitlement":798930');
  });
});

describe("a server-action post from another site", () => {
  const CROSS_SITE = "This form was sent from another site, so it was refused.";

  it.each([
    ["a fetch action (next-action header)", "/login", { "next-action": "0000", "content-type": "text/plain;charset=UTF-8" }],
    ["a form post without JavaScript", "/login", { "content-type": "multipart/form-data; boundary=x" }],
    ["the import page's action", "/admin/import", { "next-action": "0000", "content-type": "multipart/form-data; boundary=x" }],
  ])("%s is refused with 403 and a plain message", async (_label, path, headers) => {
    const res = await fetch(`${baseUrl()}${path}`, { method: "POST", headers: { ...headers, origin: "https://evil.example" }, body: "--x--\r\n" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(CROSS_SITE);
  });

  it("an Origin that is not a URL is refused the same way", async () => {
    const res = await fetch(`${baseUrl()}/login`, { method: "POST", headers: { "next-action": "0000", origin: "not a url" }, body: "[]" });
    expect(res.status).toBe(403);
  });

  it("the API is not a form: a cross-site estimate is still answered", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/estimate`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, posts: [] }),
    });
    expect(res.status).toBe(200);
  });
});
