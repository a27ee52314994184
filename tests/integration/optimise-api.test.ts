// POST /api/v1/optimise: the contract, its estimate equal to POST /api/v1/estimate's for the same
// posts, its optimum checked by enumerating every mix through the estimate API, infeasibility in
// words, and the usual errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../support/db";

let env: Awaited<ReturnType<typeof createTestDb>>;
let OPTIMISE: (req: Request) => Promise<Response>;
let ESTIMATE: (req: Request) => Promise<Response>;
let routes: Record<string, (req: Request) => Response | Promise<Response>>;

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  routes = (await import("@/app/api/v1/optimise/route")) as any;
  OPTIMISE = routes.POST as any;
  ({ POST: ESTIMATE } = await import("@/app/api/v1/estimate/route"));
});
afterAll(async () => {
  await env?.cleanup();
});

async function call(route: (req: Request) => Promise<Response>, path: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  const res = await route(new Request(`http://localhost${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));
  return { status: res.status, json: await res.json(), headers: res.headers };
}
const optimise = (body: unknown) => call(OPTIMISE, "/api/v1/optimise", body);
const estimate = (body: unknown) => call(ESTIMATE, "/api/v1/estimate", body);

const CONTRACT_EXAMPLE = {
  financialYear: "2025/26",
  pcn: { weightedPopulation: 52000 },
  existingPosts: [{ id: "pharm-1", role: "clinical-pharmacist", band: "7", point: 2, wte: 1, area: "national" }],
  candidates: [{ id: "ot", role: "occupational-therapist", band: "7", point: 1, area: "national", start: "2025-10-01", wteOptions: [0.5, 1.0], value: 10, min: 0, max: 3 }],
  limits: { pcnFundedMax: 20000 },
};

describe("POST /api/v1/optimise — the contract", () => {
  it("answers the contract example with the optimal mix and the estimate API's response for existing + chosen", async () => {
    const { status, json } = await optimise(CONTRACT_EXAMPLE);
    expect(status).toBe(200);
    expect(json.status).toBe("optimal");
    // £1.38m of entitlement funds three full-time OTs from October: the maximum.
    expect(json.chosen).toEqual([{ candidate: "ot", wte: 1, count: 3 }]);
    expect(json.objective).toBe(30);
    expect(json.binding).toEqual([{ limit: "maximum", candidate: "ot", message: "ot: at its maximum of 3 posts." }]);
    // The estimate is exactly POST /api/v1/estimate's for the same posts.
    expect(json.posts.map((p: any) => p.id)).toEqual(["pharm-1", "ot-1", "ot-2", "ot-3"]);
    const direct = await estimate({ financialYear: "2025/26", pcn: CONTRACT_EXAMPLE.pcn, posts: json.posts });
    expect(direct.status).toBe(200);
    expect(json.estimate).toEqual(direct.json);
    expect(json.estimate.totals.headroom).toBeGreaterThanOrEqual(0);
    expect(json.estimate.totals.pcnFunded).toBeLessThanOrEqual(20000);
    // Alternatives: the next best distinct mixes, best first: 2 × 1.0 + 1 × 0.5 (25), then two worth
    // 20 (2 × 1.0; 1 × 1.0 + 2 × 0.5) in either order.
    expect(json.alternatives.length).toBe(3);
    expect(json.alternatives.map((a: any) => a.objective)).toEqual([25, 20, 20]);
    expect(json.alternatives[0].chosen).toEqual([
      { candidate: "ot", wte: 0.5, count: 1 },
      { candidate: "ot", wte: 1, count: 2 },
    ]);
    for (const a of json.alternatives) expect(a.totals.headroom).toBeGreaterThanOrEqual(0);
  });

  it("names the PCN by code like the estimate (weighted population and provenance)", async () => {
    const body = { ...CONTRACT_EXAMPLE, pcn: { code: "UZ1001" }, alternatives: 0 };
    const { status, json } = await optimise(body);
    expect(status).toBe(200);
    const direct = await estimate({ financialYear: "2025/26", pcn: { code: "UZ1001" }, posts: json.posts });
    expect(json.estimate).toEqual(direct.json);
    expect(json.estimate.pcn.code).toBe("UZ1001");
    expect(json.alternatives).toEqual([]);
  });

  it("an unknown PCN code is 404", async () => {
    const { status, json } = await optimise({ ...CONTRACT_EXAMPLE, pcn: { code: "UZ9999" } });
    expect(status).toBe(404);
    expect(json.error.code).toBe("not_found");
  });
});

describe("POST /api/v1/optimise — the optimum, checked by enumerating every mix through the estimate API", () => {
  it("no mix within the limits is worth more (2 candidates × 2 WTE options, up to 2 posts each)", async () => {
    const candidates = [
      { id: "ot", role: "occupational-therapist", band: "7", point: 3, area: "national", start: "2025-07-01", wteOptions: [0.6, 1], value: 7, min: 0, max: 2 },
      { id: "pa", role: "physician-associate", annualSalary: 58000, area: "inner-london", start: "2025-04-01", wteOptions: [0.5, 0.8], value: 9, min: 0, max: 2 },
    ];
    const pcn = { weightedPopulation: 5200 }; // £138k: a few posts only
    const existingPosts = [{ id: "sw-1", role: "social-prescribing-link-worker", band: "4", point: 1, wte: 1, area: "national" }];
    const pcnFundedMax = 9000;
    const { json } = await optimise({ financialYear: "2025/26", pcn, existingPosts, candidates, limits: { pcnFundedMax } });
    expect(json.status).toBe("optimal");

    // Every mix: n[ot,0.6] + n[ot,1] ≤ 2, n[pa,0.5] + n[pa,0.8] ≤ 2.
    const pairs = [] as [number, number][];
    for (let a = 0; a <= 2; a++) for (let b = 0; a + b <= 2; b++) pairs.push([a, b]);
    let best = -1;
    let feasible = 0;
    for (const [o6, o10] of pairs) {
      for (const [p5, p8] of pairs) {
        const posts = [...existingPosts];
        const add = (c: (typeof candidates)[number], wte: number, n: number) => {
          const { wteOptions: _w, value: _v, min: _m, max: _x, id, ...f } = c;
          for (let k = 0; k < n; k++) posts.push({ ...f, id: `${id}-${wte}-${k}`, wte } as any);
        };
        add(candidates[0]!, 0.6, o6);
        add(candidates[0]!, 1, o10);
        add(candidates[1]!, 0.5, p5);
        add(candidates[1]!, 0.8, p8);
        const e = (await estimate({ financialYear: "2025/26", pcn, posts })).json;
        if (e.totals.headroom < 0 || e.totals.pcnFunded > pcnFundedMax) continue;
        feasible++;
        best = Math.max(best, Math.round((7 * (0.6 * o6 + o10) + 9 * (0.5 * p5 + 0.8 * p8)) * 1e6));
      }
    }
    expect(feasible).toBeGreaterThan(1);
    expect(feasible).toBeLessThan(36); // the limits do cut some mixes out
    expect(Math.round(json.objective * 1e6)).toBe(best);
  });

  it("2024/25: the GP pot funds GPs only — each pot is a limit (the estimate's pots all keep headroom ≥ 0)", async () => {
    const body = {
      financialYear: "2024/25",
      pcn: { weightedPopulation: 30000 },
      existingPosts: [],
      candidates: [
        { id: "gp", role: "gp", annualSalary: 82000, area: "national", start: "2024-10-01", wteOptions: [0.5, 1], value: 1, min: 0, max: 10 },
        { id: "pharm", role: "clinical-pharmacist", band: "7", point: 1, area: "national", start: "2024-04-01", wteOptions: [1], value: 10, min: 0, max: 20 },
      ],
      alternatives: 0,
    };
    const { json } = await optimise(body);
    expect(json.status).toBe("optimal");
    expect(json.estimate.pots.length).toBe(2);
    for (const pot of json.estimate.pots) expect(pot.headroom).toBeGreaterThanOrEqual(0);
    expect(json.chosen.find((c: any) => c.candidate === "gp")).toBeTruthy();
    const pharm = json.chosen.find((c: any) => c.candidate === "pharm").count;
    // One more pharmacist would overspend the main pot.
    const more = await estimate({ financialYear: "2024/25", pcn: body.pcn, posts: [...json.posts, { ...json.posts.find((p: any) => p.id.startsWith("pharm-")), id: "pharm-extra" }] });
    expect(pharm).toBeLessThan(20);
    expect(more.json.pots.find((p: any) => p.id === "main").headroom).toBeLessThan(0);
  });
});

describe("POST /api/v1/optimise — infeasible, in words", () => {
  it("the existing posts alone are over the entitlement", async () => {
    const { status, json } = await optimise({
      financialYear: "2025/26",
      pcn: { weightedPopulation: 1000 },
      existingPosts: [{ id: "pharm-1", role: "clinical-pharmacist", band: "7", point: 2, wte: 1, area: "national" }],
      candidates: [],
      limits: {},
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: "infeasible", objective: null, chosen: [], estimate: null });
    expect(json.binding).toHaveLength(1);
    expect(json.binding[0].limit).toBe("entitlement");
    expect(json.binding[0].message).toMatch(/^ARRS entitlement.*: the existing posts alone claim £[\d,]+\.\d\d, £[\d,]+\.\d\d more than the entitlement of £26,631\.00\.$/);
  });

  it("the minimum asked for costs the PCN more than its budget", async () => {
    const { json } = await optimise({
      ...CONTRACT_EXAMPLE,
      candidates: [{ ...CONTRACT_EXAMPLE.candidates[0], role: "physician-associate", band: undefined, point: undefined, annualSalary: 90000, min: 1 }],
      limits: { pcnFundedMax: 0 },
    });
    expect(json.status).toBe("infeasible");
    expect(json.binding.map((b: any) => b.limit).sort()).toEqual(["minimum", "pcnFunded"]);
  });
});

describe("POST /api/v1/optimise — errors", () => {
  it("invalid input: 422 with every problem, in the estimate API's shape", async () => {
    const { status, json } = await optimise({
      financialYear: "2025/26",
      pcn: { weightedPopulation: 52000 },
      candidates: [
        { id: "ot", role: "occupational-therapist", band: "7", point: 1, area: "national", start: "2025-10-01", wteOptions: [], value: -1, min: 3, max: 2 },
        { id: "ot", role: "nurse-of-sorts", annualSalary: 30000, start: "2025-13-01", wteOptions: [1.5], value: 1, max: 1, colour: "red" },
      ],
      limits: { pcnFundedMax: -5 },
    });
    expect(status).toBe(422);
    expect(json.error.code).toBe("invalid_input");
    const paths = json.error.issues.map((i: any) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["candidates.0.wteOptions", "candidates.0.value", "candidates.0.min", "candidates.1.role", "candidates.1.start", "candidates.1.wteOptions.0", "candidates.1", "limits.pcnFundedMax"]));
    expect(json.error.issues.find((i: any) => i.path === "candidates.0.min").message).toBe("The minimum (3) is more than the maximum (2).");
  });

  it("too many posts over all candidates' maximums: 422", async () => {
    const candidates = Array.from({ length: 16 }, (_, i) => ({ ...CONTRACT_EXAMPLE.candidates[0], id: `c${i}`, max: 20 }));
    const { status, json } = await optimise({ ...CONTRACT_EXAMPLE, candidates });
    expect(status).toBe(422);
    expect(json.error.issues[0]).toEqual({ path: "candidates", message: "The candidates' maximums add up to 320 posts; at most 300 in one optimisation." });
  });

  it("not JSON: 415; malformed JSON: 422; other methods: 405 with Allow", async () => {
    expect((await call(OPTIMISE, "/api/v1/optimise", "x", { "content-type": "text/plain" })).status).toBe(415);
    const bad = await optimise("{");
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe("");
    const res = await routes.GET!(new Request("http://localhost/api/v1/optimise"));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("a solve that runs out of time is a clear 408, not an internal error", async () => {
    const { runOptimise } = await import("@/lib/server/scenarios/optimise");
    const { SolverTimeLimitError } = await import("@/lib/optimiser/milp");
    const slow = { solve: () => { throw new SolverTimeLimitError(15); } };
    await expect(runOptimise(CONTRACT_EXAMPLE, () => env.db, slow)).rejects.toMatchObject({ code: "request_timeout", message: expect.stringMatching(/^The optimiser could not prove the best mix within 15 seconds\./) });
  });
});
