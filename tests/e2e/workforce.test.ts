// Issue 16, items 4 and 5 in real Chromium: the planner's Workforce section (a stacked chart and a
// months × roles table of WTE and headcount, adding up to the year's average WTE in post), and the
// recruitment slip line once a time to fill is entered; axe on each new state; at 390 px the page
// never scrolls sideways (the table scrolls in its own box).
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, signIn } from "./browser";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const PCN = "UZ1021";
const POSTS = [
  { id: "cp", label: "Pharmacist leaving", role: "clinical-pharmacist", status: "existing", band: "7", point: 2, wte: 1, end: "2026-06-15" },
  { id: "para", label: "New paramedic", role: "paramedic", band: "7", point: 1, wte: 1, start: "2026-04-01" },
  { id: "ot", label: "New OT", role: "occupational-therapist", band: "7", point: 1, wte: 0.6, start: "2026-09-16" },
];

let browser: Browser;
const contexts: BrowserContext[] = [];
let url = "";
beforeAll(async () => {
  browser = await launchBrowser();
  const { page } = await open(1366, 900);
  const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: { name: "Workforce over time", firstYear: "2026/27", years: 2, posts: POSTS } });
  expect(r.status(), await r.text()).toBe(201);
  url = `${baseUrl()}/pcns/${PCN}/scenarios/${((await r.json()) as { id: string }).id}`;
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function open(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, DEMO_ACCOUNT);
  return { page, errors };
}

async function shot(page: Page, name: string) {
  if (process.env.LAYOUT_SHOTS) await page.screenshot({ path: `${process.env.LAYOUT_SHOTS}/${name}.png`, fullPage: true });
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })).violations;
  })) as { id: string; help: string; nodes: { target: string[] }[] }[];
  return found.map((v) => `${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

const section = (page: Page, name: string) => page.getByTestId("planner-sections").getByRole("link", { name, exact: true }).click();
const cellText = (page: Page, selector: string) => page.locator(selector).first().textContent();

describe("the Workforce section", () => {
  it("shows the chart and the months × roles table, adding up to the projection's average WTE; no axe violations", async () => {
    const { page, errors } = await open(1366, 900);
    await page.goto(url, { waitUntil: "networkidle" });
    await section(page, "Workforce");
    await page.waitForFunction(() => !document.getElementById("workforce")?.hidden);
    expect(page.url().endsWith("#workforce")).toBe(true);
    const chart = page.getByTestId("workforce-chart");
    await chart.locator("svg").first().waitFor();
    await expect(chart.getAttribute("data-months")).resolves.toBe("24");
    await expect(chart.getAttribute("data-roles")).resolves.toBe("3");
    await expect(chart.locator("[role=img]").getAttribute("aria-label")).resolves.toMatch(/^Chart of WTE in post by role, month by month, Apr 2026 to Mar 2028/);
    const table = page.getByTestId("workforce-table");
    await expect(table.locator("thead th[scope=colgroup]").allTextContents()).resolves.toEqual(["Clinical pharmacist", "Paramedic", "Occupational therapist (incl. First Contact OT)", "All roles"]);
    // June 2026: the pharmacist leaves on the 15th — 1.0 × 15 ÷ 30 = 0.50 WTE, headcount 0 on 30 June.
    const june = table.locator('tr[data-month="2026-06"] td');
    await expect(june.nth(0).textContent()).resolves.toBe("0.50");
    await expect(june.nth(1).textContent()).resolves.toBe("0");
    // September 2026: the OT joins on the 16th at 0.6 — 0.6 × 15 ÷ 30 = 0.30 WTE, in post on 30 September.
    const sept = table.locator('tr[data-month="2026-09"] td');
    await expect(sept.nth(4).textContent()).resolves.toBe("0.30");
    await expect(sept.nth(5).textContent()).resolves.toBe("1");
    // The year's average row: 0.2082 + 1.00 + 0.3238 = 1.5320 WTE, the projection's figure.
    const avg = table.locator('tr[data-average="2026/27"] td');
    await expect(avg.nth(0).textContent()).resolves.toBe("0.2082");
    await expect(avg.nth(6).textContent()).resolves.toBe("1.5320");
    expect(await violations(page)).toEqual([]);
    await shot(page, "workforce-desktop");
    await section(page, "Projection");
    await page.getByTestId("projection-table").waitFor();
    await expect(page.locator('[data-testid="projection-table"] tr[data-financial-year="2026/27"]').textContent()).resolves.toContain("1.5320 WTE");
    // No time to fill yet: the projection says how to see the slip.
    await expect(page.getByTestId("slip-none").textContent()).resolves.toContain("time to fill");
    expect(errors).toEqual([]);
  });

  it("at 390 px the page does not scroll sideways; the table scrolls in its own box", async () => {
    const { page, errors } = await open(390, 844);
    await page.goto(`${url}#workforce`, { waitUntil: "networkidle" });
    await page.getByTestId("workforce-chart").locator("svg").first().waitFor();
    const o = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="workforce-table"]')!.closest(".app-table-scroll") as HTMLElement;
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, boxScrolls: box.scrollWidth > box.clientWidth, boxWidth: box.getBoundingClientRect().right };
    });
    expect(o.page).toBe(0);
    expect(o.boxScrolls).toBe(true);
    expect(o.boxWidth).toBeLessThanOrEqual(390);
    expect(await violations(page)).toEqual([]);
    await shot(page, "workforce-phone");
    expect(errors).toEqual([]);
  });
});

describe("the recruitment slip line", () => {
  it("a time to fill adds a separate, labelled estimate line; the plan's figures stay; a bad value is refused in words", async () => {
    const { page, errors } = await open(1366, 900);
    await page.goto(`${url}#projection`, { waitUntil: "networkidle" });
    await page.getByTestId("projection-table").waitFor();
    const costBefore = await cellText(page, '[data-testid="projection-table"] tr[data-financial-year="2026/27"]');
    await section(page, "Assumptions");
    await page.getByLabel("Time to fill a proposed post (months)").fill("30");
    await expect(page.locator("#assumption-timeToFillMonths-error").textContent()).resolves.toContain("Time to fill must be a whole number of months from 0 to 24.");
    expect(await violations(page), "time to fill error").toEqual([]);
    await page.getByLabel("Time to fill a proposed post (months)").fill("4");
    await section(page, "Projection");
    const slip = page.getByTestId("slip-table");
    await slip.waitFor();
    await expect(slip.locator("caption").textContent()).resolves.toMatch(/^If recruitment takes 4 months: the money that slips \(not spent, not claimed\)\s*Estimate/);
    await expect(slip.locator("tbody tr").first().textContent()).resolves.toMatch(/^2026\/272£[\d,]+\.\d\d/);
    // The plan's own row is unchanged.
    await expect(cellText(page, '[data-testid="projection-table"] tr[data-financial-year="2026/27"]')).resolves.toBe(costBefore);
    expect(await violations(page)).toEqual([]);
    await shot(page, "slip-projection");
    await section(page, "Year in detail");
    await expect(page.getByTestId("summary-slip").textContent()).resolves.toMatch(/^If recruitment takes 4 months£[\d,]+\.\d\d of cost slips .*headroom freed £[\d,]+\.\d\d Estimate/);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
