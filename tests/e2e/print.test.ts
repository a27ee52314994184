// Print (issue 14, item 16): on-screen instructions, hints, buttons and entry forms are not
// printed, the figures are; headings are kept with what follows them. Checked with Chromium's
// print media emulation, against the same page on screen (where the instructions do show).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, E2E_EDITOR, launchBrowser, signIn } from "./browser";

let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await ctx.newPage();
  await signIn(page, E2E_EDITOR);
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

/** What a printed page would show that is only for the screen: buttons, hints, form fields, instructions. */
async function screenOnly(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    };
    const out: string[] = [];
    for (const e of document.querySelectorAll("main button:not(.app-sort-button), main .nhsuk-hint, main .app-instructions, main select, main textarea, main input:not([type=hidden]), main form[role=search], main .nhsuk-button")) {
      // an input inside a table prints as its value (the population need's assumptions)
      if (e.matches("input") && e.closest("td")) continue;
      if (shown(e)) out.push(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}: ${(e.textContent ?? "").trim().slice(0, 60)}`);
    }
    return out;
  });
}

/** Each visible heading whose break-after is not "avoid" (it could be left at the foot of a page). */
async function strandable(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll("main h1, main h2, main h3, main h4")]
      .filter((h) => h.getBoundingClientRect().height > 0 && getComputedStyle(h).breakAfter !== "avoid")
      .map((h) => (h.textContent ?? "").trim()),
  );
}

describe("printing", () => {
  it("the PCN page prints its figures without the forms, buttons and instructions", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${baseUrl()}/pcns/UZ1004`, { waitUntil: "networkidle" });
    // on screen: the instructions and forms are there
    await expect(page.getByText("Change any value and recalculate").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("need-recalculate").isVisible()).resolves.toBe(true);
    expect((await screenOnly(page)).length).toBeGreaterThan(5);

    await page.emulateMedia({ media: "print" });
    expect(await screenOnly(page)).toEqual([]);
    await expect(page.getByText("Change any value and recalculate").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("heading", { name: "Enter the ICB-confirmed weighted population" }).isVisible()).resolves.toBe(false);
    // the figures still print: the entitlement table, the need figures and the assumptions' values
    await expect(page.locator(".app-entitlement-table").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("need-figures").isVisible()).resolves.toBe(true);
    await expect(page.locator("#need-fitNotesFemale").isVisible()).resolves.toBe(true);
    expect(await strandable(page)).toEqual([]);
  });

  it("the quick estimate prints its result, not the form", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await screenOnly(page)).toEqual([]);
    await expect(page.getByText("First Contact Occupational Therapist is preselected").isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("estimate-result").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("posts-table").isVisible()).resolves.toBe(true);
    expect(await strandable(page)).toEqual([]);
  });

  it("the planner prints without its editors and buttons", async () => {
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/UZ1005/scenarios`, {
      data: { name: "Print check", firstYear: "2025/26", years: 2, posts: [{ id: "ot-1", label: "OT", status: "proposed", role: "occupational-therapist", band: "7", point: 1, wte: 1 }] },
    });
    expect(r.status(), await r.text()).toBe(201);
    const id = ((await r.json()) as { id: string }).id;
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${baseUrl()}/pcns/UZ1005/scenarios/${id}`, { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "print" });
    expect(await screenOnly(page)).toEqual([]);
    expect(await strandable(page)).toEqual([]);
  });
});
