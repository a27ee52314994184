"use client";
// The planner: a scenario's posts, First Contact checklists, supervisors and assumptions, edited
// in the browser; the figures (lib/planner/compute.ts, the same pure engine the server uses)
// recompute on every edit with no server round trip. Save sends the whole scenario with the
// version it was loaded at; a conflict shows both versions and lets the user choose.
import { useRouter } from "next/navigation";
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { createScenarioFromBodyAction, saveScenarioAction } from "@/app/pcns/[code]/scenarios/actions";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { computeScenario } from "@/lib/planner/compute";
import { firstContactOtPost, isFirstContactRole, needOtPosts } from "@/lib/planner/first-contact";
import { checkScenarioDraft, toScenarioDraft, type ScenarioDraft, type SupervisorDraft } from "@/lib/planner/scenario-draft";
import { newPostDraft, postToDraft, type FirstContactDraft, type PostDraft } from "@/lib/planner/post-draft";
import type { PlannerContext, ScenarioResults } from "@/lib/planner/types";
import { scenarioYears, type ScenarioPostInput, type Supervisor } from "@/lib/schemas/scenario";
import type { StoredScenario } from "@/lib/server/scenarios/scenarios";
import { AssumptionsEditor } from "./assumptions";
import { ConflictView } from "./conflict";
import { CsvImport } from "./csv-import";
import { FirstContactPanel } from "./first-contact";
import { PostsTable, type RoleOption } from "./posts-table";
import { freeId, hrefFor, when } from "./planner-links";
import { PlannerHeader, ScenarioDetails } from "./planner-header";
import { HeadlineFigures } from "./headline";
import { PlannerSection, SectionNav, usePlannerSection } from "./sections";
import { PrintAssumptions, PrintPosts } from "./print-view";

const PrintPostsLater = memo(PrintPosts);
const PrintAssumptionsLater = memo(PrintAssumptions);
import { CashFlowSection, ProjectionSection, SharesSection, SummarySection, SupervisionSection } from "./results";
import { SupervisorsEditor } from "./supervisors";
import { PlannerPopulationNeed } from "./population-need";
import type { AgeSexProfile, NeedOverrides } from "@/lib/need";

export interface PlannerProps {
  scenario: StoredScenario;
  /** The planner context for each year the scenario could start in (the first year may be changed). */
  contexts: Record<string, PlannerContext>;
  /** The server's date (YYYY-MM-DD): "Add a First Contact OT" starts on the 1st of next month. */
  today: string;
  roles: RoleOption[];
  financialYears: string[];
  /** The PCN's latest age/sex profile, for the population-need section (null: none stored). */
  need?: { profile: AgeSexProfile | null; profileDate: string | null };
}

/** Asked before saving the PCN's agreed plan (issue 17): its figures are what claims are prepared from. */
export const AGREED_SAVE_CONFIRM = "This is the PCN's agreed plan: saving changes the agreed figures that its claims are prepared from and compared against. Save anyway?";

/** How long after the last edit the charts, long tables and print views catch up. */
const SETTLE_MS = 200;

/** `value`, once it has stopped changing for SETTLE_MS (the first value at once). */
function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(t);
  }, [value, settled]);
  return settled;
}

export function Planner({ scenario, contexts, today, roles, financialYears, need }: PlannerProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<ScenarioDraft>(() => toScenarioDraft(scenario));
  const [base, setBase] = useState(() => ({ version: scenario.version, updatedAt: scenario.updatedAt, updatedBy: scenario.updatedBy?.name ?? null, json: JSON.stringify(checkScenarioDraft(toScenarioDraft(scenario)).input) }));
  const [status, setStatus] = useState<{ kind: "idle" | "saved" | "error"; message: string }>({ kind: "idle", message: "" });
  const [conflict, setConflict] = useState<{ message: string; current: StoredScenario } | null>(null);
  const [showErrors, setShowErrors] = useState(0);
  const [yearIndex, setYearIndex] = useState(0);
  const { active: section } = usePlannerSection();
  const [saving, startSaving] = useTransition();
  const keyRef = useRef(1000);
  const nextKey = () => `n${++keyRef.current}`;

  const check = useMemo(() => checkScenarioDraft(draft), [draft]);
  const dirty = JSON.stringify(check.input) !== base.json;
  const ctx = contexts[draft.firstYear] ?? contexts[scenario.firstYear] ?? Object.values(contexts)[0]!;

  // Recompute on every edit, in this render (a 50-post, 5-year plan takes a few milliseconds). Not
  // deferred: a deferred render that meets a chart still loading would hold back the new figures.
  const computable = check.computable;
  const lastGood = useRef<ScenarioResults | null>(null);
  const computed = useMemo(() => {
    if (!computable) return { results: null, error: "The figures cannot be calculated until the errors are corrected." };
    try {
      return { results: computeScenario(computable, ctx), error: null };
    } catch (e) {
      return { results: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [computable, ctx]);
  useEffect(() => {
    if (computed.results) lastGood.current = computed.results;
  }, [computed.results]);
  // eslint-disable-next-line react-hooks/refs -- the last good results are shown (labelled) while the draft cannot be calculated
  const results = computed.results ?? lastGood.current;
  // The summary list follows each edit at once; the charts and long tables once the typing pauses
  // (SETTLE_MS after the last edit; then deferred, and memoised so an edit's own render skips
  // them). Redrawing the charts on every keystroke took most of an edit's time (issue 14 item 17).
  const later = useDeferredValue(useSettled(results));

  // Warn before leaving with unsaved changes (reload, close, and links inside the app).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target || a.hasAttribute("download") || e.defaultPrevented) return;
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || (url.pathname === location.pathname && url.hash)) return;
      if (!window.confirm("You have unsaved changes to this scenario. Leave without saving?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  const set = (patch: Partial<ScenarioDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus((s) => (s.kind === "saved" ? { kind: "idle", message: "" } : s));
  };
  const updatePost = (key: string, patch: Partial<PostDraft>) => setDraft((d) => ({ ...d, posts: d.posts.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  const usedIds = () => new Set(draft.posts.map((p) => p.id));
  const addPosts = (posts: PostDraft[]) => set({ posts: [...draft.posts, ...posts] });

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
      const r = await createScenarioFromBodyAction(scenario.pcnCode, { ...check.input, name: `${draft.name} (my copy)`.slice(0, 120) });
      if (r.status === "created") {
        setBase((b) => ({ ...b, json: JSON.stringify(check.input) })); // nothing unsaved: it is in the new scenario
        router.push(`/pcns/${encodeURIComponent(r.pcnCode)}/scenarios/${encodeURIComponent(r.id)}`);
      } else setStatus({ kind: "error", message: r.message });
    });
  };

  const errorList = Object.entries(check.errors);
  const laterYear = later?.years[Math.min(yearIndex, later.years.length - 1)];
  const supervisorNames = useMemo(() => Object.fromEntries(draft.supervisors.map((s) => [s.id, s.name || s.id])), [draft.supervisors]);
  const onNeed = useCallback(
    (next: NeedOverrides | undefined) =>
      setDraft((d) => {
        const { need: _old, ...kept } = d.assumptions.kept;
        return { ...d, assumptions: { ...d.assumptions, kept: next ? { ...kept, need: next } : kept } };
      }),
    [],
  );
  const onShareBasis = useCallback((shareBasis: "weighted" | "registered") => setDraft((d) => ({ ...d, assumptions: { ...d.assumptions, shareBasis } })), []);
  const supervisorsForSelect: Supervisor[] = useMemo(() => draft.supervisors.map((s) => ({ id: s.id, name: s.name, wte: Number(s.wte) || 1 })), [draft.supervisors]);
  const onFirstContact = useCallback(
    (key: string, patch: Partial<FirstContactDraft>) =>
      setDraft((d) => ({ ...d, posts: d.posts.map((p) => (p.key === key && p.firstContact ? { ...p, firstContact: { ...p.firstContact, ...patch } } : p)) })),
    [],
  );
  // The print-only views follow the deferred results (and are skipped by an edit's own render).
  const laterInput = useDeferredValue(useSettled(check.input));
  const postFigures = (p: PostDraft) => {
    const r = computed.results?.years[0]?.posts.find((x) => x.id === p.id);
    return r ? { cost: r.cost, claimable: r.claimable, pcnFunded: r.pcnFunded } : undefined;
  };
  const needYears = check.computable ? scenarioYears(check.computable.firstYear, check.computable.years) : [draft.firstYear];
  const capRoles = [...new Set([...draft.posts.map((p) => p.role), ...Object.keys(draft.assumptions.caps)])];

  return (
    <>
      <PlannerHeader scenarioId={scenario.id} dirty={dirty}>
        <ScenarioDetails draft={draft} errors={check.errors} financialYears={financialYears} set={set} />
      </PlannerHeader>

      <div className="app-planner-sticky" data-testid="planner-sticky">
        <div className="app-save-bar" data-testid="save-bar">
          <button type="button" className="nhsuk-button app-save-bar__button" onClick={() => save(base.version)} disabled={saving} aria-describedby="save-status">
            {saving ? "Saving…" : "Save"}
          </button>
          <p className="app-save-bar__status" id="save-status" role="status" data-testid="save-status">
            {saving
              ? "Saving…"
              : status.kind === "error"
                ? status.message
                : dirty
                  ? "Unsaved changes"
                  : status.kind === "saved"
                    ? status.message
                    : `Saved (version ${base.version}${base.updatedBy ? `, by ${base.updatedBy}` : ""}, ${when(base.updatedAt)})`}
          </p>
        </div>
        <SectionNav active={section} />
        {results ? <HeadlineFigures results={results} yearIndex={Math.min(yearIndex, results.years.length - 1)} onYear={setYearIndex} stale={!!computed.error} postsLeftOut={check.postsLeftOut} leftOutReasons={check.leftOutReasons} /> : null}
      </div>
      {conflict ? (
        <ConflictView
          message={conflict.message}
          mine={check.input as never}
          theirs={conflict.current}
          theirsBy={conflict.current.updatedBy ? `saved by ${conflict.current.updatedBy.name}, ${when(conflict.current.updatedAt)}` : when(conflict.current.updatedAt)}
          busy={saving}
          onKeepMine={() => save(conflict.current.version)}
          onTakeTheirs={takeTheirs}
          onCopyMine={copyMine}
        />
      ) : null}

      {showErrors && errorList.length ? (
        <ErrorSummary titleId="planner-error-title" focusKey={showErrors} description="Correct these, then save again:" items={errorList.map(([path, m]) => ({ key: path, href: hrefFor(path, draft), text: m }))} />
      ) : null}

      {computed.error ? (
        <div className="nhsuk-inset-text" data-testid="compute-error">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {computed.error}
            {results ? " The figures shown are from before your last change." : ""}
          </p>
        </div>
      ) : null}
      <PlannerSection id="posts" title={"Posts"} active={section}>
        <PrintPostsLater input={laterInput} year={laterYear} />
        <div className="nhsuk-button-group app-no-print">
          <button
            type="button"
            className="nhsuk-button"
            data-testid="add-fcot"
            onClick={() => {
              const id = freeId(usedIds(), "fcot");
              addPosts([postToDraft(firstContactOtPost(today, ctx.defaultArea, id), nextKey())]);
            }}
          >
            Add a First Contact OT
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => addPosts([newPostDraft(nextKey(), freeId(usedIds(), "post"), "clinical-pharmacist", ctx.defaultArea)])}>
            Add a post
          </button>
        </div>
        <div className="app-no-print">
          <PostsTable
            posts={draft.posts}
            errors={check.errors}
            roles={roles}
            supervisors={draft.supervisors.map((s) => ({ id: s.id, name: s.name }))}
            financialYear={draft.firstYear}
            figures={postFigures}
            onChange={updatePost}
            onDuplicate={(key) => {
              const newKey = nextKey();
              setDraft((d) => {
                const i = d.posts.findIndex((p) => p.key === key);
                const p = d.posts[i];
                if (!p) return d;
                const copy = { ...structuredClone(p), key: newKey, id: freeId(new Set(d.posts.map((x) => x.id)), "post"), label: p.label ? `${p.label} (copy)` : "" };
                return { ...d, posts: [...d.posts.slice(0, i + 1), copy, ...d.posts.slice(i + 1)] };
              });
            }}
            onRemove={(key) => setDraft((d) => ({ ...d, posts: d.posts.filter((p) => p.key !== key) }))}
            onReorder={(posts) => set({ posts })}
          />
        </div>
        <details className="nhsuk-details app-no-print">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Add posts from a CSV (paste or upload)</span>
          </summary>
          <div className="nhsuk-details__text">
            <CsvImport
              onAdd={(posts: ScenarioPostInput[]) => {
                const used = usedIds();
                addPosts(
                  posts.map((p) => {
                    const id = freeId(used, "post");
                    used.add(id);
                    return postToDraft({ ...p, id }, nextKey());
                  }),
                );
              }}
            />
          </div>
        </details>
      </PlannerSection>
      <PlannerSection id="summary" title={"Year in detail"} active={section}>
        <p className="nhsuk-body-s">
          Weighted population {ctx.weightedPopulation.value.toLocaleString("en-GB")} (
          {[ctx.weightedPopulation.provenance === "estimate" ? "estimate" : null, ctx.weightedPopulation.basis ?? (ctx.weightedPopulation.provenance === "given" ? "as entered" : "imported figure")].filter(Boolean).join(": ")}).
        </p>
        {results ? <SummarySection results={results} chartResults={later} yearIndex={Math.min(yearIndex, results.years.length - 1)} postsLeftOut={check.postsLeftOut} leftOutReasons={check.leftOutReasons} /> : null}
      </PlannerSection>
      <PlannerSection id="population-need" title={"Population need"} active={section}>
        <PlannerPopulationNeed
          profile={need?.profile ?? null}
          profileDate={need?.profileDate ?? null}
          overrides={draft.assumptions.kept.need}
          onChange={onNeed}
          posts={check.computable?.posts ?? []}
          years={needYears}
          onAddPosts={(plans) => {
            const used = usedIds();
            const newId = () => {
              const id = freeId(used, "fcot");
              used.add(id);
              return id;
            };
            addPosts(needOtPosts(plans, needYears, today, ctx.defaultArea, newId).map((post) => postToDraft(post, nextKey())));
          }}
        />
      </PlannerSection>
      <PlannerSection id="first-contact" title={"First Contact posts"} active={section}>
        {draft.posts.some((p) => p.firstContact && isFirstContactRole(p.role)) ? (
          <div className="app-fc-grid">
            {draft.posts.map((p, i) =>
              p.firstContact && isFirstContactRole(p.role) ? (
                <FirstContactPanel
                  key={p.key}
                  post={p}
                  firstYear={draft.firstYear}
                  index={i}
                  check={check.posts[i]!}
                  supervisors={supervisorsForSelect}
                  errors={check.errors}
                  onChange={onFirstContact}
                />
              ) : null,
            )}
          </div>
        ) : (
          <p>No First Contact posts. First Contact roles (OT, physiotherapist, dietitian, podiatrist, paramedic) get a roadmap checklist here.</p>
        )}
      </PlannerSection>
      <PlannerSection id="supervision" title={"Supervision"} active={section}>
        <div className="app-no-print">
          <SupervisorsEditorBlock draft={draft} errors={check.errors} set={set} nextKey={nextKey} />
        </div>
        {laterYear ? <SupervisionSection year={laterYear} names={supervisorNames} /> : null}
      </PlannerSection>
      <PlannerSection id="projection" title={"Projection year by year"} active={section}>
        <p>Years with published rules use them; later years are projected (the last year&apos;s rules with the pay award on pay and maxima, and the rate growth on the entitlement) and are labelled <strong className="nhsuk-tag nhsuk-tag--purple">Projection</strong>.</p>
        {later ? <ProjectionSection results={later} /> : null}
      </PlannerSection>
      <PlannerSection id="cash-flow" title={"Cash flow"} active={section}>
        {later ? <CashFlowSection results={later} /> : null}
      </PlannerSection>
      <PlannerSection id="shares" title={"Practices' shares"} active={section}>
        <p>The PCN-funded cost and the unfunded supervision cost split across the member practices, so the PCN can recharge its top-up.</p>
        {laterYear ? <SharesSection year={laterYear} basis={draft.assumptions.shareBasis || "weighted"} onBasis={onShareBasis} /> : null}
      </PlannerSection>
      <PlannerSection id="assumptions" title={"Assumptions"} active={section}>
        <div className="app-no-print">
          <AssumptionsEditor value={draft.assumptions} firstYear={draft.firstYear} roles={capRoles} errors={check.errors} onChange={(assumptions) => set({ assumptions })} />
        </div>
        <PrintAssumptionsLater input={laterInput} results={later} />
      </PlannerSection>
    </>
  );
}

function SupervisorsEditorBlock({ draft, errors, set, nextKey }: { draft: ScenarioDraft; errors: Record<string, string>; set: (p: Partial<ScenarioDraft>) => void; nextKey: () => string }) {
  return (
    <SupervisorsEditor
      supervisors={draft.supervisors}
      errors={errors}
      onChange={(key, patch) => set({ supervisors: draft.supervisors.map((s) => (s.key === key ? { ...s, ...patch } : s)) })}
      onAdd={() => {
        const used = new Set(draft.supervisors.map((s) => s.id));
        const s: SupervisorDraft = { key: nextKey(), id: freeId(used, "sup"), name: "", wte: "1.0", kind: "" };
        set({ supervisors: [...draft.supervisors, s] });
      }}
      onRemove={(key) => set({ supervisors: draft.supervisors.filter((s) => s.key !== key) })}
    />
  );
}

