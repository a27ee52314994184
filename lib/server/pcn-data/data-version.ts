// The version of the public reference data — PCNs, practices, memberships, registered and
// weighted populations: what PCN pages, PCN search and the PCN API show. It changes only through
// an applied import (lib/server/import/importer.ts), an ICB-confirmed weighted population
// (setConfirmedWeightedPopulation in pcns.ts) and the demo seed, each of which calls
// bumpDataVersion in the same transaction as its change. Caches key on it
// (lib/server/pcn-data/public-data.ts in the app, lib/page-cache.mjs in scripts/serve.mjs), reading the row
// on every request, so every instance on the database sees a change at its next request.
// No "server-only": the importer, the seed and tests import this file.
import type { Db } from "../db/create-prisma";

type DataVersionClient = Pick<Db, "dataVersion">;

/** Counts one change to the public reference data; call inside the change's transaction. */
export async function bumpDataVersion(tx: DataVersionClient, now: Date = new Date()): Promise<void> {
  await tx.dataVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1, changedAt: now },
    update: { version: { increment: 1 }, changedAt: now },
  });
}

/** The current version as an opaque key: "{count}@{changedAt ms}" ("0" before the first change is counted). */
export async function readDataVersion(db: DataVersionClient): Promise<string> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true, changedAt: true } });
  return row ? `${row.version}@${row.changedAt.getTime()}` : "0";
}
