// The CLIs print their whole output whatever stdout is. A pipe holds 64 KiB; a script that calls
// process.exit() straight after writing loses the rest when the reader is slower than the writer
// (issue 10, item 2). Each run goes through a shell pipe into a reader that waits before reading.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDbSync, repoRoot, type TestDb } from "../support/db";

const tsx = path.join(repoRoot, "node_modules/tsx/dist/cli.mjs");

/**
 * Runs `tsx SCRIPT ARGS < stdinFile | READER` and returns the script's own exit code. The reader
 * takes one byte as soon as output starts, then waits a second before reading the rest, so the
 * pipe is full while the script ends (however long the script took to start).
 */
function runThroughSlowPipe(script: string, args: string[], stdinFile: string, env: Record<string, string> = {}) {
  const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const cmd = `${[process.execPath, tsx, script, ...args].map(q).join(" ")} < ${q(stdinFile)} | { dd bs=1 count=1 2>/dev/null; sleep 1; cat; }; exit \${PIPESTATUS[0]}`;
  const r = spawnSync("bash", ["-c", cmd], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI output through a slow pipe", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-cli-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const request = (n: number, post: (i: number) => object) =>
    JSON.stringify({ financialYear: "2025/26", pcn: { weightedPopulation: 48213.7 }, posts: Array.from({ length: n }, (_, i) => post(i)) });

  it("estimate: a 50-post estimate (~200 kB) arrives whole, exit 0", () => {
    const file = path.join(dir, "fifty.json");
    fs.writeFileSync(file, request(50, (i) => ({ id: `ot-${i}`, role: "occupational-therapist", annualSalary: 47810, wte: 1 })));
    const r = runThroughSlowPipe("scripts/estimate.ts", ["-"], file);
    expect(r.stderr).toBe("");
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.posts).toHaveLength(50);
    expect(body.posts[49].id).toBe("ot-49");
  });

  it("estimate: a large error (400 invalid posts, ~370 kB) arrives whole, exit 2", () => {
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, request(400, (i) => ({ id: `bad-${i}`, role: "no-such-role", wte: 7 })));
    const r = runThroughSlowPipe("scripts/estimate.ts", ["-"], file);
    expect(r.stdout.length).toBeGreaterThan(256 * 1024);
    expect(r.status).toBe(2);
    const body = JSON.parse(r.stdout);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.issues.some((i: { path: string }) => i.path.startsWith("posts.399."))).toBe(true);
  });

  it("user list: 3,000 accounts (~130 kB) arrive whole, exit 0", async () => {
    const t: TestDb = createTestDbSync();
    try {
      const n = 3000;
      await t.db.user.createMany({
        data: Array.from({ length: n }, (_, i) => ({ email: `user${String(i).padStart(5, "0")}@example.nhs.uk`, name: `Demo User ${i}`, role: "editor", passwordHash: "x" })),
      });
      await t.db.$disconnect(); // the CLI migrates first; an open connection is item 3's test
      const r = runThroughSlowPipe("scripts/user.ts", ["list"], "/dev/null", { DATABASE_URL: t.url });
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(n);
      // email, global role ("editor" rows are accounts with no global rights: "user"), name, memberships.
    expect(lines.at(-1)).toMatch(/^user\d{5}@example\.nhs\.uk\tuser\tDemo User \d+\t-$/);
    } finally {
      await t.cleanup();
    }
  });
});
