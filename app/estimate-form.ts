// The quick-estimate form's fields → the estimate API's request (and a scenario body for "Save as
// a scenario"). Plain functions, used by the server actions; dates come as day/month/year parts.
import { dateInputToIso } from "@/lib/date-input";
import { numberFromText } from "@/lib/planner/post-draft";
import type { FieldIssue } from "@/lib/server/errors";

function text(v: FormDataEntryValue | null): string | undefined {
  const s = v === null ? "" : String(v).trim();
  return s === "" ? undefined : s;
}

const num = (v: FormDataEntryValue | null) => numberFromText(v === null ? "" : String(v));

const SIZE_FIELD: Record<string, string> = { wte: "wte", sessions: "sessions", hours: "hoursPerWeek" };

export const ASSUMPTION_KEYS = ["arrsRatePerWeightedPatient", "employerNiRate", "employerNiThresholdAnnual", "employerPensionRate"] as const;

export interface ParsedEstimateForm {
  request: {
    financialYear: string | undefined;
    pcn: { code: string } | { weightedPopulation: number | string | undefined };
    alreadyCommitted?: number | string;
    assumptions?: Record<string, unknown>;
    posts: Record<string, unknown>[];
  };
  /** Dates that are not real dates ("Start date must be a real date"), by path. */
  dateIssues: FieldIssue[];
}

export function parseEstimateForm(form: FormData): ParsedEstimateForm {
  const count = Math.min(Number(form.get("postCount") ?? 0) || 0, 50);
  const posts: Record<string, unknown>[] = [];
  const dateIssues: FieldIssue[] = [];
  const date = (i: number, field: "start" | "end", label: string) => {
    const parts = (k: string) => String(form.get(`posts.${i}.${field}-${k}`) ?? "");
    const r = dateInputToIso({ day: parts("day"), month: parts("month"), year: parts("year") }, label);
    if (r.error !== undefined) dateIssues.push({ path: `posts.${i}.${field}`, message: r.error });
    return r.iso || undefined;
  };
  for (let i = 0; i < count; i++) {
    const p = (k: string) => form.get(`posts.${i}.${k}`);
    const mode = text(p("salaryMode")) ?? "salary";
    const role = text(p("role"));
    const start = date(i, "start", "Start date");
    const end = date(i, "end", "End date");
    posts.push({
      id: text(p("id")) ?? `post-${i + 1}`,
      role,
      ...(mode === "salary" ? { annualSalary: num(p("annualSalary")) } : { band: text(p("band")), point: num(p("point")) }),
      ...(role === "mental-health-practitioner" && mode === "salary" ? { band: text(p("band")) } : {}),
      ...(role === "mental-health-practitioner" ? { mhpFunding: text(p("mhpFunding")) ?? "50%" } : {}),
      // The size in the unit chosen beside it: WTE, sessions a week (GPs) or hours a week.
      [SIZE_FIELD[text(p("sizeUnit")) ?? "wte"] ?? "wte"]: num(p("wte")),
      ...(role === "commissioner-approved" ? { roleName: text(p("roleName")) ?? "", maxReimbursableAnnual: num(p("maxReimbursable")) } : {}),
      ...(text(p("employedInLast12Months")) ? { employedInLast12Months: true } : {}),
      ...(text(p("employedInLast12Months")) && text(p("moreSeniorRole")) ? { moreSeniorRole: true } : {}),
      area: text(p("area")) ?? "national",
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    });
  }
  const pcn = text(form.get("pcnMode")) === "code" ? { code: text(form.get("pcnCode")) ?? "" } : { weightedPopulation: num(form.get("weightedPopulation")) };
  // "Already committed this year" (£): blank = nothing; text that is not money reaches the schema and is refused in words.
  const alreadyCommitted = num(form.get("alreadyCommitted"));
  // Figures the user replaces ("Change the figures"): blank = the year's figure.
  const assumptions: Record<string, unknown> = {};
  for (const key of ASSUMPTION_KEYS) {
    const v = num(form.get(`assumptions.${key}`));
    if (v !== undefined) assumptions[key] = v;
  }
  // The expected backdated uplift: "on" / "off"; blank = the year's default.
  const uplift = text(form.get("assumptions.expectedUplift"));
  if (uplift === "on" || uplift === "off") assumptions.expectedUplift = uplift === "on";
  const caps: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const role = text(form.get(`posts.${i}.role`));
    const cap = num(form.get(`posts.${i}.maxReimbursable`));
    // A commissioner-approved post's maximum is the post's own (above), not a role-wide assumption.
    if (role && role !== "commissioner-approved" && cap !== undefined) caps[role] = cap;
  }
  if (Object.keys(caps).length) assumptions.maxReimbursableAnnual = caps;
  return {
    request: { financialYear: text(form.get("financialYear")), pcn, ...(alreadyCommitted !== undefined ? { alreadyCommitted } : {}), ...(Object.keys(assumptions).length ? { assumptions } : {}), posts },
    dateIssues,
  };
}
