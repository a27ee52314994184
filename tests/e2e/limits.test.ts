// Request-size limits in front of server actions (proxy.ts) and the estimate API.
import { describe, expect, it } from "vitest";
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
