import { describe, expect, it } from "vitest";
import { needByYear, postsForNeed } from "@/lib/need";
import { addMonthsIso, firstContactChecklist, needOtPosts, roadmapStatus } from "./first-contact";

describe("needOtPosts: the posts 'Add the central estimate as a post' adds (issue 14)", () => {
  const years = ["2025/26", "2026/27", "2027/28"];
  let n = 0;
  const newId = () => `fcot-${++n}`;

  it("with an OT planned from year 2, adds 1.00 WTE for year 1 only and 0.27 WTE from year 1, so no year goes above the central estimate", () => {
    const planned = [{ role: "occupational-therapist", wte: 1, start: "2026-04-01" }];
    const range = { low: 0.8, central: 1.27, high: 1.99 };
    const plans = postsForNeed(range.central, needByYear(range, planned, years).map((y) => y.wte));
    const added = needOtPosts(plans, years, "2025-09-14", "national", newId);
    expect(added.map((p) => ({ wte: p.wte, start: p.start, end: p.end, label: p.label }))).toEqual([
      { wte: 0.27, start: "2025-10-01", end: undefined, label: "First Contact OT (population need)" },
      { wte: 1, start: "2025-10-01", end: "2026-03-31", label: "First Contact OT (population need, 2025/26)" },
    ]);
    const after = needByYear(range, [...planned, ...added.map((p) => ({ role: p.role as string, wte: p.wte as number, start: p.start, end: p.end }))], years);
    expect(after.map((y) => [y.wte, y.position])).toEqual([
      [1.27, "within the range"],
      [1.27, "within the range"], // was 2.27, above the high 1.99, when only year 1 was looked at
      [1.27, "within the range"],
    ]);
  });

  it("a post for a later year starts on its 1 April; one for some years ends on 31 March of the last", () => {
    const added = needOtPosts([{ wte: 0.6, fromYear: 1, toYear: 2 }], ["2025/26", "2026/27", "2027/28", "2028/29"], "2025-09-14", "national", newId);
    expect(added[0]).toMatchObject({ wte: 0.6, start: "2026-04-01", end: "2028-03-31", label: "First Contact OT (population need, 2026/27 to 2027/28)", role: "occupational-therapist" });
  });

  it("next month after the first year: the post starts on the year's first day", () => {
    const added = needOtPosts([{ wte: 1, fromYear: 0, toYear: null }], ["2025/26"], "2026-03-20", "national", newId);
    expect(added[0]!.start).toBe("2025-04-01");
  });
});

describe("roadmapStatus: existing First Contact staff are not costed as trainees (issue 14)", () => {
  const plan = "2026-04-01"; // a 2026/27 plan
  it.each([
    // label, post, status, basis, training ends
    ["existing from 2024, nothing stated: qualified", { status: "existing", start: "2024-04-01", firstContact: {} }, "qualified", "existing-start", undefined],
    ["existing exactly 18 months before the plan: qualified", { status: "existing", start: "2024-10-01", firstContact: {} }, "qualified", "existing-start", undefined],
    ["existing for 12 months: in training until 18 months after its start", { status: "existing", start: "2025-04-01", firstContact: {} }, "in-training", "existing-start", "2026-10-01"],
    ["existing from 2024 but the user says in training", { status: "existing", start: "2024-04-01", firstContact: { roadmap: "in-training" } }, "in-training", "stated", undefined],
    ["existing from 2024 with an expected sign-off date: the date rules", { status: "existing", start: "2024-04-01", firstContact: { stage2SignOff: "2026-09-01" } }, "in-training", "checklist", "2026-09-01"],
    ["proposed, nothing stated: in training all plan long", { status: "proposed", start: "2026-06-01", firstContact: {} }, "in-training", "checklist", undefined],
    ["proposed, stated qualified", { status: "proposed", start: "2026-06-01", firstContact: { roadmap: "qualified" } }, "qualified", "stated", undefined],
    ["Stage 2 signed off", { status: "proposed", firstContact: { stage2: "done" } }, "qualified", "signed-off", undefined],
    ["existing with no start date (in post from the plan's first day): in training", { status: "existing", firstContact: {} }, "in-training", "checklist", undefined],
  ] as const)("%s", (_label, post, status, basis, signOff) => {
    const r = roadmapStatus(post as never, plan);
    expect({ status: r.status, basis: r.basis, signOff: r.signOff }).toEqual({ status, basis, signOff });
  });

  it("a qualified post's checklist has the roadmap done and needs no roadmap supervisor (not '0 of 5 done')", () => {
    const post = { status: "existing" as const, start: "2024-04-01", firstContact: { hcpcRegistration: "done" as const, stage1: "not-started" as const, stage2: "not-started" as const } };
    const items = firstContactChecklist(post, [], roadmapStatus(post, plan));
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ["hcpc", "done"],
      ["experience", "not-started"],
      ["stage1", "done"],
      ["stage2", "done"],
    ]);
    // without the roadmap status (as before): 1 of 5 done
    expect(firstContactChecklist(post, []).filter((i) => i.status === "done")).toHaveLength(1);
  });

  it.each([
    ["2024-04-01", 18, "2025-10-01"],
    ["2024-08-31", 18, "2026-02-28"],
    ["2022-08-31", 18, "2024-02-29"],
    ["2025-01-15", 0, "2025-01-15"],
  ])("%s + %i months = %s", (iso, months, expected) => {
    expect(addMonthsIso(iso, months)).toBe(expected);
  });
});
