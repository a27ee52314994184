// The ICB's view in real Chromium (issue 18, items 2–3): an ICB viewer (not a member of any PCN)
// signs in, finds the ICB from the header, sees every PCN of QZA with a plan agreed in one of them,
// the chart and the months table, sorts by forecast unclaimed with plain links, follows a PCN to
// its outturn, downloads the ICB's return (its total the API's forecastClaims), axe at 1366 and 390
// px with no sideways scrolling; another ICB is "not found".
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPounds } from "@/lib/format";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantIcbMembership } from "@/lib/server/auth/memberships";
import { createUser } from "@/lib/server/auth/users";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { baseUrl, E2E_EDITOR, launchBrowser, signIn, violations } from "./browser";
import { addClaimMonth, savePlan, watchedPage } from "./plans";

const FY = "2026/27";
const VIEWER = { email: "icb-viewer-e2e@example.nhs.uk", password: "icb-viewer-password" };
const root = path.resolve(import.meta.dirname, "../..");
let db: Db;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];
let api: any;
let planned: string;

beforeAll(async () => {
  db = createPrisma(`file:${path.join(root, "data/e2e.db")}`);
  browser = await launchBrowser();
  // An editor (of every demo PCN) agrees a plan in a QZA PCN that no other test uses, with April's claim.
  const taken = new Set((await db.claimMonth.findMany({ select: { pcnCode: true } })).map((m) => m.pcnCode));
  const pcn = (await db.pcn.findMany({ where: { icbCode: "QZA" }, select: { code: true }, orderBy: { code: "desc" } })).find((p) => !taken.has(p.code) && p.code !== "UZ1021" && p.code !== "UZ1022")!;
  planned = pcn.code;
  const editorCtx = await browser.newContext();
  const editor = await editorCtx.newPage();
  await signIn(editor, E2E_EDITOR);
  const posts = [{ id: "cp", label: "Pharmacist", role: "clinical-pharmacist", status: "existing", annualSalary: 52_000, wte: 1 }];
  await savePlan(editor, db, planned, { name: "ICB e2e agreed plan", firstYear: FY, years: 1, posts }, new Date("2026-03-31T12:00:00Z"));
  await savePlan(editor, db, planned, { name: "ICB e2e draft", firstYear: FY, years: 1, posts });
  await addClaimMonth(db, planned, "2026-04", "paid", [{ postId: "cp", label: "Pharmacist", role: "clinical-pharmacist", wteTenThousandths: 10_000, salaryPence: 300_000, pence: 412_345 }], "2026-05-20");
  await editorCtx.close();

  await createUser(db, { email: VIEWER.email, name: "Ivy Viewer", password: VIEWER.password });
  await grantIcbMembership(db, COMMAND_LINE, { email: VIEWER.email, icbCode: "QZA", role: "icb-viewer" });
  ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page = await watchedPage(ctx, errors);
  await signIn(page, VIEWER);
  const j = await page.request.get(`${baseUrl()}/api/v1/icbs/QZA/outturn?year=2026/27`);
  expect(j.status()).toBe(200);
  api = await j.json();
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await db?.$disconnect();
});

describe("the ICB page", () => {
  it("is linked from the header; shows every PCN, the agreed plan, the headline, the chart and the months", async () => {
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId("nav-icb").first().click();
    await page.waitForURL(/\/icbs\/QZA/);
    await page.goto(`${baseUrl()}/icbs/QZA?year=2026%2F27`, { waitUntil: "networkidle" });
    expect(await page.getByTestId("icb-pcn-row").count()).toBe(api.pcns.length);
    const row = page.locator(`[data-testid="icb-pcn-row"][data-code="${planned}"]`);
    expect(await row.textContent()).toContain("ICB e2e agreed plan");
    expect(await page.getByTestId("icb-pcns").textContent()).not.toContain("ICB e2e draft");
    const forecast = await page.getByTestId("icb-forecast").textContent();
    expect(forecast).toContain(formatPounds(api.totals.forecastClaims));
    expect(forecast).toContain("Estimate");
    expect(await page.getByTestId("icb-claimed").textContent()).toContain(formatPounds(api.totals.claimedToDate));
    // The unclaimed total counts the PCNs without an agreed plan at their whole entitlement: the page says how much that is.
    const without = api.pcns.filter((p: { agreedScenario: unknown }) => !p.agreedScenario);
    const withoutPence = without.reduce((t: number, p: { forecastUnclaimed: number }) => t + Math.round(p.forecastUnclaimed * 100), 0);
    expect(await page.getByTestId("icb-unclaimed").textContent()).toContain(`Includes ${formatPounds(withoutPence / 100)}: the whole entitlement of the ${without.length} PCNs without an agreed plan`);
    await page.getByTestId("icb-chart").locator("svg .recharts-bar-rectangle").first().waitFor();
    expect(await page.getByTestId("icb-chart").locator("svg .recharts-bar").count()).toBe(2);
    const april = page.getByTestId("icb-months").getByRole("row", { name: /Apr 2026/ });
    expect(await april.textContent()).toContain(formatPounds(api.months[0].claimed));
    expect(errors).toEqual([]);
  });

  it("sorts by forecast unclaimed and filters to PCNs without an agreed plan, with plain links", async () => {
    await page.getByTestId("icb-sort-unclaimed").click();
    await page.waitForURL(/sort=unclaimed/);
    const cells = await page.getByTestId("icb-pcn-unclaimed").allTextContents();
    // PCNs with an agreed plan first, largest forecast unclaimed first; those without a plan after,
    // saying "Not forecast" rather than their whole entitlement as if it were a forecast loss.
    const withPlan = api.pcns.filter((p: any) => p.agreedScenario).sort((a: any, b: any) => b.forecastUnclaimed - a.forecastUnclaimed);
    expect(withPlan.length).toBeGreaterThan(0);
    expect(cells[0]).toBe(formatPounds(withPlan[0].forecastUnclaimed));
    expect(cells.slice(withPlan.length).every((c) => c.startsWith("Not forecast"))).toBe(true);
    expect(cells.length).toBeGreaterThan(withPlan.length);
    await page.getByTestId("icb-filter-no-plan").click();
    await page.waitForURL(/filter=no-plan/);
    expect(page.url()).toContain("sort=unclaimed");
    const codes = await page.locator('[data-testid="icb-pcn-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
    expect(codes).not.toContain(planned);
    expect(codes.length).toBe(api.pcns.filter((p: any) => !p.agreedScenario).length);
  });

  it("downloads the return, whose total is the API's forecast claims", async () => {
    await page.goto(`${baseUrl()}/icbs/QZA?year=2026%2F27`, { waitUntil: "networkidle" });
    const [d] = (await Promise.all([page.waitForEvent("download"), page.getByTestId("download-icb-xlsx").click()])) as [Download, unknown];
    expect(d.suggestedFilename()).toBe("Forecast-return-QZA-2026-27.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await d.path())!) as unknown as ArrayBuffer);
    let total: { formula: string; result: number } | null = null;
    wb.getWorksheet("Forecast return")!.eachRow((r) => {
      if (r.getCell(1).value === "Total") total = r.getCell(6).value as { formula: string; result: number };
    });
    expect(Math.round(total!.result * 100)).toBe(Math.round(api.totals.forecastClaims * 100));
  });

  it("a PCN links to its outturn (the viewer is not the PCN's member: it says so)", async () => {
    await page.locator(`[data-testid="icb-pcn-row"][data-code="${planned}"] a`).first().click();
    await page.waitForURL(new RegExp(`/pcns/${planned}/outturn\\?year=2026%2F27`));
    // The PCN's page links its ICB's name to the ICB's view for those who can read it.
    await page.goto(`${baseUrl()}/pcns/${planned}`);
    expect(await page.getByTestId("pcn-icb-link").getAttribute("href")).toBe("/icbs/QZA");
  });

  it.each([1366, 390])("has no axe violations and no sideways scrolling at %i px", async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${baseUrl()}/icbs/QZA?year=2026%2F27&sort=unclaimed`, { waitUntil: "networkidle" });
    await page.getByTestId("icb-chart").locator("svg").first().waitFor();
    expect(await violations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("another ICB is not found, for the page and the API", async () => {
    const r = await page.goto(`${baseUrl()}/icbs/QZB`);
    expect(r?.status()).toBe(404);
    expect((await page.request.get(`${baseUrl()}/api/v1/icbs/QZB/outturn`)).status()).toBe(404);
  });
});
