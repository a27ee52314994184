"use client";
// The header's "Sign in": it carries the page you are on (?next=), so signing in brings you back
// to it (the login page and its action pass it through lib/server/auth/safe-next.ts).
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** The sign-in address for a page: /login?next=<path and query>; the login page itself keeps its own. */
export function signInHref(pathname: string, search: string): string {
  if (pathname === "/login" || pathname.startsWith("/login/")) return `/login${search ? `?${search}` : ""}`;
  if (pathname === "/" && !search) return "/login";
  return `/login?${new URLSearchParams({ next: `${pathname}${search ? `?${search}` : ""}` })}`;
}

export function SignInLink({ className }: { className?: string }) {
  const pathname = usePathname() ?? "/";
  const search = useSearchParams()?.toString() ?? "";
  return (
    <Link className={className} href={signInHref(pathname, search)}>
      Sign in
    </Link>
  );
}
