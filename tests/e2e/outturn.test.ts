// Plan against actual in real Chromium (issue 17, items 3–5): the demo account's agreed plan and
// April–June claims (written straight into the e2e database: the claims API is another item), the
// outturn page with its chart and tables, the forecast return downloaded and checked against the
// API's forecast, axe at 1366 and 390 px (no sideways scrolling), and an outsider's 404.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { createApiToken, createUser } from "@/lib/server/auth/users";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { formatPounds } from "@/lib/format";
import { baseUrl, launchBrowser, signIn, violations } from "./browser";
import { addClaimMonth, savePlan, watchedPage } from "./plans";

const PCN = "UZ1022";
const FY = "2026/27";
const root = path.resolve(import.meta.dirname, "../..");
let db: Db;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];
let outsiderToken: string;
let api: any;

const OT = { id: "ot-1", label: "First Contact OT", role: "occupational-therapist", annualSalary: 60_000, wte: 1 };
const CP = { id: "cp", label: "Pharmacist", role: "clinical-pharmacist", status: "existing", annualSalary: 52_000, wte: 0.8 };

beforeAll(async () => {
  db = createPrisma(`file:${path.join(root, "data/e2e.db")}`);
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page = await watchedPage(ctx, errors);
  await signIn(page, DEMO_ACCOUNT);
  const scenario = await savePlan(page, db, PCN, { name: "Agreed with the ICB", firstYear: FY, years: 1, posts: [OT, CP] }, new Date());
  const planned = (id: string, month: string) => Math.round(scenario.results.years[0]!.posts.find((p) => p.id === id)!.months.find((m) => m.month === month)!.claimable * 100);
  // April: £100.00 under plan, paid; May: £50.25 over, submitted; June: as planned plus a locum not in the plan.
  const months: [string, number, string][] = [
    ["2026-04", -10_000, "paid"],
    ["2026-05", 5_025, "submitted"],
    ["2026-06", 0, "submitted"],
  ];
  for (const [month, delta, status] of months) {
    const lines = [
      { postId: "ot-1", label: "First Contact OT", role: "occupational-therapist", wteTenThousandths: 10_000, pence: planned("ot-1", month) + delta },
      { postId: "cp", label: "Pharmacist", role: "clinical-pharmacist", wteTenThousandths: 8_000, pence: planned("cp", month) },
      ...(month === "2026-06" ? [{ postId: null, label: "Locum OT", role: "occupational-therapist", wteTenThousandths: 5_000, pence: 120_000 }] : []),
    ];
    await addClaimMonth(db, PCN, month, status, lines, status === "paid" ? "2026-06-15" : null);
  }
  const outsider = await createUser(db, { email: "outturn-outsider@example.nhs.uk", name: "Out Sider", password: "a-long-password" });
  outsiderToken = (await createApiToken(db, outsider.email)).token;
  const j = await page.request.get(`${baseUrl()}/api/v1/pcns/${PCN}/outturn?year=2026/27`);
  expect(j.status()).toBe(200);
  api = await j.json();
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await db?.$disconnect();
});

describe("the outturn page", () => {
  it("is linked from the PCN page and shows the headline, the chart and the tables", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}`);
    await page.getByTestId("outturn-link").click();
    await page.waitForURL(/\/outturn/);
    await page.goto(`${baseUrl()}/pcns/${PCN}/outturn?year=2026%2F27`, { waitUntil: "networkidle" });
    await expect(page.getByTestId("outturn-agreed").textContent()).resolves.toContain("Agreed with the ICB");
    // The headline's forecast is the API's, and labelled an estimate.
    const forecast = await page.getByTestId("outturn-forecast").textContent();
    expect(forecast).toContain(formatPounds(api.forecast.claims));
    expect(forecast).toContain("Estimate");
    expect(await page.getByTestId("outturn-unclaimed").textContent()).toContain(formatPounds(api.forecast.unclaimed));
    // The chart draws three lines and the entitlement.
    await page.getByTestId("outturn-chart").locator("svg .recharts-line").first().waitFor();
    expect(await page.getByTestId("outturn-chart").locator("svg .recharts-line").count()).toBe(3);
    expect(await page.getByTestId("outturn-chart").textContent()).toContain("Entitlement");
    // May's variance +£50.25; a locum not in the plan has their own row.
    const may = page.getByTestId("outturn-months").getByRole("row", { name: /May 2026/ });
    expect(await may.textContent()).toContain("+£50.25");
    expect(await page.getByTestId("outturn-posts").textContent()).toContain("Locum OT (not in the agreed plan)");
    expect(await page.getByTestId("outturn-unpaid").textContent()).toContain("Days waiting");
    expect(errors).toEqual([]);
  });

  it("downloads the forecast return, whose total is the API's forecast", async () => {
    const [d] = (await Promise.all([page.waitForEvent("download"), page.getByTestId("download-forecast-xlsx").click()])) as [Download, unknown];
    expect(d.suggestedFilename()).toBe("Forecast-return-UZ1022-2026-27.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await d.path())!) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Forecast return")!;
    let total: { formula: string; result: number } | null = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Total") total = row.getCell(4).value as { formula: string; result: number };
    });
    expect(total!.formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
    expect(total!.result).toBe(api.forecast.claims);
  });

  it.each([1366, 390])("has no axe violations and no sideways scrolling at %i px", async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${baseUrl()}/pcns/${PCN}/outturn?year=2026%2F27`, { waitUntil: "networkidle" });
    await page.getByTestId("outturn-chart").locator("svg").first().waitFor();
    expect(await violations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("a PCN without an agreed plan says what to do, and passes axe", async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    // UZ1027: a demo PCN no other browser test plans for (UZ1021 is the claims test's, which agrees a plan there).
    await page.goto(`${baseUrl()}/pcns/UZ1027/outturn`, { waitUntil: "networkidle" });
    expect(await page.getByTestId("outturn-no-plan").textContent()).toContain("mark it as the agreed plan");
    expect(await violations(page)).toEqual([]);
  });

  it("someone outside the PCN gets 404 from the API", async () => {
    const r = await fetch(`${baseUrl()}/api/v1/pcns/${PCN}/outturn?year=2026/27`, { headers: { authorization: `Bearer ${outsiderToken}` } });
    expect(r.status).toBe(404);
    const f = await fetch(`${baseUrl()}/api/v1/pcns/${PCN}/forecast-return.csv?year=2026/27`, { headers: { authorization: `Bearer ${outsiderToken}` } });
    expect(f.status).toBe(404);
  });
});
