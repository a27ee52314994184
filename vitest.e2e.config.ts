import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: one `next start` on a fresh, seeded SQLite file (tests/e2e/global-setup.ts),
// Debian chromium driven by playwright-core.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
