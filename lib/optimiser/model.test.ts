// The optimiser's model against brute-force enumeration: on small problems every mix is listed,
// the feasible ones ranked by value, and HiGHS's optimum (and its alternatives) must match.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver } from "@/lib/server/scenarios/highs";
import { SolverTimeLimitError, type MilpSolver } from "./milp";
import { buildMilp, optimise, type CandidateModel, type OptimiserProblem, type PricedOption } from "./model";

let solver: MilpSolver;
beforeAll(async () => {
  // One solver for every test here: a time budget far above what they take, even on a loaded machine.
  solver = await createHighsSolver(3600);
});

/** Every mix of a small problem, feasible ones only, each with its objective in value units × 1e6. */
function enumerate(p: OptimiserProblem): { counts: number[][]; objective: number }[] {
  const slots = p.candidates.flatMap((c, ci) => c.options.map((_, wi) => ({ ci, wi })));
  const out: { counts: number[][]; objective: number }[] = [];
  const counts = p.candidates.map((c) => c.options.map(() => 0));
  const feasible = () => {
    const potClaims = p.pots.map((pot) => pot.existingClaimsPence);
    let pcnFunded = p.existing.pcnFundedPence;
    let trainees = p.existing.roadmapTrainees;
    for (let ci = 0; ci < p.candidates.length; ci++) {
      const c = p.candidates[ci]!;
      const n = counts[ci]!.reduce((s, v) => s + v, 0);
      if (n < c.min || n > c.max) return false;
      if (c.roadmap) trainees += n;
      c.options.forEach((o, wi) => {
        o.potClaimsPence.forEach((a, pi) => (potClaims[pi]! += a * counts[ci]![wi]!));
        pcnFunded += o.pcnFundedPence * counts[ci]![wi]!;
      });
    }
    if (potClaims.some((a, pi) => a > p.pots[pi]!.entitlementPence)) return false;
    if (p.pcnFundedMaxPence !== undefined && pcnFunded > p.pcnFundedMaxPence) return false;
    if (p.traineeCapacity !== undefined && trainees > Math.floor(p.traineeCapacity + 1e-9)) return false;
    return true;
  };
  const walk = (k: number) => {
    if (k === slots.length) {
      if (feasible()) {
        let obj = 0;
        p.candidates.forEach((c, ci) => c.options.forEach((o, wi) => (obj += c.valueHundredths * o.wteTenThousandths * counts[ci]![wi]!)));
        out.push({ counts: counts.map((r) => [...r]), objective: obj });
      }
      return;
    }
    const { ci, wi } = slots[k]!;
    const used = counts[ci]!.reduce((s, v) => s + v, 0);
    for (let n = 0; n + used <= p.candidates[ci]!.max; n++) {
      counts[ci]![wi] = n;
      walk(k + 1);
    }
    counts[ci]![wi] = 0;
  };
  walk(0);
  return out.sort((a, b) => b.objective - a.objective);
}

const option = (wte: number, cost: number, claim: number, pots = 1, gpShare = 0): PricedOption => ({
  wteTenThousandths: Math.round(wte * 10000),
  costPence: cost,
  claimablePence: claim,
  pcnFundedPence: cost - claim,
  potClaimsPence: pots === 1 ? [claim] : [claim - gpShare, gpShare],
});

const problem = (candidates: CandidateModel[], over: Partial<OptimiserProblem> = {}): OptimiserProblem => ({
  pots: [{ id: "main", label: "ARRS entitlement", entitlementPence: 10_000_000, existingClaimsPence: 0 }],
  existing: { costPence: 0, claimablePence: 0, pcnFundedPence: 0, roadmapTrainees: 0 },
  candidates,
  ...over,
});

const cand = (id: string, value: number, options: PricedOption[], min = 0, max = 3, roadmap = false): CandidateModel => ({ id, valueHundredths: value * 100, min, max, roadmap, options });

describe("optimiser model (by hand)", () => {
  it("finds the most valuable mix where a greedy rule does not", async () => {
    // £100,000 entitlement. A: claims £51,000 for value 10; B: claims £50,000 for value 9.6.
    // Greedy by value per pound takes A first (10/£51k > 9.6/£50k), then nothing else fits: 10.
    // The optimum is two Bs: 19.2, using the entitlement exactly.
    const p = problem([cand("a", 10, [option(1, 5_200_000, 5_100_000)], 0, 2), cand("b", 9.6, [option(1, 5_200_000, 5_000_000)], 0, 2)]);
    const r = await optimise(p, solver, { alternatives: 3 });
    expect(r.status).toBe("optimal");
    if (r.status !== "optimal") return;
    expect(r.best.objective).toBe(19.2);
    expect(r.best.chosen).toEqual([{ candidate: "b", wte: 1, count: 2 }]);
    expect(r.best.totals).toEqual({ costPence: 10_400_000, claimablePence: 10_000_000, pcnFundedPence: 400_000, headroomPence: 0 });
    // The next best distinct mixes: A alone (10), B alone (9.6), none (0).
    expect(r.alternatives.map((a) => a.objective)).toEqual([10, 9.6, 0]);
    expect(r.binding).toEqual([
      { limit: "entitlement", pot: "main", message: "ARRS entitlement: £0.00 of the entitlement of £100,000.00 is left, less than any further post would claim (at least £51,000.00)." },
      { limit: "maximum", candidate: "b", message: "b: at its maximum of 2 posts." },
    ]);
  });

  it("uses the claim to the exact penny: a mix a penny over is refused", async () => {
    const p = problem([cand("a", 1, [option(1, 5_000_001, 5_000_001)], 0, 2)]);
    const r = await optimise(p, solver);
    expect(r.status === "optimal" && r.best.chosen).toEqual([{ candidate: "a", wte: 1, count: 1 }]);
    const exact = problem([cand("a", 1, [option(1, 5_000_000, 5_000_000)], 0, 2)]);
    const r2 = await optimise(exact, solver);
    expect(r2.status === "optimal" && r2.best.chosen).toEqual([{ candidate: "a", wte: 1, count: 2 }]);
    expect(r2.status === "optimal" && r2.best.totals.headroomPence).toBe(0);
  });

  it("no candidates: the existing posts alone, objective 0", async () => {
    const p = problem([], { existing: { costPence: 300, claimablePence: 200, pcnFundedPence: 100, roadmapTrainees: 0 } });
    const r = await optimise(p, solver, { alternatives: 3 });
    expect(r).toMatchObject({ status: "optimal", best: { objective: 0, chosen: [], totals: { claimablePence: 200, headroomPence: 10_000_000 - 200 } }, alternatives: [] });
  });

  it("zero budget: only posts that cost the PCN nothing", async () => {
    const p = problem([cand("capped", 5, [option(1, 6_000_000, 5_000_000)]), cand("free", 1, [option(1, 4_000_000, 4_000_000)], 0, 2)], { pcnFundedMaxPence: 0 });
    const r = await optimise(p, solver);
    expect(r.status === "optimal" && r.best.chosen).toEqual([{ candidate: "free", wte: 1, count: 2 }]);
    expect(r.status === "optimal" && r.binding.find((b) => b.limit === "pcnFunded")?.message).toMatch(/PCN-funded budget: £0\.00 of £0\.00 is left/);
  });

  it("infeasible: the existing posts alone are over the entitlement", async () => {
    const p = problem([cand("a", 1, [option(1, 100, 100)])], { pots: [{ id: "main", label: "ARRS entitlement", entitlementPence: 5_000_000, existingClaimsPence: 5_000_100 }] });
    const r = await optimise(p, solver);
    expect(r.status).toBe("infeasible");
    expect(r.binding).toEqual([{ limit: "entitlement", pot: "main", message: "ARRS entitlement: the existing posts alone claim £50,001.00, £1.00 more than the entitlement of £50,000.00." }]);
  });

  it("infeasible: the minimums are more than the entitlement funds (minimum and entitlement both bind)", async () => {
    const p = problem([cand("a", 1, [option(0.5, 3_000_000, 3_000_000), option(1, 6_000_000, 6_000_000)], 2, 3)], {
      pots: [{ id: "main", label: "ARRS entitlement", entitlementPence: 8_000_000, existingClaimsPence: 2_500_000 }],
    });
    const r = await optimise(p, solver);
    expect(r.status).toBe("infeasible");
    expect(r.binding.map((b) => b.limit).sort()).toEqual(["entitlement", "minimum"]);
    expect(r.binding.find((b) => b.limit === "entitlement")!.message).toBe(
      "ARRS entitlement: the minimum numbers of posts asked for (a: 2) claim at least £60,000.00; with the existing posts' £25,000.00 that is £5,000.00 more than the entitlement of £80,000.00.",
    );
  });

  it("infeasible: the PCN-funded budget binds", async () => {
    const p = problem([cand("a", 1, [option(1, 6_000_000, 5_000_000)], 1, 1)], { pcnFundedMaxPence: 999_999 });
    const r = await optimise(p, solver);
    expect(r.status).toBe("infeasible");
    expect(r.binding.map((b) => b.limit).sort()).toEqual(["minimum", "pcnFunded"]);
    expect(r.binding.find((b) => b.limit === "pcnFunded")!.message).toMatch(/at least £10,000\.00; .* £0\.01 more than the budget of £9,999\.99/);
  });

  it("infeasible: supervisor capacity binds (4 trainees per 1.0 WTE)", async () => {
    const p = problem([cand("fcp", 1, [option(1, 100, 100)], 3, 5, true)], { traineeCapacity: 4, existing: { costPence: 0, claimablePence: 0, pcnFundedPence: 0, roadmapTrainees: 2 } });
    const r = await optimise(p, solver);
    expect(r.status).toBe("infeasible");
    expect(r.binding.find((b) => b.limit === "supervision")!.message).toBe("Supervisor capacity: room for 4 roadmap trainees, but the existing posts and the minimums asked for need 5.");
    // Feasible with capacity for 5: the capacity limits the count.
    const r2 = await optimise({ ...p, candidates: [cand("fcp", 1, [option(1, 100, 100)], 0, 5, true)] }, solver);
    expect(r2.status === "optimal" && r2.best.chosen).toEqual([{ candidate: "fcp", wte: 1, count: 2 }]);
    expect(r2.status === "optimal" && r2.binding.map((b) => b.limit)).toEqual(["supervision"]);
  });

  it("each pot is a limit of its own (a GP pot cannot fund other roles)", async () => {
    const pots = [
      { id: "main", label: "Main pot", entitlementPence: 6_000_000, existingClaimsPence: 0 },
      { id: "gp", label: "GP pot", entitlementPence: 6_000_000, existingClaimsPence: 0 },
    ];
    // Two pharmacists would claim £100,000 from main (over £60,000); one pharmacist + one GP fits.
    const p = problem([cand("pharm", 10, [{ ...option(1, 5_000_000, 5_000_000), potClaimsPence: [5_000_000, 0] }], 0, 2), cand("gp", 3, [{ ...option(1, 5_000_000, 5_000_000), potClaimsPence: [0, 5_000_000] }], 0, 2)], { pots });
    const r = await optimise(p, solver);
    expect(r.status === "optimal" && r.best.chosen).toEqual([
      { candidate: "pharm", wte: 1, count: 1 },
      { candidate: "gp", wte: 1, count: 1 },
    ]);
    expect(buildMilp(p).milp.rows.filter((row) => row.name.startsWith("pot_"))).toHaveLength(2);
  });
});

describe("optimiser model: time limits", () => {
  const p = problem([cand("a", 10, [option(1, 5_200_000, 5_100_000)], 0, 2), cand("b", 9.6, [option(1, 5_200_000, 5_000_000)], 0, 2)]);

  it("out of time while looking for alternatives: the proven optimum stands, with the alternatives found so far", async () => {
    let calls = 0;
    const once: MilpSolver = {
      solve: (m) => {
        if (++calls > 2) throw new SolverTimeLimitError(15);
        return solver.solve(m);
      },
    };
    const r = await optimise(p, once, { alternatives: 3 });
    expect(r.status === "optimal" && r.best.objective).toBe(19.2);
    expect(r.status === "optimal" && r.alternatives.map((a) => a.objective)).toEqual([10]);
  });

  it("out of time before the optimum is proved: the error reaches the caller (the API says 408)", async () => {
    const none = await createHighsSolver(0);
    await expect(optimise(p, none)).rejects.toThrow(SolverTimeLimitError);
  });
});

describe("optimiser model (property: HiGHS's optimum equals brute-force enumeration)", () => {
  const optionArb = fc.record({
    wte: fc.constantFrom(0.4, 0.5, 0.6, 0.8, 1),
    cost: fc.integer({ min: 1_000_000, max: 8_000_000 }),
    capShare: fc.integer({ min: 50, max: 100 }),
    gpShare: fc.integer({ min: 0, max: 100 }),
  });
  const candArb = fc.record({
    value: fc.integer({ min: 0, max: 2000 }),
    options: fc.array(optionArb, { minLength: 1, maxLength: 2 }),
    min: fc.integer({ min: 0, max: 1 }),
    extra: fc.integer({ min: 0, max: 2 }),
    roadmap: fc.boolean(),
  });
  const problemArb = fc.record({
    candidates: fc.array(candArb, { minLength: 1, maxLength: 3 }),
    twoPots: fc.boolean(),
    entitlement: fc.integer({ min: 0, max: 25_000_000 }),
    existingClaims: fc.integer({ min: 0, max: 3_000_000 }),
    budget: fc.option(fc.integer({ min: 0, max: 4_000_000 }), { nil: undefined }),
    capacity: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  });

  const toProblem = (g: typeof problemArb extends fc.Arbitrary<infer T> ? T : never): OptimiserProblem => {
    const pots = g.twoPots
      ? [
          { id: "main", label: "Main pot", entitlementPence: Math.floor(g.entitlement * 0.8), existingClaimsPence: g.existingClaims },
          { id: "gp", label: "GP pot", entitlementPence: g.entitlement - Math.floor(g.entitlement * 0.8), existingClaimsPence: 0 },
        ]
      : [{ id: "main", label: "Main pot", entitlementPence: g.entitlement, existingClaimsPence: g.existingClaims }];
    return {
      pots,
      existing: { costPence: g.existingClaims + 12_345, claimablePence: g.existingClaims, pcnFundedPence: 12_345, roadmapTrainees: 1 },
      candidates: g.candidates.map((c, ci) => ({
        id: `c${ci}`,
        valueHundredths: c.value,
        min: c.min,
        max: c.min + c.extra,
        roadmap: c.roadmap,
        options: c.options.map((o) => {
          const claim = Math.floor((o.cost * o.capShare) / 100);
          const gp = g.twoPots ? Math.floor((claim * o.gpShare) / 100) : 0;
          return { wteTenThousandths: o.wte * 10000, costPence: o.cost, claimablePence: claim, pcnFundedPence: o.cost - claim, potClaimsPence: g.twoPots ? [claim - gp, gp] : [claim] };
        }),
      })),
      ...(g.budget !== undefined ? { pcnFundedMaxPence: g.budget } : {}),
      ...(g.capacity !== undefined ? { traineeCapacity: g.capacity } : {}),
    };
  };

  it("optimal value, feasibility and alternatives match enumeration (200 random problems)", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (g) => {
        const p = toProblem(g);
        const all = enumerate(p);
        const r = await optimise(p, solver, { alternatives: 2 });
        if (all.length === 0) {
          expect(r.status).toBe("infeasible");
          expect(r.binding.length).toBeGreaterThan(0);
          return;
        }
        expect(r.status).toBe("optimal");
        if (r.status !== "optimal") return;
        expect(Math.round(r.best.objective * 1e6)).toBe(all[0]!.objective);
        // The chosen mix is one of the feasible mixes (checked independently of the solver).
        expect(all.some((m) => JSON.stringify(m.counts) === JSON.stringify(r.counts))).toBe(true);
        // Alternatives: the 2nd and 3rd best distinct mixes' objectives.
        expect(r.alternatives.map((a) => Math.round(a.objective * 1e6))).toEqual(all.slice(1, 3).map((m) => m.objective));
      }),
      { numRuns: 200, seed: 20251202 },
    );
  });
});
