// The quick estimate's "Save as a scenario": the estimate request → the body of a new scenario.
// Pure (no clock, no database).
//
// "Already committed this year" (issue 16 item 2) has no field of its own in a scenario: the
// planner counts spend already committed as posts with status "existing" (the team in post). So
// the amount becomes existing commissioner-approved posts for the estimate's year only, each
// capped at (the ICB's agreed maximum =) its share of the amount, whose claims add up to the amount
// to the penny — the saved plan's headroom that year equals the quick estimate's:
// - a full-year post's cap is priced month by month as round(cap ÷ 12), so the full-year posts
//   carry the largest multiple of 12p (split into posts of at most MAX_AGREED_POUNDS, the most an
//   agreed maximum may be) and the 1–11p left over is a post for the year's last month only
//   (its yearly cap 12 × the pennies, so that one month's cap is exactly the pennies);
// - each post's salary is the smallest that makes its cost (salary, employer NI and pension,
//   priced by the engine with the estimate's figures) reach its cap every month, so the amount is
//   claimed in full and the PCN-funded cost it adds is at most a few pence (salary steps are whole
//   pence, on-costs round to the penny).
// Commissioner-approved roles exist from 2024/25; before that the amount cannot be carried.
import {
  COMMISSIONER_ROLES_FROM,
  compileRules,
  parseFinancialYear,
  pricePost,
  rulesForYear,
  type Assumptions,
} from "@/lib/engine";
import { MAX_AGREED_POUNDS } from "@/lib/schemas/estimate";
import { ScenarioAssumptionsSchema, type ScenarioBodyInput } from "@/lib/schemas/scenario";
import { toPostSpec, type ApiPost } from "@/lib/post-spec";

/** The label and role name of the posts that carry "Already committed this year". */
export const COMMITTED_LABEL = "Already committed this year (from the quick estimate)";
export const COMMITTED_ROLE_NAME = "Spend already committed outside these posts";

export interface QuickEstimateRequest {
  financialYear: string;
  alreadyCommittedPence?: number;
  assumptions?: Record<string, unknown>;
  posts: Record<string, unknown>[];
}

type CommittedPost = ApiPost & { id: string; label: string; status: "existing"; role: "commissioner-approved"; roleName: string; maxReimbursableAnnual: number; annualSalary: number; wte: 1; area: "national"; start: string; end: string };

/** Thrown when the amount cannot be carried (a year before commissioner-approved roles). */
export class CommittedNotCarried extends Error {}

/** Largest multiple of 12p that is at most MAX_AGREED_POUNDS. */
const MAX_FULL_YEAR_CAP_PENCE = Math.floor((MAX_AGREED_POUNDS * 100) / 12) * 12;

/** The existing posts whose claims in `financialYear` add up to `amountPence` exactly ([] for £0). */
export function committedSpendPosts(amountPence: number, financialYear: string, assumptions: Assumptions = {}): CommittedPost[] {
  if (!Number.isSafeInteger(amountPence) || amountPence < 0) throw new RangeError("The amount already committed must be whole pence, at least 0.");
  if (amountPence === 0) return [];
  const startYear = parseFinancialYear(financialYear);
  const rules = rulesForYear(financialYear);
  if (startYear === null || !rules) throw new RangeError(`No rules for ${financialYear}.`);
  if (startYear < COMMISSIONER_ROLES_FROM) {
    throw new CommittedNotCarried(
      `"Already committed this year" can be saved in a scenario from ${COMMISSIONER_ROLES_FROM}/${String(COMMISSIONER_ROLES_FROM + 1).slice(2)} only; clear it, or choose a later year, and save again.`,
    );
  }
  const compiled = compileRules(rules, assumptions);
  const first = `${startYear}-04-01`;
  const last = `${startYear + 1}-03-31`;
  const lastMonth = `${startYear + 1}-03-01`;
  const remainder = amountPence % 12;
  const fullYear = amountPence - remainder;
  // Full-year caps: as few posts as the maximum allows, as equal as multiples of 12p allow.
  const count = Math.ceil(fullYear / MAX_FULL_YEAR_CAP_PENCE);
  const units = fullYear / 12;
  const caps: { capPence: number; start: string }[] = [];
  for (let i = 0; i < count; i++) caps.push({ capPence: 12 * (Math.floor(units / count) + (i < units % count ? 1 : 0)), start: first });
  if (remainder > 0) caps.push({ capPence: 12 * remainder, start: lastMonth });
  return caps.map(({ capPence, start }, i) => {
    const post = (salaryPence: number): CommittedPost => ({
      id: `already-committed-${i + 1}`,
      label: COMMITTED_LABEL,
      status: "existing",
      role: "commissioner-approved",
      roleName: COMMITTED_ROLE_NAME,
      maxReimbursableAnnual: capPence / 100,
      annualSalary: salaryPence / 100,
      wte: 1,
      area: "national",
      start,
      end: last,
    });
    const claimable = (salaryPence: number) => pricePost(compiled, toPostSpec(post(salaryPence), post(salaryPence).id)).claimablePence;
    const target = claimable(capPence * 2);
    // Smallest salary whose claim reaches the cap (the claim never falls as the salary rises).
    let lo = 0;
    let hi = capPence * 2;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (claimable(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    return post(lo);
  });
}

/**
 * The scenario body "Save as a scenario" creates: the estimate's posts (proposed), plus what is
 * already committed. Figures or a year the scenario's own checks will refuse (in words, when it is
 * saved) are not priced here: the body then goes without the committed posts and is not saved.
 */
export function quickEstimateScenarioBody(req: QuickEstimateRequest): ScenarioBodyInput {
  const assumptions = ScenarioAssumptionsSchema.safeParse(req.assumptions ?? {});
  let committed: CommittedPost[] = [];
  if (req.alreadyCommittedPence && assumptions.success && rulesForYear(req.financialYear)) {
    const { payAward: _p, doctorsPayAward: _d, rateGrowth: _r, ...firstYear } = assumptions.data;
    committed = committedSpendPosts(req.alreadyCommittedPence, req.financialYear, firstYear as Assumptions);
  }
  return {
    name: `Quick estimate ${req.financialYear}`.trim(),
    firstYear: req.financialYear,
    years: 3,
    assumptions: (req.assumptions ?? {}) as ScenarioBodyInput["assumptions"],
    posts: [...req.posts.map((p, i) => ({ ...p, id: `post-${i + 1}`, label: "", status: "proposed" })), ...committed] as ScenarioBodyInput["posts"],
    supervisors: [],
  };
}
