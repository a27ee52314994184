// Plan against actual (issue 17, items 1 and 2) in real Chromium: a PCN admin agrees a plan in the
// planner (the tag appears, and saving it then asks for confirmation), opens the PCN's claims,
// prepares a month's claim from the agreed plan, corrects one amount to payroll's, saves, and
// the reload shows it. axe (WCAG 2.2 AA) on the claims page at 1366 and 390 px; no sideways
// scrolling on a phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, E2E_ADMIN, launchBrowser, signIn, violations } from "./browser";

const PCN = "UZ1021";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The current financial year by the machine's date ("2026/27"), as the server works it out. */
function currentYear(): { label: string; start: number } {
  const now = new Date();
  const start = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return { label: `${start}/${String((start + 1) % 100).padStart(2, "0")}`, start };
}

describe("the agreed plan and a month's claims", () => {
  it("agree a plan, prepare and correct a month's claim, save, and the reload shows it; axe at 1366 and 390", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, E2E_ADMIN);
    const fy = currentYear();
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, {
      data: {
        name: "Board-approved plan",
        firstYear: fy.label,
        years: 1,
        posts: [
          { id: "ot-1", label: "OT frailty", role: "occupational-therapist", status: "existing", band: "7", point: 1, wte: 1, start: `${fy.start - 1}-10-01` },
          { id: "cp-1", label: "Pharmacist", role: "clinical-pharmacist", status: "existing", band: "7", point: 2, wte: 0.8, start: `${fy.start - 1}-04-01` },
        ],
      },
    });
    expect(r.status()).toBe(201);
    const { id } = (await r.json()) as { id: string };

    // Agree it in the planner.
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/${id}`, { waitUntil: "networkidle" });
    await page.getByTestId("agree-plan").click();
    await page.getByTestId("agreed-plan").waitFor();
    await expect.poll(() => page.getByTestId("agree-status").textContent()).toContain("agreed plan");
    // Saving the agreed plan asks first; dismissing it saves nothing.
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => asked).toContain("This is the PCN's agreed plan: saving changes the agreed figures");

    // The scenarios list labels it; the claims page opens from the planner.
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios`);
    expect(await page.getByTestId("scenario-list").getByTestId("agreed-tag").count()).toBe(1);
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/${id}`);
    await page.getByRole("link", { name: "Claims against this plan" }).click();
    await page.waitForURL(/\/claims$/);
    await page.getByRole("heading", { name: "Claims, month by month" }).waitFor();

    const may = `${fy.start}-05`;
    await page.goto(`${baseUrl()}/pcns/${PCN}/claims?year=${encodeURIComponent(fy.label)}&month=${may}`, { waitUntil: "networkidle" });
    await page.getByTestId("no-lines").waitFor();
    await page.getByTestId("prepare-claim").click();
    const lines = page.getByTestId("claim-line");
    await expect.poll(() => lines.count()).toBe(2);
    const claimed = page.getByLabel("Claimed (£) for OT frailty");
    const planned = await claimed.inputValue();
    expect(Number(planned)).toBeGreaterThan(0);
    // Payroll paid less: the claim is corrected to 4,321.09.
    await claimed.fill("4321.09");
    await page.getByLabel("Note for OT frailty").fill("Two days unpaid leave");
    await page.getByTestId("save-claims").click();
    await expect.poll(() => page.getByTestId("claims-status").textContent()).toContain("(version 1)");

    await page.reload({ waitUntil: "networkidle" });
    expect(await page.getByLabel("Claimed (£) for OT frailty").inputValue()).toBe("4321.09");
    expect(await page.getByLabel("Note for OT frailty").inputValue()).toBe("Two days unpaid leave");
    expect(await page.getByLabel("Claimed (£) for Pharmacist").inputValue()).not.toBe("");
    expect(await page.getByTestId("claim-months").textContent()).toContain("2 draft");
    expect(await violations(page)).toEqual([]);

    // A bad amount is refused in words and nothing is saved.
    await page.getByLabel("Claimed (£) for OT frailty").fill("-5");
    await page.getByTestId("save-claims").click();
    await page.getByRole("alert").getByText("The amount claimed cannot be negative.").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.getByLabel("Claimed (£) for OT frailty").inputValue()).toBe("4321.09");

    // A phone: cards, no sideways scrolling, still accessible.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: "networkidle" });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await violations(page)).toEqual([]);
    // After a save (the page refreshes in place) the cards still fit: the styles must survive it.
    await page.getByTestId("save-claims").click();
    await expect.poll(() => page.getByTestId("claims-status").textContent()).toContain("(version 2)");
    await page.waitForLoadState("networkidle");
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
