"use client";
// Saving a scenario from the planner: Save sends the whole scenario with the version it was loaded
// at; a conflict keeps both versions for the user to choose (keep mine, take theirs, copy mine into
// a new scenario). Nothing typed is lost: the draft stays until the user chooses.
import { useRouter } from "next/navigation";
import { useState, useTransition, type Dispatch, type SetStateAction } from "react";
import { createScenarioFromBodyAction, saveScenarioAction } from "@/app/pcns/[code]/scenarios/actions";
import { checkScenarioDraft, toScenarioDraft, type ScenarioDraft, type ScenarioDraftCheck } from "@/lib/planner/scenario-draft";
import type { StoredScenario } from "@/lib/server/scenarios/scenarios";
import { when } from "./planner-links";

export interface SaveStatus {
  kind: "idle" | "saved" | "error";
  message: string;
}

export interface SavedBase {
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** The saved scenario in the contract's input shape, as JSON: the draft is unsaved while it differs. */
  json: string;
}

/** Asked before saving the PCN's agreed plan (issue 17): its figures are what claims are prepared from. */
export const AGREED_SAVE_CONFIRM = "This is the PCN's agreed plan: saving changes the agreed figures that its claims are prepared from and compared against. Save anyway?";

export function useScenarioSave(scenario: StoredScenario, draftName: string, check: ScenarioDraftCheck, setDraft: Dispatch<SetStateAction<ScenarioDraft>>) {
  const router = useRouter();
  const [base, setBase] = useState<SavedBase>(() => ({ version: scenario.version, updatedAt: scenario.updatedAt, updatedBy: scenario.updatedBy?.name ?? null, json: JSON.stringify(checkScenarioDraft(toScenarioDraft(scenario)).input) }));
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle", message: "" });
  const [conflict, setConflict] = useState<{ message: string; current: StoredScenario } | null>(null);
  const [showErrors, setShowErrors] = useState(0);
  const [saving, startSaving] = useTransition();
  const dirty = JSON.stringify(check.input) !== base.json;

  const toSaveBody = (version: number) => ({ ...check.input, version });

  const applySaved = (saved: StoredScenario) => {
    setBase({ version: saved.version, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy?.name ?? null, json: JSON.stringify(check.input) });
    setConflict(null);
    setStatus({ kind: "saved", message: `Saved at ${when(saved.updatedAt)} (version ${saved.version}).` });
  };

  const save = (version: number) => {
    if (!check.body) {
      setShowErrors((n) => n + 1);
      setStatus({ kind: "error", message: "Not saved: correct the errors first." });
      return;
    }
    if (scenario.agreed && !window.confirm(AGREED_SAVE_CONFIRM)) return;
    startSaving(async () => {
      const r = await saveScenarioAction(scenario.id, toSaveBody(version));
      if (r.status === "saved") applySaved(r.scenario);
      else if (r.status === "conflict") {
        setConflict({ message: r.message, current: r.current });
        setStatus({ kind: "error", message: "Not saved: someone else saved first." });
      } else {
        setStatus({ kind: "error", message: r.status === "invalid" ? `Not saved: ${r.issues[0]?.message ?? r.message}` : r.message });
      }
    });
  };

  const takeTheirs = () => {
    if (!conflict) return;
    const c = conflict.current;
    const d = toScenarioDraft(c);
    setDraft(d);
    setBase({ version: c.version, updatedAt: c.updatedAt, updatedBy: c.updatedBy?.name ?? null, json: JSON.stringify(checkScenarioDraft(d).input) });
    setConflict(null);
    setStatus({ kind: "saved", message: `Loaded the saved version ${c.version}.` });
  };

  const copyMine = () => {
    startSaving(async () => {
      const r = await createScenarioFromBodyAction(scenario.pcnCode, { ...check.input, name: `${draftName} (my copy)`.slice(0, 120) });
      if (r.status === "created") {
        setBase((b) => ({ ...b, json: JSON.stringify(check.input) })); // nothing unsaved: it is in the new scenario
        router.push(`/pcns/${encodeURIComponent(r.pcnCode)}/scenarios/${encodeURIComponent(r.id)}`);
      } else setStatus({ kind: "error", message: r.message });
    });
  };

  return { base, status, setStatus, conflict, showErrors, saving, dirty, save, takeTheirs, copyMine };
}
