// Words on screen (issue 14, item 15): no doubled words ("estimate: estimate:", "Quick estimate:
// Quick estimate", "(estimated) (estimate)"), no raw ids (role ids, "icb-confirmed", "inner-london")
// or API words ("weightedPopulation", "the API's assumptions"), one name for the national area;
// the header's "Sign in" returns to the page; a signed-in account that cannot plan for a PCN is
// told whom to ask (its PCN admins, or a site administrator when it has none); /favicon.ico exists.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_IDS } from "@/lib/engine";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createPrisma } from "@/lib/server/db/create-prisma";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createUser } from "@/lib/server/auth/users";
import { baseUrl, E2E_EDITOR, launchBrowser, openPage, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DOUBLED = [/estimate:\s*estimate:/i, /quick estimate:\s*quick estimate/i, /\(estimated?\)\s*\(estimated?\)/i, /\(estimated\)\s*estimate/i, /\bestimated?\s+estimated?\b/i];
const RAW = [...ROLE_IDS, "icb-confirmed", "inner-london", "outer-london", "weightedPopulation", "API's", "National (no HCAS)"];

/** Every doubled word or raw id in the page's text (select options included), with some context. */
async function wordProblems(page: Page): Promise<string[]> {
  // (charts left out: their axis and bar labels are not sentences)
  const text = await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>(".recharts-wrapper, [role=img]")) el.style.display = "none";
    return document.body.innerText;
  });
  const found: string[] = [];
  for (const re of DOUBLED) {
    const m = re.exec(text);
    if (m) found.push(`"${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30)}"`);
  }
  for (const id of RAW) {
    const re = new RegExp(`(^|[^\\w-])${id.replace(/[().']/g, "\\$&")}($|[^\\w-])`);
    const m = re.exec(text);
    if (m) found.push(`${id} in "${text.slice(Math.max(0, m.index - 30), m.index + id.length + 30)}"`);
  }
  return found;
}

describe("the main pages' words", () => {
  it("no doubled words, raw ids or API words on the main pages, signed in", async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, E2E_EDITOR);
    const problems: string[] = [];
    const visit = async (p: string) => {
      await page.goto(`${baseUrl()}${p}`, { waitUntil: "networkidle" });
      for (const w of await wordProblems(page)) problems.push(`${p}: ${w}`);
    };
    for (const p of ["/", "/rules", "/rules?year=2023%2F24", "/rules?year=2026%2F27", "/pcns", "/pcns/UZ1002", "/pcns/UZ1018", "/pcns/UZ1002/scenarios", "/pcns/UZ1002/scenarios/optimise"]) await visit(p);

    // The quick estimate's result for a PCN whose weighted population is an estimate, for a year
    // whose maxima are estimated (2026/27), with a London post.
    await page.goto(`${baseUrl()}/?pcn=UZ1018`, { waitUntil: "networkidle" });
    await page.getByLabel("Financial year").selectOption("2026/27");
    await page.locator("#posts-0-area").selectOption("inner-london");
    await page.getByRole("button", { name: "Calculate" }).click();
    await page.getByTestId("estimate-result").waitFor();
    for (const w of await wordProblems(page)) problems.push(`quick estimate result: ${w}`);
    // the area has one name everywhere
    await expect(page.locator("#posts-0-area option[value=national]").textContent()).resolves.toBe("National (outside London)");

    // A scenario in the planner (weighted population an estimate), and the comparison.
    const r = await page.request.post(`${baseUrl()}/api/v1/pcns/UZ1018/scenarios`, {
      data: { name: "Words check", firstYear: "2026/27", years: 2, posts: [{ id: "ot-1", label: "OT", status: "proposed", role: "occupational-therapist", band: "7", point: 1, wte: 1 }] },
    });
    expect(r.status(), await r.text()).toBe(201);
    const id = ((await r.json()) as { id: string }).id;
    await visit(`/pcns/UZ1018/scenarios/${id}`);
    await visit(`/pcns/UZ1018/compare?ids=${id},${id}`);

    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("signing in from the header", () => {
  it("'Sign in' carries the page, and signing in returns to it", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/rules?year=2024%2F25`, { waitUntil: "networkidle" });
    const link = page.locator(".nhsuk-header").getByRole("link", { name: "Sign in" });
    const next = new URL((await link.getAttribute("href"))!, baseUrl());
    expect(next.pathname).toBe("/login");
    const back = new URL(next.searchParams.get("next")!, baseUrl());
    expect([back.pathname, back.searchParams.get("year")]).toEqual(["/rules", "2024/25"]);
    await link.click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel("Email address").fill(E2E_EDITOR.email);
    await page.getByLabel("Password").fill(E2E_EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/rules");
    expect(new URL(page.url()).searchParams.get("year")).toBe("2024/25");
    await expect(page.getByTestId("signed-in").textContent()).resolves.toBe(E2E_EDITOR.name);
  });
});

describe("asking for access", () => {
  const OUTSIDER = { email: "words-outsider@example.nhs.uk", name: "Olive Outsider", password: "words-outsider-password" };
  const ADMIN = { email: "words-pcn-admin@example.nhs.uk", name: "Adam Admin", password: "words-pcn-admin-password" };
  beforeAll(async () => {
    const db = createPrisma(`file:${path.resolve(import.meta.dirname, "../../data/e2e.db")}`);
    try {
      for (const u of [OUTSIDER, ADMIN]) await createUser(db, { ...u });
      await grantMembership(db, COMMAND_LINE, { email: ADMIN.email, pcnCode: "UZ1020", role: "admin" });
    } finally {
      await db.$disconnect();
    }
  });

  it("a PCN with no admin says a site administrator grants access and what to ask; one with an admin says to ask its admin", async () => {
    const { page } = await openPage(browser);
    await signIn(page, OUTSIDER);
    await page.goto(`${baseUrl()}/pcns/UZ1019`, { waitUntil: "networkidle" });
    const none = await page.getByTestId("ask-for-access").innerText();
    expect(none).toContain("site administrator");
    expect(none).toContain(OUTSIDER.email);
    expect(none).toContain("UZ1019");
    expect(none).toMatch(/ask to be made a PCN admin/);

    await page.goto(`${baseUrl()}/pcns/UZ1020`, { waitUntil: "networkidle" });
    const some = await page.getByTestId("ask-for-access").innerText();
    expect(some).toMatch(/Ask one of its PCN admin/);
    expect(some).not.toContain("site administrator");

    // an editor of the PCN is not asked to get access
    const { page: editor } = await openPage(browser);
    await signIn(editor, E2E_EDITOR);
    await editor.goto(`${baseUrl()}/pcns/UZ1019`, { waitUntil: "networkidle" });
    await expect(editor.getByTestId("ask-for-access").count()).resolves.toBe(0);
  });
});

describe("the favicon", () => {
  it("/favicon.ico answers 200 with an icon", async () => {
    const res = await fetch(`${baseUrl()}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\//);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });
});
