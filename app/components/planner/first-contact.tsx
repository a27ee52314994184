"use client";
// Beside every First Contact post: its roadmap status (qualified or in training, and why), its
// roadmap checklist (firstContactChecklist) with editable statuses, what is missing in words, and
// the named roadmap supervisor.
import { memo } from "react";
import { DateInput } from "@/app/components/ui/date-input";
import { ErrorMessage } from "@/app/components/ui/field";
import { CHECK_STATUSES, type CheckStatus, type RoadmapStatusValue } from "@/lib/schemas/scenario";
import { firstContactChecklist, planStartOf, roadmapStatus, ROADMAP_MONTHS, type ChecklistItem } from "@/lib/planner/first-contact";
import type { FirstContactDraft, PostDraft } from "@/lib/planner/post-draft";
import type { DraftCheck } from "@/lib/planner/post-draft";
import type { Supervisor } from "@/lib/schemas/scenario";
import { postName } from "./posts-table";

const STATUS_TEXT: Record<CheckStatus, string> = { "not-started": "Not started", "in-progress": "In progress", done: "Done" };
const STATUS_TAG: Record<CheckStatus, string> = { "not-started": "nhsuk-tag nhsuk-tag--grey", "in-progress": "nhsuk-tag nhsuk-tag--yellow", done: "nhsuk-tag nhsuk-tag--green" };

/** Re-rendered only when its post, its errors or the supervisors change. */
export const FirstContactPanel = memo(
  function FirstContactPanel(props: PanelProps) {
    return <Panel {...props} />;
  },
  (a, b) => a.post === b.post && a.index === b.index && a.firstYear === b.firstYear && a.check === b.check && a.supervisors === b.supervisors && a.onChange === b.onChange && errorsOf(a) === errorsOf(b),
);

interface PanelProps {
  post: PostDraft;
  /** The scenario's first financial year: an existing post that started ROADMAP_MONTHS before it is qualified. */
  firstYear: string;
  index: number;
  check: DraftCheck;
  supervisors: Supervisor[];
  errors: Record<string, string>;
  onChange: (key: string, patch: Partial<FirstContactDraft>) => void;
}

const errorsOf = (p: PanelProps) =>
  Object.entries(p.errors)
    .filter(([k]) => k.startsWith(`posts.${p.index}.firstContact.`))
    .map(([k, m]) => `${k}=${m}`)
    .join("|");

function Panel({
  post,
  firstYear,
  index,
  check,
  supervisors,
  errors,
  onChange,
}: {
  post: PostDraft;
  firstYear: string;
  index: number;
  check: DraftCheck;
  supervisors: Supervisor[];
  errors: Record<string, string>;
  onChange: (key: string, patch: Partial<FirstContactDraft>) => void;
}) {
  const fc = post.firstContact!;
  const update = (patch: Partial<FirstContactDraft>) => onChange(post.key, patch);
  const id = (f: string) => `fc-${post.key}-${f}`;
  const err = (f: string) => errors[`posts.${index}.firstContact.${f}`];
  const source = check.post ?? (check.input as never);
  let planStart = "";
  try {
    planStart = planStartOf(firstYear);
  } catch {
    // an unknown first year: the scenario shows that error; judge the roadmap from the checklist alone
  }
  const roadmap = roadmapStatus(source, planStart);
  const items: ChecklistItem[] = firstContactChecklist({ firstContact: source.firstContact }, supervisors, roadmap);
  const done = items.filter((i) => i.status === "done").length;
  const statusSelect = (field: "hcpcRegistration" | "stage1" | "stage2", text: string) => (
    <div className="nhsuk-form-group app-compact-group">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id(field)}>
        {text}
      </label>
      <select className="nhsuk-select" id={id(field)} value={fc[field]} onChange={(e) => update({ [field]: e.target.value as CheckStatus })}>
        {CHECK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_TEXT[s]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="nhsuk-card app-fc-card" id={`fc-${post.key}`} aria-labelledby={`fc-${post.key}-title`} data-testid="fc-checklist">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`fc-${post.key}-title`}>
          First Contact checklist: {postName(post, index)}
          <span className="nhsuk-body-s app-basis">
            {roadmap.status === "qualified" ? "Qualified" : "In roadmap training"}: {done} of {items.length} done
          </span>
        </h3>
        <p className="nhsuk-body-s" data-testid="fc-roadmap" data-roadmap={roadmap.status}>
          {roadmap.text}
        </p>
        <ul className="nhsuk-list app-checklist">
          {items.map((i) => (
            <li key={i.id}>
              <strong className={STATUS_TAG[i.status]}>{STATUS_TEXT[i.status]}</strong> {i.label}
              {i.missing ? <span className="nhsuk-body-s app-basis">{i.missing}</span> : null}
            </li>
          ))}
        </ul>
        <details className="nhsuk-details nhsuk-u-margin-bottom-0">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Update the checklist<span className="nhsuk-u-visually-hidden"> of {postName(post, index)}</span>
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <div className="nhsuk-form-group app-compact-group">
              <label className="nhsuk-label nhsuk-label--s" htmlFor={id("roadmap")}>
                Roadmap status
              </label>
              <div className="nhsuk-hint" id={id("roadmap-hint")}>
                An existing post that started {ROADMAP_MONTHS} months or more before the plan is taken as qualified.
              </div>
              <select className="nhsuk-select" aria-describedby={id("roadmap-hint")} id={id("roadmap")} value={fc.roadmap} onChange={(e) => update({ roadmap: e.target.value as "" | RoadmapStatusValue })}>
                <option value="">Work it out from Stage 2 and the start date</option>
                <option value="qualified">Qualified: clinical supervision only</option>
                <option value="in-training">In roadmap training</option>
              </select>
            </div>
            <div className="app-inline-fields">
              {statusSelect("hcpcRegistration", "HCPC registration")}
              <div className={`nhsuk-form-group app-compact-group${err("yearsRegistered") ? " nhsuk-form-group--error" : ""}`}>
                <label className="nhsuk-label nhsuk-label--s" htmlFor={id("yearsRegistered")}>
                  Years since registration
                </label>
                {err("yearsRegistered") ? <ErrorMessage id={`${id("yearsRegistered")}-error`}>{err("yearsRegistered")}</ErrorMessage> : null}
                <input
                  className={`nhsuk-input nhsuk-input--width-3${err("yearsRegistered") ? " nhsuk-input--error" : ""}`}
                  id={id("yearsRegistered")}
                  inputMode="decimal"
                  value={fc.yearsRegistered}
                  onChange={(e) => update({ yearsRegistered: e.target.value })}
                  {...(err("yearsRegistered") ? { "aria-describedby": `${id("yearsRegistered")}-error` } : {})}
                />
              </div>
              {statusSelect("stage1", "Roadmap Stage 1")}
              {statusSelect("stage2", "Roadmap Stage 2 sign-off")}
              <div className="nhsuk-form-group app-compact-group">
                <label className="nhsuk-label nhsuk-label--s" htmlFor={id("supervisorId")}>
                  Roadmap supervisor
                </label>
                <select className="nhsuk-select" id={id("supervisorId")} value={fc.supervisorId} onChange={(e) => update({ supervisorId: e.target.value })}>
                  <option value="">None named</option>
                  {supervisors.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name || s.id}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <DateInput
              id={id("stage2SignOff")}
              legend="Stage 2 sign-off (done or expected)"
              hint="Roadmap supervision runs until then; clinical supervision after it."
              error={err("stage2SignOff")}
              value={fc.stage2SignOff}
              onChange={(stage2SignOff) => update({ stage2SignOff })}
            />
          </div>
        </details>
      </div>
    </section>
  );
}
