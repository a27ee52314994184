// Issue 15: one anonymous POST /api/v1/optimise stalled every other request for up to 15 s
// (HiGHS ran on the server's own thread). Now the solves run on a bounded pool of worker threads:
// other requests answer while a long solve runs; a full pool and queue is 503 with Retry-After; a
// solve that outlives its time limit is 408, and a worker stuck past it is stopped and replaced;
// anonymous runs are limited per address (429 with Retry-After), signed-in runs per account.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRules, getRules } from "@/lib/engine";
import { toLpText } from "@/lib/optimiser/milp";
import { buildMilp } from "@/lib/optimiser/model";
import { buildProblem } from "@/lib/optimiser/price";
import { LIMITS } from "@/lib/server/auth/rate-limit";
import { replaceSolverPool, SolverBusyError, SolverPool, SolverWatchdogError, poolOptionsFromEnv, type SolverPool as Pool } from "@/lib/server/scenarios/solver-pool";
import { createApiToken, createUser } from "@/lib/server/auth/users";
import { createTestDb } from "../support/db";
import { hardOptimiseRequest } from "../support/hard-optimise";

let env: Awaited<ReturnType<typeof createTestDb>>;
let OPTIMISE: (req: Request) => Promise<Response>;
let HEALTH: () => Promise<Response>;
let pool: Pool;
const TIME_LIMIT_S = 4;
/** The real worker's code, except that a large problem never finishes (tests/support/slow-highs-worker.mjs). */
const SLOW_WORKER = path.resolve(import.meta.dirname, "../support/slow-highs-worker.mjs");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  process.env.ARRS_OPTIMISER_TIME_LIMIT_S = String(TIME_LIMIT_S);
  // One worker and no queue: a second run while the first solves is refused.
  pool = await replaceSolverPool({ size: 1, queueLimit: 0, workerPath: SLOW_WORKER });
  ({ POST: OPTIMISE } = (await import("@/app/api/v1/optimise/route")) as any);
  ({ GET: HEALTH } = await import("@/app/api/health/route"));
});
afterAll(async () => {
  delete process.env.ARRS_OPTIMISER_TIME_LIMIT_S;
  await pool?.close();
  await env?.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function post(body: unknown, headers: Record<string, string> = {}) {
  return OPTIMISE(
    new Request("http://localhost/api/v1/optimise", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.1", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("POST /api/v1/optimise solves off the server's thread", () => {
  it("while a long solve runs, a health check answers within 500 ms; a second run with the pool full is 503 with Retry-After; the long one ends 408 at its time limit", async () => {
    const t0 = performance.now();
    let settledAt = 0;
    const long = post(hardOptimiseRequest()).then((r) => {
      settledAt = performance.now();
      return r;
    });
    // Let the worker load HiGHS and get well into the solve (the test worker never finishes a problem this large).
    await sleep(2000);
    expect(pool.stats().busy).toBe(1);

    // A health check, timed from when it was due: on the main thread it would wait for the solve.
    const due = t0 + 2000;
    const health = await HEALTH();
    const healthMs = performance.now() - due;
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(500);
    expect(settledAt).toBe(0);

    // The pool's one worker is busy and its queue takes none: refused (once validated and priced), in words.
    const busy = await post(hardOptimiseRequest(), { "x-forwarded-for": "10.0.0.2" });
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    const busyBody = await busy.json();
    expect(busyBody.error.code).toBe("service_unavailable");
    expect(busyBody.error.message).toMatch(/^The optimiser is busy with other requests just now.*Try again in \d+ seconds\.$/);
    expect(settledAt).toBe(0);

    // The time limit per request still holds: 408 in words, soon after it.
    const res = await long;
    expect(res.status).toBe(408);
    expect((await res.json()).error.message).toMatch(new RegExp(`^The optimiser could not prove the best mix within ${TIME_LIMIT_S} seconds\\.`));
    expect(settledAt - t0).toBeLessThan((TIME_LIMIT_S + 6) * 1000);
    // The worker was given back: the pool is free again and a small run answers.
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0 });
    const small = await post({ ...hardOptimiseRequest(), candidates: hardOptimiseRequest().candidates.slice(0, 2), limits: {} });
    expect(small.status).toBe(200);
    expect((await small.json()).status).toBe("optimal");
  });

  it("a solve that runs past its limit has its worker stopped and replaced (a stuck solve keeps no slot)", async () => {
    const req = hardOptimiseRequest();
    const problem = buildProblem(compileRules(getRules(req.financialYear)!), req.pcn.weightedPopulation, [], req.candidates as any, req.limits);
    const lp = toLpText(buildMilp(problem).milp);
    const stuck = new SolverPool({ ...poolOptionsFromEnv(), size: 1, queueLimit: 1, workerPath: SLOW_WORKER });
    try {
      const lease = await stuck.acquire();
      const tiny = "Maximize\n obj: x\nSubject To\n c: x <= 2\nBounds\n 0 <= x <= 5\nGeneral\n x\nEnd";
      await lease.solve(tiny, { output_flag: false }, 60_000); // the worker is loaded
      // HiGHS told it has an hour; the watchdog gives it 1.5 s.
      const t0 = performance.now();
      await expect(lease.solve(lp, { output_flag: false, mip_rel_gap: 0, time_limit: 3600 }, 1500)).rejects.toBeInstanceOf(SolverWatchdogError);
      expect(performance.now() - t0).toBeLessThan(4000);
      lease.release();
      // The next request gets a fresh worker that answers.
      const next = await stuck.acquire();
      const r = await next.solve(tiny, { output_flag: false }, 60_000);
      expect(r).toEqual({ status: "Optimal", values: { x: 2 } });
      next.release();
    } finally {
      await stuck.close();
    }
  });

  it("the pool's queue: waits up to its limit, then refuses; a released worker goes to the first in line", async () => {
    const q = new SolverPool({ ...poolOptionsFromEnv(), size: 1, queueLimit: 1, queueWaitMs: 60_000, retryAfterSeconds: 7 });
    try {
      const first = await q.acquire();
      let secondGot = false;
      const second = q.acquire().then((l) => ((secondGot = true), l));
      await expect(q.acquire()).rejects.toMatchObject({ retryAfterSeconds: 7 });
      await expect(q.acquire()).rejects.toBeInstanceOf(SolverBusyError);
      expect(q.stats()).toEqual({ size: 1, busy: 1, queued: 1 });
      await sleep(50);
      expect(secondGot).toBe(false);
      first.release();
      first.release(); // twice: no effect
      (await second).release();
      expect(q.stats()).toEqual({ size: 1, busy: 0, queued: 0 });
      // A wait longer than queueWaitMs is refused too.
      const short = new SolverPool({ ...poolOptionsFromEnv(), size: 1, queueLimit: 5, queueWaitMs: 100 });
      const held = await short.acquire();
      await expect(short.acquire()).rejects.toBeInstanceOf(SolverBusyError);
      held.release();
      await short.close();
    } finally {
      await q.close();
    }
  });
});

describe("POST /api/v1/optimise is rate-limited", () => {
  it(`without an account: ${LIMITS.optimiseAddress.max} runs per address in ${LIMITS.optimiseAddress.windowMs / 60_000} minutes, then 429 with Retry-After; another address and a signed-in caller are not held by it`, async () => {
    const from = { "x-forwarded-for": "10.0.9.9" };
    for (let i = 0; i < LIMITS.optimiseAddress.max; i++) expect((await post("{}", from)).status).toBe(422);
    const limited = await post("{}", from);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.optimiseAddress.windowMs / 1000);
    expect((await limited.json()).error.message).toMatch(/^Too many optimiser runs from this address without signing in: at most 20 in 10 minutes\. Try again in \d+ minutes?\.$/);
    // A valid request from that address is refused too, before any solving.
    expect((await post(hardOptimiseRequest(), from)).status).toBe(429);
    // Another address is not.
    expect((await post("{}", { "x-forwarded-for": "10.0.9.10" })).status).toBe(422);
    // A signed-in caller (API token) from the limited address counts against its account instead.
    const user = await createUser(env.db, { email: "rate@example.nhs.uk", name: "Rate Limit", password: "a-long-password" });
    const { token } = await createApiToken(env.db, user.email);
    expect((await post("{}", { ...from, authorization: `Bearer ${token}` })).status).toBe(422);
  });
});
