// One HiGHS solver in a worker thread (lib/server/scenarios/solver-pool.ts runs a few of them): the
// WebAssembly build is single-threaded and synchronous, so a solve on the server's own thread would
// stall every other request until it ends. Plain JavaScript, so Node runs it as it is under
// `npm run serve`, the direct route bundle, `next dev` and vitest alike (no build step, no loader).
//
// Messages in:  { id, lp, options }  — CPLEX LP text and HiGHS options (time_limit included).
// Messages out: { ready: true } once loaded; { id, status, values? } or { id, error } per solve,
// where values maps column name → primal value.
import { parentPort } from "node:worker_threads";
import highsLoader from "highs";

if (!parentPort) throw new Error("highs-worker.mjs runs as a worker thread.");
const port = parentPort;

const highs = await highsLoader();
// A tiny solve straight away: the module's first calls compile lazily.
highs.solve("Maximize\n obj: x + y\nSubject To\n c: 2 x + 3 y <= 7\nBounds\n 0 <= x <= 3\n 0 <= y <= 3\nGeneral\n x y\nEnd", { output_flag: false });

port.on("message", (msg) => {
  const { id, lp, options } = msg;
  try {
    const result = highs.solve(lp, options);
    /** @type {Record<string, number>} */
    const values = {};
    for (const [name, col] of Object.entries(result.Columns ?? {})) values[name] = col.Primal;
    port.postMessage({ id, status: result.Status, values });
  } catch (e) {
    // HiGHS's WebAssembly state is not trusted after an abort: the pool replaces this worker.
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ ready: true });
