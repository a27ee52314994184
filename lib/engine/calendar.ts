// Calendar arithmetic on ISO dates (yyyy-mm-dd) and day numbers, with no Date object and no
// clock: a day number is days since 1970-01-01 (proleptic Gregorian).

export type IsoDate = string;
/** "2025/26": the financial year from 1 April 2025 to 31 March 2026. */
export type FinancialYear = `${number}/${number}`;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 for a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date for a day number (civil_from_days). */
export function civilFromDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid ISO date, or null if the text is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

export function isoFromDay(day: number): IsoDate {
  const { y, m, d } = civilFromDay(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export interface MonthSpan {
  /** "2025-04" */
  month: string;
  year: number;
  monthOfYear: number;
  firstDay: number;
  lastDay: number;
  days: number;
}

/** Start year of a financial year label ("2025/26" → 2025), or null if malformed. */
export function parseFinancialYear(label: string): number | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) return null;
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) return null;
  return start;
}

export function financialYearLabel(startYear: number): FinancialYear {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}` as FinancialYear;
}

/** The twelve months April…March of a financial year. */
export function financialYearMonths(startYear: number): MonthSpan[] {
  const months: MonthSpan[] = [];
  for (let i = 0; i < 12; i++) {
    const monthOfYear = ((3 + i) % 12) + 1;
    const year = i < 9 ? startYear : startYear + 1;
    const days = daysInMonth(year, monthOfYear);
    const firstDay = dayNumber(year, monthOfYear, 1);
    months.push({
      month: `${year}-${String(monthOfYear).padStart(2, "0")}`,
      year,
      monthOfYear,
      firstDay,
      lastDay: firstDay + days - 1,
      days,
    });
  }
  return months;
}
