// What differs between two versions of a scenario (the conflict view): one row per field that
// differs, posts and supervisors matched by id. Pure.
import { POST_INPUT_COLUMNS } from "./columns";

export interface ScenarioLike {
  name: string;
  description?: string | null | undefined;
  firstYear: string;
  years: number | string;
  assumptions?: unknown;
  posts: readonly object[];
  supervisors?: readonly object[];
}

export interface DiffRow {
  /** Stable key ("posts[ot-1].wte"). */
  key: string;
  /** In words: "Post “OT – frailty”: WTE". */
  label: string;
  mine: string;
  theirs: string;
}

const show = (v: unknown): string => (v === undefined || v === null || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

function flatten(v: unknown, prefix: string, out: Map<string, unknown>) {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (v !== undefined) out.set(prefix, v);
}

const POST_LABELS: Record<string, string> = {
  ...Object.fromEntries(POST_INPUT_COLUMNS.map((c) => [c.id, c.header])),
  supervisorId: "Clinical supervisor",
  "firstContact.hcpcRegistration": "HCPC registration",
  "firstContact.yearsRegistered": "Years since registration",
  "firstContact.stage1": "Roadmap Stage 1",
  "firstContact.stage2": "Roadmap Stage 2 sign-off",
  "firstContact.stage2SignOff": "Stage 2 sign-off date",
  "firstContact.supervisorId": "Roadmap supervisor",
  "firstContact.roadmap": "Roadmap status",
};
const ASSUMPTION_LABELS: Record<string, string> = {
  payAward: "Pay award",
  rateGrowth: "Growth of the ARRS rate",
  populationGrowth: "Growth of the weighted population",
  claimLagMonths: "Claim lag (months)",
  arrsRatePerWeightedPatient: "ARRS rate per weighted patient",
  employerNiRate: "Employer NI rate",
  employerNiThresholdAnnual: "NI threshold",
  employerPensionRate: "Employer pension rate",
  shareBasis: "Practices' shares by",
  maxReimbursableAnnual: "Maximum reimbursable",
  supervision: "Supervision",
  need: "Population need",
};
const SUPERVISOR_LABELS: Record<string, string> = { name: "Name", wte: "WTE", kind: "Type" };

/** "maxReimbursableAnnual.paramedic" → "Maximum reimbursable: paramedic". */
function assumptionLabel(path: string): string {
  const [head, ...rest] = path.split(".");
  const base = ASSUMPTION_LABELS[head ?? ""] ?? head ?? path;
  return rest.length ? `${base}: ${rest.join(" ")}` : base;
}
const SCALAR: [keyof ScenarioLike, string][] = [
  ["name", "Name"],
  ["description", "Description"],
  ["firstYear", "First year"],
  ["years", "Years"],
];

function compareMaps(a: Map<string, unknown>, b: Map<string, unknown>, key: (k: string) => string, label: (k: string) => string, rows: DiffRow[]) {
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = show(a.get(k));
    const y = show(b.get(k));
    if (x !== y) rows.push({ key: key(k), label: label(k), mine: x, theirs: y });
  }
}

function byId(list: readonly object[] | undefined): Map<string, Record<string, unknown>> {
  const m = new Map<string, Record<string, unknown>>();
  (list ?? []).forEach((p, i) => {
    const r = p as Record<string, unknown>;
    m.set(typeof r.id === "string" && r.id ? r.id : `#${i + 1}`, r);
  });
  return m;
}

export function diffScenarios(mine: ScenarioLike, theirs: ScenarioLike): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const [k, label] of SCALAR) {
    const x = show(mine[k]);
    const y = show(theirs[k]);
    if (x !== y) rows.push({ key: k, label, mine: x, theirs: y });
  }
  const am = new Map<string, unknown>();
  const at = new Map<string, unknown>();
  flatten(mine.assumptions ?? {}, "", am);
  flatten(theirs.assumptions ?? {}, "", at);
  compareMaps(am, at, (k) => `assumptions.${k}`, (k) => `Assumption: ${assumptionLabel(k)}`, rows);

  for (const [kind, a, b, fieldLabel] of [
    ["posts", byId(mine.posts), byId(theirs.posts), (f: string) => POST_LABELS[f] ?? f],
    ["supervisors", byId(mine.supervisors), byId(theirs.supervisors), (f: string) => SUPERVISOR_LABELS[f] ?? f],
  ] as const) {
    const noun = kind === "posts" ? "Post" : "Supervisor";
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(id);
      const y = b.get(id);
      const name = String((x ?? y)?.label || (x ?? y)?.name || id);
      const title = `${noun} “${name}”`;
      if (!x || !y) {
        rows.push({ key: `${kind}[${id}]`, label: title, mine: x ? "present" : "not in this version", theirs: y ? "present" : "not in this version" });
        continue;
      }
      const fx = new Map<string, unknown>();
      const fy = new Map<string, unknown>();
      flatten(x, "", fx);
      flatten(y, "", fy);
      fx.delete("id");
      fy.delete("id");
      compareMaps(fx, fy, (k) => `${kind}[${id}].${k}`, (k) => `${title}: ${fieldLabel(k)}`, rows);
    }
  }
  return rows;
}
