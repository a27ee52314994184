import { describe, expect, it } from "vitest";
import { checkDraft, newPostDraft, numberFromText, postToDraft } from "./post-draft";

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
