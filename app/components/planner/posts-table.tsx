"use client";
// The scenario's posts as an editable table (@tanstack/react-table). The main columns (label,
// role, WTE, start, cost) and the row's actions fit a laptop; each row's other fields (status,
// salary, area, end, next pay step, supervisor) open under it with "More" (and open by
// themselves when one has an error). The label column stays in view if the table scrolls; on a
// phone each post is a card. Sort reorders the posts once (a row never jumps while being typed
// in); existing/proposed filter; duplicate and remove per row. Cells: post-cells.tsx.
import { useCallback, useMemo, useState } from "react";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnFiltersState, type SortingState, type Updater } from "@tanstack/react-table";
import { isRoleId, ROLES } from "@/lib/engine/roles";
import { dateInputToIso } from "@/lib/date-input";
import type { PostDraft } from "@/lib/planner/post-draft";
import { HEADER, postName, SECONDARY_FIELDS, type PostFigures, type RoleOption, type Row } from "./post-cells";
import { PostRow } from "./post-row";

export { postFieldId, postName, type PostFigures, type RoleOption } from "./post-cells";

const col = createColumnHelper<Row>();
const VISIBLE = { status: false };
const SORTABLE = new Set(["label", "role", "wte", "start", "cost"]);

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
  const toggle = useCallback(
    (key: string) =>
      setExpanded((e) => {
        const next = new Set(e);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  /** A row's "More" fields are open when asked for, or when one of them has an error (so its message and the error summary's link reach it). */
  const moreErrors = (r: Row) => rowErrors.has(r.index) && SECONDARY_FIELDS.some((f) => errors[`posts.${r.index}.${f}`]);
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

  // The column definitions: ids and headers only (the cells are drawn by PostRow). Kept from one
  // render to the next: new definitions would make every header and row model anew.
  const columns = useMemo(
    () => [
      col.accessor((r) => r.post.label, { id: "label", header: HEADER.label }),
      col.accessor((r) => r.post.role, { id: "role", header: HEADER.role }),
      col.accessor((r) => r.post.status, { id: "status", header: HEADER.status, filterFn: (row, _id, value) => value === "all" || row.original.post.status === value }),
      col.accessor((r) => r.post.wte, { id: "wte", header: HEADER.wte }),
      col.display({ id: "start", header: HEADER.start }),
      col.display({ id: "cost", header: `Cost ${financialYear}` }),
      col.display({ id: "actions", header: "Actions" }),
    ],
    [financialYear],
  );

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
  });
  // The rows shown: the status filter applied here, not through the table's row models (which
  // would build fifty row objects anew on every keystroke; only the headers come from the table).
  const shown = statusFilter === "all" ? data : data.filter((r) => r.post.status === statusFilter);
  // Each row's errors as one string ("posts.2.wte=…|…"), grouped once rather than searched per row.
  const rowErrors = new Map<number, string>();
  for (const [k, m] of Object.entries(errors)) {
    const i = Number(/^posts\.(\d+)\./.exec(k)?.[1] ?? NaN);
    if (Number.isInteger(i)) rowErrors.set(i, `${rowErrors.has(i) ? `${rowErrors.get(i)}|` : ""}${k}=${m}`);
  }
  const visibleColumns = table.getVisibleLeafColumns().map((c) => ({ id: c.id, header: String(c.columnDef.header) }));
  const width = visibleColumns.length;
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
              shown.map((r) => {
                return (
                  <PostRow
                    key={r.post.key}
                    post={r.post}
                    index={r.index}
                    errors={errors}
                    errorsKey={rowErrors.get(r.index) ?? ""}
                    figures={figures(r.post)}
                    columns={visibleColumns}
                    roles={roles}
                    supervisors={supervisors}
                    supervisorsKey={supervisorsKey}
                    open={isOpen(r)}
                    onChange={onChange}
                    onToggle={toggle}
                    onDuplicate={onDuplicate}
                    onRemove={onRemove}
                  />
                );
              })
            )}
        </table>
      </div>
    </>
  );
}
