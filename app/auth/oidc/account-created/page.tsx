import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { safeNext } from "@/lib/server/auth/safe-next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account has been created" };

/** Where the single sign-on callback sends someone whose account it has just created (no rights yet). */
export default async function AccountCreatedPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const user = await getCurrentUser();
  const onward = safeNext(typeof next === "string" ? next : "/");
  return (
    <>
      <h1>Your account has been created</h1>
      <p>An administrator needs to give you access to your PCN before you can see or plan its scenarios.</p>
      {user ? (
        <p>
          You are signed in as {user.name} ({user.email}). Until then you can search PCNs and make estimates, as anyone can.
        </p>
      ) : null}
      <p>
        <Link href={onward}>Continue</Link>
      </p>
    </>
  );
}
