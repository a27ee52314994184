// Security headers on every kind of response, and the pages still working under the
// Content-Security-Policy: no violation reported by Chromium on any page a user reaches (home with
// an estimate, PCN pages, the planner, compare, sign-in, the admin import with an upload).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl, E2E_ADMIN, launchBrowser, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EVERYWHERE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectSecurityHeaders(res: Response, kind: "page" | "other") {
  for (const [name, value] of Object.entries(EVERYWHERE)) expect(res.headers.get(name), `${name} on ${res.url}`).toBe(value);
  expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  if (kind === "page") {
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp).toContain(d);
  } else {
    expect(csp).toContain("default-src 'none'");
  }
  // Plain HTTP here: no HSTS (it is sent over HTTPS only).
  expect(res.headers.get("strict-transport-security")).toBeNull();
}

describe("security headers", () => {
  it("on a page, an API answer, static files and 404s (page and API)", async () => {
    const home = await fetch(`${baseUrl()}/`);
    expect(home.status).toBe(200);
    expectSecurityHeaders(home, "page");
    const html = await home.text();
    // Every script Next renders carries this response's nonce; there is no inline handler.
    const nonce = /'nonce-([^']+)'/.exec(home.headers.get("content-security-policy")!)![1]!;
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\son[a-z]+="/i);

    const api = await fetch(`${baseUrl()}/api/v1/pcns?q=demo`);
    expect(api.status).toBe(200);
    expectSecurityHeaders(api, "other");

    const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    for (const path of ["/nhsuk/nhsuk.css", chunk]) {
      const res = await fetch(`${baseUrl()}${path}`);
      expect(res.status, path).toBe(200);
      expectSecurityHeaders(res, "other");
    }

    const missing = await fetch(`${baseUrl()}/no-such-page`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, "page");
    const missingApi = await fetch(`${baseUrl()}/api/v1/no-such-thing`);
    expect(missingApi.status).toBe(404);
    expectSecurityHeaders(missingApi, "other");
  });

  it("a fresh nonce on every page view", async () => {
    const nonceOf = async () => /'nonce-([^']+)'/.exec((await fetch(`${baseUrl()}/rules`)).headers.get("content-security-policy")!)![1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it("Strict-Transport-Security (and upgrade-insecure-requests) when the request came over HTTPS", async () => {
    for (const path of ["/", "/api/health", "/nhsuk/nhsuk.css"]) {
      const res = await fetch(`${baseUrl()}${path}`, { headers: { "x-forwarded-proto": "https" } });
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
    }
    const page = await fetch(`${baseUrl()}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

/** A page that records every CSP violation and console error, from before any script runs. */
async function watchedPage(context: Awaited<ReturnType<Browser["newContext"]>>): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction("__reportCsp", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`);
    });
  });
  page.on("console", (m) => {
    // A failed load is reported below, with its address (the 404 page itself is expected).
    if (/^Failed to load resource/.test(m.text())) return;
    if (m.type() === "error" || /Content Security Policy|Permissions-Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !new URL(r.url()).pathname.startsWith("/no-such-page")) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

describe("the pages work under the Content-Security-Policy", () => {
  it("home (an estimate), PCN search and page, rules, sign-in: no violation, and the scripts run", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const { page, problems } = await watchedPage(context);
      await page.goto(baseUrl(), { waitUntil: "networkidle" });
      await page.getByRole("button", { name: "Calculate" }).click();
      await page.getByTestId("estimate-result").waitFor();
      await page.goto(`${baseUrl()}/pcns?q=demo`, { waitUntil: "networkidle" });
      await page.goto(`${baseUrl()}/pcns/UZ1002`, { waitUntil: "networkidle" });
      // The charts are loaded by script, after hydration: they only appear if scripts ran.
      await page.locator(".recharts-surface").first().waitFor({ timeout: 20_000 });
      await page.goto(`${baseUrl()}/rules`, { waitUntil: "networkidle" });
      await page.goto(`${baseUrl()}/login`, { waitUntil: "networkidle" });
      await page.goto(`${baseUrl()}/no-such-page`, { waitUntil: "networkidle" });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the planner and compare pages (demo account): no violation", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const { page, problems } = await watchedPage(context);
      await signIn(page, DEMO_ACCOUNT);
      const ids: string[] = [];
      for (const name of ["CSP check A", "CSP check B"]) {
        const res = await page.request.post(`${baseUrl()}/api/v1/pcns/UZ1009/scenarios`, {
          headers: { origin: baseUrl(), "content-type": "application/json" },
          data: { name, firstYear: "2025/26", years: 2, posts: [{ role: "occupational-therapist", band: "7", point: 1, wte: name.endsWith("A") ? 1 : 0.5 }] },
        });
        expect(res.status()).toBe(201);
        ids.push(((await res.json()) as { id: string }).id);
      }
      await page.goto(`${baseUrl()}/pcns/UZ1009/scenarios`, { waitUntil: "networkidle" });
      await page.goto(`${baseUrl()}/pcns/UZ1009/scenarios/${ids[0]}`, { waitUntil: "networkidle" });
      await page.getByTestId("planner-summary").waitFor();
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      // The month-by-month chart is in the "Year in detail" section (the planner opens on its posts).
      await page.getByTestId("planner-sections").getByRole("link", { name: "Year in detail" }).click();
      await page.locator(".recharts-surface").first().waitFor({ timeout: 20_000 });
      await page.goto(`${baseUrl()}/pcns/UZ1009/compare?ids=${ids.join(",")}`, { waitUntil: "networkidle" });
      await page.locator("h1").waitFor();
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await page.waitForTimeout(1000);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the admin import page and an upload through it: no violation", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const { page, problems } = await watchedPage(context);
      await signIn(page, E2E_ADMIN);
      await page.goto(`${baseUrl()}/admin/import`, { waitUntil: "networkidle" });
      await page.locator('input[type="file"]').setInputFiles([
        { name: "csp-weighted.csv", mimeType: "text/csv", buffer: Buffer.from("pcn_code,financial_year,weighted_population\nUZ1010,2025/26,41234.5\n") },
      ]);
      await page.getByRole("button", { name: "Import files" }).click();
      await page.getByText("All files imported.").waitFor({ timeout: 20_000 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
