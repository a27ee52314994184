// The optimiser's existing (fixed) posts from a scenario's posts: every field the estimate API
// prices a post on, and nothing of the planner's own (label, status, roadmap, expected start…),
// which the optimiser's strict post schema would refuse. A post keeps its size as the planner
// stores it (WTE, a GP's sessions or hours a week), an ICB-approved role its name and maximum, a
// nurse the 12-month rule: leaving any out refused the plan ("Give the post's WTE…") or priced a
// post as it is not.
import type { ApiPost } from "@/lib/post-spec";

/** The estimate API's post fields but `id` (the optimiser's existing posts take exactly these). */
export const PRICED_POST_FIELDS = [
  "role",
  "annualSalary",
  "band",
  "point",
  "wte",
  "sessions",
  "hoursPerWeek",
  "roleName",
  "maxReimbursableAnnual",
  "employedInLast12Months",
  "moreSeniorRole",
  "area",
  "start",
  "end",
  "mhpFunding",
] as const satisfies readonly (keyof ApiPost)[];

type PricedPost = Partial<Record<(typeof PRICED_POST_FIELDS)[number], unknown>> & { id?: string };

/** A scenario's posts as the optimiser's `existingPosts`: each post's id and its priced fields as stored (unset ones left out). */
export function existingPostsFrom<P extends PricedPost>(posts: readonly P[]): ({ id: string } & Partial<Pick<P, (typeof PRICED_POST_FIELDS)[number]>>)[] {
  return posts.map((p, i) => {
    const out: Record<string, unknown> = { id: p.id ?? `post-${i + 1}` };
    for (const k of PRICED_POST_FIELDS) if (p[k] !== undefined) out[k] = p[k];
    return out as { id: string } & Partial<Pick<P, (typeof PRICED_POST_FIELDS)[number]>>;
  });
}
