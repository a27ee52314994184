// The planner as printed (issue 7): the editors do not print (.app-no-print); these read-only
// tables take their place — the posts with the shown year's figures, and at the end the
// assumptions and every estimate and projection used. Shown only in print (.app-print-only).
// Columns come from the one column specification (lib/planner/columns.ts).
import { formatCell, isNumericKind, POST_INPUT_COLUMNS, POST_RESULT_COLUMNS } from "@/lib/planner/columns";
import { PLANNER_DEFAULTS, SUPERVISION_DEFAULTS, supervisorHourlyCostDefault } from "@/lib/planner/compute";
import { formatPounds } from "@/lib/format";
import type { ScenarioResults, YearResult } from "@/lib/planner/types";
import type { ScenarioBodyInput } from "@/lib/schemas/scenario";

// The print shows the WTE used (sessions and hours become WTE) and the role's name from the results.
const PRINT_LEFT_OUT: ReadonlySet<string> = new Set(["mhpFunding", "nextPayStep", "roadmap", "sessions", "hoursPerWeek", "roleName", "maxReimbursableAnnual", "employedInLast12Months", "moreSeniorRole", "expectedStart"]);
const INPUTS = POST_INPUT_COLUMNS.filter((c) => !PRINT_LEFT_OUT.has(c.id));
const FIGURES = POST_RESULT_COLUMNS.filter((c) => ["cost", "claimable", "pcnFunded"].includes(c.id));

/** The posts, read-only, with the year's cost, claimable and PCN-funded. */
export function PrintPosts({ input, year }: { input: ScenarioBodyInput; year: YearResult | undefined }) {
  const posts = input.posts ?? [];
  return (
    <div className="app-print-only" data-testid="print-posts">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          {posts.length} post{posts.length === 1 ? "" : "s"}
          {year ? `, with their ${year.financialYear} figures` : ""}
        </caption>
        <thead>
          <tr>
            {INPUTS.map((c) => (
              <th key={c.id} scope="col" className={isNumericKind(c.kind) ? "app-numeric" : undefined}>
                {c.header}
              </th>
            ))}
            {FIGURES.map((c) => (
              <th key={c.id} scope="col" className="app-numeric">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {posts.map((p, i) => {
            const r = year?.posts.find((x) => x.id === p.id) ?? year?.posts[i];
            return (
              <tr key={p.id ?? i}>
                {INPUTS.map((c) => (
                  <td key={c.id} className={isNumericKind(c.kind) ? "app-numeric" : undefined}>
                    {c.id === "role" && r ? r.roleName : c.id === "wte" && r ? formatCell("wte", r.wte) : formatCell(c.kind, c.accessor(p))}
                  </td>
                ))}
                {FIGURES.map((c) => (
                  <td key={c.id} className="app-numeric">
                    {r ? formatCell(c.kind, c.accessor(r)) : ""}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Labels in a short form: "Maximum reimbursable amount, <role>, <area> — <table>" for many roles
 * become one "Maximum reimbursable amounts (<area> — <table>): <role>, <role>, …".
 */
export function compactLabels(labels: string[]): string[] {
  const out: string[] = [];
  const caps = new Map<string, string[]>();
  for (const l of labels) {
    const m = /^Maximum reimbursable amount, ([^,]+), (.+)$/.exec(l);
    if (!m) {
      out.push(l);
      continue;
    }
    caps.set(m[2]!, [...(caps.get(m[2]!) ?? []), m[1]!]);
  }
  for (const [rest, roles] of caps) out.push(roles.length === 1 ? `Maximum reimbursable amount, ${roles[0]}, ${rest}` : `Maximum reimbursable amounts (${rest}): ${roles.join(", ")}`);
  return out;
}

const pct = (v: number | undefined, fallback: number) => `${Math.round((v ?? fallback) * 10000) / 100}%`;

/** The assumptions in words and every estimate, projection and override used, by year. */
export function PrintAssumptions({ input, results }: { input: ScenarioBodyInput; results: ScenarioResults | null }) {
  const a = (input.assumptions ?? {}) as NonNullable<ScenarioBodyInput["assumptions"]> & Record<string, unknown>;
  const sup = (a.supervision ?? {}) as Record<string, number | undefined>;
  // Every estimate, projection and override used, grouped by kind and year (one paragraph each:
  // with ten posts over three years there are dozens).
  const groups = new Map<string, string[]>();
  for (const y of results?.years ?? []) {
    for (const [kind, list] of [
      ["Estimates", y.estimates],
      ["Projections", y.projections],
      ["Overrides", y.overrides],
    ] as const) {
      if (!list.length) continue;
      const k = `${kind}, ${y.financialYear}`;
      groups.set(k, [...new Set([...(groups.get(k) ?? []), ...list.map((f) => f.label)])]);
    }
  }
  return (
    <div className="app-print-only" data-testid="print-assumptions">
      <ul className="nhsuk-body-s">
        <li>
          Claim lag {(a.claimLagMonths as number | undefined) ?? PLANNER_DEFAULTS.claimLagMonths} months; pay award in projected years {pct(a.payAward as number | undefined, PLANNER_DEFAULTS.payAward)}; growth of the rate per
          weighted patient {pct(a.rateGrowth as number | undefined, PLANNER_DEFAULTS.rateGrowth)}; growth of the weighted population {pct(a.populationGrowth as number | undefined, PLANNER_DEFAULTS.populationGrowth)};
          practices&apos; shares by {(a.shareBasis as string | undefined) ?? PLANNER_DEFAULTS.shareBasis} population.
        </li>
        <li>
          Supervision:{" "}
          {Object.entries(SUPERVISION_DEFAULTS)
            .map(([key, d]) => `${d.label} ${key === "supervisorHourlyCost" ? formatPounds(sup[key] ?? supervisorHourlyCostDefault(String(input.firstYear)).value) : (sup[key] ?? d.value)}`)
            .join("; ")}
          .
        </li>
      </ul>
      {groups.size ? (
        [...groups].map(([k, labels]) => (
          <p key={k} className="nhsuk-body-s app-print-small">
            <strong>{k}:</strong> {compactLabels(labels).join("; ")}.
          </p>
        ))
      ) : (
        <p className="nhsuk-body-s">Every figure used is published.</p>
      )}
      <p className="nhsuk-body-s">The XLSX download lists every figure used, with its value, status and source.</p>
    </div>
  );
}
