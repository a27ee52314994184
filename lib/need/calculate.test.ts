// Population-need arithmetic, checked by hand: every expected figure below is worked out in the
// comments from the profile and the assumption table (lib/need/assumptions.ts), not taken from
// the code's output.
import { describe, expect, it } from "vitest";
import { calculateNeed, minutesPerPatient, NEED_ASSUMPTIONS, needByYear, otWteByYear, otWteInYear, patientsAged, postsForGap, postsForNeed, startInYear, resolveNeedAssumptions, valuesOf, type AgeSexProfile, type NeedOverrides } from "./index";

/** A profile of single years 0..95 (95 = 95 and over) with patients only at the ages given. */
function profile(male: Record<number, number>, female: Record<number, number>): AgeSexProfile {
  const fill = (m: Record<number, number>) => Array.from({ length: 96 }, (_, age) => m[age] ?? 0);
  return { male: fill(male), female: fill(female) };
}

// Profile A:
//   men:   30 → 10,000   67 → 1,000   90 → 500
//   women: 17 → 2,000    30 → 10,000  67 → 1,000   95 (95+) → 500
// 65–69: 2,000 · 85+: 1,000 · women 16–64: 12,000 · men 16–64: 10,000 · women/men 18–64: 10,000 each.
const A = profile({ 30: 10_000, 67: 1_000, 90: 500 }, { 17: 2_000, 30: 10_000, 67: 1_000, 95: 500 });

/** Overrides that fix every assumption (low = high = value) except those named. */
function fixAllBut(...free: string[]): NeedOverrides {
  const o: NeedOverrides = {};
  for (const a of NEED_ASSUMPTIONS) {
    if (free.includes(a.id)) continue;
    o[`${a.id}.low`] = a.value;
    o[`${a.id}.high`] = a.value;
  }
  return o;
}

describe("patientsAged", () => {
  it.each([
    // label,                       from, to,        expected
    ["women 16–64 of profile A", 16, 64, 12_000], // 2,000 (17) + 10,000 (30)
    ["women 18–64 of profile A", 18, 64, 10_000], // 17 is left out
    ["women 85+ (the last index is 95+)", 85, Infinity, 500],
    ["women 65–69", 65, 69, 1_000],
    ["an age band beyond the array", 100, 120, 0],
  ])("%s", (_label, from, to, expected) => {
    expect(patientsAged(A.female, from, to)).toBe(expected);
  });
});

describe("minutes per patient", () => {
  const v = valuesOf(resolveNeedAssumptions().assumptions, "central");
  it.each([
    // group,          contacts, home share, expected minutes
    // frailty: first 60 + admin 15 + travel 30 × 1.0 + 2 follow-ups × (45 + 15) = 105 + 120 = 225
    ["frailty", 3, 1, 225],
    // mental health: 60 + 15 + 1 × (45 + 15) = 135
    ["mental health", 2, 0, 135],
    // work: 60 + 15 + 2 × 60 = 195
    ["work", 3, 0, 195],
    // half of first contacts at home: 75 + 15 (half of 30 minutes' travel) = 90
    ["one contact, half at home", 1, 0.5, 90],
  ])("%s", (_g, contacts, share, expected) => {
    expect(minutesPerPatient(v, contacts, share)).toBeCloseTo(expected, 9);
  });
});

describe("central figures, profile A, built-in assumptions", () => {
  const r = calculateNeed(A);
  const g = Object.fromEntries(r.groups.map((x) => [x.id, x]));
  it.each([
    // Frailty: people = 2,000 × 4.0% + 1,000 × 26.1% = 80 + 261 = 341
    //          patients = 341 × 20% = 68.2 → 68; hours = 68.2 × 225 / 60 = 255.75 → 256
    //          WTE = 255.75 / 1,160 = 0.2205 → 0.22
    ["frailty", 341, 68, 256, 0.22],
    // Mental health: people = (12,000 × 27.7% + 10,000 × 17.5%) × 50% = (3,324 + 1,750) × 0.5 = 2,537
    //          patients = 2,537 × 5% = 126.85 → 127; hours = 126.85 × 135 / 60 = 285.4125 → 285
    //          WTE = 285.4125 / 1,160 = 0.2460 → 0.25
    ["mental-health", 2537, 127, 285, 0.25],
    // Work: notes = 10,000 × 0.322 + 10,000 × 0.234 = 5,560; × 42% = 2,335.2; ÷ 2 = 1,167.6;
    //          × (1 − 20%) = 934.08 → 934; patients × 10% = 93.408 → 93
    //          hours = 93.408 × 195 / 60 = 303.576 → 304; WTE = 303.576 / 1,160 = 0.2617 → 0.26
    ["work", 934, 93, 304, 0.26],
  ])("%s", (id, people, patients, hours, wte) => {
    expect(g[id]!.people.central).toBe(people);
    expect(g[id]!.patients.central).toBe(patients);
    expect(g[id]!.hours.central).toBe(hours);
    expect(g[id]!.wte.central).toBe(wte);
  });
  it("total: 255.75 + 285.4125 + 303.576 = 844.7385 hours → 845; ÷ 1,160 = 0.7282 → 0.73 WTE", () => {
    expect(r.total.hours.central).toBe(845);
    expect(r.total.wte.central).toBe(0.73);
    // people 341 + 2,537 + 934.08 = 3,812.08 → 3,812; patients 68.2 + 126.85 + 93.408 = 288.458 → 288
    expect(r.total.people.central).toBe(3812);
    expect(r.total.patients.central).toBe(288);
  });
  it("shares of the central hours: 255.75 / 844.7385 = 0.303, 285.4125 / … = 0.338, 303.576 / … = 0.359", () => {
    expect(r.groups.map((x) => x.shareOfCentral)).toEqual([0.303, 0.338, 0.359]);
  });
  it("the groups' populations", () => {
    expect(r.groups.map((x) => x.population.count)).toEqual([3_000, 22_000, 20_000]); // 65+: 2,000 + 1,000
  });
  it("no issues, nothing overridden", () => {
    expect(r.issues).toEqual([]);
    expect(r.assumptions.every((a) => !a.overridden)).toBe(true);
  });
});

describe("extremes, profile A: every assumption at the end that gives less / more need", () => {
  const r = calculateNeed(A);
  const g = Object.fromEntries(r.groups.map((x) => [x.id, x]));
  it.each([
    // LOW. Frailty: 2,000 × 3.0% + 1,000 × 19.6% = 60 + 196 = 256 people; × 10% = 25.6 → 26
    //   minutes: first 45 + admin 10 + 50% × travel 20 + 1 follow-up × (30 + 10) = 105
    //   hours = 25.6 × 105 / 60 = 44.8 → 45; WTE ÷ 1,270 = 0.0353 → 0.04
    ["low", "frailty", 256, 26, 45, 0.04],
    // Mental health: (12,000 × 23.2% + 10,000 × 14.6%) × 37% = 4,244 × 0.37 = 1,570.28 → 1,570
    //   × 2.5% = 39.257 → 39; minutes 45 + 10 + 1 × 40 = 95; hours = 62.157 → 62; WTE ÷ 1,270 = 0.0489 → 0.05
    ["low", "mental-health", 1570, 39, 62, 0.05],
    // Work: notes 2,900 + 2,110 = 5,010; × 33% = 1,653.3; ÷ 3 notes per episode = 551.1;
    //   × (1 − 37%) = 347.193 → 347; × 5% = 17.36 → 17; hours 17.35965 × 95 / 60 = 27.486 → 27; WTE ÷ 1,270 = 0.0216 → 0.02
    ["low", "work", 347, 17, 27, 0.02],
    // HIGH. Frailty: 2,000 × 5% + 1,000 × 32.6% = 426; × 30% = 127.8 → 128
    //   minutes: 75 + 20 + 100% × 45 + 3 × (60 + 20) = 380; hours = 127.8 × 380 / 60 = 809.4 → 809; WTE ÷ 1,000 = 0.8094 → 0.81
    ["high", "frailty", 426, 128, 809, 0.81],
    // Mental health: (12,000 × 31.6% + 10,000 × 20%) × 60% = 3,475.2 → 3,475; × 10% = 347.52 → 348
    //   minutes 75 + 20 + 2 × 80 = 255; hours = 1,476.96 → 1,477; WTE ÷ 1,000 = 1.47696 → 1.48
    ["high", "mental-health", 3475, 348, 1477, 1.48],
    // Work: notes 3,310 + 2,410 = 5,720; × 45% = 2,574; ÷ 1.5 = 1,716; × 90% = 1,544.4 → 1,544
    //   × 15% = 231.66 → 232; minutes 75 + 20 + 3 × 80 = 335; hours 1,293.435 → 1,293; WTE ÷ 1,000 = 1.2934 → 1.29
    ["high", "work", 1544, 232, 1293, 1.29],
  ] as const)("%s %s", (end, id, people, patients, hours, wte) => {
    const e = g[id]!.extremes;
    expect([e.people[end], e.patients[end], e.hours[end], e.wte[end]]).toEqual([people, patients, hours, wte]);
  });
  // low: 44.8 + 62.157 + 27.486 = 134.443 hours; high: 809.4 + 1,476.96 + 1,293.435 = 3,579.795 hours
  it("total extremes: 134.443 hours → 134 (÷ 1,270 = 0.1059 → 0.11 WTE) and 3,579.795 → 3,580 (÷ 1,000 = 3.58 WTE)", () => {
    expect([r.total.extremes.hours.low, r.total.extremes.wte.low]).toEqual([134, 0.11]);
    expect([r.total.extremes.hours.high, r.total.extremes.wte.high]).toEqual([3580, 3.58]);
  });
  it("the range lies within the extremes and holds the central figure", () => {
    for (const x of [...r.groups, r.total]) {
      for (const m of ["people", "patients", "hours", "wte"] as const) {
        expect(x[m].low).toBeGreaterThanOrEqual(x.extremes[m].low);
        expect(x[m].low).toBeLessThanOrEqual(x[m].central);
        expect(x[m].high).toBeGreaterThanOrEqual(x[m].central);
        expect(x[m].high).toBeLessThanOrEqual(x.extremes[m].high);
      }
    }
  });
});

describe("the range: root-sum-square of one-at-a-time swings", () => {
  it("one free assumption: reach for frailty 10–30% swings the frailty hours by ±127.875", () => {
    const r = calculateNeed(A, fixAllBut("reachFrailty"));
    const frailty = r.groups[0]!;
    // 255.75 × 10/20 = 127.875 → 128; × 30/20 = 383.625 → 384
    expect(frailty.hours).toEqual({ low: 128, central: 256, high: 384 });
    // total: 844.7385 ∓ 127.875 = 716.8635 → 717 and 972.6135 → 973; ÷ 1,160 = 0.6180 → 0.62 and 0.8385 → 0.84
    expect(r.total.hours).toEqual({ low: 717, central: 845, high: 973 });
    expect(r.total.wte).toEqual({ low: 0.62, central: 0.73, high: 0.84 });
    // the other groups do not move
    expect(r.groups[1]!.hours).toEqual({ low: 285, central: 285, high: 285 });
  });
  it("two free assumptions: reach for frailty and for work combine as √(127.875² + 151.788²) = 198.473 hours", () => {
    const r = calculateNeed(A, fixAllBut("reachFrailty", "reachWork"));
    // work: 303.576 × 5/10 = 151.788 down, × 15/10 = 455.364 → +151.788 up
    expect(r.groups[2]!.hours).toEqual({ low: 152, central: 304, high: 455 });
    // 127.875² + 151.788² = 16,352.016 + 23,039.597 = 39,391.613; √ = 198.473
    // total hours 844.7385 − 198.473 = 646.27 → 646; + 198.473 = 1,043.21 → 1,043
    expect(r.total.hours).toEqual({ low: 646, central: 845, high: 1043 });
    // WTE: 0.72822 ∓ 198.473 / 1,160 (0.17110) = 0.55713 → 0.56 and 0.89932 → 0.90
    expect(r.total.wte).toEqual({ low: 0.56, central: 0.73, high: 0.9 });
  });
  it("patient-facing hours per WTE moves the WTE, not the hours: 844.7385 ÷ 1,270 = 0.6651 → 0.67, ÷ 1,000 = 0.8447 → 0.84", () => {
    const r = calculateNeed(A, fixAllBut("clinicalHoursPerWte"));
    expect(r.total.hours).toEqual({ low: 845, central: 845, high: 845 });
    expect(r.total.wte).toEqual({ low: 0.67, central: 0.73, high: 0.84 });
  });
  it("each assumption's effect on the total WTE (reach for frailty: 0.62 / 0.84)", () => {
    const r = calculateNeed(A);
    const reach = r.assumptions.find((a) => a.id === "reachFrailty")!;
    expect(reach.effect).toEqual({ atLow: 0.62, atHigh: 0.84 });
    const perWte = r.assumptions.find((a) => a.id === "clinicalHoursPerWte")!;
    expect(perWte.effect).toEqual({ atLow: 0.84, atHigh: 0.67 }); // more hours per WTE, fewer WTE
  });
});

describe("need-sizing.md Part 3 worked example (work group)", () => {
  it("30,000 aged 18–64 split evenly → about 1,401 people, 140 patients, 455 hours", () => {
    // notes 15,000 × 0.322 + 15,000 × 0.234 = 8,340; × 42% = 3,502.8; ÷ 2 = 1,751.4; × 80% = 1,401.12
    // × 10% = 140.112; × 195 / 60 = 455.364
    const r = calculateNeed(profile({ 30: 15_000 }, { 30: 15_000 }));
    const work = r.groups[2]!;
    expect([work.people.central, work.patients.central, work.hours.central]).toEqual([1401, 140, 455]);
  });
});

describe("directions: each assumption's high end never gives less need than its low end", () => {
  it.each(NEED_ASSUMPTIONS.map((a) => [a.id, a]))("%s", (_id, a) => {
    const r = calculateNeed(A);
    const e = r.assumptions.find((x) => x.id === a.id)!.effect;
    const base = valuesOf(resolveNeedAssumptions().assumptions, "central");
    expect(base[a.id]).toBe(a.value);
    // the end flagged as raising need gives the larger (or equal) total WTE
    if (a.raises) expect(e.atHigh).toBeGreaterThanOrEqual(e.atLow);
    else expect(e.atLow).toBeGreaterThanOrEqual(e.atHigh);
    expect(a.low).toBeLessThanOrEqual(a.value);
    expect(a.value).toBeLessThanOrEqual(a.high);
    expect(a.min).toBeLessThanOrEqual(a.low);
    expect(a.high).toBeLessThanOrEqual(a.max);
  });
});

describe("overrides", () => {
  it("a changed value fixes the assumption (low = high = value) and changes the figures", () => {
    // reach for frailty 40%: frailty hours = 255.75 × 2 = 511.5 → 512 (round half up of .5 is 512)
    const r = calculateNeed(A, { reachFrailty: 40 });
    const a = r.assumptions.find((x) => x.id === "reachFrailty")!;
    expect([a.value, a.low, a.high, a.overridden]).toEqual([40, 40, 40, true]);
    expect(r.groups[0]!.hours.central).toBe(512);
  });
  it("a value equal to the built-in one changes nothing (a form sends every field)", () => {
    const r = calculateNeed(A, { reachFrailty: 20 });
    const a = r.assumptions.find((x) => x.id === "reachFrailty")!;
    expect([a.value, a.low, a.high, a.overridden]).toEqual([20, 10, 30, false]);
  });
  it("id.low / id.high set the range's ends", () => {
    const r = calculateNeed(A, { reachFrailty: 15, "reachFrailty.low": 5, "reachFrailty.high": 25 });
    const a = r.assumptions.find((x) => x.id === "reachFrailty")!;
    expect([a.value, a.low, a.high, a.overridden]).toEqual([15, 5, 25, true]);
    expect(r.issues).toEqual([]);
  });
  it.each([
    ["an unknown assumption", { reachEveryone: 5 }, "reachEveryone", /not an assumption/],
    ["an unknown end", { "reachFrailty.middle": 5 }, "reachFrailty.middle", /not an assumption/],
    ["a percentage over 100", { reachFrailty: 120 }, "reachFrailty", /between 0% and 100%/],
    ["negative minutes", { travelMinutes: -5 }, "travelMinutes", /between 0 minutes and 600 minutes/],
    ["not a number", { adminMinutes: Number.NaN }, "adminMinutes", /must be a number/],
    ["a low end above the value", { "reachFrailty.low": 25 }, "reachFrailty.low", /range must include the value/],
    ["a high end below a new value", { reachWork: 12, "reachWork.high": 11 }, "reachWork.high", /range must include the value/],
  ])("%s is an issue", (_label, overrides, path, message) => {
    const r = calculateNeed(A, overrides as NeedOverrides);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.path).toBe(path);
    expect(r.issues[0]!.message).toMatch(message);
  });
  it("an empty profile gives zero need everywhere", () => {
    const r = calculateNeed(profile({}, {}));
    expect(r.total.wte).toEqual({ low: 0, central: 0, high: 0 });
    expect(r.groups.map((g) => g.shareOfCentral)).toEqual([0, 0, 0]);
  });
});

describe("planner: OT WTE in the first year and the posts for the gap", () => {
  it.each([
    // label,                                   posts,                                                                       year,      expected
    ["no posts", [], "2025/26", 0],
    ["a whole-year OT and a pharmacist", [{ role: "occupational-therapist", wte: 1 }, { role: "clinical-pharmacist", wte: 1 }], "2025/26", 1],
    ["an OT from October counts (in post in the year)", [{ role: "occupational-therapist", wte: 0.6, start: "2025-10-01" }], "2025/26", 0.6],
    ["an OT from the next year does not", [{ role: "occupational-therapist", wte: 0.6, start: "2026-04-01" }], "2025/26", 0],
    ["an OT that left before the year does not", [{ role: "occupational-therapist", wte: 1, start: "2024-04-01", end: "2025-03-31" }], "2025/26", 0],
    ["0.6 + 0.8 = 1.4", [{ role: "occupational-therapist", wte: 0.6 }, { role: "occupational-therapist", wte: 0.8, end: "2025-04-01" }], "2025/26", 1.4],
  ] as const)("%s", (_label, posts, year, expected) => {
    expect(otWteInYear(posts, year)).toBe(expected);
  });
  it.each([
    // central, have, posts added
    [0.7, 0, [0.7]],
    [1.43, 0.6, [0.83]], // 1.43 − 0.6 = 0.83
    [2.5, 0, [1, 1, 0.5]],
    [2, 0, [1, 1]],
    [0.7, 0.7, []],
    [0.7, 1, []],
  ])("central %s, have %s → %j", (central, have, expected) => {
    expect(postsForGap(central, have)).toEqual(expected);
  });
});

describe("planner: when a post added for the need starts", () => {
  it.each([
    ["next month falls in the year", "2026-01-01", "2025/26", "2026-01-01"],
    ["next month is after the year: its first day", "2027-01-01", "2025/26", "2025-04-01"],
    ["next month is before the year: its first day", "2025-01-01", "2025/26", "2025-04-01"],
    ["the last day of the year", "2026-03-31", "2025/26", "2026-03-31"],
  ])("%s", (_label, candidate, year, expected) => {
    expect(startInYear(candidate, year)).toBe(expected);
  });
});

describe("planner: the need against every year of the horizon (issue 14)", () => {
  const years = ["2025/26", "2026/27", "2027/28"];
  // The issue's case: an OT of 1.0 WTE planned from year 2, a central estimate of 1.27 (range
  // 0.80–1.99). Year 1 alone said "add 1.27", which took year 2 to 2.27, above the high 1.99.
  const fromYear2 = [{ role: "occupational-therapist", wte: 1, start: "2026-04-01" }];
  it("compares each year with the range and says what each is missing", () => {
    expect(needByYear({ low: 0.8, central: 1.27, high: 1.99 }, fromYear2, years)).toEqual([
      { financialYear: "2025/26", wte: 0, position: "below the range", missing: 1.27 },
      { financialYear: "2026/27", wte: 1, position: "within the range", missing: 0.27 }, // 1.27 − 1
      { financialYear: "2027/28", wte: 1, position: "within the range", missing: 0.27 },
    ]);
    expect(otWteByYear(fromYear2, years)).toEqual([0, 1, 1]);
  });
  it.each([
    // label, central, have by year, posts (wte, first year index, last year index or null = open)
    ["the issue's case: 1.00 for year 1 only, 0.27 from year 1", 1.27, [0, 1, 1], [{ wte: 0.27, fromYear: 0, toYear: null }, { wte: 1, fromYear: 0, toYear: 0 }]],
    ["nothing planned: the whole gap from year 1", 1.27, [0, 0, 0], [{ wte: 1, fromYear: 0, toYear: null }, { wte: 0.27, fromYear: 0, toYear: null }]],
    ["an OT leaving after year 1: the gap from year 2", 1.5, [1, 0, 0], [{ wte: 0.5, fromYear: 0, toYear: null }, { wte: 1, fromYear: 1, toYear: null }]],
    ["a gap in year 2 only", 1, [1, 0.4, 1], [{ wte: 0.6, fromYear: 1, toYear: 1 }]],
    ["every year already at or above the central estimate", 1, [1, 1.2, 2], []],
    ["one year", 2.5, [0.5], [{ wte: 1, fromYear: 0, toYear: null }, { wte: 1, fromYear: 0, toYear: null }]],
  ] as const)("%s", (_label, central, have, expected) => {
    const posts = postsForNeed(central, have);
    expect(posts).toEqual(expected);
    // after adding them, every year has exactly max(what it had, the central estimate)
    have.forEach((h, y) => {
      const added = posts.filter((p) => p.fromYear <= y && (p.toYear === null || p.toYear >= y)).reduce((a, p) => a + Math.round(p.wte * 100), 0);
      expect((Math.round(h * 100) + added) / 100).toBe(Math.max(h, central));
    });
  });
});
