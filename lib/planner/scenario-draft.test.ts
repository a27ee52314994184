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
});
