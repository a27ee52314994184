"use client";
// The planner's posts section: add a First Contact OT or any post, the posts table, posts from a
// CSV, and (for print) the posts with their figures.
import { memo, useCallback, type Dispatch, type SetStateAction } from "react";
import { firstContactOtPost } from "@/lib/planner/first-contact";
import { newPostDraft } from "@/lib/planner/new-post-draft";
import { postToDraft, type PostDraft } from "@/lib/planner/post-draft";
import type { ScenarioDraft, ScenarioDraftCheck } from "@/lib/planner/scenario-draft";
import type { PlannerContext, YearResult } from "@/lib/planner/types";
import type { ScenarioBodyInput, ScenarioPostInput } from "@/lib/schemas/scenario";
import { CsvImport } from "./csv-import";
import { freeId } from "./planner-links";
import { PostsTable, type RoleOption } from "./posts-table";
import { PrintPosts } from "./print-view";

const PrintPostsLater = memo(PrintPosts);

export interface PostsSectionProps {
  draft: ScenarioDraft;
  check: ScenarioDraftCheck;
  roles: RoleOption[];
  /** The server's date (YYYY-MM-DD): "Add a First Contact OT" starts on the 1st of next month. */
  today: string;
  defaultArea: PlannerContext["defaultArea"];
  setDraft: Dispatch<SetStateAction<ScenarioDraft>>;
  /** Changes the draft and clears a "Saved" status. */
  set: (patch: Partial<ScenarioDraft>) => void;
  nextKey: () => string;
  /** The post's first-year figures, when it is priced. */
  figures: (p: PostDraft) => { cost: number; claimable: number; pcnFunded: number } | undefined;
  /** The print view's input and year: the settled, deferred ones. */
  laterInput: ScenarioBodyInput;
  laterYear: YearResult | undefined;
}

export function PostsSection({ draft, check, roles, today, defaultArea, setDraft, set, nextKey, figures, laterInput, laterYear }: PostsSectionProps) {
  const usedIds = () => new Set(draft.posts.map((p) => p.id));
  const addPosts = (posts: PostDraft[]) => set({ posts: [...draft.posts, ...posts] });
  // Stable callbacks keyed by the post's key (the rows are memoised on them); each updates the
  // draft functionally and keeps every other post's object, so only the edited row re-renders.
  const updatePost = useCallback((key: string, patch: Partial<PostDraft>) => setDraft((d) => ({ ...d, posts: d.posts.map((p) => (p.key === key ? { ...p, ...patch } : p)) })), [setDraft]);
  const duplicatePost = useCallback(
    (key: string) => {
      const newKey = nextKey();
      setDraft((d) => {
        const i = d.posts.findIndex((p) => p.key === key);
        const p = d.posts[i];
        if (!p) return d;
        const copy = { ...structuredClone(p), key: newKey, id: freeId(new Set(d.posts.map((x) => x.id)), "post"), label: p.label ? `${p.label} (copy)` : "" };
        return { ...d, posts: [...d.posts.slice(0, i + 1), copy, ...d.posts.slice(i + 1)] };
      });
    },
    [setDraft, nextKey],
  );
  const removePost = useCallback((key: string) => setDraft((d) => ({ ...d, posts: d.posts.filter((p) => p.key !== key) })), [setDraft]);
  return (
    <>
      <PrintPostsLater input={laterInput} year={laterYear} />
      <div className="nhsuk-button-group app-no-print">
        <button
          type="button"
          className="nhsuk-button"
          data-testid="add-fcot"
          onClick={() => {
            const id = freeId(usedIds(), "fcot");
            addPosts([postToDraft(firstContactOtPost(today, defaultArea, id), nextKey())]);
          }}
        >
          Add a First Contact OT
        </button>
        <button type="button" id="add-post" className="nhsuk-button nhsuk-button--secondary" onClick={() => addPosts([newPostDraft(nextKey(), freeId(usedIds(), "post"), "clinical-pharmacist", defaultArea)])}>
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
          figures={figures}
          onChange={updatePost}
          onDuplicate={duplicatePost}
          onRemove={removePost}
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
    </>
  );
}
