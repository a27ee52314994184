// `npm run --silent estimate -- FILE` (FILE "-" = stdin): prints the estimate JSON on stdout and
// exits 0; invalid input prints the same error JSON as the API on stdout and exits 2.
import fs from "node:fs";
import { createPrisma, type Db } from "@/lib/server/create-prisma";
import { AppError, errorBody } from "@/lib/server/errors";
import { parseEstimateBody, runEstimate } from "@/lib/server/estimate";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run --silent estimate -- FILE   (FILE '-' reads the request JSON from stdin)");
  process.exit(2);
}

let db: Db | undefined;
let code = 0;
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
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
} catch (e) {
  if (e instanceof AppError) {
    process.stdout.write(JSON.stringify(errorBody(e), null, 2) + "\n");
    code = 2;
  } else {
    console.error(e);
    code = 1;
  }
} finally {
  await db?.$disconnect();
}
process.exit(code);
