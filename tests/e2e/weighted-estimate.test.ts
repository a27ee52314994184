// The PCN page shows an estimated weighted population with its 80% interval in words, and the
// entitlement's interval; a stored figure shows none (decision 014).
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

const count = (n: number) => Math.round(n).toLocaleString("en-GB");

describe("weighted-population estimate on the PCN page", () => {
  it("UZ1018 (nothing stored): 'estimate: N (80% interval L to H)', how it was found, and the entitlement's interval", async () => {
    const api = (await (await fetch(`${baseUrl()}/api/v1/pcns/UZ1018`)).json()) as {
      weightedPopulations: { financialYear: string; value: number; interval?: { low: number; high: number } }[];
    };
    // UZ1018: no test stores a figure for it (auth.test.ts imports one for UZ1003 2025/26, and
    // the files run in any order).
    const w = api.weightedPopulations.find((x) => x.financialYear === "2025/26")!;
    expect(w.interval, "UZ1018 2025/26 is an estimate").toBeDefined();
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/pcns/UZ1018`);
    const row = page.locator(`tr[data-financial-year="${w.financialYear}"]`);
    await expect(row.getByTestId("weighted-interval").textContent()).resolves.toBe(
      `estimate: ${count(w.value)} (80% interval ${count(w.interval!.low)} to ${count(w.interval!.high)})`,
    );
    await expect(page.getByTestId("interval-notes").textContent()).resolves.toMatch(/How the 80% intervals for 2023\/24, 2024\/25, 2025\/26, 2026\/27 were found: the 10th to 90th percentile of this method.s error when each of the \d+ fictional demo PCNs with a stored figure is estimated from the others/);
    await expect(row.getByTestId("entitlement-interval").textContent()).resolves.toMatch(/^80% interval £[\d,]+\.\d\d to £[\d,]+\.\d\d, from the weighted population's interval\.$/);
    expect(errors).toEqual([]);
  });

  it("UZ1001 2025/26 (ICB-confirmed): no interval", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/pcns/UZ1001`);
    const row = page.locator('tr[data-financial-year="2025/26"]');
    await expect(row.textContent()).resolves.toContain("ICB-confirmed");
    expect(await row.getByTestId("weighted-interval").count()).toBe(0);
    // Its estimated years (own ratio) do show one.
    expect(await page.locator('tr[data-financial-year="2026/27"]').getByTestId("weighted-interval").count()).toBe(1);
  });
});
