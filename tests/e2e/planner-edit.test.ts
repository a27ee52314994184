// Issue 14 item 17 in real Chromium: an edit re-renders what changed. Typing into a post's WTE,
// key by key, keeps the same input element (focused, every key kept) and leaves the other rows'
// elements alone, and the summary follows each edit. (The posts table's cells went through the
// table library's flexRender, which mounted each cell function as a component: with new functions
// on every render the edited row's inputs were replaced on each keystroke.) Also two small layout
// defects: a GP's size unit "sessions" fits its select, and the projection scrolls in its own box
// with the financial year column sticky.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser } from "./browser";
import { openSignedIn } from "./plans";

const PCN = "UZ1026";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const open = (width: number) => openSignedIn(browser, contexts, width, DEMO_ACCOUNT);

/** Thirteen posts of several roles, one of them a commissioner-approved role and one a GP by sessions. */
export function twelvePosts() {
  const roles = ["clinical-pharmacist", "paramedic", "care-coordinator", "social-prescribing-link-worker", "pharmacy-technician", "advanced-practitioner"];
  const posts: Record<string, unknown>[] = Array.from({ length: 11 }, (_, i) => ({
    id: `p${i + 1}`,
    label: `Post ${i + 1}`,
    role: roles[i % roles.length],
    wte: 1,
    area: "national",
    status: i % 2 ? "existing" : "proposed",
    start: "2026-04-01",
    annualSalary: 40_000 + i * 1_000,
  }));
  posts.push({ id: "gp", label: "GP", role: "gp", sessions: 4, area: "national", status: "proposed", start: "2026-04-01", annualSalary: 82_418 });
  posts.push({ id: "msk", label: "MSK", role: "commissioner-approved", roleName: "MSK practitioner", maxReimbursableAnnual: 45_000, wte: 1, area: "national", status: "proposed", start: "2026-04-01", annualSalary: 50_000 });
  return { name: "Twelve posts", firstYear: "2026/27", years: 5, posts };
}

/** Creates the twelve-post scenario and opens it in the planner (hydrated). */
async function plannerWithTwelvePosts(page: Page): Promise<string> {
  const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: twelvePosts() });
  expect(r.status(), await r.text()).toBe(201);
  const url = `${baseUrl()}/pcns/${PCN}/scenarios/${((await r.json()) as { id: string }).id}`;
  await page.goto(url, { waitUntil: "networkidle" });
  await page.getByTestId("planner-summary").waitFor();
  await page.waitForFunction(() => Object.keys(document.querySelector("[data-planner-wte]") ?? {}).some((k) => k.startsWith("__reactFiber")));
  return url;
}

describe("planner: an edit re-renders what changed", () => {
  it("typing a WTE key by key keeps the same, focused input and every key; other rows keep their elements; the summary follows", async () => {
    const { page, errors } = await open(1366);
    await plannerWithTwelvePosts(page);
    const wte = page.getByLabel(/^WTE, post 3 /);
    // Mark the edited input, an input of the same row and one of another row.
    await page.evaluate(() => {
      const mark = (label: RegExp, name: string) => {
        const el = [...document.querySelectorAll("label")].find((l) => label.test(l.textContent ?? ""))?.control;
        if (!el) throw new Error(`no input labelled ${label}`);
        (el as unknown as Record<string, string>).__mark = name;
      };
      mark(/^WTE, post 3 /, "wte3");
      mark(/^Label, post 3 /, "label3");
      mark(/^Label, post 7 /, "label7");
    });
    const before = (await page.getByTestId("planner-summary").textContent()) ?? "";
    await wte.click();
    await wte.press("ControlOrMeta+a");
    await page.keyboard.type("0.65", { delay: 30 });
    await expect(wte.inputValue()).resolves.toBe("0.65");
    const kept = await page.evaluate(() => {
      const find = (label: RegExp) => [...document.querySelectorAll("label")].find((l) => label.test(l.textContent ?? ""))?.control as unknown as Record<string, string> | undefined;
      return { wte3: find(/^WTE, post 3 /)?.__mark, label3: find(/^Label, post 3 /)?.__mark, label7: find(/^Label, post 7 /)?.__mark, focused: (document.activeElement as unknown as Record<string, string> | null)?.__mark };
    });
    expect(kept).toEqual({ wte3: "wte3", label3: "label3", label7: "label7", focused: "wte3" });
    await page.waitForFunction((b) => (document.querySelector("[data-planner-summary]")?.textContent ?? "") !== b, before);
    expect(errors).toEqual([]);
  });
});

/** The selected option's text width (in the select's font) and the room for it inside the select. */
const sessionsSelect = (page: Page) =>
  page.evaluate(() => {
    const sel = [...document.querySelectorAll<HTMLSelectElement>("select.app-size__unit")].find((s) => s.value === "sessions");
    if (!sel) return null;
    const cs = getComputedStyle(sel);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    return { text: sel.selectedOptions[0]!.text, width: Math.ceil(ctx.measureText(sel.selectedOptions[0]!.text).width), room: sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
  });

describe("planner: small layout defects", () => {
  for (const width of [1366, 390]) {
    it(`at ${width} px a GP's size unit "sessions" fits its select (it was cut off)`, async () => {
      const { page, errors } = await open(width);
      await plannerWithTwelvePosts(page);
      const s = await sessionsSelect(page);
      expect(s?.text).toBe("sessions");
      expect(s!.width).toBeLessThanOrEqual(s!.room);
      // The size cell's label (shown on the phone's card) names the unit: it said "WTE" for sessions.
      const label = await page.evaluate(() => [...document.querySelectorAll("select.app-size__unit")].find((x) => (x as HTMLSelectElement).value === "sessions")?.closest("td")?.getAttribute("data-label"));
      expect(label).toBe("Sessions a week");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(errors).toEqual([]);
    });
  }

  it("at 1366 px the projection scrolls inside its own box with the financial year in view, never the page", async () => {
    const { page, errors } = await open(1366);
    const url = await plannerWithTwelvePosts(page);
    await page.goto(`${url}#projection`, { waitUntil: "networkidle" });
    const table = page.getByTestId("projection-table");
    await table.waitFor();
    const r = await table.evaluate((t) => {
      const box = t.parentElement!;
      box.scrollLeft = box.scrollWidth;
      const year = t.querySelector("tbody th")!;
      return {
        boxClass: box.className,
        scrolls: box.scrollWidth > box.clientWidth,
        boxLeft: Math.round(box.getBoundingClientRect().left),
        yearLeft: Math.round(year.getBoundingClientRect().left),
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(r.boxClass).toContain("app-table-scroll");
    expect(r.page).toBe(0);
    // Scrolled to its last column, the year is still at the box's left edge (sticky), if it scrolls at all.
    if (r.scrolls) expect(r.yearLeft).toBe(r.boxLeft);
    expect(errors).toEqual([]);
  });
});
