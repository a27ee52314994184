import { describe, expect, it } from "vitest";
import { isCrossSiteActionPost } from "./same-origin.mjs";

const check = (headers: Record<string, string>, method = "POST", path = "/login") => isCrossSiteActionPost(method, path, (name) => headers[name]);
const ACTION = { "next-action": "abc", host: "planner.example:3000" };

describe("isCrossSiteActionPost: Next's rule for server actions, before Next answers 500", () => {
  it.each([
    ["same site", { ...ACTION, origin: "http://planner.example:3000" }, false],
    ["another site", { ...ACTION, origin: "https://evil.example" }, true],
    ["same host, another port", { ...ACTION, origin: "http://planner.example:4000" }, true],
    ["an opaque origin", { ...ACTION, origin: "null" }, true],
    ["an Origin that is not a URL", { ...ACTION, origin: "not a url" }, true],
    ["no Origin (not a browser)", { ...ACTION }, false],
    ["behind a proxy: the forwarded host counts", { ...ACTION, "x-forwarded-host": "planner.nhs.example, inner", origin: "https://planner.nhs.example" }, false],
    ["behind a proxy, from another site", { ...ACTION, "x-forwarded-host": "planner.nhs.example", origin: "http://planner.example:3000" }, true],
    ["a form post without JavaScript (multipart)", { host: ACTION.host, "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }, true],
    ["a plain form post (urlencoded) is not an action", { host: ACTION.host, "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }, false],
  ])("%s → %s", (_label, headers, expected) => {
    expect(check(headers as Record<string, string>)).toBe(expected);
  });

  it("only POSTs, and never the API (route handlers are not actions)", () => {
    const evil = { ...ACTION, origin: "https://evil.example" };
    expect(check(evil, "GET")).toBe(false);
    expect(check(evil, "POST", "/api/v1/estimate")).toBe(false);
    expect(check(evil, "POST", "/api")).toBe(false);
    expect(check(evil, "POST", "/apiary")).toBe(true);
  });
});
