"use client";
// Member practices, sortable by name, code or list size. Sort controls are buttons inside the
// column headers; aria-sort says the current order. A plain sort (was @tanstack/react-table: the
// table has a handful of rows, and the library was ~10 kB of the PCN page's first load).
import { useState } from "react";
import type { PcnPracticeRow } from "@/lib/server/pcn-data/pcn-population";

const fmt = (n: number) => n.toLocaleString("en-GB");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const date = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
};

type SortId = "name" | "code" | "registeredPatients";
interface ColumnSpec {
  id: SortId | "registeredPatientsDate";
  header: string;
  numeric?: boolean;
  /** The first click sorts descending (list size: biggest first). */
  descFirst?: boolean;
  sortable: boolean;
  cell: (r: PcnPracticeRow) => string;
}

const COLUMNS: ColumnSpec[] = [
  { id: "name", header: "Practice", sortable: true, cell: (r) => r.name },
  { id: "code", header: "Code", sortable: true, cell: (r) => r.code },
  { id: "registeredPatients", header: "Registered patients", numeric: true, descFirst: true, sortable: true, cell: (r) => (r.registeredPatients === null ? "not known" : fmt(r.registeredPatients)) },
  { id: "registeredPatientsDate", header: "At", sortable: false, cell: (r) => (r.registeredPatientsDate ? date(r.registeredPatientsDate) : "—") },
];

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

function compare(a: PcnPracticeRow, b: PcnPracticeRow, id: SortId): number {
  if (id === "registeredPatients") return (a.registeredPatients ?? -1) - (b.registeredPatients ?? -1);
  return collator.compare(a[id], b[id]);
}

export function PracticesTable({ practices, totalLabel }: { practices: PcnPracticeRow[]; totalLabel?: string }) {
  const [sorting, setSorting] = useState<{ id: SortId; desc: boolean }>({ id: "name", desc: false });
  const rows = [...practices].sort((a, b) => (sorting.desc ? -1 : 1) * compare(a, b, sorting.id) || collator.compare(a.code, b.code));
  const toggle = (c: ColumnSpec) => {
    const id = c.id as SortId;
    setSorting((s) => (s.id === id ? { id, desc: !s.desc } : { id, desc: c.descFirst ?? false }));
  };
  return (
    <table className="nhsuk-table app-practices-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
        Member practices{totalLabel ? ` (${totalLabel})` : ""}, column headers with buttons are sortable
      </caption>
      <thead className="nhsuk-table__head">
        <tr>
          {COLUMNS.map((c) => {
            const sorted = sorting.id === c.id ? (sorting.desc ? "desc" : "asc") : false;
            return (
              <th
                key={c.id}
                scope="col"
                className={c.numeric ? "nhsuk-table__header--numeric" : undefined}
                aria-sort={c.sortable ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
              >
                {c.sortable ? (
                  <button type="button" className="app-sort-button" onClick={() => toggle(c)}>
                    {c.header}
                    <span className="app-sort-button__icon" aria-hidden="true">
                      {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ⇅"}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((r) => (
          <tr key={r.code} className="nhsuk-table__row">
            {COLUMNS.map((c) => (
              <td key={c.id} className={`nhsuk-table__cell${c.numeric ? " nhsuk-table__cell--numeric" : ""}`}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
