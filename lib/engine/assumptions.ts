// The user's assumptions in a priced plan: every one given is reported (the API's `overrides`),
// and one that changed nothing gets a warning saying why, so no figure is silently ignored.
import type { CompiledRules, FigureUsed } from "./compile";
import type { PostResult } from "./pricing";
import type { RoleId } from "./roles";

const inPost = (p: PostResult) => p.months.some((m) => m.daysInPost > 0);

/** "Employer NI threshold (£ a year)" → "employer NI threshold". */
const lowerLabel = (label: string) => {
  const s = label.replace(/\s*\(.*\)$/, "");
  return s.charAt(0).toLowerCase() + s.slice(1);
};

export function assumptionsReport(c: CompiledRules, posts: readonly PostResult[], used: readonly FigureUsed[]): { given: FigureUsed[]; warnings: string[] } {
  const usedIds = new Set(used.map((f) => f.id));
  const fy = c.rules.financialYear;
  const given: FigureUsed[] = [];
  const warnings: string[] = [];
  // The ARRS rate always sets the entitlement.
  for (const pot of c.pots) if (pot.figure.status === "override") given.push(pot.figure);
  for (const f of c.onCostFigures) {
    if (f.status !== "override") continue;
    given.push(f);
    if (f.id.endsWith("expected backdated uplift") && !c.rules.capTables.some((t) => t.backdatedUplift)) {
      warnings.push(`The expected backdated uplift you gave was not used: ${fy} has no backdated uplift table.`);
      continue;
    }
    if (!posts.some(inPost)) {
      warnings.push(`The ${lowerLabel(f.label)} you gave was not used: ${posts.length === 0 ? "the plan has no posts" : `no post is in post during ${fy}`}.`);
    }
  }
  for (const [role, f] of Object.entries(c.capOverrideFigures) as [RoleId, FigureUsed][]) {
    given.push(f);
    if (usedIds.has(f.id)) continue;
    const ofRole = posts.filter((p) => p.role === role);
    const why =
      ofRole.length === 0
        ? `no ${role} post is in the plan`
        : !ofRole.some(inPost)
          ? `no ${role} post is in post during ${fy}`
          : `${role} posts are not reimbursable under the ${fy} tables`;
    warnings.push(`The maximum reimbursable amount you gave for ${role} was not used: ${why}.`);
  }
  return { given, warnings };
}
