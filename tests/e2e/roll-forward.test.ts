// Issue 16 items 2 and 3 in real Chromium: a new plan says its current team is not in it (beside
// the headroom, with the ways to bring it in); the quick estimate takes "already committed this
// year"; "Start next year's plan from this one" opens next year's plan with the team in post on
// 1 April, linked back. axe (WCAG 2.2 AA) on each new state.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, openPage, signIn, violations } from "./browser";


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


const TEAM_CSV = [
  "label,role,status,band,point,wte,start,end,nextPayStep",
  "OT,occupational-therapist,existing,7,1,1,2024-06-01,,2026-02-01",
  "Care co-ordinator,care-coordinator,existing,4,1,1,2024-04-01,2026-01-31,",
  "Dietitian,dietitian,proposed,6,1,0.5,2026-10-01,,",
].join("\n");

describe("a plan without its team, and next year's plan", () => {
  it("a new plan says its team is not in it; with the team saved, 'Start next year's plan from this one' carries the posts in post on 1 April", async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, DEMO_ACCOUNT);
    await page.goto(`${baseUrl()}/pcns/UZ1025/scenarios`, { waitUntil: "networkidle" });
    await page.getByLabel("Name").fill("Our team");
    await page.getByLabel("First financial year").selectOption("2025/26");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await page.waitForURL(/\/pcns\/UZ1025\/scenarios\/[A-Za-z0-9_-]+$/);
    const oldUrl = page.url();
    await page.getByTestId("planner-summary").waitFor();

    // The empty team, said beside the headroom, with both ways to bring the team in.
    const note = page.getByTestId("empty-team");
    await expect(note.textContent()).resolves.toContain("Your current ARRS team is not in this plan, so the headroom shown is the whole entitlement.");
    await expect(note.getByRole("link", { name: "Bring your team in from a spreadsheet" }).getAttribute("href")).resolves.toBe(`${new URL(oldUrl).pathname}/import`);
    await expect(note.getByRole("link", { name: "add its posts" }).getAttribute("href")).resolves.toBe("#add-post");
    expect(await violations(page)).toEqual([]);

    // The team (two existing posts, one leaving in January; a dietitian from next October): the note goes.
    await page.locator(".nhsuk-details__summary-text", { hasText: "Add posts from a CSV" }).click();
    await page.getByLabel("Paste the CSV").fill(TEAM_CSV);
    await page.getByRole("button", { name: "Add posts from the pasted CSV" }).click();
    await page.getByText("Added 3 posts from the CSV.").waitFor();
    await expect(page.getByTestId("empty-team").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByTestId("save-status").getByText(/^Saved at/).waitFor({ timeout: 15_000 });

    // Next year's plan: 2026/27, the OT (a point up: its step was due in February) and the dietitian; the leaver gone.
    await page.getByRole("button", { name: "Start next year's plan from this one" }).click();
    await page.waitForURL((u) => /\/pcns\/UZ1025\/scenarios\/[A-Za-z0-9_-]+$/.test(u.pathname) && u.href !== oldUrl, { timeout: 30_000 });
    await expect(page.getByTestId("scenario-name").textContent()).resolves.toBe("Our team 2026/27");
    const from = page.getByTestId("rolled-from");
    await expect(from.textContent()).resolves.toBe("Carried forward from Our team.");
    await expect(from.getByRole("link", { name: "Our team" }).getAttribute("href")).resolves.toBe(new URL(oldUrl).pathname);
    await page.getByTestId("planner-summary").waitFor();
    await expect(page.getByTestId("empty-team").count()).resolves.toBe(0);
    const rows = page.getByTestId("planner-posts").locator("tbody tr[data-post-key]");
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.getByLabel("Status, post 1 (OT)").inputValue()).resolves.toBe("existing");
    await expect(page.getByLabel("Status, post 2 (Dietitian)").inputValue()).resolves.toBe("proposed");
    await expect(page.getByTestId("planner-posts").textContent()).resolves.not.toContain("Care co-ordinator");
    await expect(page.getByLabel(/^Pay point/).first().inputValue()).resolves.toBe("2");
    await expect(page.locator("#summary-year").locator("option").first().textContent()).resolves.toBe("2026/27");
    expect(await violations(page)).toEqual([]);

    // Back to the plan it came from.
    await from.getByRole("link", { name: "Our team" }).click();
    await page.waitForURL(oldUrl);
    await expect(page.getByTestId("scenario-name").textContent()).resolves.toBe("Our team");
    expect(errors).toEqual([]);
  });
});

describe("quick estimate: already committed this year", () => {
  it("takes the amount off the headroom, shown as its own line; text that is not money is refused beside the field", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByLabel("Financial year").selectOption("2025/26");
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    await page.getByLabel("Actual annual salary").check();
    await page.getByLabel("Annual salary (£, full-time, including any HCAS)").fill("47,810");
    const start = page.getByRole("group", { name: "Start date" });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("10");
    await start.getByLabel("Year").fill("2025");

    await page.getByLabel("Already committed this year, £ (optional)").fill("lots");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    const message = 'Already committed this year must be a number (e.g. 120000), not the text "lots".';
    await expect(page.locator(".nhsuk-error-summary").textContent()).resolves.toContain(message);
    await expect(page.locator("#alreadyCommitted-error").textContent()).resolves.toContain(message);
    expect(await violations(page)).toEqual([]);

    await page.getByLabel("Already committed this year, £ (optional)").fill("£100,000");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    // 30,000 × £26.631 = £798,930.00; claimable £30,553.32 (6 × £5,092.22); 798,930.00 − 30,553.32 = 768,376.68
    await expect(page.getByTestId("headroom-before-committed").textContent()).resolves.toContain("£768,376.68");
    await expect(page.getByTestId("already-committed").textContent()).resolves.toContain("− £100,000.00");
    // 768,376.68 − 100,000.00 = 668,376.68, still labelled an estimate
    const headroom = page.getByTestId("headroom");
    await expect(headroom.textContent()).resolves.toContain("£668,376.68 left of the entitlement after what is already committed");
    await expect(headroom.locator(".app-estimate-tag").textContent()).resolves.toBe("Estimate");
    expect(await violations(page)).toEqual([]);

    // More than the headroom: over-committed. 768,376.68 − 800,000.00 = −31,623.32
    await page.getByLabel("Already committed this year, £ (optional)").fill("800000");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("headroom").getByText("(over-committed)").waitFor();
    await expect(page.getByTestId("headroom").textContent()).resolves.toContain("31,623.32");
    expect(errors).toEqual([]);
  });
});
