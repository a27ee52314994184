import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { yearChoices } from "@/lib/server/today";
import { formatCount, formatDate, formatDecimal, formatPounds } from "@/lib/format";
import { getCurrentUser } from "@/lib/server/auth/auth";
import { canAdmin, canRead, canReadIcb, canWrite } from "@/lib/server/auth/access";
import { AgreedPlanLine } from "./agreed-plan";
import type { WeightedProvenance } from "@/lib/server/pcn-data/weighted-population";
import { getDb } from "@/lib/server/db/db";
import { countPcnAdmins } from "@/lib/server/auth/memberships";
import { publicPcnDetail } from "@/lib/server/pcn-data/public-data";
import { AgeProfileChart } from "./age-profile-chart";
import { ConfirmedWeightedForm } from "./confirmed-weighted-form";
import { EntitlementChart } from "./entitlement-chart";
import { PopulationNeedSection } from "./population-need";
import { PracticesTable } from "./practices-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Next has already decoded the URL segment; getPcnDetail checks it is a PCN code (null if not).
// The PCN's data is computed once per data version (lib/server/pcn-data/public-data.ts); the signed-in
// user's parts of the page (the form, links for editors and admins) are not cached.
const load = cache(async (raw: string) => publicPcnDetail(raw));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const pcn = await load((await params).code);
  return { title: pcn ? `${pcn.name} (${pcn.code})` : "PCN not found" };
}

const PROVENANCE_TAG: Record<WeightedProvenance, { label: string; className: string }> = {
  "icb-confirmed": { label: "ICB-confirmed", className: "nhsuk-tag nhsuk-tag--green" },
  imported: { label: "Imported", className: "nhsuk-tag nhsuk-tag--blue" },
  estimate: { label: "Estimate", className: "nhsuk-tag nhsuk-tag--yellow" },
};

/**
 * For a signed-in account that cannot plan for this PCN: whom to ask. A PCN's admins add its
 * members; a PCN nobody administers yet (every real PCN at first) needs a site administrator.
 * Only signed-in pages show it (the public page cache keeps no membership-dependent text).
 */
function AskForAccess({ pcn, email, admins }: { pcn: { code: string; name: string }; email: string; admins: number }) {
  return (
    <div className="nhsuk-inset-text app-no-print" data-testid="ask-for-access">
      <h2 className="nhsuk-heading-s">Getting access</h2>
      {admins > 0 ? (
        <p>
          You can read this PCN&apos;s public figures, but planning and saving scenarios needs the editor role in it. Ask one of its {admins === 1 ? "PCN admin" : `${admins} PCN admins`} (a
          colleague at the PCN who manages who can use ARRS Planner for it) to add you as an editor, giving them your email address, {email}.
        </p>
      ) : (
        <p>
          Nobody at this PCN manages access to it in ARRS Planner yet, so no colleague can add you. A site administrator, whoever runs ARRS Planner for your
          organisation (often your ICB&apos;s or PCN&apos;s digital or IT team), gives the first person access. Email them your email address ({email}) and the PCN
          code {pcn.code}, and ask to be made a PCN admin of {pcn.name}. As its admin you can then add your colleagues yourself, under Members on this page.
        </p>
      )}
    </div>
  );
}

const percent = (part: number, whole: number) => (whole > 0 ? `${formatDecimal(Math.round((part / whole) * 1000) / 10)}%` : "");

export default async function PcnPage({ params, searchParams }: Props) {
  const pcn = await load((await params).code);
  const user = await getCurrentUser();
  if (!pcn) notFound();

  const wpByYear = new Map(pcn.weightedPopulations.map((w) => [w.financialYear, w]));
  const firstEstimateYear = pcn.weightedPopulations.find((w) => w.provenance === "estimate")?.financialYear;
  // The confirmed-figure form offers the years accepted everywhere (2023/24 to three years ahead).
  const { current, years: formYears } = yearChoices();
  const defaultYear = firstEstimateYear ?? current;
  // How each estimate's 80% interval was found, once for all the years that share it.
  const intervalNotes = new Map<string, string[]>();
  for (const w of pcn.weightedPopulations) {
    if (!w.intervalBasis) continue;
    const how = w.intervalBasis.replace(/^80% interval [^:]*: /, "");
    intervalNotes.set(how, [...(intervalNotes.get(how) ?? []), w.financialYear]);
  }

  return (
    <>
      <span className="nhsuk-caption-l">
        Primary Care Network {pcn.code}
        {pcn.icb ? ` · ${pcn.icb.name}` : ""}
      </span>
      <h1>{pcn.name}</h1>
      {pcn.isDemo ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>This is a fictional demo PCN. Its practices and figures are made up.</p>
        </div>
      ) : null}

      <div className="nhsuk-button-group app-no-print">
        <Link className="nhsuk-button app-button-link" href={`/pcns/${encodeURIComponent(pcn.code)}/scenarios`} data-testid="plan-posts">
          Plan posts for this PCN
        </Link>
        <Link className="nhsuk-link" href={`/?pcn=${encodeURIComponent(pcn.code)}`}>
          Quick estimate for this PCN
        </Link>
        <Link className="nhsuk-link" href={`/pcns/${encodeURIComponent(pcn.code)}/compare`} data-testid="compare-scenarios">
          Compare scenarios
        </Link>
        <Link className="nhsuk-link" href={`/pcns/${encodeURIComponent(pcn.code)}/outturn`} data-testid="outturn-link">
          Plan against actual
        </Link>
      </div>
      {canRead(user, pcn.code) ? <AgreedPlanLine pcnCode={pcn.code} /> : null}
      {!user ? (
        <p className="nhsuk-body-s app-no-print">Planning and saving scenarios needs an editor account: you will be asked to sign in.</p>
      ) : !canWrite(user, pcn.code) ? (
        <AskForAccess pcn={pcn} email={user.email} admins={await countPcnAdmins(getDb(), pcn.code)} />
      ) : null}

      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">PCN code</dt>
          <dd className="nhsuk-summary-list__value">{pcn.code}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Integrated Care Board</dt>
          <dd className="nhsuk-summary-list__value">
            {pcn.icb && canReadIcb(user, pcn.icb.code) ? (
              <Link href={`/icbs/${pcn.icb.code}`} data-testid="pcn-icb-link">
                {pcn.icb.name} ({pcn.icb.code})
              </Link>
            ) : pcn.icb ? (
              `${pcn.icb.name} (${pcn.icb.code})`
            ) : (
              "Not known"
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Sub-ICB location</dt>
          <dd className="nhsuk-summary-list__value">{pcn.subIcb ? `${pcn.subIcb.name} (${pcn.subIcb.code})` : "Not known"}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">NHS England region</dt>
          <dd className="nhsuk-summary-list__value">{pcn.region ? pcn.region.name : "Not known"}</dd>
        </div>
      </dl>

      <h2 id="registered-population">Registered population</h2>
      {pcn.registeredPatients === null ? (
        <p>{pcn.registeredPatientsNote ?? "No registered population is stored for this PCN."}</p>
      ) : (
        <>
          <p className="nhsuk-body-l">
            <strong>{formatCount(pcn.registeredPatients)}</strong> registered patients
            {pcn.registeredPatientsDate ? ` on ${formatDate(pcn.registeredPatientsDate)}` : ""}
          </p>
          {pcn.male !== null && pcn.female !== null ? (
            <p>
              {formatCount(pcn.female)} female ({percent(pcn.female, pcn.registeredPatients)}) and {formatCount(pcn.male)} male (
              {percent(pcn.male, pcn.registeredPatients)}).
            </p>
          ) : null}
          {pcn.registeredPatientsNote ? (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Summed from practices
                </span>
              </h3>
              <p>{pcn.registeredPatientsNote}</p>
            </div>
          ) : null}
          {pcn.ageProfile ? (
            <>
              <h3>Age profile</h3>
              <AgeProfileChart profile={pcn.ageProfile} />
            </>
          ) : (
            <p>No age profile is stored for this PCN.</p>
          )}
        </>
      )}

      <h2 id="practices">Member practices</h2>
      {pcn.practices.length === 0 ? (
        <p>No member practices are recorded for this PCN.</p>
      ) : (
        <>
          <p className="nhsuk-body-s">
            {pcn.practices.length} practice{pcn.practices.length === 1 ? "" : "s"}
            {pcn.membershipExtractDate ? `, from the PCN membership list of ${formatDate(pcn.membershipExtractDate)}` : ""}.
          </p>
          <PracticesTable practices={pcn.practices} />
        </>
      )}

      <h2 id="entitlement">Weighted population and ARRS entitlement</h2>
      <p>
        The entitlement is the year&apos;s rate per weighted patient × the PCN&apos;s contractor weighted population at 1
        January before the year. It is a ceiling on reimbursement, not a payment. Figures marked{" "}
        <strong className="nhsuk-tag nhsuk-tag--yellow">Estimate</strong> should be checked with your ICB.
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Weighted population and ARRS entitlement by financial year">
        <table className="nhsuk-table app-entitlement-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Weighted population and ARRS entitlement by financial year</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Financial year</th>
              <th scope="col" className="nhsuk-table__header--numeric">
                Weighted population
              </th>
              <th scope="col">Where it comes from</th>
              <th scope="col" className="nhsuk-table__header--numeric">
                ARRS entitlement
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {pcn.entitlements.map((e) => {
              const w = wpByYear.get(e.financialYear);
              const tag = w ? PROVENANCE_TAG[w.provenance] : null;
              return (
                <tr key={e.financialYear} className="nhsuk-table__row" data-financial-year={e.financialYear}>
                  <th scope="row">{e.financialYear}</th>
                  <td className="nhsuk-table__cell--numeric">
                    {w ? formatDecimal(w.value) : "—"}
                    {w?.interval ? (
                      <span className="nhsuk-body-s app-basis app-interval" data-testid="weighted-interval">
                        estimate: {formatCount(Math.round(w.value))} (80% interval {formatCount(Math.round(w.interval.low))} to {formatCount(Math.round(w.interval.high))})
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {tag ? <strong className={tag.className}>{tag.label}</strong> : null}
                    {w ? <span className="nhsuk-body-s app-basis">{w.basis}</span> : null}
                    {w?.alsoStored?.map((s) => (
                      <span key={s.provenance} className="nhsuk-body-s app-basis">
                        Also stored: imported figure {formatDecimal(s.value)} (kept; the ICB-confirmed figure is used).
                      </span>
                    ))}
                  </td>
                  <td className="nhsuk-table__cell--numeric">
                    {formatPounds(e.amount)}
                    {e.isEstimate ? (
                      <>
                        {" "}
                        <strong className="nhsuk-tag nhsuk-tag--yellow">Estimate</strong>
                        <span className="nhsuk-body-s app-basis">Because {e.reasons.join("; and ")}.</span>
                        {e.amountInterval ? (
                          <span className="nhsuk-body-s app-basis" data-testid="entitlement-interval">
                            80% interval {formatPounds(e.amountInterval.low)} to {formatPounds(e.amountInterval.high)}, from the weighted population&apos;s interval.
                          </span>
                        ) : null}
                      </>
                    ) : null}
                    {e.pots.length > 1 ? (
                      <span className="nhsuk-body-s app-basis">
                        {e.pots.map((p) => `${p.label}: ${formatPounds(p.amount)} at £${p.ratePerWeightedPatient}`).join("; ")}
                      </span>
                    ) : (
                      <span className="nhsuk-body-s app-basis">at £{e.pots[0]?.ratePerWeightedPatient} per weighted patient</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {intervalNotes.size ? (
        <div className="nhsuk-body-s" data-testid="interval-notes">
          {[...intervalNotes].map(([how, years]) => (
            <p key={how} className="nhsuk-body-s">
              How the 80% interval{years.length > 1 ? "s" : ""} for {years.join(", ")} {years.length > 1 ? "were" : "was"} found: {how}. The real figure
              should fall inside it for about 8 PCNs in 10.
            </p>
          ))}
        </div>
      ) : null}
      <EntitlementChart points={pcn.entitlements.map((e) => ({ financialYear: e.financialYear, amount: e.amount, isEstimate: e.isEstimate }))} />

      <PopulationNeedSection pcn={pcn} searchParams={await searchParams} />

      {/* Entering a figure is for the screen: not printed */}
      <div className="app-no-print">
        <h2 id="confirm">Enter the ICB-confirmed weighted population</h2>
        <p>
          Your ICB tells each PCN its weighted population for the year (it is not in public files). Enter it here and it
          replaces the estimate or imported figure for that year. An imported figure is kept, not deleted.
        </p>
        {canWrite(user, pcn.code) ? (
          <ConfirmedWeightedForm code={pcn.code} financialYears={formYears} defaultYear={defaultYear} />
        ) : user ? (
          <div className="nhsuk-inset-text">
            <p>Only this PCN&apos;s editors and admins can enter its ICB-confirmed figure: see &quot;Getting access&quot; at the top of this page.</p>
          </div>
        ) : (
          <div className="nhsuk-inset-text">
            <p>
              <Link href={`/login?next=${encodeURIComponent(`/pcns/${pcn.code}#confirm`)}`}>Sign in as an editor</Link> to enter the ICB-confirmed figure.
            </p>
          </div>
        )}
      </div>
      {canAdmin(user, pcn.code) ? (
        <div className="app-no-print">
          <h2>Members</h2>
          <p>
            <Link href={`/pcns/${encodeURIComponent(pcn.code)}/members`}>Manage this PCN&apos;s members and see its audit trail</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
