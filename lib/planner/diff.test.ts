import { describe, expect, it } from "vitest";
import { diffScenarios } from "./diff";

const base = {
  name: "Plan A",
  firstYear: "2025/26",
  years: 3,
  assumptions: { payAward: 0.03 },
  posts: [{ id: "ot-1", label: "OT", role: "occupational-therapist", wte: 1 }],
  supervisors: [],
};

describe("diffScenarios", () => {
  it("no rows for equal versions", () => expect(diffScenarios(base, structuredClone(base))).toEqual([]));

  it("names each differing field, matching posts by id", () => {
    const theirs = {
      ...base,
      name: "Plan B",
      assumptions: { payAward: 0.04 },
      posts: [
        { id: "ot-1", label: "OT", role: "occupational-therapist", wte: 0.6 },
        { id: "pa-1", label: "Paramedic", role: "paramedic", wte: 1 },
      ],
    };
    expect(diffScenarios(base, theirs)).toEqual([
      { key: "name", label: "Name", mine: "Plan A", theirs: "Plan B" },
      { key: "assumptions.payAward", label: "Assumption: Pay award", mine: "0.03", theirs: "0.04" },
      { key: "posts[ot-1].wte", label: "Post “OT”: WTE", mine: "1", theirs: "0.6" },
      { key: "posts[pa-1]", label: "Post “Paramedic”", mine: "not in this version", theirs: "present" },
    ]);
  });
});
