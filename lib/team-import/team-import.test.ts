import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "@/lib/export/csv";
import { postInputsTable } from "@/lib/export/tables";
import { parsePostsCsv } from "@/lib/planner/posts-csv";
import { importTeam, readCsv, readXlsx, recogniseColumn, recogniseRole } from "./index";
import { excelSerialToIso, hoursToWteTenThousandths, parseDate, parseMoneyPence, parseWteTenThousandths, sessionsToWteTenThousandths } from "./values";

const rowsOf = (csv: string) => {
  const r = readCsv(csv);
  if (!r.ok) throw new Error(r.message);
  return r.table.rows;
};

describe("money → pence, parsed from the text", () => {
  it.each([
    ["47810", 4_781_000],
    ["£47,810", 4_781_000],
    ["£ 47,810.50", 4_781_050],
    ["47810.5", 4_781_050],
    ["19.99", 1999], // 19.99 × 100 in floating point is 1998.9999…; the text gives 1999 exactly
    ["0.29", 29], // 0.29 × 100 = 28.999999999999996
    ["1,234,567.01", 123_456_701],
    ["47810.500", 4_781_050], // trailing zeros are fine
  ])("%s → %i pence", (text, pence) => expect(parseMoneyPence(text)).toEqual({ value: pence }));

  it.each([["£47,81"], ["12.345"], ["abc"], ["-100"], ["£"]])("%s is refused in words", (text) => {
    expect(parseMoneyPence(text).error).toMatch(/pounds|negative/);
  });
});

describe("hours, sessions and WTE → ten-thousandths", () => {
  it.each([
    ["37.5", 10000], // 37.5 / 37.5
    ["22.5", 6000], // 22.5 / 37.5 = 0.6
    ["20", 5333], // 20 / 37.5 = 0.53333… → 0.5333
    ["30 hours", 8000],
    ["7.5", 2000],
  ])("%s hours a week → %i", (text, tt) => expect(hoursToWteTenThousandths(text)).toEqual({ value: tt }));
  it.each([
    ["9", 10000], // 9 / 9
    ["6", 6667], // 6 / 9 = 0.6666… → 0.6667
    ["4.5", 5000],
  ])("%s sessions → %i", (text, tt) => expect(sessionsToWteTenThousandths(text)).toEqual({ value: tt }));
  it.each([
    ["0.6", 6000],
    ["1", 10000],
    ["60%", 6000],
    ["0.5333", 5333],
  ])("%s WTE → %i", (text, tt) => expect(parseWteTenThousandths(text)).toEqual({ value: tt }));
  it("says what is wrong with words that are not hours", () => expect(hoursToWteTenThousandths("full time").error).toContain("not a number of hours a week"));
});

describe("dates", () => {
  it.each([
    ["01/10/2024", "2024-10-01"], // UK order: day first
    ["1/10/24", "2024-10-01"],
    ["2024-10-01", "2024-10-01"],
    ["2024-10-01T00:00:00", "2024-10-01"],
    ["1 Oct 2024", "2024-10-01"],
    ["01-Oct-2024", "2024-10-01"],
    ["1 October 2024", "2024-10-01"],
    ["45566", "2024-10-01"], // Excel serial
    ["29/02/2024", "2024-02-29"],
  ])("%s → %s", (text, iso) => expect(parseDate(text, "Start date")).toEqual({ value: iso }));
  it.each([["31/09/2024"], ["29/02/2025"], ["13/13/2024"], ["next week"], ["2024"]])("%s is refused, naming the field", (text) => {
    expect(parseDate(text, "Start date").error).toMatch(/^Start date ".*" is not a (real )?date/);
  });
  it("Excel serials count from 30 Dec 1899", () => {
    expect(excelSerialToIso(1)).toBe("1899-12-31");
    expect(excelSerialToIso(46112)).toBe("2026-03-31");
  });
});

describe("column names and role words", () => {
  it.each([
    ["Staff Name", "label"],
    ["Employee", "label"],
    ["Job Title", "role"],
    ["Profession", "role"],
    ["AfC Band", "band"],
    ["Spine Point", "point"],
    ["Basic Salary (FTE)", "annualSalary"],
    ["Annual salary", "annualSalary"],
    ["FTE", "wte"],
    ["Hours per week", "hoursPerWeek"],
    ["Contracted Hours", "hoursPerWeek"],
    ["Sessions", "sessions"],
    ["Date Started", "start"],
    ["Leaving Date", "end"],
    ["annualSalary", "annualSalary"],
    ["nextPayStep", "nextPayStep"],
    ["Roadmap", "roadmap"],
    ["Cost centre", null],
  ])("column %j → %s", (header, field) => expect(recogniseColumn(header)).toBe(field));

  it.each([
    ["Clinical Pharmacist", "clinical-pharmacist"],
    ["FCP Physio", "first-contact-physiotherapist"],
    ["First Contact Physiotherapist", "first-contact-physiotherapist"],
    ["SPLW", "social-prescribing-link-worker"],
    ["Social Prescriber", "social-prescribing-link-worker"],
    ["Health & Wellbeing Coach", "health-and-wellbeing-coach"],
    ["Care Co-ordinator", "care-coordinator"],
    ["MHP", "mental-health-practitioner"],
    ["First Contact OT", "occupational-therapist"],
    ["Pharmacy Tech", "pharmacy-technician"],
    ["Paramedic", "paramedic"],
    ["Trainee Nursing Associate", "trainee-nursing-associate"],
    ["Nursing Associate", "nursing-associate"],
    ["Salaried GP", "gp"],
    ["care-coordinator", "care-coordinator"],
    ["Receptionist", null],
  ])("role %j → %s", (words, id) => expect(recogniseRole(words)).toBe(id));
});

// A payroll / HR export as a PCN keeps it: its own headers, role words, hours a week, UK dates,
// £ amounts with commas, a roadmap column for First Contact staff.
const PAYROLL_CSV = [
  "Staff Name,Job Title,AfC Band,Spine Point,Basic Salary (FTE),Hours per week,Date Started,Leaving Date,Roadmap",
  "A. Patel,Clinical Pharmacist,Band 7,2,,37.5,01/10/2024,,",
  "B. Jones,FCP Physio,7,1,,22.5,2023-04-01,,complete",
  "C. Smith,SPLW,,,\"£27,485.50\",30,1 Oct 2024,31/03/2027,",
  "D. Khan,Salaried GP,,,\"£82,000\",20,45566,,",
  "E. Brown,MHP,Band 6,,\"£40,000\",37.5,01/04/2025,,",
].join("\r\n");

describe("importTeam: a payroll-style CSV", () => {
  it("reads every row into an existing post, in the scenario's own terms", () => {
    const r = importTeam(rowsOf(PAYROLL_CSV), { firstYear: "2025/26" });
    expect(r.issues).toEqual([]);
    expect(r.unmapped).toEqual([]);
    expect(r.posts).toEqual([
      { row: 1, post: { status: "existing", role: "clinical-pharmacist", label: "A. Patel", hoursPerWeek: 37.5, band: "7", point: 2, start: "2024-10-01" } },
      { row: 2, post: { status: "existing", role: "first-contact-physiotherapist", label: "B. Jones", hoursPerWeek: 22.5, band: "7", point: 1, start: "2023-04-01", firstContact: { roadmap: "qualified" } } },
      // 30 / 37.5 = 0.8; £27,485.50 parsed from the text
      { row: 3, post: { status: "existing", role: "social-prescribing-link-worker", label: "C. Smith", hoursPerWeek: 30, annualSalary: 27485.5, start: "2024-10-01", end: "2027-03-31" } },
      // 20 / 37.5 = 0.5333; Excel serial 45566 = 1 Oct 2024
      { row: 4, post: { status: "existing", role: "gp", label: "D. Khan", hoursPerWeek: 20, annualSalary: 82000, start: "2024-10-01" } },
      // An MHP keeps its band (for the maximum) and its salary
      { row: 5, post: { status: "existing", role: "mental-health-practitioner", label: "E. Brown", hoursPerWeek: 37.5, band: "6", annualSalary: 40000, start: "2025-04-01" } },
    ]);
  });

  it("names the row and the column of every bad cell, in words, and returns no post for those rows", () => {
    const csv = [
      "Name,Role,Band,Point,Hours per week,Start date",
      "Good,Paramedic,7,1,37.5,01/04/2025",
      "Too long,Paramedic,7,1,45,01/04/2025",
      "Bad date,Paramedic,7,1,37.5,31/09/2025",
      "Unknown,Receptionist,4,1,37.5,",
      "No pay,Paramedic,,,37.5,",
      "No point,Paramedic,7,9,37.5,",
    ].join("\n");
    const r = importTeam(rowsOf(csv), { firstYear: "2025/26" });
    expect(r.posts.map((p) => p.row)).toEqual([1]);
    expect(r.issues.map((i) => i.path)).toEqual(["rows.2.hoursPerWeek", "rows.3.start", "rows.4.role", "rows.5.annualSalary", "rows.6.point"]);
    expect(r.issues[0]!.message).toBe("Row 2, Hours per week: 45 is more than full time (37.5 hours a week = 1.0 WTE); model a second post for the rest.");
    expect(r.issues[1]!.message).toContain("Row 3, Start date:");
    expect(r.issues[1]!.message).toContain("not a real date");
    expect(r.issues[2]!.message).toContain('"Receptionist" is not an ARRS role');
    expect(r.unknownRoles).toEqual(["Receptionist"]);
    expect(r.issues[3]!.message).toContain("Give an annual salary");
    expect(r.issues[4]!.message).toMatch(/band 7 has \d+ pay points in 2025\/26; point 9 does not exist/);
  });

  it("lists columns it does not know, and takes a mapping for them (or ignore)", () => {
    const csv = "Name,Role,Band,Point,Weekly hrs,Cost centre\nA,SPLW,5,1,30,X123\n";
    const first = importTeam(rowsOf(csv));
    expect(first.unmapped).toEqual(["Weekly hrs", "Cost centre"]);
    expect(first.posts).toEqual([]);
    expect(first.issues.map((i) => i.path)).toEqual(["columns.5", "columns.6"]);
    expect(first.issues[0]!.message).toContain('Column E "Weekly hrs" is not one we recognise');

    const mapped = importTeam(rowsOf(csv), { mapping: { "weekly hrs": "hoursPerWeek", "Cost centre": "ignore" } });
    expect(mapped.issues).toEqual([]);
    expect(mapped.posts[0]!.post).toMatchObject({ role: "social-prescribing-link-worker", hoursPerWeek: 30, band: "5", point: 1 });

    const wrong = importTeam(rowsOf(csv), { mapping: { "Weekly hrs": "shoe size", Colour: "ignore" } });
    expect(wrong.issues.map((i) => i.path)).toEqual(["mapping.Weekly hrs", "columns.6", "mapping.Colour"]);
  });

  it("takes a role choice for words it does not know, or leaves those rows out", () => {
    const csv = "Name,Role,Band,Point,WTE\nA,Link Wkr,5,1,1\nB,Receptionist,3,1,1\n";
    const r = importTeam(rowsOf(csv), { roles: { "Link Wkr": "social-prescribing-link-worker", receptionist: "skip" } });
    expect(r.issues).toEqual([]);
    expect(r.posts.map((p) => p.post.role)).toEqual(["social-prescribing-link-worker"]);
    expect(r.skippedRows).toEqual([2]);
  });

  it("reads the status words, and proposed when the file says so", () => {
    const csv = "Name,Role,Band,Point,WTE,Status\nA,SPLW,5,1,1,In post\nB,SPLW,5,1,1,Vacant\nC,SPLW,5,1,1,maybe\n";
    const r = importTeam(rowsOf(csv));
    expect(r.issues).toEqual([{ path: "rows.3.status", message: 'Row 3, Status: "maybe" is not a status: write existing (in post now) or proposed (to recruit).' }]);
    expect(r.posts.map((p) => p.post.status)).toEqual(["existing", "proposed"]);
  });

  it("finds the header under title rows, and says when the file is empty or has no role column", () => {
    const r = importTeam(rowsOf("ARRS staff list March 2026,,\n,,\nName,Role,WTE,Salary\nA,SPLW,1,25000\n"));
    expect(r.issues).toEqual([]);
    expect(r.posts[0]!.row).toBe(1);
    expect(importTeam([]).issues[0]!.message).toContain("The file is empty");
    expect(importTeam(rowsOf("Name,WTE\nA,1\n")).issues.map((i) => i.message)).toContain(
      "The file needs a column with each person's role (for example Role, Job title or Profession).",
    );
  });

  it("reads the app's own posts export back into the same posts as the posts CSV does", () => {
    const posts = [
      { id: "a", label: "OT", role: "occupational-therapist", status: "existing" as const, band: "7", point: 2, wte: 0.6, area: "national" as const, start: "2025-04-01", nextPayStep: "2025-11-01", firstContact: { roadmap: "qualified" as const } },
      { id: "b", label: "Pharmacist", role: "clinical-pharmacist", status: "proposed" as const, annualSalary: 52000.5, wte: 1, area: "outer-london" as const, start: "2025-10-01" },
    ];
    const csv = tableToCsv(postInputsTable(posts));
    const ours = importTeam(rowsOf(csv));
    const theirs = parsePostsCsv(csv);
    expect(ours.issues).toEqual([]);
    expect(theirs.ok).toBe(true);
    if (theirs.ok) expect(ours.posts.map((p) => p.post)).toEqual(theirs.posts);
  });
});

describe("importTeam: an XLSX built with exceljs", () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads typed dates, numbers, formulas and £-formatted cells from the first sheet, or a chosen one", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Staff");
      ws.addRow(["Employee", "Profession", "Band", "Spine point", "Annual Salary", "Contracted hours", "Start Date", "Leaving date"]);
      ws.addRow(["A. Patel", "Clinical Pharmacist", 7, 2, null, 37.5, new Date(Date.UTC(2024, 9, 1)), null]);
      ws.addRow(["C. Smith", "Social Prescriber", null, null, 27485.5, { formula: "15*2", result: 30 }, "01/10/2024", new Date(Date.UTC(2027, 2, 31))]);
      ws.getCell("E3").numFmt = '"£"#,##0.00';
      const other = wb.addWorksheet("Vacancies");
      other.addRow(["Role", "WTE", "Salary", "Status"]);
      other.addRow(["Care Co-ordinator", 1, "£26,000", "vacant"]);
    });
    const read = await readXlsx(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.sheets).toEqual(["Staff", "Vacancies"]);
    const r = importTeam(read.table.rows);
    expect(r.issues).toEqual([]);
    expect(r.posts.map((p) => p.post)).toEqual([
      { status: "existing", role: "clinical-pharmacist", label: "A. Patel", hoursPerWeek: 37.5, band: "7", point: 2, start: "2024-10-01" },
      { status: "existing", role: "social-prescribing-link-worker", label: "C. Smith", hoursPerWeek: 30, annualSalary: 27485.5, start: "2024-10-01", end: "2027-03-31" },
    ]);

    const chosen = await readXlsx(bytes, "vacancies");
    expect(chosen.ok && importTeam(chosen.table.rows).posts.map((p) => p.post)).toEqual([{ status: "proposed", role: "care-coordinator", wte: 1, annualSalary: 26000 }]);
    const missing = await readXlsx(bytes, "Leavers");
    expect(missing).toEqual({ ok: false, message: 'The workbook has no sheet called "Leavers". Its sheets are: Staff, Vacancies.' });
  });

  it("says so when the bytes are not a workbook", async () => {
    const r = await readXlsx(new TextEncoder().encode("Name,Role\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("cannot be read as an Excel workbook");
  });
});

describe("importTeam: sessions, hours and other roles (issue 15)", () => {
  it("a GP's sessions stay sessions, hours stay hours; another role's sessions become WTE as before", () => {
    const csv = [
      "Name,Role,Salary,Sessions,Hours",
      'Dr K,Salaried GP,"£82,418",4,',
      "Ann,Clinical Pharmacist,52000,,30",
      'Mo,Clinical Pharmacist,52000,6,',
    ].join("\n");
    const r = importTeam(rowsOf(csv));
    expect(r.issues).toEqual([]);
    expect(r.posts.map((p) => p.post)).toEqual([
      { status: "existing", role: "gp", label: "Dr K", sessions: 4, annualSalary: 82418 },
      { status: "existing", role: "clinical-pharmacist", label: "Ann", hoursPerWeek: 30, annualSalary: 52000 },
      // 6 sessions ÷ 9 = 0.6667 WTE
      { status: "existing", role: "clinical-pharmacist", label: "Mo", wte: 0.6667, annualSalary: 52000 },
    ]);
  });

  it("reads a commissioner-approved role's name and maximum and the 12-month flags", () => {
    const csv = [
      "Name,Role,Salary,WTE,Approved role name,ICB maximum,Employed in last 12 months,More senior role",
      'Sam,commissioner-approved,60000,1,Musculoskeletal practitioner,"£55,000",,',
      "Pat,Experienced general practice nurse,38000,1,,,yes,no",
      "Lee,Healthcare support worker,25000,1,,,maybe,",
    ].join("\n");
    const r = importTeam(rowsOf(csv));
    expect(r.posts.map((p) => p.post)).toEqual([
      { status: "existing", role: "commissioner-approved", label: "Sam", wte: 1, annualSalary: 60000, roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 55000 },
      { status: "existing", role: "experienced-general-practice-nurse", label: "Pat", wte: 1, annualSalary: 38000, employedInLast12Months: true, moreSeniorRole: false },
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining('"maybe" is not yes or no')]);
  });
});
