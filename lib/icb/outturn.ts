// The ICB's view (issue 18, item 2): every PCN's agreed plan and outturn, summed for the ICB.
// Pure: each PCN's figures come from its own outturn (lib/claims/outturn.ts computeOutturn), so a
// PCN's row equals GET /api/v1/pcns/{code}/outturn to the penny; here they are only picked and
// summed, in integer pence, and turned into pounds at the end. Safe in the browser.
import type { Outturn } from "@/lib/claims/outturn";
import { monthsOfYear } from "@/lib/claims/types";

export interface IcbPcnInput {
  code: string;
  name: string;
  weightedPopulationStatus: string | null;
  agreedScenario: { id: string; name: string; agreedAt: string | null } | null;
  outturn: Outturn;
}

export interface IcbPcnFigures {
  entitlementPence: number;
  plannedPence: number;
  claimedToDatePence: number;
  paidToDatePence: number;
  forecastClaimsPence: number;
  forecastUnclaimedPence: number;
}

/** A PCN's row: planned = the agreed plan's claimable for the year (the sum of its months). */
export function pcnFigures(o: Outturn): IcbPcnFigures {
  return {
    entitlementPence: o.entitlementPence,
    plannedPence: o.months.reduce((t, m) => t + m.plannedPence, 0),
    claimedToDatePence: o.toDate.claimedPence,
    paidToDatePence: o.toDate.paidPence,
    forecastClaimsPence: o.forecast.claimsPence,
    forecastUnclaimedPence: o.forecast.unclaimedPence,
  };
}

const FIELDS = ["entitlementPence", "plannedPence", "claimedToDatePence", "paidToDatePence", "forecastClaimsPence", "forecastUnclaimedPence"] as const;

export function sumFigures(rows: IcbPcnFigures[]): IcbPcnFigures {
  const t: IcbPcnFigures = { entitlementPence: 0, plannedPence: 0, claimedToDatePence: 0, paidToDatePence: 0, forecastClaimsPence: 0, forecastUnclaimedPence: 0 };
  for (const r of rows) for (const f of FIELDS) t[f] += r[f];
  return t;
}

/** The ICB's month by month planned, claimed and paid: each PCN's outturn months summed (pence). */
export function icbMonths(financialYear: string, outturns: Outturn[]): { month: string; plannedPence: number; claimedPence: number; paidPence: number }[] {
  return monthsOfYear(financialYear).map((month) => {
    const r = { month, plannedPence: 0, claimedPence: 0, paidPence: 0 };
    for (const o of outturns) {
      const m = o.months.find((x) => x.month === month);
      if (!m) continue;
      r.plannedPence += m.plannedPence;
      r.claimedPence += m.claimedPence;
      r.paidPence += m.paidPence;
    }
    return r;
  });
}

const pounds = (p: number) => p / 100;
const figuresJson = (f: IcbPcnFigures) => ({
  entitlement: pounds(f.entitlementPence),
  planned: pounds(f.plannedPence),
  claimedToDate: pounds(f.claimedToDatePence),
  paidToDate: pounds(f.paidToDatePence),
  forecastClaims: pounds(f.forecastClaimsPence),
  forecastUnclaimed: pounds(f.forecastUnclaimedPence),
});

/** GET /api/v1/icbs/{code}/outturn's body (pounds; the field names, extra fields beside them). */
export function icbOutturnJson(icb: { code: string; name: string }, financialYear: string, today: string, pcns: IcbPcnInput[]) {
  const figures = pcns.map((p) => pcnFigures(p.outturn));
  return {
    icb,
    financialYear,
    today,
    pcns: pcns.map((p, i) => ({
      code: p.code,
      name: p.name,
      ...figuresJson(figures[i]!),
      weightedPopulationStatus: p.weightedPopulationStatus,
      agreedScenario: p.agreedScenario,
      hasAgreedPlan: p.agreedScenario !== null,
    })),
    totals: { ...figuresJson(sumFigures(figures)), pcnCount: pcns.length, pcnsWithAgreedPlan: pcns.filter((p) => p.agreedScenario).length },
    months: icbMonths(financialYear, pcns.map((p) => p.outturn)).map((m) => ({ month: m.month, planned: pounds(m.plannedPence), claimed: pounds(m.claimedPence), paid: pounds(m.paidPence) })),
    basis: {
      planned: "the agreed plan's claimable for the year (0 for a PCN without an agreed plan)",
      toDate: "the months before the current month, and the current month when it has claims",
      forecast: "claimed for the months that have claims, the agreed plan's claimable after: an estimate",
    },
    isEstimate: true,
    estimates: ["forecastClaims and forecastUnclaimed are estimates (a forecast).", "An entitlement whose weighted population status is \"estimate\" is an estimate."],
  };
}
export type IcbOutturnJson = ReturnType<typeof icbOutturnJson>;
export type IcbPcnRow = IcbOutturnJson["pcns"][number];

// ---------------------------------------------------------------------------------------------
// Sort and filter (the page's query parameters)

export const ICB_SORTS = ["name", "unclaimed", "claimed", "planned", "paid", "entitlement"] as const;
export type IcbSort = (typeof ICB_SORTS)[number];
export const ICB_FILTERS = ["all", "no-plan", "unclaimed"] as const;
export type IcbFilter = (typeof ICB_FILTERS)[number];

export const sortOf = (v: string | undefined | null): IcbSort => ((ICB_SORTS as readonly string[]).includes(v ?? "") ? (v as IcbSort) : "name");
export const filterOf = (v: string | undefined | null): IcbFilter => ((ICB_FILTERS as readonly string[]).includes(v ?? "") ? (v as IcbFilter) : "all");

const KEY: Record<Exclude<IcbSort, "name">, (r: IcbPcnRow) => number> = {
  unclaimed: (r) => r.forecastUnclaimed,
  claimed: (r) => r.claimedToDate,
  planned: (r) => r.planned,
  paid: (r) => r.paidToDate,
  entitlement: (r) => r.entitlement,
};

/** Rows filtered ("no-plan": without an agreed plan; "unclaimed": forecast to leave money unclaimed) and sorted (figures largest first; name A–Z). */
export function sortAndFilter(rows: IcbPcnRow[], sort: IcbSort, filter: IcbFilter): IcbPcnRow[] {
  // A PCN without an agreed plan has no forecast (its "forecast unclaimed" is its whole entitlement
  // less what it has claimed): it is never "forecast to leave money unclaimed", and a sort by the
  // forecast puts it after the PCNs that have one, so it does not read as the ICB's largest loss.
  const forecastSort = sort === "unclaimed";
  const kept = rows.filter((r) => (filter === "no-plan" ? r.agreedScenario === null : filter === "unclaimed" ? r.agreedScenario !== null && r.forecastUnclaimed > 0 : true));
  const byName = (a: IcbPcnRow, b: IcbPcnRow) => a.name.localeCompare(b.name, "en-GB") || a.code.localeCompare(b.code);
  if (sort === "name") return [...kept].sort(byName);
  const key = KEY[sort];
  const planFirst = (a: IcbPcnRow, b: IcbPcnRow) => (forecastSort ? Number(a.agreedScenario === null) - Number(b.agreedScenario === null) : 0);
  return [...kept].sort((a, b) => planFirst(a, b) || key(b) - key(a) || byName(a, b));
}
