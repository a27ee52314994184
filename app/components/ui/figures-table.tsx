// A table of figures in its scroll box (keyboard reachable, named by its caption): the caption,
// one header row — the first column text, the others numbers (right-aligned) — and the rows the
// caller gives. The outturn and ICB pages' tables share it.
import type { ReactNode } from "react";

/** The class of a figure cell in a FiguresTable row. */
export const FIGURE_CELL = "nhsuk-table__cell app-numeric";

export function FiguresTable({ id, testId, caption, headers, children }: { id: string; testId: string; caption: ReactNode; headers: ReactNode[]; children: ReactNode }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="nhsuk-table" data-testid={testId}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={id}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {headers.map((h, i) => (
              <th key={i} scope="col" className={i === 0 ? "nhsuk-table__header" : "nhsuk-table__header app-numeric"}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">{children}</tbody>
      </table>
    </div>
  );
}
