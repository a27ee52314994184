// How the CLI scripts (estimate, pcn, import, user) write, migrate and end. Writes to a pipe are
// asynchronous in Node: a pipe takes 64 KiB and the rest waits in the process, so process.exit()
// straight after a write loses it (a 200 kB estimate piped into `jq` stopped mid-string, exit 0).
// So: never call process.exit(); write with writeOut (resolves once the OS has the text), and run
// the script's main() with runCli, which sets process.exitCode and lets Node end by itself once
// every write is flushed.

import { spawnSync } from "node:child_process";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Exit code of a CLI when SQLite stayed busy (another writer): nothing changed, try again. */
export const EXIT_DATABASE_BUSY = 3;

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    // The error (a closed pipe, e.g. `| head`) also reaches the stream's "error" event, handled below.
    stream.write(text, () => resolve());
  });
}

/** Writes to stdout; resolves when the text has been handed to the OS. */
export function writeOut(text: string): Promise<void> {
  return write(process.stdout, text);
}

/** Writes to stderr; resolves when the text has been handed to the OS. */
export function writeErr(text: string): Promise<void> {
  return write(process.stderr, text);
}

// A reader that goes away early (`npm run --silent estimate -- f | head`) is not a crash: stop
// writing quietly. Anything else is a real error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
}

/** Sets the exit code; the process then ends on its own when its output is flushed. */
export function finish(code: number): void {
  process.exitCode = code;
}

/**
 * Runs a script's main(): its result is the exit code; an unexpected error prints its stack on
 * stderr and exits 1. Never calls process.exit(), so piped output always arrives whole.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(finish, (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    finish(1);
  });
}

/**
 * Creates/migrates the database at `url` first (scripts/migrate.mjs apply; its messages go to
 * stderr). Returns 0 when ready, else the exit code to end with: EXIT_DATABASE_BUSY when another
 * process holds the database (migrate.mjs has said so in plain words), 1 otherwise.
 */
export function migrateFirst(url: string): number {
  const r = spawnSync(process.execPath, [path.join(repoRoot, "scripts/migrate.mjs"), "apply"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status === 0) return 0;
  return r.status === EXIT_DATABASE_BUSY ? EXIT_DATABASE_BUSY : 1;
}
