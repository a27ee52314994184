// Financial year 2024/25 (1 April 2024 – 31 March 2025).
import type { AfcBand } from "../roles";
import { APRIL_2025_CAPS } from "./base-2025-26";
import { deriveLines, mhpTables, ON_COSTS_FROM_2025_26, ON_COSTS_TO_2024_25, pick } from "./derive";
import type { AfcBandPoints, CapLine, CappedRoleId, FinancialYearRules } from "./types";

const AFC_SOURCE = "NHS Agenda for Change pay scales 2024/25 (5.5% award; new band 8 points backdated to 1 April 2024); healthcareers.nhs.uk, rcninursingjobs.co.uk";
const afc = (points: number[], estimatePoints?: number[]): AfcBandPoints => ({
  points,
  status: "published",
  source: AFC_SOURCE,
  ...(estimatePoints ? { estimatePoints, note: "Point 2 derived (2025/26 ÷ 1.036: £50,273 ÷ 1.036 = £48,526); the source stopped at band 6." } : {}),
});

export const AFC_2024_25: Record<AfcBand, AfcBandPoints> = {
  "3": afc([24071, 25674]),
  "4": afc([26530, 29114]),
  "5": afc([29970, 32324, 36483]),
  "6": afc([37338, 39405, 44962]),
  "7": afc([46148, 48526, 52809], [2]),
  "8a": afc([53755, 56454, 60504]),
  "8b": afc([62215, 66246, 72293]),
  "8c": afc([74290, 78814, 85601]),
};

const PHARMACIST_OCT_2024 = "The Pharmacist, 'PCNs can claim more per ARRS role but no overall funding increase' (Sept 2024)";
// Trade press and a calculator reporting the updated DES table: third party (the DES text was not found).
const published = (national: number, outerLondon: number, innerLondon: number, source: string): CapLine => ({
  national,
  outerLondon,
  innerLondon,
  status: "third-party",
  source: `Third party: ${source}`,
});

const OCTOBER_2024_PUBLISHED: Partial<Record<CappedRoleId, CapLine>> = {
  "clinical-pharmacist": published(65838, 73189, 76313, PHARMACIST_OCT_2024),
  "first-contact-physiotherapist": published(65838, 73189, 76313, "THC Primary Care salary guide (FCP = clinical pharmacist row)"),
  "advanced-practitioner": published(72141, 79492, 82616, PHARMACIST_OCT_2024),
  "pharmacy-technician": published(42437, 48991, 51176, PHARMACIST_OCT_2024),
  gp: published(92462, 95233, 95233, "Pulse (Oct 2024): ARRS GP maximum £92,462, London £95,233 (salary element £73,113)"),
};

/**
 * Roles that share a row of the April 2025 table with a role whose October 2024 figures were
 * published take those figures (marked estimate: the sharing is inferred from April 2025).
 */
function shareRows(derived: Record<CappedRoleId, CapLine>): Record<CappedRoleId, CapLine> {
  const out = { ...derived };
  for (const role of Object.keys(derived) as CappedRoleId[]) {
    if (OCTOBER_2024_PUBLISHED[role]) {
      out[role] = OCTOBER_2024_PUBLISHED[role];
      continue;
    }
    const a = APRIL_2025_CAPS[role];
    const twin = (Object.keys(OCTOBER_2024_PUBLISHED) as CappedRoleId[]).find((r) => {
      const b = APRIL_2025_CAPS[r];
      return b.national === a.national && b.outerLondon === a.outerLondon && b.innerLondon === a.innerLondon;
    });
    if (twin) {
      const t = OCTOBER_2024_PUBLISHED[twin]!;
      out[role] = {
        national: t.national,
        outerLondon: t.outerLondon,
        innerLondon: t.innerLondon,
        status: "derived",
        source: `Derived: the ${twin} row (${t.source.replace(/^Third party: /, "")}), which this role shares in the April 2025 table`,
      };
    }
  }
  return out;
}

/** 1 October 2024 table: the April 2025 salaries costed under 2024/25 on-costs, published rows where found. */
export const OCTOBER_2024: Record<CappedRoleId, CapLine> = shareRows({
  ...deriveLines(APRIL_2025_CAPS, {
    from: ON_COSTS_FROM_2025_26,
    to: ON_COSTS_TO_2024_25,
    salaryFactor: 1,
    source: "Derived (re-costed salary basis): the April 2025 salary basis, costed at 13.8% NI above £9,100 + 14.38% pension",
    note: "The April 2025 table is the October 2024 salaries re-costed for NI only, so the reverse gives the October 2024 row.",
  }),
});

/** 2023/24 maxima (in force until 30 September 2024): estimated by undoing the 5.5% award. */
export const MAXIMA_2023_24: Record<CappedRoleId, CapLine> = deriveLines(APRIL_2025_CAPS, {
  from: ON_COSTS_FROM_2025_26,
  to: ON_COSTS_TO_2024_25,
  salaryFactor: 1 / 1.055,
  source: "Derived (re-costed salary basis): the October 2024 salary basis ÷ 1.055 (undoing the 5.5% AfC award), costed at 13.8% NI above £9,100 + 14.38% pension",
  note: "The 2023/24 DES figures (updated 2 June 2023) were not found in public sources.",
});

const JULY_2023_SOURCE =
  "Management in Practice, 'Total ARRS budget will not account for Agenda for Change uplift' (14 Jun 2023); The Pharmacist; THC Primary Care salary calculator (updated 2 June 2023, in force 1 July 2023)";

/** National maxima published for 2023/24 from 1 July 2023, and before it (1 April – 30 June 2023). */
export const PUBLISHED_2023_24: Partial<Record<CappedRoleId, { april: number; july: number }>> = {
  "clinical-pharmacist": { april: 59312, july: 62340 },
  "first-contact-physiotherapist": { april: 59312, july: 62340 },
  "care-coordinator": { april: 31746, july: 33396 },
  "social-prescribing-link-worker": { april: 38187, july: 40159 },
  "pharmacy-technician": { april: 38187, july: 40159 },
};

/**
 * Rows whose national figure the trade press or a calculator reports become third-party (their
 * London columns stay derived). The derived national figure must equal the published one, or the method is wrong.
 */
export function withPublished(lines: Record<CappedRoleId, CapLine>, when: "april" | "july"): Record<CappedRoleId, CapLine> {
  const out = { ...lines };
  for (const [role, p] of Object.entries(PUBLISHED_2023_24) as [CappedRoleId, { april: number; july: number }][]) {
    const line = lines[role];
    if (line.national !== p[when]) throw new Error(`${role}: derived ${line.national} is not the published ${p[when]}`);
    out[role] = { ...line, status: "third-party", londonStatus: "derived", source: `Third party: national figure reported by ${JULY_2023_SOURCE}. London columns: ${line.source}` };
  }
  return out;
}

/** As published from 1 July 2023 (and in force until 30 September 2024). */
export const MAXIMA_JULY_2023 = withPublished(MAXIMA_2023_24, "july");

const NOT_IN_2024 = ["healthcare-support-worker", "new-to-general-practice-nurse", "experienced-general-practice-nurse", "consultant-nurse"] as const;

export const RULES_2024_25: FinancialYearRules = {
  financialYear: "2024/25",
  startYear: 2024,
  pots: [
    {
      id: "main",
      label: "ARRS entitlement",
      ratePerWeightedPatient: 22.894,
      status: "third-party",
      source: "Third party: Network Contract DES 2024/25 as reported by Pulse, 'PCNs can claim more for ARRS staff but funding remains flat'; The Pharmacist",
    },
    {
      id: "gp",
      label: "ARRS GP entitlement (ring-fenced, 1 October 2024 – 31 March 2025)",
      ratePerWeightedPatient: 1.303,
      roles: ["gp"],
      appliesFrom: "2024-10-01",
      status: "third-party",
      source: "Third party: Network Contract DES 2024/25 §10.5.4 (ARRS GPs), £82m national reserve, as reported by Pulse and SSLMC",
    },
  ],
  employerNiRate: { value: 0.138, status: "published", source: "HMRC: employer Class 1 NI 13.8% to 5 April 2025" },
  employerNiThresholdAnnual: { value: 9100, status: "published", source: "HMRC: secondary threshold £9,100 a year to 5 April 2025" },
  employerPensionRate: { value: 0.1438, status: "published", source: "NHS Employers: employers pay 14.38%; the rest of 23.78% is paid centrally from April 2024" },
  afc: AFC_2024_25,
  hcas: {
    "inner-london": { rate: 0.2, minimum: 5227, maximum: 8173, status: "derived", source: "Derived: maximum from the ARRS inner-London salary basis (from the ARRS London maxima); minimum = 2025/26 ÷ 1.036" },
    "outer-london": { rate: 0.15, minimum: 4394, maximum: 5735, status: "derived", source: "Derived: maximum from the ARRS outer-London salary basis (from the ARRS London maxima); minimum = 2025/26 ÷ 1.036" },
    fringe: { rate: 0.05, minimum: 1214, maximum: 2121, status: "derived", source: "Derived: 2025/26 figures ÷ 1.036" },
  },
  capTables: [
    {
      id: "2024-25-april",
      title: "1 April – 30 September 2024: the 2023/24 maxima (plus enhanced practice nurses)",
      effectiveFrom: "2024-04-01",
      effectiveTo: "2024-09-30",
      publishedOn: "2024-03-29",
      status: "derived",
      source: "Derived (the 2023/24 maxima from 1 July 2023 continued until the October 2024 uplift): third-party national rows for clinical pharmacists, FCPs, care coordinators, SPLWs and pharmacy technicians; the rest re-costed salary bases",
      roles: pick(MAXIMA_JULY_2023, [...NOT_IN_2024, "gp"]),
      mhp: mhpTables(MAXIMA_2023_24),
    },
    {
      id: "2024-25-october",
      title: "From 1 October 2024: maxima uplifted for the 5.5% AfC award; ARRS GPs added",
      effectiveFrom: "2024-10-01",
      publishedOn: "2024-09-26",
      status: "third-party",
      source: "Network Contract DES 2024/25, updated 26 September 2024, Table 2, as reported by The Pharmacist, Pulse and THC Primary Care",
      note: "Rows reported by a third party: clinical pharmacist, FCP, advanced practitioner, pharmacy technician, GP. The other rows are derived.",
      roles: pick(OCTOBER_2024, NOT_IN_2024),
      mhp: mhpTables(OCTOBER_2024),
    },
  ],
  payAward: { value: 0.055, status: "published", source: AFC_SOURCE },
  doctorsPayAward: { value: 0.06, status: "estimate", source: "DDRB 2024/25: 6% (general knowledge, checked: with 6% in 2023/24 it reproduces the published 2024/25 salaried GP minimum £73,113 from the 2021/22 range)" },
  notes: [
    "ARRS GPs could be claimed only from 1 October 2024, from a separate ring-fenced pot (£1.303 per weighted patient).",
    "The maxima rose on 1 October 2024 with the 5.5% pay award; the entitlement did not.",
  ],
};
