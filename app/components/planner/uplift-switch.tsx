"use client";
// The expected backdated uplift switch, one per year of the plan whose rules have an uplift table
// (2025/26: on by default, NHS England loaded it; 2026/27: off by default, not announced), saying
// in pounds what switching it on adds to that year's claimable for this plan.
import { StatusTag } from "@/app/components/ui/status-tag";
import { formatPounds } from "@/lib/format";
import type { UpliftSwitch } from "@/lib/planner/uplift";

export function upliftWords(u: UpliftSwitch): string {
  const fy = u.financialYear;
  if (u.switchedOnAdds <= 0) return `Switching it on adds nothing to this plan's claimable in ${fy}: every post already costs less than the lower maxima, or is not in post.`;
  const amount = formatPounds(u.switchedOnAdds);
  return u.on
    ? `It adds ${amount} of claimable to ${fy} for this plan; switching it off takes that away.`
    : `Switching it on adds ${amount} of claimable to ${fy} for this plan.`;
}

/** `isOn`: the switch as the draft has it now (the figures may still be catching up: `pending`). */
export function UpliftSwitches({
  switches,
  pending,
  isOn,
  onToggle,
}: {
  switches: UpliftSwitch[];
  pending: boolean;
  isOn: (u: UpliftSwitch) => boolean;
  onToggle: (u: UpliftSwitch, on: boolean) => void;
}) {
  if (!switches.length) return null;
  return (
    <div className="nhsuk-form-group" data-testid="uplift-switches">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Expected backdated uplift of the maxima</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {switches.map((u) => {
            const id = `assumption-uplift-${u.financialYear.replace("/", "-")}`;
            return (
              <div className="nhsuk-checkboxes__item" key={u.financialYear}>
                <input className="nhsuk-checkboxes__input" id={id} type="checkbox" checked={isOn(u)} aria-describedby={`${id}-hint`} onChange={(e) => onToggle(u, e.target.checked)} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  Apply the backdated uplift in {u.financialYear} <StatusTag status={u.defaultOn ? "derived" : "assumption"} />
                </label>
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`} data-testid={`${id}-effect`} aria-live="polite">
                  {u.title}. {u.defaultOn ? "On unless you switch it off: NHS England loaded it and backdated it." : "Off unless you switch it on: not announced, so an assumption."}{" "}
                  {pending || isOn(u) !== u.on ? "Working out what it adds…" : upliftWords(u)} An estimate, from this plan&apos;s posts.
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
