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
  | { kind: "payAward"; value: number }
  | { kind: "role"; post: number; role: string }
  | { kind: "end"; post: number; month: number }
  | { kind: "label"; post: number }
  | { kind: "signOff"; post: number; month: number }
  | { kind: "add"; role: string; month: number }
  | { kind: "supervision"; hourly: number; debrief: number }
  | { kind: "claimLag"; months: number }
  | { kind: "supervisorWte"; wte: number };

const EDIT_ROLES = ["occupational-therapist", "first-contact-physiotherapist", "clinical-pharmacist", "paramedic", "care-coordinator", "pharmacy-technician"];

const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("wte" as const), post: fc.nat(11), wte: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000) }),
  fc.record({ kind: fc.constant("salary" as const), post: fc.nat(11), salary: fc.integer({ min: 2_000_000, max: 12_000_000 }).map((p) => p / 100) }),
  fc.record({ kind: fc.constant("start" as const), post: fc.nat(11), month: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant("status" as const), post: fc.nat(11) }),
  fc.record({ kind: fc.constant("remove" as const), post: fc.nat(11) }),
  fc.record({ kind: fc.constant("payAward" as const), value: fc.integer({ min: 0, max: 60 }).map((n) => n / 1000) }),
  fc.record({ kind: fc.constant("role" as const), post: fc.nat(11), role: fc.constantFrom(...EDIT_ROLES) }),
  fc.record({ kind: fc.constant("end" as const), post: fc.nat(11), month: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant("label" as const), post: fc.nat(11) }),
  fc.record({ kind: fc.constant("signOff" as const), post: fc.nat(11), month: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant("add" as const), role: fc.constantFrom(...EDIT_ROLES), month: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant("supervision" as const), hourly: fc.integer({ min: 3000, max: 9000 }).map((p) => p / 100), debrief: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant("claimLag" as const), months: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant("supervisorWte" as const), wte: fc.integer({ min: 1, max: 10 }).map((n) => n / 10) }),
);

/** "2024-04-01" + `month` months. */
const monthFrom2024 = (month: number) => `${2024 + Math.floor((3 + month) / 12)}-${String(((3 + month) % 12) + 1).padStart(2, "0")}-01`;

function apply(s: Scenario, e: Edit): Scenario {
  if (e.kind === "payAward") return { ...s, assumptions: { ...s.assumptions, payAward: e.value } };
  if (e.kind === "supervision") return { ...s, assumptions: { ...s.assumptions, supervision: { supervisorHourlyCost: e.hourly, debriefMinutesPerDay: e.debrief } } };
  if (e.kind === "claimLag") return { ...s, assumptions: { ...s.assumptions, claimLagMonths: e.months } };
  if (e.kind === "supervisorWte") return { ...s, supervisors: (s.supervisors ?? []).map((x) => ({ ...x, wte: e.wte })) };
  if (e.kind === "add") {
    const id = `new-${s.posts.length}-${e.month}`;
    const fcRecord = e.role === "occupational-therapist" ? { firstContact: { hcpcRegistration: "done" as const, stage1: "in-progress" as const, stage2: "not-started" as const, supervisorId: "s1" } } : {};
    return { ...s, posts: [...s.posts, { id, label: `New ${id}`, role: e.role, band: "6", point: 1, wte: 1, area: "national", status: "proposed", start: monthFrom2024(e.month), ...fcRecord } as PostIn] };
  }
  if (e.post >= s.posts.length) return s;
  if (e.kind === "remove") return { ...s, posts: s.posts.filter((_, i) => i !== e.post) };
  const posts = s.posts.map((p, i) => {
    if (i !== e.post) return p;
    if (e.kind === "wte") return { ...p, wte: e.wte };
    if (e.kind === "status") return { ...p, status: p.status === "existing" ? ("proposed" as const) : ("existing" as const) };
    if (e.kind === "label") return { ...p, label: `${p.label ?? ""} (renamed)` };
    if (e.kind === "end") {
      // An end before the start is not a valid post (the schema says so): that edit is skipped.
      const end = monthFrom2024(e.month).replace(/-01$/, "-15");
      return p.start && end < p.start ? p : { ...p, end };
    }
    if (e.kind === "role") {
      // A band-and-point post keeps its band (6 for a role the band does not suit); First Contact records go with non-First Contact roles.
      if (p.role === "gp" || p.role === "mental-health-practitioner") return p;
      const { firstContact: _fc, ...rest } = p as PostIn & { firstContact?: unknown };
      const keepsFc = e.role === "occupational-therapist" || e.role === "first-contact-physiotherapist" || e.role === "paramedic";
      return { ...(keepsFc ? p : rest), role: e.role };
    }
    if (e.kind === "signOff") {
      const f = (p as PostIn & { firstContact?: Record<string, unknown> }).firstContact;
      return f ? { ...p, firstContact: { ...f, stage2SignOff: monthFrom2024(e.month) } } : p;
    }
    if (e.kind === "start") {
      const m = 3 + e.month; // from April 2024 (months before the plan) to late 2026
      const start = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
      const end = (p as PostIn & { end?: string }).end;
      return end && start > end ? p : { ...p, start };
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

/** The scenario after the edit, computed after the one before it (caches warm), and fresh (empty caches). */
async function incrementalAndFresh(s: Scenario, e: Edit) {
  computeScenario(ScenarioBodySchema.parse(s), ctx);
  const edited = apply(s, e);
  const incremental = computeScenario(ScenarioBodySchema.parse(edited), ctx);
  const fresh = (await freshCompute())(ScenarioBodySchema.parse(edited), ctx);
  return { incremental, fresh };
}

describe("computeScenario after edits", () => {
  // One edit of every kind, each from a computed scenario (the planner's caches warm) to the
  // edited one: exactly the figures of a fresh calculation, every field.
  it.each<[string, Edit]>([
    ["salary (a band post becomes a spot salary)", { kind: "salary", post: 2, salary: 45_678.9 }],
    ["salary of a GP", { kind: "salary", post: 5, salary: 91_000 }],
    ["WTE", { kind: "wte", post: 1, wte: 0.4 }],
    ["start date (to before the plan)", { kind: "start", post: 3, month: 2 }],
    ["start date (later in the plan)", { kind: "start", post: 0, month: 20 }],
    ["end date", { kind: "end", post: 4, month: 18 }],
    ["role", { kind: "role", post: 2, role: "paramedic" }],
    ["role of a First Contact OT to a pharmacist", { kind: "role", post: 0, role: "clinical-pharmacist" }],
    ["status", { kind: "status", post: 4 }],
    ["label (supervision names the post)", { kind: "label", post: 0 }],
    ["Stage 2 sign-off date", { kind: "signOff", post: 0, month: 14 }],
    ["delete a post", { kind: "remove", post: 0 }],
    ["delete a post in the middle (later posts move up)", { kind: "remove", post: 6 }],
    ["add a post", { kind: "add", role: "occupational-therapist", month: 8 }],
    ["pay award", { kind: "payAward", value: 0.045 }],
    ["supervision assumptions", { kind: "supervision", hourly: 61.5, debrief: 20 }],
    ["claim lag", { kind: "claimLag", months: 4 }],
    ["supervisor WTE", { kind: "supervisorWte", wte: 0.5 }],
  ])("%s", async (_name, e) => {
    for (const firstYear of ["2025/26", "2026/27"]) {
      const { incremental, fresh } = await incrementalAndFresh(baseScenario(firstYear), e);
      expect(incremental).toStrictEqual(fresh);
    }
  });

  it("an edit of one post re-uses every other post's priced and supervision months (the same objects)", () => {
    const s = baseScenario("2025/26");
    const before = computeScenario(ScenarioBodySchema.parse(s), ctx);
    const after = computeScenario(ScenarioBodySchema.parse(apply(s, { kind: "wte", post: 2, wte: 0.25 })), ctx);
    for (let y = 0; y < 5; y++) {
      const [a, b] = [after.years[y]!, before.years[y]!];
      a.posts.forEach((p, k) => (p.id === "p2" ? expect(p).not.toBe(b.posts[k]) : expect(p).toBe(b.posts[k])));
      a.supervision.posts.forEach((p, k) => (p.postId === "p2" ? expect(p).not.toBe(b.supervision.posts[k]) : expect(p).toBe(b.supervision.posts[k])));
    }
  });

  it("a run of edits gives the same figures as a fresh calculation with empty caches", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("2025/26", "2026/27"), fc.array(arbEdit, { minLength: 1, maxLength: 8 }), async (firstYear, edits) => {
        let s = baseScenario(firstYear);
        let last = computeScenario(ScenarioBodySchema.parse(s), ctx);
        for (const e of edits) {
          // An edit the planner would refuse (an end date before the post's start) is left out, as the planner leaves the post out.
          const next = apply(s, e);
          if (!ScenarioBodySchema.safeParse(next).success) continue;
          s = next;
          last = computeScenario(ScenarioBodySchema.parse(s), ctx);
        }
        const fresh = (await freshCompute())(ScenarioBodySchema.parse(s), ctx);
        expect(last).toStrictEqual(fresh);
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
