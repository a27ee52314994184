// Sign-in and who may change data: editors enter weighted populations, admins import files.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, E2E_ADMIN, E2E_EDITOR, launchBrowser, openPage, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign-in and roles", () => {
  it("refuses a wrong password without saying which part was wrong", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Email address").fill(E2E_EDITOR.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    await expect(page.locator(".nhsuk-error-summary").textContent()).resolves.toContain("The email address or password is not right.");
    await expect(page.getByLabel("Email address").inputValue()).resolves.toBe(E2E_EDITOR.email);
  });

  it("the import page asks anonymous users and editors to sign in as an administrator", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/admin/import`);
    await expect(page.locator("main").textContent()).resolves.toContain("Sign in as an administrator");
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await signIn(page, E2E_EDITOR);
    await page.goto(`${baseUrl()}/admin/import`);
    await expect(page.locator("main").textContent()).resolves.toContain("Only administrators can import files.");
  });

  it("an administrator imports a file from the upload page; a bad file is rejected with its line number", async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, E2E_ADMIN);
    await page.goto(`${baseUrl()}/admin/import`);
    const good = "pcn_code,financial_year,weighted_population\nUZ1003,2025/26,45678.9\n";
    const bad = "pcn_code,financial_year,weighted_population\nUZ1004,2025/26,lots\n";
    await page.locator('input[type="file"]').setInputFiles([
      { name: "weighted-good.csv", mimeType: "text/csv", buffer: Buffer.from(good) },
      { name: "weighted-bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) },
    ]);
    await page.getByRole("button", { name: "Import files" }).click();
    await page.getByText("1 of 2 files were rejected").waitFor({ timeout: 20_000 });
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("weighted-good.csv");
    expect(main).toMatch(/line 2/);
    expect(main).toContain(`${E2E_ADMIN.name} (${E2E_ADMIN.email})`);
    // The imported figure is now the PCN's 2025/26 weighted population.
    await page.goto(`${baseUrl()}/pcns/UZ1003`);
    await expect(page.locator('tr[data-financial-year="2025/26"]').textContent()).resolves.toContain("45,678.9");
    expect(errors).toEqual([]);
  });
});

describe("where sign-in goes next", () => {
  /** Signs in from /login?next=…; returns where the browser ended up and the redirect it was given. */
  async function signInWithNext(next: string, javaScriptEnabled: boolean): Promise<{ url: URL; location: string | null }> {
    const page: Page = await browser.newPage({ javaScriptEnabled });
    try {
      const ours = new URL(baseUrl()).origin;
      // Any other site answers with a stub page, so a redirect there completes (and shows).
      await page.route("**/*", (route) =>
        new URL(route.request().url()).origin === ours ? route.continue() : route.fulfill({ status: 200, contentType: "text/html", body: "<title>elsewhere</title>" }),
      );
      let location: string | null = null;
      page.on("response", (r) => {
        if (r.request().method() === "POST") location = r.headers()["location"] ?? r.headers()["x-action-redirect"] ?? location;
      });
      await page.goto(`${baseUrl()}/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email address").fill(E2E_EDITOR.email);
      await page.getByLabel("Password").fill(E2E_EDITOR.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      await page.waitForLoadState();
      return { url: new URL(page.url()), location };
    } finally {
      await page.close();
    }
  }

  const attacks = ["/..//evil.example", "/.//evil.example", "/pcns/../..//evil.example", "/%2e%2e//evil.example", "/pcns\\..\\..\\\\evil.example", "//evil.example", "https://evil.example/"];
  for (const js of [true, false]) {
    it.each(attacks)(`stays on this site for next=%j (JavaScript ${js ? "on" : "off"})`, async (next) => {
      const { url, location } = await signInWithNext(next, js);
      expect(url.origin).toBe(new URL(baseUrl()).origin);
      expect(url.pathname).toBe("/");
      expect(location).not.toMatch(/evil/);
    });

    it.each([
      ["/pcns/UZ1001#confirm", "/pcns/UZ1001", "#confirm"],
      ["/pcns?q=x", "/pcns", "?q=x"],
    ])(`still follows a path on this site: next=%j (JavaScript ${js ? "on" : "off"})`, async (next, pathname, rest) => {
      const { url } = await signInWithNext(next, js);
      expect(url.origin).toBe(new URL(baseUrl()).origin);
      expect(url.pathname).toBe(pathname);
      expect(`${url.search}${url.hash}`).toBe(rest);
    });
  }
});
