// Automated accessibility checks (axe-core, WCAG 2.2 A/AA rules) on every page, including the
// states a user reaches: estimate results, form errors, the signed-in editor's form.
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, E2E_ADMIN, launchBrowser, openPage, signIn } from "./browser";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return r.violations;
  })) as Violation[];
  return found.map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  it.each(["/", "/pcns", "/pcns?q=demo", "/pcns/UZ1002", "/pcns/UZ1003", "/rules", "/rules?year=2024%2F25", "/login", "/admin/import"])("%s has no violations", async (path) => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}${path}`, { waitUntil: "networkidle" });
    expect(await violations(page)).toEqual([]);
  });

  it("estimate results and form errors have no violations", async () => {
    const { page } = await openPage(browser);
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel("WTE").fill("2");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it("the signed-in editor's and admin's forms have no violations", async () => {
    const { page } = await openPage(browser);
    await signIn(page, E2E_ADMIN);
    for (const path of ["/pcns/UZ1002", "/admin/import"]) {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: "networkidle" });
      expect(await violations(page)).toEqual([]);
    }
  });

  it("no violations on a phone-sized screen (tables scroll, charts fit)", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    for (const path of ["/", "/pcns/UZ1002", "/rules"]) {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: "networkidle" });
      if (path === "/") {
        await page.getByRole("button", { name: "Calculate" }).click();
        await page.getByTestId("estimate-result").waitFor();
      }
      expect(await violations(page)).toEqual([]);
    }
    await page.close();
  });

  it("the planner's pages and states have no violations (list, delete confirmation, planner with errors, conflict), desktop and phone", async () => {
    const ctxA = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const ctxB = await browser.newContext({ viewport: { width: 375, height: 800 } });
    try {
      const page = await ctxA.newPage();
      await signIn(page, DEMO_ACCOUNT);
      await page.goto(`${baseUrl()}/pcns/UZ1008/scenarios`, { waitUntil: "networkidle" });
      expect(await violations(page)).toEqual([]);
      await page.getByLabel("Name").fill("Accessibility check");
      await page.getByRole("button", { name: "Create scenario" }).click();
      await page.waitForURL(/\/scenarios\/[A-Za-z0-9_-]+$/);
      await page.getByTestId("planner-summary").waitFor();
      const url = page.url();
      const id = url.split("/").pop()!;
      expect(await violations(page)).toEqual([]);
      // A First Contact OT, a supervisor, a wrong WTE, Save (the error summary), every details open.
      await page.getByRole("button", { name: "Add a First Contact OT" }).click();
      await page.getByTestId("planner-sections").getByRole("link", { name: "Supervision" }).click();
      await page.getByRole("button", { name: "Add a supervisor" }).click();
      await page.getByTestId("planner-sections").getByRole("link", { name: "Posts" }).click();
      await page.getByLabel(/^WTE, post 1/).fill("2");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.locator("#planner-error-title").waitFor();
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      // A post's "More" fields open; every section checked.
      await page.getByRole("button", { name: /^More about post 1/ }).click();
      expect(await violations(page)).toEqual([]);
      for (const name of ["Year in detail", "First Contact", "Supervision", "Projection", "Cash flow", "Practices' shares", "Assumptions"]) {
        await page.getByTestId("planner-sections").getByRole("link", { name: name }).click();
        if (name === "Cash flow") await page.getByTestId("cash-flow-chart").locator("svg").first().waitFor();
        expect(await violations(page), name).toEqual([]);
      }
      await page.getByTestId("planner-sections").getByRole("link", { name: "Posts" }).click();
      // A conflict: saved from another browser (a phone) first.
      await page.getByLabel(/^WTE, post 1/).fill("1");
      await page.getByTestId("planner-sections").getByRole("link", { name: "Supervision" }).click();
      await page.getByLabel("Name, supervisor 1").fill("Dr A");
      const phone = await ctxB.newPage();
      await signIn(phone, DEMO_ACCOUNT);
      await phone.goto(url, { waitUntil: "networkidle" });
      await phone.getByTestId("planner-summary").waitFor();
      expect(await violations(phone)).toEqual([]);
      await phone.getByRole("button", { name: "Add a First Contact OT" }).click();
      await phone.getByRole("button", { name: "Save", exact: true }).click();
      await phone.getByTestId("save-status").getByText(/^Saved at/).waitFor();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByTestId("conflict").waitFor();
      expect(await violations(page)).toEqual([]);
      await page.goto(`${baseUrl()}/pcns/UZ1008/scenarios?delete=${id}`, { waitUntil: "networkidle" });
      await page.getByTestId("confirm-delete").waitFor();
      expect(await violations(page)).toEqual([]);
    } finally {
      await ctxA.close();
      await ctxB.close();
    }
  });

  it("the population-need section has no violations: changed and wrong assumptions on the PCN page, the planner's section with an error, desktop and phone", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await ctx.newPage();
      for (const [width, height] of [
        [1200, 900],
        [375, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const path of ["/pcns/UZ1003?reachFrailty=40&travelMinutes=20#population-need", "/pcns/UZ1003?reachFrailty=lots&adminMinutes=-3#population-need"]) {
          await page.goto(`${baseUrl()}${path}`, { waitUntil: "networkidle" });
          await page.getByTestId("need-figures").waitFor();
          expect(await violations(page), `${path} at ${width}px`).toEqual([]);
        }
      }
      await page.setViewportSize({ width: 1200, height: 900 });
      await signIn(page, DEMO_ACCOUNT);
      await page.goto(`${baseUrl()}/pcns/UZ1003/scenarios`, { waitUntil: "networkidle" });
      await page.getByLabel("Name").fill("Accessibility: population need");
      await page.getByRole("button", { name: "Create scenario" }).click();
      await page.getByTestId("planner-summary").waitFor();
      await page.getByTestId("planner-sections").getByRole("link", { name: "Population need" }).click();
      await page.getByTestId("planner-need").waitFor();
      await page.getByText("Population-need assumptions for this scenario").click();
      await page.getByTestId("planner-need").getByLabel("Contacts per frail patient").fill("many");
      await page.getByTestId("planner-need").locator("#need-contactsFrailty-error").waitFor();
      await page.getByTestId("need-add-post").click();
      for (const [width, height] of [
        [1200, 900],
        [375, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        expect(await violations(page), `planner at ${width}px`).toEqual([]);
      }
    } finally {
      await ctx.close();
    }
  });

  it("the optimiser page has no violations (the form, its errors, a result with alternatives, an infeasible request), desktop and phone", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await ctx.newPage();
      await signIn(page, DEMO_ACCOUNT);
      const path = `${baseUrl()}/pcns/UZ1016/scenarios/optimise`;
      for (const [width, height] of [
        [1200, 900],
        [375, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(path, { waitUntil: "networkidle" });
        expect(await violations(page), `form ${width}px`).toEqual([]);
        await page.getByLabel("PCN-funded budget (£, optional)").fill("20000");
        await page.getByLabel("Roadmap supervisors' WTE (optional)").fill("0.5");
        await page.getByRole("button", { name: "Find the best mix" }).click();
        await page.getByTestId("optimiser-result").waitFor({ timeout: 60_000 });
        await page.getByTestId("alternatives").waitFor();
        expect(await violations(page), `result ${width}px`).toEqual([]);
        await page.getByLabel("At least (posts)").fill("3");
        await page.getByLabel("PCN-funded budget (£, optional)").fill("0");
        await page.getByLabel("In First Contact roadmap training (needs a supervisor)").check();
        await page.getByRole("button", { name: "Find the best mix" }).click();
        await page.getByTestId("optimiser-infeasible").waitFor({ timeout: 60_000 });
        expect(await violations(page), `infeasible ${width}px`).toEqual([]);
        await page.getByLabel("WTE options").fill("two");
        await page.getByRole("button", { name: "Find the best mix" }).click();
        await page.locator(".nhsuk-error-summary").waitFor();
        expect(await violations(page), `errors ${width}px`).toEqual([]);
      }
    } finally {
      await ctx.close();
    }
  }, 240_000);

  it("the compare page has no violations (the prompt, the picker's error, a comparison with its charts), desktop and phone", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await ctx.newPage();
      await signIn(page, DEMO_ACCOUNT);
      const ids: string[] = [];
      for (const [name, wte] of [["Compare: baseline", 0.6], ["Compare: more WTE", 1]] as const) {
        const r = await page.request.post(`${baseUrl()}/api/v1/pcns/UZ1011/scenarios`, {
          data: { name, firstYear: "2025/26", years: 2, posts: [{ id: "ot", role: "occupational-therapist", band: "7", point: 1, wte, start: "2025-10-01" }] },
        });
        ids.push(((await r.json()) as { id: string }).id);
      }
      await page.goto(`${baseUrl()}/pcns/UZ1011/compare`, { waitUntil: "networkidle" });
      await page.getByTestId("compare-prompt").waitFor();
      expect(await violations(page)).toEqual([]);
      await page.getByRole("button", { name: "Compare", exact: true }).click();
      await page.locator("#picker-error-title").waitFor();
      expect(await violations(page)).toEqual([]);
      for (const [width, height] of [
        [1200, 900],
        [375, 800],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`${baseUrl()}/pcns/UZ1011/compare?ids=${ids.join(",")}`, { waitUntil: "networkidle" });
        await page.getByTestId("compare-headroom-chart").locator("svg").first().waitFor();
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        expect(await violations(page), `${width}px`).toEqual([]);
      }
    } finally {
      await ctx.close();
    }
  });
});
