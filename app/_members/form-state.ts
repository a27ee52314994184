// State shared by the membership forms (/admin/users, /pcns/{code}/members) and their actions.
export type GrantFormField = "email" | "pcnCode" | "role";

export interface GrantFormState {
  status: "idle" | "saved" | "error";
  message: string;
  fieldErrors: Partial<Record<GrantFormField, string>>;
  values: Record<GrantFormField, string>;
}

export function initialGrantFormState(pcnCode = ""): GrantFormState {
  return { status: "idle", message: "", fieldErrors: {}, values: { email: "", pcnCode, role: "" } };
}

/** Where a membership form sits: the system administrators' users page, or one PCN's members page. */
export type MembersPage = "admin" | "pcn";

export const membersPagePath = (page: MembersPage, pcnCode: string) => (page === "admin" ? "/admin/users" : `/pcns/${encodeURIComponent(pcnCode)}/members`);

/** The "Make someone an ICB viewer" form on /admin/users. */
export interface IcbFormState {
  status: "idle" | "saved" | "error";
  message: string;
  fieldErrors: Partial<Record<"email" | "icbCode", string>>;
  values: { email: string; icbCode: string };
}

export const initialIcbFormState: IcbFormState = { status: "idle", message: "", fieldErrors: {}, values: { email: "", icbCode: "" } };
