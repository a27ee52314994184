"use client";
// The scenario's posts as an editable table (@tanstack/react-table). The main columns (label,
// role, WTE, start, cost) and the row's actions fit a laptop; each row's other fields (status,
// salary, area, end, next pay step, supervisor) open under it with "More" (and open by
// themselves when one has an error). The label column stays in view if the table scrolls; on a
// phone each post is a card. Sort reorders the posts once (a row never jumps while being typed
// in); existing/proposed filter; duplicate and remove per row. Cells: post-cells.tsx.
import { memo, useMemo, useState, type ReactNode } from "react";
import { createColumnHelper, flexRender, getCoreRowModel, getFilteredRowModel, useReactTable, type ColumnFiltersState, type SortingState, type Updater } from "@tanstack/react-table";
import { isRoleId, ROLES } from "@/lib/engine/roles";
import { dateInputToIso } from "@/lib/date-input";
import type { PostDraft } from "@/lib/planner/post-draft";
import { HEADER, postCells, postName, SECONDARY_FIELDS, type PostFigures, type RoleOption, type Row } from "./post-cells";

export { postFieldId, postName, type PostFigures, type RoleOption } from "./post-cells";

const col = createColumnHelper<Row>();

function salaryText(p: PostDraft): string {
  return p.salaryMode === "salary" ? p.annualSalary.padStart(12, "0") : `band ${p.band.padStart(3, "0")} ${p.point.padStart(3, "0")}`;
}

/** Sort keys per sortable column. */
function sortKey(id: string, p: PostDraft, figures: (p: PostDraft) => PostFigures | undefined): string | number {
  switch (id) {
    case "label":
      return p.label.toLowerCase();
    case "role":
      return isRoleId(p.role) ? ROLES[p.role].name : p.role;
    case "status":
      return p.status;
    case "salary":
      return salaryText(p);
    case "wte":
      return Number(p.wte) || 0;
    case "start":
      return dateInputToIso(p.start).iso || "0000";
    case "end":
      return dateInputToIso(p.end).iso || "9999";
    case "cost":
      return figures(p)?.cost ?? -1;
    default:
      return 0;
  }
}

export function PostsTable({
  posts,
  errors,
  roles,
  supervisors,
  financialYear,
  figures,
  onChange,
  onDuplicate,
  onRemove,
  onReorder,
}: {
  posts: PostDraft[];
  /** "posts.2.wte" → message. */
  errors: Record<string, string>;
  roles: RoleOption[];
  supervisors: { id: string; name: string }[];
  financialYear: string;
  figures: (p: PostDraft) => PostFigures | undefined;
  onChange: (key: string, patch: Partial<PostDraft>) => void;
  onDuplicate: (key: string) => void;
  onRemove: (key: string) => void;
  onReorder: (posts: PostDraft[]) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  /** A row's "More" fields are open when asked for, or when one of them has an error (so its message and the error summary's link reach it). */
  const moreErrors = (r: Row) => SECONDARY_FIELDS.some((f) => errors[`posts.${r.index}.${f}`]);
  const isOpen = (r: Row) => expanded.has(r.post.key) || moreErrors(r);
  // Tell screen reader users what an add / duplicate / remove / CSV did (a polite live region).
  const keys = posts.map((p) => p.key).join(" ");
  const [seen, setSeen] = useState({ keys, message: "" });
  if (seen.keys !== keys) {
    const before = new Set(seen.keys.split(" ").filter(Boolean));
    const added = posts.filter((p) => !before.has(p.key));
    const removed = before.size - (posts.length - added.length);
    const message =
      added.length === 1
        ? `Added ${postName(added[0]!, posts.indexOf(added[0]!))}. ${posts.length} posts.`
        : added.length > 1
          ? `Added ${added.length} posts. ${posts.length} posts.`
          : removed > 0
            ? `Removed ${removed === 1 ? "a post" : `${removed} posts`}. ${posts.length} posts.`
            : "Posts reordered.";
    setSeen({ keys, message });
  }
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const statusFilter = (columnFilters.find((f) => f.id === "status")?.value as string | undefined) ?? "all";

  const cells = postCells({ errors, roles, supervisors, onChange });
  const columns = [
    col.accessor((r) => r.post.label, { id: "label", header: HEADER.label, cell: (c) => cells.label(c.row.original) }),
    col.accessor((r) => r.post.role, { id: "role", header: HEADER.role, cell: (c) => cells.role(c.row.original) }),
    col.accessor((r) => r.post.status, { id: "status", header: HEADER.status, filterFn: (row, _id, value) => value === "all" || row.original.post.status === value }),
    col.accessor((r) => r.post.wte, { id: "wte", header: HEADER.wte, cell: (c) => cells.wte(c.row.original) }),
    col.display({ id: "start", header: HEADER.start, cell: (c) => cells.start(c.row.original) }),
    col.display({ id: "cost", header: `Cost ${financialYear}`, cell: (c) => cells.cost(figures(c.row.original.post)) }),
    col.display({
      id: "actions",
      header: "Actions",
      cell: (c) => {
        const r = c.row.original;
        const open = isOpen(r);
        return (
          <div className="app-row-actions">
            <button type="button" className="app-link-button app-link-button--blue" aria-expanded={open} aria-controls={`post-${r.post.key}-more`} onClick={() => toggle(r.post.key)} data-testid="post-more">
              {open ? "Less" : "More"}
              <span className="nhsuk-u-visually-hidden"> about {postName(r.post, r.index)}</span>
            </button>
            <button type="button" className="app-link-button app-link-button--blue" onClick={() => onDuplicate(r.post.key)}>
              Duplicate<span className="nhsuk-u-visually-hidden"> {postName(r.post, r.index)}</span>
            </button>
            <button type="button" className="app-link-button app-link-button--blue" onClick={() => onRemove(r.post.key)}>
              Remove<span className="nhsuk-u-visually-hidden"> {postName(r.post, r.index)}</span>
            </button>
          </div>
        );
      },
    }),
  ];
  const VISIBLE = { status: false };
  const SORTABLE = new Set(["label", "role", "wte", "start", "cost"]);

  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    setSorting(next);
    const s = next[0];
    if (!s) return;
    const sorted = [...posts].sort((a, b) => {
      const x = sortKey(s.id, a, figures);
      const y = sortKey(s.id, b, figures);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return s.desc ? -c : c;
    });
    onReorder(sorted);
  };

  const data: Row[] = useMemo(() => posts.map((post, index) => ({ post, index })), [posts]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows are memoised by hand (PostRow), not by the compiler
  const table = useReactTable({
    data,
    columns,
    getRowId: (r) => r.post.key,
    state: { sorting, columnFilters, columnVisibility: VISIBLE },
    manualSorting: true,
    // No pagination or expansion: never reset state from inside a render (that loops with new data).
    autoResetAll: false,
    enableSortingRemoval: false,
    onSortingChange,
    onColumnFiltersChange: setColumnFilters,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows;
  const width = table.getVisibleLeafColumns().length;
  const supervisorsKey = supervisors.map((x) => `${x.id}:${x.name}`).join(",");

  return (
    <>
      <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-3">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Show</legend>
        <div className="nhsuk-radios nhsuk-radios--inline nhsuk-radios--small">
          {(
            [
              ["all", `All posts (${posts.length})`],
              ["existing", `Existing (${posts.filter((p) => p.status === "existing").length})`],
              ["proposed", `Proposed (${posts.filter((p) => p.status === "proposed").length})`],
            ] as const
          ).map(([v, text]) => (
            <div className="nhsuk-radios__item" key={v}>
              <input
                className="nhsuk-radios__input"
                id={`posts-filter-${v}`}
                name="posts-filter"
                type="radio"
                checked={statusFilter === v}
                onChange={() => setColumnFilters(v === "all" ? [] : [{ id: "status", value: v }])}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`posts-filter-${v}`}>
                {text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="nhsuk-u-visually-hidden" role="status" data-testid="posts-announce">
        {seen.message}
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="posts-caption">
        <table className="nhsuk-table app-posts-table" data-testid="planner-posts">
          <caption className="nhsuk-table__caption" id="posts-caption">
            Posts{statusFilter !== "all" ? ` (${statusFilter} only)` : ""}: edit any cell; the figures update as you type
          </caption>
          <thead className="nhsuk-table__head">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = sorting[0]?.id === h.column.id ? (sorting[0].desc ? "descending" : "ascending") : undefined;
                  const text = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th key={h.id} scope="col" aria-sort={SORTABLE.has(h.column.id) ? (sorted ?? "none") : undefined}>
                      {SORTABLE.has(h.column.id) ? (
                        <button type="button" className="app-sort-button" onClick={() => onSortingChange([{ id: h.column.id, desc: sorted === "ascending" }])}>
                          {text}
                          <span className="nhsuk-u-visually-hidden">, sort</span>
                          <span aria-hidden="true">{sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : " ⇅"}</span>
                        </button>
                      ) : (
                        text
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {shown.length === 0 ? (
            <tbody className="nhsuk-table__body">
              <tr>
                <td colSpan={width}>{posts.length ? "No posts match this filter." : "No posts yet: add one below, add a First Contact OT, or bring in a CSV."}</td>
              </tr>
            </tbody>
          ) : (
              shown.map((row) => {
                const r = row.original;
                const f = figures(r.post);
                const prefix = `posts.${r.index}.`;
                const rowErrors = Object.entries(errors)
                  .filter(([k]) => k.startsWith(prefix))
                  .map(([k, m]) => `${k}=${m}`)
                  .join("|");
                return (
                  <PostRow
                    key={row.id}
                    post={r.post}
                    open={isOpen(r)}
                    memoKey={`${r.index}|${rowErrors}|${f?.cost}|${f?.claimable}|${supervisorsKey}|${financialYear}|${isOpen(r)}`}
                    render={() =>
                      row.getVisibleCells().map((cell) => (
                        <td key={cell.id} className={`app-posts-table__${cell.column.id}`} data-label={cell.column.id === "actions" ? undefined : String(cell.column.columnDef.header)}>
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))
                    }
                    more={() => (
                      <td colSpan={width} id={`post-${r.post.key}-more`} className="app-post-more">
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
                    )}
                  />
                );
              })
            )}
        </table>
      </div>
    </>
  );
}

/**
 * One row, re-rendered only when its post, its errors, its figures or the supervisors change: an
 * edit re-renders the edited row, not all fifty. (The row's handlers update the draft functionally,
 * so a row that was skipped never acts on an old copy of it.)
 */
const PostRow = memo(
  function PostRow({ post, open, render, more }: { post: PostDraft; open: boolean; memoKey: string; render: () => ReactNode; more: () => ReactNode }) {
    return (
      <tbody className="nhsuk-table__body app-post">
        <tr className="app-post__main" data-post-key={post.key}>
          {render()}
        </tr>
        <tr className="app-post__more" hidden={!open}>
          {more()}
        </tr>
      </tbody>
    );
  },
  (a, b) => a.post === b.post && a.memoKey === b.memoKey,
);
