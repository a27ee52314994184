// What the last "Remove" did (from the redirect's query), rebuilt from checked parts only.
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import { isPcnRole } from "@/lib/server/auth/access";

const A_ROLE = { viewer: "a viewer", editor: "an editor", admin: "a PCN admin" } as const;
const ERRORS: Record<string, string> = {
  "not-a-member": "That account was not a member any more: someone may have removed it already. Nothing was changed.",
  forbidden: "You cannot manage that PCN's members. Nothing was changed.",
  failed: "Something went wrong on our side. Nothing was changed.",
};

export function MembersFlash({ removed, from, role, error, fromIcb }: { removed?: string; from?: string; role?: string; error?: string; /** An ICB code: an ICB viewer was removed. */ fromIcb?: string }) {
  if (error && ERRORS[error]) {
    return (
      <div className="nhsuk-error-summary" aria-labelledby="members-flash-title" role="alert" tabIndex={-1}>
        <h2 className="nhsuk-error-summary__title" id="members-flash-title">
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <p>{ERRORS[error]}</p>
        </div>
      </div>
    );
  }
  if (removed && fromIcb && /^[^\s@]{1,100}@[^\s@]{1,100}$/.test(removed) && /^[A-Z0-9]{3}$/.test(fromIcb)) {
    return (
      <div className="nhsuk-inset-text" role="status">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          {removed} is no longer an ICB viewer of {fromIcb}.
        </p>
      </div>
    );
  }
  const code = PcnCodeSchema.safeParse(from ?? "");
  if (!removed || !/^[^\s@]{1,100}@[^\s@]{1,100}$/.test(removed) || !code.success) return null;
  return (
    <div className="nhsuk-inset-text" role="status">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        {removed} is no longer {isPcnRole(role) ? A_ROLE[role] : "a member"} of {code.data}.
      </p>
    </div>
  );
}
