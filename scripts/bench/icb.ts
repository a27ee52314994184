// The ICB's view at England's scale (issue 18 item 4, part of `npm run bench`), on PostgreSQL:
// 1,300 fictional PCNs in 42 ICBs, each with a 20-post agreed plan (agreed through the app, which
// stores the plan's results: lib/server/claims/plan-store.ts) and six months of claims (April to
// September 2026, 156,000 claim lines). Times, on the server:
// 1. the England-wide aggregate — every ICB's outturn (GET /api/v1/icbs/{code}/outturn's work for
//    each of the 42 ICBs, one after the other), goal < 1 s; and England's 1,300 PCNs in one call;
// 2. one ICB's page (its outturn, about 31 PCNs), goal < 200 ms;
// 3. for scale: one ICB right after a reference-data change (every stored row stale: priced afresh).
// Needs Debian's postgresql binaries; says so and skips without them.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";

const root = path.resolve(import.meta.dirname, "../..");
const ICBS = 42;
const PCNS = 1300;
const FY = "2026/27";
const NOW = new Date("2026-10-15T09:00:00Z");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const ROLES = [
  ["clinical-pharmacist", "7"],
  ["pharmacy-technician", "5"],
  ["social-prescribing-link-worker", "5"],
  ["care-coordinator", "4"],
  ["health-and-wellbeing-coach", "4"],
  ["first-contact-physiotherapist", "7"],
  ["paramedic", "7"],
  ["dietitian", "6"],
  ["occupational-therapist", "7"],
  ["podiatrist", "6"],
] as const;

/** A 20-post team: most in post since 2024, some starting during the year, one leaving. */
function posts(rand: () => number) {
  return Array.from({ length: 20 }, (_, i) => {
    const [role, band] = ROLES[Math.floor(rand() * ROLES.length)]!;
    const existing = i < 15;
    return {
      id: `p${i + 1}`,
      label: `Post ${i + 1}`,
      role,
      band,
      point: 1 + Math.floor(rand() * 2),
      wte: [1, 0.8, 0.6, 1][i % 4]!,
      status: existing ? "existing" : "proposed",
      start: existing ? "2024-06-01" : `2026-${String(5 + Math.floor(rand() * 6)).padStart(2, "0")}-01`,
      ...(i === 19 ? { end: "2027-01-31" } : {}),
    };
  });
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, worst: s[s.length - 1]! };
}

async function chunks<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function benchIcb() {
  // @ts-expect-error -- a plain .mjs helper shared with scripts/test.mjs (no types)
  const { ensurePostgresBinaries, startThrowawayPostgres } = await import("../lib/postgres.mjs");
  let bin: string | null = null;
  try {
    bin = ensurePostgresBinaries();
  } catch {
    bin = null;
  }
  if (!bin) {
    console.log("icb: skipped — the England-scale ICB benchmark needs PostgreSQL's server binaries (apt-get install -y postgresql)");
    return;
  }
  const pg = await startThrowawayPostgres(bin);
  const { createPrisma } = await import("@/lib/server/db/create-prisma");
  const { createUser } = await import("@/lib/server/auth/users");
  const { createScenario } = await import("@/lib/server/scenarios/scenarios");
  const { agreeScenario } = await import("@/lib/server/claims/agree");
  const { storeAgreedPlan } = await import("@/lib/server/claims/plan-store-refresh");
  const { ScenarioBodySchema } = await import("@/lib/schemas/scenario");
  const { getIcbOutturn, icbOutturnFromStore } = await import("@/lib/server/icb/outturn");
  const { bumpDataVersion } = await import("@/lib/server/pcn-data/data-version");
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: root, env: { ...process.env, DATABASE_URL: pg.url }, stdio: "ignore" });
  const db = createPrisma(pg.url);
  try {
    const t0 = performance.now();
    const rand = rng(18);
    await db.region.create({ data: { code: "YB1", name: "Bench region" } });
    const icbs = Array.from({ length: ICBS }, (_, i) => ({ code: `QB${String(i).padStart(2, "0")}`, name: `Bench ICB ${i + 1}`, regionCode: "YB1" }));
    await db.icb.createMany({ data: icbs });
    const pcns = Array.from({ length: PCNS }, (_, i) => ({ code: `UB${String(i).padStart(4, "0")}`, name: `Bench PCN ${i + 1}`, nameSearch: `bench pcn ${i + 1}`, icbCode: icbs[i % ICBS]!.code }));
    await chunks(pcns, 500, (data) => db.pcn.createMany({ data }));
    const weighted = pcns.map((p) => ({ pcnCode: p.code, financialYear: FY, value: 20_000 + Math.floor(rand() * 60_000) + 0.25, provenance: "imported", source: "bench" }));
    await chunks(weighted, 500, (data) => db.weightedPopulation.createMany({ data }));
    const admin = await createUser(db, { email: "bench-icb@example.nhs.uk", name: "Bench", role: "admin", password: "a-long-password" });
    // The first PCNs' plans are agreed through the app (createScenario, agreeScenario: it stores the
    // plan's results); the rest are written as rows, agreed, and stored with the same function
    // agreeing uses (storeAgreedPlan: priced afresh, then written), twelve PCNs at a time.
    const teams = pcns.map(() => posts(rand));
    for (const [i, p] of pcns.slice(0, 8).entries()) {
      const s = await createScenario(db, admin, p.code, { name: "Agreed plan", firstYear: FY, years: 1, posts: teams[i]! }, NOW);
      await agreeScenario(db, admin, s.id, NOW);
    }
    const rows = pcns.slice(8).map((p, i) => {
      const body = ScenarioBodySchema.parse({ name: "Agreed plan", firstYear: FY, years: 1, posts: teams[i + 8]! });
      return {
        id: `bench${String(i).padStart(11, "0")}`,
        pcnCode: p.code,
        name: body.name,
        firstYear: body.firstYear,
        years: body.years,
        document: JSON.stringify({ assumptions: body.assumptions, posts: body.posts, supervisors: body.supervisors }),
        version: 1,
        createdByUserId: admin.id,
        updatedByUserId: admin.id,
        createdAt: NOW,
        updatedAt: NOW,
        agreedAt: NOW,
        agreedByUserId: admin.id,
      };
    });
    await chunks(rows, 500, (data) => db.scenario.createMany({ data }));
    await chunks(rows, 12, (batch) => Promise.all(batch.map((r) => storeAgreedPlan(db, r.id, NOW))));
    const months = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];
    const claimMonths = pcns.flatMap((p) => months.map((month) => ({ pcnCode: p.code, month, version: 1 })));
    await chunks(claimMonths, 2000, (data) => db.claimMonth.createMany({ data }));
    const lines = pcns.flatMap((p) =>
      months.flatMap((month, mi) =>
        Array.from({ length: 20 }, (_, i) => ({
          pcnCode: p.code,
          month,
          position: i,
          postId: `p${i + 1}`,
          label: `Post ${i + 1}`,
          role: ROLES[i % ROLES.length]![0],
          wteTenThousandths: 10_000,
          salaryPence: 300_000,
          employerNiPence: 30_000,
          employerPensionPence: 60_000,
          claimedPence: 350_000 + Math.floor(rand() * 100_000),
          status: mi < 4 ? "paid" : mi === 4 ? "approved" : "submitted",
          paidOn: mi < 4 ? `2026-${String(6 + mi).padStart(2, "0")}-20` : null,
        })),
      ),
    );
    await chunks(lines, 5000, (data) => db.claimLine.createMany({ data }));
    const stored = await db.agreedPlanYear.count();
    console.log(`icb: England-scale data on PostgreSQL: ${PCNS} PCNs in ${ICBS} ICBs, 20-post agreed plans (${stored} stored plan years), ${lines.length.toLocaleString("en-GB")} claim lines, made in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const everyIcb = async () => {
      let total = 0;
      for (const icb of icbs) total += (await getIcbOutturn(db, admin, icb.code, FY, NOW)).totals.forecastClaims;
      return total;
    };
    for (let i = 0; i < 2; i++) await everyIcb(); // warm up
    const england: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await everyIcb();
      england.push(performance.now() - t);
    }
    const e = stats(england);
    console.log(`icb: England-wide aggregate, every ICB's outturn (${ICBS} ICBs, ${PCNS} PCNs): median ${e.median.toFixed(0)} ms, worst ${e.worst.toFixed(0)} ms (goal < 1 s)`);
    const allPcns = await db.pcn.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
    const once: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await icbOutturnFromStore(db, { code: "ENG", name: "England" }, allPcns, FY, NOW);
      once.push(performance.now() - t);
    }
    console.log(`icb: England's ${PCNS} PCNs in one outturn: median ${stats(once).median.toFixed(0)} ms`);

    const one: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await getIcbOutturn(db, admin, icbs[i % ICBS]!.code, FY, NOW);
      one.push(performance.now() - t);
    }
    const o = stats(one);
    console.log(`icb: one ICB's page on the server (about ${Math.round(PCNS / ICBS)} PCNs): median ${o.median.toFixed(1)} ms, worst ${o.worst.toFixed(1)} ms (goal < 200 ms)`);

    await bumpDataVersion(db); // every stored row is now stale
    const t = performance.now();
    await getIcbOutturn(db, admin, icbs[0]!.code, FY, NOW);
    console.log(`icb: one ICB right after a reference-data change (every plan priced afresh and stored again): ${(performance.now() - t).toFixed(0)} ms`);
  } finally {
    await db.$disconnect();
    pg.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchIcb();
  process.exit(0);
}
