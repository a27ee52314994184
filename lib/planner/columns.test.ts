import { describe, expect, it } from "vitest";
import { formatCell, POST_CSV_HEADERS, POST_INPUT_COLUMNS, YEAR_COLUMNS } from "./columns";

describe("column specification", () => {
  it("the posts CSV columns are the post fields the planner imports", () => {
    expect(POST_CSV_HEADERS).toEqual(["label", "role", "status", "band", "point", "annualSalary", "wte", "area", "start", "end", "mhpFunding", "nextPayStep", "roadmap", "sessions", "hoursPerWeek", "roleName", "maxReimbursableAnnual", "employedInLast12Months", "moreSeniorRole", "expectedStart"]);
  });

  it("accessors read a post", () => {
    const p = { label: "OT", role: "occupational-therapist", band: "7", point: 1, wte: 0.6, start: "2025-10-01" };
    expect(Object.fromEntries(POST_INPUT_COLUMNS.map((c) => [c.id, c.accessor(p)]))).toMatchObject({ label: "OT", band: "7", point: 1, wte: 0.6, start: "2025-10-01", end: undefined });
  });

  it.each([
    ["money", 1234.5, "£1,234.50"],
    ["money", -20, "−£20.00"],
    ["wte", 0.6, "0.60 WTE"],
    ["date", "2025-10-01", "1 Oct 2025"],
    ["month", "2026-03", "Mar 2026"],
    ["number", 1234.567, "1,234.57"],
    ["text", undefined, ""],
  ] as const)("formatCell(%s, %j) = %j", (kind, value, text) => expect(formatCell(kind, value)).toBe(text));

  it("year columns start with the financial year", () => {
    expect(YEAR_COLUMNS[0].id).toBe("financialYear");
  });
});
