import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { getDemoAccountHint } from "@/lib/server/auth/demo-account";
import { isOidcFailure, oidcFailureMessage, oidcSettings, START_PATH } from "@/lib/server/auth/oidc";
import { safeNext } from "@/lib/server/auth/safe-next";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { logout } from "./actions";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; sso?: string }> }) {
  const { next, sso: ssoFailure } = await searchParams;
  const user = await getCurrentUser();
  const demo = user ? null : await getDemoAccountHint(getDb());
  // Single sign-on (lib/server/auth/oidc.ts), when configured; a failed attempt comes back with ?sso=reason.
  const sso = user ? null : oidcSettings();
  const ssoError = sso && isOidcFailure(ssoFailure) ? oidcFailureMessage(ssoFailure, sso) : null;
  const nextPath = typeof next === "string" ? next : "/";
  return (
    <>
      <h1>Sign in</h1>
      {user ? (
        <>
          <p>
            You are signed in as {user.name} ({user.email}),{" "}
            {user.role === "admin"
              ? "a system administrator"
              : user.memberships.length
                ? `a member of ${user.memberships.length === 1 ? "1 PCN" : `${user.memberships.length} PCNs`}`
                : "with no PCN roles yet: ask a PCN admin or a system administrator to add you"}
            .
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
            Anyone can search PCNs and make estimates. A PCN&apos;s members see its saved scenarios; its editors also change
            them and enter its ICB-confirmed weighted population. System administrators can also import population files.
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
              {/* A link styled as an NHS.UK button: it goes to another site (the provider), so it is
                  a link to assistive technology, and needs no script; a form would also fall foul
                  of a CSP form-action on the redirect to the provider. */}
              <p>
                <a className="nhsuk-button" href={`${START_PATH}?${new URLSearchParams({ next: safeNext(nextPath) })}`} draggable={false}>
                  Sign in with {sso.name}
                </a>
              </p>
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
