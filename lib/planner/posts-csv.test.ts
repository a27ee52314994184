import { describe, expect, it } from "vitest";
import { tableToCsv } from "@/lib/export/csv";
import { postInputsTable } from "@/lib/export/tables";
import { importTeam, readCsv } from "@/lib/team-import";
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

describe("the roadmap column (issue 14)", () => {
  it("reads qualified / in-training (any case, a space for the hyphen) into the post's First Contact record; blank leaves it to be worked out", () => {
    const r = parsePostsCsv("label,role,status,band,point,wte,start,roadmap\nPhysio,first-contact-physiotherapist,existing,7,1,1,2024-04-01,Qualified\nOT,occupational-therapist,proposed,7,1,1,,in training\nPara,paramedic,existing,7,1,1,2024-04-01,\n");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.posts.map((p) => p.firstContact)).toEqual([{ roadmap: "qualified" }, { roadmap: "in-training" }, undefined]);
  });

  it.each([
    ["label,role,band,point,wte,roadmap\nx,paramedic,7,1,1,done\n", 'Roadmap: Roadmap must be "qualified" or "in-training"'],
    ["label,role,band,point,wte,roadmap\nx,clinical-pharmacist,7,1,1,qualified\n", "Roadmap: only First Contact roles"],
  ])("refuses %j with a clear message", (csv, message) => {
    const r = parsePostsCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ row: 2, message: expect.stringContaining(message) });
  });

  it("round-trips: the posts export writes the roadmap column and imports back the same", () => {
    const posts = [
      { id: "a", label: "Physio", role: "first-contact-physiotherapist", status: "existing" as const, band: "7", point: 1, wte: 1, start: "2024-04-01", firstContact: { roadmap: "qualified" as const } },
      { id: "b", label: "OT", role: "occupational-therapist", status: "proposed" as const, band: "7", point: 1, wte: 1, firstContact: { roadmap: "in-training" as const } },
      { id: "c", label: "Para", role: "paramedic", status: "existing" as const, band: "7", point: 1, wte: 1, firstContact: { stage2: "done" as const } },
      { id: "d", label: "Pod", role: "podiatrist", status: "existing" as const, band: "7", point: 1, wte: 1 },
    ];
    const csv = tableToCsv(postInputsTable(posts as never));
    // roadmap is followed by the issue-15 columns (sessions … moreSeniorRole), then expectedStart (issue 16)
    expect(csv.split(/\r?\n/)[0]).toMatch(/,roadmap,sessions,.*,moreSeniorRole,expectedStart$/);
    const back = parsePostsCsv(csv);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    // Stage 2 signed off is written as "qualified"; no record and no status stay blank
    expect(back.posts.map((p) => p.firstContact?.roadmap)).toEqual(["qualified", "in-training", "qualified", undefined]);
  });
});

describe("the expectedStart column (issue 16, item 5)", () => {
  it("reads a proposed post's expected start, and the posts export writes it back", () => {
    const r = parsePostsCsv("label,role,status,band,point,wte,start,expectedStart\nOT,occupational-therapist,proposed,7,1,1,2026-06-01,2026-10-01\n");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.posts[0]!.expectedStart).toBe("2026-10-01");
    const back = parsePostsCsv(tableToCsv(postInputsTable(r.posts as never)));
    expect(back.ok && back.posts[0]!.expectedStart).toBe("2026-10-01");
  });

  it("refuses an expected start before the planned start, in words, with the row", () => {
    const r = parsePostsCsv("label,role,status,band,point,wte,start,expectedStart\nOT,occupational-therapist,proposed,7,1,1,2026-06-01,2026-05-01\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ row: 2, message: expect.stringContaining("Expected start: Expected start date 1 May 2026 is before the planned start date 1 Jun 2026") });
  });
});

describe("expectedStart through the team import (issue 16, item 5)", () => {
  it("the posts export with an expected start reads back through the team import as through the posts CSV", () => {
    const posts = [{ id: "a", label: "OT", role: "occupational-therapist", status: "proposed" as const, band: "7", point: 1, wte: 1, area: "national" as const, start: "2026-06-01", expectedStart: "2026-10-01" }];
    const csv = tableToCsv(postInputsTable(posts));
    const table = readCsv(csv);
    if (!table.ok) throw new Error(table.message);
    const ours = importTeam(table.table.rows);
    expect(ours.issues).toEqual([]);
    expect(ours.posts[0]!.post.expectedStart).toBe("2026-10-01");
    const theirs = parsePostsCsv(csv);
    expect(theirs.ok && theirs.posts[0]!.expectedStart).toBe("2026-10-01");
  });
});
