// Attempt limits and the admin upload, against the real server (scripts/serve.mjs):
// - bad API tokens from one address: 20 answered 401, then 429 with Retry-After in the JSON
//   error shape, for every token from that address (a good one too), other addresses unaffected;
//   each test sends from its own loopback address (127.x.y.z), so the socket address is what counts;
// - sign-in: after 10 wrong passwords for an account, "Too many sign-in attempts. Try again in N
//   minutes.", the same for an account that does not exist;
// - the upload: refused (401/403/413) before a byte of the body is read, a file over 64 MB
//   refused while it streams, and the form works without JavaScript.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_BODY_TIMEOUT_MS } from "./accounts";
import { baseUrl, E2E_ADMIN, E2E_EDITOR, launchBrowser, signIn } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");
const cli = (args: string[], env: Record<string, string> = {}) =>
  execFileSync("npx", ["tsx", "scripts/user.ts", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${path.join(root, "data/e2e.db")}`, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const newToken = (email: string) => /arrs_[A-Za-z0-9_-]+/.exec(cli(["token", email, "--label", "hardening e2e"]))![0];

/** A loopback address of its own (127.x.y.z), so each test has its own attempt counts. */
const freshAddress = () => `127.${crypto.randomInt(1, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An HTTP request sent from `localAddress`. */
function send(localAddress: string, method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port: Number(port), method, path: pathname, headers, localAddress, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("failed API authentications are limited per address", () => {
  it("20 bad tokens are 401, then 429 with Retry-After for any token from that address; another address is unaffected", async () => {
    const from = freshAddress();
    const good = newToken(E2E_EDITOR.email);
    const path = "/api/v1/pcns/UZ1001/scenarios";
    for (let i = 0; i < 20; i++) {
      const r = await send(from, "GET", path, { authorization: i % 3 ? `Bearer arrs_not-a-real-token-${i}` : "Basic bm8=" });
      expect(r.status, `attempt ${i + 1}`).toBe(401);
      expect(JSON.parse(r.body).error.code).toBe("unauthenticated");
    }
    const limited = await send(from, "GET", path, { authorization: "Bearer arrs_one-more" });
    expect(limited.status).toBe(429);
    expect(limited.headers["content-type"]).toMatch(/^application\/json/);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const error = JSON.parse(limited.body).error;
    expect(error).toEqual({ code: "too_many_requests", message: expect.stringMatching(/^Too many failed API authentications from this address\. Try again in 15 minutes\.$/), retryAfter });
    // Even a good token is refused from that address while the limit holds: guessing cannot go on.
    expect((await send(from, "GET", path, { authorization: `Bearer ${good}` })).status).toBe(429);
    // From anywhere else the good token works, and a bad one is a plain 401.
    const elsewhere = freshAddress();
    expect((await send(elsewhere, "GET", path, { authorization: `Bearer ${good}` })).status).toBe(200);
    expect((await send(elsewhere, "GET", path, { authorization: "Bearer arrs_bad" })).status).toBe(401);
    // Requests without a token (public data) are not limited.
    expect((await send(from, "GET", "/api/v1/pcns/UZ1001")).status).toBe(200);
  });

  it("a client cannot pick its address with X-Forwarded-For (no proxy is trusted by default)", async () => {
    const from = freshAddress();
    for (let i = 0; i < 20; i++) {
      const r = await send(from, "GET", "/api/v1/scenarios/x", { authorization: "Bearer arrs_bad", "x-forwarded-for": `10.0.${i}.1` });
      expect(r.status).toBe(401);
    }
    expect((await send(from, "GET", "/api/v1/scenarios/x", { authorization: "Bearer arrs_bad", "x-forwarded-for": "10.9.9.9" })).status).toBe(429);
  });
});

/** Submits the sign-in form and waits until its answer is shown. */
async function submit(page: import("playwright-core").Page): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.locator('button[type="submit"]:not([disabled])', { hasText: /^Sign in$/ }).waitFor();
  await page.locator(".nhsuk-error-summary").waitFor();
}

describe("sign-in attempts are limited per account", () => {
  it("after 10 wrong passwords: 'Too many sign-in attempts. Try again in N minutes.', word for word the same for an account that does not exist", async () => {
    const existing = `limits-${crypto.randomBytes(4).toString("hex")}@example.nhs.uk`;
    cli(["add", existing, "--name", "Limits Person"], { ARRS_PASSWORD: "the-right-password-123" });
    const messages: Record<string, string[]> = {};
    for (const email of [existing, `nobody-${crypto.randomBytes(4).toString("hex")}@example.nhs.uk`]) {
      const page = await browser.newPage();
      try {
        await page.goto(`${baseUrl()}/login`);
        messages[email] = [];
        for (let i = 0; i < 11; i++) {
          await page.getByLabel("Email address").fill(email);
          await page.getByLabel("Password").fill(`wrong-password-${i}`);
          await submit(page);
          messages[email]!.push(((await page.locator(".nhsuk-error-summary li").first().textContent()) ?? "").trim());
        }
        // The right password is refused too while the limit holds (for the account that exists).
        if (email === existing) {
          await page.getByLabel("Email address").fill(email);
          await page.getByLabel("Password").fill("the-right-password-123");
          await submit(page);
          expect(new URL(page.url()).pathname).toBe("/login");
          expect(await page.locator(".nhsuk-error-summary li").first().textContent()).toMatch(/^Too many sign-in attempts\. Try again in 15 minutes\.$/);
        }
      } finally {
        await page.close();
      }
    }
    const [a, b] = Object.values(messages);
    expect(a).toEqual(b);
    expect(a!.slice(0, 10)).toEqual(Array(10).fill("The email address or password is not right."));
    expect(a![10]).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  });
});

/** Sends a request head, then nothing (or `body`), and returns what the server answered within `ms`. */
function rawHead(head: string, ms: number): Promise<{ status: number; afterMs: number; text: string }> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let got = "";
    let answeredAt = 0;
    const socket = net.connect(Number(port), hostname, () => socket.write(head));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${ms} ms: ${got}`));
    }, ms);
    socket.on("data", (d) => {
      got += d;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m && got.includes("\r\n\r\n") && !answeredAt) {
        answeredAt = Date.now() - started;
        clearTimeout(timer);
        // The body follows the head: take what comes within a moment.
        setTimeout(() => {
          socket.destroy();
          resolve({ status: Number(m[1]), afterMs: answeredAt, text: got });
        }, 300);
      }
    });
    socket.on("error", (e) => (got ? undefined : reject(e)));
  });
}

describe("the admin upload (/admin/import/upload)", () => {
  const host = () => new URL(baseUrl()).host;
  const head = (headers: string) =>
    `POST /admin/import/upload HTTP/1.1\r\nHost: ${host()}\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 50000000\r\n${headers}\r\n`;

  it("answers 401 (nobody signed in) and 403 (not an administrator) before reading any of the body", async () => {
    // The 50 MB body never comes: if the server waited for it, the stalled-body timer would answer 408.
    const anonymous = await rawHead(head(""), E2E_BODY_TIMEOUT_MS + 5000);
    expect(anonymous.status).toBe(401);
    expect(anonymous.afterMs).toBeLessThan(E2E_BODY_TIMEOUT_MS);
    const editor = await rawHead(head(`Authorization: Bearer ${newToken(E2E_EDITOR.email)}\r\n`), E2E_BODY_TIMEOUT_MS + 5000);
    expect(editor.status).toBe(403);
    expect(editor.afterMs).toBeLessThan(E2E_BODY_TIMEOUT_MS);
    expect(editor.text).toContain("Only system administrators can do this.");
  });

  it("an administrator's upload declared over 64 MB: 413 before reading it", async () => {
    const r = await rawHead(head(`Authorization: Bearer ${newToken(E2E_ADMIN.email)}\r\n`).replace("Content-Length: 50000000", "Content-Length: 70000000"), E2E_BODY_TIMEOUT_MS + 5000);
    expect(r.status).toBe(413);
    expect(r.afterMs).toBeLessThan(E2E_BODY_TIMEOUT_MS);
    expect(r.text).toContain('"code":"payload_too_large"');
  });

  it("a file over 64 MB sent without a length: 413 while it is still arriving, the rest never read", async () => {
    const { hostname, port } = new URL(baseUrl());
    const token = newToken(E2E_ADMIN.email);
    const result = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      const req = http.request(
        { host: hostname, port: Number(port), method: "POST", path: "/admin/import/upload", agent: false, headers: { authorization: `Bearer ${token}`, accept: "application/json", "content-type": "multipart/form-data; boundary=xyz", "transfer-encoding": "chunked" } },
        (res) => {
          answered = true;
          res.resume();
          resolve({ status: res.statusCode!, sentBytes: sent });
        },
      );
      let answered = false;
      let sent = 0;
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const mb = Buffer.alloc(1024 * 1024, "1");
      req.write('--xyz\r\nContent-Disposition: form-data; name="files"; filename="huge.csv"\r\nContent-Type: text/csv\r\n\r\n');
      const pump = () => {
        while (!answered && sent < 200 * 1024 * 1024) {
          sent += mb.length;
          if (!req.write(mb)) return void req.once("drain", pump);
        }
        if (!answered) req.end("\r\n--xyz--\r\n");
      };
      pump();
    });
    expect(result.status).toBe(413);
    // Answered once 64 MB had arrived, long before 200 MB were sent.
    expect(result.sentBytes).toBeLessThan(150 * 1024 * 1024);
  });

  it("works without JavaScript: the form posts, and the page shows each file's outcome", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      await signIn(page, E2E_ADMIN);
      await page.goto(`${baseUrl()}/admin/import`);
      await page.locator('input[type="file"]').setInputFiles([
        { name: "nojs-good.csv", mimeType: "text/csv", buffer: Buffer.from("pcn_code,financial_year,weighted_population\nUZ1011,2025/26,40123.4\n") },
        { name: "nojs-bad.csv", mimeType: "text/csv", buffer: Buffer.from("pcn_code,financial_year,weighted_population\nUZ1012,2025/26,lots\n") },
      ]);
      await page.getByRole("button", { name: "Import files" }).click();
      await page.waitForURL(/\/admin\/import\?imported=\d+,\d+$/);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).toContain("1 of 2 files were rejected");
      expect(main).toContain("nojs-good.csv");
      expect(main).toMatch(/line 2/);
      // Signed out (no cookie): the form's post sends the browser to sign in, and imports nothing.
      const anonymous = await browser.newPage({ javaScriptEnabled: false });
      const r = await anonymous.request.post(`${baseUrl()}/admin/import/upload`, { headers: { accept: "text/html", origin: baseUrl() }, multipart: { files: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("a\n") } }, maxRedirects: 0 });
      expect(r.status()).toBe(303);
      expect(r.headers()["location"]).toBe("/login?next=%2Fadmin%2Fimport");
      await anonymous.close();
    } finally {
      await page.close();
    }
  });
});
