// Seeds the fictional demo dataset. `--if-empty`: do nothing when the database has any PCN.
import { createPrisma, databaseUrl } from "@/lib/server/db/create-prisma";
import { seedDemo } from "@/prisma/seed-demo";

const db = createPrisma();
try {
  const existing = await db.pcn.count();
  if (existing > 0) {
    if (process.argv.includes("--if-empty")) {
      console.log(`Database already has ${existing} PCNs: demo data not seeded.`);
    } else {
      console.error(`Database ${databaseUrl()} already has ${existing} PCNs; the demo seed only runs on an empty database.`);
      process.exitCode = 1;
    }
  } else {
    const r = await seedDemo(db);
    console.log(`Seeded fictional demo data: ${r.pcns} PCNs, ${r.practices} practices, and the demo editor account ${r.demoAccount} (see the README).`);
  }
} finally {
  await db.$disconnect();
}
