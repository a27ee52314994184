import "server-only";
import { createPrisma, type Db } from "./create-prisma";

export type { Db };

const g = globalThis as unknown as { arrsPrisma?: Db };

/** The app's shared Prisma client (SQLite by default, PostgreSQL when DATABASE_URL says so). */
export function getDb(): Db {
  g.arrsPrisma ??= createPrisma();
  return g.arrsPrisma;
}
