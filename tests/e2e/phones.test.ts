// Phones (issue 14, item 12): no page scrolls sideways at 390 px — the optimiser (form and
// result), the PCN page's entitlement table, the quick estimate's result and chart, /rules — and
// the population-need inputs show their whole value ("32.2", not "3"; "1160", not "1"), on a
// phone and on a desktop (where the long unit beside the input used to crush it).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, E2E_EDITOR, launchBrowser, signIn } from "./browser";

const PHONE = 390;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: PHONE, height: 844 } });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, E2E_EDITOR);
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

/** The page's width, and what sticks out beyond the screen when it is too wide (for the message). */
async function pageWidth(p: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return p.evaluate((w) => {
    const wide: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      if (r.right > w + 1 && !el.closest(".app-table-scroll") && (!parent || parent.right <= w + 1)) wide.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 50)} (${Math.round(r.right)} px)`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8) };
  }, PHONE);
}

async function expectNoSidewaysScroll(p: Page, what: string) {
  const { scrollWidth, wide } = await pageWidth(p);
  expect(scrollWidth, `${what} is ${scrollWidth} px wide on a ${PHONE} px phone: ${wide.join(", ")}`).toBeLessThanOrEqual(PHONE);
}

/** Each /rules table row's height, with the row's name. */
async function rowHeights(p: Page): Promise<{ name: string; height: number }[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLTableRowElement>("main table tbody tr")].map((tr) => ({ name: tr.querySelector("th")?.textContent ?? "", height: Math.round(tr.getBoundingClientRect().height) })),
  );
}

/** Each population-need input whose value does not fit in it. */
async function clippedNeedInputs(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('[data-testid="population-need"] input[id^="need-"]')]
      .filter((i) => i.scrollWidth > i.clientWidth)
      .map((i) => `${i.id} = ${i.value} (${i.clientWidth} px box, ${i.scrollWidth} px of text)`),
  );
}

describe(`at ${PHONE} px wide`, () => {
  it("/rules scrolls its wide tables inside their own box, not the page", async () => {
    await page.goto(`${baseUrl()}/rules`, { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page, "/rules");
    // every table sits in a box that scrolls (and can be reached by keyboard)
    const bare = await page.evaluate(() => [...document.querySelectorAll("main table")].filter((t) => !t.closest(".app-table-scroll")).length);
    expect(bare).toBe(0);
  });

  it("/rules shows each rule as a compact card: name, values and status side by side, the source under them", async () => {
    await page.goto(`${baseUrl()}/rules?year=2026/27`, { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page, "/rules");
    // Five narrow columns made a cap row 449 px tall (905 px with two status tags) on a 390 px phone.
    const rows = await rowHeights(page);
    expect(rows.length).toBeGreaterThan(40);
    // Now: name, values, then status and source (the GP row's source runs to 8 lines: 287 px).
    expect(rows.filter((r) => r.height > 300), "rows taller than 300 px").toEqual([]);
    const sorted = rows.map((r) => r.height).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)], "the median row").toBeLessThanOrEqual(200);
    // Each value is labelled ("Outer London £79,043"), not left to column headings off screen.
    await expect(page.locator("main table td[data-label='Outer London']").first().evaluate((td) => getComputedStyle(td, "::before").content)).resolves.toBe('"Outer London "');
    // The tables are still tables to a screen reader (their headings are visually hidden, not gone).
    await expect(page.locator("main table thead th").first().textContent()).resolves.toBe("Figure");
  });

  it("the PCN page (entitlement table, population need) fits, and each need input shows its whole value", async () => {
    await page.goto(`${baseUrl()}/pcns/UZ1004`, { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page, "/pcns/UZ1004");
    await expect(page.locator(".app-table-scroll .app-entitlement-table").count()).resolves.toBe(1);
    await expect(page.locator("#need-fitNotesFemale").inputValue()).resolves.toBe("32.2");
    await expect(page.locator("#need-clinicalHoursPerWte").inputValue()).resolves.toBe("1160");
    expect(await clippedNeedInputs(page)).toEqual([]);
  });

  it("the quick estimate's result, with its chart, fits", async () => {
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page, "the quick estimate form");
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await page.getByTestId("monthly-chart").locator("svg.recharts-surface").first().waitFor();
    await expectNoSidewaysScroll(page, "the quick estimate's result");
    const chart = await page.getByTestId("monthly-chart").boundingBox();
    expect(chart!.x).toBeGreaterThanOrEqual(0);
    expect(chart!.x + chart!.width).toBeLessThanOrEqual(PHONE);
  });

  it("the optimiser, its form and its result, fits", async () => {
    await page.goto(`${baseUrl()}/pcns/UZ1012/scenarios/optimise`, { waitUntil: "networkidle" });
    await expectNoSidewaysScroll(page, "the optimiser's form");
    const c = page.locator("#cand-0");
    await c.getByLabel("Short name").fill("ot");
    await c.getByLabel("Role").selectOption("occupational-therapist");
    await c.getByLabel("Band").selectOption("7");
    await c.getByLabel("Pay point").fill("1");
    await c.getByLabel("WTE options").fill("0.5, 1");
    await c.getByLabel("Value per 1.0 WTE").fill("10");
    await c.getByLabel("At most (posts)").fill("3");
    await page.getByRole("button", { name: "Add a candidate" }).click();
    const d = page.locator("#cand-1");
    await d.getByLabel("Short name").fill("para");
    await d.getByLabel("Role").selectOption("paramedic");
    await d.getByLabel("Band").selectOption("7");
    await d.getByLabel("Pay point").fill("2");
    await d.getByLabel("WTE options").fill("0.6, 1");
    await d.getByLabel("Value per 1.0 WTE").fill("8");
    await d.getByLabel("At most (posts)").fill("2");
    await page.getByRole("button", { name: "Find the best mix" }).click();
    await page.getByTestId("optimiser-result").waitFor({ timeout: 60_000 });
    await expectNoSidewaysScroll(page, "the optimiser's result");
  });
});

describe("/rules on a desktop", () => {
  it("at 1366 px the rule tables keep their columns and headings", async () => {
    const p = await ctx.newPage();
    await p.setViewportSize({ width: 1366, height: 900 });
    await p.goto(`${baseUrl()}/rules?year=2026/27`, { waitUntil: "networkidle" });
    const layout = await p.evaluate(() => {
      const t = [...document.querySelectorAll("main table")][1]!;
      const head = t.querySelector("thead")!.getBoundingClientRect();
      const cells = [...t.querySelectorAll("tbody tr:first-child > *")].map((c) => Math.round(c.getBoundingClientRect().top));
      return { display: getComputedStyle(t).display, headHeight: Math.round(head.height), oneLine: new Set(cells).size === 1, cells: cells.length };
    });
    expect(layout).toEqual({ display: "table", headHeight: layout.headHeight, oneLine: true, cells: 5 });
    expect(layout.headHeight).toBeGreaterThan(20);
    await p.close();
  });
});

describe("population-need inputs on a desktop", () => {
  it.each([1024, 1366])("at %i px each need input shows its whole value", async (width) => {
    const p = await ctx.newPage();
    await p.setViewportSize({ width, height: 900 });
    await p.goto(`${baseUrl()}/pcns/UZ1004`, { waitUntil: "networkidle" });
    expect(await clippedNeedInputs(p)).toEqual([]);
    await p.close();
  });

  it("no page error on the way", () => {
    expect(errors).toEqual([]);
  });
});
