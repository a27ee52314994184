"use client";
// The planner: a scenario's posts, First Contact checklists, supervisors and assumptions, edited
// in the browser; the figures (lib/planner/compute.ts, the same pure engine the server uses)
// recompute on every edit with no server round trip. Save sends the whole scenario with the
// version it was loaded at; a conflict shows both versions and lets the user choose.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { computeScenario } from "@/lib/planner/compute";
import { isFirstContactRole, needOtPosts } from "@/lib/planner/first-contact";
import { checkScenarioDraft, toScenarioDraft, type ScenarioDraft } from "@/lib/planner/scenario-draft";
import { postToDraft, type FirstContactDraft, type PostDraft } from "@/lib/planner/post-draft";
import type { PlannerContext, ScenarioResults } from "@/lib/planner/types";
import { scenarioYears, type Supervisor } from "@/lib/schemas/scenario";
import type { StoredScenario } from "@/lib/server/scenarios/scenarios";
import type { AgeSexProfile, NeedOverrides } from "@/lib/need";
import { upliftSwitches } from "@/lib/planner/uplift";
import { ConflictView } from "./conflict";
import { FirstContactPanel } from "./first-contact";
import { HeadlineFigures } from "./headline";
import { freeId, hrefFor, when } from "./planner-links";
import { PlannerHeader } from "./planner-header";
import { AssumptionsEditorMemo, ScenarioDetailsMemo, SupervisorsEditorMemo } from "./planner-memo";
import { useLeaveWarning, useSettled } from "./planner-hooks";
import { PlannerPopulationNeed } from "./population-need";
import { PostsSection } from "./posts-section";
import type { RoleOption } from "./posts-table";
import { PrintAssumptions } from "./print-view";
import { CashFlowSection, ProjectionSection, SharesSection, SummarySection, SupervisionSection } from "./results";
import { SaveBar } from "./save-bar";
import { PlannerSection, SectionNav, usePlannerSection } from "./sections";
import { useScenarioSave } from "./use-scenario-save";
import { WorkforceSection } from "./workforce";

const PrintAssumptionsLater = memo(PrintAssumptions);

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

export function Planner({ scenario, contexts, today, roles, financialYears, need }: PlannerProps) {
  const [draft, setDraft] = useState<ScenarioDraft>(() => toScenarioDraft(scenario));
  const [yearIndex, setYearIndex] = useState(0);
  const { active: section } = usePlannerSection();
  const keyRef = useRef(1000);
  const nextKey = useCallback(() => `n${++keyRef.current}`, []);

  const check = useMemo(() => checkScenarioDraft(draft), [draft]);
  const { base, status, setStatus, conflict, showErrors, saving, dirty, save, takeTheirs, copyMine } = useScenarioSave(scenario, draft.name, check, setDraft);
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
  // The uplift switches price the plan both ways: only while the assumptions are open, deferred.
  const upliftInput = useDeferredValue(section === "assumptions" ? computable : null);
  const uplifts = useMemo(() => {
    if (!upliftInput) return [];
    try {
      return upliftSwitches(upliftInput, ctx);
    } catch {
      return [];
    }
  }, [upliftInput, ctx]);
  const upliftsPending = section === "assumptions" && upliftInput !== computable;

  useLeaveWarning(dirty);

  const set = useCallback(
    (patch: Partial<ScenarioDraft>) => {
      setDraft((d) => ({ ...d, ...patch }));
      setStatus((s) => (s.kind === "saved" ? { kind: "idle", message: "" } : s));
    },
    [setStatus],
  );
  const onAssumptions = useCallback((assumptions: ScenarioDraft["assumptions"]) => set({ assumptions }), [set]);
  const usedIds = () => new Set(draft.posts.map((p) => p.id));
  const addPosts = (posts: PostDraft[]) => set({ posts: [...draft.posts, ...posts] });

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
  const firstYearPosts = useMemo(() => new Map(computed.results?.years[0]?.posts.map((x) => [x.id, x])), [computed.results]);
  const postFigures = (p: PostDraft) => {
    const r = firstYearPosts.get(p.id);
    return r ? { cost: r.cost, claimable: r.claimable, pcnFunded: r.pcnFunded } : undefined;
  };
  const needYears = check.computable ? scenarioYears(check.computable.firstYear, check.computable.years) : [draft.firstYear];
  const capRoles = [...new Set([...draft.posts.map((p) => p.role), ...Object.keys(draft.assumptions.caps)])];

  return (
    <>
      <PlannerHeader scenarioId={scenario.id} dirty={dirty}>
        <ScenarioDetailsMemo draft={draft} errors={check.errors} financialYears={financialYears} set={set} />
      </PlannerHeader>

      <div className="app-planner-sticky" data-testid="planner-sticky">
        <SaveBar saving={saving} status={status} dirty={dirty} base={base} onSave={() => save(base.version)} />
        <SectionNav active={section} />
        {results ? <HeadlineFigures results={results} yearIndex={Math.min(yearIndex, results.years.length - 1)} onYear={setYearIndex} stale={!!computed.error} postsLeftOut={check.postsLeftOut} leftOutReasons={check.leftOutReasons} emptyTeamImportHref={draft.posts.some((p) => p.status === "existing") ? undefined : `/pcns/${encodeURIComponent(scenario.pcnCode)}/scenarios/${encodeURIComponent(scenario.id)}/import`} /> : null}
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
        <PostsSection
          draft={draft}
          check={check}
          roles={roles}
          today={today}
          defaultArea={ctx.defaultArea}
          setDraft={setDraft}
          set={set}
          nextKey={nextKey}
          figures={postFigures}
          laterInput={laterInput}
          laterYear={laterYear}
        />
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
          <SupervisorsEditorMemo draft={draft} errors={check.errors} set={set} nextKey={nextKey} />
        </div>
        {laterYear ? <SupervisionSection year={laterYear} names={supervisorNames} /> : null}
      </PlannerSection>
      <PlannerSection id="projection" title={"Projection year by year"} active={section}>
        <p>Years with published rules use them; later years are projected (the last year&apos;s rules with the pay award on pay and maxima, and the rate growth on the entitlement) and are labelled <strong className="nhsuk-tag nhsuk-tag--purple">Projection</strong>.</p>
        {later ? <ProjectionSection results={later} /> : null}
      </PlannerSection>
      <PlannerSection id="workforce" title={"Workforce"} active={section}>
        <p className="app-print-only nhsuk-body-s">The workforce month by month is in the CSV and XLSX downloads; each year&apos;s average WTE is in the projection.</p>
        {later ? <WorkforceSection results={later} /> : null}
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
          <AssumptionsEditorMemo
            value={draft.assumptions}
            firstYear={draft.firstYear}
            roles={capRoles}
            errors={check.errors}
            onChange={onAssumptions}
            uplifts={uplifts}
            upliftsPending={upliftsPending}
          />
        </div>
        <PrintAssumptionsLater input={laterInput} results={later} />
      </PlannerSection>
    </>
  );
}
