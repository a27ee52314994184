"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { endSession, startSession } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { beginAttempt, clientAddress, LIMITS, tryAgainIn } from "@/lib/server/auth/rate-limit";
import { safeNext } from "@/lib/server/auth/safe-next";
import { checkLogin } from "@/lib/server/auth/users";

export interface LoginState {
  error?: string;
  email?: string;
}

const LoginSchema = z.object({
  email: z.string({ error: "Enter your email address." }).trim().min(1, "Enter your email address.").max(320, "Enter an email address of at most 320 characters."),
  // scrypt reads all of it: no password is longer than this (accounts take at most 200).
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "The email address or password is not right."),
  next: z.string().max(2000).optional().catch(undefined),
});

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = LoginSchema.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "", next: form.get("next") ?? undefined });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, email: String(form.get("email") ?? "").slice(0, 320) };
  const h = await headers();
  // Attempt limits per account and per address (lib/server/auth/rate-limit.ts), checked before the
  // password, the same whether or not the account exists.
  const db = getDb();
  const attempt = await beginAttempt(db, [
    { limit: LIMITS.signInAccount, subject: parsed.data.email.toLowerCase(), clearOnSuccess: true },
    { limit: LIMITS.signInAddress, subject: clientAddress(h) },
  ]);
  if (!attempt.allowed) return { error: `Too many sign-in attempts. ${tryAgainIn(attempt.retryAfterSeconds)}`, email: parsed.data.email };
  const user = await checkLogin(db, parsed.data.email, parsed.data.password);
  if (!user) return { error: "The email address or password is not right.", email: parsed.data.email };
  await attempt.succeeded();
  const secure = (h.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https" || (h.get("origin") ?? "").startsWith("https://");
  await startSession(user.id, secure);
  redirect(safeNext(parsed.data.next));
}

export async function logout(): Promise<void> {
  await endSession();
  redirect("/");
}
