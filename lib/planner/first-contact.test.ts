import { describe, expect, it } from "vitest";
import { needByYear, postsForNeed } from "@/lib/need";
import { needOtPosts } from "./first-contact";

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
