"use client";
// The planner's "Population need" section: the need for OT of the scenario's PCN (lib/need, in
// the browser), with the assumptions editable per scenario (kept in assumptions.need, saved with
// the scenario), the OT WTE the scenario has in its first year beside the range, and "Add the
// central estimate as a post".
import { useMemo, useState } from "react";
import { NeedAssumptionsTables, NeedExplainer, NeedFiguresTable } from "@/app/components/need/need-view";
import { calculateNeed, needAssumption, postsForGap, resolveNeedAssumptions, type AgeSexProfile, type NeedOverrides } from "@/lib/need";
import { formatDate } from "@/lib/format";

const NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*%?\s*$/;
const num = (n: number) => String(Math.round(n * 10000) / 10000);

export interface PlannerNeedProps {
  profile: AgeSexProfile | null;
  profileDate: string | null;
  overrides: NeedOverrides | undefined;
  onChange: (next: NeedOverrides | undefined) => void;
  /** OT WTE of the scenario's occupational-therapist posts in its first year. */
  otWte: number;
  firstYear: string;
  onAddPosts: (wtes: number[]) => void;
}

export function PlannerPopulationNeed({ profile, profileDate, overrides, onChange, otWte, firstYear, onAddPosts }: PlannerNeedProps) {
  // What the user typed, where it is not (yet) a usable value; valid values live in the scenario.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState("");
  const need = useMemo(() => (profile ? calculateNeed(profile, overrides ?? {}) : null), [profile, overrides]);

  if (!profile || !need) return <p>No age profile is stored for this PCN, so its population need cannot be estimated.</p>;

  const edit = (id: string, text: string) => {
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
  };

  const central = need.total.wte.central;
  const gapPosts = postsForGap(central, otWte);
  const wte = (n: number) => n.toFixed(2);
  const position = otWte < need.total.wte.low ? "below the range" : otWte > need.total.wte.high ? "above the range" : "within the range";

  return (
    <div data-testid="planner-need">
      <NeedExplainer />
      <p className="nhsuk-body-s">
        From the PCN&apos;s registered patients by age and sex{profileDate ? ` on ${formatDate(profileDate)}` : ""}. The assumptions you change here are
        saved with this scenario.
      </p>
      <NeedFiguresTable groups={need.groups} total={need.total} caption="Population need for OT a year: central estimate, and the range below it" />
      <div className="nhsuk-inset-text app-need-offer" data-testid="need-have">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          This scenario has <strong data-testid="need-ot-wte">{wte(otWte)} WTE</strong> of occupational therapists in {firstYear}, {position} of{" "}
          {wte(need.total.wte.low)} to {wte(need.total.wte.high)} WTE (central {wte(central)}).
        </p>
        {gapPosts.length ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" data-testid="need-add-post" onClick={() => {
            onAddPosts(gapPosts);
            setAdded(`Added ${gapPosts.length === 1 ? "an OT post" : `${gapPosts.length} OT posts`} of ${gapPosts.map(wte).join(" + ")} WTE to the posts above (not saved yet).`);
          }}>
            Add the central estimate as a post ({wte(Math.round((central - otWte) * 100) / 100)} WTE)
          </button>
        ) : (
          <p>The scenario already has at least the central estimate.</p>
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
          <NeedAssumptionsTables
            assumptions={need.assumptions}
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
                onChange={(e) => edit(a.id, e.target.value)}
              />
            )}
          />
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
