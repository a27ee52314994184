// A real OpenID Connect provider for the single sign-on tests (oidc-provider, the certified
// Node implementation), on 127.0.0.1 and a random port: discovery, JWKS, authorisation endpoint
// with PKCE required, token and UserInfo endpoints, signed ID tokens. Its sign-in and consent
// pages are this file's own small forms (interactions completed through the provider's API), so
// tests and the browser can drive them like a user would.
//
// claimsInIdToken false (the default, like CIS2): the ID token carries sub (and acr); email and
// name come from the UserInfo endpoint. true (like Entra ID): they are in the ID token too.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
// oidc-provider ships no type declarations: the little this file uses is typed below.
// @ts-expect-error -- no declaration file
import { Provider } from "oidc-provider";

export interface TestAccount {
  /** The provider's subject for the account (default: its login). */
  sub?: string;
  email?: string;
  email_verified?: boolean;
  /** Entra ID's optional "email domain owner verified" claim. */
  xms_edov?: boolean;
  name?: string;
  /** The acr the provider reports for this account's sign-ins. */
  acr?: string;
}

export const TEST_PROVIDER_PASSWORD = "provider-password";
export const TEST_CLIENT_ID = "arrs-planner-test";
export const TEST_CLIENT_SECRET = "test-client-secret-0123456789abcdef";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name; change them between sign-ins as needed. */
  accounts: Map<string, TestAccount>;
  /** Every request's method and path, in order (e.g. "GET /me" for UserInfo). */
  requests: string[];
  close(): Promise<void>;
}

interface OidcInteraction {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, string>;
  session?: { accountId?: string };
  grantId?: string;
}

interface OidcGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}

interface OidcProvider {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<OidcInteraction>;
  interactionFinished(req: http.IncomingMessage, res: http.ServerResponse, result: object, opts?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): OidcGrant; find(id: string): Promise<OidcGrant | undefined> };
  on(event: string, fn: (...args: unknown[]) => void): void;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

export async function startTestProvider(opts: { redirectUris: string[]; claimsInIdToken?: boolean; accounts?: Record<string, TestAccount> }): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>(Object.entries(opts.accounts ?? {}));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: crypto.randomBytes(8).toString("hex"), use: "sig", alg: "RS256" };

  const provider: OidcProvider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    // The provider's account id is the subject: the account's sub, or its login.
    async findAccount(_ctx: unknown, id: string) {
      const a = [...accounts].find(([login, account]) => (account.sub ?? login) === id)?.[1];
      if (!a) return undefined;
      return {
        accountId: id,
        async claims() {
          const c: Record<string, unknown> = { sub: id };
          for (const k of ["email", "email_verified", "xms_edov", "name"] as const) if (a[k] !== undefined) c[k] = a[k];
          return c;
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified", "xms_edov"], profile: ["name"], acr: null },
    acrValues: ["urn:arrs:test:aal2", "urn:arrs:test:aal3"],
    conformIdTokenClaims: !opts.claimsInIdToken,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
    jwks: { keys: [jwk] },
    // Tests must see the provider's refusals, not a rendered page only.
    renderError(ctx: { type: string; body: string }, out: Record<string, string>) {
      ctx.type = "html";
      ctx.body = page("Error", `<pre>${esc(JSON.stringify(out))}</pre>`);
    },
  });
  const oidc = provider.callback();

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page("Error", "<p>Interaction mismatch.</p>"));
    const base = `/interaction/${uid}`;
    if (req.method === "GET" && !action) {
      if (details.prompt.name === "login") {
        return send(
          res,
          200,
          page(
            "Sign in to the test provider",
            `<form method="post" action="${base}/login"><label for="login">Username</label><input id="login" name="login" autocomplete="off">` +
              `<label for="password">Password</label><input id="password" name="password" type="password"><button type="submit">Sign in</button></form>`,
          ),
        );
      }
      return send(
        res,
        200,
        page(
          "Allow ARRS Planner",
          `<p>ARRS Planner asks for: ${esc((details.prompt.details.missingOIDCScope ?? []).join(", "))}</p>` +
            `<form method="post" action="${base}/confirm"><button type="submit">Allow</button></form>` +
            `<form method="post" action="${base}/abort"><button type="submit">Cancel</button></form>`,
        ),
      );
    }
    if (req.method !== "POST") return send(res, 405, page("Error", "<p>Method not allowed.</p>"));
    if (action === "login") {
      const form = await readForm(req);
      const login = form.get("login") ?? "";
      const account = accounts.get(login);
      if (!account || form.get("password") !== TEST_PROVIDER_PASSWORD) return send(res, 200, page("Sign in to the test provider", "<p role=alert>Wrong username or password.</p>"));
      return provider.interactionFinished(req, res, { login: { accountId: account.sub ?? login, ...(account.acr ? { acr: account.acr } : {}) } }, { mergeWithLastSubmission: false });
    }
    if (action === "confirm") {
      const accountId = details.session?.accountId;
      if (!accountId) return send(res, 400, page("Error", "<p>Not signed in.</p>"));
      const grant = (details.grantId && (await provider.Grant.find(details.grantId))) || new provider.Grant({ accountId, clientId: details.params.client_id! });
      if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(" "));
      if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    if (action === "abort") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "End-User aborted interaction" }, { mergeWithLastSubmission: false });
    }
    return send(res, 404, page("Error", "<p>Not found.</p>"));
  }

  const requests: string[] = [];
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    requests.push(`${req.method} ${(req.url ?? "").split("?")[0]}`);
    const m = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/.exec((req.url ?? "").split("?")[0]!);
    if (!m) return oidc(req, res);
    interaction(req, res, m[1]!, m[2]).catch((e: unknown) => {
      if (!res.headersSent) send(res, 400, page("Error", `<p>${esc(e instanceof Error ? e.message : String(e))}</p>`));
    });
  });

  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    accounts,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
