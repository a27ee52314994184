// CSV files: UTF-8 with a byte-order mark (Excel then shows "£" and accents), one header row,
// plain numbers (no "£", no thousands separators), ISO dates. Quoting by csv-stringify (RFC 4180).
import { stringify } from "csv-stringify/sync";
import type { Cell, Table } from "./tables";

/**
 * Text a user typed must never run as a formula in a spreadsheet (OWASP, CSV injection): a value
 * that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe. Numbers are
 * written as numbers, so a negative amount is still a number.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function cellForFile(v: Cell): string | number {
  if (v === null) return "";
  return typeof v === "number" ? v : inertText(v);
}

export const CSV_BOM = "\uFEFF";

export function tableToCsv(table: Table): string {
  return CSV_BOM + stringify([table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(cellForFile))], { record_delimiter: "\r\n" });
}
