import { describe, expect, it } from "vitest";
import { parsePostsCsv } from "./posts-csv";

describe("parsePostsCsv", () => {
  it("reads posts with the post fields as columns (BOM, CRLF, any header case)", () => {
    const csv = "\uFEFFlabel,Role,status,band,point,annualSalary,wte,area,start,end,mhpFunding,nextPayStep\r\n" +
      "OT – frailty,occupational-therapist,existing,7,2,,0.6,national,2025-04-01,,,2025-11-01\r\n" +
      'Pharmacist,clinical-pharmacist,proposed,,,"£52,000",1,outer-london,2025-10-01,,,\r\n';
    const r = parsePostsCsv(csv);
    expect(r).toEqual({
      ok: true,
      posts: [
        { label: "OT – frailty", role: "occupational-therapist", status: "existing", band: "7", point: 2, wte: 0.6, area: "national", start: "2025-04-01", nextPayStep: "2025-11-01" },
        { label: "Pharmacist", role: "clinical-pharmacist", status: "proposed", annualSalary: 52000, wte: 1, area: "outer-london", start: "2025-10-01" },
      ],
    });
  });

  it("reports every bad row with its row number, and returns no posts", () => {
    const csv = "label,role,band,point,wte,start\nGood,paramedic,7,1,1,2025-10-01\nBad WTE,paramedic,7,1,1.5,\nBad date,paramedic,7,1,1,2025-09-31\nNo role,,7,1,1,\n";
    const r = parsePostsCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(r.errors[0]!.message).toContain("WTE cannot be more than 1.0");
    expect(r.errors[1]!.message).toMatch(/^Start date: .*real date/);
    expect(r.errors[2]!.message).toContain("Role");
  });

  it.each([
    ["", "empty"],
    ["label,role\n", "no posts"],
    ["label,colour\nx,y\n", 'Unknown column "colour"'],
    ["label,wte\nx,1\n", "needs a role column"],
  ])("refuses %j (%s)", (csv, message) => {
    const r = parsePostsCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain(message);
  });
});
