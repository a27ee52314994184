import { describe, expect, it } from "vitest";
import { toFieldIssues } from "@/lib/schemas/common";
import { ScenarioBodySchema } from "@/lib/schemas/scenario";
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

  it("an edit of one post re-checks only that post: the others keep their validated record (issue 14 item 17)", () => {
    const many = { ...stored, posts: Array.from({ length: 6 }, (_, i) => ({ ...stored.posts[0]!, id: `ot-${i}` })) };
    const d = toScenarioDraft(many);
    const before = checkScenarioDraft(d);
    const edited = { ...d, posts: d.posts.map((p, i) => (i === 2 ? { ...p, wte: "0.6" } : p)) };
    const after = checkScenarioDraft(edited);
    expect(after.body?.posts[2]?.wte).toBe(0.6);
    // Unchanged posts: the same objects as before the edit, not parsed again.
    after.body!.posts.forEach((p, i) => (i === 2 ? expect(p).not.toBe(before.body!.posts[i]) : expect(p).toBe(before.body!.posts[i])));
    // And the same scenario as validating the whole of it.
    expect(after.body).toStrictEqual(ScenarioBodySchema.parse(after.input));
  });

  it.each([
    ["two posts with one id", (d: ReturnType<typeof toScenarioDraft>) => void (d.posts[1]!.id = "ot-0")],
    ["a supervisor no one named", (d: ReturnType<typeof toScenarioDraft>) => void (d.posts[0]!.supervisorId = "nobody")],
    ["a scenario with no name", (d: ReturnType<typeof toScenarioDraft>) => void (d.name = "")],
    ["two supervisors with one id", (d: ReturnType<typeof toScenarioDraft>) => void d.supervisors.push({ ...d.supervisors[0]!, key: "s9" })],
  ])("with every post valid on its own, the scenario-wide rules still apply: %s (the same errors as validating the whole)", (_name, spoil) => {
    const d = toScenarioDraft({ ...stored, posts: [0, 1, 2].map((i) => ({ ...stored.posts[0]!, id: `ot-${i}` })) });
    spoil(d);
    const r = checkScenarioDraft(d);
    const whole = ScenarioBodySchema.safeParse(r.input);
    expect(whole.success).toBe(false);
    const expected = Object.fromEntries(toFieldIssues(whole.error!).reverse().map((i) => [i.path, i.message]));
    expect(r.errors).toEqual(expected);
    expect(r.body).toBeNull();
  });
});
