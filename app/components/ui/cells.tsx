// Table cells for money and WTE: right-aligned, tabular figures, negatives as −£ (and bold red,
// never colour alone), with an optional "Estimate" / "Projection" tag.
import type { ReactNode } from "react";
import { formatPounds, formatWte } from "@/lib/format";

export type FigureKind = "estimate" | "projection";

const TAG: Record<FigureKind, { label: string; className: string }> = {
  estimate: { label: "Estimate", className: "nhsuk-tag nhsuk-tag--orange app-estimate-tag app-figure-tag" },
  projection: { label: "Projection", className: "nhsuk-tag nhsuk-tag--purple app-estimate-tag app-figure-tag" },
};

/** The "Estimate" / "Projection" badge. */
export function FigureTag({ kind }: { kind: FigureKind | null | undefined | false }) {
  if (!kind) return null;
  const t = TAG[kind];
  return <strong className={t.className}>{t.label}</strong>;
}

interface CellProps {
  tag?: FigureKind | null | undefined | false;
  /** Render as a row header (`<th scope="row">`). */
  rowHeader?: boolean;
  className?: string;
  testId?: string;
  children?: ReactNode;
}

function NumericCell({ text, negative, tag, rowHeader, className, testId, children }: CellProps & { text: string; negative: boolean }) {
  const cls = `app-numeric${negative ? " app-negative" : ""}${className ? ` ${className}` : ""}`;
  const content = (
    <>
      {text}
      {tag ? (
        <>
          {" "}
          <FigureTag kind={tag} />
        </>
      ) : null}
      {children}
    </>
  );
  return rowHeader ? (
    <th scope="row" className={cls} data-testid={testId}>
      {content}
    </th>
  ) : (
    <td className={cls} data-testid={testId}>
      {content}
    </td>
  );
}

export function MoneyCell({ pounds, ...rest }: CellProps & { pounds: number }) {
  return <NumericCell text={formatPounds(pounds)} negative={pounds < 0} {...rest} />;
}

export function WteCell({ wte, ...rest }: CellProps & { wte: number }) {
  return <NumericCell text={formatWte(wte)} negative={false} {...rest} />;
}
