// "Estimates and projections used" (the XLSX Summary, the compare page): each figure nobody has
// published, once, with its own status — "Employer pension rate (assumption)", "Agenda for Change
// band 7, point 3 (2026/27) (derived)", "Employer NI rate (projection)". A projected year lists its
// projected figures both in `estimates` and in `projections`; they are the same figures.
export interface MarkableFigure {
  id: string;
  label: string;
  status: string;
}

/** "<label> (<status>)" for each of the year's estimates and projections, each figure (by id) once. */
export function markedFigures(year: { estimates: readonly MarkableFigure[]; projections?: readonly MarkableFigure[] | undefined }): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of [...year.estimates, ...(year.projections ?? [])]) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    out.push(`${f.label} (${f.status})`);
  }
  return out;
}
