// The charts as drawn (issue 14, item 11): the planner's month-by-month chart compares like with
// like on one axis (a month's cost against a twelfth of the entitlement, or the cost so far
// against the year's), and no chart repeats a tick label ("£2k, £2k").
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, signIn } from "./browser";

const PCN = "UZ1014"; // no other browser test uses it
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];
const ids = { one: "", two: "" };

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, DEMO_ACCOUNT);
  const create = async (name: string, posts: object[]) => {
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: { name, firstYear: "2025/26", years: 2, posts } });
    expect(r.status(), await r.text()).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  const ot = { id: "ot", label: "OT", role: "occupational-therapist", band: "7", point: 1, wte: 1 };
  ids.one = await create("One OT", [ot]);
  ids.two = await create("One OT and a pharmacist", [ot, { id: "cp", label: "CP", role: "clinical-pharmacist", band: "7", point: 2, wte: 0.8 }]);
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

/** "£66.6k" → 66,600; "−£2.5m" → −2,500,000. */
function poundsOf(label: string): number {
  const m = /(−)?£([\d.,]+)(k|m)?/.exec(label);
  if (!m) throw new Error(`not a money label: ${label}`);
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, "")) * (m[3] === "m" ? 1e6 : m[3] === "k" ? 1e3 : 1);
}

/**
 * The Y axis's tick labels, and each one's vertical position on screen. Recharts 3 draws the
 * labels in their own layer (".recharts-yAxis-tick-labels", in a z-index layer), not inside the
 * axis's ".recharts-yAxis" group, which holds only the axis and tick lines.
 */
const Y_TICK_LABEL = ".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value";
async function yTicks(chart: Locator): Promise<{ label: string; y: number }[]> {
  await chart.locator(Y_TICK_LABEL).first().waitFor();
  return chart.locator(Y_TICK_LABEL).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { label: (e.textContent ?? "").trim(), y: r.top + r.height / 2 };
    }),
  );
}

/** The value the (horizontal) entitlement line is drawn at, read back through the axis's scale. */
async function lineValue(chart: Locator): Promise<{ value: number; flat: boolean }> {
  const ticks = await yTicks(chart);
  const lo = ticks.reduce((a, b) => (poundsOf(a.label) < poundsOf(b.label) ? a : b));
  const hi = ticks.reduce((a, b) => (poundsOf(a.label) > poundsOf(b.label) ? a : b));
  const ys = await chart.locator(".recharts-line path.recharts-curve").first().evaluate((p) => {
    const path = p as SVGPathElement;
    const svg = path.ownerSVGElement!.getBoundingClientRect();
    const n = path.getTotalLength();
    return [0, 0.5, 1].map((f) => path.getPointAtLength(n * f).y + svg.top);
  });
  const y = ys[0]!;
  const value = poundsOf(lo.label) + ((lo.y - y) / (lo.y - hi.y)) * (poundsOf(hi.label) - poundsOf(lo.label));
  return { value, flat: ys.every((v) => Math.abs(v - y) < 0.5) };
}

describe("planner month-by-month chart", () => {
  it("draws each month's cost against a twelfth of the entitlement on one axis, and the year so far against the whole entitlement", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/${ids.one}`, { waitUntil: "networkidle" });
    const entitlementText = (await page.getByTestId("summary-entitlement").textContent()) ?? "";
    const entitlement = Number(/£([\d,]+\.\d\d)/.exec(entitlementText)![1]!.replace(/,/g, ""));
    // The chart is in the "Year in detail" section, hidden until its link is followed.
    await page.getByTestId("planner-sections").getByRole("link", { name: "Year in detail" }).click();
    const chart = page.getByTestId("planner-monthly-chart");
    await chart.locator("svg.recharts-surface").first().waitFor();

    // One Y axis only: nothing on a second scale.
    expect(await chart.locator(".recharts-yAxis").count()).toBe(1);
    const ticks = await yTicks(chart);
    const labels = ticks.map((t) => t.label);
    expect(new Set(labels).size, labels.join(", ")).toBe(labels.length);

    // The dashed line is a twelfth of the entitlement (within one pixel's worth of the axis).
    const share = Math.round((entitlement * 100) / 12) / 100;
    expect(Number(await chart.getAttribute("data-entitlement-line"))).toBe(share);
    const range = poundsOf(labels[labels.length - 1]!) - poundsOf(labels[0]!);
    const monthly = await lineValue(chart);
    expect(monthly.flat).toBe(true);
    expect(Math.abs(monthly.value - share)).toBeLessThan(range / 100);
    await expect(chart.locator("figcaption").textContent()).resolves.toContain("a twelfth of the year's entitlement");

    // Cumulative: the line is the whole year's entitlement.
    await chart.getByLabel("So far in the year").check();
    await page.waitForFunction(() => document.querySelector('[data-testid="planner-monthly-chart"]')?.getAttribute("data-mode") === "cumulative");
    const cumulativeLabels = (await yTicks(chart)).map((t) => t.label);
    expect(new Set(cumulativeLabels).size, cumulativeLabels.join(", ")).toBe(cumulativeLabels.length);
    const year = await lineValue(chart);
    const yearRange = poundsOf(cumulativeLabels[cumulativeLabels.length - 1]!) - poundsOf(cumulativeLabels[0]!);
    expect(Math.abs(year.value - entitlement)).toBeLessThan(yearRange / 100);
    expect(errors).toEqual([]);
  });
});

describe("compare charts", () => {
  it("draw each scenario's difference from the baseline, with distinct tick labels", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare?ids=${ids.one},${ids.two}`, { waitUntil: "networkidle" });
    const chart = page.getByTestId("compare-measures-chart");
    await chart.locator("svg.recharts-surface").first().waitFor();
    await expect(chart.locator("figcaption").textContent()).resolves.toContain("difference from the baseline");
    // One bar series: the other scenario minus the baseline.
    await expect(chart.locator(".recharts-legend-item-text").allTextContents()).resolves.toEqual(["One OT and a pharmacist − One OT"]);
    for (const id of ["compare-measures-chart", "compare-headroom-chart"]) {
      const labels = (await yTicks(page.getByTestId(id))).map((t) => t.label);
      expect(new Set(labels).size, labels.join(", ")).toBe(labels.length);
    }
    expect(errors).toEqual([]);
  });
});
