// Issue 14 item 17 in real Chromium: an edit re-renders what changed. Typing into a post's WTE,
// key by key, keeps the same input element (focused, every key kept) and leaves the other rows'
// elements alone, and the summary follows each edit. (The posts table's cells went through the
// table library's flexRender, which mounted each cell function as a component: with new functions
// on every render the edited row's inputs were replaced on each keystroke.)
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, signIn } from "./browser";

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

async function open(width: number): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.url().startsWith(baseUrl()) && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  await signIn(page, DEMO_ACCOUNT);
  return { page, errors };
}

/** Twelve posts of several roles, one of them a commissioner-approved role. */
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
