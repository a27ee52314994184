import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { getDemoAccountHint } from "@/lib/server/demo-account";
import { logout } from "./actions";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await getCurrentUser();
  const demo = user ? null : await getDemoAccountHint(getDb());
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
          {demo && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                Trying the planner? Sign in with the demo account: email <code>{demo.email}</code>, password <code>{demo.password}</code>. It
                can plan only for the fictional demo PCNs.
              </p>
            </div>
          )}
          <LoginForm next={typeof next === "string" ? next : "/"} />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">No account yet?</span>
            </summary>
            <div className="nhsuk-details__text">
              Whoever runs this server creates accounts: <code>npm run user -- add you@example.nhs.uk --role editor --name &quot;Your Name&quot;</code>.
            </div>
          </details>
        </>
      )}
    </>
  );
}
