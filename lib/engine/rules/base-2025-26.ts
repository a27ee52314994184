// The anchor table: maximum reimbursable amounts as published for 1 April 2025 (Network Contract
// DES 2025/26 §10.5.4 Table 2), from shared/reference/domain.md §3. Every other year's table is
// either published figures or derived from these by re-costing the same salary bases.
import type { MhpBand } from "../roles";
import type { CapLine, CappedRoleId } from "./types";

// Status: the DES 2025/26 text itself was not found, so every row is "third-party" — the trade
// press or a public calculator transcribing it (domain-update-2026.md D6) — except the GP London
// figure, which no source states: it is derived.
const TRADE_PRESS =
  "Third party: Network Contract DES 2025/26 §10.5.4 Table 2, as reported by The Pharmacist / Pharmaceutical Journal / Pulse (Mar–Apr 2025)";
const CALCULATOR =
  "Third party: Network Contract DES 2025/26 §10.5.4 Table 2, as transcribed by public PCN calculators (THC Primary Care; Alomco agrees for band 7); agrees with the trade-press rows by re-costing the same salary bases";

const line = (national: number, outerLondon: number, innerLondon: number, source: string, note?: string): CapLine => ({
  national,
  outerLondon,
  innerLondon,
  status: "third-party",
  source,
  ...(note ? { note } : {}),
});

export const APRIL_2025_CAPS: Record<CappedRoleId, CapLine> = {
  "clinical-pharmacist": line(66972, 74392, 77545, TRADE_PRESS),
  "first-contact-physiotherapist": line(66972, 74392, 77545, CALCULATOR),
  "occupational-therapist": line(64907, 72327, 75480, CALCULATOR, "Band 7 row: salary basis £50,747 (national); London bases add £5,735 / £8,173."),
  dietitian: line(64907, 72327, 75480, CALCULATOR),
  podiatrist: line(64907, 72327, 75480, CALCULATOR),
  paramedic: line(64907, 72327, 75480, CALCULATOR),
  "physician-associate": line(64907, 72327, 75480, CALCULATOR),
  "enhanced-practice-nurse": line(64907, 72327, 75480, CALCULATOR),
  "advanced-practitioner": line(73334, 80754, 83907, TRADE_PRESS),
  "digital-and-transformation-lead": line(73334, 80754, 83907, CALCULATOR),
  "experienced-general-practice-nurse": line(53319, 60739, 63892, "Third party: Pulse / Management in Practice, 2025/26 contract (nurses and HCSW); London columns from a public PCN calculator"),
  "pharmacy-technician": line(43352, 49967, 52172, TRADE_PRESS),
  "social-prescribing-link-worker": line(43352, 49967, 52172, CALCULATOR),
  "health-and-wellbeing-coach": line(43352, 49967, 52172, CALCULATOR),
  "apprentice-physician-associate": line(43352, 49967, 52172, CALCULATOR),
  "new-to-general-practice-nurse": line(43352, 49967, 52172, "Third party: Pulse / Management in Practice, 2025/26 contract; London columns from a public PCN calculator"),
  "care-coordinator": line(36150, 42038, 43529, CALCULATOR),
  "nursing-associate": line(36150, 42038, 43529, CALCULATOR),
  "general-practice-assistant": line(36150, 42038, 43529, CALCULATOR),
  "trainee-nursing-associate": line(32159, 38047, 39164, CALCULATOR),
  "healthcare-support-worker": line(32159, 38047, 39164, "Third party: Pulse / Management in Practice, 2025/26 contract; London columns from a public PCN calculator"),
  "consultant-nurse": line(102683, 110103, 113256, "Third party: Pulse, 2025/26 contract (consultant nurses added); London columns from a public PCN calculator"),
  gp: {
    ...line(
      105882,
      108680,
      108680,
      "Third party: Humberside LMC / Pulse, 2025/26 contract: GP salary element £82,418 + on-costs = £105,882 national. London £108,680 is derived (no source states it): (£82,418 + £2,162 GP London weighting) = £84,580 + 15% NI above £5,000 (£11,937) + 14.38% pension (£12,162.60) = £108,679.60, £108,680 to the pound",
      "GPs within 2 years of CCT only (2025/26).",
    ),
    londonStatus: "derived",
  },
};

/** MHP 50% table (first MHP per band), published 2025/26. The 100% table is the base row for the band. */
export const APRIL_2025_MHP_50: Record<MhpBand, CapLine> = {
  "4": line(18075, 21019, 21765, CALCULATOR),
  "5": line(21676, 24984, 26086, CALCULATOR),
  "6": line(26660, 30370, 31946, CALCULATOR),
  "7": line(32454, 36163, 37740, CALCULATOR),
  "8a": line(36667, 40377, 41953, CALCULATOR),
};

/** The base-table role whose row is the MHP 100% figure for each band. */
export const MHP_BAND_BASE_ROLE: Record<MhpBand, CappedRoleId> = {
  "4": "care-coordinator",
  "5": "pharmacy-technician",
  "6": "experienced-general-practice-nurse",
  "7": "occupational-therapist",
  "8a": "advanced-practitioner",
};
