// Compare and export in real Chromium (issue 7): the demo account compares two scenarios (the
// difference shown in words), downloads the comparison, a scenario and a quick estimate as CSV
// and XLSX (every figure checked against the API's JSON), and prints a 10-post scenario's planner
// to PDF on at most three A4 landscape pages.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, launchBrowser, signIn } from "./browser";

const PCN = "UZ1010";
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];
const ids: Record<"base" | "ot" | "ten", string> = { base: "", ot: "", ten: "" };

const CP = { id: "cp", label: "Clinical pharmacist", status: "existing", role: "clinical-pharmacist", band: "7", point: 2, wte: 0.8 };
const OT = { id: "ot-1", label: "OT – frailty", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01" };
const TEN = [
  CP,
  OT,
  { id: "splw", label: "Social prescriber", status: "existing", role: "social-prescribing-link-worker", band: "5", point: 1, wte: 1 },
  { id: "cc", label: "Care coordinator", status: "existing", role: "care-coordinator", band: "4", point: 1, wte: 1 },
  { id: "fcp", label: "FCP MSK", role: "first-contact-physiotherapist", band: "7", point: 3, wte: 0.8 },
  { id: "para", label: "Paramedic", role: "paramedic", band: "7", point: 1, wte: 1, start: "2025-10-01" },
  { id: "pt", label: "Pharmacy technician", role: "pharmacy-technician", band: "5", point: 2, wte: 1 },
  { id: "hwc", label: "Health coach", role: "health-and-wellbeing-coach", band: "4", point: 2, wte: 0.6 },
  { id: "diet", label: "Dietitian", role: "dietitian", band: "6", point: 1, wte: 0.4 },
  { id: "mhp", label: "MHP", role: "mental-health-practitioner", band: "6", point: 2, wte: 1 },
];

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.url().startsWith(baseUrl()) && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  await signIn(page, DEMO_ACCOUNT);
  // The scenarios, saved through the API with the browser's session.
  const create = async (name: string, posts: object[]) => {
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, { data: { name, firstYear: "2025/26", years: 3, posts } });
    expect(r.status(), await r.text()).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  ids.base = await create("Existing team", [CP]);
  ids.ot = await create("Add one First Contact OT from October", [CP, OT]);
  ids.ten = await create("Ten posts", TEN);
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

async function getJson(path: string): Promise<any> {
  const r = await page.request.get(`${baseUrl()}${path}`);
  expect(r.status()).toBe(200);
  return r.json();
}

/** Clicks the link (or button) `name` and returns the downloaded file's name and bytes. */
async function download(name: string, role: "link" | "button" = "link"): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent("download"), page.getByRole(role, { name, exact: true }).click()])) as [Download, unknown];
  return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
}
const downloadButton = (name: string) => download(name, "button");

function csvRows(bytes: Buffer): Record<string, string>[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
}
async function sheet(bytes: Buffer, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  expect(ws, name).toBeTruthy();
  const out: unknown[][] = [];
  ws!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v))));
  return out;
}
const inert = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe("compare", () => {
  it("picks two scenarios, shows the other's difference from the baseline in words, and links from the scenarios list", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Compare scenarios side by side" }).click();
    await page.waitForURL(new RegExp(`/pcns/${PCN}/compare$`));
    await page.getByTestId("compare-prompt").waitFor();
    // Fewer than two picked: a prompt, and the URL does not change.
    await page.getByLabel(/^Existing team/).check();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.locator("#picker-error-title").waitFor();
    expect(page.url()).toMatch(/\/compare$/);
    await page.getByLabel(/^Add one First Contact OT from October/).check();
    await page.getByLabel("Baseline").selectOption({ label: "Existing team" });
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("ids") === `${ids.base},${ids.ot}`);
    await page.getByTestId("comparison").waitFor();

    const json = await getJson(`/api/v1/pcns/${PCN}/compare?ids=${ids.base},${ids.ot}`);
    const cost = json.years[0].rows.find((r: any) => r.measure.id === "cost").values;
    expect(cost[1].difference).toBeGreaterThan(0);
    const money = (n: number) => `£${Math.abs(n).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const costRow = page.getByTestId("compare-2025/26").locator('tr[data-measure="cost"]');
    const cell = costRow.locator("td").nth(1);
    // Readable without colour: the sign, the amount, "more", and "than the baseline" for screen readers.
    await expect(cell.getByTestId("difference").textContent()).resolves.toMatch(new RegExp(`\\+${money(cost[1].difference).replace(/[.$]/g, "\\$&")} more\\s*than the baseline`));
    expect(await cell.getAttribute("class")).toContain("app-compare-cell--changed");
    await expect(costRow.locator("td").nth(0).textContent()).resolves.toContain(money(cost[0].value));
    // Average WTE in post by role: the 1.0 WTE OT from 1 October 2025 is in post 182 of 365 days → 10,000 × 182 ÷ 365 = 4,986.3 → +0.4986 WTE.
    await expect(page.getByTestId("compare-2025/26").locator('tr[data-measure="wte:occupational-therapist"] td').nth(1).textContent()).resolves.toContain("+0.4986 WTE more");
    // The charts load (lazily).
    await page.getByTestId("compare-measures-chart").locator("svg.recharts-surface").first().waitFor();
    await page.getByTestId("compare-headroom-chart").locator("svg.recharts-surface").first().waitFor();
    expect(errors).toEqual([]);
  });

  it("keeps the baseline picked (ticked or not) and the columns in the order ticked; the link, the downloads and 'differences only' keep them (issue 14, item 14)", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare`, { waitUntil: "networkidle" });
    const picker = page.getByTestId("compare-picker");
    // Ticked: the OT plan, then the existing team; the baseline is "Ten posts", never ticked.
    await picker.getByLabel(/^Add one First Contact OT from October/).check();
    await picker.getByLabel(/^Existing team/).check();
    await picker.getByLabel("Baseline").selectOption({ label: "Ten posts" });
    await expect(picker.getByTestId("compare-order").textContent()).resolves.toContain("Ten posts (baseline), Add one First Contact OT from October, Existing team");
    await picker.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("ids") === `${ids.ten},${ids.ot},${ids.base}` && u.searchParams.get("baseline") === ids.ten);
    const table = page.getByTestId("compare-2025/26");
    await table.waitFor();
    const headings = (await table.locator("thead th").allTextContents()).slice(1);
    // A column heading is the scenario's name, then "Baseline" on the baseline's, then the year's
    // "Estimate" or "Projection" tag when its figures are not all published ones: the name is the
    // heading without the tag and the baseline mark.
    const names = await table.locator("thead th").evaluateAll((ths) =>
      ths.slice(1).map((th) => {
        const copy = th.cloneNode(true) as Element;
        copy.querySelectorAll(".app-figure-tag").forEach((t) => t.remove());
        return (copy.textContent ?? "").replace(/Baseline$/, "").trim();
      }),
    );
    expect(names).toEqual(["Ten posts", "Add one First Contact OT from October", "Existing team"]);
    expect(headings[0]).toContain("Baseline");
    expect(headings.slice(1).some((h) => h.includes("Baseline"))).toBe(false);

    // The shared link reopens the same page: order and baseline.
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare?ids=${ids.base},${ids.ot}&baseline=${ids.ot}`, { waitUntil: "networkidle" });
    const heads = (await page.getByTestId("compare-2025/26").locator("thead th").allTextContents()).slice(1);
    expect(heads[0]).toMatch(/^Existing team/);
    expect(heads[1]).toMatch(/^Add one First Contact OT from October\s*Baseline/);
    // The existing team is −0.4986 average WTE of OT against the OT plan (its 1.0 WTE OT is in post 182 of 365 days).
    await expect(page.getByTestId("compare-2025/26").locator('tr[data-measure="wte:occupational-therapist"] td').nth(0).textContent()).resolves.toContain("−0.4986 WTE less");
    const csv = csvRows((await download("Download CSV")).bytes);
    expect(csv.filter((r) => r["Financial year"] === "2025/26").map((r) => [r["Scenario id"], r.Baseline])).toEqual([
      [inert(ids.base), "no"],
      [inert(ids.ot), "yes"],
    ]);
    const xlsx = await sheet((await download("Download XLSX")).bytes, "Comparison");
    expect(xlsx.filter((r) => r[0] === "2025/26").map((r) => [r[1], r[3]])).toEqual([
      [inert(ids.base), "no"],
      [inert(ids.ot), "yes"],
    ]);

    // Differences only: the measures that are the same (the entitlement) go; the link keeps the order and baseline.
    const before = await page.getByTestId("compare-2025/26").locator("tbody tr").count();
    expect(await page.getByTestId("compare-2025/26").locator('tr[data-measure="entitlement"]').count()).toBe(1);
    await page.getByRole("link", { name: "Show differences only" }).click();
    await page.waitForURL((u) => u.searchParams.get("view") === "differences" && u.searchParams.get("baseline") === ids.ot);
    await page.getByRole("link", { name: "Show every measure" }).waitFor();
    expect(await page.getByTestId("compare-2025/26").locator('tr[data-measure="entitlement"]').count()).toBe(0);
    expect(await page.getByTestId("compare-2025/26").locator("tbody tr").count()).toBeLessThan(before);
    expect(await page.getByTestId("compare-2025/26").locator('tr[data-measure="cost"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("downloads the comparison as CSV and XLSX with the JSON's figures", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare?ids=${ids.base},${ids.ot}`, { waitUntil: "networkidle" });
    const json = await getJson(`/api/v1/pcns/${PCN}/compare?ids=${ids.base},${ids.ot}`);
    const csv = await download("Download CSV");
    expect(csv.name).toBe(`Compare-${PCN}-2025-26.csv`);
    const rows = csvRows(csv.bytes);
    const xlsx = await download("Download XLSX");
    expect(xlsx.name).toBe(`Compare-${PCN}-2025-26.xlsx`);
    const ws = await sheet(xlsx.bytes, "Comparison");
    const header = ws[0] as string[];
    let checked = 0;
    for (const y of json.years) {
      json.scenarios.forEach((s: any, i: number) => {
        const r = rows.find((x) => x["Financial year"] === y.financialYear && x["Scenario id"] === inert(s.id))!;
        const w = ws.find((x) => x[0] === y.financialYear && x[1] === inert(s.id))!;
        for (const m of y.rows) {
          const v = m.values[i];
          expect(r[m.measure.label], `${y.financialYear} ${s.name} ${m.measure.label}`).toBe(String(v.value));
          expect(w[header.indexOf(m.measure.label)] ?? null).toBe(v.value);
          expect(w[header.indexOf(`${m.measure.label}: difference from baseline`)] ?? null).toBe(v.difference);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe("downloads from the planner and the quick estimate", () => {
  it("the planner's CSV and XLSX hold the saved scenario's figures", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/${ids.ot}`, { waitUntil: "networkidle" });
    await page.getByTestId("planner-summary").waitFor();
    const s = await getJson(`/api/v1/scenarios/${ids.ot}`);
    const csv = csvRows((await download("Download CSV (month by month)")).bytes);
    for (const y of s.results.years) {
      for (const m of y.months) {
        const r = csv.find((x) => x["Financial year"] === y.financialYear && x.Month === m.month && x.Row === "plan total")!;
        expect([Number(r.Cost), Number(r.Claimable), Number(r["PCN-funded"])], `${y.financialYear} ${m.month}`).toEqual([m.cost, m.claimable, m.pcnFunded]);
      }
    }
    const xlsx = await download("Download XLSX");
    const summary = await sheet(xlsx.bytes, "Summary");
    const at = summary.findIndex((r) => r[0] === "Financial year");
    s.results.years.forEach((y: any, i: number) => {
      expect(summary[at + 1 + i]!.slice(2, 7)).toEqual([y.entitlement, y.totals.cost, y.totals.claimable, y.totals.pcnFunded, y.totals.headroom]);
    });
    const claims = csvRows((await download("Download claims schedule (CSV)")).bytes);
    const ot = s.results.years[0].posts.find((p: any) => p.id === "ot-1");
    expect(claims.filter((r) => r["Post id"] === "ot-1" && r["Financial year"] === "2025/26").map((r) => Number(r["Amount to claim"]))).toEqual(
      ot.months.filter((m: any) => m.daysInPost > 0).map((m: any) => m.claimable),
    );
  });

  it("the quick estimate's CSV and XLSX hold the figures of the last Calculate", async () => {
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    // The year is chosen, not left to default: the default is the current year by the server's clock.
    await page.getByLabel("Financial year").selectOption("2025/26");
    await page.getByLabel("Contractor weighted population at 1 January").fill("30000");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    // The request the page sends for the file is the one its result came from.
    const sent = page.waitForRequest((r) => r.url().includes("/api/v1/estimate") && r.method() === "POST");
    const xlsx = await downloadButton("Download XLSX");
    expect(xlsx.name).toBe("Quick-estimate-2025-26.xlsx");
    const body = (await sent).postDataJSON();
    const r = await page.request.post(`${baseUrl()}/api/v1/estimate`, { data: body });
    const est = await r.json();
    expect(est.entitlement).toBe(798_930);
    const summary = await sheet(xlsx.bytes, "Summary");
    const row = summary[summary.findIndex((x) => x[0] === "Financial year") + 1]!;
    expect(row.slice(2, 7)).toEqual([est.entitlement, est.totals.cost, est.totals.claimable, est.totals.pcnFunded, est.totals.headroom]);
    const csv = csvRows((await downloadButton("Download CSV (month by month)")).bytes);
    expect(csv.filter((x) => x.Row === "plan total").map((x) => Number(x.Cost))).toEqual(est.months.map((m: any) => m.cost));
    const claims = csvRows((await downloadButton("Download claims schedule (CSV)")).bytes);
    expect(claims.map((x) => Number(x["Amount to claim"]))).toEqual(est.posts.flatMap((p: any) => p.months.filter((m: any) => m.daysInPost > 0).map((m: any) => m.claimable)));
    expect(errors).toEqual([]);
  });
});

describe("print", () => {
  // Three pages again (it went to four in December 2026: the summary's chart had lost its place
  // beside the figures when the sticky headline took the "planner-summary" test id, and the new
  // sections added height). The workforce month table stays out of print (it is in the downloads).
  it("a 10-post scenario's planner prints on at most three A4 landscape pages, without the header, navigation or buttons", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/scenarios/${ids.ten}`, { waitUntil: "networkidle" });
    await page.getByTestId("planner-summary").waitFor();
    for (const [section, chart] of [
      ["Year in detail", "planner-monthly-chart"],
      ["Projection", "cost-pressure-chart"],
      ["Cash flow", "cash-flow-chart"],
    ] as const) {
      await page.getByTestId("planner-sections").getByRole("link", { name: section }).click();
      await page.getByTestId(chart).locator("svg.recharts-surface").first().waitFor();
    }
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".nhsuk-header", ".nhsuk-footer", '[data-testid="save-bar"]', '[data-testid="planner-downloads"]']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    await expect(page.getByTestId("print-posts").locator("tbody tr").count()).resolves.toBe(10);
    const pdf = await page.pdf({ format: "A4", landscape: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    // Every section a board paper needs is still printed.
    for (const id of ["print-posts", "planner-summary-detail", "need-figures", "supervision-table", "projection-table", "cash-flow", "shares-table", "print-assumptions"]) {
      expect(await page.getByTestId(id).first().isVisible(), id).toBe(true);
    }
    await page.emulateMedia({ media: "screen" });
  });

  it("the comparison prints with its tables and the assumptions at the end", async () => {
    await page.goto(`${baseUrl()}/pcns/${PCN}/compare?ids=${ids.base},${ids.ot},${ids.ten}`, { waitUntil: "networkidle" });
    await page.getByTestId("compare-headroom-chart").locator("svg.recharts-surface").first().waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("compare-picker").isVisible()).toBe(false);
    // The assumptions come last on paper.
    const order = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="compare-assumptions"]')!.getBoundingClientRect().top;
      const t = document.querySelector('[data-testid="compare-horizon"]')!.getBoundingClientRect().top;
      const c = document.querySelector('[data-testid="compare-headroom-chart"]')!.getBoundingClientRect().top;
      return { assumptionsAfterTables: a > t, assumptionsAfterCharts: a > c };
    });
    expect(order).toEqual({ assumptionsAfterTables: true, assumptionsAfterCharts: true });
    const pdf = await page.pdf({ format: "A4", landscape: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0).toBeLessThanOrEqual(6);
    await page.emulateMedia({ media: "screen" });
  });
});
