// Planner speed, measured in Debian chromium (part of `npm run bench`):
// 1. the in-browser recalculation of a 50-post, 5-year scenario: the planner's own code
//    (lib/planner/scenario-draft.ts's check of the edited draft + lib/planner/compute.ts), bundled
//    with esbuild for the browser and timed inside the page — validate + compute, as on every edit
//    of one post's WTE (goal < 16 ms);
// 2. when the app is built (.next) and a demo database can be made: the planner page itself —
//    its first-load JavaScript (every script the page loads, gzip-compressed, goal < 250 kB) and
//    the time from a WTE edit to the updated summary in the real page.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]!, worst: s[s.length - 1]! };
}

/** A 50-post, 5-year scenario with every kind of post. */
export function benchScenario() {
  const roles = ["occupational-therapist", "first-contact-physiotherapist", "clinical-pharmacist", "paramedic", "care-coordinator", "social-prescribing-link-worker", "pharmacy-technician", "advanced-practitioner", "gp", "mental-health-practitioner"];
  const areas = ["national", "outer-london", "inner-london", "fringe"];
  const posts = Array.from({ length: 50 }, (_, i) => {
    const role = roles[i % roles.length]!;
    const base = { id: `p${i}`, label: `Post ${i + 1}`, role, wte: [1, 0.8, 0.6, 0.5333][i % 4], area: areas[i % 4], status: i % 3 ? "existing" : "proposed", start: `2025-${String(4 + (i % 9)).padStart(2, "0")}-01` };
    if (role === "gp") return { ...base, annualSalary: 82_418 + i * 100 };
    if (role === "mental-health-practitioner") return { ...base, band: "6", point: 2, mhpFunding: i % 2 ? "50%" : "100%" };
    if (i % 5 === 0) return { ...base, annualSalary: 40_000 + i * 250 };
    const band = role === "care-coordinator" ? "4" : role === "advanced-practitioner" ? "8a" : role.includes("link") || role.includes("technician") ? "5" : "7";
    return {
      ...base,
      band,
      point: 1,
      nextPayStep: "2026-01-01",
      ...(role === "occupational-therapist" || role === "first-contact-physiotherapist"
        ? { firstContact: { hcpcRegistration: "done", yearsRegistered: 4, stage1: "done", stage2: "in-progress", stage2SignOff: "2026-09-30", supervisorId: "s1" } }
        : {}),
    };
  });
  return {
    name: "Bench",
    firstYear: "2025/26",
    years: 5,
    assumptions: { claimLagMonths: 2 },
    supervisors: [{ id: "s1", name: "Dr Bench", wte: 1 }],
    posts,
  };
}

async function benchCompute(browser: import("playwright-core").Browser) {
  const entry = path.join(os.tmpdir(), `arrs-bench-entry-${process.pid}.ts`);
  fs.writeFileSync(
    entry,
    `import { computeScenario } from ${JSON.stringify(path.join(root, "lib/planner/compute.ts"))};
     import { checkScenarioDraft, toScenarioDraft } from ${JSON.stringify(path.join(root, "lib/planner/scenario-draft.ts"))};
     (globalThis as any).plannerBench = (input: any, ctx: any, runs: number, from: number) => {
       // As the page does on every edit: the draft with one post's WTE typed anew (a value not
       // seen before, so the edited post is priced afresh), checked and computed.
       let draft = toScenarioDraft(input);
       const times: number[] = [];
       let last = 0;
       for (let i = 0; i < runs; i++) {
         const k = i % draft.posts.length;
         draft = { ...draft, posts: draft.posts.map((p, j) => (j === k ? { ...p, wte: String((5000 + from + i) / 10000) } : p)) };
         const t0 = performance.now();
         const check = checkScenarioDraft(draft);
         const r = computeScenario(check.computable!, ctx);
         last = r.summary.years.length;
         times.push(performance.now() - t0);
       }
       return { times, years: last };
     };`,
  );
  const out = await build({ entryPoints: [entry], bundle: true, format: "iife", platform: "browser", minify: true, write: false, alias: { "@": root }, logLevel: "silent" });
  fs.rmSync(entry, { force: true });
  const code = out.outputFiles[0]!.text;
  const page = await browser.newPage();
  await page.setContent("<!doctype html><title>bench</title>");
  await page.addScriptTag({ content: code });
  const ctx = {
    pcn: { code: "UZ1001", name: "Bench PCN" },
    weightedPopulation: { value: 48_213.7, provenance: "given" },
    practices: Array.from({ length: 8 }, (_, i) => ({ code: `Z9000${i}`, name: `Practice ${i}`, weighted: 6000 + i * 11.5, registered: 5800 + i * 10 })),
    defaultArea: "national",
  };
  await page.evaluate(([s, c]) => (globalThis as unknown as { plannerBench: (a: unknown, b: unknown, n: number, from: number) => unknown }).plannerBench(s, c, 30, 0), [benchScenario(), ctx] as const);
  const { times, years } = (await page.evaluate(([s, c]) => (globalThis as unknown as { plannerBench: (a: unknown, b: unknown, n: number, from: number) => unknown }).plannerBench(s, c, 200, 1000), [benchScenario(), ctx] as const)) as { times: number[]; years: number };
  await page.close();
  const t = stats(times);
  console.log(
    `planner: recalculation in Chromium, 50 posts × ${years} years (validate + compute, bundle ${(zlib.gzipSync(code).length / 1024).toFixed(0)} kB gzip): median ${t.median.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, worst ${t.worst.toFixed(2)} ms (goal < 16 ms)`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

/** The planner page in the built app: first-load JS and edit → summary time. */
async function benchPage(browser: import("playwright-core").Browser) {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("planner: page figures skipped — the app is not built (run `npm run build` or `npm test` first)");
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-bench-planner-"));
  const env = { ...process.env, DATABASE_URL: `file:${dir}/bench.db`, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: root, env, stdio: "ignore" });
  execFileSync("npx", ["tsx", "scripts/seed.ts"], { cwd: root, env, stdio: "ignore" });
  const { createPrisma } = await import("@/lib/server/db/create-prisma");
  const { createApiToken } = await import("@/lib/server/auth/users");
  const { DEMO_ACCOUNT } = await import("@/lib/server/auth/demo-account");
  const db = createPrisma(env.DATABASE_URL);
  const demo = await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email } });
  const token = demo ? (await createApiToken(db, demo.email, { label: "bench" })).token : null;
  await db.$disconnect();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore", detached: true });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 240) throw new Error("next start did not come up");
      await new Promise((r) => setTimeout(r, 250));
    }
    if (!token) throw new Error("the demo seed has no demo account");
    const created = await fetch(`${base}/api/v1/pcns/UZ1001/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(benchScenario()),
    });
    if (created.status !== 201) throw new Error(`creating the bench scenario answered ${created.status}: ${(await created.text()).slice(0, 300)}`);
    const { id } = (await created.json()) as { id: string };

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/login?next=${encodeURIComponent(`/pcns/UZ1001/scenarios/${id}`)}`);
    await page.getByLabel("Email address").fill(DEMO_ACCOUNT.email);
    await page.getByLabel("Password").fill(DEMO_ACCOUNT.password);
    const scripts = new Map<string, number>();
    page.on("response", async (res) => {
      if (res.request().resourceType() !== "script") return;
      try {
        scripts.set(res.url(), zlib.gzipSync(await res.body()).length);
      } catch {
        // a redirect or aborted load has no body
      }
    });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/scenarios/${id}`);
    await page.waitForLoadState("networkidle");
    const firstLoad = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`planner: first-load JavaScript of /pcns/{code}/scenarios/{id}: ${(firstLoad / 1024).toFixed(1)} kB gzip in ${scripts.size} scripts (goal < 250 kB; charts load lazily after)`);

    // Edit → summary: type a WTE into the first post's cell and wait for the summary to change.
    const summary = page.locator("[data-planner-summary]");
    const wte = page.locator("[data-planner-wte]").first();
    if ((await summary.count()) === 0 || (await wte.count()) === 0) {
      console.log("planner: edit → summary skipped — the page has no [data-planner-summary] / [data-planner-wte] hooks");
      return;
    }
    // Edits before React has hydrated the page are lost (and the summary would never change):
    // wait until the WTE cell is React's (a hydrated element carries React's fiber key).
    await page.waitForFunction(() => Object.keys(document.querySelector("[data-planner-wte]") ?? {}).some((k) => k.startsWith("__reactFiber")), undefined, { timeout: 60_000 });
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const value = i % 2 ? "0.7" : "0.9";
      const ms = await page.evaluate(
        ([v]) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>("[data-planner-wte]")!;
            const target = document.querySelector("[data-planner-summary]")!;
            const before = target.textContent;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              if (target.textContent !== before) {
                obs.disconnect();
                // The next frame: the browser has laid out and painted the new summary.
                requestAnimationFrame(() => resolve(performance.now() - t0));
              }
            });
            obs.observe(target, { subtree: true, childList: true, characterData: true });
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
            setter.call(input, v);
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }),
        [value] as const,
      );
      if (i >= 5) times.push(ms);
    }
    const t = stats(times);
    console.log(`planner: edit → updated summary in the page (50 posts × 5 years, to the next frame): median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (goal < 16 ms)`);
    await context.close();
  } finally {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPlanner() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`planner: skipped — no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    await benchCompute(browser);
    await benchPage(browser);
  } catch (e) {
    console.log(`planner: page figures failed — ${(e as Error).message}`);
  } finally {
    await browser.close();
  }
}
