// Several instances, one database (issue 8 #5): two production servers (scripts/serve.mjs on the
// build in .next) on one throwaway PostgreSQL, as behind a load balancer with no sticky sessions.
// A session started on A works on B and ends on both; bad API tokens sent to A count towards the
// limit on B; a save on A makes B's save of the older version a 409; a figure entered on A is on
// B's cached public pages and PCN API at once; nothing personal is ever answered from a cache.
// Needs the build (npm test builds it first) and Debian's postgresql server binaries.
import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createApiToken, createUser } from "@/lib/server/auth/users";
import { seedDemo } from "@/prisma/seed-demo";
// @ts-expect-error plain ESM helper without types
import { ensurePostgresBinaries, startThrowawayPostgres } from "../../scripts/lib/postgres.mjs";
import { startServer } from "../../scripts/lib/server.mjs";
import { launchBrowser } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");
const built = fs.existsSync(path.join(root, ".next/BUILD_ID"));
const pgBin: string | null = built ? ensurePostgresBinaries() : null;
const skipReason = !built
  ? "no production build in .next (run `npm run build`, or `npm test`, which builds first)"
  : !pgBin
    ? "no PostgreSQL server binaries (apt-get install -y postgresql)"
    : "";
if (skipReason) console.warn(`tests/e2e/instances.test.ts skipped: ${skipReason}.`);

const EDITOR = { email: "two-instances@example.nhs.uk", name: "Tess Two-Instances", password: "two-instances-password" };
const PCN = "UZ1004";
/** The header's "signed in as" element (app/layout.tsx). */
const SIGNED_IN = 'data-testid="signed-in"';

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => void;
}

async function startInstance(name: string, databaseUrl: string): Promise<Instance> {
  return { name, ...(await startServer({ env: { DATABASE_URL: databaseUrl }, name: `instance ${name}` })) };
}

function stop(i: Instance | undefined) {
  i?.stop();
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request from a given loopback address (the attempt limits count per address). */
function send(base: string, method: string, pathname: string, headers: Record<string, string> = {}, body?: string, localAddress = "127.0.0.1"): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port: Number(port), method, path: pathname, headers, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const json = (a: Answer) => JSON.parse(a.text);

let pg: { url: string; stop: () => void } | undefined;
let db: Db;
let token: string;
let a: Instance | undefined;
let b: Instance | undefined;
let browser: Browser | undefined;

describe.skipIf(!!skipReason)("two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    pg = await startThrowawayPostgres(pgBin);
    execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: root, env: { ...process.env, DATABASE_URL: pg!.url }, stdio: "pipe" });
    db = createPrisma(pg!.url);
    await seedDemo(db);
    await createUser(db, { ...EDITOR });
    await grantMembership(db, COMMAND_LINE, { email: EDITOR.email, pcnCode: PCN, role: "editor" });
    token = (await createApiToken(db, EDITOR.email, { label: "instances test" })).token;
    [a, b] = await Promise.all([startInstance("A", pg!.url), startInstance("B", pg!.url)]);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    stop(a);
    stop(b);
    await db?.$disconnect();
    pg?.stop();
  });

  it("a session started on A is signed in on B; signing out on B ends it on A too", async () => {
    // One browser, two origins on one host: the host-only cookie goes to both, as behind a load balancer.
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(`${a!.url}/login`);
    await page.getByLabel("Email address").fill(EDITOR.email);
    await page.getByLabel("Password").fill(EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    const cookie = (await context.cookies()).find((c) => c.name === "arrs_session");
    expect(cookie).toBeDefined();
    const sessionCookie = `arrs_session=${cookie!.value}`;

    await page.goto(`${b!.url}/pcns/${PCN}`);
    await expect(page.getByTestId("signed-in").textContent()).resolves.toBe(EDITOR.name);
    expect(await page.getByRole("button", { name: "Save ICB-confirmed figure" }).count()).toBe(1);
    const onB = await send(b!.url, "GET", `/api/v1/pcns/${PCN}/scenarios`, { cookie: sessionCookie });
    expect(onB.status).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="signed-in"]'));
    for (const i of [a!, b!]) {
      expect((await send(i.url, "GET", `/api/v1/pcns/${PCN}/scenarios`, { cookie: sessionCookie })).status, i.name).toBe(401);
      expect((await send(i.url, "GET", `/pcns/${PCN}`, { cookie: sessionCookie })).text, i.name).not.toContain(SIGNED_IN);
    }
    await context.close();
  });

  it("a save on A makes B's save of the older version a 409; of simultaneous saves on both, exactly one wins", async () => {
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const body = { name: "Two instances", firstYear: "2025/26", years: 2, posts: [{ id: "ot-1", role: "occupational-therapist", band: "7", point: 1, wte: 1 }] };
    const created = await send(a!.url, "POST", `/api/v1/pcns/${PCN}/scenarios`, auth, JSON.stringify(body));
    expect(created.status).toBe(201);
    const id = json(created).id as string;

    const onA = await send(a!.url, "PUT", `/api/v1/scenarios/${id}`, auth, JSON.stringify({ ...body, name: "Saved on A", version: 1 }));
    expect(onA.status).toBe(200);
    expect(json(onA).version).toBe(2);
    const staleOnB = await send(b!.url, "PUT", `/api/v1/scenarios/${id}`, auth, JSON.stringify({ ...body, name: "Saved on B", version: 1 }));
    expect(staleOnB.status).toBe(409);
    expect(json(staleOnB).error.current).toMatchObject({ version: 2, name: "Saved on A" });
    const keepMineOnB = await send(b!.url, "PUT", `/api/v1/scenarios/${id}`, auth, JSON.stringify({ ...body, name: "Saved on B", version: 2 }));
    expect(keepMineOnB.status).toBe(200);
    expect(json(await send(a!.url, "GET", `/api/v1/scenarios/${id}`, auth))).toMatchObject({ version: 3, name: "Saved on B" });

    const race = await Promise.all(
      Array.from({ length: 8 }, (_, n) => send(n % 2 ? b!.url : a!.url, "PUT", `/api/v1/scenarios/${id}`, auth, JSON.stringify({ ...body, name: `Race ${n}`, version: 3 }))),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = race.findIndex((r) => r.status === 200);
    const revisions = await db.scenarioRevision.findMany({ where: { scenarioId: id }, orderBy: { version: "asc" }, select: { version: true, name: true } });
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    expect(revisions[3]!.name).toBe(`Race ${winner}`);
  });

  it("a figure entered on A is on B's cached PCN page and API at its next request; nothing personal is cached", async () => {
    // B has the page and the API answer cached …
    expect((await send(b!.url, "GET", `/pcns/${PCN}`)).headers["x-arrs-page-cache"]).toMatch(/miss|hit/);
    const cached = await send(b!.url, "GET", `/pcns/${PCN}`);
    expect(cached.headers["x-arrs-page-cache"]).toBe("hit");
    expect(cached.text).not.toContain("98,765.43");
    const apiBefore = json(await send(b!.url, "GET", `/api/v1/pcns/${PCN}`));
    expect(apiBefore.weightedPopulations.find((w: { financialYear: string }) => w.financialYear === "2026/27").value).not.toBe(98765.43);
    const rulesBefore = await send(b!.url, "GET", "/rules");

    // … then the editor enters the ICB-confirmed figure through A's form.
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(`${a!.url}/login?next=${encodeURIComponent(`/pcns/${PCN}`)}`);
    await page.getByLabel("Email address").fill(EDITOR.email);
    await page.getByLabel("Password").fill(EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/pcns/${PCN}`));
    const form = page.locator('form.app-confirmed-form[data-ready="true"]');
    await form.waitFor();
    await form.getByLabel("Financial year", { exact: true }).selectOption("2026/27");
    await form.getByLabel("Weighted population", { exact: true }).fill("98765.43");
    await form.getByLabel("Source", { exact: true }).fill("ICB letter, two instances test");
    await form.getByRole("button", { name: "Save ICB-confirmed figure" }).click();
    await page.getByText("Saved. The ICB-confirmed weighted population for 2026/27 is now 98,765.43.").waitFor({ timeout: 15_000 });

    const fresh = await send(b!.url, "GET", `/pcns/${PCN}`);
    expect(fresh.headers["x-arrs-page-cache"]).toBe("miss");
    expect(fresh.text).toContain("98,765.43");
    expect((await send(b!.url, "GET", `/pcns/${PCN}`)).headers["x-arrs-page-cache"]).toBe("hit");
    const apiAfter = json(await send(b!.url, "GET", `/api/v1/pcns/${PCN}`));
    expect(apiAfter.weightedPopulations.find((w: { financialYear: string }) => w.financialYear === "2026/27")).toMatchObject({ value: 98765.43, provenance: "icb-confirmed" });
    // /rules has no data: still the render from before the change.
    expect((await send(b!.url, "GET", "/rules")).headers["x-arrs-page-cache"]).toBe("hit");
    expect(rulesBefore.status).toBe(200);

    // Signed in on B: the page is rendered for them (name, form), never from the cache and never into it.
    const cookie = (await context.cookies()).find((c) => c.name === "arrs_session")!;
    const mine = await send(b!.url, "GET", `/pcns/${PCN}`, { cookie: `arrs_session=${cookie.value}` });
    expect(mine.headers["x-arrs-page-cache"]).toBeUndefined();
    expect(mine.text).toContain(`${SIGNED_IN}>${EDITOR.name}<`);
    expect(mine.text).toContain("Save ICB-confirmed figure");
    for (const i of [a!, b!]) {
      const anonymous = await send(i.url, "GET", `/pcns/${PCN}`);
      // (The figure's basis names who entered it: that is public. Who is signed in is not.)
      expect(anonymous.text, i.name).not.toContain(SIGNED_IN);
      expect(anonymous.text, i.name).not.toContain("Sign out");
      expect(anonymous.text, i.name).not.toContain("Save ICB-confirmed figure");
      expect(anonymous.text, i.name).toContain("98,765.43");
    }
    await context.close();
  });

  it("every cached answer has its own nonce, the one its policy allows", async () => {
    const nonces = new Set<string>();
    for (let n = 0; n < 4; n++) {
      const r = await send(b!.url, "GET", "/rules");
      expect(r.headers["x-arrs-page-cache"]).toBe("hit");
      const policy = /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))![1]!;
      const inPage = [...r.text.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
      expect(inPage.length).toBeGreaterThan(0);
      expect(new Set(inPage)).toEqual(new Set([policy]));
      nonces.add(policy);
    }
    expect(nonces.size).toBe(4);
  });

  it("bad API tokens sent to A count towards the limit on B (20 in 15 minutes, then 429 on both)", async () => {
    const from = "127.0.0.77"; // an address of this test's own
    const bad = { authorization: "Bearer arrs_not-a-real-token" };
    for (let n = 0; n < 20; n++) {
      const r = await send(n < 10 ? a!.url : b!.url, "GET", `/api/v1/pcns/${PCN}/scenarios`, bad, undefined, from);
      expect(r.status, `attempt ${n + 1}`).toBe(401);
    }
    for (const i of [a!, b!]) {
      const limited = await send(i.url, "GET", `/api/v1/pcns/${PCN}/scenarios`, { authorization: `Bearer ${token}` }, undefined, from);
      expect(limited.status, i.name).toBe(429);
      expect(Number(limited.headers["retry-after"]), i.name).toBeGreaterThan(0);
    }
    // Another address is not affected.
    expect((await send(b!.url, "GET", `/api/v1/pcns/${PCN}/scenarios`, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});
