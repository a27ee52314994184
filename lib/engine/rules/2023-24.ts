// Financial year 2023/24 (1 April 2023 – 31 March 2024).
import type { AfcBand } from "../roles";
import { deriveLines, mhpTables, ON_COSTS_TO_2024_25, pick } from "./derive";
import { MAXIMA_2023_24, MAXIMA_JULY_2023, withPublished } from "./2024-25";
import type { AfcBandPoints, FinancialYearRules } from "./types";

const AFC_SOURCE = "Third party: NHS Agenda for Change pay scales 2023/24 (5% award) as transcribed by athona.com and jobs.hscni.net";
const afc = (points: number[]): AfcBandPoints => ({ points, status: "third-party", source: AFC_SOURCE });

const NOT_IN_2023 = [
  "healthcare-support-worker",
  "new-to-general-practice-nurse",
  "experienced-general-practice-nurse",
  "consultant-nurse",
  "enhanced-practice-nurse",
  "gp",
] as const;

/**
 * 1 April – 30 June 2023: the July figures' salary bases ÷ 1.05 (undoing the 5% AfC award),
 * re-costed. This reproduces every published April figure to the pound (CP/FCP £59,312, care
 * coordinator £31,746, SPLW / pharmacy technician £38,187), so the other rows are estimated the same way.
 */
const MAXIMA_APRIL_2023 = withPublished(
  deriveLines(MAXIMA_2023_24, {
    from: ON_COSTS_TO_2024_25,
    to: ON_COSTS_TO_2024_25,
    salaryFactor: 1 / 1.05,
    source: "Derived: the July 2023 salary basis ÷ 1.05 (undoing the 5% AfC 2023/24 award), costed at 13.8% NI above £9,100 + 14.38% pension",
  }),
  "april",
);

export const RULES_2023_24: FinancialYearRules = {
  financialYear: "2023/24",
  startYear: 2023,
  pots: [
    {
      id: "main",
      label: "ARRS entitlement",
      ratePerWeightedPatient: 22.671,
      status: "published",
      source: "Network Contract DES 2023/24; NHS North East London ICB 'PCN ARRS update'",
    },
  ],
  employerNiRate: { value: 0.138, status: "published", source: "HMRC: employer Class 1 NI 13.8% (2023/24)" },
  employerNiThresholdAnnual: { value: 9100, status: "published", source: "HMRC: secondary threshold £9,100 a year (2023/24)" },
  employerPensionRate: { value: 0.1438, status: "published", source: "NHS Employers: employers pay 14.38% of 20.68%; 6.3% paid centrally" },
  afc: {
    "3": afc([22816, 24336]),
    "4": afc([25147, 27596]),
    "5": afc([28407, 30639, 34581]),
    "6": afc([35392, 37350, 42618]),
    "7": afc([43742, 45996, 50056]),
    "8a": afc([50952, 57349]),
    "8b": afc([58972, 68525]),
    "8c": { points: [70417, 81138], status: "estimate", source: "Estimate: NHS Employers 2023/24 pay scales as commonly reproduced; not in the research sources — verify" },
  } satisfies Record<AfcBand, AfcBandPoints>,
  hcas: {
    "inner-london": { rate: 0.2, minimum: 4888, maximum: 7377, status: "third-party", source: "Third party: summary of 2023 HCAS (jobcentrenearme.com); not confirmed against NHS Employers Annex 9" },
    "outer-london": { rate: 0.15, minimum: 4108, maximum: 5177, status: "third-party", source: "Third party: summary of 2023 HCAS (jobcentrenearme.com); not confirmed against NHS Employers Annex 9" },
    fringe: { rate: 0.05, minimum: 1136, maximum: 1915, status: "third-party", source: "Third party: summary of 2023 HCAS (jobcentrenearme.com); not confirmed against NHS Employers Annex 9" },
  },
  capTables: [
    {
      id: "2023-24-april",
      title: "1 April – 30 June 2023: maximum reimbursable amounts before the July uplift",
      effectiveFrom: "2023-04-01",
      effectiveTo: "2023-06-30",
      publishedOn: "2023-03-31",
      status: "derived",
      source: "National rows for clinical pharmacists, FCPs, care coordinators, SPLWs and pharmacy technicians reported by a third party (trade press, THC calculator); the rest derived (July basis ÷ 1.05)",
      roles: pick(MAXIMA_APRIL_2023, NOT_IN_2023),
      mhp: mhpTables(MAXIMA_APRIL_2023),
    },
    {
      id: "2023-24-july",
      title: "From 1 July 2023: maximum reimbursable amounts uplifted for the 5% AfC award",
      effectiveFrom: "2023-07-01",
      publishedOn: "2023-06-02",
      status: "derived",
      source: "National rows for clinical pharmacists, FCPs, care coordinators, SPLWs and pharmacy technicians reported by a third party (trade press, THC calculator); the rest derived (October 2024 salary bases ÷ 1.055, costed at 2023/24 on-costs)",
      note: "The DES table was updated on 2 June 2023 with effect from 1 July 2023; April–June used the earlier figures.",
      roles: pick(MAXIMA_JULY_2023, NOT_IN_2023),
      mhp: mhpTables(MAXIMA_JULY_2023),
    },
  ],
  payAward: { value: 0.05, status: "published", source: "NHS Agenda for Change 2023/24: 5% consolidated award (DHSC / NHS Employers)" },
  doctorsPayAward: { value: 0.06, status: "estimate", source: "Estimate: DDRB 2023/24 6% (general knowledge; with 6% in 2024/25 it reproduces the published 2024/25 salaried GP minimum £73,113)" },
  notes: ["Advanced practitioners were limited in number per PCN in 2023/24 (3, or 6 for PCNs of 100,000+); the engine does not enforce number caps."],
};
