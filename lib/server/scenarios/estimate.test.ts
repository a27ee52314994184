import { describe, expect, it } from "vitest";
import { nestedDeeperThan, parseEstimateBody } from "./estimate";

describe("nestedDeeperThan: brackets outside strings", () => {
  it.each([
    ["[]", 1, false],
    ["[[]]", 1, true],
    ['{"a":[{"b":1}]}', 3, false],
    ['{"a":[{"b":1}]}', 2, true],
    ['["[[[[", "{{{{"]', 1, false], // inside strings they do not count
    ['["\\"[[[[", 1]', 1, false], // nor after an escaped quote
    ['["\\\\", [[1]]]', 2, true], // an escaped backslash ends before the quote, which closes the string
    ["[]".repeat(1000), 1, false], // siblings are not depth
  ])("%s deeper than %i: %s", (text, max, deeper) => {
    expect(nestedDeeperThan(text, max)).toBe(deeper);
  });
});

describe("parseEstimateBody", () => {
  it("ignores a leading byte-order mark (and only a leading one)", () => {
    expect(parseEstimateBody('\uFEFF{"a":1}')).toEqual({ a: 1 });
    expect(() => parseEstimateBody('\uFEFF\uFEFF{"a":1}')).toThrow(/not valid JSON/);
  });

  it("says a body nested 100,000 deep is nested too deeply, without overflowing the stack", () => {
    expect(() => parseEstimateBody("[".repeat(100_000))).toThrow("The request is nested too deeply (more than 64 levels).");
  });
});
