// An API post (pounds, ISO dates, decimal WTE; already validated) → the engine's PostSpec
// (pence, day numbers, ten-thousandths). One conversion for the estimate API and the planner.
import { parseIsoDate, poundsToPence, toScaledInteger, type PostSpec } from "@/lib/engine";

export interface ApiPost {
  role: string;
  annualSalary?: number;
  band?: string;
  point?: number;
  wte: number;
  area: PostSpec["area"];
  start?: string;
  end?: string;
  mhpFunding?: "50%" | "100%";
  nextPayStep?: string;
}

/** `annualSalaryPence` replaces the post's own salary (the planner's salary after pay awards). */
export function toPostSpec(p: ApiPost, id: string, annualSalaryPence?: number): PostSpec {
  const salary = annualSalaryPence ?? (p.annualSalary !== undefined ? poundsToPence(p.annualSalary) : undefined);
  return {
    id,
    role: p.role as PostSpec["role"],
    ...(salary !== undefined ? { annualSalaryPence: salary } : {}),
    ...(p.band !== undefined ? { band: p.band as NonNullable<PostSpec["band"]> } : {}),
    ...(p.point !== undefined ? { point: p.point } : {}),
    wteTenThousandths: toScaledInteger(p.wte, 4)!,
    area: p.area,
    ...(p.start ? { startDay: parseIsoDate(p.start)! } : {}),
    ...(p.end ? { endDay: parseIsoDate(p.end)! } : {}),
    ...(p.mhpFunding ? { mhpFunding: p.mhpFunding } : {}),
    ...(p.nextPayStep ? { payStepDay: parseIsoDate(p.nextPayStep)! } : {}),
  };
}
