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
