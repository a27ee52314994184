// Fictional demo dataset: made-up ICBs, sub-ICB locations, PCNs, practices and populations.
// Every name says "Demo" and every code starts with Z (practices, regions) or UZ (PCNs) or
// QZ (ICBs), prefixes NHS England does not issue, so nobody mistakes them for real ones.
// Deterministic: the same seed always produces the same data.
import type { Db } from "@/lib/server/db/create-prisma";
import { bumpDataVersion } from "@/lib/server/pcn-data/data-version";
import { DEMO_ACCOUNT, ensureDemoAccount } from "@/lib/server/auth/demo-account";

export const DEMO_EXTRACT_DATE = "2026-08-01";
/** PCN-level lists before the extract: date and the list as a share of the extract's. */
export const DEMO_EARLIER_LISTS: readonly (readonly [string, number])[] = [
  ["2023-01-01", 0.97],
  ["2024-01-01", 0.985],
  ["2025-01-01", 1],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ICBS = [
  { code: "QZA", name: "NHS Avonmere Demo Integrated Care Board", region: "ZR1", subIcbs: ["Avonmere North", "Avonmere South"] },
  { code: "QZB", name: "NHS Brackenfold Demo Integrated Care Board", region: "ZR1", subIcbs: ["Brackenfold"] },
  { code: "QZC", name: "NHS Calder Vale Demo Integrated Care Board", region: "ZR2", subIcbs: ["Calder Vale East", "Calder Vale West"] },
  { code: "QZD", name: "NHS Thamesbury Demo Integrated Care Board (London)", region: "ZR3", subIcbs: ["Thamesbury Inner", "Thamesbury Outer"] },
];
const REGIONS = [
  { code: "ZR1", name: "Demo North Region" },
  { code: "ZR2", name: "Demo Midlands Region" },
  { code: "ZR3", name: "Demo London Region" },
];
const PLACES = [
  "Riverside", "Oakfield", "Millbrook", "Harbour View", "Kingsgate", "Elmstead", "Foxhollow", "Greenacre",
  "Highmoor", "Larkspur", "Meadowbank", "Northcliffe", "Old Quarry", "Pennywell", "Queensmead", "Rookwood",
  "Saltmarsh", "Thornbury Heath", "Upperdale", "Valley Bridge", "Westbrook", "Yarrow", "Ashcombe", "Beacon Hill",
  "Cedar Park", "Dunmore", "Eastgate", "Fernleigh", "Glenholme", "Hawthorn Cross",
];
const PRACTICE_KINDS = ["Medical Centre", "Surgery", "Health Centre", "Family Practice", "Group Practice"];

/** Age profile for a list of `total` patients: index 0..95 (95 = 95+), split by sex. */
function ageProfile(total: number, rand: () => number, elderlyTilt: number) {
  const weights: number[] = [];
  for (let age = 0; age <= 95; age++) {
    let w = age < 18 ? 1.05 : age < 65 ? 1.35 : age < 85 ? 1.0 * elderlyTilt : 0.35 * elderlyTilt;
    if (age === 95) w = 0.9 * elderlyTilt;
    weights.push(w * (0.9 + 0.2 * rand()));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const male: number[] = [];
  const female: number[] = [];
  let assigned = 0;
  weights.forEach((w, i) => {
    const n = i === 95 ? total - assigned : Math.floor((w / sum) * total);
    assigned += n;
    const femaleShare = i >= 75 ? 0.56 : 0.5;
    const f = Math.round(n * femaleShare);
    female.push(f);
    male.push(n - f);
  });
  return { male, female };
}

/** Seeds the demo data and the demo editor account (DEMO_ACCOUNT: may plan only for these PCNs). */
export async function seedDemo(db: Db): Promise<{ pcns: number; practices: number; demoAccount: string }> {
  const rand = rng(20260801);
  await db.region.createMany({ data: REGIONS.map((r) => ({ code: r.code, name: r.name })) });
  await db.icb.createMany({ data: ICBS.map((i) => ({ code: i.code, name: i.name, regionCode: i.region })) });
  const subIcbs: { code: string; icbCode: string; name: string }[] = [];
  let subIndex = 0;
  for (const icb of ICBS) {
    for (const name of icb.subIcbs) {
      subIcbs.push({ code: `Z${String(++subIndex).padStart(2, "0")}`, icbCode: icb.code, name: `NHS ${name} Demo Sub-ICB Location` });
    }
  }
  await db.subIcb.createMany({ data: subIcbs });

  const pcns = [];
  const practices = [];
  const memberships = [];
  const populations = [];
  const weighted = [];
  let practiceNo = 0;
  for (let i = 0; i < PLACES.length; i++) {
    const place = PLACES[i]!;
    const sub = subIcbs[i % subIcbs.length]!;
    const code = `UZ${String(1001 + i).padStart(4, "0")}`;
    const name = `${place.toUpperCase()} DEMO PCN`;
    pcns.push({ code, name, nameSearch: name.toUpperCase(), icbCode: sub.icbCode, subIcbCode: sub.code, isDemo: true });
    const practiceCount = 3 + Math.floor(rand() * 5);
    const elderlyTilt = 0.7 + rand() * 0.8;
    let pcnTotal = 0;
    const pcnMale = new Array(96).fill(0) as number[];
    const pcnFemale = new Array(96).fill(0) as number[];
    for (let p = 0; p < practiceCount; p++) {
      practiceNo++;
      const pCode = `Z${String(90000 + practiceNo)}`;
      const pName = `${place} ${PRACTICE_KINDS[p % PRACTICE_KINDS.length]} (Demo)`;
      const list = 3000 + Math.floor(rand() * 12000);
      practices.push({ code: pCode, name: pName, nameSearch: pName.toUpperCase(), postcode: `ZZ${1 + (practiceNo % 9)} ${practiceNo % 10}DM`, supplier: "DEMO" });
      memberships.push({ practiceCode: pCode, pcnCode: code, subIcbCode: sub.code, extractDate: DEMO_EXTRACT_DATE });
      const prof = ageProfile(list, rand, elderlyTilt);
      prof.male.forEach((n, a) => (pcnMale[a]! += n));
      prof.female.forEach((n, a) => (pcnFemale[a]! += n));
      const male = prof.male.reduce((a, b) => a + b, 0);
      populations.push({ orgType: "PRACTICE", orgCode: pCode, extractDate: DEMO_EXTRACT_DATE, total: list, male, female: list - male, ageProfile: JSON.stringify(prof) });
      pcnTotal += list;
    }
    const male = pcnMale.reduce((a, b) => a + b, 0);
    populations.push({ orgType: "PCN", orgCode: code, extractDate: DEMO_EXTRACT_DATE, total: pcnTotal, male, female: pcnTotal - male, ageProfile: JSON.stringify({ male: pcnMale, female: pcnFemale }) });
    // Earlier lists at 1 January (the date each year's entitlement is based on), growing to today's,
    // so a year with no stored figure is estimated from its own year's list and the years agree:
    // 1 January 2024 is the list of the 2024/25 figures below, 1 January 2025 that of 2025/26.
    // 2026/27 has no 1 January 2026 list: it uses the later August 2026 one, and says so.
    for (const [date, factor] of DEMO_EARLIER_LISTS) {
      populations.push({ orgType: "PCN", orgCode: code, extractDate: date, total: Math.round(pcnTotal * factor), male: null, female: null, ageProfile: null });
    }
    // Weighted populations: some PCNs have ICB-confirmed figures, some imported, some none
    // (the app then estimates and labels the estimate).
    const ratio = 0.9 + elderlyTilt * 0.15;
    if (i % 3 === 0) {
      weighted.push({ pcnCode: code, financialYear: "2025/26", value: Math.round(pcnTotal * ratio * 10) / 10, provenance: "icb-confirmed", registeredList: pcnTotal, source: "Demo ICB letter (fictional)", enteredBy: "demo-seed" });
      weighted.push({ pcnCode: code, financialYear: "2024/25", value: Math.round(pcnTotal * 0.985 * ratio * 10) / 10, provenance: "icb-confirmed", registeredList: Math.round(pcnTotal * 0.985), source: "Demo ICB letter (fictional)", enteredBy: "demo-seed" });
    } else if (i % 3 === 1) {
      weighted.push({ pcnCode: code, financialYear: "2024/25", value: Math.round(pcnTotal * 0.985 * ratio), provenance: "imported", registeredList: Math.round(pcnTotal * 0.985), source: "demo-practice-weighted-population.csv (fictional)", enteredBy: "demo-seed" });
    }
  }
  await db.pcn.createMany({ data: pcns });
  await db.practice.createMany({ data: practices });
  await db.practiceMembership.createMany({ data: memberships });
  await db.registeredPopulation.createMany({ data: populations });
  await db.weightedPopulation.createMany({ data: weighted });
  await bumpDataVersion(db); // running instances' caches of the public pages see the new data
  await ensureDemoAccount(db);
  return { pcns: pcns.length, practices: practices.length, demoAccount: DEMO_ACCOUNT.email };
}
