// Issue 15 in Chromium: the planner's expected backdated uplift switch says what it adds, the
// summary follows it, the choice is saved; the quick estimate offers the same choice; /rules shows
// each figure's status with a key. With axe-core (WCAG 2.2 AA) on each state.
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, openPage, signIn } from "./browser";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const PCN = "UZ1025";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return r.violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return found.map((v) => `${v.impact}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? "";

describe("the expected backdated uplift switch", () => {
  it("in the planner: says what switching on adds, the summary follows, the choice is saved; no axe violations", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await signIn(page, DEMO_ACCOUNT);
      // An OT on £70,000 all of 2026/27: above both the 2.5% maximum (£68,971) and the 3.3% one (£69,515).
      const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, {
        data: { name: "Uplift switch", firstYear: "2026/27", years: 1, posts: [{ id: "ot", role: "occupational-therapist", annualSalary: 70_000, wte: 1 }] },
      });
      expect(r.status()).toBe(201);
      const id = ((await r.json()) as { id: string }).id;
      await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/${id}#assumptions`, { waitUntil: "networkidle" });
      const box = page.getByLabel("Apply the backdated uplift in 2026/27");
      const effect = page.getByTestId("assumption-uplift-2026-27-effect");
      // Off by default. 2.5% table: 6,897,100 ÷ 12 → 574,758p × 12 = £68,970.96; 3.3% table: 579,292p × 12 = £69,515.04;
      // switching on adds £544.08.
      await expect(box.isChecked()).resolves.toBe(false);
      await page.waitForFunction(() => /adds £544\.08 of claimable to 2026\/27/.test(document.querySelector('[data-testid="assumption-uplift-2026-27-effect"]')?.textContent ?? ""));
      await expect(effect.textContent()).resolves.toContain("Switching it on adds £544.08 of claimable to 2026/27 for this plan.");
      await expect(effect.textContent()).resolves.toContain("An estimate");
      await expect(text(page, "summary-claimable")).resolves.toContain("£68,970.96");
      expect(await violations(page)).toEqual([]);

      await box.check();
      await page.waitForFunction(() => (document.querySelector('[data-testid="summary-claimable"]')?.textContent ?? "").includes("£69,515.04"));
      await page.waitForFunction(() => /It adds £544\.08/.test(document.querySelector('[data-testid="assumption-uplift-2026-27-effect"]')?.textContent ?? ""));
      expect(await violations(page)).toEqual([]);

      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByTestId("save-status").getByText(/^Saved at/).waitFor({ timeout: 15_000 });
      const saved = (await (await page.request.get(`${baseUrl()}/api/v1/scenarios/${id}`)).json()) as { assumptions: { expectedUplift?: boolean }; results: { years: { totals: { claimable: number } }[] } };
      expect(saved.assumptions.expectedUplift).toBe(true);
      expect(saved.results.years[0]!.totals.claimable).toBe(69_515.04);
      await page.reload({ waitUntil: "networkidle" });
      await expect(page.getByLabel("Apply the backdated uplift in 2026/27").isChecked()).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it("in the quick estimate: off by default for 2026/27 the result says what switching on would add; 'Apply it' applies it", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("Financial year").selectOption("2026/27");
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    await page.getByLabel("Actual annual salary").check();
    await page.getByLabel("Annual salary (£, full-time, including any HCAS)").fill("70,000");
    await page.getByText("Change the figures (optional)").click();
    await page.getByTestId("quick-uplift").waitFor();
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await expect(page.getByTestId("estimate-result").textContent()).resolves.toContain("would add £544.08 to what you can claim in 2026/27");
    // The estimates list tags each figure with its status and explains the statuses shown.
    await expect(page.getByTestId("estimates").locator("[data-status=derived]").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId("estimates").getByTestId("status-key").textContent()).resolves.toContain("Worked out by the planner");
    expect(await violations(page)).toEqual([]);

    await page.getByLabel("Apply it", { exact: true }).check();
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="estimate-result"]')?.textContent ?? "").includes("would add £544.08"));
    // 12 × £5,792.92 = £69,515.04 claimable with the 3.3% table.
    await expect(page.getByTestId("estimate-result").textContent()).resolves.toContain("£69,515.04");
    expect(errors).toEqual([]);
  }, 120_000);
});

describe("/rules: statuses with a key", () => {
  it("opens on 2026/27 with the GP maximum derived and its sum, the 2025/26 GP London figure derived, and a key; no axe violations", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/rules`, { waitUntil: "networkidle" });
    await expect(page.locator("h2").filter({ hasText: "2026/27" }).count()).resolves.toBeGreaterThan(0);
    const key = page.getByTestId("status-key");
    for (const label of ["Published", "Third party", "Derived", "Estimate", "Assumption", "Projection"]) await expect(key.textContent()).resolves.toContain(label);
    const gpRow = page.locator("tr", { hasText: "£152,900" }).first();
    await expect(gpRow.textContent()).resolves.toMatch(/Derived.*£118,759/);
    expect(await violations(page)).toEqual([]);
    await page.goto(`${baseUrl()}/rules?year=2025%2F26`, { waitUntil: "networkidle" });
    const gp2526 = page.locator("tr", { hasText: "£108,680" }).first();
    await expect(gp2526.textContent()).resolves.toMatch(/Third party \(national\) Derived \(London\)/);
  });
});
