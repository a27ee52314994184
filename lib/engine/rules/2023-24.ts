// Financial year 2023/24 (1 April 2023 – 31 March 2024).
import type { AfcBand } from "../roles";
import { mhpTables, pick } from "./derive";
import { MAXIMA_2023_24 } from "./2024-25";
import type { AfcBandPoints, FinancialYearRules } from "./types";

const AFC_SOURCE = "NHS Agenda for Change pay scales 2023/24 (5% award); athona.com, jobs.hscni.net";
const afc = (points: number[]): AfcBandPoints => ({ points, status: "published", source: AFC_SOURCE });

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
    "8c": { points: [70417, 81138], status: "estimate", source: "NHS Employers 2023/24 pay scales as commonly reproduced; not in the research sources — verify" },
  } satisfies Record<AfcBand, AfcBandPoints>,
  hcas: {
    "inner-london": { rate: 0.2, minimum: 4888, maximum: 7377, status: "estimate", source: "Third-party summary of 2023 HCAS (jobcentrenearme.com); not confirmed against NHS Employers Annex 9" },
    "outer-london": { rate: 0.15, minimum: 4108, maximum: 5177, status: "estimate", source: "Third-party summary of 2023 HCAS (jobcentrenearme.com); not confirmed against NHS Employers Annex 9" },
    fringe: { rate: 0.05, minimum: 1136, maximum: 1915, status: "estimate", source: "Third-party summary of 2023 HCAS (jobcentrenearme.com); not confirmed against NHS Employers Annex 9" },
  },
  capTables: [
    {
      id: "2023-24",
      title: "2023/24 maximum reimbursable amounts (estimated)",
      effectiveFrom: "2023-04-01",
      publishedOn: "2023-06-02",
      status: "estimate",
      source: "Estimate (re-costed salary basis): October 2024 salary bases ÷ 1.055, costed at 2023/24 on-costs",
      note: "The DES table was updated on 2 June 2023 with effect from 1 July 2023; whether backdated to April is unverified.",
      roles: pick(MAXIMA_2023_24, [
        "healthcare-support-worker",
        "new-to-general-practice-nurse",
        "experienced-general-practice-nurse",
        "consultant-nurse",
        "enhanced-practice-nurse",
        "gp",
      ]),
      mhp: mhpTables(MAXIMA_2023_24),
    },
  ],
  payAward: { value: 0.05, status: "published", source: AFC_SOURCE },
  doctorsPayAward: { value: 0.06, status: "estimate", source: "DDRB 2023/24: 6% (general knowledge; with 6% in 2024/25 it reproduces the published 2024/25 salaried GP minimum £73,113)" },
  notes: ["Advanced practitioners were limited in number per PCN in 2023/24 (3, or 6 for PCNs of 100,000+); the engine does not enforce number caps."],
};
