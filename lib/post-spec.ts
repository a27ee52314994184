// An API post (pounds, ISO dates, decimal WTE / sessions / hours; already validated) → the engine's
// PostSpec (pence, day numbers, ten-thousandths plus the exact WTE). One conversion for the
// estimate API, the planner and the optimiser.
import { parseIsoDate, poundsToPence, toScaledInteger, wteFromHours, wteFromSessions, type PostSpec, type WteFraction } from "@/lib/engine";

export interface ApiPost {
  role: string;
  annualSalary?: number;
  band?: string;
  point?: number;
  /** One of wte, sessions (GPs; 9 = 1.0 WTE) or hoursPerWeek (37.5 = 1.0 WTE). */
  wte?: number;
  sessions?: number;
  hoursPerWeek?: number;
  area: PostSpec["area"];
  start?: string;
  end?: string;
  mhpFunding?: "50%" | "100%";
  nextPayStep?: string;
  roleName?: string;
  maxReimbursableAnnual?: number;
  employedInLast12Months?: boolean;
  moreSeniorRole?: boolean;
}

/** The WTE a post is priced on: ten-thousandths (rounded half up) and, from sessions or hours, the exact fraction. */
export function postWteSpec(p: Pick<ApiPost, "wte" | "sessions" | "hoursPerWeek">): { wteTenThousandths: number; wteExact?: WteFraction } {
  if (p.sessions !== undefined) return wteFromSessions(toScaledInteger(p.sessions, 2)!);
  if (p.hoursPerWeek !== undefined) return wteFromHours(toScaledInteger(p.hoursPerWeek, 2)!);
  return { wteTenThousandths: toScaledInteger(p.wte ?? 0, 4)! };
}

/** The WTE a post stands for, as a decimal to 4 places (4 sessions → 0.4444; 30 hours → 0.8). */
export function postWte(p: Pick<ApiPost, "wte" | "sessions" | "hoursPerWeek">): number {
  if (p.sessions === undefined && p.hoursPerWeek === undefined) return p.wte ?? 0;
  return postWteSpec(p).wteTenThousandths / 10_000;
}

/** `annualSalaryPence` replaces the post's own salary (the planner's salary after pay awards). */
export function toPostSpec(p: ApiPost, id: string, annualSalaryPence?: number): PostSpec {
  const salary = annualSalaryPence ?? (p.annualSalary !== undefined ? poundsToPence(p.annualSalary) : undefined);
  const wte = postWteSpec(p);
  return {
    id,
    role: p.role as PostSpec["role"],
    ...(salary !== undefined ? { annualSalaryPence: salary } : {}),
    ...(p.band !== undefined ? { band: p.band as NonNullable<PostSpec["band"]> } : {}),
    ...(p.point !== undefined ? { point: p.point } : {}),
    wteTenThousandths: wte.wteTenThousandths,
    ...(wte.wteExact ? { wteExact: wte.wteExact } : {}),
    area: p.area,
    ...(p.start ? { startDay: parseIsoDate(p.start)! } : {}),
    ...(p.end ? { endDay: parseIsoDate(p.end)! } : {}),
    ...(p.mhpFunding ? { mhpFunding: p.mhpFunding } : {}),
    ...(p.nextPayStep ? { payStepDay: parseIsoDate(p.nextPayStep)! } : {}),
    ...(p.role === "commissioner-approved" && p.roleName ? { roleName: p.roleName } : {}),
    ...(p.role === "commissioner-approved" && p.maxReimbursableAnnual !== undefined ? { agreedMaxPence: poundsToPence(p.maxReimbursableAnnual) } : {}),
    ...(p.employedInLast12Months !== undefined ? { employedInLast12Months: p.employedInLast12Months } : {}),
    ...(p.moreSeniorRole !== undefined ? { moreSeniorRole: p.moreSeniorRole } : {}),
  };
}
