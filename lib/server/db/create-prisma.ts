// Creates a Prisma client for DATABASE_URL. Kept free of "server-only" so CLI scripts and
// integration tests (plain Node) can use it; app code goes through lib/server/db/db.ts.
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { SQLITE_BUSY_TIMEOUT_MS } from "./db-busy";
import { fairSqlite } from "./sqlite-fair";

export type Db = PrismaClient;

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * SQLite (embedded file, default) or PostgreSQL, chosen by the URL. Each provider needs its own
 * generated client; both come from the same models, so the PG client is typed as the SQLite one.
 */
export function createPrisma(url: string = databaseUrl()): Db {
  if (isPostgresUrl(url)) {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // Relative paths resolve against the project root (process.cwd() for npm scripts and next).
  const file = url.replace(/^file:/, "");
  const abs = path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
  // Wait for another connection's write lock rather than fail at once (see db-busy.ts); give the
  // event loop a turn when a chain of synchronous answers runs long (see sqlite-fair.ts).
  return new PrismaClient({ adapter: fairSqlite(new PrismaBetterSqlite3({ url: `file:${abs}`, timeout: SQLITE_BUSY_TIMEOUT_MS })) });
}
