import "server-only";
// Single sign-on with an OpenID Connect provider (NHS.net Connect / Microsoft Entra ID, NHS CIS2):
// the authorisation code flow with PKCE (S256), state and nonce, through openid-client, which
// validates the authorisation response (state, iss) and the ID token (signature, issuer,
// audience, nonce, expiry). Configured by ARRS_OIDC_* environment variables (README, Accounts);
// off when ARRS_OIDC_ISSUER is unset. Why and what is stored: docs/decisions/009-single-sign-on.md.
//
// The flow's secrets (state, nonce, PKCE verifier) and where to go next travel in one short-lived
// httpOnly, SameSite=Lax cookie, signed with a key derived from the client secret, so it cannot be
// altered or made to last longer than FLOW_MAX_AGE_S.
import crypto from "node:crypto";
import * as client from "openid-client";
import { z } from "zod";
import type { Db } from "../db/create-prisma";
import { signInWithIdentity } from "./external-identities";
import { safeNext } from "./safe-next";
import { createSession } from "./users";

export interface OidcSettings {
  /** The provider's issuer identifier, as configured (discovery: {issuer}/.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lower-case email domains that may sign in: "nhs.net" exactly, "*.nhs.uk" any subdomain of nhs.uk. */
  allowedDomains: string[];
  /** The provider's name on the sign-in button: "Sign in with {name}". */
  name: string;
  /** The app's own origin, e.g. https://arrs.example.nhs.uk (no trailing slash). */
  publicUrl: string;
  /** {publicUrl}/auth/oidc/callback, registered at the provider. */
  redirectUri: string;
  /** Sent as acr_values; when set, the ID token's acr must be one of them. */
  acrValues: string[];
  /** Accept the provider's email as verified when it sends no email_verified (never when it says false). */
  trustEmail: boolean;
  /** Cookies are Secure (ARRS_PUBLIC_URL is https). */
  secure: boolean;
}

export const CALLBACK_PATH = "/auth/oidc/callback";
export const START_PATH = "/auth/oidc/start";
export const ACCOUNT_CREATED_PATH = "/auth/oidc/account-created";
export const FLOW_MAX_AGE_S = 600;
const SCOPE = "openid email profile";
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const HTTP_TIMEOUT_S = 10;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function parseUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

const DOMAIN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const flag = z
  .enum(["true", "false", "1", "0", ""], { error: "Use true or false." })
  .optional()
  .transform((v) => v === "true" || v === "1");

/** The ARRS_OIDC_* variables and ARRS_PUBLIC_URL. Messages name the variable, never its value. */
export const OidcEnvSchema = z.object({
  ARRS_OIDC_ISSUER: z
    .string()
    .trim()
    .refine((s) => {
      const u = parseUrl(s);
      return !!u && !u.search && !u.hash && (u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname)));
    }, "ARRS_OIDC_ISSUER must be the provider's issuer URL, https:// (http:// only on this machine, for tests)."),
  ARRS_OIDC_CLIENT_ID: z.string({ error: "ARRS_OIDC_CLIENT_ID is required." }).trim().min(1, "ARRS_OIDC_CLIENT_ID is required."),
  ARRS_OIDC_CLIENT_SECRET: z.string({ error: "ARRS_OIDC_CLIENT_SECRET is required." }).min(16, "ARRS_OIDC_CLIENT_SECRET is required (at least 16 characters)."),
  ARRS_OIDC_ALLOWED_DOMAINS: z
    .string({ error: "ARRS_OIDC_ALLOWED_DOMAINS is required: the email domains that may sign in, e.g. nhs.net." })
    .transform((s) => [...new Set(s.split(",").map((d) => d.trim().toLowerCase()).filter(Boolean))])
    .refine((list) => list.length > 0, "ARRS_OIDC_ALLOWED_DOMAINS is required: the email domains that may sign in, e.g. nhs.net.")
    .refine((list) => list.every((d) => DOMAIN.test(d)), "ARRS_OIDC_ALLOWED_DOMAINS must be email domains separated by commas, e.g. nhs.net,*.nhs.uk."),
  ARRS_OIDC_NAME: z
    .string()
    .trim()
    .max(60, "ARRS_OIDC_NAME is at most 60 characters.")
    .optional()
    .transform((s) => s || "your organisation's account"),
  ARRS_PUBLIC_URL: z
    .string({ error: "ARRS_PUBLIC_URL is required: the address users open the app at, e.g. https://arrs.example.nhs.uk." })
    .trim()
    .refine((s) => {
      const u = parseUrl(s);
      return !!u && (u.protocol === "https:" || u.protocol === "http:") && (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username;
    }, "ARRS_PUBLIC_URL must be the app's address with no path, e.g. https://arrs.example.nhs.uk."),
  ARRS_OIDC_ACR_VALUES: z
    .string()
    .optional()
    .transform((s) => (s ?? "").split(/[\s,]+/).filter(Boolean)),
  ARRS_OIDC_TRUST_EMAIL: flag,
});

/** Settings from the environment: null when single sign-on is off (no issuer) or misconfigured (with what is wrong). */
export function readOidcSettings(env: Record<string, string | undefined> = process.env): { settings: OidcSettings | null; problems: string[] } {
  if (!env.ARRS_OIDC_ISSUER?.trim()) return { settings: null, problems: [] };
  const parsed = OidcEnvSchema.safeParse(env);
  if (!parsed.success) return { settings: null, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  const e = parsed.data;
  const publicUrl = new URL(e.ARRS_PUBLIC_URL).origin;
  return {
    settings: {
      issuer: e.ARRS_OIDC_ISSUER,
      clientId: e.ARRS_OIDC_CLIENT_ID,
      clientSecret: e.ARRS_OIDC_CLIENT_SECRET,
      allowedDomains: e.ARRS_OIDC_ALLOWED_DOMAINS,
      name: e.ARRS_OIDC_NAME,
      publicUrl,
      redirectUri: `${publicUrl}${CALLBACK_PATH}`,
      acrValues: e.ARRS_OIDC_ACR_VALUES,
      trustEmail: e.ARRS_OIDC_TRUST_EMAIL,
      secure: publicUrl.startsWith("https:"),
    },
    problems: [],
  };
}

const ENV_KEYS = Object.keys(OidcEnvSchema.shape);
let memo: { key: string; settings: OidcSettings | null } | undefined;

/** The app's settings (read once per distinct environment; a misconfiguration is logged once and leaves SSO off). */
export function oidcSettings(): OidcSettings | null {
  const key = JSON.stringify(ENV_KEYS.map((k) => process.env[k] ?? null));
  if (memo?.key === key) return memo.settings;
  const { settings, problems } = readOidcSettings();
  if (problems.length) console.error(`Single sign-on is off: its configuration is not valid. ${problems.join(" ")}`);
  memo = { key, settings };
  return settings;
}

// ---------------------------------------------------------------------------------------------
// The provider's configuration (discovered once an hour; a failed discovery is not kept)

const configs = new Map<string, { at: number; config: Promise<client.Configuration> }>();

function clientConfig(s: OidcSettings, now = Date.now()): Promise<client.Configuration> {
  const key = [s.issuer, s.clientId, crypto.createHash("sha256").update(s.clientSecret).digest("hex")].join("\n");
  const cached = configs.get(key);
  if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const execute = [client.enableNonRepudiationChecks];
  if (new URL(s.issuer).protocol === "http:") execute.push(client.allowInsecureRequests);
  const config = client.discovery(new URL(s.issuer), s.clientId, s.clientSecret, client.ClientSecretPost(s.clientSecret), { execute, timeout: HTTP_TIMEOUT_S });
  configs.set(key, { at: now, config });
  config.catch(() => {
    if (configs.get(key)?.config === config) configs.delete(key);
  });
  return config;
}

// ---------------------------------------------------------------------------------------------
// The flow cookie

/** `__Host-` (Secure, Path=/, no Domain: no other host can set it) when served over HTTPS. */
export const flowCookieName = (s: OidcSettings) => (s.secure ? "__Host-arrs_oidc" : "arrs_oidc");

export const flowCookieOptions = (s: OidcSettings, maxAge = FLOW_MAX_AGE_S) => ({ httpOnly: true, sameSite: "lax", secure: s.secure, path: "/", maxAge }) as const;

const FlowSchema = z.object({
  v: z.literal(1),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  verifier: z.string().min(43).max(128),
  next: z.string().max(2000),
  at: z.number().int(),
});
type Flow = z.infer<typeof FlowSchema>;

function flowKey(s: OidcSettings): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", s.clientSecret, "arrs-planner oidc flow cookie", `${s.issuer}\n${s.clientId}`, 32));
}

function sealFlow(s: OidcSettings, flow: Flow): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  const mac = crypto.createHmac("sha256", flowKey(s)).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

/** The flow the cookie carries, or null if it is missing, altered, malformed or older than FLOW_MAX_AGE_S. */
function openFlow(s: OidcSettings, value: string | undefined, now: Date): Flow | null {
  if (!value || value.length > 4000) return null;
  const [payload, mac, extra] = value.split(".");
  if (!payload || !mac || extra !== undefined) return null;
  const expected = crypto.createHmac("sha256", flowKey(s)).update(payload).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const flow = FlowSchema.safeParse(json);
  if (!flow.success) return null;
  const age = now.getTime() - flow.data.at;
  return age >= 0 && age <= FLOW_MAX_AGE_S * 1000 ? flow.data : null;
}

// ---------------------------------------------------------------------------------------------
// The flow

/** Why a sign-in did not happen; the sign-in page shows a plain message for each. */
export const OIDC_FAILURES = ["unavailable", "cancelled", "expired", "failed", "assurance", "unverified", "domain", "conflict", "error"] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

export function isOidcFailure(v: unknown): v is OidcFailure {
  return typeof v === "string" && (OIDC_FAILURES as readonly string[]).includes(v);
}

/** The message the sign-in page shows for a failure (no detail from the provider is ever shown). */
export function oidcFailureMessage(reason: OidcFailure, s: Pick<OidcSettings, "name" | "allowedDomains">): string {
  switch (reason) {
    case "unavailable":
      return `${s.name} could not be reached. Try again in a few minutes, or sign in with your email address and password.`;
    case "cancelled":
      return `Signing in with ${s.name} was cancelled. You have not been signed in.`;
    case "expired":
      return "The sign-in took too long, or was started in another window. Try again.";
    case "failed":
      return `Signing in with ${s.name} did not work, so you have not been signed in. Try again.`;
    case "assurance":
      return `${s.name} did not sign you in with a strong enough method (for example a smartcard or security key). Try again with one.`;
    case "unverified":
      return `${s.name} did not confirm your email address, so you cannot sign in with it here. Ask an administrator for an account.`;
    case "domain":
      return `Only email addresses at ${s.allowedDomains.map((d) => (d.startsWith("*.") ? `any ${d.slice(2)} organisation` : d)).join(", ")} can sign in with ${s.name}.`;
    case "conflict":
      return `Your email address already belongs to an account that cannot be signed in to with this ${s.name} account. Ask an administrator.`;
    case "error":
      return "Something went wrong on our side. Nothing was changed. Try again.";
  }
}

/** /login with the failure and where to go after signing in. */
export function loginUrl(reason: OidcFailure | null, next: string): string {
  const q = new URLSearchParams();
  if (reason) q.set("sso", reason);
  if (next !== "/") q.set("next", next);
  const qs = q.toString();
  return `/login${qs ? `?${qs}` : ""}`;
}

export type BeginResult = { ok: true; url: URL; cookie: string } | { ok: false; reason: "unavailable" };

/** Starts a sign-in: the provider's authorisation URL to send the browser to, and the flow cookie to set. */
export async function beginSignIn(s: OidcSettings, next: string | null | undefined, now: Date = new Date()): Promise<BeginResult> {
  let config: client.Configuration;
  try {
    config = await clientConfig(s, now.getTime());
  } catch (e) {
    logFailure("unavailable", "discovery", e);
    return { ok: false, reason: "unavailable" };
  }
  const verifier = client.randomPKCECodeVerifier();
  const flow: Flow = { v: 1, state: client.randomState(), nonce: client.randomNonce(), verifier, next: safeNext(next), at: now.getTime() };
  const params: Record<string, string> = {
    redirect_uri: s.redirectUri,
    scope: SCOPE,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  };
  if (s.acrValues.length) params.acr_values = s.acrValues.join(" ");
  return { ok: true, url: client.buildAuthorizationUrl(config, params), cookie: sealFlow(s, flow) };
}

export type CompleteResult =
  | { ok: true; userId: number; created: boolean; next: string; session: { token: string; expiresAt: Date } }
  | { ok: false; reason: OidcFailure; next: string };

type Claims = Record<string, unknown>;

const EmailSchema = z.email().max(254);
const truthy = (v: unknown) => v === true || v === "true";

/** "nhs.net" matches only nhs.net; "*.nhs.uk" matches any subdomain of nhs.uk. */
export function emailDomainAllowed(email: string, allowed: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowed.some((d) => (d.startsWith("*.") ? domain.endsWith(d.slice(1)) && domain.length > d.length - 1 : domain === d));
}

function displayName(...sources: Claims[]): string | null {
  for (const c of sources) {
    if (typeof c.name === "string" && c.name.trim()) return c.name.trim();
    const parts = [c.given_name, c.family_name].filter((p): p is string => typeof p === "string" && !!p.trim());
    if (parts.length) return parts.join(" ").trim();
  }
  return null;
}

function failureOf(e: unknown): OidcFailure {
  if (e instanceof client.AuthorizationResponseError) return e.error === "access_denied" ? "cancelled" : "failed";
  // The provider did not answer, or answered with a server error.
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return "unavailable";
  if (e instanceof TypeError && /fetch failed/i.test(e.message)) return "unavailable";
  if (e instanceof client.ClientError && e.code === "OAUTH_RESPONSE_IS_NOT_CONFORM") {
    const status = (e.cause as { status?: unknown } | undefined)?.status;
    if (typeof status === "number" && status >= 500) return "unavailable";
  }
  return "failed";
}

function logFailure(reason: OidcFailure, step: string, e?: unknown): void {
  const detail = e instanceof Error ? ` ${e.name}${(e as { code?: unknown }).code ? ` ${(e as { code?: unknown }).code}` : ""}: ${e.message}` : "";
  console.warn(`Single sign-on refused (${reason}) at ${step}.${detail}`);
}

/**
 * Completes a sign-in from the provider's redirect to the callback: checks the flow cookie, lets
 * openid-client check the response and exchange the code (PKCE verifier, expected state and
 * nonce), requires a verified email in an allowed domain (from the ID token, else UserInfo), then
 * links or creates the account (lib/server/auth/external-identities.ts) and creates a session. A
 * failure creates nothing.
 */
export async function completeSignIn(db: Db, s: OidcSettings, query: URLSearchParams, flowCookie: string | undefined, now: Date = new Date()): Promise<CompleteResult> {
  const flow = openFlow(s, flowCookie, now);
  if (!flow) {
    logFailure("expired", "flow cookie");
    return { ok: false, reason: "expired", next: "/" };
  }
  const next = safeNext(flow.next);
  const fail = (reason: OidcFailure, step: string, e?: unknown): CompleteResult => {
    logFailure(reason, step, e);
    return { ok: false, reason, next };
  };

  let config: client.Configuration;
  try {
    config = await clientConfig(s, now.getTime());
  } catch (e) {
    return fail("unavailable", "discovery", e);
  }
  // The URL the provider redirected to, as registered (not the request's own host, which behind a
  // proxy is the app's internal address): openid-client sends it as the token request's redirect_uri.
  const currentUrl = new URL(s.redirectUri);
  for (const [k, v] of query) currentUrl.searchParams.append(k, v);

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce });
  } catch (e) {
    return fail(failureOf(e), "code exchange", e);
  }
  const idToken = tokens.claims();
  if (!idToken) return fail("failed", "ID token");
  if (s.acrValues.length && !(typeof idToken.acr === "string" && s.acrValues.includes(idToken.acr))) return fail("assurance", "acr");

  // The email and whether it is verified come from one place: the ID token if it has the email,
  // else the UserInfo endpoint (CIS2 returns its claims there), whose sub must be the ID token's.
  let source: Claims = idToken;
  let userInfo: Claims = {};
  if (typeof idToken.email !== "string") {
    try {
      userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    } catch (e) {
      return fail(failureOf(e), "userinfo", e);
    }
    source = userInfo;
  }
  const email = EmailSchema.safeParse(typeof source.email === "string" ? source.email.trim().toLowerCase() : undefined);
  if (!email.success) return fail("unverified", "email missing");
  // email_verified (OpenID Connect), or Entra ID's optional xms_edov (the email's domain is verified
  // by the tenant); with ARRS_OIDC_TRUST_EMAIL, the provider's word when it sends no email_verified.
  const verified = truthy(source.email_verified) || truthy(source.xms_edov) || (s.trustEmail && source.email_verified === undefined);
  if (!verified) return fail("unverified", "email_verified");
  if (!emailDomainAllowed(email.data, s.allowedDomains)) return fail("domain", "allowed domains");

  const name = displayName(idToken, userInfo) ?? email.data.slice(0, email.data.indexOf("@"));
  const signedIn = await signInWithIdentity(db, { issuer: idToken.iss, subject: idToken.sub, email: email.data, name }, now);
  if (!signedIn.ok) return fail(signedIn.reason, "account");
  const session = await createSession(db, signedIn.userId, now);
  return { ok: true, userId: signedIn.userId, created: signedIn.created, next, session };
}

/** A cookie's value from a request's Cookie header. */
export function requestCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
