// Financial year 2025/26 (1 April 2025 – 31 March 2026).
import type { AfcBand } from "../roles";
import { APRIL_2025_CAPS, APRIL_2025_MHP_50 } from "./base-2025-26";
import { deriveLines, mhpTables, ON_COSTS_FROM_2025_26 } from "./derive";
import type { AfcBandPoints, FinancialYearRules } from "./types";

const AFC_SOURCE = "Third party: NHS Agenda for Change pay scales 2025/26 (3.6% award, backdated to 1 April 2025) as transcribed by nhstakehomepaycalculator.co.uk";
const afc = (points: number[]): AfcBandPoints => ({ points, status: "third-party", source: AFC_SOURCE });

const HCAS_SOURCE = "Third party: NHS Terms and Conditions Annex 9 cash limits 2025/26 as transcribed by nhspayscales.co.uk";

export const AFC_2025_26: Record<AfcBand, AfcBandPoints> = {
  "3": afc([24937, 26598]),
  "4": afc([27485, 30162]),
  "5": afc([31049, 33487, 37796]),
  "6": afc([38682, 40823, 46580]),
  "7": afc([47810, 50273, 54710]),
  "8a": afc([55690, 58487, 62682]),
  "8b": afc([64455, 68631, 74896]),
  "8c": afc([76965, 81652, 88682]),
};

/** The April 2025 table re-based for the 3.6% AfC award (GPs: 4% DDRB), backdated to 1 April 2025. */
export const UPLIFTED_2025_26 = deriveLines(
  APRIL_2025_CAPS,
  {
    from: ON_COSTS_FROM_2025_26,
    to: ON_COSTS_FROM_2025_26,
    salaryFactor: 1.036,
    source: "Derived (re-costed salary basis): April 2025 salary basis × 1.036 (AfC 2025/26 award), costed at 15% NI above £5,000 + 14.38% pension",
    note: "NHS England loaded the uplifted maxima on 1 August 2025, backdated to 1 April 2025; the figures themselves were not found in public sources.",
  },
  {
    gp: {
      salaryFactor: 1.04,
      source: "Derived (re-costed salary basis): GP salary element £82,418 × 1.04 (DDRB 2025/26), costed at 15% NI above £5,000 + 14.38% pension",
    },
  },
);

export const RULES_2025_26: FinancialYearRules = {
  financialYear: "2025/26",
  startYear: 2025,
  pots: [
    {
      id: "main",
      label: "ARRS entitlement",
      ratePerWeightedPatient: 26.631,
      status: "published",
      source: "Network Contract DES 2025/26 §10.5.4; NHSE ready reckoner (30,000 × £26.631 = £798,930); ncltraininghub.org",
      note: "GPs are inside the one pot from 2025/26. DHSC later added funding for the 3.6% AfC / 4% DDRB uplift; whether and how that changed each PCN's rate was not found — if your ICB gave you a higher figure, enter it as an assumption.",
    },
  ],
  employerNiRate: { value: 0.15, status: "published", source: "HMRC: employer Class 1 NI 15% from 6 April 2025" },
  employerNiThresholdAnnual: { value: 5000, status: "published", source: "HMRC: secondary threshold £5,000 a year from 6 April 2025 (held at this level until April 2031, Autumn Budget 2025)" },
  employerPensionRate: { value: 0.1438, status: "published", source: "NHS Employers: employers pay 14.38%; the rest of 23.78% is paid centrally" },
  afc: AFC_2025_26,
  hcas: {
    "inner-london": { rate: 0.2, minimum: 5415, maximum: 8465, status: "third-party", source: HCAS_SOURCE },
    "outer-london": { rate: 0.15, minimum: 4552, maximum: 5941, status: "third-party", source: HCAS_SOURCE },
    fringe: { rate: 0.05, minimum: 1258, maximum: 2197, status: "third-party", source: HCAS_SOURCE },
  },
  capTables: [
    {
      id: "2025-26-april",
      title: "Maximum reimbursable amounts as published for 1 April 2025",
      effectiveFrom: "2025-04-01",
      publishedOn: "2025-04-01",
      status: "third-party",
      source: "Network Contract DES 2025/26 §10.5.4 Table 2, as reported by the trade press and transcribed by public calculators (the DES text was not found); the GP London figure is derived",
      note: "The October 2024 salaries re-costed for the new NI rules only.",
      roles: APRIL_2025_CAPS,
      mhp: mhpTables(APRIL_2025_CAPS, APRIL_2025_MHP_50),
    },
    {
      id: "2025-26-uplift",
      title: "After the 3.6% AfC / 4% DDRB uplift (loaded 1 August 2025, backdated to 1 April 2025)",
      effectiveFrom: "2025-04-01",
      publishedOn: "2025-08-01",
      status: "derived",
      source: "Derived (re-costed salary basis: salary basis × 1.036; GP × 1.04); the uplift itself was announced by NHS England (loaded 1 August 2025, backdated)",
      backdatedUplift: { defaultOn: true },
      roles: UPLIFTED_2025_26,
      mhp: mhpTables(UPLIFTED_2025_26),
    },
  ],
  payAward: { value: 0.036, status: "published", source: "NHS Agenda for Change 2025/26: 3.6% award, backdated to 1 April 2025 (DHSC / NHS Employers)" },
  doctorsPayAward: { value: 0.04, status: "published", source: "DDRB 2025/26: 4% for doctors, funded for ARRS GPs from 1 April 2025 (The Pharmacist; Pulse)" },
  notes: [
    "The uplifted maxima replace the April table for the whole year (backdated); the April table is kept for audit.",
    "From 2025/26 an ICB keeps any ARRS underspend; a PCN's unclaimed entitlement is still lost at 31 March.",
    "NI tax years start on 6 April: 1–5 April 2025 fell under the old NI rules. The maxima were re-costed from 1 April, so the engine applies the new rules to the whole year.",
  ],
};
