// `npm run db:backup -- FILE` — an online backup of DATABASE_URL (SQLite or PostgreSQL) to FILE.
// `npm run db:restore -- FILE` — replaces the database with the backup (stop the app first).
import { databaseUrl } from "@/lib/server/db/create-prisma";
import { backupDatabase, restoreDatabase } from "@/lib/server/db/backup";

const [mode, file] = process.argv.slice(2);
if ((mode !== "backup" && mode !== "restore") || !file) {
  console.error("usage: npm run db:backup -- FILE   |   npm run db:restore -- FILE   (DATABASE_URL selects the database)");
  process.exitCode = 2;
} else {
  try {
    if (mode === "backup") {
      const { bytes } = await backupDatabase(databaseUrl(), file);
      console.log(`Backed up the database to ${file} (${bytes.toLocaleString("en-GB")} bytes).`);
    } else {
      await restoreDatabase(databaseUrl(), file);
      console.log(`Restored the database from ${file}.`);
    }
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    console.error(stderr || (e as Error).message);
    process.exitCode = 1;
  }
}
