// SQLite allows one writer at a time. Another writer (an import, the app saving a session) makes
// a write wait up to the busy timeout, then fail with SQLITE_BUSY; in WAL mode a transaction
// that read first and then writes fails at once if someone else wrote meanwhile
// (SQLITE_BUSY_SNAPSHOT). Both are worth a short retry, then a plain sentence, never a stack.
// Plain Node (no "server-only"): the CLI scripts and tests use it too.

/** How long one SQLite statement waits for another connection's lock (better-sqlite3 `timeout`). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export const DATABASE_BUSY_MESSAGE =
  "The database is busy (another import or the app is writing); try again in a minute. Nothing was changed.";

/** Thrown once retries are used up; the work was rolled back. */
export class DatabaseBusyError extends Error {
  constructor() {
    super(DATABASE_BUSY_MESSAGE);
    this.name = "DatabaseBusyError";
  }
}

/**
 * True for SQLITE_BUSY and its extended codes. The better-sqlite3 adapter reports them as
 * kind "SocketTimeout", which Prisma turns into P1008 "Operation has timed out"; the original
 * code is kept in meta.driverAdapterError.cause.
 */
export function isDatabaseBusy(e: unknown): boolean {
  if (e instanceof DatabaseBusyError) return true;
  for (let err = e, depth = 0; err && typeof err === "object" && depth < 5; depth++) {
    const o = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: unknown };
    const original = o.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === "string" && original.startsWith("SQLITE_BUSY")) return true;
    if (typeof o.code === "string" && o.code.startsWith("SQLITE_BUSY")) return true;
    err = o.cause;
  }
  return false;
}

export interface BusyRetryOptions {
  /** Give up once this long has passed since the first attempt (default 15 s). */
  budgetMs?: number;
  /** First pause between attempts, doubled each time (default 250 ms). */
  pauseMs?: number;
  onRetry?: (attempt: number) => void;
}

/**
 * Runs `work` (which must be safe to repeat: one transaction) again while SQLite says busy, for
 * a bounded time; then throws DatabaseBusyError. Other errors pass straight through.
 */
export async function retryWhileBusy<T>(work: () => Promise<T>, options: BusyRetryOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 15_000;
  let pause = options.pauseMs ?? 250;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!isDatabaseBusy(e)) throw e;
      if (Date.now() - started + pause > budget) throw new DatabaseBusyError();
      options.onRetry?.(attempt);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 2_000);
    }
  }
}
