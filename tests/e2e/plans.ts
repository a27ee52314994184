// Setups the outturn and ICB browser tests share: a page that records page errors and server
// errors, a plan saved through the API and marked agreed, and a month's claim lines written
// straight into the e2e database (the claims screens have their own test).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { baseUrl, signIn } from "./browser";

/** A new page of `ctx` whose uncaught errors and failed same-origin requests go into `errors`. */
export async function watchedPage(ctx: BrowserContext, errors: string[]): Promise<Page> {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.url().startsWith(baseUrl()) && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return page;
}

/** A new context `width` px wide (kept in `contexts` for the caller to close) with a watched page signed in as `who`. */
export async function openSignedIn(browser: Browser, contexts: BrowserContext[], width: number, who: { email: string; password: string }): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(ctx);
  const errors: string[] = [];
  const page = await watchedPage(ctx, errors);
  await signIn(page, who);
  return { page, errors };
}

export interface SavedScenario {
  id: string;
  results: { years: { posts: { id: string; months: { month: string; claimable: number }[] }[] }[] };
}

/** Saves a scenario of `pcn` through the API (as the page's signed-in user); `agreedAt` marks it the agreed plan. */
export async function savePlan(page: Page, db: Db, pcn: string, body: { name: string; firstYear: string; years: number; posts: object[] }, agreedAt?: Date): Promise<SavedScenario> {
  const r = await page.request.post(`${baseUrl()}/api/v1/pcns/${pcn}/scenarios`, { data: body });
  expect(r.status(), await r.text()).toBe(201);
  const scenario = (await r.json()) as SavedScenario;
  if (agreedAt) await db.scenario.update({ where: { id: scenario.id }, data: { agreedAt } });
  return scenario;
}

export interface ClaimLine {
  postId: string | null;
  label: string;
  role: string;
  wteTenThousandths: number;
  /** Claimed; the salary too unless `salaryPence` is given (no on-costs). */
  pence: number;
  salaryPence?: number;
}

/** A month's claim with every line at `status` (paid on `paidOn`). */
export async function addClaimMonth(db: Db, pcnCode: string, month: string, status: string, lines: ClaimLine[], paidOn: string | null = null): Promise<void> {
  await db.claimMonth.create({
    data: {
      pcnCode,
      month,
      version: 1,
      lines: {
        create: lines.map((l, position) => ({
          position,
          postId: l.postId,
          label: l.label,
          role: l.role,
          wteTenThousandths: l.wteTenThousandths,
          salaryPence: l.salaryPence ?? l.pence,
          employerNiPence: 0,
          employerPensionPence: 0,
          claimedPence: l.pence,
          status,
          paidOn,
          note: null,
        })),
      },
    },
  });
}
