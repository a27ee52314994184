import { describe, expect, it } from "vitest";
import { constantRowsFeasible, lpNumber, toLpText, violatedRows, type Milp } from "./milp";

const model: Milp = {
  columns: [
    { name: "x", objective: 3, lower: 0, upper: 5, integer: true },
    { name: "y", objective: -0.25, lower: 0, upper: Infinity, integer: false },
  ],
  rows: [
    { name: "money", coefficients: new Map([[0, 1_234_567_890], [1, -1]]), lower: -Infinity, upper: 9_876_543_210 },
    { name: "count", coefficients: new Map([[0, 1]]), lower: 1, upper: 4 },
    { name: "fixed", coefficients: new Map([[1, 1]]), lower: 2, upper: 2 },
    { name: "empty", coefficients: new Map(), lower: -Infinity, upper: 7 },
  ],
};

describe("MILP as CPLEX LP text", () => {
  it("writes numbers in plain decimals, never with an exponent", () => {
    expect(lpNumber(1e21)).toBe("1000000000000000000000");
    expect(lpNumber(0.0000001)).toBe("0.0000001");
    expect(lpNumber(-2.5)).toBe("-2.5");
    expect(() => lpNumber(Infinity)).toThrow();
  });

  it("writes a ranged row as two rows (HiGHS's reader takes no 'a <= expr <= b'), equalities as =, and leaves out empty rows", () => {
    expect(toLpText(model)).toBe(
      [
        "Maximize",
        " obj: 3 x - 0.25 y",
        "Subject To",
        " money: 1234567890 x - 1 y <= 9876543210",
        " count_lo: 1 x >= 1",
        " count_hi: 1 x <= 4",
        " fixed: 1 y = 2",
        "Bounds",
        " 0 <= x <= 5",
        " 0 <= y <= +inf",
        "General",
        " x",
        "End",
      ].join("\n"),
    );
  });

  it("checks rows exactly, and rows with no terms against 0", () => {
    expect(violatedRows(model, [0, 2]).map((r) => r.name)).toEqual(["count"]);
    expect(violatedRows(model, [4, 2])).toEqual([]);
    expect(violatedRows(model, [5, 2]).map((r) => r.name)).toEqual(["count"]);
    expect(constantRowsFeasible(model)).toBe(true);
    expect(constantRowsFeasible({ ...model, rows: [{ name: "e", coefficients: new Map(), lower: -Infinity, upper: -1 }] })).toBe(false);
  });
});
