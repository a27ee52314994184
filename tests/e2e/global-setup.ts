import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startServer, type StartedServer } from "../../scripts/lib/server.mjs";
import { startTestProvider, type TestProvider } from "../support/oidc-provider";
import { E2E_ADMIN, E2E_BODY_TIMEOUT_MS, E2E_EDITOR } from "./accounts";
import { E2E_SSO_ACCOUNTS, E2E_SSO_DOMAINS, E2E_SSO_NAME } from "./sso-accounts";

const root = path.resolve(import.meta.dirname, "../..");

let server: StartedServer | undefined;
let oidcProvider: TestProvider | undefined;

export default async function setup(project: TestProject) {
  const dbFile = path.join(root, "data/e2e.db");
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) fs.rmSync(f, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["scripts/migrate.mjs", "apply"], { cwd: root, env, stdio: "inherit" });
  execFileSync("npx", ["tsx", "scripts/seed.ts"], { cwd: root, env, stdio: "inherit" });
  for (const u of [E2E_EDITOR, E2E_ADMIN]) {
    execFileSync("npx", ["tsx", "scripts/user.ts", "add", u.email, "--role", u.role, "--name", u.name], {
      cwd: root,
      env: { ...env, ARRS_PASSWORD: u.password },
      stdio: "inherit",
    });
  }
  execFileSync("npx", ["tsx", "tests/e2e/grant-editor.ts"], { cwd: root, env, stdio: "inherit" });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Single sign-on is on for the whole run (every other test must work with it there): a real
  // OpenID Connect provider on another port (tests/support/oidc-provider.ts, sso.test.ts).
  oidcProvider = await startTestProvider({ redirectUris: [`${baseUrl}/auth/oidc/callback`], accounts: E2E_SSO_ACCOUNTS });
  const sso = {
    ARRS_OIDC_ISSUER: oidcProvider.issuer,
    ARRS_OIDC_CLIENT_ID: oidcProvider.clientId,
    ARRS_OIDC_CLIENT_SECRET: oidcProvider.clientSecret,
    ARRS_OIDC_ALLOWED_DOMAINS: E2E_SSO_DOMAINS,
    ARRS_OIDC_NAME: E2E_SSO_NAME,
    ARRS_PUBLIC_URL: baseUrl,
  };
  // The production server (`npm run serve`), with a short stalled-body timeout for limits.test.ts.
  try {
    server = await startServer({
      port,
      env: { ...env, ...sso, ARRS_BODY_TIMEOUT_MS: String(E2E_BODY_TIMEOUT_MS) },
      readyPath: "/",
      timeoutMs: 60_000,
    });
  } catch (e) {
    await oidcProvider.close();
    throw e;
  }
  project.provide("baseUrl", baseUrl);
  return async () => {
    await oidcProvider?.close();
    server?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
