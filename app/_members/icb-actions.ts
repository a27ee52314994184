"use server";
// ICB viewer server actions for /admin/users (system administrators only): the memberships service
// validates, authorises (system administrators), writes and audits in one transaction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { grantIcbMembership, revokeIcbMembership } from "@/lib/server/auth/memberships";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import type { IcbFormState } from "./form-state";

const text = (max: number) => z.string().max(max, `At most ${max} characters.`).catch("");
const FormSchema = z.object({ email: text(200), icbCode: text(20) });

function readForm(form: FormData) {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return FormSchema.parse({ email: get("email"), icbCode: get("icbCode") });
}

/** Make an account a viewer of an ICB. */
export async function grantIcbAction(_prev: IcbFormState, form: FormData): Promise<IcbFormState> {
  const values = readForm(form);
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in as a system administrator to manage ICB viewers.");
    const r = await grantIcbMembership(getDb(), user, { ...values, role: "icb-viewer" });
    revalidatePath("/admin/users");
    const who = values.email.trim().toLowerCase();
    const message = r.changed ? `${who} is now an ICB viewer of ${r.icb.code} (${r.icb.name}).` : `${who} is already an ICB viewer of ${r.icb.code}. Nothing changed.`;
    return { status: "saved", message, fieldErrors: {}, values: { email: "", icbCode: "" } };
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid_input") {
      const fieldErrors: IcbFormState["fieldErrors"] = {};
      for (const issue of e.issues) {
        if ((issue.path === "email" || issue.path === "icbCode") && !fieldErrors[issue.path]) fieldErrors[issue.path] = issue.message;
      }
      return { status: "error", message: "The ICB role was not given.", fieldErrors, values };
    }
    if (e instanceof AppError) return { status: "error", message: e.message, fieldErrors: {}, values };
    console.error(e);
    return { status: "error", message: "Something went wrong on our side. Nothing was changed.", fieldErrors: {}, values };
  }
}

/** Take an account's ICB role away (a button per role); back to the users page with what happened. */
export async function revokeIcbAction(form: FormData): Promise<void> {
  const { email, icbCode } = readForm(form);
  let target: string;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in as a system administrator to manage ICB viewers.");
    await revokeIcbMembership(getDb(), user, { email, icbCode });
    revalidatePath("/admin/users");
    target = `/admin/users?${new URLSearchParams({ removed: email.trim().toLowerCase(), fromIcb: icbCode.trim().toUpperCase() })}`;
  } catch (e) {
    if (!(e instanceof AppError)) console.error(e);
    target = `/admin/users?error=${e instanceof AppError && e.code === "not_found" ? "not-a-member" : e instanceof AppError && (e.code === "forbidden" || e.code === "unauthenticated") ? "forbidden" : "failed"}`;
  }
  redirect(target);
}
