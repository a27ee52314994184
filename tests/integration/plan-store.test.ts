// Issue 18 item 4: the store of agreed plans' results (lib/server/claims/plan-store.ts,
// docs/decisions/019-stored-plan-results.md). Agreeing a plan, or saving the agreed plan, stores
// every year of its results; the stored figures are exactly a fresh calculation's; the ICB's view
// reads them (a tampered row with a matching key shows, so the read did not price the plan) and
// never serves a row whose key is stale (scenario saved, reference data changed, rules changed) or
// whose text is unreadable; drafts are never stored. The ICB's outturn from the store equals the
// outturn built PCN by PCN from fresh calculations. Runs on SQLite, and on PostgreSQL in the postgres suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planYearsOf } from "@/lib/claims/plan-year";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { createUser, type SessionUser } from "@/lib/server/auth/users";
import { agreeScenario, withdrawAgreement } from "@/lib/server/claims/agree";
import { parseFigures, planStoreRulesKey } from "@/lib/server/claims/plan-store";
import { getIcbOutturn, icbOutturnOf, loadIcbContext } from "@/lib/server/icb/outturn";
import { readDataVersion } from "@/lib/server/pcn-data/data-version";
import { setConfirmedWeightedPopulation } from "@/lib/server/pcn-data/weighted-population";
import { createScenario, getAuthorisedScenarioWithResults, updateBodyOf, updateScenario } from "@/lib/server/scenarios/scenarios";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let admin: SessionUser;
let pcns: { code: string; name: string }[] = [];
let agreedId = "";
let draftId = "";
const YEAR = "2026/27";
const NOW = new Date("2026-08-15T09:00:00Z");

const plan = (name: string, wte = 0.8) => ({
  name,
  firstYear: YEAR,
  years: 3,
  posts: [
    { id: "cp-1", label: "Clinical pharmacist", role: "clinical-pharmacist", status: "existing", band: "7", point: 1, wte: 1, start: "2024-01-01" },
    { id: "ot-1", label: "First Contact OT", role: "occupational-therapist", status: "proposed", band: "7", point: 3, wte, start: "2026-10-01" },
    { id: "gp-1", label: "GP", role: "gp", status: "proposed", sessions: 4, annualSalary: 90_000, start: "2027-01-01" },
  ],
});

/** Every stored year of the scenario, as planYearOf would make it (figures + posts). */
async function storedYears(id: string) {
  const rows = await env.db.agreedPlanYear.findMany({ where: { scenarioId: id }, orderBy: { financialYear: "asc" } });
  return rows.map((r) => ({ key: { scenarioVersion: r.scenarioVersion, dataVersion: r.dataVersion, rulesKey: r.rulesKey }, year: { ...JSON.parse(r.figures), posts: JSON.parse(r.posts) } }));
}

/** A fresh calculation's years. */
async function freshYears(id: string) {
  const s = await getAuthorisedScenarioWithResults(env.db, id, NOW);
  return planYearsOf(s.results, new Map(s.posts.map((p) => [p.id ?? "", p.label])));
}

const rowOf = async (code: string) => (await getIcbOutturn(env.db, admin, "QZA", YEAR, NOW)).pcns.find((p) => p.code === code)!;

async function addClaims(pcnCode: string) {
  for (const [month, pence, status] of [["2026-04", 512_345, "paid"], ["2026-05", 498_001, "approved"], ["2026-06", 10_000, "rejected"]] as const) {
    await env.db.claimMonth.create({ data: { pcnCode, month, version: 1 } });
    await env.db.claimLine.create({
      data: { pcnCode, month, position: 0, postId: "cp-1", label: "Clinical pharmacist", role: "clinical-pharmacist", wteTenThousandths: 10_000, salaryPence: 1, employerNiPence: 0, employerPensionPence: 0, claimedPence: pence, status, paidOn: status === "paid" ? "2026-06-20" : null },
    });
  }
}

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  pcns = await env.db.pcn.findMany({ where: { icbCode: "QZA" }, select: { code: true, name: true }, orderBy: { code: "asc" } });
  admin = (await createUser(env.db, { email: "store@example.nhs.uk", name: "Store Admin", role: "admin", password: "a-long-password" })) as SessionUser;
  const s = await createScenario(env.db, admin, pcns[0]!.code, plan("Agreed plan"), NOW);
  const d = await createScenario(env.db, admin, pcns[1]!.code, plan("Draft"), NOW);
  agreedId = s.id;
  draftId = d.id;
  await addClaims(pcns[0]!.code);
}, 120_000);

afterAll(async () => env?.cleanup());

describe("the store of agreed plans' results", () => {
  it("a draft is never stored; agreeing stores every year, equal to a fresh calculation", async () => {
    expect(await env.db.agreedPlanYear.count({ where: { scenarioId: draftId } })).toBe(0);
    expect(await env.db.agreedPlanYear.count({ where: { scenarioId: agreedId } })).toBe(0);
    await agreeScenario(env.db, admin, agreedId, NOW);
    const stored = await storedYears(agreedId);
    expect(stored.map((s) => s.year.financialYear)).toEqual(["2026/27", "2027/28", "2028/29"]);
    expect(stored.map((s) => s.year)).toEqual(await freshYears(agreedId));
    for (const s of stored) expect(s.key).toEqual({ scenarioVersion: 1, dataVersion: await readDataVersion(env.db), rulesKey: planStoreRulesKey() });
    expect(await env.db.agreedPlanYear.count({ where: { scenarioId: draftId } })).toBe(0);
  });

  it("the ICB's view reads the stored row (a tampered row with a matching key shows) and equals the outturn built from fresh calculations", async () => {
    const fresh = await rowOf(pcns[0]!.code);
    const slow = icbOutturnOf(await loadIcbContext(env.db, admin, "QZA", YEAR, NOW));
    expect(await getIcbOutturn(env.db, admin, "QZA", YEAR, NOW)).toEqual(slow);
    const row = await env.db.agreedPlanYear.findUniqueOrThrow({ where: { scenarioId_financialYear: { scenarioId: agreedId, financialYear: YEAR } } });
    const figures = JSON.parse(row.figures);
    figures.plannedPence[11] += 1; // one penny more in March
    await env.db.agreedPlanYear.update({ where: { scenarioId_financialYear: { scenarioId: agreedId, financialYear: YEAR } }, data: { figures: JSON.stringify(figures) } });
    const tampered = await rowOf(pcns[0]!.code);
    expect(Math.round(tampered.planned * 100)).toBe(Math.round(fresh.planned * 100) + 1);
    // Put it back for the tests below (as the store would write it).
    await env.db.agreedPlanYear.update({ where: { scenarioId_financialYear: { scenarioId: agreedId, financialYear: YEAR } }, data: { figures: row.figures } });
    expect(await rowOf(pcns[0]!.code)).toEqual(fresh);
  });

  it("a row under an old rules key, or unreadable, is not served: recalculated and stored again", async () => {
    const fresh = await rowOf(pcns[0]!.code);
    const where = { scenarioId_financialYear: { scenarioId: agreedId, financialYear: YEAR } };
    const good = await env.db.agreedPlanYear.findUniqueOrThrow({ where });
    const wrong = JSON.parse(good.figures);
    wrong.entitlementPence += 100;
    await env.db.agreedPlanYear.update({ where, data: { figures: JSON.stringify(wrong), rulesKey: "rules-before-an-update" } });
    expect(await rowOf(pcns[0]!.code)).toEqual(fresh);
    expect((await env.db.agreedPlanYear.findUniqueOrThrow({ where })).rulesKey).toBe(planStoreRulesKey());
    await env.db.agreedPlanYear.update({ where, data: { figures: "{not json" } });
    expect(await rowOf(pcns[0]!.code)).toEqual(fresh);
    expect(parseFigures((await env.db.agreedPlanYear.findUniqueOrThrow({ where })).figures, YEAR)).not.toBeNull();
    expect((await storedYears(agreedId)).map((s) => s.year)).toEqual(await freshYears(agreedId));
  });

  it("saving the agreed plan stores the new version's results", async () => {
    const before = await rowOf(pcns[0]!.code);
    const s = await getAuthorisedScenarioWithResults(env.db, agreedId, NOW);
    await updateScenario(env.db, admin, agreedId, { ...updateBodyOf(s), posts: plan("x", 1).posts }, NOW);
    const stored = await storedYears(agreedId);
    expect(stored.every((r) => r.key.scenarioVersion === 2)).toBe(true);
    expect(stored.map((r) => r.year)).toEqual(await freshYears(agreedId));
    const after = await rowOf(pcns[0]!.code);
    // The OT went from 0.8 to 1.0 WTE from October: more planned.
    expect(after.planned).toBeGreaterThan(before.planned);
  });

  it("a change of reference data (an ICB-confirmed weighted population) makes the stored row stale: the ICB sees the new entitlement", async () => {
    const before = await rowOf(pcns[0]!.code);
    const versionBefore = await readDataVersion(env.db);
    await setConfirmedWeightedPopulation(env.db, { code: pcns[0]!.code, financialYear: YEAR, value: 41_234.5, source: "ICB letter", enteredBy: "Store Admin" }, COMMAND_LINE, NOW);
    expect(await readDataVersion(env.db)).not.toBe(versionBefore);
    const after = await rowOf(pcns[0]!.code);
    expect(after.entitlement).not.toBe(before.entitlement);
    expect(after.weightedPopulationStatus).toBe("icb-confirmed");
    const stored = await storedYears(agreedId);
    expect(stored[0]!.key.dataVersion).toBe(await readDataVersion(env.db));
    expect(stored.map((r) => r.year)).toEqual(await freshYears(agreedId));
    expect(await getIcbOutturn(env.db, admin, "QZA", YEAR, NOW)).toEqual(icbOutturnOf(await loadIcbContext(env.db, admin, "QZA", YEAR, NOW)));
  });

  it("a withdrawn plan's stored rows are not read: the PCN shows no agreed plan", async () => {
    await withdrawAgreement(env.db, admin, agreedId, NOW);
    const row = await rowOf(pcns[0]!.code);
    expect(row.agreedScenario).toBeNull();
    expect(row.planned).toBe(0);
  });
});
