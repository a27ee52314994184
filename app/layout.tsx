import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SignInLink } from "./components/sign-in-link";
import { logout } from "./login/actions";
import { getCurrentUser } from "@/lib/server/auth/auth";
import "./globals.scss";

export const metadata: Metadata = {
  title: { default: "ARRS Planner", template: "%s – ARRS Planner" },
  description:
    "Plan Additional Roles Reimbursement Scheme (ARRS) recruitment for a Primary Care Network: entitlement, claimable costs, PCN-funded costs and headroom.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en-GB">
      <head>
        {/* eslint-disable-next-line @next/next/no-css-tags -- prebuilt NHS.UK CSS, see docs/decisions/004-nhsuk-css.md */}
        <link rel="stylesheet" href="/nhsuk/nhsuk.css" />
      </head>
      <body className="js-enabled">
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <Link className="nhsuk-header__service-logo" href="/" aria-label="ARRS Planner homepage">
                <span className="nhsuk-header__service-name">ARRS Planner</span>
              </Link>
            </div>
            <nav className="nhsuk-header__navigation" aria-label="Menu">
              <ul className="nhsuk-header__navigation-list">
                <li className="nhsuk-header__navigation-item">
                  <Link className="nhsuk-header__navigation-link" href="/">
                    Home
                  </Link>
                </li>
                <li className="nhsuk-header__navigation-item">
                  <Link className="nhsuk-header__navigation-link" href="/pcns">
                    Find a PCN
                  </Link>
                </li>
                <li className="nhsuk-header__navigation-item">
                  <Link className="nhsuk-header__navigation-link" href="/rules">
                    Rules and figures
                  </Link>
                </li>
                {(user?.icbMemberships ?? []).map((icb) => (
                  <li key={icb} className="nhsuk-header__navigation-item">
                    <Link className="nhsuk-header__navigation-link" href={`/icbs/${icb}`} data-testid="nav-icb">
                      ICB {icb}
                    </Link>
                  </li>
                ))}
                {user?.role === "admin" ? (
                  <li className="nhsuk-header__navigation-item">
                    <Link className="nhsuk-header__navigation-link" href="/admin/import">
                      Import data
                    </Link>
                  </li>
                ) : null}
                {user?.role === "admin" ? (
                  <li className="nhsuk-header__navigation-item">
                    <Link className="nhsuk-header__navigation-link" href="/admin/users">
                      Users
                    </Link>
                  </li>
                ) : null}
                <li className="nhsuk-header__navigation-item">
                  {user ? (
                    <form action={logout} className="app-signout">
                      <span className="app-signed-in" data-testid="signed-in">{user.name}</span>{" "}
                      <button type="submit" className="nhsuk-header__navigation-link app-link-button">
                        Sign out
                      </button>
                    </form>
                  ) : (
                    // (the plain link until the page's address is known, e.g. a page built ahead)
                    <Suspense
                      fallback={
                        <Link className="nhsuk-header__navigation-link" href="/login">
                          Sign in
                        </Link>
                      }
                    >
                      <SignInLink className="nhsuk-header__navigation-link" />
                    </Suspense>
                  )}
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent" role="main">
            {children}
          </main>
        </div>
        <footer role="contentinfo" className="nhsuk-footer">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s">
              ARRS Planner is a planning aid, not an official NHS England tool. Figures marked as estimates must be
              checked against the Network Contract DES specification and your ICB. Population data: NHS England Digital,
              Patients Registered at a GP Practice (Open Government Licence v3.0).
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
