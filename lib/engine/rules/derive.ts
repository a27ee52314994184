// Estimating a maximum reimbursable amount that has not been published (domain.md §5): each
// maximum is a salary basis costed with that year's on-costs,
//   max = basis + NI(basis) + pension(basis) = basis × (1 + niRate + pensionRate) − niRate × threshold,
// so a published maximum gives its basis, and an uplifted or re-costed basis gives an estimate.
import { MHP_BANDS, type MhpBand, type MhpFunding } from "../roles";
import { MHP_BAND_BASE_ROLE } from "./base-2025-26";
import type { CapLine, CappedRoleId, CapTable, FigureStatus } from "./types";

export interface OnCosts {
  niRate: number;
  niThreshold: number;
  pensionRate: number;
}

export const ON_COSTS_TO_2024_25: OnCosts = { niRate: 0.138, niThreshold: 9100, pensionRate: 0.1438 };
export const ON_COSTS_FROM_2025_26: OnCosts = { niRate: 0.15, niThreshold: 5000, pensionRate: 0.1438 };

function basisOf(max: number, c: OnCosts): number {
  return (max + c.niRate * c.niThreshold) / (1 + c.niRate + c.pensionRate);
}

function maxOf(basis: number, c: OnCosts): number {
  // Whole pounds, half up (the published tables are whole pounds). 1e-7 absorbs float noise.
  return Math.floor(basis * (1 + c.niRate + c.pensionRate) - c.niRate * c.niThreshold + 0.5 + 1e-7);
}

export interface DeriveOptions {
  from: OnCosts;
  to: OnCosts;
  /** Multiplier on the salary basis, e.g. 1.036 for a 3.6% pay award, 1/1.055 to undo 5.5%. */
  salaryFactor: number;
  source: string;
  note?: string;
  /** Default "derived" (arithmetic on published figures); "assumption" when the factor is not announced. */
  status?: FigureStatus;
}

/** A derived cap line: the base line's salary bases, scaled and re-costed. */
export function deriveLine(base: CapLine, o: DeriveOptions): CapLine {
  const one = (max: number) => maxOf(basisOf(max, o.from) * o.salaryFactor, o.to);
  return {
    national: one(base.national),
    outerLondon: one(base.outerLondon),
    innerLondon: one(base.innerLondon),
    status: o.status ?? "derived",
    source: o.source,
    ...(o.note ? { note: o.note } : {}),
  };
}

export function deriveLines(
  base: Record<CappedRoleId, CapLine>,
  o: DeriveOptions,
  perRole: Partial<Record<CappedRoleId, Partial<DeriveOptions>>> = {},
): Record<CappedRoleId, CapLine> {
  const out = {} as Record<CappedRoleId, CapLine>;
  for (const [role, baseLine] of Object.entries(base) as [CappedRoleId, CapLine][]) {
    out[role] = deriveLine(baseLine, { ...o, ...perRole[role] });
  }
  return out;
}

const half = (pounds: number) => Math.floor(pounds / 2 + 0.5);

/**
 * MHP tables for a cap table whose base rows are `lines`: 100% = the base row for the band;
 * 50% = half of it, rounded half up. (This matches the published 2025/26 50% table except two
 * cells a pound lower — band 7 outer London and band 8a inner London — where the published table
 * evidently rounds the half differently; the published table is used where it exists.)
 */
export function mhpTables(
  lines: Record<CappedRoleId, CapLine>,
  published50?: Record<MhpBand, CapLine>,
): CapTable["mhp"] {
  const full: Partial<Record<MhpBand, CapLine>> = {};
  const halfTable: Partial<Record<MhpBand, CapLine>> = {};
  for (const band of MHP_BANDS) {
    const base = lines[MHP_BAND_BASE_ROLE[band]];
    full[band] = { ...base, note: `100% table: the base table's band ${band} row.` };
    halfTable[band] = published50?.[band] ?? {
      national: half(base.national),
      outerLondon: half(base.outerLondon),
      innerLondon: half(base.innerLondon),
      // Half a published row is arithmetic on it: derived. Half a derived or assumed row keeps its status.
      status: base.status === "published" || base.status === "third-party" ? "derived" : base.status,
      source: `Half the band ${band} row (${base.source})`,
      note: `50% table: half the band ${band} row, rounded half up.`,
    };
  }
  return { "50%": halfTable, "100%": full } as Record<MhpFunding, Partial<Record<MhpBand, CapLine>>>;
}

export function pick<K extends CappedRoleId>(
  lines: Record<CappedRoleId, CapLine>,
  exclude: readonly K[],
): Partial<Record<CappedRoleId, CapLine>> {
  const out: Partial<Record<CappedRoleId, CapLine>> = { ...lines };
  for (const k of exclude) delete out[k];
  return out;
}
