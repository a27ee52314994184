import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("home page", () => {
  it("serves the home page with the NHS look and no errors", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("ARRS");
    const headerColour = await page.locator("header.nhsuk-header").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe("rgb(0, 94, 184)"); // NHS blue: nhsuk-frontend CSS is loaded
    expect(errors).toEqual([]);
  });

  it("finds a PCN by member practice as you type and opens its page", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("Search for a PCN").pressSequentially("Saltmarsh Surg", { delay: 20 });
    const link = page.getByRole("link", { name: "SALTMARSH DEMO PCN" });
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await page.waitForURL(/\/pcns\/UZ1017$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("SALTMARSH DEMO PCN");
    expect(errors).toEqual([]);
  });
});
