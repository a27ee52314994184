import { describe, expect, it } from "vitest";
import { areasForPlace, outwardCode, parsePostcodeQuery, postcodeArea, postcodeMatches } from "./postcode-areas";

describe("postcode parts", () => {
  it.each([
    ["LS6 1AB", "LS", "LS6"],
    ["ls16 5dt", "LS", "LS16"],
    ["B1 1AA", "B", "B1"],
    ["SW1A 1AA", "SW", "SW1A"],
  ])("%s: area %s, district %s", (pc, area, district) => {
    expect(postcodeArea(pc)).toBe(area);
    expect(outwardCode(pc)).toBe(district);
  });
});

describe("parsePostcodeQuery / postcodeMatches", () => {
  const ls6 = parsePostcodeQuery("ls6")!;
  it("a district matches only itself, not a longer one", () => {
    expect(ls6).toEqual({ kind: "district", district: "LS6", area: "LS" });
    expect(postcodeMatches("LS6 3HN", ls6)).toBe(true);
    expect(postcodeMatches("LS16 6EB", ls6)).toBe(false);
    expect(postcodeMatches("LS60 1AA", ls6)).toBe(false);
  });
  it("the start of a full postcode, with or without its space", () => {
    const q = parsePostcodeQuery("LS6 3")!;
    expect(q).toEqual({ kind: "postcode", prefix: "LS63", district: "LS6", area: "LS" });
    expect(postcodeMatches("LS6 3HN", q)).toBe(true);
    expect(postcodeMatches("LS63 1AA", q)).toBe(false); // LS63 is another district
    expect(postcodeMatches("LS6 4AA", q)).toBe(false);
    const whole = parsePostcodeQuery("ls63hn")!;
    expect(whole).toEqual({ kind: "postcode", prefix: "LS63HN", district: "LS6", area: "LS" });
    expect(postcodeMatches("LS6 3HN", whole)).toBe(true);
  });
  it("an area, and text that cannot be a postcode", () => {
    expect(parsePostcodeQuery("LS")).toEqual({ kind: "area", area: "LS" });
    expect(parsePostcodeQuery("QQ")).toBeNull(); // no such area
    expect(parsePostcodeQuery("Leeds")).toBeNull();
    expect(parsePostcodeQuery("U33963")).toBeNull(); // U is not an area
  });
});

describe("areasForPlace", () => {
  it("finds an area by its town, from 3 letters", () => {
    expect(areasForPlace("Leeds")).toEqual(["LS"]);
    expect(areasForPlace("harrogate")).toEqual(["HG"]);
    expect(areasForPlace("Le")).toEqual([]);
    expect(areasForPlace("London").length).toBe(8);
  });
});
