// Issue 15 item 5 in the planner, in real Chromium: a GP entered by sessions and a
// commissioner-approved role with its name and the ICB's maximum, typed into the posts table,
// saved and priced (4 sessions = 4/9 WTE; the claim capped at the ICB's maximum); the page passes
// axe (WCAG 2.2 AA) and neither the 1366 px table nor a 390 px phone scrolls sideways.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, violations } from "./browser";
import { openSignedIn } from "./plans";

const PCN = "UZ1014";

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


const overflow = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-testid="planner-posts"]')?.closest(".app-table-scroll") as HTMLElement | null;
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: box ? box.scrollWidth - box.clientWidth : -1 };
  });

describe("planner: GP sessions and commissioner-approved roles", () => {
  let url = "";
  let id = "";

  it("adds a GP by sessions and a commissioner-approved role, saves, and prices them exactly", async () => {
    const { page, errors } = await open(1366);
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: { name: "Sessions and other roles", firstYear: "2026/27", years: 2, posts: [] } });
    expect(r.status(), await r.text()).toBe(201);
    id = ((await r.json()) as { id: string }).id;
    url = `${baseUrl()}/pcns/${PCN}/scenarios/${id}`;
    await page.goto(url, { waitUntil: "networkidle" });
    await page.getByTestId("planner-summary").waitFor();

    // Post 1: a GP on 4 sessions a week at £82,418 full time.
    await page.getByRole("button", { name: "Add a post" }).click();
    await page.getByLabel(/^Role, post 1/).selectOption("gp");
    await page.getByLabel(/^WTE, sessions or hours, post 1/).selectOption("sessions");
    await page.getByLabel(/^Sessions a week, post 1/).fill("4");
    await page.getByLabel(/^Annual salary.*post 1/).fill("82418");

    // Post 2: a commissioner-approved role; its name and the ICB's maximum open under the row.
    await page.getByRole("button", { name: "Add a post" }).click();
    await page.getByLabel(/^Role, post 2/).selectOption("commissioner-approved");
    await page.getByLabel(/^Role the ICB approved.*post 2/).waitFor();
    // It opened by itself (the name and maximum are missing); its toggle then keeps it open once
    // they are typed (a click marks it open as asked, not only for its errors).
    await page.getByRole("button", { name: /^Less about post 2/ }).click();
    await page.getByLabel(/^Role the ICB approved.*post 2/).fill("Musculoskeletal practitioner");
    await page.getByLabel(/^Maximum the ICB agreed.*post 2/).fill("£45,000");
    await page.getByLabel(/^Salary basis.*post 2/).selectOption("salary");
    await page.getByLabel(/^Annual salary.*post 2/).fill("60000");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="planner-posts"] .nhsuk-error-message').length === 0);

    expect(await violations(page)).toEqual([]);
    expect(await overflow(page)).toEqual({ page: 0, table: 0 });

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByTestId("save-status").getByText(/^Saved at/).waitFor({ timeout: 15_000 });
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByLabel(/^Sessions a week, post 1/).inputValue()).resolves.toBe("4");
    await expect(page.getByLabel(/^WTE, sessions or hours, post 1/).inputValue()).resolves.toBe("sessions");

    const saved = await page.request.get(`${baseUrl()}/api/v1/scenarios/${id}`);
    const json = (await saved.json()) as { posts: Record<string, unknown>[]; results: { years: { posts: Record<string, number | string>[] }[] } };
    expect(json.posts[0]).toMatchObject({ role: "gp", sessions: 4, annualSalary: 82418 });
    expect(json.posts[1]).toMatchObject({ role: "commissioner-approved", roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 45000 });
    const [gp, msk] = json.results.years[0]!.posts;
    // 82,418 × 4/9 ÷ 12 = 3,052.5185… → £3,052.52 a month
    expect(gp).toMatchObject({ wte: 0.4444, sessions: 4, salary: 36630.24 });
    // Capped at the ICB's maximum: 45,000 ÷ 12 = £3,750 a month, £45,000 a year
    expect(msk).toMatchObject({ roleName: "Musculoskeletal practitioner (commissioner-approved)", cap: 45000, claimable: 45000 });
    expect(errors).toEqual([]);
  });

  it("on a 390 px phone the posts are cards and the page does not scroll sideways", async () => {
    const { page, errors } = await open(390);
    await page.goto(url, { waitUntil: "networkidle" });
    await page.getByLabel(/^Sessions a week, post 1/).waitFor();
    expect((await overflow(page)).page).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
