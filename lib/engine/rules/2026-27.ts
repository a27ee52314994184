// Financial year 2026/27 (1 April 2026 – 31 March 2027). Mostly estimates: the DES tables were
// not found in public sources when this was written.
import { AFC_BANDS, type AfcBand } from "../roles";
import { AFC_2025_26, UPLIFTED_2025_26 } from "./2025-26";
import { deriveLines, mhpTables, ON_COSTS_FROM_2025_26 } from "./derive";
import type { AfcBandPoints, FinancialYearRules } from "./types";

const AFC_UPLIFT = 1.033;

const afc = Object.fromEntries(
  AFC_BANDS.map((band) => [
    band,
    {
      points: AFC_2025_26[band].points.map((p) => Math.floor(p * AFC_UPLIFT + 0.5)),
      status: "estimate",
      source: "Estimate: 2025/26 pay points × 1.033 (3.3% AfC award from April 2026, announced 12 Feb 2026), rounded to the pound",
    } satisfies AfcBandPoints,
  ]),
) as Record<AfcBand, AfcBandPoints>;

const CAPS_2026_27 = deriveLines(UPLIFTED_2025_26, {
  from: ON_COSTS_FROM_2025_26,
  to: ON_COSTS_FROM_2025_26,
  salaryFactor: AFC_UPLIFT,
  source: "Estimate (re-costed salary basis): uplifted 2025/26 salary basis × 1.033 (AfC 2026/27), costed at 15% NI above £5,000 + 14.38% pension",
  note: "Whether NHS England uplifts the maxima by the full 3.3% is unknown.",
}, {
  gp: {
    source: "Estimate: 2025/26 GP estimate × 1.033. From 2026/27 the GP maximum is the top of the salaried GP range + on-costs (figure not found).",
  },
});

const hcas = (rate: number, minimum: number, maximum: number) => ({
  rate,
  minimum: Math.floor(minimum * AFC_UPLIFT + 0.5),
  maximum: Math.floor(maximum * AFC_UPLIFT + 0.5),
  status: "estimate" as const,
  source: "Estimate: 2025/26 HCAS cash limits × 1.033",
});

export const RULES_2026_27: FinancialYearRules = {
  financialYear: "2026/27",
  startYear: 2026,
  pots: [
    {
      id: "main",
      label: "ARRS entitlement",
      ratePerWeightedPatient: 27.668,
      status: "estimate",
      source: "Unverified: one third-party tool (orgcentral.app) gives £27.668; national pot £1,754m provisional (SSLMC)",
      note: "Replace with the figure in your ICB's 2026/27 ARRS letter.",
    },
  ],
  employerNiRate: { value: 0.15, status: "published", source: "HMRC: employer Class 1 NI 15%" },
  employerNiThresholdAnnual: { value: 5000, status: "published", source: "HMRC: secondary threshold £5,000 a year (frozen to April 2028)" },
  employerPensionRate: { value: 0.1438, status: "published", source: "NHS Employers: employers pay 14.38% until the valuation that sets the rate from April 2027" },
  afc,
  hcas: {
    "inner-london": hcas(0.2, 5415, 8465),
    "outer-london": hcas(0.15, 4552, 5941),
    fringe: hcas(0.05, 1258, 2197),
  },
  capTables: [
    {
      id: "2026-27",
      title: "2026/27 maximum reimbursable amounts",
      effectiveFrom: "2026-04-01",
      publishedOn: "2026-04-30",
      status: "estimate",
      source: "Estimate (re-costed salary basis); the DES 2026/27 (PRN02483) tables were not found in public sources",
      roles: CAPS_2026_27,
      mhp: mhpTables(CAPS_2026_27),
    },
  ],
  payAward: { value: 0.033, status: "published", source: "NHS Agenda for Change 2026/27: 3.3% award from April 2026 (announced 12 Feb 2026)" },
  notes: [
    "Any GP is eligible from 2026/27 (no longer only within 2 years of CCT).",
    "The entitlement rate and all maxima are estimates until the DES figures are entered.",
  ],
};
