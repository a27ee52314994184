"use client";
// The scenario's posts as an editable table (@tanstack/react-table): every cell a real, labelled
// input with its validation message beside it; sort (reorders the posts once, so a row never
// jumps while it is being typed in), existing/proposed filter, duplicate and remove per row.
import { memo, useMemo, useState, type ReactNode } from "react";
import { createColumnHelper, flexRender, getCoreRowModel, getFilteredRowModel, useReactTable, type ColumnFiltersState, type SortingState, type Updater } from "@tanstack/react-table";
import { DateInput } from "@/app/components/ui/date-input";
import { ErrorMessage } from "@/app/components/ui/field";
import { AFC_BANDS, AREA_LABELS, AREAS, isRoleId, ROLES } from "@/lib/engine/roles";
import { dateInputToIso } from "@/lib/date-input";
import { formatPounds } from "@/lib/format";
import { POST_INPUT_COLUMNS } from "@/lib/planner/columns";
import { isFirstContactRole } from "@/lib/planner/first-contact";
import type { PostDraft } from "@/lib/planner/post-draft";
import { emptyFirstContact } from "@/lib/planner/post-draft";

export interface RoleOption {
  id: string;
  name: string;
  typicalBand: string | null;
}

export interface PostFigures {
  cost: number;
  claimable: number;
  pcnFunded: number;
}

interface Row {
  post: PostDraft;
  index: number;
}

const HEADER = Object.fromEntries(POST_INPUT_COLUMNS.map((c) => [c.id, c.header])) as Record<(typeof POST_INPUT_COLUMNS)[number]["id"], string>;
const col = createColumnHelper<Row>();

export const postFieldId = (key: string, field: string) => `post-${key}-${field.replaceAll(".", "-")}`;
export const postName = (p: PostDraft, index: number) => `post ${index + 1}${p.label ? ` (${p.label})` : ""}`;

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

  const err = (r: Row, field: string) => errors[`posts.${r.index}.${field}`];
  const label = (text: string, r: Row, field: string) => (
    <label className="nhsuk-u-visually-hidden" htmlFor={postFieldId(r.post.key, field)}>
      {text}, {postName(r.post, r.index)}
    </label>
  );
  const describe = (r: Row, field: string) => (err(r, field) ? { "aria-describedby": `${postFieldId(r.post.key, field)}-error`, "aria-invalid": true as const } : {});
  const message = (r: Row, field: string) => (err(r, field) ? <ErrorMessage id={`${postFieldId(r.post.key, field)}-error`}>{err(r, field)}</ErrorMessage> : null);
  const cls = (base: string, r: Row, field: string, kind: "input" | "select" = "input") => `${base} app-cell-input${err(r, field) ? ` nhsuk-${kind}--error` : ""}`;
  const change = (r: Row, patch: Partial<PostDraft>) => onChange(r.post.key, patch);

  const textInput = (r: Row, field: "label" | "wte", width: string, inputMode?: "decimal") => (
    <div className={err(r, field) ? "app-cell app-cell--error" : "app-cell"}>
      {label(HEADER[field], r, field)}
      {message(r, field)}
      <input
        className={cls(`nhsuk-input ${width}`, r, field)}
        id={postFieldId(r.post.key, field)}
        type="text"
        autoComplete="off"
        {...(inputMode ? { inputMode } : {})}
        value={r.post[field]}
        onChange={(e) => change(r, { [field]: e.target.value })}
        {...(field === "wte" ? { "data-planner-wte": "" } : {})}
        {...describe(r, field)}
      />
    </div>
  );

  const dateCell = (r: Row, field: "start" | "end" | "nextPayStep") => (
    <div className={err(r, field) ? "app-cell app-cell--error" : "app-cell"}>
      <DateInput
        id={postFieldId(r.post.key, field)}
        legend={`${HEADER[field]}, ${postName(r.post, r.index)}`}
        legendHidden
        compact
        error={err(r, field)}
        value={r.post[field]}
        onChange={(v) => change(r, { [field]: v })}
      />
    </div>
  );

  const columns = [
    col.accessor((r) => r.post.label, { id: "label", header: HEADER.label, cell: (c) => textInput(c.row.original, "label", "nhsuk-input--width-10") }),
    col.accessor((r) => r.post.role, {
      id: "role",
      header: HEADER.role,
      cell: (c) => {
        const r = c.row.original;
        return (
          <div className="app-cell">
            {label(HEADER.role, r, "role")}
            {message(r, "role")}
            <select
              className={cls("nhsuk-select", r, "role", "select")}
              id={postFieldId(r.post.key, "role")}
              value={r.post.role}
              onChange={(e) => {
                const role = e.target.value;
                const info = isRoleId(role) ? ROLES[role] : undefined;
                change(r, {
                  role,
                  band: info?.typicalBand ?? r.post.band,
                  salaryMode: info?.kind === "gp" ? "salary" : r.post.salaryMode,
                  firstContact: isFirstContactRole(role) ? (r.post.firstContact ?? emptyFirstContact()) : null,
                });
              }}
              {...describe(r, "role")}
            >
              {roles.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        );
      },
    }),
    col.accessor((r) => r.post.status, {
      id: "status",
      header: HEADER.status,
      filterFn: (row, _id, value) => value === "all" || row.original.post.status === value,
      cell: (c) => {
        const r = c.row.original;
        return (
          <div className="app-cell">
            {label(HEADER.status, r, "status")}
            <select className={cls("nhsuk-select", r, "status", "select")} id={postFieldId(r.post.key, "status")} value={r.post.status} onChange={(e) => change(r, { status: e.target.value as PostDraft["status"] })}>
              <option value="existing">Existing</option>
              <option value="proposed">Proposed</option>
            </select>
          </div>
        );
      },
    }),
    col.accessor((r) => r.post.wte, { id: "wte", header: HEADER.wte, cell: (c) => textInput(c.row.original, "wte", "nhsuk-input--width-3", "decimal") }),
    col.display({
      id: "salary",
      header: "Salary",
      cell: (c) => {
        const r = c.row.original;
        const info = isRoleId(r.post.role) ? ROLES[r.post.role] : undefined;
        const isGp = info?.kind === "gp";
        const isMhp = info?.kind === "mhp";
        const mode = isGp ? "salary" : r.post.salaryMode;
        return (
          <div className="app-cell app-cell--salary">
            {!isGp ? (
              <>
                {label("Salary basis", r, "salaryMode")}
                <select className="nhsuk-select app-cell-input" id={postFieldId(r.post.key, "salaryMode")} value={mode} onChange={(e) => change(r, { salaryMode: e.target.value as PostDraft["salaryMode"], point: e.target.value === "band" && !r.post.point ? "1" : r.post.point })}>
                  <option value="band">Band and point</option>
                  <option value="salary">Actual salary</option>
                </select>
              </>
            ) : null}
            {mode === "salary" ? (
              <>
                {label("Annual salary (£, full-time)", r, "annualSalary")}
                {message(r, "annualSalary")}
                <input
                  className={cls("nhsuk-input nhsuk-input--width-5", r, "annualSalary")}
                  id={postFieldId(r.post.key, "annualSalary")}
                  type="text"
                  inputMode="decimal"
                  placeholder="£ a year"
                  value={r.post.annualSalary}
                  onChange={(e) => change(r, { annualSalary: e.target.value })}
                  {...describe(r, "annualSalary")}
                />
              </>
            ) : null}
            {mode === "band" || isMhp ? (
              <>
                {label("Band", r, "band")}
                {message(r, "band")}
                <select className={cls("nhsuk-select", r, "band", "select")} id={postFieldId(r.post.key, "band")} value={r.post.band} onChange={(e) => change(r, { band: e.target.value })} {...describe(r, "band")}>
                  {AFC_BANDS.map((b) => (
                    <option key={b} value={b}>
                      Band {b}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            {mode === "band" ? (
              <>
                {label("Pay point (1 = entry)", r, "point")}
                {message(r, "point")}
                <span className="app-cell-prefix" aria-hidden="true">
                  point
                </span>
                <input
                  className={cls("nhsuk-input nhsuk-input--width-2", r, "point")}
                  id={postFieldId(r.post.key, "point")}
                  type="text"
                  inputMode="numeric"
                  value={r.post.point}
                  onChange={(e) => change(r, { point: e.target.value })}
                  {...describe(r, "point")}
                />
              </>
            ) : null}
            {isMhp ? (
              <>
                {label("MHP funding table", r, "mhpFunding")}
                {message(r, "mhpFunding")}
                <select className="nhsuk-select app-cell-input" id={postFieldId(r.post.key, "mhpFunding")} value={r.post.mhpFunding} onChange={(e) => change(r, { mhpFunding: e.target.value })}>
                  <option value="50%">50% table</option>
                  <option value="100%">100% table</option>
                </select>
              </>
            ) : null}
          </div>
        );
      },
    }),
    col.accessor((r) => r.post.area, {
      id: "area",
      header: HEADER.area,
      cell: (c) => {
        const r = c.row.original;
        return (
          <div className="app-cell">
            {label(HEADER.area, r, "area")}
            {message(r, "area")}
            <select className={cls("nhsuk-select", r, "area", "select")} id={postFieldId(r.post.key, "area")} value={r.post.area} onChange={(e) => change(r, { area: e.target.value })}>
              {AREAS.map((a) => (
                <option key={a} value={a}>
                  {AREA_LABELS[a]}
                </option>
              ))}
            </select>
          </div>
        );
      },
    }),
    col.display({ id: "start", header: HEADER.start, cell: (c) => dateCell(c.row.original, "start") }),
    col.display({ id: "end", header: HEADER.end, cell: (c) => dateCell(c.row.original, "end") }),
    col.display({
      id: "nextPayStep",
      header: HEADER.nextPayStep,
      cell: (c) => {
        const r = c.row.original;
        const isBand = (isRoleId(r.post.role) ? ROLES[r.post.role].kind !== "gp" : true) && r.post.salaryMode === "band";
        return isBand ? dateCell(r, "nextPayStep") : <span className="nhsuk-body-s app-basis">Not on a pay point</span>;
      },
    }),
    col.display({
      id: "supervisor",
      header: "Clinical supervisor",
      cell: (c) => {
        const r = c.row.original;
        if (r.post.firstContact) {
          const name = supervisors.find((s) => s.id === r.post.firstContact?.supervisorId)?.name;
          return (
            <a href={`#fc-${r.post.key}`} className="nhsuk-body-s">
              {name ? `${name} (roadmap)` : "Roadmap checklist"}
              <span className="nhsuk-u-visually-hidden">, {postName(r.post, r.index)}</span>
            </a>
          );
        }
        return (
          <div className="app-cell">
            {label("Clinical supervisor", r, "supervisorId")}
            {message(r, "supervisorId")}
            <select className={cls("nhsuk-select", r, "supervisorId", "select")} id={postFieldId(r.post.key, "supervisorId")} value={r.post.supervisorId} onChange={(e) => change(r, { supervisorId: e.target.value })}>
              <option value="">None named</option>
              {supervisors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name || s.id}
                </option>
              ))}
            </select>
          </div>
        );
      },
    }),
    col.display({
      id: "cost",
      header: `Cost ${financialYear}`,
      cell: (c) => {
        const f = figures(c.row.original.post);
        return f ? (
          <span className="app-numeric app-block">
            {formatPounds(f.cost)}
            <span className="nhsuk-body-s app-basis">claimable {formatPounds(f.claimable)}</span>
          </span>
        ) : (
          <span className="nhsuk-body-s app-basis">Not calculated: correct the errors</span>
        );
      },
    }),
    col.display({
      id: "actions",
      header: "Actions",
      cell: (c) => {
        const r = c.row.original;
        return (
          <div className="app-row-actions">
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
  const SORTABLE = new Set(["label", "role", "status", "salary", "wte", "start", "end", "cost"]);

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
  const table = useReactTable({
    data,
    columns,
    getRowId: (r) => r.post.key,
    state: { sorting, columnFilters },
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
          <tbody className="nhsuk-table__body">
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{posts.length ? "No posts match this filter." : "No posts yet: add one below, add a First Contact OT, or bring in a CSV."}</td>
              </tr>
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
                    memoKey={`${r.index}|${rowErrors}|${f?.cost}|${f?.claimable}|${supervisorsKey}|${financialYear}`}
                    render={() => row.getVisibleCells().map((cell) => <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)}
                  />
                );
              })
            )}
          </tbody>
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
  function PostRow({ post, render }: { post: PostDraft; memoKey: string; render: () => ReactNode }) {
    return <tr data-post-key={post.key}>{render()}</tr>;
  },
  (a, b) => a.post === b.post && a.memoKey === b.memoKey,
);
