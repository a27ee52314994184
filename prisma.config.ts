import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI downloads a native schema-engine binary before generate/validate/format.
// That host is unreachable offline, so point the CLI at a stub: the download is skipped when
// this path exists. Migrations run through scripts/migrate.mjs (WASM engine). See
// docs/decisions/002-offline-prisma.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/app.db" },
});
