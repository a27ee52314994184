// A PCN's ARRS entitlement (domain.md §1): rate × contractor weighted population at 1 January
// before the financial year, rounded half up to the penny, per pot.
import { bigDivRoundHalfUp, toScaledInteger } from "./money";
import type { CompiledPot } from "./compile";

export interface PotEntitlement {
  pot: CompiledPot;
  pence: number;
}

/** Weighted population → millionths of a patient (exact), or null if it has more than 6 decimals. */
export function scalePopulation(weightedPopulation: number): number | null {
  if (weightedPopulation < 0) return null;
  return toScaledInteger(weightedPopulation, 6);
}

/**
 * Pence for one pot: population (µ-patients) × rate (µ-pounds) × 100 pence ÷ 10^12, half up.
 * BigInt because the product exceeds 2^53 for large PCNs.
 */
export function potEntitlementPence(populationMicro: number, rateMicroPounds: number): number {
  return Number(bigDivRoundHalfUp(BigInt(populationMicro) * BigInt(rateMicroPounds) * 100n, 1_000_000_000_000n));
}

export function calculateEntitlement(args: { weightedPopulation: number; pots: readonly CompiledPot[] }): {
  totalPence: number;
  pots: PotEntitlement[];
} {
  const micro = scalePopulation(args.weightedPopulation);
  if (micro === null) throw new RangeError("weighted population must be a non-negative number with at most 6 decimal places");
  const pots = args.pots.map((pot) => ({ pot, pence: potEntitlementPence(micro, pot.rateMicroPounds) }));
  return { totalPence: pots.reduce((s, p) => s + p.pence, 0), pots };
}
