// A commissioner-approved role's name and workforce key say "(commissioner-approved)" once (issue 14
// item 17, 3c): the key was "commissioner-approved:MSK practitioner (commissioner-approved)", so the
// workforce CSV's Role column (and any view built from the key) read the suffix twice.
import { describe, expect, it } from "vitest";
import { commissionerApprovedRoleName } from "@/lib/engine";
import { computeScenario } from "./compute";
import type { PlannerContext } from "./types";

const ctx = { pcn: { code: "UZ1001", name: "Test PCN" }, weightedPopulation: { value: 50_000, provenance: "given" }, practices: [], defaultArea: "national" } as unknown as PlannerContext;
const scenario = {
  name: "MSK",
  firstYear: "2026/27",
  years: 2,
  assumptions: {},
  supervisors: [],
  posts: [
    { id: "msk", label: "MSK", role: "commissioner-approved", roleName: "MSK practitioner", maxReimbursableAnnual: 45_000, wte: 1, area: "national", status: "proposed", start: "2026-04-01", annualSalary: 50_000 },
    { id: "cp", label: "CP", role: "clinical-pharmacist", wte: 0.5, area: "national", status: "proposed", start: "2026-04-01", annualSalary: 50_000 },
  ],
};

const twice = /\(commissioner-approved\).*\(commissioner-approved\)/;

describe("commissioner-approved role names", () => {
  it("the engine's helper names the role once; priced posts, the workforce and the average WTE use it", () => {
    expect(commissionerApprovedRoleName("MSK practitioner")).toBe("MSK practitioner (commissioner-approved)");
    const r = computeScenario(scenario as never, ctx);
    for (const y of r.years) {
      expect(y.posts.find((p) => p.id === "msk")?.roleName).toBe("MSK practitioner (commissioner-approved)");
      expect(y.workforce.roleNames).toEqual({ "commissioner-approved:MSK practitioner": "MSK practitioner (commissioner-approved)", "clinical-pharmacist": "Clinical pharmacist" });
      expect(y.averageWte.byRole).toContainEqual({ role: "commissioner-approved:MSK practitioner", roleName: "MSK practitioner (commissioner-approved)", wte: 1 });
      for (const [key, name] of Object.entries(y.workforce.roleNames)) expect(`${key} ${name}`).not.toMatch(twice);
      for (const m of y.workforce.months) for (const key of Object.keys(m.roles)) expect(key).not.toMatch(/\(commissioner-approved\)/);
    }
  });
});
