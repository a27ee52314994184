/** Single sign-on in the e2e run: the test provider's settings and accounts (tests/support/oidc-provider.ts). */
import { E2E_EDITOR } from "./accounts";
import type { TestAccount } from "../support/oidc-provider";

export const E2E_SSO_NAME = "Test NHS login";
export const E2E_SSO_DOMAINS = "example.nhs.uk,nhs.net";

export const E2E_SSO_ACCOUNTS = {
  /** Same email as the e2e editor: the first sign-in links to that account. */
  "sso-editor": { email: E2E_EDITOR.email, email_verified: true, name: "Editor at the provider" },
  /** A new email in an allowed domain: an account with no rights is created. */
  "sso-newcomer": { email: "newcomer@nhs.net", email_verified: true, name: "Nia Newcomer" },
  "sso-unverified": { email: "unverified@nhs.net", email_verified: false, name: "Una Verified" },
  "sso-outsider": { email: "someone@gmail.com", email_verified: true, name: "Out Sider" },
} satisfies Record<string, TestAccount>;
