// The entitlement a year's weighted population gives, with why it is an estimate when it is one.
import { calculateEntitlement, compileRules, getRules, isUnpublished, type CompiledRules } from "@/lib/engine";
import { toMicro } from "./pcn-shared";
import type { WeightedPopulationResolution, WeightedProvenance } from "./weighted-population";

export interface EntitlementRow {
  financialYear: string;
  /** £, 2 decimals (from integer pence). */
  amount: number;
  amountPence: number;
  isEstimate: boolean;
  reasons: string[];
  weightedPopulation: number;
  weightedPopulationProvenance: WeightedProvenance;
  pots: { id: string; label: string; ratePerWeightedPatient: number; rateStatus: string; amount: number; amountPence: number }[];
  /** Estimated weighted population only: its 80% interval. */
  weightedPopulationInterval?: { low: number; high: number; level: 0.8 };
  /** Estimated weighted population only: the entitlement at the interval's ends (£ and pence). */
  amountInterval?: { low: number; high: number; lowPence: number; highPence: number; level: 0.8 };
}


const compiledByYear = new Map<string, CompiledRules>();
function compiled(fy: string): CompiledRules | null {
  const hit = compiledByYear.get(fy);
  if (hit) return hit;
  const rules = getRules(fy);
  if (!rules) return null;
  const c = compileRules(rules);
  compiledByYear.set(fy, c);
  return c;
}


// ---------------------------------------------------------------------------------------------
// Entitlement

export function entitlementFor(w: WeightedPopulationResolution): EntitlementRow | null {
  const c = compiled(w.financialYear);
  if (!c) return null;
  const totalPence = (v: number) => calculateEntitlement({ weightedPopulation: toMicro(v) / 1e6, pots: c.pots }).totalPence;
  const result = calculateEntitlement({ weightedPopulation: toMicro(w.value) / 1e6, pots: c.pots });
  const reasons: string[] = [];
  if (w.provenance === "estimate") reasons.push("the weighted population is an estimate");
  for (const p of result.pots) {
    // A rate published by NHS England or reported by a third party is not an estimate; an override is the user's own.
    if (isUnpublished(p.pot.figure.status)) {
      reasons.push(`the ${w.financialYear} rate of £${p.pot.figure.value} per weighted patient (${p.pot.label}) is an estimate`);
    }
  }
  return {
    financialYear: w.financialYear,
    amount: result.totalPence / 100,
    amountPence: result.totalPence,
    isEstimate: reasons.length > 0,
    reasons,
    weightedPopulation: w.value,
    weightedPopulationProvenance: w.provenance,
    ...(w.interval
      ? (() => {
          const lowPence = totalPence(w.interval.low);
          const highPence = totalPence(w.interval.high);
          return { weightedPopulationInterval: w.interval, amountInterval: { low: lowPence / 100, high: highPence / 100, lowPence, highPence, level: 0.8 as const } };
        })()
      : {}),
    pots: result.pots.map((p) => ({
      id: p.pot.id,
      label: p.pot.label,
      ratePerWeightedPatient: p.pot.figure.value,
      rateStatus: p.pot.figure.status,
      amount: p.pence / 100,
      amountPence: p.pence,
    })),
  };
}

