// A stand-in for lib/server/scenarios/highs-worker.mjs in tests (the pool's workerPath): small problems are
// solved by the real worker's code; a large one (over 8,000 characters of LP text, e.g. the issue's
// 30 × 6 problem, ~16,000) never finishes, as on a slow or busy machine. How long the real HiGHS
// takes depends on the machine (a quiet CI runner proves that problem in about a second), so
// tests of the time limit and the watchdog must not rely on it.
import { parentPort } from "node:worker_threads";
import highsLoader from "highs";

if (!parentPort) throw new Error("slow-highs-worker.mjs runs as a worker thread.");
const port = parentPort;
const highs = await highsLoader();

port.on("message", (msg) => {
  const { id, lp, options } = msg;
  if (lp.length > 8000) for (;;); // stuck: only the pool's watchdog ends this worker
  try {
    const result = highs.solve(lp, options);
    const values = {};
    for (const [name, col] of Object.entries(result.Columns ?? {})) values[name] = col.Primal;
    port.postMessage({ id, status: result.Status, values });
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ ready: true });
