// Work outside a transaction is never part of another request's transaction. On PostgreSQL each
// transaction has its own connection; the embedded SQLite database has one connection, so before
// the fix a write made while another request's transaction was open ran inside it — and was undone
// when that transaction rolled back (attempt limits, token "last used" times) — and a read saw
// that transaction's uncommitted rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a transaction that writes `key`, lets `during` run while it is open, then rolls back. */
async function rolledBackTransaction(key: string, during: () => Promise<void>): Promise<void> {
  let opened!: () => void;
  const isOpen = new Promise<void>((r) => (opened = r));
  const tx = t.db
    .$transaction(
      async (tx) => {
        await tx.authFailure.create({ data: { key, at: new Date() } });
        opened();
        await sleep(150);
        throw new Error("roll back");
      },
      { timeout: 10_000 },
    )
    .catch((e: Error) => e.message);
  await isOpen;
  await during();
  expect(await tx).toBe("roll back");
}

describe("transaction isolation", () => {
  it("a write made while another transaction is open survives that transaction's rollback", async () => {
    await rolledBackTransaction("inside-1", async () => {
      await t.db.authFailure.create({ data: { key: "outside-1", at: new Date() } });
    });
    expect(await t.db.authFailure.count({ where: { key: "outside-1" } })).toBe(1);
    expect(await t.db.authFailure.count({ where: { key: "inside-1" } })).toBe(0);
  });

  it("a read made while another transaction is open does not see its uncommitted rows", async () => {
    let seen = -1;
    await rolledBackTransaction("inside-2", async () => {
      seen = await t.db.authFailure.count({ where: { key: "inside-2" } });
    });
    expect(seen).toBe(0);
  });

  it("an update and a delete outside an open transaction both stick", async () => {
    const row = await t.db.authFailure.create({ data: { key: "kept", at: new Date(0) } });
    const gone = await t.db.authFailure.create({ data: { key: "gone", at: new Date(0) } });
    await rolledBackTransaction("inside-3", async () => {
      await t.db.authFailure.update({ where: { id: row.id }, data: { at: new Date(1000) } });
      await t.db.authFailure.delete({ where: { id: gone.id } });
    });
    expect((await t.db.authFailure.findUniqueOrThrow({ where: { id: row.id } })).at.getTime()).toBe(1000);
    expect(await t.db.authFailure.count({ where: { key: "gone" } })).toBe(0);
  });

  it("many requests writing while transactions open and roll back lose nothing", async () => {
    const writes = Array.from({ length: 30 }, (_, i) => async () => {
      await sleep(i * 5);
      await t.db.authFailure.create({ data: { key: `many-${i}`, at: new Date() } });
    });
    await Promise.all([
      rolledBackTransaction("inside-4", async () => {
        await Promise.all(writes.map((w) => w()));
      }),
      (async () => {
        await sleep(40);
        await t.db
          .$transaction(async (tx) => {
            await tx.authFailure.create({ data: { key: "inside-5", at: new Date() } });
            await sleep(50);
            throw new Error("second roll back");
          })
          .catch(() => undefined);
      })(),
    ]);
    expect(await t.db.authFailure.count({ where: { key: { startsWith: "many-" } } })).toBe(30);
    expect(await t.db.authFailure.count({ where: { key: { startsWith: "inside-" } } })).toBe(0);
  });
});
