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

describe("home page quick estimate", () => {
  it("prices a First Contact OT from October and shows entitlement, claimable, PCN-funded, headroom and estimates", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    // First Contact OT is preselected.
    await expect(page.getByLabel("Role").inputValue()).resolves.toBe("occupational-therapist");
    // The form opens on today's financial year; the figures below are 2025/26's.
    await page.getByLabel("Financial year").selectOption("2025/26");
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    await page.getByLabel("Actual annual salary").check();
    await page.getByLabel("Annual salary (£, full-time, including any HCAS)").fill("47,810");
    // The NHS.UK date input: day, month and year boxes inside the "Start date" group.
    const start = page.getByRole("group", { name: "Start date" });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("10");
    await start.getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Calculate" }).click();
    const result = page.getByTestId("estimate-result");
    await result.waitFor();
    // 30,000 × £26.631 = £798,930.00
    await expect(page.getByTestId("entitlement").textContent()).resolves.toContain("£798,930.00");
    // £47,810 from October: 6 × £5,092.22 = £30,553.32 cost, all claimable under the cap.
    const row = page.getByTestId("posts-table").locator("tbody tr").first();
    await expect(row.textContent()).resolves.toContain("£30,553.32");
    // Headroom = 798,930.00 − 30,553.32 = 768,376.68
    await expect(page.getByTestId("headroom").textContent()).resolves.toContain("£768,376.68");
    // ... and it is labelled an estimate, as the figures behind it are (issue 14: it had no tag)
    await expect(page.getByTestId("headroom").locator(".app-estimate-tag").textContent()).resolves.toBe("Estimate");
    // The month-by-month chart: 6 months with claims (Oct–Mar) drawn as bars.
    await page.getByTestId("monthly-chart").locator("svg.recharts-surface").first().waitFor();
    expect(await page.getByTestId("monthly-chart").locator(".recharts-bar-rectangle path, .recharts-bar-rectangle").count()).toBeGreaterThanOrEqual(6);
    // The 2025/26 uplifted maxima are estimates and are flagged.
    await expect(page.getByTestId("estimates").textContent()).resolves.toContain("Maximum reimbursable amount");
    expect(errors).toEqual([]);
  });

  it("shows a clear error beside the field and keeps the user's input", async () => {
    const { page } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("WTE").fill("1.5");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    await expect(page.locator(".nhsuk-error-summary").textContent()).resolves.toContain("WTE cannot be more than 1.0");
    await expect(page.locator("#posts-0-wte-error").textContent()).resolves.toContain("WTE cannot be more than 1.0");
    await expect(page.getByLabel("WTE").inputValue()).resolves.toBe("1.5");
  });

  it("a start date after the chosen year is an error on the date and beside the summary, not £0.00 (issue 14)", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("Financial year").selectOption("2025/26");
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    const start = page.getByRole("group", { name: "Start date" });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("4");
    await start.getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    const message = "Start date 1 Apr 2026 is after 2025/26 ends (31 Mar 2026), so this post would cost £0.00.";
    await expect(page.locator(".nhsuk-error-summary").textContent()).resolves.toContain(message);
    await expect(page.locator("#posts-0-start-error").textContent()).resolves.toContain(message);
    // no result with £0.00 figures
    await expect(page.getByTestId("estimate-result").count()).resolves.toBe(0);
    // choosing the year it starts in prices it
    await page.getByLabel("Financial year").selectOption("2026/27");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await expect(page.locator("#posts-0-start-error").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it("adds a second post and prices a demo PCN chosen from the list", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/?pcn=UZ1001`, { waitUntil: "networkidle" });
    await expect(page.getByLabel("Choose a PCN").isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Add another post" }).click();
    await page.locator("#posts-1-role").selectOption("clinical-pharmacist");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await expect(page.getByTestId("posts-table").locator("tbody tr").count()).resolves.toBe(2);
    await expect(page.getByTestId("estimate-result").textContent()).resolves.toContain("ICB");
    // The radios still say what was submitted (React's form reset used to flip them back).
    await expect(page.getByLabel("Choose a PCN").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Enter a weighted population").isChecked()).resolves.toBe(false);
    await expect(page.locator("#posts-1-role").inputValue()).resolves.toBe("clinical-pharmacist");
    expect(errors).toEqual([]);
  });

  it("keeps 'Choose a PCN' chosen after Calculate when it was picked by hand", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("Choose a PCN").check();
    await page.getByLabel("PCN code").fill("UZ1001");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await expect(page.getByLabel("Choose a PCN").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("PCN code").inputValue()).resolves.toBe("UZ1001");
    expect(errors).toEqual([]);
  });

  it("a date that does not exist is reported beside the date input", async () => {
    const { page } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    const start = page.getByRole("group", { name: "Start date" });
    await start.getByLabel("Day").fill("31");
    await start.getByLabel("Month").fill("9");
    await start.getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.locator("#posts-0-start-error").waitFor();
    await expect(page.locator("#posts-0-start-error").textContent()).resolves.toContain("Start date must be a real date");
    await expect(page.locator(".nhsuk-error-summary").textContent()).resolves.toContain("Start date must be a real date");
    await expect(start.getByLabel("Day").inputValue()).resolves.toBe("31");
  });

  it("an unknown PCN code gets a clear message beside the field", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/?pcn=UZ1001`, { waitUntil: "networkidle" });
    await page.getByLabel("PCN code").fill("UZ9999");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.locator("#pcn-code-error").waitFor();
    await expect(page.locator("#pcn-code-error").textContent()).resolves.toContain("No PCN with code UZ9999");
    await expect(page.getByLabel("PCN code").inputValue()).resolves.toBe("UZ9999");
  });
});
