"use client";
// Member practices, sortable by name, code or list size (@tanstack/react-table). Sort controls
// are buttons inside the column headers; aria-sort says the current order.
import { useState } from "react";
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import type { PcnPracticeRow } from "@/lib/server/pcn-population";

const col = createColumnHelper<PcnPracticeRow>();
const fmt = (n: number) => n.toLocaleString("en-GB");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const date = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
};

const columns = [
  col.accessor("name", { header: "Practice", sortingFn: "alphanumeric", cell: (c) => c.getValue() }),
  col.accessor("code", { header: "Code", cell: (c) => c.getValue() }),
  col.accessor((r) => r.registeredPatients ?? -1, {
    id: "registeredPatients",
    header: "Registered patients",
    sortDescFirst: true,
    cell: (c) => {
      const r = c.row.original;
      return r.registeredPatients === null ? "not known" : fmt(r.registeredPatients);
    },
    meta: { numeric: true },
  }),
  col.accessor("registeredPatientsDate", {
    header: "At",
    enableSorting: false,
    cell: (c) => (c.getValue() ? date(c.getValue()!) : "—"),
  }),
];

export function PracticesTable({ practices, totalLabel }: { practices: PcnPracticeRow[]; totalLabel?: string }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  // eslint-disable-next-line react-hooks/incompatible-library -- useReactTable is not memo-safe; this component does not use the React compiler
  const table = useReactTable({ data: practices, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  return (
    <table className="nhsuk-table app-practices-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
        Member practices{totalLabel ? ` (${totalLabel})` : ""}, column headers with buttons are sortable
      </caption>
      <thead className="nhsuk-table__head">
        {table.getHeaderGroups().map((hg) => (
          <tr key={hg.id}>
            {hg.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              const numeric = (h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
              const label = flexRender(h.column.columnDef.header, h.getContext());
              return (
                <th
                  key={h.id}
                  scope="col"
                  className={numeric ? "nhsuk-table__header--numeric" : undefined}
                  aria-sort={h.column.getCanSort() ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                >
                  {h.column.getCanSort() ? (
                    <button type="button" className="app-sort-button" onClick={h.column.getToggleSortingHandler()}>
                      {label}
                      <span className="app-sort-button__icon" aria-hidden="true">
                        {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ⇅"}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody className="nhsuk-table__body">
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className="nhsuk-table__row">
            {row.getVisibleCells().map((cell) => {
              const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
              return (
                <td key={cell.id} className={`nhsuk-table__cell${numeric ? " nhsuk-table__cell--numeric" : ""}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
