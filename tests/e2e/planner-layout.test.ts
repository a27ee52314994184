// The planner's layout in real Chromium with an 18-post scenario (issue 14 item 10): at
// 1366×900 the posts table's main columns and row actions fit with no sideways scrolling; on a
// 390 px phone each post is a card and the page never scrolls sideways; the section links move
// between sections (address fragment, aria-current) while the headline figures stay in view.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, signIn } from "./browser";

const PCN = "UZ1012";
const ROLES = ["clinical-pharmacist", "occupational-therapist", "first-contact-physiotherapist", "social-prescribing-link-worker", "paramedic", "dietitian"];
const POSTS = Array.from({ length: 18 }, (_, i) => ({
  id: `p${i + 1}`,
  label: `Post number ${i + 1} with a long label`,
  status: i % 3 ? "proposed" : "existing",
  role: ROLES[i % ROLES.length],
  band: "7",
  point: 1,
  wte: 1,
  start: "2025-10-01",
}));

let browser: Browser;
const contexts: BrowserContext[] = [];
let url = "";
beforeAll(async () => {
  browser = await launchBrowser();
  const { page } = await open(1366, 900);
  const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: { name: "Eighteen posts", firstYear: "2025/26", years: 3, posts: POSTS } });
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
  if (process.env.LAYOUT_SHOTS) await page.screenshot({ path: `${process.env.LAYOUT_SHOTS}/${name}.png`, fullPage: false });
}

/** Sideways overflow of the page and of the posts table's scroll box, in px. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-testid="planner-posts"]')?.closest(".app-table-scroll") as HTMLElement | null;
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: box ? box.scrollWidth - box.clientWidth : -1 };
  });

/** Whether the element lies fully inside the viewport horizontally. */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length > 0 && els.every((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.right <= document.documentElement.clientWidth;
    });
  }, selector);

describe("planner layout", () => {
  it("at 1366×900 with 18 posts the posts table's start date, cost and row actions are in view, with no sideways scrolling", async () => {
    const { page, errors } = await open(1366, 900);
    await page.goto(url, { waitUntil: "networkidle" });
    await page.getByTestId("planner-posts").waitFor();
    await expect(page.getByTestId("planner-posts").locator("tbody tr[data-post-key]").count()).resolves.toBe(18);
    expect(await overflow(page)).toEqual({ page: 0, table: 0 });
    for (const sel of ["td.app-posts-table__start", "td.app-posts-table__cost", "td.app-posts-table__actions", "td.app-posts-table__label"]) expect(await inView(page, sel), sel).toBe(true);
    await shot(page, "desktop-posts");
    // A row's other fields open under it ("More"), labelled, and close again.
    const more = page.getByRole("button", { name: /^More about post 3/ });
    await more.click();
    // The same button now reads "Less about post 3" (so the "More" locator no longer finds it).
    await expect(page.getByRole("button", { name: /^Less about post 3/ }).getAttribute("aria-expanded")).resolves.toBe("true");
    await page.getByLabel(/^Band, post 3/).waitFor();
    await expect(page.getByLabel(/^Area, post 3/).isVisible()).resolves.toBe(true);
    expect(await overflow(page)).toEqual({ page: 0, table: 0 });
    await shot(page, "desktop-more");
    await page.getByRole("button", { name: /^Less about post 3/ }).click();
    await expect(page.getByLabel(/^Band, post 3/).isVisible()).resolves.toBe(false);
    // The CSV import's column list stays inside its box (it ran 90 px past it at 1366 px).
    await page.getByText("Add posts from a CSV (paste or upload)").click();
    const csv = await page.getByTestId("csv-columns").evaluate((code) => {
      const box = code.closest(".nhsuk-details__text")!.getBoundingClientRect();
      const r = code.getBoundingClientRect();
      return { text: code.textContent, inside: r.right <= box.right && r.left >= box.left };
    });
    expect(csv).toEqual({ text: "label,role,status,band,point,annualSalary,wte,area,start,end,mhpFunding,nextPayStep,roadmap,sessions,hoursPerWeek,roleName,maxReimbursableAnnual,employedInLast12Months,moreSeniorRole,expectedStart", inside: true });
    expect(await overflow(page)).toEqual({ page: 0, table: 0 });
    expect(errors).toEqual([]);
  });

  it("at 390 px each post is a card and the page does not scroll sideways", async () => {
    const { page, errors } = await open(390, 844);
    await page.goto(url, { waitUntil: "networkidle" });
    await page.getByTestId("planner-posts").waitFor();
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="planner-posts"] tbody.app-post')].map((b) => {
        const r = b.getBoundingClientRect();
        return { display: getComputedStyle(b).display, width: Math.round(r.width), left: r.left, right: r.right };
      }),
    );
    expect(cards).toHaveLength(18);
    for (const c of cards) {
      expect(c.display).toBe("block");
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.right).toBeLessThanOrEqual(390);
    }
    // Each card shows the post's label, role, WTE, start, cost and actions.
    for (const sel of ["td.app-posts-table__label", "td.app-posts-table__start", "td.app-posts-table__cost", "td.app-posts-table__actions"]) expect(await inView(page, sel), sel).toBe(true);
    // Nor does the cards' box (hidden column headings and date legends must not widen it).
    expect(await overflow(page)).toEqual({ page: 0, table: 0 });
    await shot(page, "phone-posts");
    await page.getByTestId("planner-sections").getByRole("link", { name: "Projection" }).click();
    await page.getByTestId("projection-table").waitFor();
    expect((await overflow(page)).page).toBe(0);
    await expect(page.getByTestId("summary-headroom").isVisible()).resolves.toBe(true);
    await shot(page, "phone-projection");
    expect(errors).toEqual([]);
  });

  it("loaded at 1366 px and narrowed to 390 px, no section's chart keeps its wide drawing: the page never scrolls sideways", async () => {
    const { page, errors } = await open(1366, 900);
    await page.goto(url, { waitUntil: "networkidle" });
    const sections = await page.evaluate(() => [...document.querySelectorAll("[data-planner-section]")].map((s) => s.id));
    expect(sections.length).toBeGreaterThanOrEqual(9);
    // Every section opened at 1366 px, so each chart is drawn at its wide size (then hidden again).
    for (const id of sections) {
      await page.getByTestId("planner-sections").locator(`a[href="#${id}"]`).click();
      await page.waitForFunction((s) => !document.getElementById(s)?.hidden, id);
      if (id === "summary") await page.getByTestId("planner-monthly-chart").locator("svg.recharts-surface[role=application]").waitFor();
      if (id === "projection") await page.getByTestId("cost-pressure-chart").locator("svg.recharts-surface[role=application]").waitFor();
      if (id === "cash-flow") await page.getByTestId("cash-flow-chart").locator("svg.recharts-surface[role=application]").waitFor();
    }
    await page.getByTestId("planner-sections").locator('a[href="#posts"]').click();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of sections) {
      // The width in the same moment the section opens (before any chart is measured again), and once it has settled.
      const atOnce = await page.evaluate((s) => {
        document.querySelector<HTMLAnchorElement>(`[data-testid="planner-sections"] a[href="#${s}"]`)!.click();
        return document.documentElement.scrollWidth;
      }, id);
      await page.waitForFunction((s) => !document.getElementById(s)?.hidden, id);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const settled = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(atOnce, `${id} as it opens`).toBeLessThanOrEqual(390);
      expect(settled, `${id} settled`).toBeLessThanOrEqual(390);
    }
    // And the charts are drawn again at the phone's width, not merely squeezed.
    for (const [section, chart] of [
      ["summary", "planner-monthly-chart"],
      ["projection", "cost-pressure-chart"],
      ["cash-flow", "cash-flow-chart"],
    ] as const) {
      await page.getByTestId("planner-sections").locator(`a[href="#${section}"]`).click();
      await page.waitForFunction((c) => Number(document.querySelector(`[data-testid="${c}"] svg.recharts-surface[role=application]`)?.getAttribute("width")) <= 390, chart);
    }
    expect(errors).toEqual([]);
  });

  it("the section links move between sections, marking the current one, and the headline figures stay in view", async () => {
    const { page, errors } = await open(1366, 900);
    await page.goto(url, { waitUntil: "networkidle" });
    const nav = page.getByTestId("planner-sections");
    const cost = await page.getByTestId("summary-cost").textContent();
    expect(cost).toMatch(/£[\d,]+\.\d\d/);
    await expect(nav.getByRole("link", { name: "Posts" }).getAttribute("aria-current")).resolves.toBe("location");
    for (const [name, id, testId] of [
      ["Projection", "projection", "projection-table"],
      ["Cash flow", "cash-flow", "cash-flow-chart"],
      ["Year in detail", "summary", "planner-summary-detail"],
      ["Practices' shares", "shares", null],
      ["Assumptions", "assumptions", null],
    ] as const) {
      await nav.getByRole("link", { name }).click();
      await page.waitForFunction((s) => !document.getElementById(s)?.hidden, id);
      if (testId) await page.getByTestId(testId).waitFor();
      expect(page.url().endsWith(`#${id}`)).toBe(true);
      await expect(nav.getByRole("link", { name }).getAttribute("aria-current")).resolves.toBe("location");
      // Only the chosen section is shown.
      expect(await page.evaluate(() => [...document.querySelectorAll("[data-planner-section]")].filter((s) => !(s as HTMLElement).hidden).map((s) => s.id))).toEqual([id]);
      await expect(page.getByTestId("posts-announce").isVisible()).resolves.toBe(false);
      // Scrolled to the bottom of the section, the headline is still on screen.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const box = await page.getByTestId("summary-cost").boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 900, name).toBe(true);
    }
    await shot(page, "desktop-assumptions");
    // The back button returns to the previous section; a link to a field in a hidden section opens it.
    await page.goBack();
    await page.waitForFunction(() => !document.getElementById("shares")?.hidden);
    await page.goto(`${url}#projection`, { waitUntil: "networkidle" });
    await page.getByTestId("projection-table").waitFor();
    expect(await page.evaluate(() => document.getElementById("posts")?.hidden)).toBe(true);
    expect(errors).toEqual([]);
  });
});
