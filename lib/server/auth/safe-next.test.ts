import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

const OURS = "http://planner.example:3000";
/** Where a browser goes when it gets `location` back from a page on our site. */
const browserTarget = (location: string) => new URL(location, `${OURS}/login`);

describe("safeNext: only same-site paths after sign-in", () => {
  it.each([
    ["/pcns/UZ1001#confirm", "/pcns/UZ1001#confirm"],
    ["/pcns?q=x", "/pcns?q=x"],
    ["/admin/import", "/admin/import"],
    ["/?pcn=UZ1001", "/?pcn=UZ1001"],
    ["/pcns/UZ1001/../UZ1002", "/pcns/UZ1002"], // dot-segments are resolved, as the browser would
    ["/pcns/./UZ1001", "/pcns/UZ1001"],
    ["/pcns/é?q=é", "/pcns/%C3%A9?q=%C3%A9"], // sent percent-encoded (a header must be ASCII)
    [undefined, "/"],
    [null, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["http:evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["/\\\\evil", "/"],
    ["/\t/evil.example", "/"], // browsers drop the tab → //evil.example
    ["/\n/evil.example", "/"],
    ["/\r\n/evil.example", "/"],
    [" //evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["JaVaScRiPt:alert(1)", "/"],
    ["evil.example", "/"],
    ["/%2F/evil.example", "/%2F/evil.example"], // an encoded slash stays a path on this site
    ["/%5c%5cevil.example", "/%5c%5cevil.example"], // so does an encoded backslash
    // Dot-segments that climb out of the root leave "//host" behind once resolved.
    ["/..//evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/pcns/../..//evil.example", "/"],
    ["/pcns/..//evil.example", "/"],
    ["/%2e%2e//evil.example", "/"],
    ["/%2E%2E//evil.example", "/"],
    ["/.%2e//evil.example", "/"],
    ["/%2e//evil.example", "/"],
    ["/..\\/evil.example", "/"],
    ["/pcns\\..\\..\\\\evil.example", "/"],
    ["/..%09//evil.example", "/..%09//evil.example"], // "%09" is no tab to the parser: a path here…
    ["/.\t.//evil.example", "/"], // …but a real tab is dropped, leaving "/..//"
    ["/..//evil.example?x=1#y", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it("whatever it is given, the browser stays on this site and a second pass changes nothing", () => {
    const piece = fc.constantFrom("/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "%09", "\t", "\n", "evil.example", "@", ":", "?", "#", "https:", " ", "pcns", "%", "\u0000", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join("")), (input) => {
        const out = safeNext(input);
        expect(out.startsWith("/") && !out.startsWith("//") && !out.startsWith("/\\")).toBe(true);
        expect(browserTarget(out).origin).toBe(OURS);
        expect(browserTarget(out).pathname.startsWith("//")).toBe(false);
        expect(safeNext(out)).toBe(out);
        expect(out).toMatch(/^[\x21-\x7e]*$/); // printable ASCII: a valid header value
      }),
      { numRuns: 3000 },
    );
  });
});
