// Cell text as people write it in a payroll or HR spreadsheet → the scenario's values. Pure:
// money is parsed from the text to integer pence (never pounds × 100 in floating point), hours
// and sessions become WTE in ten-thousandths with integer arithmetic, dates become YYYY-MM-DD.
// Each parser returns { value } or { error } with the error in words.

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

const ok = <T,>(value: T): Parsed<T> => ({ value });
const bad = <T,>(error: string): Parsed<T> => ({ error });

/** Full-time hours a week: 37.5 hours = 1.0 WTE (Agenda for Change). */
export const FULL_TIME_HOURS = 37.5;
/** Sessions a week: 9 sessions = 1.0 WTE (the salaried-GP convention). */
export const FULL_TIME_SESSIONS = 9;

/** "1,234.5" → 123450 when dp = 2 (the text scaled to an integer); null if it is not a plain decimal. */
function scaledDecimal(text: string, dp: number): number | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === undefined && !m[2])) return null;
  const whole = (m[1] ?? "0").replace(/,/g, "");
  const frac = m[2] ?? "";
  if (frac.length > dp) {
    // Extra places must be zeros ("47810.500"): anything else is not a whole number of units.
    if (/[^0]/.test(frac.slice(dp))) return null;
  }
  const n = Number(whole + frac.slice(0, dp).padEnd(dp, "0"));
  return Number.isSafeInteger(n) ? n : null;
}

/** "£47,810.50", "47810.5", "£ 47,810" → pence (integer). */
export function parseMoneyPence(text: string): Parsed<number> {
  const s = text.trim().replace(/^£\s*/, "").replace(/^GBP\s*/i, "").replace(/\s*(p\.?a\.?|per annum|a year)$/i, "");
  if (s.startsWith("-")) return bad(`"${text}" is negative; give the full-time annual salary in pounds, e.g. £47,810.`);
  const pence = scaledDecimal(s, 2);
  if (pence === null) return bad(`"${text}" is not an amount of money in pounds and pence, e.g. £47,810 or 47810.50.`);
  return ok(pence);
}

/** Hours a week ("22.5", "30 hours", "30 hrs/week") in hundredths of an hour (2250). */
export function parseHoursHundredths(text: string): Parsed<number> {
  const hundredths = scaledDecimal(text.trim().replace(/\s*(hours?|hrs?|h)\s*(a|per|\/)?\s*(week|wk|w)?$/i, ""), 2);
  return hundredths === null ? bad(`"${text}" is not a number of hours a week, e.g. 22.5.`) : ok(hundredths);
}

/** Sessions a week ("6", "4.5 sessions") in hundredths of a session (450). */
export function parseSessionsHundredths(text: string): Parsed<number> {
  const hundredths = scaledDecimal(text.trim().replace(/\s*sessions?$/i, ""), 2);
  return hundredths === null ? bad(`"${text}" is not a number of sessions a week, e.g. 6.`) : ok(hundredths);
}

/** A plain decimal such as "0.6" or "60%" → WTE in ten-thousandths (6000). */
export function parseWteTenThousandths(text: string): Parsed<number> {
  const s = text.trim();
  const pct = /^(.*?)\s*%$/.exec(s);
  if (pct) {
    const hundredths = scaledDecimal(pct[1]!, 2);
    if (hundredths === null) return bad(`"${text}" is not a percentage of full time, e.g. 60%.`);
    return ok(hundredths);
  }
  const tt = scaledDecimal(s, 4);
  if (tt === null) return bad(`"${text}" is not a whole-time equivalent, e.g. 0.6 (or 60%).`);
  return ok(tt);
}

/** Hours a week → WTE in ten-thousandths at 37.5 hours = 1.0 (22.5 → 6000; 20 → 5333). */
export function hoursToWteTenThousandths(text: string): Parsed<number> {
  const h = parseHoursHundredths(text);
  if (h.error !== undefined) return h;
  const hundredths = h.value;
  // wte = hours / 37.5, in ten-thousandths: hundredths × 10000 / 3750 = hundredths × 8 / 3 (never a tie).
  return ok(Math.round((hundredths * 8) / 3));
}

/** Sessions a week → WTE in ten-thousandths at 9 sessions = 1.0 (6 → 6667). */
export function sessionsToWteTenThousandths(text: string): Parsed<number> {
  const s = parseSessionsHundredths(text);
  if (s.error !== undefined) return s;
  const hundredths = s.value;
  // wte = sessions / 9, in ten-thousandths: hundredths × 10000 / 900 = hundredths × 100 / 9 (never a tie).
  return ok(Math.round((hundredths * 100) / 9));
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");

function isoIfReal(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The day an Excel serial number stands for (1900 date system; 45566 = 2024-10-01). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 200_000) return null;
  // Excel counts from 1899-12-30 once its fictitious 29 Feb 1900 is allowed for.
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 01/10/2024, 1-10-24, 2024-10-01, 1 Oct 2024, 01-Oct-2024, 1 October 2024, 45566 → "2024-10-01". */
export function parseDate(text: string, label: string): Parsed<string> {
  const s = text.trim();
  const hint = `${label} "${text}" is not a date we can read: write it as 01/10/2024, 2024-10-01 or 1 Oct 2024.`;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) {
    const iso = isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad(`${label} "${text}" is not a real date.`);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    // UK order: day, month, year.
    const iso = isoIfReal(fullYear(m[3]!), Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : bad(`${label} "${text}" is not a real date (dates are read day/month/year, e.g. 01/10/2024 = 1 October 2024).`);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const iso = month > 0 ? isoIfReal(fullYear(m[3]!), month, Number(m[1])) : null;
    return iso ? ok(iso) : bad(hint);
  }
  if (/^\d{5}(\.0+)?$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    return iso ? ok(iso) : bad(hint);
  }
  return bad(hint);
}
