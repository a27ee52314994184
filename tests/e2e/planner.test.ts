// The planner in real Chromium: the demo account plans for a demo PCN — a scenario, a First
// Contact OT, the summary changing in the browser, WTE edited inline, projection and cash flow,
// the posts CSV, and a conflict from a second browser context resolved without losing either edit.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { formatPounds } from "@/lib/format";
import { supervisorHourlyCostDefault } from "@/lib/planner/compute";
import { baseUrl, launchBrowser, signIn } from "./browser";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

/** A page in its own browser context (its own cookies), signed in with the demo account. */
async function demoPage(): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? "";
const pounds = (s: string) => Number(/−?£([\d,]+\.\d\d)/.exec(s)?.[1]?.replace(/,/g, "") ?? NaN) * (s.includes("−£") ? -1 : 1);

/** Waits until a summary figure differs from `before`; returns the new text. */
async function changed(page: Page, testId: string, before: string): Promise<string> {
  await page.waitForFunction(([id, b]) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "") !== b, [testId, before] as const, { timeout: 20_000 });
  return text(page, testId);
}

/** The figure once it has stopped changing (the browser recomputes as each box is typed in). */
async function settled(page: Page, testId: string): Promise<string> {
  let last = await text(page, testId);
  let same = 0;
  while (same < 3) {
    await page.waitForTimeout(400);
    const now = await text(page, testId);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByTestId("save-status").getByText(/^Saved at/).waitFor({ timeout: 15_000 });
}

describe("planner", () => {
  let scenarioUrl = "";

  it("creates a scenario from the PCN page, adds a First Contact OT, and the summary recomputes in the browser", async () => {
    const { page, errors } = await demoPage();
    await page.goto(`${baseUrl()}/pcns/UZ1005`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Plan posts for this PCN" }).click();
    await page.waitForURL(/\/pcns\/UZ1005\/scenarios$/);
    await page.getByLabel("Name").fill("Add one First Contact OT");
    await page.getByLabel("First financial year").selectOption("2026/27");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await page.waitForURL(/\/pcns\/UZ1005\/scenarios\/[A-Za-z0-9_-]+$/);
    scenarioUrl = page.url();
    await page.getByTestId("planner-summary").waitFor();
    const costBefore = await text(page, "summary-cost");
    expect(pounds(costBefore)).toBe(0);

    // Add a First Contact OT: the figures change with no request to the server.
    let posted = 0;
    page.on("request", (r) => {
      if (r.method() === "POST") posted++;
    });
    const summaryBefore = await text(page, "planner-summary");
    await page.getByRole("button", { name: "Add a First Contact OT" }).click();
    await changed(page, "planner-summary", summaryBefore);
    const costAfterAdd = await settled(page, "summary-cost");
    // It starts on the 1st of next month (the server's date); from October 2026 here, so the year has it.
    const start = page.getByRole("group", { name: /^Start date, post 1/ });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("10");
    await start.getByLabel("Year").fill("2026");
    // (The OT added today starts on the 1st of next month, so from October the cost differs.)
    await changed(page, "summary-cost", costAfterAdd);
    const costWithOt = pounds(await settled(page, "summary-cost"));
    expect(costWithOt).toBeGreaterThan(0);
    expect(posted).toBe(0);
    await expect(text(page, "save-status")).resolves.toBe("Unsaved changes");
    // Its checklist is in the First Contact section, saying what is missing.
    await page.getByTestId("planner-sections").getByRole("link", { name: "First Contact" }).click();
    await expect(page.getByTestId("fc-checklist").first().textContent()).resolves.toContain("No roadmap supervisor is named");

    await page.getByTestId("planner-sections").getByRole("link", { name: "Posts" }).click();
    // Edit WTE inline: half the hours, about half the cost.
    const costText = await text(page, "summary-cost");
    await page.getByLabel(/^WTE, post 1/).fill("0.5");
    await changed(page, "summary-cost", costText);
    const costHalfText = await settled(page, "summary-cost");
    const costHalf = pounds(costHalfText);
    expect(costHalf).toBeGreaterThan(costWithOt * 0.45);
    expect(costHalf).toBeLessThan(costWithOt * 0.55);
    expect(posted).toBe(0);

    // A bad value shows its message beside the cell; the summary keeps the last good figures.
    await page.getByLabel(/^WTE, post 1/).fill("1.5");
    await page.locator("[id$='-wte-error']").first().waitFor();
    await expect(page.locator("[id$='-wte-error']").first().textContent()).resolves.toContain("WTE cannot be more than 1.0");
    await page.getByLabel(/^WTE, post 1/).fill("0.5");
    await page.waitForFunction((t) => document.querySelector('[data-testid="summary-cost"]')?.textContent === t, costHalfText);

    // Projection: every year of the horizon, projected ones labelled; cash flow with the peak called out.
    await page.getByTestId("planner-sections").getByRole("link", { name: "Projection" }).click();
    const projection = page.getByTestId("projection-table");
    await expect(projection.locator("tbody tr").count()).resolves.toBe(3);
    await expect(projection.textContent()).resolves.toContain("Projection");
    await page.getByTestId("cost-pressure-chart").locator("svg.recharts-surface").first().waitFor();
    await page.getByTestId("planner-sections").getByRole("link", { name: "Cash flow" }).click();
    expect(pounds(await text(page, "peak-funding"))).toBeGreaterThan(0);
    await page.getByTestId("cash-flow-chart").locator("svg.recharts-surface").first().waitFor();
    await page.locator(".nhsuk-details__summary-text", { hasText: "Cash flow month by month" }).click();
    await expect(page.getByTestId("cash-flow-table").locator("tbody tr").count()).resolves.toBe(36);

    // Leaving with unsaved changes asks first; staying keeps them.
    const dialogs: string[] = [];
    page.once("dialog", (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Scenarios", exact: true }).click();
    await page.waitForTimeout(500);
    expect(dialogs).toEqual(["confirm"]);
    expect(page.url().split("#")[0]).toBe(scenarioUrl); // (the address keeps the section shown, #cash-flow)
    await expect(text(page, "save-status")).resolves.toBe("Unsaved changes");

    await save(page);
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByLabel(/^WTE, post 1/).inputValue()).resolves.toBe("0.5");
    expect(errors).toEqual([]);
  });

  it("adds posts from a CSV only when every row is good, naming the bad rows", async () => {
    const { page, errors } = await demoPage();
    await page.goto(scenarioUrl, { waitUntil: "networkidle" });
    await page.locator(".nhsuk-details__summary-text", { hasText: "Add posts from a CSV" }).click();
    const rowsBefore = await page.getByTestId("planner-posts").locator("tbody tr[data-post-key]").count();
    await page.getByLabel("Paste the CSV").fill("label,role,band,point,wte,start\nPharmacist,clinical-pharmacist,7,2,1,2026-06-01\nBad,paramedic,7,1,3,\n");
    await page.getByRole("button", { name: "Add posts from the pasted CSV" }).click();
    await page.getByText("The CSV has problems: no posts were added").waitFor();
    await expect(page.getByTestId("csv-import").textContent()).resolves.toContain("Row 3: WTE: WTE cannot be more than 1.0");
    await expect(page.getByTestId("planner-posts").locator("tbody tr[data-post-key]").count()).resolves.toBe(rowsBefore);
    await page.getByLabel("Paste the CSV").fill("label,role,band,point,wte,start\nPharmacist,clinical-pharmacist,7,2,1,2026-06-01\n");
    await page.getByRole("button", { name: "Add posts from the pasted CSV" }).click();
    await page.getByText("Added 1 post from the CSV.").waitFor();
    await expect(page.getByTestId("planner-posts").locator("tbody tr[data-post-key]").count()).resolves.toBe(rowsBefore + 1);
    expect(errors).toEqual([]);
  });

  it("issue 14: existing First Contact staff from the CSV are qualified, supervision at the first year's hourly cost, shares show the basis used, a post after the plan is an error beside the summary", async () => {
    const { page, errors } = await demoPage();
    await page.goto(`${baseUrl()}/pcns/UZ1019/scenarios`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Existing First Contact team");
    await page.getByLabel("First financial year").selectOption("2026/27");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await page.waitForURL(/\/pcns\/UZ1019\/scenarios\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("planner-summary").waitFor();
    await page.locator(".nhsuk-details__summary-text", { hasText: "Add posts from a CSV" }).click();
    await page.getByLabel("Paste the CSV").fill(
      "label,role,status,band,point,wte,start,roadmap\nPhysio,first-contact-physiotherapist,existing,7,2,1,2024-04-01,\nParamedic,paramedic,existing,7,2,1,2024-04-01,in-training\n",
    );
    await page.getByRole("button", { name: "Add posts from the pasted CSV" }).click();
    await page.getByText("Added 2 posts from the CSV.").waitFor();

    // the roadmap: the physio is qualified (assumed from its start), the paramedic in training as stated
    const roadmaps = page.getByTestId("fc-roadmap");
    await expect(roadmaps.nth(0).getAttribute("data-roadmap")).resolves.toBe("qualified");
    await expect(roadmaps.nth(0).textContent()).resolves.toContain("Qualified (assumed)");
    await expect(roadmaps.nth(1).getAttribute("data-roadmap")).resolves.toBe("in-training");

    // supervision at the 2026/27 default hourly cost (not 2025/26's £54.16): the physio 12 h, not 150 h
    const hourly = supervisorHourlyCostDefault("2026/27").value;
    const supervision = page.getByTestId("supervision-table");
    await expect(supervision.locator("caption").textContent()).resolves.toContain(`${formatPounds(hourly)} an hour`);
    const physio = supervision.locator("tbody tr", { hasText: "Physio" });
    await expect(physio.locator("td").nth(2).textContent()).resolves.toBe("12");
    await expect(physio.textContent()).resolves.toContain(formatPounds(Math.round(12 * hourly * 100) / 100));

    // practices' shares: the demo practices have no weighted population, so the registered list is shown chosen
    await expect(page.locator("#share-basis-registered").isChecked()).resolves.toBe(true);
    await expect(page.locator("#share-basis-weighted").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("shares").textContent()).resolves.toContain("so the shares follow the registered list");

    // a post starting after the plan (2026/27 to 2028/29): a field error on its date, and said beside the summary
    await page.getByLabel("Paste the CSV").fill("label,role,band,point,wte,start\nToo late,clinical-pharmacist,7,2,1,2029-04-01\n");
    await page.getByRole("button", { name: "Add posts from the pasted CSV" }).click();
    await page.getByText("Added 1 post from the CSV.").waitFor();
    const message = "Start date 1 Apr 2029 is after this plan (2026/27 to 2028/29) ends (31 Mar 2029), so this post would cost £0.00.";
    await expect(page.getByTestId("left-out-reasons").textContent()).resolves.toContain(`Post 3 (Too late): ${message}`);
    await expect(page.locator("[id$='-start-error']").first().textContent()).resolves.toContain(message);
    expect(errors).toEqual([]);
  });

  it("a save from a second browser makes the first one's save a conflict: both versions shown, 'keep mine' saves on top", async () => {
    const a = await demoPage();
    const b = await demoPage();
    await a.page.goto(scenarioUrl, { waitUntil: "networkidle" });
    await b.page.goto(scenarioUrl, { waitUntil: "networkidle" });

    await b.page.getByLabel(/^WTE, post 1/).fill("0.8");
    await save(b.page);

    await a.page.getByLabel(/^WTE, post 1/).fill("0.4");
    await a.page.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = a.page.getByTestId("conflict");
    await conflict.waitFor();
    const diff = (await a.page.getByTestId("conflict-table").textContent()) ?? "";
    expect(diff).toContain("WTE");
    expect(diff).toContain("0.4");
    expect(diff).toContain("0.8");
    await a.page.getByTestId("save-status").getByText(/^Not saved: someone else saved first/).waitFor();

    await a.page.getByRole("button", { name: "Keep mine" }).click();
    await a.page.getByTestId("save-status").getByText(/^Saved at/).waitFor();
    expect(await conflict.count()).toBe(0);

    // The second browser's next save is now the stale one; it takes the saved version instead.
    await b.page.getByLabel(/^WTE, post 1/).fill("0.9");
    await b.page.getByRole("button", { name: "Save", exact: true }).click();
    await b.page.getByTestId("conflict").waitFor();
    await b.page.getByRole("button", { name: "Take theirs" }).click();
    await expect(b.page.getByLabel(/^WTE, post 1/).inputValue()).resolves.toBe("0.4");

    await a.page.reload({ waitUntil: "networkidle" });
    await expect(a.page.getByLabel(/^WTE, post 1/).inputValue()).resolves.toBe("0.4");
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("lists, duplicates, deletes after a confirmation, and restores", async () => {
    const { page, errors } = await demoPage();
    await page.goto(`${baseUrl()}/pcns/UZ1005/scenarios`, { waitUntil: "networkidle" });
    const list = page.getByTestId("scenario-list");
    await list.getByRole("button", { name: /^Duplicate Add one First Contact OT/ }).first().click();
    await page.waitForURL(/\/scenarios\/[A-Za-z0-9_-]+$/);
    await expect(page.getByTestId("scenario-name").textContent()).resolves.toBe("Copy of Add one First Contact OT");
    await page.goto(`${baseUrl()}/pcns/UZ1005/scenarios`, { waitUntil: "networkidle" });
    await list.getByRole("link", { name: /^Delete Copy of Add one First Contact OT/ }).first().click();
    await page.getByTestId("confirm-delete").waitFor();
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    await page.getByText(/was deleted\. You can restore it until/).waitFor();
    await expect(page.getByTestId("confirm-delete").count()).resolves.toBe(0);
    await page.getByRole("button", { name: /^Restore “Copy of Add one First Contact OT”/ }).click();
    await page.waitForURL(/\/scenarios\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("planner-summary").waitFor();
    expect(errors).toEqual([]);
  });

  it("the quick estimate saves as a scenario of the chosen PCN and opens it", async () => {
    const { page, errors } = await demoPage();
    await page.goto(`${baseUrl()}/?pcn=UZ1006`, { waitUntil: "networkidle" });
    // The form opens on today's financial year; the figures below are 2025/26's.
    await page.getByLabel("Financial year").selectOption("2025/26");
    const start = page.getByRole("group", { name: "Start date" });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("10");
    await start.getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Save as a scenario" }).click();
    await page.waitForURL(/\/pcns\/UZ1006\/scenarios\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("planner-summary").waitFor();
    // Band 7 point 1 OT from October 2025 at 2025/26 rules: 6 × £5,092.22 = £30,553.32 (as the quick estimate).
    await expect(text(page, "summary-cost")).resolves.toContain("£30,553.32");
    expect(errors).toEqual([]);
  });

  it("the saved scenario keeps 'Already committed this year': its headroom is the quick estimate's", async () => {
    const { page, errors } = await demoPage();
    await page.goto(`${baseUrl()}/?pcn=UZ1006`, { waitUntil: "networkidle" });
    await page.getByLabel("Financial year").selectOption("2025/26");
    await page.getByLabel("Already committed this year, £ (optional)").fill("123456.78");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    await expect(text(page, "already-committed")).resolves.toContain("£123,456.78");
    // "£…" of the headroom after what is already committed, as the estimate shows it.
    const headroom = /−?£[\d,]+\.\d\d/.exec(await text(page, "headroom"))![0];
    await page.getByRole("button", { name: "Save as a scenario" }).click();
    await page.waitForURL(/\/pcns\/UZ1006\/scenarios\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("planner-summary").waitFor();
    await expect(text(page, "summary-headroom")).resolves.toContain(headroom);
    expect(errors).toEqual([]);
  });

  it("anyone not signed in gets a sign-in link instead of the planner", async () => {
    const page = await browser.newPage();
    await page.goto(scenarioUrl, { waitUntil: "networkidle" });
    await expect(page.locator("main").textContent()).resolves.toContain("Sign in as an editor");
    expect(await page.getByTestId("planner-posts").count()).toBe(0);
    await page.close();
  });
});
