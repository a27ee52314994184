// Single sign-on in the browser, against the real OpenID Connect provider the global setup starts
// (tests/support/oidc-provider.ts) and the production server configured with ARRS_OIDC_*.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDER_PASSWORD } from "../support/oidc-provider";
import { baseUrl, E2E_EDITOR, launchBrowser, openPage } from "./browser";
import { E2E_SSO_NAME } from "./sso-accounts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** From the sign-in page through the provider's sign-in and consent pages, back to the app. */
async function signInAtProvider(page: Page, login: string, opts: { next?: string; consent?: "Allow" | "Cancel" } = {}): Promise<void> {
  await page.goto(`${baseUrl()}/login${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ""}`);
  await page.getByRole("link", { name: `Sign in with ${E2E_SSO_NAME}` }).click();
  await page.waitForURL((u) => u.origin !== new URL(baseUrl()).origin);
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password").fill(TEST_PROVIDER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: opts.consent ?? "Allow" }).click();
  await page.waitForURL((u) => u.origin === new URL(baseUrl()).origin);
  await page.waitForLoadState();
}

describe("single sign-on", () => {
  it("the sign-in page offers it above the password form", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseUrl()}/login`);
    const link = page.getByRole("link", { name: `Sign in with ${E2E_SSO_NAME}` });
    await expect(link.getAttribute("class")).resolves.toContain("nhsuk-button");
    await expect(link.getAttribute("href")).resolves.toBe("/auth/oidc/start?next=%2F");
    // The password form is still there.
    await expect(page.getByLabel("Email address").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it("the first sign-in links to the account with the same verified email and goes on to next", async () => {
    const { page, errors } = await openPage(browser);
    await signInAtProvider(page, "sso-editor", { next: "/pcns/UZ1001" });
    expect(new URL(page.url()).pathname).toBe("/pcns/UZ1001");
    await expect(page.getByTestId("signed-in").textContent()).resolves.toBe(E2E_EDITOR.name);
    expect(errors).toEqual([]);
  });

  it("a new email: the account is created and waits for an administrator", async () => {
    const { page, errors } = await openPage(browser);
    await signInAtProvider(page, "sso-newcomer");
    expect(new URL(page.url()).pathname).toBe("/auth/oidc/account-created");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Your account has been created");
    expect(main).toContain("An administrator needs to give you access to your PCN");
    await expect(page.getByTestId("signed-in").textContent()).resolves.toBe("Nia Newcomer");
    expect(errors).toEqual([]);
  });

  it.each([
    ["sso-unverified", "Allow", "did not confirm your email address"],
    ["sso-outsider", "Allow", "Only email addresses at example.nhs.uk, nhs.net can sign in"],
    ["sso-editor", "Cancel", "was cancelled"],
  ] as const)("%s (%s) is refused on the sign-in page with a plain message", async (login, consent, message) => {
    const { page, errors } = await openPage(browser);
    await signInAtProvider(page, login, { consent });
    expect(new URL(page.url()).pathname).toBe("/login");
    const summary = page.locator(".nhsuk-error-summary");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain(message);
    // Focus moves to the message, for keyboard and screen reader users.
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain("nhsuk-error-summary");
    expect(await page.getByTestId("signed-in").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
