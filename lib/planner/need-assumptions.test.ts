// A scenario's population-need assumptions (assumptions.need): optional (old scenarios load),
// checked against the assumption table, kept through the planner's draft and shown in diffs.
import { describe, expect, it } from "vitest";
import { diffScenarios } from "@/lib/planner/diff";
import { checkScenarioDraft, toScenarioDraft } from "@/lib/planner/scenario-draft";
import { ScenarioBodySchema } from "@/lib/schemas/scenario";

const base = { name: "Need", firstYear: "2025/26", years: 1, posts: [], supervisors: [] };

describe("assumptions.need in a scenario", () => {
  it("is optional: a scenario without it is valid and has none", () => {
    const r = ScenarioBodySchema.safeParse(base);
    expect(r.success).toBe(true);
    expect(r.data!.assumptions.need).toBeUndefined();
  });
  it("takes overrides by id, id.low and id.high", () => {
    const r = ScenarioBodySchema.safeParse({ ...base, assumptions: { need: { reachFrailty: 15, "clinicalHoursPerWte.high": 1400 } } });
    expect(r.success).toBe(true);
    expect(r.data!.assumptions.need).toEqual({ reachFrailty: 15, "clinicalHoursPerWte.high": 1400 });
  });
  it.each([
    ["an unknown id", { reachAll: 3 }, "assumptions.need.reachAll", /not an assumption/],
    ["a value out of bounds", { reachWork: 101 }, "assumptions.need.reachWork", /between 0% and 100%/],
    ["text", { reachWork: "ten" }, "assumptions.need.reachWork", /must be numbers/],
  ])("refuses %s with the field's path", (_label, need, path, message) => {
    const r = ScenarioBodySchema.safeParse({ ...base, assumptions: { need } });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join(".") === path)!;
    expect(issue.message).toMatch(message);
  });
  it("survives the planner's draft (loaded, then sent back on save)", () => {
    const d = toScenarioDraft({ ...base, assumptions: { need: { reachFrailty: 15 } } });
    const c = checkScenarioDraft(d);
    expect(c.input.assumptions).toEqual({ need: { reachFrailty: 15 } });
    expect(c.body!.assumptions.need).toEqual({ reachFrailty: 15 });
  });
  it("a change shows in the diff as a population-need assumption", () => {
    const rows = diffScenarios({ ...base, assumptions: { need: { reachFrailty: 15 } } } as never, { ...base, assumptions: {} } as never);
    expect(JSON.stringify(rows)).toMatch(/Population need: reachFrailty/);
  });
});
