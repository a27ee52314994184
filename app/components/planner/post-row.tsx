"use client";
// One post of the posts table: its main cells and, under them, its "More" fields. Memoised: an
// edit re-renders the edited row, not all fifty (issue 14 item 17). Its cells are rendered here
// directly (not through the table library's flexRender, which mounts each cell function as a
// component: new functions on every render remounted the edited row's inputs on each keystroke).
import { memo } from "react";
import type { PostDraft } from "@/lib/planner/post-draft";
import { postCells, postName, type PostFigures, type RoleOption, type Row } from "./post-cells";
import { SIZE_LABELS } from "./post-extra-cells";

export interface PostRowProps {
  post: PostDraft;
  index: number;
  /** The draft's errors ("posts.2.wte" → message); the row re-renders when `errorsKey` changes. */
  errors: Record<string, string>;
  /** This row's errors as one string: what the memo compares (the errors object is new on every edit). */
  errorsKey: string;
  figures: PostFigures | undefined;
  /** The visible columns in order (the row's cells follow them). */
  columns: readonly { id: string; header: string }[];
  roles: RoleOption[];
  supervisors: { id: string; name: string }[];
  /** The supervisors' ids and names as one string: what the memo compares. */
  supervisorsKey: string;
  open: boolean;
  /** Stable callbacks keyed by the post's key; they update the draft functionally, so a row that was skipped never acts on an old copy. */
  onChange: (key: string, patch: Partial<PostDraft>) => void;
  onToggle: (key: string) => void;
  onDuplicate: (key: string) => void;
  onRemove: (key: string) => void;
}

const sameColumns = (a: PostRowProps["columns"], b: PostRowProps["columns"]) => a === b || (a.length === b.length && a.every((c, i) => c.id === b[i]!.id && c.header === b[i]!.header));

/** Whether a row can skip re-rendering: nothing it shows has changed. */
export function samePostRow(a: PostRowProps, b: PostRowProps): boolean {
  return (
    a.post === b.post &&
    a.index === b.index &&
    a.errorsKey === b.errorsKey &&
    a.figures?.cost === b.figures?.cost &&
    a.figures?.claimable === b.figures?.claimable &&
    a.figures?.pcnFunded === b.figures?.pcnFunded &&
    a.supervisorsKey === b.supervisorsKey &&
    a.roles === b.roles &&
    a.open === b.open &&
    a.onChange === b.onChange &&
    a.onToggle === b.onToggle &&
    a.onDuplicate === b.onDuplicate &&
    a.onRemove === b.onRemove &&
    sameColumns(a.columns, b.columns)
  );
}

export const PostRow = memo(function PostRow({ post, index, errors, figures, columns, roles, supervisors, open, onChange, onToggle, onDuplicate, onRemove }: PostRowProps) {
  const cells = postCells({ errors, roles, supervisors, onChange });
  const r: Row = { post, index };
  const name = postName(post, index);
  const cell = (id: string) => {
    switch (id) {
      case "label":
        return cells.label(r);
      case "role":
        return cells.role(r);
      case "wte":
        return cells.wte(r);
      case "start":
        return cells.start(r);
      case "cost":
        return cells.cost(figures);
      case "actions":
        return (
          <div className="app-row-actions">
            <button type="button" className="app-link-button app-link-button--blue" aria-expanded={open} aria-controls={`post-${post.key}-more`} onClick={() => onToggle(post.key)} data-testid="post-more">
              {open ? "Less" : "More"}
              <span className="nhsuk-u-visually-hidden"> about {name}</span>
            </button>
            <button type="button" className="app-link-button app-link-button--blue" onClick={() => onDuplicate(post.key)}>
              Duplicate<span className="nhsuk-u-visually-hidden"> {name}</span>
            </button>
            <button type="button" className="app-link-button app-link-button--blue" onClick={() => onRemove(post.key)}>
              Remove<span className="nhsuk-u-visually-hidden"> {name}</span>
            </button>
          </div>
        );
      default:
        return null;
    }
  };
  return (
    <tbody className="nhsuk-table__body app-post">
      <tr className="app-post__main" data-post-key={post.key}>
        {columns.map((c) => (
          <td key={c.id} className={`app-posts-table__${c.id}`} data-label={c.id === "actions" ? undefined : c.id === "wte" ? SIZE_LABELS[post.sizeUnit] : c.header}>
            {cell(c.id)}
          </td>
        ))}
      </tr>
      <tr className="app-post__more" hidden={!open}>
        <td colSpan={columns.length} id={`post-${post.key}-more`} className="app-post-more">
          <div className="app-post-more__grid">
            {cells.status(r)}
            {cells.salary(r)}
            {cells.area(r)}
            {cells.end(r)}
            {cells.nextPayStep(r)}
            {cells.supervisor(r)}
            {cells.extra(r)}
          </div>
        </td>
      </tr>
    </tbody>
  );
}, samePostRow);
