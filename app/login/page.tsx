import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { getDemoAccountHint } from "@/lib/server/demo-account";
import { isOidcFailure, oidcFailureMessage, oidcSettings, START_PATH } from "@/lib/server/oidc";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { logout } from "./actions";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; sso?: string }> }) {
  const { next, sso: ssoFailure } = await searchParams;
  const user = await getCurrentUser();
  const demo = user ? null : await getDemoAccountHint(getDb());
  // Single sign-on (lib/server/oidc.ts), when configured; a failed attempt comes back with ?sso=reason.
  const sso = user ? null : oidcSettings();
  const ssoError = sso && isOidcFailure(ssoFailure) ? oidcFailureMessage(ssoFailure, sso) : null;
  const nextPath = typeof next === "string" ? next : "/";
  return (
    <>
      <h1>Sign in</h1>
      {user ? (
        <>
          <p>
            You are signed in as {user.name} ({user.email}), {user.role === "admin" ? "an administrator" : "an editor"}.
          </p>
          <form action={logout}>
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Sign out
            </button>
          </form>
        </>
      ) : (
        <>
          <p>
            Anyone can search PCNs and make estimates. Editors can enter ICB-confirmed weighted populations;
            administrators can also import population files.
          </p>
          {ssoError ? <ErrorSummary titleId="sso-error-title" items={[{ text: ssoError }]} focusKey={ssoFailure} /> : null}
          {demo && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                Trying the planner? Sign in with the demo account: email <code>{demo.email}</code>, password <code>{demo.password}</code>. It
                can plan only for the fictional demo PCNs.
              </p>
            </div>
          )}
          {sso ? (
            <>
              <form method="get" action={START_PATH}>
                <input type="hidden" name="next" value={nextPath} />
                <button className="nhsuk-button" type="submit">
                  Sign in with {sso.name}
                </button>
              </form>
              <h2 className="nhsuk-heading-m">Or sign in with your email address and password</h2>
            </>
          ) : null}
          <LoginForm next={nextPath} />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">No account yet?</span>
            </summary>
            <div className="nhsuk-details__text">
              {sso ? (
                <p>
                  Sign in with {sso.name}: the first time, an account is created for you, and an administrator then gives you access to your PCN.
                </p>
              ) : null}
              Whoever runs this server creates accounts: <code>npm run user -- add you@example.nhs.uk --role editor --name &quot;Your Name&quot;</code>.
            </div>
          </details>
        </>
      )}
    </>
  );
}
