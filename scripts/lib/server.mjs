// Starting the production server (scripts/serve.mjs on the build in .next) from tests and
// benchmarks: a free port, the child process in its own process group, wait until it answers,
// stop it. One copy for the e2e set-up, the e2e tests that start servers of their own and the
// benches.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** A TCP port nobody listens on right now (127.0.0.1). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Starts scripts/serve.mjs with `env` on `port` (default: a free one) of 127.0.0.1 and waits until `readyPath`
 * answers 2xx (or throws, with the server's output, after `timeoutMs` or if it exits).
 * → { url, port, child, output(), stop() }
 */
export async function startServer({ env = {}, nodeArgs = [], port: givenPort, readyPath = "/api/health", timeoutMs = 90_000, stdio = "pipe", name = "scripts/serve.mjs" } = {}) {
  const port = givenPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, "scripts/serve.mjs"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", stdio, stdio === "pipe" ? "pipe" : "inherit"],
    detached: true,
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}${readyPath}`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      stop();
      throw new Error(`${name} did not come up on ${url}:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, child, output: () => out, stop };
}
