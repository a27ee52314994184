"use server";
// Membership server actions for /admin/users (system administrators) and /pcns/{code}/members (the
// PCN's admins): the form is read through a zod schema, then the memberships service validates
// again, authorises against the PCN itself (lib/server/auth/access.ts), writes and audits in one
// transaction. The page a form came from only decides where to go back to.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { canAdmin, isPcnRole } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { grantMembership, revokeMembership } from "@/lib/server/auth/memberships";
import { membersPagePath, type GrantFormField, type GrantFormState, type MembersPage } from "./form-state";

const text = (max: number) => z.string().max(max, `At most ${max} characters.`).catch("");
const FormSchema = z.object({
  email: text(200),
  pcnCode: text(20),
  role: text(20),
  page: z.enum(["admin", "pcn"]).catch("admin"),
});

function readForm(form: FormData) {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return FormSchema.parse({ email: get("email"), pcnCode: get("pcnCode"), role: get("role"), page: get("page") });
}

const FIELDS: GrantFormField[] = ["email", "pcnCode", "role"];
const A_ROLE = { viewer: "a viewer", editor: "an editor", admin: "a PCN admin" } as const;

function revalidate(pcnCode: string) {
  revalidatePath("/admin/users");
  if (pcnCode) revalidatePath(`/pcns/${encodeURIComponent(pcnCode)}/members`);
}

/** Add a member, or change a member's role. */
export async function grantMembershipAction(_prev: GrantFormState, form: FormData): Promise<GrantFormState> {
  const { page, ...values } = readForm(form);
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in to manage members.");
    const r = await grantMembership(getDb(), user, values);
    const code = values.pcnCode.trim().toUpperCase();
    revalidate(code);
    const message = r.changed
      ? `${r.member.name} (${r.member.email}) is now ${A_ROLE[r.member.role]} of ${code}${r.before ? `, instead of ${A_ROLE[r.before]}` : ""}.`
      : `${r.member.name} (${r.member.email}) is already ${A_ROLE[r.member.role]} of ${code}. Nothing changed.`;
    return { status: "saved", message, fieldErrors: {}, values: { email: "", pcnCode: page === "pcn" ? values.pcnCode : "", role: "" } };
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid_input") {
      const fieldErrors: GrantFormState["fieldErrors"] = {};
      for (const issue of e.issues) {
        const field = FIELDS.find((f) => f === issue.path) ?? (issue.path === "code" ? "pcnCode" : undefined);
        if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
      }
      return { status: "error", message: "The role was not given.", fieldErrors, values };
    }
    if (e instanceof AppError) {
      // An unknown PCN is the PCN code field's problem; anything else (no access) is the form's.
      const fieldErrors: GrantFormState["fieldErrors"] = e.code === "not_found" && /^There is no PCN/.test(e.message) ? { pcnCode: e.message } : {};
      return { status: "error", message: e.message, fieldErrors, values };
    }
    console.error(e);
    return { status: "error", message: "Something went wrong on our side. Nothing was changed.", fieldErrors: {}, values };
  }
}

/** Remove a member (a button per member); back to the page with what happened. */
export async function revokeMembershipAction(form: FormData): Promise<void> {
  const { page, email, pcnCode } = readForm(form);
  const code = pcnCode.trim().toUpperCase();
  const back = membersPagePath(page as MembersPage, code);
  let target: string;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in to manage members.");
    const r = await revokeMembership(getDb(), user, { email, pcnCode });
    revalidate(code);
    const params = new URLSearchParams({ removed: email.trim().toLowerCase(), from: code, role: isPcnRole(r.revoked) ? r.revoked : "" });
    // Someone who removed their own admin role can no longer see the members page.
    const self = user.email === email.trim().toLowerCase() && page === "pcn" && !canAdmin({ ...user, memberships: user.memberships.filter((m) => m.pcnCode !== code) }, code);
    target = self ? `/pcns/${encodeURIComponent(code)}` : `${back}?${params}`;
  } catch (e) {
    if (!(e instanceof AppError)) console.error(e);
    target = `${back}?error=${e instanceof AppError && e.code === "not_found" ? "not-a-member" : e instanceof AppError && (e.code === "forbidden" || e.code === "unauthenticated") ? "forbidden" : "failed"}`;
  }
  redirect(target);
}
