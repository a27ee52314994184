// Imports population files into the database named by DATABASE_URL (default file:./data/app.db),
// creating and migrating it first. Files are imported in a sensible order whatever the argument
// order (mapping, then populations, then weighted), one transaction per file.
//
//   npm run import -- FILE… [--by NAME]
//
// Exit code: 0 if every file was applied or unchanged, 2 if any file was rejected, 3 if the
// database stayed busy (another import or the app writing; nothing was changed, try again), 1 on
// usage or unexpected errors.
import fs from "node:fs";
import path from "node:path";
import { createPrisma, databaseUrl } from "@/lib/server/db/create-prisma";
import { importFile, orderImportFiles, type ImportResult } from "@/lib/server/import";
import { FILE_TYPE_LABELS } from "@/lib/server/import/detect";
import { EXIT_DATABASE_BUSY, migrateFirst, runCli } from "./lib/cli";

const USAGE = "Usage: npm run import -- FILE.csv [FILE.csv …] [--by NAME]";

/** The files and --by name, or null to print the usage. */
function parseArgs(argv: string[]): { files: string[]; importedBy: string } | null {
  const files: string[] = [];
  let importedBy = process.env.USER ? `${process.env.USER} (CLI)` : "CLI";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--by") {
      const name = argv[++i];
      if (name === undefined) return null;
      importedBy = name;
    } else if (a === "--help" || a === "-h") return null;
    else files.push(a);
  }
  return files.length ? { files, importedBy } : null;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatResultLine(r: ImportResult): string {
  const type = r.fileType === "unknown" ? "unknown type" : FILE_TYPE_LABELS[r.fileType];
  const date = r.extractDate ? `extract ${r.extractDate}` : "no extract date";
  return `${r.outcome.toUpperCase().padEnd(9)} ${path.basename(r.fileName)}: ${type}, ${r.rows.toLocaleString("en-GB")} rows, ${date}, ${seconds(r.durationMs)}`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 1;
  }
  const { files, importedBy } = args;
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    console.error(`File not found: ${missing.join(", ")}`);
    return 1;
  }
  const url = databaseUrl();
  const t0 = performance.now();
  const migrated = migrateFirst(url);
  if (migrated !== 0) return migrated;
  console.error(`Database ready (${url}) in ${seconds(performance.now() - t0)}`);

  const inputs = orderImportFiles(files.map((f) => ({ fileName: path.basename(f), content: fs.readFileSync(f) })));
  const db = createPrisma(url);
  let rejected = 0;
  try {
    for (const input of inputs) {
      const r = await importFile(db, input, {
        importedBy,
        onProgress: (name, message) => console.error(`  ${name}: ${message}`),
        busyRetry: { onRetry: () => console.error(`  ${input.fileName}: the database is busy; waiting…`) },
      });
      if (r.databaseBusy) {
        console.error(r.message);
        const left = inputs.length - inputs.indexOf(input);
        if (left > 1) console.error(`${left} files were not imported.`);
        return EXIT_DATABASE_BUSY;
      }
      console.log(formatResultLine(r));
      if (r.outcome === "rejected") {
        rejected++;
        console.error(`  ${r.fileName} was rejected and nothing in it was imported: ${r.message}`);
      } else {
        console.error(`  ${r.message}`);
      }
    }
  } finally {
    await db.$disconnect();
  }
  console.error(`${inputs.length} file${inputs.length === 1 ? "" : "s"} in ${seconds(performance.now() - t0)}${rejected ? `; ${rejected} rejected` : ""}`);
  return rejected ? 2 : 0;
}

runCli(main);
