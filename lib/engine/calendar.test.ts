import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilFromDay,
  dayNumber,
  daysInMonth,
  financialYearLabel,
  financialYearMonths,
  isLeapYear,
  isoFromDay,
  parseFinancialYear,
  parseIsoDate,
} from "./calendar";

describe("isLeapYear", () => {
  it.each([
    { year: 2024, expected: true }, // divisible by 4, not by 100
    { year: 2025, expected: false }, // not divisible by 4
    { year: 2028, expected: true }, // divisible by 4
    { year: 1900, expected: false }, // divisible by 100, not by 400
    { year: 2000, expected: true }, // divisible by 400
    { year: 2100, expected: false }, // divisible by 100, not by 400
  ])("$year → $expected", ({ year, expected }) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe("daysInMonth", () => {
  it.each([
    { y: 2025, m: 2, expected: 28 },
    { y: 2024, m: 2, expected: 29 },
    { y: 2028, m: 2, expected: 29 },
    { y: 2025, m: 4, expected: 30 },
    { y: 2025, m: 10, expected: 31 },
    { y: 2025, m: 12, expected: 31 },
  ])("$y-$m has $expected days", ({ y, m, expected }) => {
    expect(daysInMonth(y, m)).toBe(expected);
  });
});

describe("dayNumber / civilFromDay", () => {
  it.each([
    { label: "epoch", y: 1970, m: 1, d: 1, expected: 0 },
    { label: "day before epoch", y: 1969, m: 12, d: 31, expected: -1 },
    { label: "2000-03-01", y: 2000, m: 3, d: 1, expected: 11_017 }, // 30 years × 365 + 7 leap days + 59 (Jan+Feb 2000 with 29 Feb) + 1 = 10,957 + 60
    { label: "FY 2025/26 starts", y: 2025, m: 4, d: 1, expected: 20_179 }, // 2025-01-01 = 20,089; + 31 + 28 + 31 = 90
    { label: "FY 2025/26 ends", y: 2026, m: 3, d: 31, expected: 20_543 }, // 20,179 + 365 − 1
  ])("$label", ({ y, m, d, expected }) => {
    expect(dayNumber(y, m, d)).toBe(expected);
    expect(civilFromDay(expected)).toEqual({ y, m, d });
  });

  it("round-trips every day from 1900 to 2200 and steps one calendar day at a time", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2200, 12, 31) }), (n) => {
        const { y, m, d } = civilFromDay(n);
        expect(dayNumber(y, m, d)).toBe(n);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(daysInMonth(y, m));
        const next = civilFromDay(n + 1);
        const expectedNext = d < daysInMonth(y, m) ? { y, m, d: d + 1 } : m < 12 ? { y, m: m + 1, d: 1 } : { y: y + 1, m: 1, d: 1 };
        expect(next).toEqual(expectedNext);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseIsoDate / isoFromDay", () => {
  it.each([
    { label: "ordinary date", text: "2025-04-01", expected: 20_179 },
    { label: "leap day in a leap year", text: "2024-02-29", expected: dayNumber(2024, 2, 29) },
    { label: "29 Feb in a common year", text: "2025-02-29", expected: null },
    { label: "month 13", text: "2025-13-01", expected: null },
    { label: "month 00", text: "2025-00-10", expected: null },
    { label: "day 00", text: "2025-04-00", expected: null },
    { label: "31 April", text: "2025-04-31", expected: null },
    { label: "unpadded month and day", text: "2025-4-1", expected: null },
    { label: "time attached", text: "2025-04-01T00:00", expected: null },
    { label: "slashes", text: "2025/04/01", expected: null },
    { label: "empty", text: "", expected: null },
  ])("$label: $text", ({ text, expected }) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it("isoFromDay inverts parseIsoDate", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2200, 12, 31) }), (n) => {
        expect(parseIsoDate(isoFromDay(n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe("financial year labels", () => {
  it.each([
    { label: "2025/26", expected: 2025 },
    { label: "1999/00", expected: 1999 }, // century wrap: (1999 + 1) % 100 = 0
    { label: "2025/27", expected: null }, // not consecutive
    { label: "2025-26", expected: null },
    { label: "25/26", expected: null },
  ])("parseFinancialYear($label) = $expected", ({ label, expected }) => {
    expect(parseFinancialYear(label)).toBe(expected);
  });

  it.each([
    { start: 2025, expected: "2025/26" },
    { start: 2099, expected: "2099/00" },
    { start: 2008, expected: "2008/09" },
  ])("financialYearLabel($start) = $expected", ({ start, expected }) => {
    expect(financialYearLabel(start)).toBe(expected);
  });
});

describe("financialYearMonths", () => {
  it("2025/26 runs April 2025 to March 2026 with the right day counts", () => {
    const months = financialYearMonths(2025);
    expect(months.map((m) => [m.month, m.days])).toEqual([
      ["2025-04", 30],
      ["2025-05", 31],
      ["2025-06", 30],
      ["2025-07", 31],
      ["2025-08", 31],
      ["2025-09", 30],
      ["2025-10", 31],
      ["2025-11", 30],
      ["2025-12", 31],
      ["2026-01", 31],
      ["2026-02", 28], // 2026 is not a leap year
      ["2026-03", 31],
    ]);
    expect(months[0]!.firstDay).toBe(dayNumber(2025, 4, 1));
    expect(months[11]!.lastDay).toBe(dayNumber(2026, 3, 31));
    expect(months.reduce((s, m) => s + m.days, 0)).toBe(365);
  });

  it.each([
    { start: 2023, feb: 29, total: 366 }, // Feb 2024 is a leap month
    { start: 2024, feb: 28, total: 365 },
    { start: 2027, feb: 29, total: 366 }, // Feb 2028 = 29 days
  ])("FY starting $start: February has $feb days, the year $total", ({ start, feb, total }) => {
    const months = financialYearMonths(start);
    expect(months[10]!.days).toBe(feb);
    expect(months[10]!.month).toBe(`${start + 1}-02`);
    expect(months.reduce((s, m) => s + m.days, 0)).toBe(total);
  });

  it("months are contiguous: each starts the day after the previous ends", () => {
    for (const start of [2023, 2024, 2025, 2026, 2027]) {
      const months = financialYearMonths(start);
      for (let i = 1; i < 12; i++) expect(months[i]!.firstDay).toBe(months[i - 1]!.lastDay + 1);
      for (const m of months) expect(m.lastDay - m.firstDay + 1).toBe(m.days);
    }
  });
});
