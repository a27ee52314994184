// A bounded pool of HiGHS worker threads (lib/server/scenarios/highs-worker.mjs), so that an optimiser
// solve never runs on the server's own thread: other requests keep moving while it works.
//
// - ARRS_OPTIMISER_WORKERS workers (default: the cores Node may use), each started on first need
//   and kept (HiGHS's WebAssembly compiles once per worker). A request holds one worker for all
//   its solves (optimum, alternatives, explanations) and gives it back when it ends.
// - ARRS_OPTIMISER_QUEUE requests may wait for a worker (default: twice the workers); one more is
//   refused at once (the caller answers 503 with Retry-After), and one that waits longer than
//   ARRS_OPTIMISER_QUEUE_WAIT_MS (default 30 s) is refused the same way.
// - A solve that runs past its time limit (plus a grace for HiGHS to notice) has its worker
//   terminated and replaced: a stuck solve never keeps a worker.
//
// The worker is plain JavaScript found at <project>/lib/server/scenarios/highs-worker.mjs from the working
// directory (npm run serve, next start, vitest and the benches all run there), or at
// ARRS_HIGHS_WORKER. One pool per process, kept on globalThis: the route handler and the server
// action may be bundled into different chunks, and must share it.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

export interface LpSolution {
  /** HiGHS's model status, e.g. "Optimal", "Infeasible", "Time limit reached". */
  status: string;
  /** Column name → primal value (columns HiGHS leaves out sit at their lower bound). */
  values: Record<string, number>;
}

/** The pool and its queue are full, or the wait for a worker was too long: try again later. */
export class SolverBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Every optimiser worker is busy and the queue is full.");
    this.name = "SolverBusyError";
  }
}

/** A solve that passed its time limit and the grace after it: its worker was terminated. */
export class SolverWatchdogError extends Error {
  constructor() {
    super("The solve ran past its time limit; its worker was stopped.");
    this.name = "SolverWatchdogError";
  }
}

export interface SolverLease {
  /** Solves LP text with HiGHS options; gives up (and replaces the worker) after `watchdogMs`. */
  solve(lp: string, options: Record<string, unknown>, watchdogMs: number): Promise<LpSolution>;
  /** Gives the worker back (at most once; later calls do nothing). */
  release(): void;
}

export interface SolverPoolOptions {
  size: number;
  queueLimit: number;
  queueWaitMs: number;
  /** Seconds a refused caller is told to wait. */
  retryAfterSeconds: number;
  workerPath: string;
  /** Longest wait for a new worker to load HiGHS. */
  startTimeoutMs?: number;
}

interface Slot {
  worker: Worker | null;
  ready: Promise<Worker> | null;
  busy: boolean;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

type Reply = { ready: true } | { id: number; status: string; values: Record<string, number> } | { id: number; error: string };

let nextId = 1;

export class SolverPool {
  private readonly slots: Slot[];
  private readonly queue: Waiter[] = [];
  private closed = false;

  constructor(readonly options: SolverPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, ready: null, busy: false }));
  }

  /** Workers busy, requests waiting: for tests and health reports. */
  stats(): { size: number; busy: number; queued: number } {
    return { size: this.slots.length, busy: this.slots.filter((s) => s.busy).length, queued: this.queue.length };
  }

  /** A worker for one request's solves, or SolverBusyError when the pool and its queue are full. */
  async acquire(): Promise<SolverLease> {
    if (this.closed) throw new Error("The solver pool is closed.");
    const free = this.slots.find((s) => !s.busy);
    let slot: Slot;
    if (free) {
      free.busy = true;
      slot = free;
    } else {
      if (this.queue.length >= this.options.queueLimit) throw new SolverBusyError(this.options.retryAfterSeconds);
      slot = await new Promise<Slot>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          timer: setTimeout(() => {
            const i = this.queue.indexOf(waiter);
            if (i >= 0) this.queue.splice(i, 1);
            reject(new SolverBusyError(this.options.retryAfterSeconds));
          }, this.options.queueWaitMs),
        };
        this.queue.push(waiter);
      });
    }
    let released = false;
    return {
      solve: (lp, options, watchdogMs) => this.solveOn(slot, lp, options, watchdogMs),
      release: () => {
        if (released) return;
        released = true;
        this.release(slot);
      },
    };
  }

  /** Stops every worker and refuses whoever waits (tests; a server shutting down). */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new SolverBusyError(this.options.retryAfterSeconds));
    }
    await Promise.all(this.slots.map((s) => this.stop(s)));
  }

  private release(slot: Slot): void {
    const next = this.queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(slot);
    } else {
      slot.busy = false;
    }
  }

  private async stop(slot: Slot): Promise<void> {
    const w = slot.worker;
    slot.worker = null;
    slot.ready = null;
    if (w) await w.terminate().catch(() => {});
  }

  private start(slot: Slot): Promise<Worker> {
    if (slot.ready) return slot.ready;
    const ready = new Promise<Worker>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(this.options.workerPath);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      slot.worker = worker;
      const timer = setTimeout(() => fail(new Error(`The optimiser's worker did not start within ${this.options.startTimeoutMs ?? 60_000} ms.`)), this.options.startTimeoutMs ?? 60_000);
      const fail = (e: Error) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        if (slot.worker === worker) void this.stop(slot);
        reject(e);
      };
      const onMessage = (m: Reply) => {
        if ("ready" in m) {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.unref();
          resolve(worker);
        }
      };
      worker.on("message", onMessage);
      // Kept for the worker's life: an uncaught error in it must not be an unhandled 'error' event here.
      worker.on("error", fail);
      worker.once("exit", (code) => {
        if (slot.worker === worker) {
          slot.worker = null;
          slot.ready = null;
        }
        fail(new Error(`The optimiser's worker stopped (exit code ${code}).`));
      });
    });
    slot.ready = ready;
    // A failed start is retried by the next solve on this slot.
    ready.catch(() => {
      if (slot.ready === ready) slot.ready = null;
    });
    return ready;
  }

  private async solveOn(slot: Slot, lp: string, options: Record<string, unknown>, watchdogMs: number): Promise<LpSolution> {
    const worker = await this.start(slot);
    const id = nextId++;
    worker.ref();
    try {
      return await new Promise<LpSolution>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
        };
        const timer = setTimeout(() => {
          done();
          // HiGHS did not stop at its time limit: the worker is stuck in WebAssembly. Replace it.
          if (slot.worker === worker) void this.stop(slot);
          reject(new SolverWatchdogError());
        }, watchdogMs);
        const onMessage = (m: Reply) => {
          if ("ready" in m || m.id !== id) return;
          done();
          if ("error" in m) {
            if (slot.worker === worker) void this.stop(slot);
            reject(new Error(`The solver failed: ${m.error}`));
          } else resolve({ status: m.status, values: m.values });
        };
        const onError = (e: Error) => {
          done();
          if (slot.worker === worker) void this.stop(slot);
          reject(e);
        };
        const onExit = (code: number) => {
          done();
          reject(new Error(`The optimiser's worker stopped (exit code ${code}).`));
        };
        worker.on("message", onMessage);
        worker.once("error", onError);
        worker.once("exit", onExit);
        worker.postMessage({ id, lp, options });
      });
    } finally {
      worker.unref();
    }
  }
}

function positiveInt(v: string | undefined, fallback: number, min = 1): number {
  const n = Math.floor(Number(v));
  return v !== undefined && v !== "" && Number.isFinite(n) && n >= min ? n : fallback;
}

/** The pool's settings from the environment (see the header). */
export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, retryAfterSeconds = 15): SolverPoolOptions {
  const size = positiveInt(env.ARRS_OPTIMISER_WORKERS, os.availableParallelism());
  return {
    size,
    queueLimit: positiveInt(env.ARRS_OPTIMISER_QUEUE, 2 * size, 0),
    queueWaitMs: positiveInt(env.ARRS_OPTIMISER_QUEUE_WAIT_MS, 30_000),
    retryAfterSeconds,
    workerPath: env.ARRS_HIGHS_WORKER || path.join(process.cwd(), "lib", "server", "scenarios", "highs-worker.mjs"),
  };
}

const KEY = Symbol.for("arrs.solverPool");
type Holder = { [KEY]?: SolverPool };

/** The process's pool (created on first use from the environment). */
export function getSolverPool(retryAfterSeconds?: number): SolverPool {
  const g = globalThis as Holder;
  return (g[KEY] ??= new SolverPool(poolOptionsFromEnv(process.env, retryAfterSeconds)));
}

/** Replaces the process's pool (tests: a pool of one worker and no queue), closing the old one. */
export async function replaceSolverPool(options: Partial<SolverPoolOptions> = {}): Promise<SolverPool> {
  const g = globalThis as Holder;
  const old = g[KEY];
  g[KEY] = new SolverPool({ ...poolOptionsFromEnv(), ...options });
  await old?.close();
  return g[KEY];
}
