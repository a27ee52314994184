// proxy.ts, called directly: what it answers before Next sees the request.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(`http://planner.example:3000${path}`, { method: init.method ?? "GET", headers: { host: "planner.example:3000", ...init.headers } }));

describe("proxy.ts", () => {
  it("a cross-site server-action post: 403 with a plain message", async () => {
    const res = call("/login", { method: "POST", headers: { "next-action": "abc", origin: "https://evil.example", "content-length": "2" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("This form was sent from another site, so it was refused.");
  });

  it("a same-site one goes on to Next", () => {
    const res = call("/login", { method: "POST", headers: { "next-action": "abc", origin: "http://planner.example:3000", "content-length": "2" } });
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it.each(["/api/v1/pcns/%FF", "/api/v1/pcns/%", "/api/%E0%A4%A"])("%s (not valid percent-encoding): 404 in the JSON error shape", async (path) => {
    const res = call(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it.each(["/pcns/%FF", "/pcns/%"])("%s: rewritten to a path no page has (so Next renders the not-found page, 404)", (path) => {
    const res = call(path);
    expect(new URL(res.headers.get("x-middleware-rewrite")!).pathname).toBe("/_no-such-page");
  });

  it("valid encodings are left alone", () => {
    expect(call("/pcns/UZ1001%20").headers.get("x-middleware-next")).toBe("1");
    expect(call("/api/v1/pcns/%C3%A9").headers.get("x-middleware-next")).toBe("1");
  });

  it("a page: a fresh nonce in the CSP, on the request for Next and on the response; the API a policy that allows nothing", () => {
    const a = call("/pcns");
    const b = call("/pcns");
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) passes the request's headers on like this.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(call("/api/v1/pcns").headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("HSTS and upgrade-insecure-requests when the request came over HTTPS", () => {
    const res = call("/", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
