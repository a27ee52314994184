// `npm start` prints nothing a newcomer would take for a fault (issue 14, item 16): npm's
// EBADENGINE warnings (Prisma's optional @prisma/streams-local wants Node 22 or bun) are quieted
// with --loglevel=error, Node's ExperimentalWarnings with --disable-warning=ExperimentalWarning,
// and Next's "Experiments (use with caution)" banner is gone with the experimental config that
// caused it. Real warnings and errors still print.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
// @ts-expect-error -- plain ESM helpers shared with npm start / npm test (no type declarations)
import { installArgs, quietNodeOptions } from "@/scripts/lib/setup.mjs";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm start: quiet install and serve", () => {
  it("npm ci runs with --loglevel=error (warnings such as EBADENGINE off, errors on)", () => {
    expect(installArgs(true)).toEqual(["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
    expect(installArgs(false)[0]).toBe("install");
    expect(installArgs(false)).toContain("--loglevel=error");
    // the lock file does hold a package whose engines this Node may not meet (the warning's cause)
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { engines?: Record<string, string> }> };
    expect(Object.entries(lock.packages).some(([k, v]) => k.includes("@prisma/") && v.engines?.bun)).toBe(true);
  });

  it("the build and the server get NODE_OPTIONS with --disable-warning=ExperimentalWarning, keeping the user's own options", () => {
    expect(quietNodeOptions("")).toBe("--disable-warning=ExperimentalWarning");
    expect(quietNodeOptions(undefined)).toBe("--disable-warning=ExperimentalWarning");
    expect(quietNodeOptions("--max-old-space-size=4096")).toBe("--max-old-space-size=4096 --disable-warning=ExperimentalWarning");
    expect(quietNodeOptions("--disable-warning=ExperimentalWarning")).toBe("--disable-warning=ExperimentalWarning");
    const start = fs.readFileSync(path.join(root, "scripts/start.mjs"), "utf8");
    expect(start).toMatch(/spawn\(process\.execPath, \["scripts\/serve\.mjs"\][\s\S]*NODE_OPTIONS: quietNodeOptions\(process\.env\.NODE_OPTIONS\)/);
  });

  it("with those options Node drops experimental warnings only: other warnings and errors still print", () => {
    const r = spawnSync(
      process.execPath,
      ["-e", "process.emitWarning('an experimental thing', { type: 'ExperimentalWarning' }); process.emitWarning('a real warning'); console.error('a real error')"],
      { env: { ...process.env, NODE_OPTIONS: quietNodeOptions(process.env.NODE_OPTIONS) }, encoding: "utf8" },
    );
    expect(r.stderr).not.toContain("ExperimentalWarning");
    expect(r.stderr).toContain("a real warning");
    expect(r.stderr).toContain("a real error");
  });

  it("next.config has no experimental settings (Next prints 'Experiments (use with caution)' for any)", () => {
    expect(nextConfig.experimental).toBeUndefined();
  });
});
