// System administrators: every account and its roles per PCN; give, change and remove roles.
// Accounts themselves are created on the command line (npm run user -- add). Data through
// lib/server/auth/memberships.ts, which checks the caller again.
import type { Metadata } from "next";
import Link from "next/link";
import { GrantForm } from "@/app/_members/grant-form";
import { MembersFlash } from "@/app/_members/flash";
import { revokeMembershipAction } from "@/app/_members/actions";
import { IcbGrantForm } from "@/app/_members/icb-form";
import { revokeIcbAction } from "@/app/_members/icb-actions";
import { isSystemAdmin, PCN_ROLE_LABELS } from "@/lib/server/auth/access";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getDb } from "@/lib/server/db/db";
import { listAccounts } from "@/lib/server/auth/memberships";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users and memberships" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function UsersPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!isSystemAdmin(user)) {
    return (
      <>
        <h1>Users and memberships</h1>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {user ? "Only system administrators can manage users. " : ""}
            <Link href="/login?next=%2Fadmin%2Fusers">Sign in as a system administrator</Link> to manage users and their roles.
          </p>
        </div>
      </>
    );
  }
  const q = await searchParams;
  const accounts = await listAccounts(getDb(), user);
  return (
    <>
      <h1>Users and memberships</h1>
      <MembersFlash removed={one(q.removed)} from={one(q.from)} role={one(q.role)} error={one(q.error)} fromIcb={one(q.fromIcb)} />
      <p className="nhsuk-body">
        An account sees and changes only the PCNs it is a member of: viewers read scenarios, editors also change them and enter
        the ICB-confirmed weighted population, PCN admins also manage the PCN&apos;s members. An ICB viewer reads the agreed
        plans, outturns and forecast returns of the ICB&apos;s PCNs (never their drafts) and changes nothing. System
        administrators can do everything. Create accounts with <code>npm run user -- add EMAIL --name &quot;Full Name&quot;</code>.
      </p>

      <h2>Accounts</h2>
      <div className="app-table-scroll">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Every account and its roles per PCN</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Name</th>
              <th className="nhsuk-table__header" scope="col">Email</th>
              <th className="nhsuk-table__header" scope="col">Account</th>
              <th className="nhsuk-table__header" scope="col">Roles per PCN</th>
              <th className="nhsuk-table__header" scope="col">ICB roles</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {accounts.map((a) => (
              <tr className="nhsuk-table__row" key={a.id} data-account={a.email}>
                <td className="nhsuk-table__cell">{a.name}</td>
                <td className="nhsuk-table__cell">{a.email}</td>
                <td className="nhsuk-table__cell">
                  {a.role === "admin" ? <strong className="nhsuk-tag nhsuk-tag--blue">System administrator</strong> : a.isDemo ? "Demo account" : "No global rights"}
                </td>
                <td className="nhsuk-table__cell">
                  {a.memberships.length === 0 ? (
                    <span className="nhsuk-body-s">{a.role === "admin" ? "Every PCN (system administrator)" : "None yet"}</span>
                  ) : a.memberships.length > 8 ? (
                    <details className="nhsuk-details">
                      <summary className="nhsuk-details__summary">
                        <span className="nhsuk-details__summary-text">{a.memberships.length} PCNs</span>
                      </summary>
                      <div className="nhsuk-details__text">
                        <Memberships email={a.email} name={a.name} memberships={a.memberships} />
                      </div>
                    </details>
                  ) : (
                    <Memberships email={a.email} name={a.name} memberships={a.memberships} />
                  )}
                </td>
                <td className="nhsuk-table__cell">
                  {a.icbMemberships.length === 0 ? <span className="nhsuk-body-s">None</span> : <IcbRoles email={a.email} name={a.name} roles={a.icbMemberships} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="grant">Give a role in a PCN</h2>
      <p className="nhsuk-body">Giving someone a role they already have in that PCN replaces it.</p>
      <GrantForm page="admin" />

      <h2 id="grant-icb">Make someone an ICB viewer</h2>
      <p className="nhsuk-body">
        An ICB viewer sees every PCN of the ICB: their agreed plans, outturns and forecast returns, read only. On the command
        line: <code>npm run user -- grant EMAIL ICB_CODE icb-viewer</code>.
      </p>
      <IcbGrantForm />
    </>
  );
}

function Memberships({ email, name, memberships }: { email: string; name: string; memberships: { pcnCode: string; pcnName: string; role: keyof typeof PCN_ROLE_LABELS }[] }) {
  return (
    <ul className="nhsuk-list app-membership-list">
      {memberships.map((m) => (
        <li key={m.pcnCode}>
          <form action={revokeMembershipAction} className="app-membership-list__item">
            <span>
              <Link href={`/pcns/${encodeURIComponent(m.pcnCode)}`}>{m.pcnCode}</Link> {m.pcnName}: {PCN_ROLE_LABELS[m.role]}
            </span>{" "}
            <input type="hidden" name="page" value="admin" />
            <input type="hidden" name="pcnCode" value={m.pcnCode} />
            <input type="hidden" name="email" value={email} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
              Remove<span className="nhsuk-u-visually-hidden"> {name} from {m.pcnCode}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

function IcbRoles({ email, name, roles }: { email: string; name: string; roles: { icbCode: string; icbName: string }[] }) {
  return (
    <ul className="nhsuk-list app-membership-list">
      {roles.map((m) => (
        <li key={m.icbCode}>
          <form action={revokeIcbAction} className="app-membership-list__item">
            <span>
              {m.icbCode} {m.icbName}: ICB viewer
            </span>{" "}
            <input type="hidden" name="icbCode" value={m.icbCode} />
            <input type="hidden" name="email" value={email} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
              Remove<span className="nhsuk-u-visually-hidden"> {name} as viewer of {m.icbCode}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
