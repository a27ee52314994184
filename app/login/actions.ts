"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { endSession, startSession } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { safeNext } from "@/lib/server/safe-next";
import { checkLogin } from "@/lib/server/users";

export interface LoginState {
  error?: string;
  email?: string;
}

const LoginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address."),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = LoginSchema.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "", next: form.get("next") ?? undefined });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, email: String(form.get("email") ?? "") };
  const user = await checkLogin(getDb(), parsed.data.email, parsed.data.password);
  if (!user) return { error: "The email address or password is not right.", email: parsed.data.email };
  const h = await headers();
  const secure = (h.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https" || (h.get("origin") ?? "").startsWith("https://");
  await startSession(user.id, secure);
  redirect(safeNext(parsed.data.next));
}

export async function logout(): Promise<void> {
  await endSession();
  redirect("/");
}
