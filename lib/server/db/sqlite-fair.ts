// The embedded SQLite database's one connection, shared safely by concurrent requests.
//
// 1. Isolation. better-sqlite3 is one connection, and Prisma's adapter only serialises
//    transactions against each other: a query from another request that arrived while a
//    transaction was open ran on the same connection, inside that transaction — its write was
//    undone if the transaction rolled back (attempt limits, token "last used" times), and its
//    read saw rows not yet committed. Here every query outside a transaction waits, in arrival
//    order, until no transaction is open, and a transaction starts only when no query is running.
//    Queries inside a transaction go straight through (they come through the transaction object).
//
// 2. Fair turns under load. better-sqlite3 answers synchronously and the adapter hands the answer
//    back as an already-resolved promise, so the work of many concurrent requests runs as one long
//    chain of microtasks: Node reads no new request and runs no timer until the chain is done.
//    With 50 requests saving at once that chain lasted ~0.5 s at a time and some requests waited
//    past a client's 10 s timeout. A query outside a transaction therefore first lets the event
//    loop turn once when the current chain has run for SLICE_MS. Idle or lightly loaded, nothing
//    changes: a query only yields when the loop has not turned for SLICE_MS, and only waits for
//    the gate while a transaction is open.
// No "server-only": create-prisma.ts (CLI, tests) uses it.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

export const SLICE_MS = 10;

/** One holder at a time, first come first served; acquiring a free gate costs no await. */
class Gate {
  #held = false;
  #waiters: (() => void)[] = [];

  /** null when the gate was free and is now held; else a promise that resolves once it is held. */
  acquire(): Promise<void> | null {
    if (!this.#held) {
      this.#held = true;
      return null;
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#held = false;
  }
}

/** Wraps a SQLite adapter factory: isolation from open transactions, and fair turns. */
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
    const gate = new Gate();
    /** Runs `work` holding the gate, after a fair turn if one is due. */
    const outside = async <T>(work: () => Promise<T>): Promise<T> => {
      const turn = maybeYield();
      if (turn) await turn;
      const wait = gate.acquire();
      if (wait) await wait;
      try {
        return await work();
      } finally {
        gate.release();
      }
    };
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const executeScript = adapter.executeScript.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.queryRaw = (query: SqlQuery) => outside(() => queryRaw(query));
    adapter.executeRaw = (query: SqlQuery) => outside(() => executeRaw(query));
    adapter.executeScript = (script: string) => outside(() => executeScript(script));
    adapter.startTransaction = async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
      const wait = gate.acquire();
      if (wait) await wait;
      let tx: Transaction;
      try {
        tx = await startTransaction(...args);
      } catch (e) {
        gate.release();
        throw e;
      }
      // Prisma sends COMMIT / ROLLBACK through the transaction, then calls commit() / rollback()
      // (both, when a COMMIT fails): the gate opens once, after the first of them.
      let open = true;
      const close = () => {
        if (open) {
          open = false;
          gate.release();
        }
      };
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = () => commit().finally(close);
      tx.rollback = () => rollback().finally(close);
      return tx;
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
