// `npm run --silent pcn -- CODE`: prints the same JSON as GET /api/v1/pcns/{code}.
// Exit 0 found; 2 unknown code (not_found error JSON on stdout) or no code (usage on stderr).
// Uses DATABASE_URL (default file:./data/app.db).
import { createPrisma } from "@/lib/server/db/create-prisma";
import { AppError, errorBody } from "@/lib/server/errors";
import { getPcnDetailOrThrow } from "@/lib/server/pcn-data/pcns";
import { runCli, writeOut } from "./lib/cli";

const USAGE = "usage: npm run --silent pcn -- CODE   (e.g. UZ1001; DATABASE_URL selects the database)";

async function main(): Promise<number> {
  const code = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.error(USAGE);
    return 0;
  }
  if (!code) {
    console.error(USAGE);
    return 2;
  }
  const db = createPrisma();
  try {
    const detail = await getPcnDetailOrThrow(db, code);
    await writeOut(`${JSON.stringify(detail, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      await writeOut(`${JSON.stringify(errorBody(e), null, 2)}\n`);
      return 2;
    }
    console.error(e);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

runCli(main);
