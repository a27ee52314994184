// Online backup and restore of the app's database (`npm run db:backup -- FILE`, `db:restore`).
// SQLite: better-sqlite3's online backup API (a consistent copy while the app keeps running).
// PostgreSQL: pg_dump in its custom format, restored with pg_restore --clean.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isPostgresUrl } from "./create-prisma";

function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}

export async function backupDatabase(url: string, target: string): Promise<{ bytes: number }> {
  const out = path.resolve(target);
  if (isPostgresUrl(url)) {
    execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", out, url], { stdio: ["ignore", "ignore", "pipe"] });
  } else {
    const src = sqliteFile(url);
    if (!fs.existsSync(src)) throw new Error(`There is no database at ${src}.`);
    const db = new Database(src, { readonly: true, fileMustExist: true });
    try {
      await db.backup(out);
    } finally {
      db.close();
    }
  }
  return { bytes: fs.statSync(out).size };
}

/** Replaces the database's contents with a backup's. Stop the app first (SQLite). */
export async function restoreDatabase(url: string, source: string): Promise<void> {
  const from = path.resolve(source);
  if (!fs.existsSync(from)) throw new Error(`There is no backup at ${from}.`);
  if (isPostgresUrl(url)) {
    execFileSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, from], { stdio: ["ignore", "ignore", "pipe"] });
    return;
  }
  const target = sqliteFile(url);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const backup = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup ${from} is damaged (${String(check)}); nothing was changed.`);
    // Written to a temporary file beside the database, then moved into place in one step.
    const tmp = `${target}.restore-${process.pid}`;
    await backup.backup(tmp);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(tmp, target);
  } finally {
    backup.close();
  }
}
