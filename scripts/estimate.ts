// `npm run --silent estimate -- FILE` (FILE "-" = stdin): prints the estimate JSON on stdout and
// exits 0; invalid input prints the same error JSON as the API on stdout and exits 2.
import fs from "node:fs";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { AppError, errorBody } from "@/lib/server/errors";
import { parseEstimateBody, runEstimate } from "@/lib/server/scenarios/estimate";
import { runCli, writeOut } from "./lib/cli";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run --silent estimate -- FILE   (FILE '-' reads the request JSON from stdin)");
    return 2;
  }
  let db: Db | undefined;
  try {
    let text: string;
    try {
      text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (e) {
      throw new AppError("invalid_input", `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}.`, [
        { path: "", message: `Cannot read the file ${file}.` },
      ]);
    }
    const result = await runEstimate(parseEstimateBody(text), () => (db ??= createPrisma()));
    await writeOut(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      await writeOut(JSON.stringify(errorBody(e), null, 2) + "\n");
      return 2;
    }
    throw e;
  } finally {
    await db?.$disconnect();
  }
}

runCli(main);
