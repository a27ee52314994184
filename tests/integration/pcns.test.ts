// PCN data access on a fresh SQLite file seeded with the fictional demo data: search, detail,
// weighted population (stored or estimated), entitlement, the editor's ICB-confirmed figure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { AppError } from "@/lib/server/errors";
import { grantMembership } from "@/lib/server/auth/memberships";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createUser, type SessionUser } from "@/lib/server/auth/users";
import {
  estimateWeighted,
  getPcnDetail,
  resolveWeightedPopulation,
  searchPcns,
  setConfirmedWeightedPopulation,
} from "@/lib/server/pcn-data/pcns";
import { loadCalibrationInputs } from "@/lib/server/pcn-data/weighted-calibration";
import { ageSexIndex, calibrate, MIN_EMPIRICAL, MIN_FIT, predictRatio, type AgeSexProfile } from "@/lib/weighted-estimate";
import { createTestDb, type TestDb } from "../support/db";

const parseProfile = (json: string) => JSON.parse(json) as AgeSexProfile;

let env: TestDb;
let db: Db;
/** An editor of the PCNs these tests enter figures for (UZ1005, UZ1008, UZ1030). */
let editor: SessionUser;

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  db = env.db;
  editor = await createUser(db, { email: "wp@example.nhs.uk", name: "Test Editor", password: "a-long-password" });
  for (const pcnCode of ["UZ1005", "UZ1008", "UZ1029", "UZ1030"]) await grantMembership(db, COMMAND_LINE, { email: editor.email, pcnCode, role: "editor" });
});

afterAll(async () => {
  await env?.cleanup();
});

async function issuesOf(p: Promise<unknown>): Promise<{ code: string; issues: { path: string; message: string }[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, issues: e.issues };
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("searchPcns", () => {
  it("finds a PCN by part of its name, in any case", async () => {
    const r = await searchPcns(db, { q: "oakf" });
    expect(r.total).toBe(1);
    expect(r.items[0]).toMatchObject({ code: "UZ1002", name: "OAKFIELD DEMO PCN", matchedBecause: "PCN name" });
    expect(r.items[0]!.icb).toEqual({ code: "QZA", name: "NHS Avonmere Demo Integrated Care Board" });
    expect(r.items[0]!.registeredPatients).toBeGreaterThan(0);
    expect(r.items[0]!.registeredPatientsDate).toBe("2026-08-01");
  });

  it("finds a PCN by its code (exact code ranks first)", async () => {
    const r = await searchPcns(db, { q: "uz1007" });
    expect(r.items[0]).toMatchObject({ code: "UZ1007", matchedBecause: "PCN code UZ1007" });
    const partial = await searchPcns(db, { q: "UZ100" });
    expect(partial.total).toBe(9); // UZ1001…UZ1009
  });

  it("finds a PCN by a member practice's name, and says which practice matched", async () => {
    // Practice names are "<Place> <Kind> (Demo)"; only Millbrook's practices contain "millbrook".
    const r = await searchPcns(db, { q: "millbrook surgery" });
    expect(r.total).toBe(1);
    expect(r.items[0]!.code).toBe("UZ1003");
    expect(r.items[0]!.matchedBecause).toMatch(/^member practice Millbrook Surgery \(Demo\) \(Z9\d{4}\)/);
  });

  it("finds a PCN by a member practice's code", async () => {
    const detail = await getPcnDetail(db, "UZ1010");
    const practice = detail!.practices[0]!;
    const r = await searchPcns(db, { q: practice.code.toLowerCase() });
    expect(r.items.map((i) => i.code)).toContain("UZ1010");
    const item = r.items.find((i) => i.code === "UZ1010")!;
    expect(item.matchedBecause).toBe(`member practice ${practice.name} (${practice.code})`);
  });

  it("finds PCNs by ICB name or code", async () => {
    // QZB (Brackenfold) has one sub-ICB, Z03; PCN i is in sub-ICB i mod 7, so PCNs 2, 9, 16, 23 (0-based).
    const byName = await searchPcns(db, { q: "brackenfold" });
    expect(byName.items.map((i) => i.code).sort()).toEqual(["UZ1003", "UZ1010", "UZ1017", "UZ1024"]);
    expect(byName.items.every((i) => i.matchedBecause?.startsWith("ICB NHS Brackenfold Demo Integrated Care Board (QZB)"))).toBe(true);
    const byCode = await searchPcns(db, { q: "qzb" });
    expect(byCode.total).toBe(4);
  });

  it("paginates: total count, page of items, no overlap between pages", async () => {
    // "DEMO" is in every PCN name: 30 matches.
    const p1 = await searchPcns(db, { q: "demo", page: 1, pageSize: 12 });
    const p3 = await searchPcns(db, { q: "demo", page: 3, pageSize: 12 });
    expect(p1).toMatchObject({ total: 30, page: 1, pageSize: 12 });
    expect(p1.items).toHaveLength(12);
    expect(p3.items).toHaveLength(6); // 30 − 2 × 12
    const p2 = await searchPcns(db, { q: "demo", page: 2, pageSize: 12 });
    const all = [...p1.items, ...p2.items, ...p3.items].map((i) => i.code);
    expect(new Set(all).size).toBe(30);
    const beyond = await searchPcns(db, { q: "demo", page: 9, pageSize: 12 });
    expect(beyond).toMatchObject({ total: 30, items: [] });
  });

  it("lists every PCN by name when the query is empty; nothing for no match; LIKE wildcards are literal", async () => {
    const all = await searchPcns(db, { q: "", pageSize: 100 });
    expect(all.total).toBe(30);
    expect(all.items[0]!.name).toBe("ASHCOMBE DEMO PCN");
    expect((await searchPcns(db, { q: "zzzz-nothing" })).total).toBe(0);
    expect((await searchPcns(db, { q: "%" })).total).toBe(0);
    expect((await searchPcns(db, { q: "_" })).total).toBe(0);
  });

  it("rejects bad paging with field issues", async () => {
    const e = await issuesOf(searchPcns(db, { q: "x", page: "0", pageSize: "101" }));
    expect(e.code).toBe("invalid_input");
    expect(e.issues.map((i) => i.path).sort()).toEqual(["page", "pageSize"]);
    expect((await issuesOf(searchPcns(db, { pageSize: "ten" }))).issues[0]!.path).toBe("pageSize");
  });
});

describe("getPcnDetail", () => {
  it("returns the PCN, its ICB, sub-ICB, region and member practices with their latest lists", async () => {
    const d = (await getPcnDetail(db, "uz1001"))!;
    expect(d).toMatchObject({
      code: "UZ1001",
      name: "RIVERSIDE DEMO PCN",
      icb: { code: "QZA" },
      subIcb: { code: "Z01" },
      region: { code: "ZR1", name: "Demo North Region" },
      membershipExtractDate: "2026-08-01",
      registeredPatientsDate: "2026-08-01",
      registeredPatientsSource: "pcn",
    });
    expect(d.practices.length).toBeGreaterThanOrEqual(3);
    for (const p of d.practices) {
      expect(p.code).toMatch(/^Z9\d{4}$/);
      expect(p.registeredPatients).toBeGreaterThan(0);
    }
    // The demo PCN total is the sum of its practices.
    expect(d.registeredPatients).toBe(d.practices.reduce((s, p) => s + (p.registeredPatients ?? 0), 0));
    expect(d.male! + d.female!).toBe(d.registeredPatients);
    expect(d.ageProfile!.male).toHaveLength(96);
    expect(d.weightedPopulations.map((w) => w.financialYear)).toEqual(["2023/24", "2024/25", "2025/26", "2026/27"]);
    expect(d.entitlements.map((e) => e.financialYear)).toEqual(["2023/24", "2024/25", "2025/26", "2026/27"]);
  });

  it("returns null for an unknown code", async () => {
    expect(await getPcnDetail(db, "UZ9999")).toBeNull();
  });

  it("uses a newer membership extract and a newer practice figure; falls back to the sum of practices", async () => {
    // A separate PCN so other tests keep the seed's figures.
    await db.pcn.create({ data: { code: "UZ2001", name: "FALLBACK TEST PCN", nameSearch: "FALLBACK TEST PCN", icbCode: "QZA" } });
    await db.practice.createMany({
      data: [
        { code: "Z99001", name: "Old Member", nameSearch: "OLD MEMBER" },
        { code: "Z99002", name: "Kept Member", nameSearch: "KEPT MEMBER" },
        { code: "Z99003", name: "New Member", nameSearch: "NEW MEMBER" },
      ],
    });
    await db.practiceMembership.createMany({
      data: [
        { practiceCode: "Z99001", pcnCode: "UZ2001", extractDate: "2026-04-01" },
        { practiceCode: "Z99002", pcnCode: "UZ2001", extractDate: "2026-04-01" },
        { practiceCode: "Z99002", pcnCode: "UZ2001", extractDate: "2026-07-01" },
        { practiceCode: "Z99003", pcnCode: "UZ2001", extractDate: "2026-07-01" },
      ],
    });
    await db.registeredPopulation.createMany({
      data: [
        { orgType: "PRACTICE", orgCode: "Z99002", extractDate: "2026-04-01", total: 5000, male: 2500, female: 2500 },
        { orgType: "PRACTICE", orgCode: "Z99002", extractDate: "2026-07-01", total: 5100, male: 2540, female: 2560 },
        { orgType: "PRACTICE", orgCode: "Z99003", extractDate: "2026-07-01", total: 4000, male: 1990, female: 2010 },
      ],
    });
    const d = (await getPcnDetail(db, "UZ2001"))!;
    expect(d.membershipExtractDate).toBe("2026-07-01");
    expect(d.practices.map((p) => [p.code, p.registeredPatients])).toEqual([
      ["Z99002", 5100],
      ["Z99003", 4000],
    ]);
    expect(d.registeredPatientsSource).toBe("sum-of-practices");
    expect(d.registeredPatients).toBe(9100); // 5,100 + 4,000
    expect(d.male).toBe(4530); // 2,540 + 1,990
    expect(d.registeredPatientsNote).toMatch(/sum of the member practices/);
    // No stored weighted figure and no age profile: every year is 9,100 × 1.0 = 9,100.00, an
    // estimate, with the published 80% interval (× e^∓0.1801: 9,100 × 0.835187 = 7,600.20; × 1.197337 = 10,895.77).
    expect(d.weightedPopulations.every((w) => w.provenance === "estimate" && w.value === 9100)).toBe(true);
    expect(d.weightedPopulations[0]!.basis).toBe(
      // 2023/24: the practices' July 2026 lists are all there is, later than 1 January 2023 (issue 14: said so).
      "9,100 registered patients (1 Jul 2026, a later list than 1 January 2023, the date the year's figure is based on: no list nearer that date is stored), summed from member practices × 1.0, no stored weighted population or age profile to estimate from",
    );
    expect(d.weightedPopulations[0]!.interval).toEqual({ low: 7600.2, high: 10895.77, level: 0.8 });
    expect(d.weightedPopulations[0]!.intervalBasis).toMatch(/^80% interval 7,600 to 10,896 \(-16\.5% to \+19\.7%\): the published spread of the Carr-Hill additional-needs index/);
  });
});

describe("weighted population and entitlement", () => {
  it("UZ1001 (seeded ICB-confirmed 2024/25 and 2025/26): stored figures, estimates from the 2025/26 ratio", async () => {
    const d = (await getPcnDetail(db, "UZ1001"))!;
    const stored = await db.weightedPopulation.findMany({ where: { pcnCode: "UZ1001" } });
    const fy2526 = stored.find((s) => s.financialYear === "2025/26")!;
    const [w23, w24, w25, w26] = d.weightedPopulations;
    expect(w24!.provenance).toBe("icb-confirmed");
    expect(w25).toMatchObject({ provenance: "icb-confirmed", value: fy2526.value });
    // Ratio from the latest year (2025/26): value ÷ its registered list, 4 decimals half up;
    // estimate = the list nearest the year's 1 January × ratio, 2 decimals half up (issue 14: not
    // today's list for every year). 2023/24: the seeded 1 January 2023 list; 2026/27: no 1 January
    // 2026 list, the August 2026 one is nearer than January 2025.
    const ratioE4 = Math.round((fy2526.value / fy2526.registeredList!) * 10_000);
    const list23 = (await db.registeredPopulation.findUniqueOrThrow({ where: { orgType_orgCode_extractDate: { orgType: "PCN", orgCode: "UZ1001", extractDate: "2023-01-01" } } })).total;
    expect(list23).toBe(Math.round(d.registeredPatients! * 0.97));
    expect(w23).toMatchObject({ provenance: "estimate", value: Math.round((list23 * ratioE4) / 100) / 100 });
    expect(w26).toMatchObject({ provenance: "estimate", value: Math.round((d.registeredPatients! * ratioE4) / 100) / 100 });
    expect(w26!.basis).toContain("the ratio of the 2025/26 ICB-confirmed figure");
    // 2026/27: both the population and the rate are estimates.
    const e26 = d.entitlements[3]!;
    expect(e26.isEstimate).toBe(true);
    expect(e26.reasons).toEqual([
      "the weighted population is an estimate",
      "the 2026/27 rate of £27.668 per weighted patient (ARRS entitlement) is an estimate",
    ]);
    // 2025/26: confirmed population, published rate → not an estimate; £ = value × 26.631, to the penny.
    const e25 = d.entitlements[2]!;
    expect(e25.isEstimate).toBe(false);
    expect(e25.reasons).toEqual([]);
    expect(e25.amountPence).toBe(Math.round(fy2526.value * 26.631 * 100));
    expect(e25.amount).toBe(e25.amountPence / 100);
  });

  it("UZ1002 (seeded imported 2024/25 only): ratio 63,412 ÷ 57,526 = 1.1023; 58,402 × 1.1023 = 64,376.52", async () => {
    const d = (await getPcnDetail(db, "UZ1002"))!;
    const stored = (await db.weightedPopulation.findMany({ where: { pcnCode: "UZ1002" } }))[0]!;
    // The seed is deterministic: these are its figures for Oakfield.
    expect([stored.value, stored.registeredList, d.registeredPatients]).toEqual([63412, 57526, 58402]);
    const w25 = d.weightedPopulations[2]!;
    expect(w25).toMatchObject({ financialYear: "2025/26", provenance: "estimate", value: 64376.52 });
    expect(w25.basis).toBe(
      // The list nearest 1 January 2025: the seeded January 2025 one (the same size as August 2026's).
      "58,402 registered patients (1 Jan 2025) × 1.1023, the ratio of the 2024/25 imported figure (63,412 ÷ 57,526)",
    );
    // 64,376.52 × £26.631 = £1,714,411.10 (1,714,411.1041… rounded half up to the penny)
    expect(d.entitlements[2]).toMatchObject({ amount: 1714411.1, isEstimate: true, reasons: ["the weighted population is an estimate"] });
    // 2024/25 imported, published rates: 63,412 × 22.894 = 1,451,754.33 (main) + 63,412 × 1.303 = 82,625.84 (GP pot)
    expect(d.entitlements[1]).toMatchObject({ amount: 1534380.17, isEstimate: false });
    expect(d.weightedPopulations[1]).toMatchObject({ provenance: "imported", value: 63412 });
  });

  it("UZ1003 (nothing stored): list × the age/sex ratio (published index × the stored PCNs' mean × its ICB's), with an 80% interval", async () => {
    const d = (await getPcnDetail(db, "UZ1003"))!;
    // Recompute from the primitives: the demo holds fewer than 100 stored PCNs, so the published
    // Carr-Hill index against England (here: the sum of the PCN profiles; no regions) × k.
    const inputs = await loadCalibrationInputs(db, "demo");
    expect(inputs.englandFrom).toBe("pcns");
    expect(inputs.stored.length).toBeGreaterThanOrEqual(MIN_EMPIRICAL);
    expect(inputs.stored.length).toBeLessThan(MIN_FIT);
    const k = Math.exp(inputs.stored.reduce((s, p) => s + Math.log(p.ratio / ageSexIndex(p.profile, inputs.england)!), 0) / inputs.stored.length);
    const own = parseProfile((await db.registeredPopulation.findFirst({ where: { orgType: "PCN", orgCode: "UZ1003", extractDate: "2026-08-01" } }))!.ageProfile!);
    const model = calibrate(inputs.stored, inputs.england);
    expect(model.method).toBe("published");
    expect(model.scale).toBeCloseTo(k, 12);
    const pred = predictRatio(model, own, (await db.pcn.findUnique({ where: { code: "UZ1003" } }))!.icbCode)!;
    expect(pred.ageSexRatio).toBeCloseTo(ageSexIndex(own, inputs.england)! * k, 12);
    const ratioE4 = Math.round(pred.ratio * 10_000);
    expect(ratioE4).not.toBe(10_000);
    // Each year's list: the seeded one nearest its 1 January (2023, 2024, 2025; 2026/27 the August 2026 one).
    const lists = [0.97, 0.985, 1, 1].map((f) => Math.round(d.registeredPatients! * f));
    const values = lists.map((list) => Math.round((list * ratioE4) / 100) / 100);
    for (const [i, w] of d.weightedPopulations.entries()) {
      const value = values[i]!;
      expect(w.estimate!.registeredPatients).toBe(lists[i]);
      expect(w).toMatchObject({ provenance: "estimate", value, estimate: { method: "published", ratio: ratioE4 / 10_000 } });
      expect(w.basis).toMatch(/age\/sex index against England with the published Carr-Hill weights/);
      expect(w.basis).toMatch(/no stored weighted population of its own$/);
      // The interval: the 10th–90th percentile of the method's leave-one-out errors on the stored PCNs.
      expect(w.interval!.low).toBeCloseTo(value * model.interval.low, 1);
      expect(w.interval!.high).toBeCloseTo(value * model.interval.high, 1);
      expect(w.interval!.low).toBeLessThan(value);
      expect(w.interval!.high).toBeGreaterThan(value);
      expect(w.intervalBasis).toMatch(new RegExp(`each of the ${inputs.stored.length} fictional demo PCNs with a stored figure is estimated from the others`));
    }
    // 2023/24: value × £22.671; the entitlement's interval from the population's.
    const e = d.entitlements[0]!;
    expect(e.amountPence).toBe(Math.round(values[0]! * 22.671 * 100));
    expect(e.weightedPopulationInterval).toEqual(d.weightedPopulations[0]!.interval);
    expect(e.amountInterval).toMatchObject({ lowPence: Math.round(d.weightedPopulations[0]!.interval!.low * 22.671 * 100), highPence: Math.round(d.weightedPopulations[0]!.interval!.high * 22.671 * 100) });
  });

  it("estimateWeighted: list × ratio to 2 decimals, half up", () => {
    expect(estimateWeighted(41250, 10312)).toBe(42537); // 41,250 × 1.0312 = 42,537.00
    expect(estimateWeighted(12345, 10001)).toBe(12346.23); // 12,345 × 1.0001 = 12,346.2345 → .23
    expect(estimateWeighted(5, 10001)).toBe(5); // 5 × 1.0001 = 5.0005 → 5.00
    expect(estimateWeighted(1, 10050)).toBe(1.01); // 1 × 1.005 = 1.005 → 1.01 (half up)
  });

  it("resolveWeightedPopulation: stored, estimate, unknown PCN", async () => {
    expect(await resolveWeightedPopulation(db, "UZ1002", "2024/25")).toEqual({
      value: 63412,
      provenance: "imported",
      basis: "imported figure (demo-practice-weighted-population.csv (fictional))",
      pcnName: "OAKFIELD DEMO PCN",
    });
    expect(await resolveWeightedPopulation(db, "uz1002", "2026/27")).toMatchObject({ value: 64376.52, provenance: "estimate" });
    expect(await resolveWeightedPopulation(db, "UZ9999", "2025/26")).toBeNull();
  });
});

describe("setConfirmedWeightedPopulation", () => {
  it("confirmed beats imported; the imported figure is kept; later estimates use the confirmed ratio", async () => {
    // UZ1005 (i = 4, i mod 3 = 1) has an imported 2024/25 figure.
    const before = (await getPcnDetail(db, "UZ1005"))!;
    expect(before.weightedPopulations[1]!.provenance).toBe("imported");
    const importedValue = before.weightedPopulations[1]!.value;

    const saved = await setConfirmedWeightedPopulation(db, {
      code: "uz1005",
      financialYear: "2024/25",
      value: 50000.5,
      source: "ICB letter 14 Feb 2025",
      enteredBy: "Test Editor",
    }, editor);
    expect(saved).toMatchObject({ provenance: "icb-confirmed", value: 50000.5 });
    expect(saved.basis).toBe("ICB-confirmed figure (ICB letter 14 Feb 2025), entered by Test Editor");
    expect(saved.alsoStored).toEqual([{ provenance: "imported", value: importedValue, source: expect.any(String) }]);

    const rows = await db.weightedPopulation.findMany({ where: { pcnCode: "UZ1005", financialYear: "2024/25" }, orderBy: { provenance: "asc" } });
    expect(rows.map((r) => r.provenance)).toEqual(["icb-confirmed", "imported"]);

    const after = (await getPcnDetail(db, "UZ1005"))!;
    expect(after.weightedPopulations[1]).toMatchObject({ provenance: "icb-confirmed", value: 50000.5 });
    // The confirmed row records today's list, so the ratio is 50,000.5 ÷ list.
    const list = after.registeredPatients!;
    const ratioE4 = Math.round((50000.5 / list) * 10_000);
    expect(after.weightedPopulations[2]).toMatchObject({ provenance: "estimate", value: Math.round(list * ratioE4 / 100) / 100 });
    expect(after.weightedPopulations[2]!.basis).toContain("the ratio of the 2024/25 ICB-confirmed figure");

    // Entering again replaces the confirmed figure (one row per year).
    await setConfirmedWeightedPopulation(db, { code: "UZ1005", financialYear: "2024/25", value: 50001, source: "ICB email", enteredBy: "Test Editor", note: "corrected" }, editor);
    expect(await db.weightedPopulation.count({ where: { pcnCode: "UZ1005", financialYear: "2024/25" } })).toBe(2);
    expect(await resolveWeightedPopulation(db, "UZ1005", "2024/25")).toMatchObject({ value: 50001, provenance: "icb-confirmed" });
  });

  it.each([
    // [label, input change, path]
    ["year not supported", { financialYear: "2019/20" }, "financialYear"],
    ["zero", { value: 0 }, "value"],
    ["negative", { value: -5 }, "value"],
    ["over 2,000,000", { value: 2_000_000.01 }, "value"],
    ["three decimals", { value: 41250.125 }, "value"],
    ["not a number", { value: Number.NaN }, "value"],
    ["empty source", { source: "  " }, "source"],
    ["empty name", { enteredBy: "" }, "enteredBy"],
  ])("rejects %s and changes nothing", async (_label, change, pathName) => {
    const before = await db.weightedPopulation.count();
    const e = await issuesOf(
      setConfirmedWeightedPopulation(db, { code: "UZ1008", financialYear: "2025/26", value: 40000, source: "ICB letter", enteredBy: "Ed", ...change }, editor),
    );
    expect(e.code).toBe("invalid_input");
    expect(e.issues.map((i) => i.path)).toEqual([pathName]);
    expect(await db.weightedPopulation.count()).toBe(before);
  });

  // Issue 15: the same years as everywhere else — 2023/24 to three years after the current one.
  const DEC_2026 = new Date("2026-12-04T09:00:00Z");
  it.each(["2027/28", "2029/30"])("accepts %s in December 2026 (a year without a rule table), and a plan for that year uses it", async (fy) => {
    const saved = await setConfirmedWeightedPopulation(db, { code: "UZ1029", financialYear: fy, value: 41_000.25, source: "ICB planning letter", enteredBy: "Ed" }, editor, DEC_2026);
    expect(saved).toMatchObject({ financialYear: fy, provenance: "icb-confirmed", value: 41_000.25 });
    expect(await resolveWeightedPopulation(db, "UZ1029", fy)).toMatchObject({ value: 41_000.25, provenance: "icb-confirmed" });
  });

  it.each([
    ["2030/31", /too far ahead: plans can start at most 3 years after the current financial year \(2026\/27\)\. Choose a year from 2023\/24 to 2029\/30/],
    ["2022/23", /2023\/24 or later/],
    ["2027-28", /written like 2026\/27/],
  ])("rejects %s in December 2026 in words, and changes nothing", async (fy, message) => {
    const before = await db.weightedPopulation.count();
    const e = await issuesOf(setConfirmedWeightedPopulation(db, { code: "UZ1029", financialYear: fy, value: 40_000, source: "ICB letter", enteredBy: "Ed" }, editor, DEC_2026));
    expect(e.code).toBe("invalid_input");
    expect(e.issues.map((i) => i.path)).toEqual(["financialYear"]);
    expect(e.issues[0]!.message).toMatch(message);
    expect(await db.weightedPopulation.count()).toBe(before);
  });

  it("accepts exactly 2,000,000 and 2 decimals", async () => {
    await expect(setConfirmedWeightedPopulation(db, { code: "UZ1030", financialYear: "2026/27", value: 2_000_000, source: "s", enteredBy: "e" }, editor)).resolves.toMatchObject({ value: 2_000_000 });
    await expect(setConfirmedWeightedPopulation(db, { code: "UZ1030", financialYear: "2026/27", value: 12345.67, source: "s", enteredBy: "e" }, editor)).resolves.toMatchObject({ value: 12345.67 });
  });

  it("unknown PCN → not_found", async () => {
    const e = await issuesOf(setConfirmedWeightedPopulation(db, { code: "UZ9999", financialYear: "2025/26", value: 1, source: "s", enteredBy: "e" }, editor));
    expect(e.code).toBe("not_found");
  });
});
