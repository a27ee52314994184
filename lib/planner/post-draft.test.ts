import { describe, expect, it } from "vitest";
import { checkDraft, datesOutsidePeriod, financialYearPeriod, newPostDraft, numberFromText, postToDraft } from "./post-draft";

describe("numberFromText", () => {
  it.each([
    ["", undefined],
    ["  ", undefined],
    ["1.0", 1],
    ["£47,810", 47810],
    ["0.6", 0.6],
    ["lots", "lots"],
  ] as const)("%j → %j", (text, value) => expect(numberFromText(text)).toBe(value));
});

describe("checkDraft", () => {
  it("a new OT draft is a valid band 7 point 1 post", () => {
    const r = checkDraft(newPostDraft("k1", "post-1"));
    expect(r.errors).toEqual({});
    expect(r.post).toMatchObject({ id: "post-1", role: "occupational-therapist", band: "7", point: 1, wte: 1, status: "proposed" });
    expect(r.post?.firstContact).toMatchObject({ hcpcRegistration: "not-started" });
  });

  it("reports each bad field with the contract's message, and a bad date in words", () => {
    const d = { ...newPostDraft("k1", "post-1"), wte: "1.5", start: { day: "31", month: "9", year: "2025" } };
    const r = checkDraft(d);
    expect(r.post).toBeNull();
    expect(r.errors.wte).toContain("WTE cannot be more than 1.0");
    expect(r.errors.start).toBe("Start date must be a real date");
  });

  it("salary mode sends annualSalary, not band and point", () => {
    const r = checkDraft({ ...newPostDraft("k1", "p"), salaryMode: "salary", annualSalary: "£47,810" });
    expect(r.post).toMatchObject({ annualSalary: 47810 });
    expect(r.post?.band).toBeUndefined();
  });

  it("round-trips a stored post", () => {
    const stored = { id: "ot-1", label: "OT – frailty", role: "occupational-therapist", status: "existing" as const, band: "7", point: 2, wte: 0.6, area: "outer-london" as const, start: "2025-10-01", nextPayStep: "2026-01-01" };
    const r = checkDraft(postToDraft(stored, "k"));
    expect(r.errors).toEqual({});
    expect(r.post).toMatchObject(stored);
  });
});

describe("datesOutsidePeriod: a post outside the chosen year is a field error, not £0.00 (issue 14)", () => {
  const year = financialYearPeriod("2025/26")!;
  it.each([
    ["in the year", { start: "2025-10-01" }, null],
    ["no dates", {}, null],
    ["starts before, no end (an existing post)", { start: "2023-01-01" }, null],
    ["starts the last day", { start: "2026-03-31" }, null],
    ["starts after the year", { start: "2026-04-01" }, { field: "start", message: "Start date 1 Apr 2026 is after 2025/26 ends (31 Mar 2026), so this post would cost £0.00. Enter a start date on or before 31 Mar 2026, or choose the financial year it starts in." }],
    ["ends before the year", { end: "2025-03-31" }, { field: "end", message: "End date 31 Mar 2025 is before 2025/26 starts (1 Apr 2025), so this post would cost £0.00. Enter an end date on or after 1 Apr 2025, or remove the post." }],
    ["ends before it starts (reported elsewhere)", { start: "2025-06-01", end: "2025-01-01" }, null],
  ] as const)("%s", (_label, post, expected) => {
    expect(datesOutsidePeriod(post, year)).toEqual(expected);
  });
  it.each(["2025/27", "2025", ""])("no period for a bad year label %j", (fy) => expect(financialYearPeriod(fy)).toBeNull());
});

describe("expectedStart (issue 16, item 5): kept through the planner's draft", () => {
  it("a saved expected start survives loading into the planner and saving again", () => {
    const d = postToDraft({ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2026-06-01", expectedStart: "2026-10-01" }, "k1");
    const c = checkDraft(d);
    expect(c.errors).toEqual({});
    expect(c.post?.expectedStart).toBe("2026-10-01");
  });
  it("marking the post existing is refused in words (the expected start is not dropped silently)", () => {
    const d = postToDraft({ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2026-06-01", expectedStart: "2026-10-01" }, "k1");
    const c = checkDraft({ ...d, status: "existing" });
    expect(c.errors.expectedStart).toMatch(/this post is marked existing/);
    expect(c.input.expectedStart).toBe("2026-10-01");
  });
});
