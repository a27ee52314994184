"use client";
// The planner's "Population need" section: the need for OT of the scenario's PCN (lib/need, in
// the browser), with the assumptions editable per scenario (kept in assumptions.need, saved with
// the scenario), the OT WTE the scenario has in each year of its horizon beside the range, and
// "Add the central estimate as a post" (only what each year is missing).
import { memo, useCallback, useMemo, useState } from "react";
import { NeedAssumptionsTables, NeedExplainer, NeedFiguresTable } from "@/app/components/need/need-view";
import { calculateNeed, needAssumption, needByYear, postsForNeed, resolveNeedAssumptions, type AgeSexProfile, type NeedOverrides, type NeedPost, type PostLike } from "@/lib/need";
import { FigureTag } from "@/app/components/ui/cells";
import { formatDate } from "@/lib/format";

const NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*%?\s*$/;
const num = (n: number) => String(Math.round(n * 10000) / 10000);

export interface PlannerNeedProps {
  profile: AgeSexProfile | null;
  profileDate: string | null;
  overrides: NeedOverrides | undefined;
  onChange: (next: NeedOverrides | undefined) => void;
  /** The scenario's posts (their OT WTE in each year is compared with the need). */
  posts: readonly PostLike[];
  /** The financial years of the scenario's horizon, first year first. */
  years: readonly string[];
  onAddPosts: (posts: NeedPost[]) => void;
}

// The figures and the assumptions depend on the need only: an edit of a post redraws just the
// scenario's OT WTE by year.
const NeedFigures = memo(NeedFiguresTable);
const Explainer = memo(NeedExplainer);
const Assumptions = memo(function Assumptions({
  assumptions,
  errors,
  typed,
  onEdit,
}: {
  assumptions: Parameters<typeof NeedAssumptionsTables>[0]["assumptions"];
  errors: Record<string, string>;
  typed: Record<string, string>;
  onEdit: (id: string, text: string) => void;
}) {
  return (
    <NeedAssumptionsTables
      assumptions={assumptions}
      errors={errors}
      renderInput={(a, control) => (
        <input
          className={`nhsuk-input nhsuk-input--width-5${errors[a.id] ? " nhsuk-input--error" : ""}`}
          {...control}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          value={typed[a.id] ?? num(a.value)}
          onChange={(e) => onEdit(a.id, e.target.value)}
        />
      )}
    />
  );
});

export function PlannerPopulationNeed({ profile, profileDate, overrides, onChange, posts, years, onAddPosts }: PlannerNeedProps) {
  // What the user typed, where it is not (yet) a usable value; valid values live in the scenario.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState("");
  const need = useMemo(() => (profile ? calculateNeed(profile, overrides ?? {}) : null), [profile, overrides]);

  const edit = useCallback((id: string, text: string) => {
    setTyped((t) => ({ ...t, [id]: text }));
    const def = needAssumption(id)!;
    const rest = { ...(overrides ?? {}) };
    delete rest[id];
    let error = "";
    if (text.trim() === "") {
      // blank: back to the built-in value
    } else if (!NUMBER_TEXT.test(text)) error = `“${def.label}” must be a number, e.g. ${num(def.value)}.`;
    else {
      const v = Number(text.replace("%", ""));
      const issue = resolveNeedAssumptions({ ...rest, [id]: v }).issues.find((i) => i.path === id || i.path.startsWith(`${id}.`));
      if (issue) error = issue.message;
      else if (v !== def.value) rest[id] = v;
    }
    setErrors((e) => {
      const n = { ...e };
      if (error) n[id] = error;
      else delete n[id];
      return n;
    });
    if (!error) onChange(Object.keys(rest).length ? rest : undefined);
  }, [overrides, onChange]);

  if (!profile || !need) return <p>No age profile is stored for this PCN, so its population need cannot be estimated.</p>;

  const central = need.total.wte.central;
  const byYear = needByYear(need.total.wte, posts, years);
  const gapPosts = postsForNeed(central, byYear.map((y) => y.wte));
  const wte = (n: number) => n.toFixed(2);
  const short = byYear.filter((y) => y.missing > 0);
  const span = (p: NeedPost) => (p.toYear === null ? `from ${years[p.fromYear]}` : p.toYear === p.fromYear ? `for ${years[p.fromYear]} only` : `for ${years[p.fromYear]} to ${years[p.toYear]}`);

  return (
    <div data-testid="planner-need">
      <Explainer />
      <p className="nhsuk-body-s">
        From the PCN&apos;s registered patients by age and sex{profileDate ? ` on ${formatDate(profileDate)}` : ""}. The assumptions you change here are
        saved with this scenario.
      </p>
      <NeedFigures groups={need.groups} total={need.total} caption="Population need for OT a year: central estimate, and the range below it" />
      <div className="nhsuk-inset-text app-need-offer" data-testid="need-have">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          The need is an estimate <FigureTag kind="estimate" />: {wte(need.total.wte.low)} to {wte(need.total.wte.high)} WTE (central {wte(central)}). This
          scenario has, counting the OT posts in post on any day of each year:
        </p>
        <ul className="nhsuk-list" data-testid="need-ot-years">
          {byYear.map((y, i) => (
            <li key={y.financialYear} data-year={y.financialYear}>
              {y.financialYear}: <strong {...(i === 0 ? { "data-testid": "need-ot-wte" } : {})}>{wte(y.wte)} WTE</strong> of occupational therapists, {y.position}
              {y.missing > 0 ? ` (${wte(y.missing)} WTE short of the central estimate)` : ""}
            </li>
          ))}
        </ul>
        {gapPosts.length ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" data-testid="need-add-post" onClick={() => {
            onAddPosts(gapPosts);
            setAdded(`Added ${gapPosts.length === 1 ? "an OT post" : `${gapPosts.length} OT posts`} to the posts above (not saved yet): ${gapPosts.map((p) => `${wte(p.wte)} WTE ${span(p)}`).join("; ")}.`);
          }}>
            Add the central estimate as a post (what is missing: {short.map((y) => `${wte(y.missing)} WTE in ${y.financialYear}`).join(", ")})
          </button>
        ) : (
          <p>Every year of the scenario already has at least the central estimate.</p>
        )}
        <p role="status" className="nhsuk-body-s" data-testid="need-added">
          {added}
        </p>
      </div>
      <details className="nhsuk-details" open={Object.keys(errors).length > 0 || undefined}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Population-need assumptions for this scenario</span>
        </summary>
        <div className="nhsuk-details__text">
          <Assumptions assumptions={need.assumptions} errors={errors} typed={typed} onEdit={edit} />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              setTyped({});
              setErrors({});
              onChange(undefined);
            }}
          >
            Back to the built-in assumptions
          </button>
        </div>
      </details>
    </div>
  );
}
