// Money axes for the charts (issue 14, item 11): the ticks are chosen here, not by the chart
// library, so the label precision can follow the tick step and no two labels read the same
// ("£2k, £2k" when the step was £500). Pure: no React, no recharts.

export interface MoneyAxis {
  /** Tick values in pounds, ascending, evenly spaced by `step`; always includes 0. */
  ticks: number[];
  step: number;
  /** The axis's range: [first tick, last tick]. */
  domain: [number, number];
  /** "£0", "£1.5k", "£2.25m": one unit and one precision for the whole axis. */
  format: (pounds: number) => string;
}

/** The smallest "nice" step (1, 2, 2.5 or 5 × 10^k) of at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * power;
    if (step >= rough * (1 - 1e-9)) return step;
  }
  return 10 * power;
}

/** Decimals needed to write `x` exactly (up to 6), e.g. 0.25 → 2, 1.5 → 1, 3 → 0. */
function decimalsOf(x: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = x * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 6;
}

/**
 * Formats pounds with one unit (£, £k or £m, from the largest tick) and the precision the step
 * needs: consecutive ticks differ by `step`, which that precision writes exactly, so labels are
 * unique.
 */
export function moneyTickFormatter(step: number, largest: number): (pounds: number) => string {
  const big = Math.max(Math.abs(largest), step);
  const [divisor, suffix] = big >= 1_000_000 ? [1_000_000, "m"] : big >= 1000 ? [1000, "k"] : [1, ""];
  const decimals = decimalsOf(step / divisor);
  const nf = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (pounds: number) => {
    if (Math.abs(pounds) < step / 1e6) return "£0";
    const text = `£${nf.format(Math.abs(pounds) / divisor)}${suffix}`;
    return pounds < 0 ? `−${text}` : text;
  };
}

/**
 * Ticks for values between `min` and `max` (pounds; 0 is always on the axis), at most about
 * `count` of them.
 */
export function moneyAxis(values: readonly number[], count = 5): MoneyAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const step = niceStep(hi === lo ? 1 : (hi - lo) / Math.max(1, count - 1));
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.max(Math.ceil(hi / step - 1e-9) * step, first + step);
  const ticks: number[] = [];
  const n = Math.round((last - first) / step);
  for (let i = 0; i <= n; i++) {
    const t = first + i * step;
    ticks.push(Math.abs(t) < step / 1e6 ? 0 : Number(t.toPrecision(12)));
  }
  const largest = Math.max(Math.abs(ticks[0]!), Math.abs(ticks[ticks.length - 1]!));
  return { ticks, step, domain: [ticks[0]!, ticks[ticks.length - 1]!], format: moneyTickFormatter(step, largest) };
}
