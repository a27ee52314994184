// The compare page's "All years of each plan" sums every year of each scenario. When some of those
// years are projected (no rule table) or rest on estimated figures, the sums are too, and the page
// says so beside them: "Entitlement, all years £4,217,002.26" for a 3-year plan from 2026/27 is two
// years of projection and one of estimates, which a board paper must not quote as published.
import type { Comparison } from "./compare";

/** The words for the whole-plan totals, or null when every year's figures are published. */
export function horizonStatusNote(c: Pick<Comparison, "years">): { status: "projection" | "estimate"; text: string } | null {
  const projected = c.years.filter((y) => y.status.includes("projection")).map((y) => y.financialYear);
  const estimated = c.years.filter((y) => !y.status.includes("projection") && y.status.includes("estimate")).map((y) => y.financialYear);
  if (!projected.length && !estimated.length) return null;
  const list = (ys: string[]) => (ys.length > 1 ? `${ys.slice(0, -1).join(", ")} and ${ys.at(-1)}` : ys[0]!);
  const parts = [
    ...(projected.length ? [`projected figures for ${list(projected)} (no published rules yet)`] : []),
    ...(estimated.length ? [`estimated figures for ${list(estimated)}`] : []),
  ];
  return {
    status: projected.length ? "projection" : "estimate",
    text: `These totals add up ${parts.join(" and ")}: they are ${projected.length ? "a projection" : "an estimate"}, not published figures.`,
  };
}
