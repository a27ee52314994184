// Fair turns for the embedded SQLite database under load. better-sqlite3 answers synchronously and
// the Prisma adapter hands the answer back as an already-resolved promise, so the work of many
// concurrent requests runs as one long chain of microtasks: Node reads no new request, writes no
// timer-driven answer and runs no timer until the whole chain is done. With 50 requests saving at
// once that chain lasted ~0.5 s at a time, and a request that needed a few turns of the event
// loop (reading its body, say) waited many such chains: seconds, sometimes past a client's 10 s
// timeout. This wrapper lets the event loop turn once when a chain has run for SLICE_MS, before
// the next query outside a transaction (queries inside a transaction are never delayed, so a
// transaction holds SQLite's one writer no longer than it must). Idle or lightly loaded, nothing
// changes: a query only yields when the loop has not turned for SLICE_MS.
// No "server-only": create-prisma.ts (CLI, tests) uses it.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";

export const SLICE_MS = 10;

/** Wraps a SQLite adapter factory so that long microtask chains give the event loop a turn. */
export function fairSqlite<F extends SqlDriverAdapterFactory>(inner: F): F {
  let turnPending = false;
  let sliceStart = 0;
  const turned = () => {
    turnPending = false;
  };
  /** Resolves at once, or after one turn of the event loop when this slice has run too long. */
  const maybeYield = (): Promise<void> | null => {
    const now = performance.now();
    if (!turnPending) {
      turnPending = true;
      sliceStart = now;
      setImmediate(turned);
      return null;
    }
    if (now - sliceStart < SLICE_MS) return null;
    return new Promise((resolve) => setImmediate(resolve));
  };
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = async (query: SqlQuery) => {
      const wait = maybeYield();
      if (wait) await wait;
      return queryRaw(query);
    };
    adapter.executeRaw = async (query: SqlQuery) => {
      const wait = maybeYield();
      if (wait) await wait;
      return executeRaw(query);
    };
    return adapter;
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => wrap(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
