// Found walking through the app as a PCN finance lead with England's data (Bristol Inner City,
// U33963): scenarios with real names ("Plan A: current team + FC OT + GP sessions") made the
// optimiser's "Existing posts" select as wide as its longest option, so the page scrolled
// sideways on a 390 px phone; and the compare charts named a projected year "2027/28" with no
// word that its figures are projected. UZ1028 is a demo PCN no other browser test uses.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, E2E_EDITOR, launchBrowser, signIn } from "./browser";

const PCN = "UZ1028";
const PHONE = 390;
const LONG_NAME = "Plan A: the current team from 2024, a First Contact OT from October, a salaried GP for 4 sessions";
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const ids: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: PHONE, height: 844 } });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, E2E_EDITOR);
  for (const [name, wte] of [
    [LONG_NAME, 0.6],
    ["Plan B: one FC OT full time", 1],
  ] as const) {
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, {
      data: { name, firstYear: "2026/27", years: 2, posts: [{ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte, start: "2026-10-01" }] },
    });
    expect(r.status()).toBe(201);
    ids.push(((await r.json()) as { id: string }).id);
  }
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

describe(`walkthrough at ${PHONE} px`, () => {
  it("the optimiser's form fits a phone when a scenario has a long name", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/optimise`, { waitUntil: "networkidle" });
    const select = page.getByLabel("Existing posts");
    await expect(select.locator("option", { hasText: LONG_NAME }).count()).resolves.toBe(1);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `the optimiser's page is ${scrollWidth} px wide on a ${PHONE} px phone`).toBeLessThanOrEqual(PHONE);
    const box = await select.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE);
    // the long name can still be chosen
    await select.selectOption({ label: `${LONG_NAME} (1 post, from 2026/27)` });
    await expect(select.inputValue()).resolves.toBe(ids[0]);
  });

  it("the optimiser starts from a plan with a GP in sessions, a post in hours a week and an ICB-approved role", async () => {
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, {
      data: {
        name: "Team in sessions and hours",
        firstYear: "2026/27",
        years: 1,
        posts: [
          { id: "gp-1", role: "gp", annualSalary: 100000, sessions: 4, start: "2026-07-01" },
          { id: "hwc-1", status: "existing", role: "health-and-wellbeing-coach", band: "5", point: 1, hoursPerWeek: 22.5, start: "2024-09-01" },
          { id: "ca-1", role: "commissioner-approved", roleName: "Frailty practitioner", maxReimbursableAnnual: 55000, band: "6", point: 2, wte: 0.8, start: "2026-09-01" },
        ],
      },
    });
    expect(r.status()).toBe(201);
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/optimise`, { waitUntil: "networkidle" });
    await page.getByLabel("Existing posts").selectOption({ label: "Team in sessions and hours (3 posts, from 2026/27)" });
    const c = page.locator("#cand-0");
    await c.getByLabel("Short name").fill("ot");
    await c.getByLabel("Role").selectOption("occupational-therapist");
    await c.getByLabel("Band").selectOption("7");
    await c.getByLabel("Pay point").fill("1");
    await c.getByLabel("WTE options").fill("1");
    await c.getByLabel("Value per 1.0 WTE").fill("10");
    await c.getByLabel("At most (posts)").fill("1");
    await page.getByRole("button", { name: "Find the best mix" }).click();
    // before: "Give the post's WTE (e.g. 0.6), or for a GP its sessions a week, or its hours a week." on Existing posts
    await page.getByTestId("optimiser-result").or(page.locator(".nhsuk-error-summary")).first().waitFor({ timeout: 60_000 });
    await expect(page.locator(".nhsuk-error-summary").count()).resolves.toBe(0);
    await expect(page.getByTestId("optimiser-result").count()).resolves.toBe(1);
  }, 90_000);

  it("the compare charts say which years are projected (and which rest on estimates)", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare?ids=${ids.join(",")}`, { waitUntil: "networkidle" });
    const headroom = page.getByTestId("compare-headroom-chart");
    await headroom.locator("svg").first().waitFor();
    const described = await headroom.getByRole("img").first().getAttribute("aria-label");
    expect(described).toContain("2026/27 (estimate):");
    expect(described).toContain("2027/28 (projection):");
    await expect(headroom.locator("svg text").allTextContents()).resolves.toContain("2027/28 (projection)");
    const picker = page.getByLabel("Year shown in the first chart");
    await expect(picker.locator("option").allTextContents()).resolves.toEqual(["2026/27 (estimate)", "2027/28 (projection)"]);
    // the whole-plan totals say they add up projected and estimated years
    await expect(page.getByTestId("compare-horizon-note").innerText()).resolves.toMatch(/Projection\s+These totals add up projected figures for 2027\/28 \(no published rules yet\) and estimated figures for 2026\/27: they are a projection/);
    // the figures used, each with its own status (every one said "(estimate)", and a projected one twice)
    const used = (await page.getByTestId("compare-assumptions").innerText()).split("\n");
    expect(used.some((l) => l.startsWith("Employer pension rate (assumption): 2026/27"))).toBe(true);
    expect(used.some((l) => l.startsWith("Employer NI rate (projection): 2027/28"))).toBe(true);
    expect(used.filter((l) => /^Employer NI rate \(/.test(l))).toHaveLength(1);
    expect(used.some((l) => /^Agenda for Change band 7, point 1 \(2026\/27\) \(derived\)/.test(l))).toBe(true);
    await picker.selectOption({ label: "2027/28 (projection)" });
    await expect(page.getByTestId("compare-measures-chart").locator("figcaption").textContent()).resolves.toMatch(/^2027\/28 \(projection\): each measure/);
  });

  it("no page error on the way", () => {
    expect(errors).toEqual([]);
  });
});
