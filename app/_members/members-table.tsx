// A PCN's members with a "Remove" button each (a server action form: works without JavaScript).
import { PCN_ROLE_LABELS } from "@/lib/server/auth/access";
import type { PcnMember } from "@/lib/server/auth/memberships";
import { revokeMembershipAction } from "./actions";
import type { MembersPage } from "./form-state";

const since = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });

export function MembersTable({ pcnCode, members, page }: { pcnCode: string; members: PcnMember[]; page: MembersPage }) {
  if (!members.length) return <p className="nhsuk-body">This PCN has no members yet.</p>;
  return (
    <div className="app-table-scroll">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Members of PCN {pcnCode}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Name</th>
            <th className="nhsuk-table__header" scope="col">Email</th>
            <th className="nhsuk-table__header" scope="col">Role</th>
            <th className="nhsuk-table__header" scope="col">Since</th>
            <th className="nhsuk-table__header" scope="col">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {members.map((m) => (
            <tr className="nhsuk-table__row" key={m.userId} data-member={m.email}>
              <td className="nhsuk-table__cell">
                {m.name}
                {m.accountRole === "admin" ? <span className="nhsuk-body-s"> (also a system administrator)</span> : null}
              </td>
              <td className="nhsuk-table__cell">{m.email}</td>
              <td className="nhsuk-table__cell">{PCN_ROLE_LABELS[m.role]}</td>
              <td className="nhsuk-table__cell">
                {since.format(new Date(m.since))}
                {m.grantedBy ? <span className="nhsuk-body-s"> (by {m.grantedBy.name})</span> : null}
              </td>
              <td className="nhsuk-table__cell">
                <form action={revokeMembershipAction}>
                  <input type="hidden" name="page" value={page} />
                  <input type="hidden" name="pcnCode" value={pcnCode} />
                  <input type="hidden" name="email" value={m.email} />
                  <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                    Remove<span className="nhsuk-u-visually-hidden"> {m.name} from {pcnCode}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
