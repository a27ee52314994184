// The claims import reads the planner's own claims schedule as it is (README), an ICB-approved
// role too. Walkthrough with England's data: Bristol Inner City's schedule, with a "Frailty
// practitioner (commissioner-approved)" post, was refused — 'Row 46 …: "Frailty practitioner
// (commissioner-approved)" is not an ARRS role we recognise' — so no month of it could be imported.
import { describe, expect, it } from "vitest";
import { claimsTable, type ExportSource } from "@/lib/export/tables";
import { recogniseRole } from "@/lib/team-import";
import { importClaims } from "./import";

const month = (m: string, claimable: number) => ({ month: m, daysInPost: 30, salary: 3000, employerNi: 400, employerPension: 431.4, cost: 3831.4, cap: claimable, claimable });

const source: ExportSource = {
  kind: "scenario",
  title: "Plan A",
  firstYear: "2026/27",
  years: 1,
  posts: [
    { id: "ca-1", label: "Frailty practitioner", status: "proposed", role: "commissioner-approved", roleName: "Frailty practitioner", maxReimbursableAnnual: 55000, band: "6", point: 2, wte: 0.8 } as ExportSource["posts"][number],
    { id: "ca-2", label: "MSK lead", status: "proposed", role: "commissioner-approved", roleName: "MSK physio", maxReimbursableAnnual: 60000, band: "7", point: 1, wte: 1 } as ExportSource["posts"][number],
  ],
  results: [
    {
      financialYear: "2026/27",
      posts: [
        { id: "ca-1", roleName: "Frailty practitioner (commissioner-approved)", wte: 0.8, months: [month("2026-09", 2933.33)] },
        { id: "ca-2", roleName: "MSK physio (commissioner-approved)", wte: 1, months: [month("2026-09", 3831.4)] },
      ],
    } as unknown as ExportSource["results"][number],
  ],
  generatedAt: "2026-01-01T00:00:00.000Z",
  appVersion: "test",
};

describe("claims import of the planner's claims schedule with ICB-approved roles", () => {
  it("reads each row's role as commissioner-approved, whatever the approved role's name", () => {
    const t = claimsTable(source);
    const rows = [t.columns.map((c) => c.header), ...t.rows.map((r) => r.map((v) => (v === null ? "" : String(v))))];
    const r = importClaims(rows);
    expect(r.issues).toEqual([]);
    const lines = r.months.get("2026-09")!.map((x) => x.line);
    expect(lines.map((l) => [l.postId, l.role, l.claimed])).toEqual([
      ["ca-1", "commissioner-approved", 2933.33],
      ["ca-2", "commissioner-approved", 3831.4],
    ]);
  });

  it.each([
    ["Frailty practitioner (commissioner-approved)", "commissioner-approved"],
    ["MSK physio (ICB approved)", "commissioner-approved"],
    ["commissioner-approved", "commissioner-approved"],
    ["FCP Physio", "first-contact-physiotherapist"],
    ["Receptionist", null],
  ])("%s → %s", (text, role) => {
    expect(recogniseRole(text)).toBe(role);
  });
});
