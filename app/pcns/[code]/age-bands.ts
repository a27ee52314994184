// Registered patients by 5-year age band and sex (the PCN page's age profile chart and table).

export interface AgeBand {
  band: string;
  male: number;
  female: number;
}

/** Single years 0..95 (95 = 95 and over) → 0–4, 5–9, …, 90–94, 95+. */
export function toAgeBands(profile: { male: number[]; female: number[] }): AgeBand[] {
  const bands: AgeBand[] = [];
  const years = Math.max(profile.male.length, profile.female.length);
  const last = Math.min(years - 1, 95);
  for (let start = 0; start <= last; start += 5) {
    const end = Math.min(start + 4, last);
    let male = 0;
    let female = 0;
    for (let a = start; a <= end; a++) {
      male += profile.male[a] ?? 0;
      female += profile.female[a] ?? 0;
    }
    bands.push({ band: start === 95 ? `${start}+` : `${start}–${end}`, male, female });
  }
  return bands;
}
