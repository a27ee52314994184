// Integer money and exact decimal handling. Pence are integers; rates are integer parts per
// million (ppm); WTE is integer ten-thousandths. Nothing here multiplies a float by 100.

/** Integer pence. */
export type Pence = number;

/**
 * Rounds the non-negative rational n/d half-up to an integer (0.5 → 1). n and d must be
 * non-negative safe integers with n < 2^53; the result is exact.
 */
export function divRoundHalfUp(n: number, d: number): number {
  if (d <= 0) throw new RangeError("divisor must be positive");
  if (n < 0) return -divRoundHalfUp(-n, d);
  const q = Math.floor(n / d);
  const r = n - q * d;
  return 2 * r >= d ? q + 1 : q;
}

/** BigInt version of divRoundHalfUp for products that can exceed 2^53. */
export function bigDivRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  if (n < 0n) return -bigDivRoundHalfUp(-n, d);
  const q = n / d;
  const r = n - q * d;
  return 2n * r >= d ? q + 1n : q;
}

/**
 * The exact decimal value of a finite number scaled by 10^dp, as a safe integer, or null when
 * the number has more than `dp` decimal places (after JavaScript's shortest round-trip
 * representation, so 0.1 is "0.1", never 0.1000000000000000055…) or is too large.
 */
export function toScaledInteger(value: number, dp: number): number | null {
  if (!Number.isFinite(value)) return null;
  const negative = value < 0;
  let text = String(Math.abs(value));
  if (text.includes("e")) {
    // Exponent form: tiny numbers have too many decimals; huge ones are out of range.
    if (Math.abs(value) >= 1) return null;
    const [mant = "", expText = "0"] = text.split("e");
    const exp = Number(expText);
    const [intPart = "", frac = ""] = mant.split(".");
    text = "0." + "0".repeat(-exp - 1) + intPart + frac;
  }
  const [intPart = "0", frac = ""] = text.split(".");
  if (frac.length > dp) return null;
  const scaled = Number(intPart + frac.padEnd(dp, "0"));
  if (!Number.isSafeInteger(scaled)) return null;
  return negative ? -scaled : scaled;
}

/** Pounds (at most 2 decimal places) to integer pence, exactly. Throws on more decimals. */
export function poundsToPence(pounds: number): Pence {
  const p = toScaledInteger(pounds, 2);
  if (p === null) throw new RangeError(`${pounds} is not an amount of money in pounds and pence`);
  return p;
}

/** A rate such as 0.1438 to integer parts per million, exactly. Throws on more than 6 decimals. */
export function rateToPpm(rate: number): number {
  const p = toScaledInteger(rate, 6);
  if (p === null) throw new RangeError(`${rate} has more than 6 decimal places`);
  return p;
}

/** Pence to pounds for output (a number with at most 2 decimals). */
export function penceToPounds(pence: Pence): number {
  return pence / 100;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
