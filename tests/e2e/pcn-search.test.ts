// /pcns: search as you type, open a PCN, see its page; enter an ICB-confirmed weighted population.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, E2E_EDITOR, launchBrowser, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("PCN search and PCN page", () => {
  it("finds a PCN as you type, shows its page, and saves an ICB-confirmed figure", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/pcns`);
    await page.locator('.app-pcn-search[data-ready="true"]').waitFor(); // hydrated
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Find a Primary Care Network");

    // Search as you type (no submit).
    const box = page.getByLabel("Find a PCN");
    await box.pressSequentially("oakfi", { delay: 30 });
    const result = page.getByRole("link", { name: "OAKFIELD DEMO PCN" });
    await result.waitFor({ timeout: 10_000 });
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("1 PCN match");
    expect(page.url()).toContain("/pcns?q=oakfi");

    // A member practice's name finds its PCN too, and says why.
    await box.fill("");
    await box.pressSequentially("pennywell surg", { delay: 20 });
    await page.getByText(/Matched: member practice Pennywell Surgery \(Demo\)/).waitFor({ timeout: 10_000 });
    await box.fill("");
    await box.pressSequentially("oakfi", { delay: 20 });
    await result.waitFor();

    await result.click();
    await page.waitForURL(/\/pcns\/UZ1002$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("OAKFIELD DEMO PCN");
    await expect(page.getByText("Primary Care Network UZ1002").textContent()).resolves.toContain("NHS Avonmere Demo Integrated Care Board");
    // The age chart's key lists Male then Female, as the bars and the table do (it was Female first).
    const ageKey = page.locator(".app-pcn-chart", { has: page.locator("#age-profile-caption") }).locator(".recharts-legend-item-text");
    await ageKey.first().waitFor();
    await expect(ageKey.allTextContents()).resolves.toEqual(["Male", "Female"]);

    // Practices table, sortable by list size.
    const table = page.locator("table.app-practices-table");
    await expect(table.locator("tbody tr").count()).resolves.toBeGreaterThanOrEqual(3);
    const sizeHeader = table.locator("th", { has: page.getByRole("button", { name: /Registered patients/ }) });
    await table.getByRole("button", { name: /Registered patients/ }).click();
    await expect(sizeHeader.getAttribute("aria-sort")).resolves.toBe("descending");
    const sizes = (await table.locator("tbody tr td:nth-child(3)").allTextContents()).map((t) => Number(t.replace(/,/g, "")));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

    // Charts (recharts svg) and estimate tags.
    const charts = page.locator(".app-pcn-chart__canvas");
    expect(await charts.count()).toBe(2); // age profile, entitlement
    for (const i of [0, 1]) await charts.nth(i).locator("svg.recharts-surface").first().waitFor({ timeout: 10_000 });
    expect(await charts.nth(1).locator(".recharts-bar-rectangle").count()).toBe(4); // one bar per financial year
    expect(await page.locator(".nhsuk-tag", { hasText: "Estimate" }).count()).toBeGreaterThanOrEqual(3);
    const row2526 = page.locator('tr[data-financial-year="2025/26"]');
    await expect(row2526.textContent()).resolves.toContain("Estimate");
    // the Estimate tag, then how it was found (no second "estimate:" after the tag)
    await expect(row2526.locator("td").nth(1).textContent()).resolves.toMatch(/^Estimate58,402 registered patients \(1 Jan 2025\) × 1\.1023/);
    await expect(page.getByRole("link", { name: "Plan posts for this PCN" }).getAttribute("href")).resolves.toBe("/pcns/UZ1002/scenarios");
    await expect(page.getByRole("link", { name: "Quick estimate for this PCN" }).getAttribute("href")).resolves.toBe("/?pcn=UZ1002");

    // Only editors can enter the figure: sign in from the link, come back to the form.
    await page.getByRole("link", { name: "Sign in as an editor" }).click();
    await page.getByLabel("Email address").fill(E2E_EDITOR.email);
    await page.getByLabel("Password").fill(E2E_EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/pcns\/UZ1002/);
    await expect(page.getByTestId("signed-in").textContent()).resolves.toBe(E2E_EDITOR.name);

    // Bad value: error summary, nothing changed.
    const form = page.locator('form.app-confirmed-form[data-ready="true"]');
    await form.waitFor(); // hydrated
    await form.getByLabel("Financial year", { exact: true }).selectOption("2025/26");
    await form.getByLabel("Weighted population", { exact: true }).fill("64000.125");
    await form.getByLabel("Source", { exact: true }).fill("ICB letter 14 Feb 2025");
    await form.getByRole("button", { name: "Save ICB-confirmed figure" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.waitFor({ timeout: 10_000 });
    await expect(summary.textContent()).resolves.toContain("There is a problem");
    await expect(summary.textContent()).resolves.toContain("at most 2 decimal places");
    await expect(page.locator("#wp-value-error").textContent()).resolves.toContain("at most 2 decimal places");
    await expect(page.evaluate(() => document.activeElement?.classList.contains("nhsuk-error-summary"))).resolves.toBe(true);
    await expect(row2526.textContent()).resolves.toContain("Estimate");
    // The typed values are kept for correcting.
    await expect(form.getByLabel("Source", { exact: true }).inputValue()).resolves.toBe("ICB letter 14 Feb 2025");

    // Good value: shows as ICB-confirmed.
    await form.getByLabel("Weighted population", { exact: true }).fill("64,000.25");
    await form.getByRole("button", { name: "Save ICB-confirmed figure" }).click();
    await page.getByText("Saved. The ICB-confirmed weighted population for 2025/26 is now 64,000.25.").waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('tr[data-financial-year="2025/26"]')?.textContent?.includes("ICB-confirmed"));
    const confirmedRow = await row2526.textContent();
    expect(confirmedRow).toContain("64,000.25");
    expect(confirmedRow).toContain("ICB-confirmed figure (ICB letter 14 Feb 2025), entered by E2E Editor");
    // 64,000.25 × £26.631 = £1,704,390.66 (1,704,390.657… half up); rate published, figure confirmed.
    expect(confirmedRow).toContain("£1,704,390.66");
    expect(confirmedRow).not.toContain("Estimate");
    expect(await page.locator(".nhsuk-error-summary").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("works without JavaScript: the GET form renders results on the server", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/pcns`);
    await page.getByLabel("Find a PCN").fill("brackenfold");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/pcns\?q=brackenfold/);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("4 PCNs match");
    await expect(page.getByRole("link", { name: "MILLBROOK DEMO PCN" }).count()).resolves.toBe(1);
    // Unknown code → 404. (Next 16 sends the not-found UI in the RSC payload, drawn by React,
    // so its text is checked in the next test with JavaScript on.)
    const res = await page.goto(`${baseUrl()}/pcns/UZ9999`);
    expect(res?.status()).toBe(404);
    await context.close();
  });

  it("shows a not-found page for an unknown PCN code", async () => {
    const { page, errors } = await openPage(browser);
    const res = await page.goto(`${baseUrl()}/pcns/UZ9999`);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "PCN not found" }).waitFor({ timeout: 10_000 });
    await expect(page.getByRole("link", { name: /Search for the PCN/ }).getAttribute("href")).resolves.toBe("/pcns");
    expect(errors).toEqual([]);
  });
});
