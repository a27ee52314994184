// The NHS.UK date input (day, month, year) ↔ ISO dates. Pure: shared by the browser and server actions.
import { daysInMonth } from "@/lib/engine/calendar";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: "", month: "", year: "" };

export type DateInputResult = { iso: string; error?: undefined } | { iso?: undefined; error: string };

const PART_NAMES = { day: "a day", month: "a month", year: "a year" } as const;

/**
 * Three typed parts → "YYYY-MM-DD", "" when all three are blank, or an error message in the
 * NHS.UK style ("Start date must be a real date", "Start date must include a month").
 */
export function dateInputToIso(parts: DateParts, label = "Date"): DateInputResult {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { iso: "" };
  const missing = (["day", "month", "year"] as const).filter((k) => !{ day, month, year }[k]);
  if (missing.length === 1) return { error: `${label} must include ${PART_NAMES[missing[0]!]}` };
  if (missing.length === 2) return { error: `${label} must include ${PART_NAMES[missing[0]!]} and ${PART_NAMES[missing[1]!]}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) return { error: `${label} must be a real date` };
  if (year.length !== 4) return { error: `Year must include 4 numbers` };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { error: `${label} must be a real date` };
  return { iso: `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** "2025-10-01" → { day: "1", month: "10", year: "2025" }; anything else → blank parts. */
export function isoToDateParts(iso: string | undefined | null): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return { ...EMPTY_DATE };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}
