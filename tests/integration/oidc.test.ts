// Single sign-on against a real OpenID Connect provider (tests/support/oidc-provider.ts: oidc-provider
// on 127.0.0.1), the whole protocol over HTTP: the app's start route → the provider's authorisation
// endpoint → its sign-in and consent pages → the redirect back with a code → the app's callback
// route (openid-client exchanges the code, validates the ID token, reads UserInfo) → a session.
// No mocked tokens. Runs on SQLite, and on PostgreSQL in the postgres suite.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { signInWithIdentity } from "@/lib/server/auth/external-identities";
import { emailDomainAllowed, readOidcSettings } from "@/lib/server/auth/oidc";
import { checkLogin, createUser, userForSession } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";
import { startTestProvider, TEST_PROVIDER_PASSWORD, type TestProvider } from "../support/oidc-provider";

const APP = "http://planner.test";
const CALLBACK = `${APP}/auth/oidc/callback`;

let env: TestDb;
let provider: TestProvider;
let startRoute: typeof import("@/app/auth/oidc/start/route");
let callbackRoute: typeof import("@/app/auth/oidc/callback/route");
const savedEnv = { ...process.env };

function configure(issuer: string, extra: Record<string, string> = {}): void {
  for (const k of Object.keys(process.env)) if (k.startsWith("ARRS_OIDC_")) delete process.env[k];
  Object.assign(process.env, {
    ARRS_OIDC_ISSUER: issuer,
    ARRS_OIDC_CLIENT_ID: provider.clientId,
    ARRS_OIDC_CLIENT_SECRET: provider.clientSecret,
    ARRS_OIDC_ALLOWED_DOMAINS: "nhs.net, *.nhs.uk",
    ARRS_OIDC_NAME: "Test NHS login",
    ARRS_PUBLIC_URL: APP,
    ...extra,
  });
}

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  provider = await startTestProvider({
    redirectUris: [CALLBACK],
    accounts: {
      alice: { email: "editor@nhs.net", email_verified: true, name: "Alice Editor" },
      alice2: { email: "Editor@NHS.net", email_verified: true, name: "Someone Else" },
      bob: { email: "bob.new@trust.nhs.uk", email_verified: true, name: "Bob New" },
      carol: { email: "carol@gmail.com", email_verified: true, name: "Carol Outside" },
      dave: { email: "dave@nhs.net", email_verified: false, name: "Dave Unverified" },
      erin: { email: "erin@nhs.net", name: "Erin NoFlag" },
      nomail: { name: "No Email" },
      strong: { email: "strong@nhs.net", email_verified: true, name: "Strong Auth", acr: "urn:arrs:test:aal3" },
      weak: { email: "weak@nhs.net", email_verified: true, name: "Weak Auth", acr: "urn:arrs:test:aal2" },
    },
  });
  configure(provider.issuer);
  await createUser(env.db, { email: "editor@nhs.net", name: "Ed Editor", role: "user", password: "a-long-password" });
  startRoute = await import("@/app/auth/oidc/start/route");
  callbackRoute = await import("@/app/auth/oidc/callback/route");
});

afterAll(async () => {
  await provider?.close();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

beforeEach(() => configure(provider.issuer));

// ---------------------------------------------------------------------------------------------
// A small user agent: a cookie jar per host and manual redirects, like a browser's.

class Browser {
  private jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  setCookie(url: string, name: string, value: string | undefined): void {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    if (value === undefined) this.jar.get(host)!.delete(name);
    else this.jar.get(host)!.set(name, value);
  }

  cookieHeader(url: string): string {
    return [...(this.jar.get(new URL(url).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  store(url: string, res: Response): void {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    const cookies = this.jar.get(host)!;
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split("=")[1]!).getTime() < Date.now()));
      if (gone || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  /** A request to the app (its route handlers, called directly) or to the provider (over HTTP). */
  async request(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    if (init.body) headers["content-type"] = "application/x-www-form-urlencoded";
    let res: Response;
    if (url.startsWith(APP)) {
      const req = new Request(url, { method: init.method ?? "GET", headers, body: init.body });
      const path = new URL(url).pathname;
      if (path === "/auth/oidc/start") res = await startRoute.GET(req);
      else if (path === "/auth/oidc/callback") res = await callbackRoute.GET(req);
      else throw new Error(`the test does not serve ${url}`);
    } else {
      res = await fetch(url, { method: init.method ?? "GET", headers, body: init.body, redirect: "manual" });
    }
    this.store(url, res);
    return res;
  }
}

const location = (res: Response, base: string) => new URL(res.headers.get("location")!, base).href;
const formAction = (html: string, label: string): string => {
  const forms = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => f[2]!.includes(`>${label}</button>`));
  if (!form) throw new Error(`no form with a "${label}" button in:\n${html}`);
  return form[1]!;
};

interface ProviderRun {
  /** Where the provider sent the browser back to (the app's callback, with code or error). */
  callbackUrl: string;
}

/**
 * Signs in at the provider as `login`: follows its redirects, fills in its sign-in form, then
 * allows (or cancels) on its consent page, until it redirects back to the app.
 */
async function atProvider(browser: Browser, authorizeUrl: string, login: string, consent: "Allow" | "Cancel" = "Allow"): Promise<ProviderRun> {
  let url = authorizeUrl;
  let res = await browser.request(url);
  for (let hops = 0; hops < 20; hops++) {
    if (res.status >= 300 && res.status < 400) {
      url = location(res, url);
      if (url.startsWith(APP)) return { callbackUrl: url };
      res = await browser.request(url);
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    const base = url;
    if (html.includes('name="login"')) {
      url = new URL(formAction(html, "Sign in"), base).href;
      res = await browser.request(url, { method: "POST", body: new URLSearchParams({ login, password: TEST_PROVIDER_PASSWORD }) });
    } else {
      url = new URL(formAction(html, consent), base).href;
      res = await browser.request(url, { method: "POST", body: new URLSearchParams() });
    }
  }
  throw new Error("the provider did not send the browser back");
}

interface Run {
  browser: Browser;
  authorizeUrl: URL;
  startResponse: Response;
  callbackResponse: Response;
  /** The provider's redirect to the callback, and the flow cookie sent with it. */
  callbackUrl: string;
  flowCookie: string | undefined;
  /** Where the app sent the browser in the end (path, query). */
  landed: string;
  session: string | undefined;
}

/** The whole sign-in: start → provider → callback. `tamper` may change the URLs on the way. */
async function signIn(
  login: string,
  opts: {
    next?: string;
    consent?: "Allow" | "Cancel";
    browser?: Browser;
    authorizeUrl?: (u: URL) => URL;
    callbackUrl?: (u: URL) => URL;
    beforeCallback?: (b: Browser) => void | Promise<void>;
  } = {},
): Promise<Run> {
  const browser = opts.browser ?? new Browser();
  const startResponse = await browser.request(`${APP}/auth/oidc/start?next=${encodeURIComponent(opts.next ?? "/pcns/UZ1001")}`);
  expect(startResponse.status).toBe(303);
  let authorizeUrl = new URL(location(startResponse, APP));
  expect(authorizeUrl.origin).toBe(provider.issuer);
  if (opts.authorizeUrl) authorizeUrl = opts.authorizeUrl(authorizeUrl);
  const { callbackUrl } = await atProvider(browser, authorizeUrl.href, login, opts.consent);
  let cb = new URL(callbackUrl);
  expect(cb.href.startsWith(CALLBACK)).toBe(true);
  if (opts.callbackUrl) cb = opts.callbackUrl(cb);
  await opts.beforeCallback?.(browser);
  const flowCookie = browser.cookie(APP, "arrs_oidc");
  const callbackResponse = await browser.request(cb.href);
  expect(callbackResponse.status).toBe(303);
  const dest = new URL(location(callbackResponse, APP));
  expect(dest.origin).toBe(APP);
  return { browser, authorizeUrl, startResponse, callbackResponse, callbackUrl: cb.href, flowCookie, landed: `${dest.pathname}${dest.search}${dest.hash}`, session: browser.cookie(APP, "arrs_session") };
}

async function counts() {
  const [users, identities, sessions, audit] = await Promise.all([env.db.user.count(), env.db.externalIdentity.count(), env.db.session.count(), env.db.auditEvent.count()]);
  return { users, identities, sessions, audit };
}

/** The sign-in is refused with `reason`: back to /login with the message, no session, nothing created. */
async function expectRefused(run: Promise<Run>, reason: string, next = "/pcns/UZ1001"): Promise<Run> {
  const before = await counts();
  const r = await run;
  expect(r.landed).toBe(`/login?sso=${reason}${next === "/" ? "" : `&next=${encodeURIComponent(next)}`}`);
  expect(r.session).toBeUndefined();
  expect(r.browser.cookie(APP, "arrs_oidc")).toBeUndefined();
  expect(await counts()).toEqual(before);
  return r;
}

// ---------------------------------------------------------------------------------------------

describe("single sign-on: the protocol", () => {
  it("signs in to the existing account with the verified email, links the provider's subject, and goes on to next", async () => {
    provider.requests.length = 0;
    const r = await signIn("alice", { next: "/pcns/UZ1001#confirm" });
    // This provider gives the email through UserInfo (as CIS2 does), not in the ID token.
    // (First sign-in of the run: discovery, and the JWKS that the ID token signature is checked against.)
    expect(provider.requests).toEqual(expect.arrayContaining(["GET /.well-known/openid-configuration", "POST /token", "GET /jwks", "GET /me"]));
    // The authorisation request: code flow with PKCE (S256), state, nonce, the registered redirect URI.
    const q = r.authorizeUrl.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("state")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get("nonce")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get("redirect_uri")).toBe(CALLBACK);
    expect(q.get("scope")).toBe("openid email profile");
    // The flow cookie: short-lived, httpOnly, SameSite=Lax, signed (not the bare state).
    const flowCookie = r.startResponse.headers.getSetCookie().find((c) => c.startsWith("arrs_oidc="))!;
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/SameSite=lax/i);
    expect(flowCookie).toMatch(/Max-Age=600/i);
    expect(flowCookie).not.toContain(q.get("state")!);

    expect(r.landed).toBe("/pcns/UZ1001#confirm");
    const sessionCookie = r.callbackResponse.headers.getSetCookie().find((c) => c.startsWith("arrs_session="))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=lax/i);
    expect(sessionCookie).toMatch(/Path=\//);
    expect(r.callbackResponse.headers.get("cache-control")).toBe("no-store");
    expect(r.callbackResponse.headers.get("referrer-policy")).toBe("no-referrer");
    const user = await userForSession(env.db, r.session);
    expect(user).toMatchObject({ email: "editor@nhs.net", name: "Ed Editor", role: "user" });
    const identity = await env.db.externalIdentity.findUniqueOrThrow({ where: { issuer_subject: { issuer: provider.issuer, subject: "alice" } } });
    expect(identity).toMatchObject({ userId: user!.id, email: "editor@nhs.net" });
    // The password still works: local accounts stay.
    expect(await checkLogin(env.db, "editor@nhs.net", "a-long-password")).not.toBeNull();
  });

  it("later sign-ins match the subject, not the email: a changed address at the provider reaches the same account", async () => {
    const userId = (await env.db.user.findUniqueOrThrow({ where: { email: "editor@nhs.net" } })).id;
    provider.accounts.get("alice")!.email = "alice.renamed@nhs.net";
    try {
      const r = await signIn("alice");
      expect(r.landed).toBe("/pcns/UZ1001");
      expect((await userForSession(env.db, r.session))!.id).toBe(userId);
      const identity = await env.db.externalIdentity.findUniqueOrThrow({ where: { issuer_subject: { issuer: provider.issuer, subject: "alice" } } });
      expect(identity.email).toBe("alice.renamed@nhs.net");
      expect(await env.db.user.count({ where: { email: "alice.renamed@nhs.net" } })).toBe(0);
    } finally {
      provider.accounts.get("alice")!.email = "editor@nhs.net";
    }
  });

  it("a new email in an allowed domain: an account with no rights is created, and the page says it waits for an administrator", async () => {
    const before = await counts();
    const r = await signIn("bob", { next: "/pcns/UZ1002" });
    expect(r.landed).toBe(`/auth/oidc/account-created?next=${encodeURIComponent("/pcns/UZ1002")}`);
    const user = await userForSession(env.db, r.session);
    expect(user).toMatchObject({ email: "bob.new@trust.nhs.uk", name: "Bob New", role: "user", memberships: [] });
    expect(await counts()).toEqual({ users: before.users + 1, identities: before.identities + 1, sessions: before.sessions + 1, audit: before.audit + 1 });
    const event = await env.db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: "bob.new@trust.nhs.uk" } });
    expect(event).toMatchObject({ actorUserId: user!.id, actorName: "Bob New", entityType: "user" });
    // No password anyone knows.
    expect(await checkLogin(env.db, "bob.new@trust.nhs.uk", "")).toBeNull();
    // Signing in again uses the same account.
    const again = await signIn("bob");
    expect(again.landed).toBe("/pcns/UZ1001");
    expect((await userForSession(env.db, again.session))!.id).toBe(user!.id);
  });

  it("refuses an email the provider says is not verified, or does not vouch for", async () => {
    await expectRefused(signIn("dave"), "unverified");
    await expectRefused(signIn("erin"), "unverified");
    await expectRefused(signIn("nomail"), "unverified");
    expect(await env.db.user.count({ where: { email: { in: ["dave@nhs.net", "erin@nhs.net"] } } })).toBe(0);
  });

  it("ARRS_OIDC_TRUST_EMAIL accepts a provider's email without email_verified (CIS2), never one it says is unverified", async () => {
    configure(provider.issuer, { ARRS_OIDC_TRUST_EMAIL: "true" });
    const r = await signIn("erin");
    expect(r.landed).toMatch(/^\/auth\/oidc\/account-created/);
    expect(await userForSession(env.db, r.session)).toMatchObject({ email: "erin@nhs.net" });
    await expectRefused(signIn("dave"), "unverified");
  });

  it("refuses an email outside the allowed domains", async () => {
    await expectRefused(signIn("carol"), "domain");
    expect(await env.db.user.count({ where: { email: "carol@gmail.com" } })).toBe(0);
  });

  it("refuses a tampered state, a tampered or missing flow cookie, and a replayed code", async () => {
    await expectRefused(
      signIn("alice", {
        callbackUrl: (u) => {
          u.searchParams.set("state", `${u.searchParams.get("state")}x`);
          return u;
        },
      }),
      "failed",
    );
    await expectRefused(
      signIn("alice", {
        beforeCallback: (b) => {
          const v = b.cookie(APP, "arrs_oidc")!;
          const [payload, mac] = v.split(".");
          const flow = JSON.parse(Buffer.from(payload!, "base64url").toString());
          flow.next = "https://evil.example/";
          b.setCookie(APP, "arrs_oidc", `${Buffer.from(JSON.stringify(flow)).toString("base64url")}.${mac}`);
        },
      }),
      "expired",
      "/",
    );
    await expectRefused(signIn("alice", { beforeCallback: (b) => b.setCookie(APP, "arrs_oidc", undefined) }), "expired", "/");
    // The same callback twice, even with the flow cookie kept: the code has been used.
    const first = await signIn("alice");
    expect(first.session).toBeDefined();
    const before = await counts();
    const replay = new Browser();
    replay.setCookie(APP, "arrs_oidc", first.flowCookie);
    const res = await replay.request(first.callbackUrl);
    expect(location(res, APP)).toBe(`${APP}/login?sso=failed&next=${encodeURIComponent("/pcns/UZ1001")}`);
    expect(replay.cookie(APP, "arrs_session")).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("refuses a code whose ID token carries another nonce", async () => {
    await expectRefused(
      signIn("alice", {
        authorizeUrl: (u) => {
          u.searchParams.set("nonce", "a-nonce-the-app-never-made-0123456789");
          return u;
        },
      }),
      "failed",
    );
  });

  it("refuses a code sent to another PKCE challenge (the verifier does not match)", async () => {
    await expectRefused(
      signIn("alice", {
        authorizeUrl: (u) => {
          u.searchParams.set("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
          return u;
        },
      }),
      "failed",
    );
  });

  it("cancelling at the provider (error=access_denied) comes back to the sign-in page", async () => {
    await expectRefused(signIn("alice", { consent: "Cancel" }), "cancelled");
  });

  it("refuses a second provider subject with the email of an account already linked to another", async () => {
    await expectRefused(signIn("alice2"), "conflict");
  });

  it("ARRS_OIDC_ACR_VALUES: sends acr_values and refuses an ID token without one of them", async () => {
    configure(provider.issuer, { ARRS_OIDC_ACR_VALUES: "urn:arrs:test:aal3" });
    const weak = await expectRefused(signIn("weak"), "assurance");
    expect(weak.authorizeUrl.searchParams.get("acr_values")).toBe("urn:arrs:test:aal3");
    const strong = await signIn("strong");
    expect(await userForSession(env.db, strong.session)).toMatchObject({ email: "strong@nhs.net" });
  });

  it("never leaves the site: next is checked at the start and again at the end", async () => {
    const r = await signIn("alice", { next: "//evil.example/" });
    expect(r.landed).toBe("/");
  });
});

describe("single sign-on: the provider down", () => {
  it("start: the sign-in page says the provider cannot be reached; nothing is set", async () => {
    const down = await startTestProvider({ redirectUris: [CALLBACK] });
    const issuer = down.issuer;
    await down.close();
    configure(issuer);
    const browser = new Browser();
    const res = await browser.request(`${APP}/auth/oidc/start?next=/pcns`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?sso=unavailable&next=%2Fpcns");
    expect(browser.cookie(APP, "arrs_oidc")).toBeUndefined();
  });

  it("callback: the provider stops between the redirect and the code exchange", async () => {
    const flaky = await startTestProvider({ redirectUris: [CALLBACK], accounts: { alice: { email: "editor@nhs.net", email_verified: true } } });
    configure(flaky.issuer, { ARRS_OIDC_CLIENT_ID: flaky.clientId, ARRS_OIDC_CLIENT_SECRET: flaky.clientSecret });
    const before = await counts();
    const browser = new Browser();
    const start = await browser.request(`${APP}/auth/oidc/start?next=/pcns`);
    const { callbackUrl } = await atProvider(browser, location(start, APP), "alice");
    await flaky.close();
    const res = await browser.request(callbackUrl);
    expect(location(res, APP)).toBe(`${APP}/login?sso=unavailable&next=%2Fpcns`);
    expect(browser.cookie(APP, "arrs_session")).toBeUndefined();
    expect(await counts()).toEqual(before);
  });
});

describe("single sign-on: an Entra ID-like provider (claims in the ID token, xms_edov)", () => {
  let entra: TestProvider;
  beforeAll(async () => {
    entra = await startTestProvider({
      redirectUris: [CALLBACK],
      claimsInIdToken: true,
      accounts: {
        frank: { sub: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ", email: "frank@nhs.net", xms_edov: true, name: "Frank Entra" },
        grace: { email: "grace@nhs.net", xms_edov: false, name: "Grace Unverified" },
      },
    });
  });
  afterAll(async () => {
    await entra?.close();
  });

  it("accepts an email whose domain the tenant verified (xms_edov) and stores the subject", async () => {
    configure(entra.issuer, { ARRS_OIDC_CLIENT_ID: entra.clientId, ARRS_OIDC_CLIENT_SECRET: entra.clientSecret });
    const saved = provider;
    provider = entra;
    try {
      entra.requests.length = 0;
      const r = await signIn("frank");
      expect(entra.requests).toContain("POST /token");
      expect(entra.requests).not.toContain("GET /me");
      expect(r.landed).toMatch(/^\/auth\/oidc\/account-created/);
      const user = await userForSession(env.db, r.session);
      expect(user).toMatchObject({ email: "frank@nhs.net", name: "Frank Entra" });
      expect(await env.db.externalIdentity.findUnique({ where: { issuer_subject: { issuer: entra.issuer, subject: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ" } } })).toMatchObject({ userId: user!.id });
      await expectRefused(signIn("grace"), "unverified");
    } finally {
      provider = saved;
    }
  });
});

describe("single sign-on: settings and accounts", () => {
  it("off when ARRS_OIDC_ISSUER is unset; a partial or unsafe configuration is refused with what is wrong", () => {
    expect(readOidcSettings({})).toEqual({ settings: null, problems: [] });
    const partial = readOidcSettings({ ARRS_OIDC_ISSUER: "https://login.example/tenant/v2.0" });
    expect(partial.settings).toBeNull();
    expect(partial.problems.join(" ")).toMatch(/ARRS_OIDC_CLIENT_ID.*ARRS_OIDC_CLIENT_SECRET.*ARRS_OIDC_ALLOWED_DOMAINS.*ARRS_PUBLIC_URL/);
    const full = {
      ARRS_OIDC_ISSUER: "https://login.example/tenant/v2.0",
      ARRS_OIDC_CLIENT_ID: "id",
      ARRS_OIDC_CLIENT_SECRET: "a-secret-of-16-chars-or-more",
      ARRS_OIDC_ALLOWED_DOMAINS: "NHS.net",
      ARRS_PUBLIC_URL: "https://arrs.example.nhs.uk/",
    };
    expect(readOidcSettings(full).settings).toMatchObject({
      allowedDomains: ["nhs.net"],
      redirectUri: "https://arrs.example.nhs.uk/auth/oidc/callback",
      secure: true,
      name: "your organisation's account",
      trustEmail: false,
      acrValues: [],
    });
    expect(readOidcSettings({ ...full, ARRS_OIDC_ISSUER: "http://login.example/" }).problems[0]).toMatch(/https/);
    expect(readOidcSettings({ ...full, ARRS_OIDC_ALLOWED_DOMAINS: "nhs.net, not a domain" }).problems[0]).toMatch(/ARRS_OIDC_ALLOWED_DOMAINS/);
    expect(readOidcSettings({ ...full, ARRS_PUBLIC_URL: "https://arrs.example/app" }).problems[0]).toMatch(/ARRS_PUBLIC_URL/);
    // No secret in any message.
    expect(JSON.stringify(readOidcSettings({ ...full, ARRS_OIDC_ISSUER: "ftp://x" }))).not.toContain(full.ARRS_OIDC_CLIENT_SECRET);
  });

  it("allowed domains: exact, or any subdomain with *.", () => {
    expect(emailDomainAllowed("a@nhs.net", ["nhs.net"])).toBe(true);
    expect(emailDomainAllowed("a@evilnhs.net", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("a@nhs.net.evil.example", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("a@trust.nhs.uk", ["*.nhs.uk"])).toBe(true);
    expect(emailDomainAllowed("a@nhs.uk", ["*.nhs.uk"])).toBe(false);
    expect(emailDomainAllowed("a@evilnhs.uk", ["*.nhs.uk"])).toBe(false);
  });

  it("never links the demo account", async () => {
    const demo = await env.db.user.findFirstOrThrow({ where: { isDemo: true } });
    const before = await counts();
    expect(await signInWithIdentity(env.db, { issuer: "https://idp.example", subject: "x", email: demo.email, name: "X" })).toEqual({ ok: false, reason: "conflict" });
    expect(await counts()).toEqual(before);
  });
});
