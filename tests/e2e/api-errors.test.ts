// What the real server answers for odd addresses, methods and bodies: always the one JSON error
// shape on /api ({"error":{"code","message"}}), the app's not-found page elsewhere, never a 500.
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser";

const ESTIMATE = {
  financialYear: "2025/26",
  pcn: { weightedPopulation: 30000 },
  posts: [{ id: "ot-1", role: "occupational-therapist", annualSalary: 47810, wte: 1 }],
};

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  return body.error;
}

describe("a path segment that is not valid percent-encoding", () => {
  it.each(["/api/v1/pcns/%FF", "/api/v1/pcns/%", "/api/v1/pcns/%E0%A4%A", "/api/v1/nope/%FF"])("%s → 404 in the JSON error shape", async (path) => {
    const res = await fetch(`${baseUrl()}${path}`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it.each(["/pcns/%", "/pcns/%FF", "/%FF/x"])("%s → the app's not-found page, 404", async (path) => {
    const res = await fetch(`${baseUrl()}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("<h1>Page not found</h1>");
  });
});

describe("GET /api/v1/pcns/{code} with text that cannot be a PCN code", () => {
  it.each([
    ["a path", "..%2F..%2Fetc%2Fpasswd"],
    ["a NUL", "UZ1001%00"],
    ["5,000 characters", "A".repeat(5000)],
    ["a script tag", "%3Cscript%3E"],
  ])("%s → 422 invalid_input that does not repeat it", async (_label, segment) => {
    const res = await fetch(`${baseUrl()}/api/v1/pcns/${segment}`);
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(JSON.parse(text).error).toMatchObject({ code: "invalid_input", message: "PCN code must be 1 to 10 letters and digits, e.g. U12345." });
    expect(text).not.toMatch(/passwd|AAAAAAAAAA|script|\\u0000/i);
  });

  it("a well-formed unknown code is still a 404", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/pcns/UZ9999`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });
});

describe("a method the route does not have → 405 with Allow and the JSON error", () => {
  it.each([
    ["/api/v1/estimate", "GET", "POST, OPTIONS"],
    ["/api/v1/estimate", "PUT", "POST, OPTIONS"],
    ["/api/v1/estimate", "DELETE", "POST, OPTIONS"],
    ["/api/v1/estimate", "PATCH", "POST, OPTIONS"],
    ["/api/v1/optimise", "GET", "POST, OPTIONS"],
    ["/api/v1/optimise", "DELETE", "POST, OPTIONS"],
    ["/api/v1/pcns", "POST", "GET, HEAD, OPTIONS"],
    ["/api/v1/pcns", "DELETE", "GET, HEAD, OPTIONS"],
    ["/api/v1/pcns/UZ1001", "PUT", "GET, HEAD, OPTIONS"],
    ["/api/v1/pcns/UZ1001", "PATCH", "GET, HEAD, OPTIONS"],
    ["/api/health", "POST", "GET, HEAD, OPTIONS"],
    ["/api/v1/scenarios/1", "PATCH", "GET, HEAD, PUT, DELETE, OPTIONS"],
    ["/api/v1/scenarios/1/duplicate", "GET", "POST, OPTIONS"],
  ])("%s %s", async (path, method, allow) => {
    const res = await fetch(`${baseUrl()}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expect(await errorOf(res)).toEqual({ code: "method_not_allowed", message: `${method} is not allowed on this path; it allows ${allow}.` });
  });

  it("HEAD on the estimate is a 405 too, and OPTIONS names the methods", async () => {
    const head = await fetch(`${baseUrl()}/api/v1/estimate`, { method: "HEAD" });
    expect([head.status, head.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
    const options = await fetch(`${baseUrl()}/api/v1/pcns`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS"]);
  });

  it("the allowed methods still work", async () => {
    expect((await fetch(`${baseUrl()}/api/v1/pcns?q=demo`)).status).toBe(200);
    expect((await fetch(`${baseUrl()}/api/v1/pcns/UZ1001`, { method: "HEAD" })).status).toBe(200);
  });
});

describe("POST /api/v1/estimate accepts JSON only", () => {
  const send = (contentType: string | null, body = JSON.stringify(ESTIMATE)) =>
    fetch(`${baseUrl()}/api/v1/estimate`, { method: "POST", headers: contentType === null ? {} : { "content-type": contentType }, body: new TextEncoder().encode(body) });

  it.each(["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/json", "application/jsonx", "application/json; charset=latin1", ""])(
    "Content-Type %j → 415",
    async (type) => {
      const res = await send(type);
      expect(res.status).toBe(415);
      expect((await errorOf(res)).code).toBe("unsupported_media_type");
    },
  );

  it("no Content-Type → 415", async () => {
    const res = await send(null);
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
  });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\"", "application/vnd.arrs+json", "application/merge-patch+json"])("Content-Type %j is JSON", async (type) => {
    const res = await send(type);
    expect(res.status).toBe(200);
    expect((await res.json()).entitlement).toBe(798930);
  });
});

describe("unknown /api paths → 404 in the JSON error shape", () => {
  for (const path of ["/api/v1/nope", "/api/v2/anything", "/api/x", "/api", "/api/v1/pcns/UZ1001/more"]) {
    it.each(["GET", "POST", "PUT", "DELETE", "PATCH"])(`%s ${path}`, async (method) => {
      const res = await fetch(`${baseUrl()}${path}`, { method, ...(method === "GET" ? {} : { headers: { "content-type": "application/json" }, body: "{}" }) });
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    });
  }
});

describe("JSON the estimate API reads", () => {
  const post = (bytes: Uint8Array<ArrayBuffer>) => fetch(`${baseUrl()}/api/v1/estimate`, { method: "POST", headers: { "content-type": "application/json" }, body: bytes });

  it("a body starting with a UTF-8 byte-order mark is accepted", async () => {
    const json = new TextEncoder().encode(JSON.stringify(ESTIMATE));
    const res = await post(new Uint8Array([0xef, 0xbb, 0xbf, ...json]));
    expect(res.status).toBe(200);
    expect((await res.json()).entitlement).toBe(798930);
  });

  it("a body nested 100,000 deep says so", async () => {
    const res = await post(new TextEncoder().encode(`${"[".repeat(100_000)}${"]".repeat(100_000)}`));
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toMatchObject({ code: "invalid_input", message: "The request is nested too deeply (more than 64 levels)." });
  });
});
