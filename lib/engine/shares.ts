// Splitting a PCN's cost across its member practices by population share, to the penny:
// the largest-remainder method. Each practice gets floor(total × wᵢ ÷ W); the pence left over go,
// one each, to the practices with the largest remainders (ties: the earlier practice), so the
// parts always add up to the total exactly.
import { toScaledInteger } from "./money";

/** Shares of `totalPence` (a whole number ≥ 0) in proportion to `weights` (≥ 0, at most 6 decimals). */
export function largestRemainder(totalPence: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalPence) || totalPence < 0) throw new RangeError("the total must be a whole number of pence, 0 or more");
  const w = weights.map((x) => {
    const scaled = x >= 0 ? toScaledInteger(x, 6) : null;
    if (scaled === null) throw new RangeError(`weight ${x} must be a number ≥ 0 with at most 6 decimal places`);
    return BigInt(scaled);
  });
  const sum = w.reduce((a, b) => a + b, 0n);
  if (w.length === 0) return [];
  if (sum === 0n) throw new RangeError("the weights add up to zero: nothing to share by");
  const total = BigInt(totalPence);
  const parts = w.map((x) => (total * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: total * x - parts[i]! * sum }));
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i]! += 1n;
    left--;
  }
  return parts.map(Number);
}

export interface ShareBasisChoice {
  /** The basis the shares actually follow. */
  used: "weighted" | "registered";
  /** Whether every practice has a weighted population (else "weighted" cannot be used). */
  weightedAvailable: boolean;
  /** Why the basis differs from the one asked for, in words (absent when it does not). */
  note?: string;
}

/**
 * The basis practices' shares can follow: the weighted population only when every practice has
 * one, else the registered list (and a note saying so, naming up to three practices without one).
 */
export function chooseShareBasis(requested: "weighted" | "registered", practices: readonly { name: string; weighted: number | null }[]): ShareBasisChoice {
  const missing = practices.filter((p) => p.weighted === null);
  const weightedAvailable = missing.length === 0;
  if (requested === "registered" || weightedAvailable) return { used: requested, weightedAvailable };
  const names = missing.slice(0, 3).map((p) => p.name).join(", ") + (missing.length > 3 ? ` and ${missing.length - 3} more` : "");
  return {
    used: "registered",
    weightedAvailable,
    note: `Not every practice has a weighted population (${names} ${missing.length === 1 ? "has" : "have"} none), so the shares follow the registered list.`,
  };
}
