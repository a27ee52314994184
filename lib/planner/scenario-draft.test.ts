import { describe, expect, it } from "vitest";
import { checkScenarioDraft, fractionToPercentText, percentTextToFraction, toScenarioDraft } from "./scenario-draft";

const stored = {
  name: "FCOT from October",
  firstYear: "2025/26",
  years: 3,
  assumptions: { payAward: 0.03, claimLagMonths: 2, supervision: { wbaMinutes: 45 } },
  posts: [{ id: "ot-1", label: "First Contact OT", role: "occupational-therapist", status: "proposed" as const, band: "7", point: 1, wte: 1, area: "national" as const, start: "2025-10-01" }],
  supervisors: [{ id: "sup-1", name: "Dr A", wte: 1 }],
};

describe("percentages", () => {
  it.each([
    ["3", 0.03],
    ["2.55", 0.0255], // not 2.55 / 100 = 0.025499999999999998
    ["0", 0],
    ["-1", -0.01],
    ["", undefined],
    ["lots", "lots"],
  ] as const)("%j %% → %j", (t, v) => expect(percentTextToFraction(t)).toBe(v));
  it("back to text", () => expect(fractionToPercentText(0.0255)).toBe("2.55"));
});

describe("checkScenarioDraft", () => {
  it("a stored scenario round-trips and is valid", () => {
    const r = checkScenarioDraft(toScenarioDraft(stored));
    expect(r.errors).toEqual({});
    expect(r.body).toMatchObject({ name: stored.name, years: 3, assumptions: stored.assumptions, supervisors: stored.supervisors });
    expect(r.body?.posts[0]).toMatchObject(stored.posts[0]!);
  });

  it("a bad post is reported and left out of the computable part; a bad assumption is dropped", () => {
    const d = toScenarioDraft({ ...stored, posts: [...stored.posts, { ...stored.posts[0]!, id: "ot-2" }] });
    d.posts[1]!.wte = "2";
    d.assumptions.text.payAward = "300";
    const r = checkScenarioDraft(d);
    expect(r.body).toBeNull();
    expect(r.errors["posts.1.wte"]).toContain("WTE cannot be more than 1.0");
    expect(r.errors["assumptions.payAward"]).toContain("Pay award");
    expect(r.postsLeftOut).toBe(1);
    expect(r.computable?.posts.map((p) => p.id)).toEqual(["ot-1"]);
    expect(r.computable?.assumptions.payAward).toBeUndefined();
  });

  it("a post in post on no day of the plan is a field error on the date, listed beside the summary (issue 14)", () => {
    const d = toScenarioDraft({
      ...stored,
      posts: [
        ...stored.posts,
        { ...stored.posts[0]!, id: "late", label: "Late OT", start: "2028-04-01" }, // after 2027/28 ends
        { ...stored.posts[0]!, id: "gone", label: "", start: "2024-04-01", end: "2025-03-31" }, // before 2025/26 starts
        { ...stored.posts[0]!, id: "year3", start: "2027-06-01" }, // in year 3: fine
      ],
    });
    const r = checkScenarioDraft(d);
    expect(r.errors["posts.1.start"]).toBe("Start date 1 Apr 2028 is after this plan (2025/26 to 2027/28) ends (31 Mar 2028), so this post would cost £0.00. Enter a start date on or before 31 Mar 2028, or plan more years.");
    expect(r.errors["posts.2.end"]).toBe("End date 31 Mar 2025 is before this plan (2025/26 to 2027/28) starts (1 Apr 2025), so this post would cost £0.00. Enter an end date on or after 1 Apr 2025, or remove the post.");
    expect(r.errors["posts.3.start"]).toBeUndefined();
    expect(r.body).toBeNull(); // not saved until corrected
    expect(r.computable?.posts.map((p) => p.id)).toEqual(["ot-1", "year3"]);
    expect(r.leftOutReasons).toEqual([`Post 2 (Late OT): ${r.errors["posts.1.start"]}`, `Post 3: ${r.errors["posts.2.end"]}`]);
  });
});
