// The optimiser in real Chromium (issue 9): the demo account runs it on a demo PCN with a
// baseline scenario's posts fixed, sees the best mix (the same as POST /api/v1/optimise gives),
// opens it as a new scenario, compares it with the baseline, and sees an infeasible case explained.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createPrisma } from "@/lib/server/db/create-prisma";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createUser } from "@/lib/server/auth/users";
import { hardOptimiseRequest } from "../support/hard-optimise";
import { baseUrl, launchBrowser, signIn } from "./browser";

const PCN = "UZ1015";
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];
let baselineId = "";
const CP = { id: "cp", label: "Clinical pharmacist", status: "existing", role: "clinical-pharmacist", band: "7", point: 2, wte: 1 };

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.url().startsWith(baseUrl()) && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  await signIn(page, DEMO_ACCOUNT);
  const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: { name: "Baseline team", firstYear: "2025/26", years: 2, posts: [CP] } });
  expect(r.status(), await r.text()).toBe(201);
  baselineId = ((await r.json()) as { id: string }).id;
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

async function fillCandidate(i: number, c: { id: string; role: string; band: string; point: string; wte: string; value: string; min?: string; max: string }) {
  const p = page.locator(`#cand-${i}`);
  await p.getByLabel("Short name").fill(c.id);
  await p.getByLabel("Role").selectOption(c.role);
  await p.getByLabel("Band").selectOption(c.band);
  await p.getByLabel("Pay point").fill(c.point);
  await p.getByLabel("Day").fill("1");
  await p.getByLabel("Month").fill("10");
  await p.getByLabel("Year").fill("2025");
  await p.getByLabel("WTE options").fill(c.wte);
  await p.getByLabel("Value per 1.0 WTE").fill(c.value);
  await p.getByLabel("At least (posts)").fill(c.min ?? "0");
  await p.getByLabel("At most (posts)").fill(c.max);
}

describe("Optimise the role mix (demo account, demo PCN)", () => {
  it("finds the best mix on top of the baseline, opens it as a scenario, and compares it with the baseline", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios`, { waitUntil: "networkidle" });
    await page.getByTestId("optimise-link").click();
    await page.waitForURL(/\/scenarios\/optimise$/);
    await page.getByLabel("Existing posts").selectOption(baselineId);
    await page.getByLabel("Financial year").selectOption("2025/26");
    await page.getByLabel("PCN-funded budget (£, optional)").fill("15000");
    await fillCandidate(0, { id: "ot", role: "occupational-therapist", band: "7", point: "1", wte: "0.5, 1.0", value: "10", max: "3" });
    await page.getByRole("button", { name: "Add a candidate" }).click();
    await fillCandidate(1, { id: "para", role: "paramedic", band: "7", point: "2", wte: "0.6, 1", value: "8", max: "2" });
    await page.getByRole("button", { name: "Find the best mix" }).click();
    await page.getByTestId("optimiser-result").waitFor({ timeout: 60_000 });

    // The same answer as the API, for the same input.
    const api = await page.request.post(`${baseUrl()}/api/v1/optimise`, {
      data: {
        financialYear: "2025/26",
        pcn: { code: PCN },
        existingPosts: [{ id: "cp", role: "clinical-pharmacist", band: "7", point: 2, wte: 1, area: "national" }],
        candidates: [
          { id: "ot", role: "occupational-therapist", band: "7", point: 1, area: "national", start: "2025-10-01", wteOptions: [0.5, 1], value: 10, min: 0, max: 3 },
          { id: "para", role: "paramedic", band: "7", point: 2, area: "national", start: "2025-10-01", wteOptions: [0.6, 1], value: 8, min: 0, max: 2 },
        ],
        limits: { pcnFundedMax: 15000 },
      },
    });
    expect(api.status()).toBe(200);
    const opt = (await api.json()) as any;
    expect(opt.status).toBe("optimal");
    const rows = await page.getByTestId("chosen-table").locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t").map((s) => s.trim()))).toEqual(opt.chosen.map((c: any) => [c.candidate, `${c.wte.toFixed(2)} WTE`, String(c.count)]));
    const headroom = (await page.getByTestId("mix-headroom").innerText()).replace(/Estimate/, "").trim();
    expect(headroom).toBe(`${opt.estimate.totals.headroom < 0 ? "−" : ""}£${Math.abs(opt.estimate.totals.headroom).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
    expect(await page.getByTestId("alternatives").locator("tbody tr").count()).toBe(opt.alternatives.length);

    // Screenshots, desktop and phone (looked at by the developer; kept in /tmp).
    await page.screenshot({ path: "/tmp/optimiser-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/optimiser-phone.png", fullPage: true });
    await page.getByTestId("optimiser-result").screenshot({ path: "/tmp/optimiser-phone-result.png" });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Open as a new scenario: the baseline's post plus the chosen posts, in the planner.
    await page.getByTestId("open-as-scenario").click();
    await page.waitForURL(/\/scenarios\/(?!optimise)[A-Za-z0-9_-]+$/, { timeout: 60_000 });
    const newId = page.url().split("/").pop()!;
    const saved = (await (await page.request.get(`${baseUrl()}/api/v1/scenarios/${newId}`)).json()) as any;
    expect(saved.name).toBe("Optimised mix from Baseline team");
    expect(saved.posts.map((p: any) => p.id)).toEqual(opt.posts.map((p: any) => p.id));
    expect(saved.posts[0]).toMatchObject({ id: "cp", status: "existing", label: "Clinical pharmacist" });
    for (const p of saved.posts.slice(1)) expect(p).toMatchObject({ status: "proposed", start: "2025-10-01" });
    // Its first year's figures are the optimiser's estimate (same posts, same engine).
    expect(saved.results.years[0].totals.claimable).toBe(opt.estimate.totals.claimable);

    // Compare with the baseline.
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare?ids=${baselineId},${newId}`, { waitUntil: "networkidle" });
    await page.getByTestId("compare-2025/26").waitFor();
    const table = await page.getByTestId("compare-2025/26").innerText();
    expect(table).toContain("Baseline team");
    expect(table).toContain("Optimised mix from Baseline team");
    expect(errors).toEqual([]);
  }, 180_000);

  it("explains an infeasible request in words, and shows field errors", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/optimise`, { waitUntil: "networkidle" });
    await page.getByLabel("PCN-funded budget (£, optional)").fill("0");
    await fillCandidate(0, { id: "pa", role: "physician-associate", band: "8a", point: "3", wte: "1", value: "5", min: "2", max: "2" });
    await page.getByRole("button", { name: "Find the best mix" }).click();
    await page.getByTestId("optimiser-infeasible").waitFor({ timeout: 60_000 });
    const text = await page.getByTestId("optimiser-infeasible").innerText();
    expect(text).toMatch(/PCN-funded budget: the minimum numbers of posts asked for \(pa: 2\) cost the PCN at least £[\d,]+\.\d\d/);

    await page.locator("#cand-0").getByLabel("WTE options").fill("1.5");
    await page.locator("#cand-0").getByLabel("At most (posts)").fill("1");
    await page.getByRole("button", { name: "Find the best mix" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    const summary = await page.locator(".nhsuk-error-summary").innerText();
    expect(summary).toContain("WTE cannot be more than 1.0");
    expect(summary).toContain("The minimum (2) is more than the maximum (1).");
    await expect(page.locator("#cand-0-min-error").innerText()).resolves.toContain("The minimum (2) is more than the maximum (1).");
    expect(errors).toEqual([]);
  }, 120_000);
});

describe("the optimiser outside the PCN's editors", () => {
  // A viewer of UZ1015 and an editor of another PCN only (UZ1016): neither may use UZ1015's
  // optimiser, and neither sees its scenarios there.
  const VIEWER = { email: "optimiser-viewer@example.nhs.uk", name: "Vera Viewer", password: "optimiser-viewer-password" };
  const OTHER = { email: "optimiser-other@example.nhs.uk", name: "Otto Other", password: "optimiser-other-password" };
  beforeAll(async () => {
    const db = createPrisma(`file:${path.resolve(import.meta.dirname, "../../data/e2e.db")}`);
    try {
      for (const u of [VIEWER, OTHER]) await createUser(db, { ...u });
      await grantMembership(db, COMMAND_LINE, { email: VIEWER.email, pcnCode: PCN, role: "viewer" });
      await grantMembership(db, COMMAND_LINE, { email: OTHER.email, pcnCode: "UZ1016", role: "editor" });
    } finally {
      await db.$disconnect();
    }
  });

  for (const [who, account] of [
    ["a viewer of the PCN", VIEWER],
    ["an editor of another PCN", OTHER],
  ] as const) {
    it(`${who}: told only the PCN's editors can use it; no form, no scenario of the PCN shown`, async () => {
      const c = await browser.newContext();
      try {
        const p = await c.newPage();
        await signIn(p, account);
        const res = await p.goto(`${baseUrl()}/pcns/${PCN}/scenarios/optimise?base=${baselineId}`);
        expect(res?.status()).toBe(200);
        const text = await p.locator("main").innerText();
        expect(text).toContain("Only this PCN's editors can use the optimiser");
        expect(text).not.toContain("Baseline team");
        expect(await p.getByRole("button", { name: "Find the best mix" }).count()).toBe(0);
      } finally {
        await c.close();
      }
    });
  }

  it("an editor of another PCN: its own optimiser does not offer this PCN's scenario as the base", async () => {
    const c = await browser.newContext();
    try {
      const p = await c.newPage();
      await signIn(p, OTHER);
      await p.goto(`${baseUrl()}/pcns/UZ1016/scenarios/optimise?base=${baselineId}`, { waitUntil: "networkidle" });
      await p.getByRole("button", { name: "Find the best mix" }).waitFor();
      expect(await p.locator("main").innerText()).not.toContain("Baseline team");
      expect(await p.locator(`option[value="${baselineId}"]`).count()).toBe(0);
    } finally {
      await c.close();
    }
  });
});

describe("a long optimiser run does not hold the server (issue 15)", () => {
  it("while the issue's 30 × 6 problem solves on a worker, GET /api/health answers promptly (median within 500 ms); the run ends by its 15 s limit", async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const t0 = performance.now();
    let settledAt = 0;
    // Anonymous, as in the issue (one run: well within the per-address limit).
    const long = fetch(`${baseUrl()}/api/v1/optimise`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(hardOptimiseRequest()) }).then(async (r) => {
      settledAt = performance.now();
      return { status: r.status, body: (await r.json()) as any };
    });
    // Let the server price it and a worker load HiGHS and get into the solve.
    await sleep(1000);
    // Health checks every half second while the solve runs. How long it runs depends on the
    // machine (a quiet runner proves it in seconds; tests/integration/optimise-pool.test.ts holds a
    // worker stuck on it for certain): only the checks sent while it was still running count.
    const times: number[] = [];
    while (settledAt === 0 && times.length < 10) {
      const t = performance.now();
      const h = await fetch(`${baseUrl()}/api/health`);
      expect(h.status).toBe(200);
      await h.json();
      if (settledAt === 0 || settledAt > performance.now()) times.push(performance.now() - t);
      await sleep(500);
    }
    // On the main thread each would have waited for the whole solve. The machine running the tests
    // is shared, so one slow answer is allowed: the median within 500 ms, none over 2 s.
    if (times.length > 0) {
      const label = `health check times: ${times.map((t) => t.toFixed(0)).join(", ")} ms`;
      expect([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)], label).toBeLessThan(500);
      expect(Math.max(...times), label).toBeLessThan(2000);
    }
    // It ends by its time limit: the optimum with the alternatives found by then (200), or 408 in
    // words when even the optimum is not proved (which one depends on the machine's speed).
    const r = await long;
    expect(settledAt - t0).toBeLessThan(25_000);
    if (r.status === 408) expect(r.body.error.message).toMatch(/^The optimiser could not prove the best mix within 15 seconds\./);
    else {
      expect(r.status).toBe(200);
      expect(r.body.status).toBe("optimal");
    }
  }, 90_000);
});
