import { describe, expect, it } from "vitest";
import { moneyAxis, moneyTickFormatter, niceStep } from "./axis";

describe("niceStep", () => {
  it.each([
    [0.3, 0.5],
    [1, 1],
    [1.2, 2],
    [2.2, 2.5],
    [3, 5],
    [420, 500],
    [1900, 2000],
    [240_000, 250_000],
    [0, 1],
  ])("%d → %d", (rough, step) => expect(niceStep(rough)).toBe(step));
});

describe("moneyAxis: labels never repeat", () => {
  it("the reported case: £500 steps up to £2,500 read £0.5k … not '£1k, £1k, £2k, £2k'", () => {
    // One OT a month ≈ £4,300 claimable + PCN-funded; with a £500 step the old formatter
    // (Math.round(n / 1000) + "k") printed £1k for both £500 and £1,000 and £2k for both £1,500 and £2,000.
    const axis = moneyAxis([0, 2_400], 6);
    expect(axis.step).toBe(500);
    expect(axis.ticks.map(axis.format)).toEqual(["£0", "£0.5k", "£1.0k", "£1.5k", "£2.0k", "£2.5k"]);
  });

  it("chooses the unit from the largest tick and the decimals from the step", () => {
    const m = moneyAxis([0, 900_000], 5); // 900,000 ÷ 4 = 225,000 → step 250,000 → £0.25m: two decimals
    expect(m.ticks.map(m.format)).toEqual(["£0", "£0.25m", "£0.50m", "£0.75m", "£1.00m"]);
    const k = moneyAxis([0, 70_000], 5); // step 20,000 → whole thousands
    expect(k.ticks.map(k.format)).toEqual(["£0", "£20k", "£40k", "£60k", "£80k"]);
    const p = moneyAxis([0, 3], 5); // step 1 → whole pounds
    expect(p.ticks.map(p.format)).toEqual(["£0", "£1", "£2", "£3"]);
  });

  it("spans negatives with a minus sign and keeps 0 on the axis", () => {
    const axis = moneyAxis([-3_200, 1_100], 5);
    expect(axis.ticks).toContain(0);
    expect(axis.domain[0]).toBeLessThanOrEqual(-3_200);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(1_100);
    // range 4,300 ÷ 4 = 1,075 → step 2,000
    expect(axis.ticks.map(axis.format)).toEqual(["−£4k", "−£2k", "£0", "£2k"]);
  });

  it("all zero (no posts) still gives an axis", () => {
    const axis = moneyAxis([0, 0]);
    expect(axis.ticks).toEqual([0, 1]);
    expect(axis.ticks.map(axis.format)).toEqual(["£0", "£1"]);
  });

  it.each([
    [[0, 17.3]],
    [[0, 999]],
    [[0, 1_234]],
    [[-50, 7_777]],
    [[0, 36_123.45]],
    [[0, 798_930]],
    [[0, 2_600_000]],
    [[-120_000, 25_000]],
    [[0, 0.4]],
  ])("values %j: ticks cover them, evenly spaced, every label distinct", (values) => {
    for (const count of [3, 4, 5, 6, 8]) {
      const axis = moneyAxis(values, count);
      const labels = axis.ticks.map(axis.format);
      expect(new Set(labels).size).toBe(labels.length);
      expect(axis.domain[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(axis.domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
      for (let i = 1; i < axis.ticks.length; i++) expect(axis.ticks[i]! - axis.ticks[i - 1]!).toBeCloseTo(axis.step, 6);
    }
  });

  it("a formatter's unit follows the largest value", () => {
    expect(moneyTickFormatter(500, 2_500)(1_500)).toBe("£1.5k");
    expect(moneyTickFormatter(100, 900)(300)).toBe("£300");
  });
});
