"use client";
// The planner's editors that an edit of a post leaves alone, memoised (issue 14 item 17): each
// re-renders only when its own part of the draft, its own errors or its callbacks change. The
// errors object is new on every edit, so each compares only the messages under its own prefix.
import { memo, type ComponentProps } from "react";
import { AssumptionsEditor } from "./assumptions";
import { ScenarioDetails } from "./planner-header";
import { SupervisorsEditorBlock } from "./supervisors";

/** The messages whose path starts with one of `prefixes`, as one string ("assumptions.payAward=…|…"). */
export function errorsUnder(errors: Record<string, string>, prefixes: readonly string[]): string {
  let out = "";
  for (const [k, m] of Object.entries(errors)) if (prefixes.some((p) => k.startsWith(p))) out += `${k}=${m}|`;
  return out;
}

type AssumptionsProps = ComponentProps<typeof AssumptionsEditor>;
export const AssumptionsEditorMemo = memo(
  AssumptionsEditor,
  (a: AssumptionsProps, b: AssumptionsProps) =>
    a.value === b.value &&
    a.firstYear === b.firstYear &&
    a.roles.join(" ") === b.roles.join(" ") &&
    a.onChange === b.onChange &&
    a.uplifts === b.uplifts &&
    a.upliftsPending === b.upliftsPending &&
    errorsUnder(a.errors, ["assumptions."]) === errorsUnder(b.errors, ["assumptions."]),
);

type SupervisorsProps = ComponentProps<typeof SupervisorsEditorBlock>;
export const SupervisorsEditorMemo = memo(
  SupervisorsEditorBlock,
  (a: SupervisorsProps, b: SupervisorsProps) =>
    a.draft.supervisors === b.draft.supervisors && a.set === b.set && a.nextKey === b.nextKey && errorsUnder(a.errors, ["supervisors"]) === errorsUnder(b.errors, ["supervisors"]),
);

type DetailsProps = ComponentProps<typeof ScenarioDetails>;
const DETAIL_FIELDS = ["name", "description", "firstYear", "years"] as const;
export const ScenarioDetailsMemo = memo(
  ScenarioDetails,
  (a: DetailsProps, b: DetailsProps) =>
    DETAIL_FIELDS.every((f) => a.draft[f] === b.draft[f] && a.errors[f] === b.errors[f]) && a.financialYears === b.financialYears && a.set === b.set,
);
