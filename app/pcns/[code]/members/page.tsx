// A PCN's members, for its admins (and system administrators): who has which role, add or change
// a role, remove someone, and the PCN's audit trail. Anyone else: the PCN's not-found page (a
// member without the admin role: a plain message). Data through lib/server (memberships, audit).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GrantForm } from "@/app/_members/grant-form";
import { MembersFlash } from "@/app/_members/flash";
import { MembersTable } from "@/app/_members/members-table";
import { ScenarioHistory } from "@/app/components/scenario-history";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { getPcnAudit } from "@/lib/server/audit";
import { getDb } from "@/lib/server/db/db";
import { AppError } from "@/lib/server/errors";
import { listPcnMembers } from "@/lib/server/auth/memberships";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "PCN members" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const AUDIT_ON_PAGE = 50;

export default async function MembersPage({ params, searchParams }: Props) {
  const { code: raw } = await params;
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <h1>PCN members</h1>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <Link href={`/login?next=${encodeURIComponent(`/pcns/${raw}/members`)}`}>Sign in as one of the PCN&apos;s admins</Link> to manage its members.
          </p>
        </div>
      </>
    );
  }
  let data;
  let audit;
  try {
    data = await listPcnMembers(getDb(), user, raw);
    audit = await getPcnAudit(getDb(), user, data.pcn.code, { limit: AUDIT_ON_PAGE });
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "invalid_input")) notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return (
        <>
          <h1>PCN members</h1>
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{e.message}</p>
          </div>
        </>
      );
    }
    throw e;
  }
  const q = await searchParams;
  const { pcn, members } = data;
  return (
    <>
      <span className="nhsuk-caption-l">
        <Link href={`/pcns/${encodeURIComponent(pcn.code)}`}>
          {pcn.name} ({pcn.code})
        </Link>
      </span>
      <h1>Members</h1>
      <MembersFlash removed={one(q.removed)} from={one(q.from)} role={one(q.role)} error={one(q.error)} />
      <p className="nhsuk-body">
        Only this PCN&apos;s members see its scenarios. Viewers read them, editors also change them and enter the
        ICB-confirmed weighted population, PCN admins also manage the members.
      </p>
      <MembersTable pcnCode={pcn.code} members={members} page="pcn" />

      <h2 id="grant">Add a member or change a role</h2>
      <GrantForm page="pcn" pcnCode={pcn.code} />

      <ScenarioHistory
        heading="Audit trail"
        id="audit"
        events={audit.events}
        showEntity
        csvHref={`/api/v1/pcns/${encodeURIComponent(pcn.code)}/audit.csv`}
      />
      {audit.nextBefore !== null ? (
        <p className="nhsuk-body-s">The latest {AUDIT_ON_PAGE} events are shown; the CSV has them all.</p>
      ) : null}
    </>
  );
}
