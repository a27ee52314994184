// Prices the optimiser's options with the engine, to the penny: every candidate × WTE option is
// one post priced exactly as the estimate API prices it (lib/post-spec.ts → pricePlan), and the
// existing posts as one plan. A plan's figures are sums of its posts' figures, so n posts of an
// option add n × its figures exactly: the model's limits equal the estimate's own totals.
import { EngineInputError, pricePlan, ROLES, toScaledInteger, type CompiledRules, type RoleId } from "@/lib/engine";
import { toPostSpec, type ApiPost } from "@/lib/post-spec";
import type { CandidateModel, OptimiserProblem, PricedOption } from "./model";

/** A candidate post (API fields, already validated). */
export interface CandidateSpec extends Omit<ApiPost, "wte"> {
  id: string;
  wteOptions: number[];
  /** Value per 1.0 WTE (the user's priority), at most 2 decimals. */
  value: number;
  min: number;
  max: number;
  /** Counts against the roadmap supervisors' capacity (default: First Contact roles when a capacity is given). */
  roadmap?: boolean;
}

export interface OptimiserLimits {
  /** Pounds. */
  pcnFundedMax?: number;
  /** Roadmap supervision: capacity = traineesPerSupervisorWte (default 4) × supervisorWte. */
  supervision?: { supervisorWte: number; traineesPerSupervisorWte?: number; existingTrainees?: number };
}

export class OptimiserInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "OptimiserInputError";
  }
}

/** The engine's priced options of one candidate (errors name the candidate). */
function priceCandidate(c: CompiledRules, wp: number, cand: CandidateSpec, index: number, potIds: string[]): PricedOption[] {
  return cand.wteOptions.map((wte, wi) => {
    try {
      const plan = pricePlan(c, { weightedPopulation: wp, posts: [toPostSpec({ ...cand, wte }, `${cand.id}@${wte}`)] });
      const post = plan.posts[0]!;
      return {
        wteTenThousandths: post.wteTenThousandths,
        costPence: post.costPence,
        claimablePence: post.claimablePence,
        pcnFundedPence: post.pcnFundedPence,
        potClaimsPence: potIds.map((id) => plan.pots.find((p) => p.id === id)!.claimablePence),
      };
    } catch (e) {
      if (e instanceof EngineInputError) throw new OptimiserInputError(`candidates.${index}.${e.path.replace(/^0\./, "") || `wteOptions.${wi}`}`, e.message);
      throw e;
    }
  });
}

/** The optimiser's problem for a financial year's compiled rules and a weighted population. */
export function buildProblem(
  c: CompiledRules,
  weightedPopulation: number,
  existingPosts: (ApiPost & { id: string })[],
  candidates: CandidateSpec[],
  limits: OptimiserLimits = {},
): OptimiserProblem {
  let existing;
  try {
    existing = pricePlan(c, { weightedPopulation, posts: existingPosts.map((p) => toPostSpec(p, p.id)) });
  } catch (e) {
    if (e instanceof EngineInputError) throw new OptimiserInputError(`existingPosts.${e.path}`, e.message);
    throw e;
  }
  const potIds = existing.pots.map((p) => p.id);
  const supervision = limits.supervision;
  const isTrainee = (role: string, flag?: boolean) => flag ?? ROLES[role as RoleId]?.firstContact ?? false;
  const models: CandidateModel[] = candidates.map((cand, i) => ({
    id: cand.id,
    valueHundredths: toScaledInteger(cand.value, 2)!,
    min: cand.min,
    max: cand.max,
    roadmap: supervision ? isTrainee(cand.role, cand.roadmap) : false,
    options: priceCandidate(c, weightedPopulation, cand, i, potIds),
  }));
  return {
    pots: existing.pots.map((p) => ({ id: p.id, label: p.label, entitlementPence: p.entitlementPence, existingClaimsPence: p.claimablePence })),
    existing: {
      costPence: existing.totals.costPence,
      claimablePence: existing.totals.claimablePence,
      pcnFundedPence: existing.totals.pcnFundedPence,
      roadmapTrainees: supervision?.existingTrainees ?? 0,
    },
    candidates: models,
    ...(limits.pcnFundedMax !== undefined ? { pcnFundedMaxPence: Math.round(limits.pcnFundedMax * 100) } : {}),
    ...(supervision ? { traineeCapacity: ((supervision.traineesPerSupervisorWte ?? 4) * toScaledInteger(supervision.supervisorWte, 4)!) / 10000 } : {}),
  };
}

/** The chosen posts as estimate posts (ids `<candidate>-<n>`, made unique against `taken`). */
export function chosenPosts(candidates: CandidateSpec[], chosen: { candidate: string; wte: number; count: number }[], taken: Iterable<string>): (ApiPost & { id: string })[] {
  const used = new Set(taken);
  const out: (ApiPost & { id: string })[] = [];
  const next = new Map<string, number>();
  for (const ch of chosen) {
    const cand = candidates.find((c) => c.id === ch.candidate)!;
    const { wteOptions: _w, value: _v, min: _min, max: _max, roadmap: _r, id: _id, ...fields } = cand;
    for (let k = 0; k < ch.count; k++) {
      let n = next.get(cand.id) ?? 1;
      while (used.has(`${cand.id}-${n}`)) n++;
      next.set(cand.id, n + 1);
      used.add(`${cand.id}-${n}`);
      out.push({ ...fields, id: `${cand.id}-${n}`, wte: ch.wte });
    }
  }
  return out;
}
