// Shared helpers for the engine's tests (never imported by engine source).
import { parseIsoDate } from "./calendar";
import { compileRules, type Assumptions, type CompiledRules } from "./compile";
import type { PostSpec } from "./pricing";
import { RULES_BY_YEAR } from "./rules";
import type { FinancialYearRules } from "./rules/types";

/** The rule tables of a supported year, or a test failure. */
export function rulesFor(fy: string): FinancialYearRules {
  const r = RULES_BY_YEAR[fy];
  if (!r) throw new Error(`no rules for ${fy}`);
  return r;
}

/** Compiled rules for a supported year, with optional assumptions. */
export function compiled(fy: string, assumptions: Assumptions = {}): CompiledRules {
  return compileRules(rulesFor(fy), assumptions);
}

/** Day number of an ISO date, or a test failure. */
export function day(iso: string): number {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

/** A full-time, full-year national post; override any field. */
export function makePost(overrides: Partial<PostSpec> = {}): PostSpec {
  return {
    id: "post-1",
    role: "first-contact-physiotherapist",
    annualSalaryPence: 5_200_000,
    wteTenThousandths: 10_000,
    area: "national",
    ...overrides,
  };
}

/**
 * A decimal string ("26.631", "48213.7") as an exact BigInt scaled by 10^dp, by string
 * manipulation only (independent of money.ts).
 */
export function decimalToScaledBigInt(text: string, dp: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a plain decimal: ${text}`);
  const frac = m[2] ?? "";
  if (frac.length > dp) throw new Error(`${text} has more than ${dp} decimals`);
  return BigInt(m[1]! + frac.padEnd(dp, "0"));
}

/** round-half-up(n / d) for non-negative BigInts, written out independently of money.ts. */
export function bigHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** Every cap line of every table of a year, labelled, for table-wide assertions. */
export function allCapLines(rules: FinancialYearRules) {
  const out: { where: string; line: { national: number; outerLondon: number; innerLondon: number; status: string; londonStatus?: string; source: string } }[] = [];
  for (const t of rules.capTables) {
    for (const [role, line] of Object.entries(t.roles)) if (line) out.push({ where: `${t.id} ${role}`, line });
    for (const funding of ["50%", "100%"] as const) {
      for (const [band, line] of Object.entries(t.mhp[funding])) if (line) out.push({ where: `${t.id} MHP ${funding} band ${band}`, line });
    }
  }
  return out;
}
