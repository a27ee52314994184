// Health of the app and its database, for GET /api/health (load balancers, monitoring).
// The database check is one trivial query with a time limit, through the app's own client, so a
// database that comes back is seen at once (no restart: the driver reconnects on the next query).
import type { Db } from "./create-prisma";
import { isPostgresUrl, databaseUrl } from "./create-prisma";

export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unavailable";
  databaseKind: "sqlite" | "postgresql";
  /** What is wrong, in words, when something is down (never a stack trace). */
  problem?: string;
  version: string;
  checkedAt: string;
}

const TIMEOUT_MS = 2000;

export async function checkHealth(db: Db, version: string, now: Date = new Date()): Promise<Health> {
  const databaseKind = isPostgresUrl(databaseUrl()) ? "postgresql" : "sqlite";
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", database: "ok", databaseKind, version, checkedAt: now.toISOString() };
  } catch (e) {
    const timedOut = e instanceof Error && e.message === "timeout";
    return {
      status: "unavailable",
      database: "unavailable",
      databaseKind,
      problem: timedOut ? `The database did not answer within ${TIMEOUT_MS / 1000} seconds.` : "The database cannot be reached.",
      version,
      checkedAt: now.toISOString(),
    };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
