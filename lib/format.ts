// The one place numbers become text.
const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** £1,234.56 (negative as −£1,234.56). */
export function formatPounds(pounds: number): string {
  return gbp.format(pounds).replace("-", "−");
}

export function formatPence(pence: number): string {
  return formatPounds(pence / 100);
}

export function formatCount(n: number): string {
  return whole.format(n);
}

export function formatDecimal(n: number): string {
  return decimal.format(n);
}

export function formatWte(wte: number): string {
  return `${wte.toFixed(wte * 100 === Math.round(wte * 100) ? 2 : 4)} WTE`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-04" → "Apr 2025" */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "2026-08-01" → "1 Aug 2026" */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}
