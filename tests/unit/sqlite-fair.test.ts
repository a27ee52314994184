// lib/server/db/sqlite-fair.ts: concurrent chains of synchronous queries no longer hold the event
// loop for their whole length; queries inside a transaction are never delayed.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { fairSqlite } from "@/lib/server/db/sqlite-fair";

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/** A stand-in for the better-sqlite3 adapter: every query is synchronous work, answered at once. */
function fakeFactory(): SqlDriverAdapterFactory {
  const answer = () => {
    spin(0.5);
    return Promise.resolve({ columnNames: [], columnTypes: [], rows: [] });
  };
  const adapter = {
    provider: "sqlite",
    adapterName: "fake",
    queryRaw: answer,
    executeRaw: () => answer().then(() => 0),
    executeScript: async () => {},
    startTransaction: async () => ({ queryRaw: answer, executeRaw: () => answer().then(() => 0), commit: async () => {}, rollback: async () => {} }),
  };
  return { provider: "sqlite", adapterName: "fake", connect: async () => adapter as unknown as SqlDriverAdapter } as unknown as SqlDriverAdapterFactory;
}

const query = { sql: "SELECT 1", args: [], argTypes: [] };

/** The longest the event loop went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 5));
  last = performance.now();
  await work();
  await new Promise((r) => setTimeout(r, 5)); // the timer's first turn after the work
  clearInterval(timer);
  return worst;
}

/** 20 requests at once, each running 40 queries one after another (~400 ms of work in all). */
const load = (adapter: SqlDriverAdapter) => () =>
  Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 40; i++) await adapter.queryRaw(query);
    }),
  );

describe("fairSqlite", () => {
  it("lets the event loop turn during a long chain instead of only after it", async () => {
    // Counted, not timed (timings vary with the machine's load): how many turns of the event loop
    // happened before the chain's last query answered. The plain adapter's chain runs as
    // microtasks only, so none; the fair one turns about every SLICE_MS of its ~400 ms.
    const turnsDuring = async (adapter: SqlDriverAdapter) => {
      let turns = 0;
      let running = true;
      const tick = () => {
        turns++;
        if (running) setImmediate(tick);
      };
      setImmediate(tick);
      const seen = await load(adapter)().then(() => turns);
      running = false;
      return seen;
    };
    expect(await turnsDuring(await fakeFactory().connect())).toBe(0);
    expect(await turnsDuring(await fairSqlite(fakeFactory()).connect())).toBeGreaterThanOrEqual(5);
  });

  it("never delays a query inside a transaction", async () => {
    const fair = await fairSqlite(fakeFactory()).connect();
    const tx = await fair.startTransaction();
    const stall = await longestStall(async () => {
      for (let i = 0; i < 200; i++) await tx.queryRaw(query);
    });
    expect(stall).toBeGreaterThan(50); // ran in one go
  });

  it("holds queries outside a transaction until it ends, in arrival order", async () => {
    const fair = await fairSqlite(fakeFactory()).connect();
    const order: string[] = [];
    const tx = await fair.startTransaction();
    const outside = [1, 2, 3].map((i) => fair.queryRaw(query).then(() => order.push(`outside ${i}`)));
    const second = fair.startTransaction().then((t) => {
      order.push("second transaction");
      return t;
    });
    await tx.queryRaw(query);
    order.push("first transaction's query");
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(["first transaction's query"]);
    await tx.rollback();
    const t2 = await second;
    expect(order).toEqual(["first transaction's query", "outside 1", "outside 2", "outside 3", "second transaction"]);
    await t2.commit();
    await t2.commit(); // a second call (COMMIT failed, then rollback) opens the gate only once
    await Promise.all(outside);
    const after = fair.startTransaction();
    expect(await Promise.race([after.then(() => "started"), new Promise((r) => setTimeout(() => r("waiting"), 20))])).toBe("started");
    const late = fair.queryRaw(query).then(() => "answered");
    expect(await Promise.race([late, new Promise((r) => setTimeout(() => r("waiting"), 20))])).toBe("waiting");
    await (await after).commit();
    expect(await late).toBe("answered");
  });

  it("keeps the factory's own properties", () => {
    const f = fairSqlite(fakeFactory());
    expect(f.provider).toBe("sqlite");
    expect(f.adapterName).toBe("fake");
  });
});
