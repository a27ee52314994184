// The planner recomputes on every edit and keeps priced posts, compiled and projected rules between
// computes. Whatever it kept, the figures after a run of edits must equal a fresh calculation of
// the edited scenario by a newly loaded module (empty caches).
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ScenarioBodySchema, type ScenarioBodyInput, type ScenarioPostInput } from "@/lib/schemas/scenario";
import { computeScenario } from "./compute";
import type { PlannerContext } from "./types";

const ctx: PlannerContext = {
  pcn: { code: "UZ1001", name: "Test PCN" },
  weightedPopulation: { value: 48_213.7, provenance: "given" },
  practices: Array.from({ length: 4 }, (_, i) => ({ code: `Z9000${i}`, name: `Practice ${i}`, weighted: 12_000 + i * 11.5, registered: 11_800 + i * 10 })),
  defaultArea: "national",
};

type PostIn = ScenarioPostInput;
type Scenario = ScenarioBodyInput & { posts: PostIn[] };

/** 12 posts of every kind (bands, spot salaries, a GP, MHPs, First Contact posts in training) over 5 years. */
function baseScenario(firstYear: string): Scenario {
  const roles = ["occupational-therapist", "first-contact-physiotherapist", "clinical-pharmacist", "paramedic", "care-coordinator", "gp", "mental-health-practitioner"];
  const areas = ["national", "outer-london", "inner-london", "fringe"] as const;
  const posts: PostIn[] = Array.from({ length: 12 }, (_, i) => {
    const role = roles[i % roles.length]!;
    const base = { id: `p${i}`, label: `Post ${i + 1}`, role, wte: [1, 0.8, 0.6, 0.5333][i % 4]!, area: areas[i % 4]!, status: i % 3 ? ("existing" as const) : ("proposed" as const), start: `2025-${String(4 + (i % 9)).padStart(2, "0")}-01` };
    if (role === "gp") return { ...base, annualSalary: 82_418 + i * 100 };
    if (role === "mental-health-practitioner") return { ...base, band: "6", point: 2, mhpFunding: i % 2 ? ("50%" as const) : ("100%" as const) };
    if (i % 5 === 0) return { ...base, annualSalary: 40_000 + i * 250 };
    return {
      ...base,
      band: role === "care-coordinator" ? "4" : "7",
      point: 1,
      nextPayStep: "2026-01-01",
      ...(role === "occupational-therapist" || role === "first-contact-physiotherapist"
        ? { firstContact: { hcpcRegistration: "done" as const, yearsRegistered: 4, stage1: "done" as const, stage2: "in-progress" as const, stage2SignOff: "2026-09-30", supervisorId: "s1" } }
        : {}),
    } as PostIn;
  });
  return { name: "Edits", firstYear, years: 5, assumptions: { claimLagMonths: 2 }, supervisors: [{ id: "s1", name: "Dr Test", wte: 1 }], posts };
}

type Edit =
  | { kind: "wte"; post: number; wte: number }
  | { kind: "salary"; post: number; salary: number }
  | { kind: "start"; post: number; month: number }
  | { kind: "status"; post: number }
  | { kind: "remove"; post: number }
  | { kind: "payAward"; value: number };

const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("wte" as const), post: fc.nat(11), wte: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000) }),
  fc.record({ kind: fc.constant("salary" as const), post: fc.nat(11), salary: fc.integer({ min: 2_000_000, max: 12_000_000 }).map((p) => p / 100) }),
  fc.record({ kind: fc.constant("start" as const), post: fc.nat(11), month: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant("status" as const), post: fc.nat(11) }),
  fc.record({ kind: fc.constant("remove" as const), post: fc.nat(11) }),
  fc.record({ kind: fc.constant("payAward" as const), value: fc.integer({ min: 0, max: 60 }).map((n) => n / 1000) }),
);

function apply(s: Scenario, e: Edit): Scenario {
  if (e.kind === "payAward") return { ...s, assumptions: { ...s.assumptions, payAward: e.value } };
  if (e.post >= s.posts.length) return s;
  if (e.kind === "remove") return { ...s, posts: s.posts.filter((_, i) => i !== e.post) };
  const posts = s.posts.map((p, i) => {
    if (i !== e.post) return p;
    if (e.kind === "wte") return { ...p, wte: e.wte };
    if (e.kind === "status") return { ...p, status: p.status === "existing" ? ("proposed" as const) : ("existing" as const) };
    if (e.kind === "start") {
      const m = 3 + e.month; // from April 2024 (months before the plan) to late 2026
      return { ...p, start: `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01` };
    }
    // A spot salary replaces a band and point.
    const { band: _b, point: _p, nextPayStep: _n, ...rest } = p as PostIn & { band?: string; point?: number; nextPayStep?: string };
    return p.role === "mental-health-practitioner" ? p : { ...rest, annualSalary: e.salary };
  });
  return { ...s, posts };
}

async function freshCompute() {
  vi.resetModules();
  return (await import("./compute")).computeScenario;
}

describe("computeScenario after edits", () => {
  it("a run of edits gives the same figures as a fresh calculation with empty caches", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("2025/26", "2026/27"), fc.array(arbEdit, { minLength: 1, maxLength: 8 }), async (firstYear, edits) => {
        let s = baseScenario(firstYear);
        let last = computeScenario(ScenarioBodySchema.parse(s), ctx);
        for (const e of edits) {
          s = apply(s, e);
          last = computeScenario(ScenarioBodySchema.parse(s), ctx);
        }
        const fresh = (await freshCompute())(ScenarioBodySchema.parse(s), ctx);
        expect(last).toEqual(fresh);
      }),
      { numRuns: 12 },
    );
  });

  it("an edit of one post's WTE changes that post's figures and the totals, and nothing it should not", () => {
    const s = baseScenario("2025/26");
    const before = computeScenario(ScenarioBodySchema.parse(s), ctx);
    const after = computeScenario(ScenarioBodySchema.parse(apply(s, { kind: "wte", post: 2, wte: 0.25 })), ctx);
    for (let y = 0; y < 5; y++) {
      const a = after.years[y]!;
      const b = before.years[y]!;
      expect(a.posts.filter((p) => p.id !== "p2")).toEqual(b.posts.filter((p) => p.id !== "p2"));
      expect(a.posts.find((p) => p.id === "p2")!.wte).toBe(0.25);
      expect(a.totals.cost).toBeLessThan(b.totals.cost);
    }
  });
});
