// Exports' and compare's speed on the server (issue 14, part of `npm run bench`):
// 1. the planner's XLSX of a 19-post, 3-year scenario, as GET …/scenarios/{id}.xlsx builds it
//    (load, calculate, tables, exceljs) — goal < 500 ms;
// 2. the compare page's server work for 4 scenarios × 3 years (the PCN page data, the list of
//    scenarios and the comparison, as app/pcns/[code]/compare/page.tsx loads them) — goal < 300 ms.
// A fresh SQLite database seeded with the fictional demo data, in a temp dir.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const root = path.resolve(import.meta.dirname, "../..");

/** A 19-post team (as in the issue), in post since 2024, with some new posts; `variant` varies it. */
export function exportsBenchPosts(variant = 0) {
  const roles = [
    ["clinical-pharmacist", "7", 2],
    ["pharmacy-technician", "5", 2],
    ["social-prescribing-link-worker", "5", 1],
    ["care-coordinator", "4", 1],
    ["health-and-wellbeing-coach", "4", 2],
    ["first-contact-physiotherapist", "7", 3],
    ["paramedic", "7", 1],
    ["dietitian", "6", 1],
    ["occupational-therapist", "7", 1],
  ] as const;
  return Array.from({ length: 19 }, (_, i) => {
    const [role, band, point] = roles[(i + variant) % roles.length]!;
    const existing = i < 14;
    return {
      id: `p${i + 1}`,
      label: `Post ${i + 1}`,
      role,
      ...(i % 5 === 4 ? { annualSalary: 38_000 + i * 500 } : { band, point }),
      wte: [1, 0.8, 0.6][i % 3]!,
      status: existing ? "existing" : "proposed",
      start: existing ? "2024-06-01" : `2025-${String(4 + ((i + variant) % 9)).padStart(2, "0")}-01`,
      ...(i === 18 - variant ? { end: "2026-09-30" } : {}),
    };
  });
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, worst: s[s.length - 1]! };
}

export async function benchExports() {
  const { createPrisma } = await import("@/lib/server/db/create-prisma");
  const { seedDemo } = await import("@/prisma/seed-demo");
  const { createUser } = await import("@/lib/server/auth/users");
  const { grantMembership } = await import("@/lib/server/auth/memberships");
  const { COMMAND_LINE } = await import("@/lib/server/auth/access");
  const { createScenario, listScenarios } = await import("@/lib/server/scenarios/scenarios");
  const { exportScenario } = await import("@/lib/server/scenarios/export");
  const { getComparison } = await import("@/lib/server/scenarios/compare");
  const { getPcnDetail } = await import("@/lib/server/pcn-data/pcn-profile");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-exports-"));
  const url = `file:${dir}/bench.db`;
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const db = createPrisma(url);
  try {
    await seedDemo(db);
    // A real PCN when NHS England's files are here (its weighted population is then an estimate
    // from its age profile, the costly case); else the fictional demo PCN UZ1001.
    const dataDir = path.resolve(root, "../shared/data/nhs");
    const files = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => f.endsWith(".csv")) : [];
    let code = "UZ1001";
    if (files.length) {
      const { importFiles } = await import("@/lib/server/import");
      await importFiles(db, files.map((f) => ({ fileName: f, content: fs.readFileSync(path.join(dataDir, f)) })), { importedBy: "bench" });
      code = (await db.pcn.findFirst({ where: { isDemo: false, memberships: { some: {} } }, select: { code: true }, orderBy: { code: "asc" } }))?.code ?? code;
    }
    const pcnLabel = code === "UZ1001" ? "demo PCN UZ1001" : `real PCN ${code}`;
    const user = await createUser(db, { email: "bench-exports@example.nhs.uk", name: "Bench", password: "a-long-password" });
    await grantMembership(db, COMMAND_LINE, { email: user.email, pcnCode: code, role: "editor" });
    const ids: string[] = [];
    for (let v = 0; v < 4; v++) {
      const s = await createScenario(db, user, code, { name: `Bench ${v + 1}`, firstYear: "2025/26", years: 3, posts: exportsBenchPosts(v) });
      ids.push(s.id);
    }
    // Warm up (module loading, JIT), then time fresh requests; `now` varies so nothing is reused between runs by accident.
    for (let i = 0; i < 3; i++) await exportScenario(db, user, ids[0]!, "xlsx");
    const xlsx: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const f = await exportScenario(db, user, ids[i % 4]!, "xlsx", "monthly", new Date(Date.UTC(2026, 0, 1 + i)));
      xlsx.push(performance.now() - t0);
      bytes = (f.body as Buffer).length;
    }
    const x = stats(xlsx);
    console.log(`exports: planner XLSX, 19 posts × 3 years, ${pcnLabel} (${Math.round(bytes / 1024)} kB): median ${x.median.toFixed(0)} ms, worst ${x.worst.toFixed(0)} ms (goal < 500 ms)`);

    const page = async () => {
      await getPcnDetail(db, code);
      await listScenarios(db, user, code);
      return getComparison(db, user, code, ids.join(","));
    };
    for (let i = 0; i < 3; i++) await page();
    const cmp: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await page();
      cmp.push(performance.now() - t0);
    }
    const c = stats(cmp);
    console.log(`exports: compare page's server work, 4 scenarios × 3 years (19 posts each), ${pcnLabel}: median ${c.median.toFixed(0)} ms, worst ${c.worst.toFixed(0)} ms (goal < 300 ms)`);
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchExports();
  process.exit(0);
}
