// Population need in real Chromium: a demo PCN's page shows the need for OT per group as a range,
// with every assumption, its status and source; changing an assumption (the GET form) changes the
// range, the address holds it (and the public page cache serves it back, overridden); the same
// page works without JavaScript; the planner's section keeps the assumptions per scenario and
// adds the central estimate as a post.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NEED_ASSUMPTIONS } from "@/lib/need";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, openPage, signIn } from "./browser";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

/** The total row's WTE cell: "0.70" central and "0.48 to 1.02" below it. */
async function totalWte(page: Page): Promise<{ central: number; low: number; high: number }> {
  const cell = page.locator('[data-testid="need-figures"] tr[data-need-group="total"] td').last();
  const t = `${await cell.locator("strong").textContent()}|${await cell.locator(".app-need-range").textContent()}`;
  const m = /^(\d+\.\d\d)\|(\d+\.\d\d)to(\d+\.\d\d)$/.exec(t.replace(/\s+/g, ""));
  if (!m) throw new Error(`unexpected total WTE cell: ${t}`);
  return { central: Number(m[1]), low: Number(m[2]), high: Number(m[3]) };
}

describe("population need on the PCN page", () => {
  it("shows the need per group as a range, with every assumption's value, range, status and source", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/pcns/UZ1004`, { waitUntil: "networkidle" });
    const section = page.getByTestId("population-need");
    await expect(section.getByRole("heading", { name: "Population need for occupational therapy" }).isVisible()).resolves.toBe(true);
    for (const name of ["Frail older adults", "Adults with a common mental health condition", "Working-age adults off work through ill health", "Total"]) {
      await expect(section.getByRole("rowheader", { name: new RegExp(name) }).first().isVisible()).resolves.toBe(true);
    }
    const t = await totalWte(page);
    expect(t.low).toBeLessThan(t.central);
    expect(t.central).toBeLessThan(t.high);
    // every assumption has a labelled input, and its status and source are on the page
    for (const a of NEED_ASSUMPTIONS) {
      const row = section.locator(`tr[data-assumption="${a.id}"]`);
      await expect(row.getByLabel(a.label, { exact: true }).inputValue()).resolves.toBe(String(a.value));
      await expect(row.textContent()).resolves.toContain(a.status === "sourced" ? "Sourced" : a.status === "derived" ? "Derived" : "Assumption");
    }
    await expect(section.textContent()).resolves.toContain("Collard et al. 2012");
    expect(errors).toEqual([]);
  });

  it("changing an assumption changes the range; the address holds it and the cached page serves it back", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/pcns/UZ1004`, { waitUntil: "networkidle" });
    const before = await totalWte(page);
    await page.getByLabel("Frail people an OT service sees in a year").fill("40");
    await page.getByTestId("need-recalculate").click();
    await page.waitForURL(/reachFrailty=40/);
    const after = await totalWte(page);
    expect(after.central).toBeGreaterThan(before.central);
    await expect(page.locator('tr[data-assumption="reachFrailty"]').textContent()).resolves.toMatch(/40 to 40%.*Changed/);
    const url = page.url();

    // A second visitor with the shared address, twice: rendered, then from the public page cache.
    const first = await fetch(url.replace(/#.*$/, ""));
    const second = await fetch(url.replace(/#.*$/, ""));
    expect(second.headers.get("x-arrs-page-cache")).toMatch(/^hit/);
    const html = await second.text();
    expect(html).toContain('value="40"');
    expect(html).toContain(`<strong>${after.central.toFixed(2)}</strong>`);
    expect(first.status).toBe(200);
    // and the page without the parameters still has the built-in figures
    const plain = await (await fetch(`${baseUrl()}/pcns/UZ1004`)).text();
    expect(plain).toContain(`<strong>${before.central.toFixed(2)}</strong>`);
    expect(errors).toEqual([]);
  });

  it("a bad value is reported in words, and the others still apply", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/pcns/UZ1004?reachFrailty=lots&reachWork=15#population-need`, { waitUntil: "networkidle" });
    const summary = page.locator(".nhsuk-error-summary");
    await expect(summary.textContent()).resolves.toMatch(/reachFrailty must be a number/);
    await expect(page.getByLabel("Frail people an OT service sees in a year").inputValue()).resolves.toBe("lots");
    await expect(page.locator('tr[data-assumption="reachWork"]').textContent()).resolves.toMatch(/Changed/);
  });

  it("works without JavaScript (a plain GET form)", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl()}/pcns/UZ1004`);
    const before = await totalWte(page);
    await page.getByLabel("Patient-facing hours per 1.0 WTE").fill("580");
    await page.getByTestId("need-recalculate").click();
    await page.waitForURL(/clinicalHoursPerWte=580/);
    const after = await totalWte(page);
    // half the hours per WTE: twice the WTE (to rounding)
    expect(Math.abs(after.central - 2 * before.central)).toBeLessThanOrEqual(0.02);
  });
});

describe("population need in the planner", () => {
  it("edits the assumptions per scenario, shows the OT WTE against the range, and adds the central estimate as a post", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, DEMO_ACCOUNT);
    await page.goto(`${baseUrl()}/pcns/UZ1007/scenarios`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Need-led OT");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await page.getByTestId("planner-summary").waitFor();
    await page.getByTestId("planner-sections").getByRole("link", { name: "Population need" }).click();
    await page.getByTestId("planner-need").waitFor();
    const need = page.getByTestId("planner-need");
    await expect(page.getByTestId("need-ot-wte").textContent()).resolves.toBe("0.00 WTE");

    // change an assumption: the figures recompute in the browser
    const before = await totalWte(page);
    await need.getByText("Population-need assumptions for this scenario").click();
    await need.getByLabel("Of the rest, people an OT service sees in a year").fill("30");
    await page.waitForFunction(
      (b) => {
        const cell = document.querySelector('[data-testid="need-figures"] tr[data-need-group="total"] td:last-child strong');
        return cell && Number(cell.textContent) > b;
      },
      before.central,
      { timeout: 10_000 },
    );
    const after = await totalWte(page);
    expect(after.central).toBeGreaterThan(before.central);

    // add the central estimate as posts; the OT WTE then equals the central estimate
    await page.getByTestId("need-add-post").click();
    await page.getByTestId("need-added").getByText(/Added/).waitFor();
    await page.waitForFunction((c) => document.querySelector('[data-testid="need-ot-wte"]')?.textContent === `${c.toFixed(2)} WTE`, after.central, { timeout: 10_000 });
    await expect(page.getByTestId("need-add-post").count()).resolves.toBe(0);
    await expect(page.getByTestId("planner-posts").textContent()).resolves.toContain("First Contact OT (population need)");
    // (the page stays on the population-need section; the posts table, hidden, has them)

    // saved with the scenario: reload and the assumption and posts are still there
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByTestId("save-status").getByText(/^Saved at/).waitFor({ timeout: 15_000 });
    await page.reload({ waitUntil: "networkidle" });
    await page.getByTestId("planner-summary").waitFor();
    await page.getByTestId("planner-sections").getByRole("link", { name: "Population need" }).click();
    await page.getByTestId("planner-need").waitFor();
    await expect(page.locator('[data-testid="planner-need"] tr[data-assumption="reachWork"]').textContent()).resolves.toMatch(/Changed/);
    await expect(page.getByTestId("need-ot-wte").textContent()).resolves.toBe(`${after.central.toFixed(2)} WTE`);
    expect(errors).toEqual([]);
  });

  it("compares the need with every year of the horizon and adds only what each year is missing (issue 14)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, DEMO_ACCOUNT);
    await page.goto(`${baseUrl()}/pcns/UZ1007/scenarios`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("OT from year 2");
    await page.getByLabel("First financial year").selectOption("2025/26");
    await page.getByRole("button", { name: "Create scenario" }).click();
    // The planner opens on its posts section (one section is shown at a time).
    await page.getByTestId("planner-summary").waitFor();
    // 1.0 WTE OT planned from year 2 (2026/27)
    await page.locator(".nhsuk-details__summary-text", { hasText: "Add posts from a CSV" }).click();
    await page.getByLabel("Paste the CSV").fill("label,role,band,point,wte,start\nPlanned OT,occupational-therapist,7,1,1,2026-04-01\n");
    await page.getByRole("button", { name: "Add posts from the pasted CSV" }).click();
    await page.getByText("Added 1 post from the CSV.").waitFor();
    await page.getByTestId("planner-sections").getByRole("link", { name: "Population need" }).click();
    await page.getByTestId("planner-need").waitFor();
    const years = page.getByTestId("need-ot-years");
    const wteOf = async () => (await years.locator("li strong").allTextContents()).map((t) => Number(t.replace(" WTE", "")));
    await page.waitForFunction(() => document.querySelector('[data-testid="need-ot-years"] li[data-year="2026/27"] strong')?.textContent === "1.00 WTE", undefined, { timeout: 10_000 });
    const before = await wteOf();
    expect(before).toEqual([0, 1, 1]);
    const { central, high } = await totalWte(page);
    // the button says which years miss what
    await expect(page.getByTestId("need-add-post").textContent()).resolves.toContain(`${central.toFixed(2)} WTE in 2025/26`);
    await page.getByTestId("need-add-post").click();
    await page.getByTestId("need-added").getByText(/Added/).waitFor();
    const expected = before.map((b) => Math.max(b, central));
    await page.waitForFunction(
      (want) => [...document.querySelectorAll('[data-testid="need-ot-years"] li strong')].map((e) => e.textContent).join("|") === want.map((w) => `${w.toFixed(2)} WTE`).join("|"),
      expected,
      { timeout: 10_000 },
    );
    // no year above the high end because of the added posts (year 2 went to 1 + central before)
    for (const w of await wteOf()) expect(w <= Math.max(high, 1)).toBe(true);
    expect(errors).toEqual([]);
  });
});
