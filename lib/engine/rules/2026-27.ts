// Financial year 2026/27 (1 April 2026 – 31 March 2027). Mostly estimates: the DES tables were
// not found in public sources when this was written.
import { AFC_BANDS, type AfcBand } from "../roles";
import { AFC_2025_26 } from "./2025-26";
import { APRIL_2025_CAPS } from "./base-2025-26";
import { deriveLines, mhpTables, ON_COSTS_FROM_2025_26 } from "./derive";
import type { AfcBandPoints, FinancialYearRules } from "./types";

const AFC_UPLIFT = 1.033;

const afc = Object.fromEntries(
  AFC_BANDS.map((band) => [
    band,
    {
      points: AFC_2025_26[band].points.map((p) => Math.floor(p * AFC_UPLIFT + 0.5)),
      status: "derived",
      source: "Derived: 2025/26 pay points × 1.033 (3.3% AfC award from April 2026, announced 12 Feb 2026), rounded to the pound; the official 2026/27 pay points were not found",
    } satisfies AfcBandPoints,
  ]),
) as Record<AfcBand, AfcBandPoints>;

/** NHS England costed the 2026/27 contract (and so the ARRS maxima) on 2.5% pay growth (SSLMC). */
const NHSE_PAY_ASSUMPTION = 1.025;

/**
 * GP maximum from 2026/27: the top of the salaried GP range plus on-costs. The range's top for
 * 2026/27 is £118,759 (the 2021/22 £93,965 × 1.045 × 1.06 × 1.06 × 1.04 × 1.035; it already has
 * the 3.5% DDRB award), so £118,759 + 15% × (£118,759 − £5,000) + 14.38% × £118,759 = £152,900;
 * London adds the £2,162 GP London weighting to the salary: £155,698. Both equal the published
 * 2026/27 practice-level GP scheme maxima, which use the same definition.
 */
export const GP_2026_27 = {
  national: 152900,
  outerLondon: 155698,
  innerLondon: 155698,
  status: "derived",
  source:
    "Derived: top of the 2026/27 salaried GP range £118,759 + 15% NI above £5,000 + 14.38% pension = £152,900; London adds the £2,162 GP London weighting = £155,698. These equal the published 2026/27 practice-level GP reimbursement scheme maxima (NHS England supplementary information, 2026/27 GP contract; CQRS), which use the same definition as the ARRS GP maximum (top of the salaried GP range + on-costs)",
  note: "Replaced by the Network Contract DES 2026/27 Table 3c figure when it is entered (assumptions.maxReimbursableAnnual.gp). The range already includes the 3.5% doctors' award, so the expected uplift does not move it.",
} as const;

// Each row: the April 2025 table's salary basis × 1.036 (2025/26 award) × the 2026/27 factor,
// rounded once (rounding the uplifted 2025/26 maximum first would add a pound to some rows).
const CAPS_2026_27 = deriveLines(APRIL_2025_CAPS, {
  from: ON_COSTS_FROM_2025_26,
  to: ON_COSTS_FROM_2025_26,
  salaryFactor: 1.036 * NHSE_PAY_ASSUMPTION,
  source: "Derived: April 2025 salary basis × 1.036 (2025/26 award) × 1.025 (the 2.5% pay growth NHS England costed the 2026/27 contract on), costed at 15% NI above £5,000 + 14.38% pension",
  note: "NHS England's 2026/27 ARRS figures were built on 2.5% pay growth; the 3.3% AfC award had not been added (SSLMC).",
});
CAPS_2026_27.gp = { ...GP_2026_27 };

const UPLIFT_2026_27 = deriveLines(APRIL_2025_CAPS, {
  from: ON_COSTS_FROM_2025_26,
  to: ON_COSTS_FROM_2025_26,
  salaryFactor: 1.036 * AFC_UPLIFT,
  source: "Assumption (an uplift not announced): April 2025 salary basis × 1.036 (2025/26 award) × 1.033 (the full 3.3% AfC 2026/27 award), costed at 15% NI above £5,000 + 14.38% pension",
  note: "An expected backdated uplift, as in 2025/26: not announced. Switch it on with the assumption expectedUplift.",
  status: "assumption",
});
// The GP maximum does not move with the AfC uplift (its range already has the 3.5% award): derived either way.
UPLIFT_2026_27.gp = { ...GP_2026_27 };

const hcas = (rate: number, minimum: number, maximum: number) => ({
  rate,
  minimum: Math.floor(minimum * AFC_UPLIFT + 0.5),
  maximum: Math.floor(maximum * AFC_UPLIFT + 0.5),
  status: "derived" as const,
  source: "Derived: 2025/26 HCAS cash limits × 1.033 (the 2026/27 cash limits were not found)",
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
      source: "Estimate, unverified: one third-party tool (orgcentral.app, not seen) gives £27.668; no published 2026/27 rate found; national pot £1,754m provisional (SSLMC)",
      note: "Replace with the figure in your ICB's 2026/27 ARRS letter.",
    },
  ],
  employerNiRate: { value: 0.15, status: "published", source: "HMRC: employer Class 1 NI 15%" },
  employerNiThresholdAnnual: { value: 5000, status: "published", source: "HMRC: secondary threshold £5,000 a year (held at this level until April 2031, Autumn Budget 2025)" },
  employerPensionRate: { value: 0.1438, status: "assumption", source: "Assumption: the 2025/26 rate (NHS Employers / NHSBSA: employers pay 14.38%) continues; the NHSBSA 2026/27 notice was not found, and the 2024 valuation sets the rate only from April 2027" },
  afc,
  hcas: {
    "inner-london": hcas(0.2, 5415, 8465),
    "outer-london": hcas(0.15, 4552, 5941),
    fringe: hcas(0.05, 1258, 2197),
  },
  capTables: [
    {
      id: "2026-27",
      title: "2026/27 maximum reimbursable amounts on NHS England's 2.5% pay basis",
      effectiveFrom: "2026-04-01",
      publishedOn: "2026-04-30",
      status: "derived",
      source: "Derived (2.5% pay growth as NHS England costed the 2026/27 contract); the DES 2026/27 (PRN02483) tables were not found in public sources",
      roles: CAPS_2026_27,
      mhp: mhpTables(CAPS_2026_27),
    },
    {
      id: "2026-27-uplift",
      title: "2026/27 after the full 3.3% AfC award, if backdated to 1 April 2026 (expected uplift: an assumption)",
      effectiveFrom: "2026-04-01",
      publishedOn: "2026-08-01",
      status: "assumption",
      source: "Assumption (derived: salary basis × 1.033); not announced — SSLMC: the 3.3% award 'has not yet been added'",
      note: "Off unless you switch on expectedUplift. In 2025/26 the award was loaded on 1 August and backdated to April; a 2026/27 uplift may follow the same way.",
      backdatedUplift: { defaultOn: false },
      roles: UPLIFT_2026_27,
      mhp: mhpTables(UPLIFT_2026_27),
    },
  ],
  payAward: { value: 0.033, status: "published", source: "NHS Agenda for Change 2026/27: 3.3% award from April 2026 (announced 12 Feb 2026)" },
  doctorsPayAward: { value: 0.035, status: "published", source: "DDRB 2026/27: 3.5% for salaried GPs and GP partners, accepted (Management in Practice)" },
  notes: [
    "Any GP is eligible from 2026/27 (no longer only within 2 years of CCT); the GP maximum is the top of the salaried GP range plus on-costs.",
    "The maxima are on the 2.5% pay growth NHS England costed; the full 3.3% AfC award is an expected backdated uplift you can switch on (expectedUplift).",
    "The entitlement rate is an estimate and the maxima are derived until the DES figures are entered.",
    "The employer NI threshold is held at £5,000 until April 2031 (Autumn Budget 2025).",
    "From 2025/26 an ICB keeps any ARRS underspend; a PCN's unclaimed entitlement is still lost at 31 March.",
  ],
};
