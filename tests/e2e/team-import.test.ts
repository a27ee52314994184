// Bring in your team from a spreadsheet (issue 16, item 1) in real Chromium: from the planner to
// the import page, a payroll-style CSV with a column it does not know, the column mapped, a bad
// row shown in words (nothing can be added), the good file's preview, "Add these posts", and the
// posts in the planner. axe (WCAG 2.2 AA) on each state.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, signIn, violations } from "./browser";


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


const HEADER = "Staff Name,Job Title,AfC Band,Spine Point,Basic Salary (FTE),Weekly hrs,Date Started,Cost centre";
const GOOD = [HEADER, "A. Patel,Clinical Pharmacist,Band 7,2,,37.5,01/10/2024,CC1", 'C. Smith,SPLW,,,"£27,485.50",30,1 Oct 2024,CC2'].join("\n");
const BAD = GOOD.replace("SPLW,,,\"£27,485.50\",30,", "SPLW,,,\"£27,485.50\",45,");

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

describe("bring in your team from a spreadsheet", () => {
  it("upload, map an unknown column, see a bad row in words, then the preview, and add the posts", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, DEMO_ACCOUNT);
    await page.goto(`${baseUrl()}/pcns/UZ1023/scenarios`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Our team from payroll");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await page.waitForURL(/\/pcns\/UZ1023\/scenarios\/[A-Za-z0-9_-]+$/);
    const plannerUrl = page.url();
    await page.getByTestId("planner-summary").waitFor();
    const rowsBefore = await page.getByTestId("planner-posts").locator("tbody tr[data-post-key]").count();

    await page.getByRole("link", { name: "Bring in your team from a spreadsheet" }).click();
    await page.waitForURL(/\/import$/);
    await page.getByRole("heading", { name: "Bring in your team from a spreadsheet" }).waitFor();
    expect(await violations(page)).toEqual([]);

    // A file with a column it does not know: asked to map it; nothing can be added yet.
    await page.getByLabel("Your staff spreadsheet (CSV or Excel .xlsx)").setInputFiles(csvFile("payroll.csv", BAD));
    await page.getByTestId("unmapped-columns").waitFor();
    const add = page.getByRole("button", { name: "Add these posts" });
    expect(await add.isDisabled()).toBe(true);
    expect(await page.getByTestId("import-issues").textContent()).toContain('Column F "Weekly hrs" is not one we recognise');
    expect(await violations(page)).toEqual([]);

    await page.getByLabel("What does the column “Weekly hrs” hold?").selectOption("hoursPerWeek");
    await page.getByLabel("What does the column “Cost centre” hold?").selectOption("ignore");
    // The bad row, named with its row number and column, in words.
    await page.getByTestId("import-issues").getByText("Row 2, Weekly hrs: 45 is more than full time (37.5 hours a week = 1.0 WTE)", { exact: false }).waitFor();
    expect(await add.isDisabled()).toBe(true);
    expect(await violations(page)).toEqual([]);

    // The corrected file: the mapping is remembered; every post previewed; add them.
    await page.getByLabel("Your staff spreadsheet (CSV or Excel .xlsx)").setInputFiles(csvFile("payroll-fixed.csv", GOOD));
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-preview"] tbody tr').length === 2 && !document.querySelector('[data-testid="import-issues"]'));
    const previewText = (await preview.textContent()) ?? "";
    expect(previewText).toContain("A. Patel");
    expect(previewText).toContain("Band 7, point 2");
    expect(previewText).toContain("£27,485.50 a year full-time");
    expect(previewText).toContain("30 hours a week (0.80 WTE)"); // 30 hours / 37.5, kept as hours (issue 15)
    expect(previewText).toContain("1 Oct 2024");
    expect(await add.isDisabled()).toBe(false);
    expect(await violations(page)).toEqual([]);

    await add.click();
    await page.waitForURL(plannerUrl);
    await page.getByTestId("planner-summary").waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="planner-posts"] tbody tr[data-post-key]').length === n, rowsBefore + 2);
    const labels = await page.getByTestId("planner-posts").locator("tbody input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(labels).toEqual(expect.arrayContaining(["A. Patel", "C. Smith"]));
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
