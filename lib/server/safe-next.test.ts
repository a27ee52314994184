import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext: only same-site paths after sign-in", () => {
  it.each([
    ["/pcns/UZ1001#confirm", "/pcns/UZ1001#confirm"],
    ["/admin/import", "/admin/import"],
    ["/?pcn=UZ1001", "/?pcn=UZ1001"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"], // browsers drop the tab → //evil.example
    ["/\n/evil.example", "/"],
    ["/\r\n/evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/%2F/evil.example", "/%2F/evil.example"], // an encoded slash stays a path on this site
  ])("%j → %j", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});
