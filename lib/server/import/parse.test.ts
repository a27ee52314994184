// Unit tests of detection and parsing with small, fictional files (codes starting Z/UZ/QZ).
import { describe, expect, it } from "vitest";
import { parseNhsDate, parseFinancialYear } from "@/lib/schemas/import";
import { ImportRejection } from "./errors";
import { detectFileTypeOf, parseImportFile, type ParsedImport } from "./parse";

const MAP_HEADER =
  "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME";
const mapRow = (practice: string, pcn: string, date = "01Aug2026") =>
  `GP_PRAC_PAT_LIST,${date},${practice},${practice} DEMO SURGERY,ZZ1 1ZZ,${pcn},${pcn === "U" ? "Unallocated" : `${pcn} DEMO PCN`},E38999991,Z01,NHS Demo ICB - Z01,E54999991,QZA,NHS Demo Integrated Care Board,E40999991,ZR1,Demo Region,DEMO`;

function rejectionOf(fn: () => unknown): ImportRejection {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportRejection) return e;
    throw e;
  }
  throw new Error("expected the file to be rejected");
}

function parse(text: string, fileName = "test.csv"): ParsedImport {
  return parseImportFile(Buffer.from(text, "utf8"), fileName);
}

/** A single-age file for one or more orgs with consistent figures. */
function singleAgeFile(opts: { date?: string; orgs?: [string, string][]; tamper?: (lines: string[]) => void } = {}): string {
  const date = opts.date ?? "2026-08-01";
  const lines = ["PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,SEX,AGE,NUMBER_OF_PATIENTS"];
  for (const [type, code] of opts.orgs ?? [["Comm Region", "ZR1"], ["PCN", "UZ0001"]]) {
    let male = 0;
    let female = 0;
    const rows: string[] = [];
    for (let a = 0; a <= 95; a++) {
      const age = a === 95 ? "95+" : String(a);
      rows.push(`GP_PRAC_PAT_LIST,${date},${type},${code},,MALE,${age},${a + 1}`);
      rows.push(`GP_PRAC_PAT_LIST,${date},${type},${code},,FEMALE,${age},${2 * a}`);
      male += a + 1;
      female += 2 * a;
    }
    lines.push(`GP_PRAC_PAT_LIST,${date},${type},${code},,ALL,ALL,${male + female}`);
    lines.push(`GP_PRAC_PAT_LIST,${date},${type},${code},,MALE,ALL,${male}`);
    lines.push(`GP_PRAC_PAT_LIST,${date},${type},${code},,FEMALE,ALL,${female}`);
    lines.push(...rows);
  }
  opts.tamper?.(lines);
  return lines.join("\n") + "\n";
}

const TOTALS_HEADER = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS";

describe("date and year formats", () => {
  it.each([
    ["01Aug2026", "2026-08-01"],
    ["2026-08-01", "2026-08-01"],
    ["1 Aug 2026", "2026-08-01"],
    ["01-AUG-2026", "2026-08-01"],
    ["01/08/2026", "2026-08-01"],
    ["29Feb2024", "2024-02-29"],
  ])("%s → %s", (raw, iso) => expect(parseNhsDate(raw)).toBe(iso));

  it.each(["31Feb2026", "2026-13-01", "01Foo2026", "yesterday", ""])("rejects %s", (raw) => expect(parseNhsDate(raw)).toBeNull());

  it.each([
    ["2024/25", "2024/25"],
    ["2024-25", "2024/25"],
    ["2024/2025", "2024/25"],
    ["2024/26", null],
  ])("financial year %s → %s", (raw, fy) => expect(parseFinancialYear(raw)).toBe(fy));
});

describe("type detection from the header row", () => {
  it.each([
    [MAP_HEADER, "mapping"],
    ["PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,SEX,AGE,NUMBER_OF_PATIENTS", "single-age"],
    [TOTALS_HEADER, "practice-totals"],
    ["Practice Code,Practice Name,PCN Code,PCN Name,Raw list size 2024/25,weighted population 2024/25", "practice-weighted"],
    ["pcn_code,financial_year,weighted_population", "pcn-weighted"],
  ])("%s → %s", (header, type) => expect(detectFileTypeOf(`${header}\n`, "whatever-name.csv")).toBe(type));

  it("ignores the file name", () => {
    expect(detectFileTypeOf("pcn_code,financial_year,weighted_population\n", "gp-reg-pat-prac-map_2026-08.csv")).toBe("pcn-weighted");
  });
});

describe("mapping file", () => {
  const file = [MAP_HEADER, mapRow("Z00001", "UZ0001"), mapRow("Z00002", "UZ0001"), mapRow("Z00003", "U")].join("\n");

  it("reads organisations, practices and memberships; PCN code U means no PCN", () => {
    const p = parse(file);
    expect(p.type).toBe("mapping");
    if (p.type !== "mapping") return;
    expect(p.extractDate).toBe("2026-08-01");
    expect(p.rows).toBe(3);
    expect(p.regions).toEqual([{ code: "ZR1", onsCode: "E40999991", name: "Demo Region" }]);
    expect(p.icbs).toHaveLength(1);
    expect(p.subIcbs).toEqual([{ code: "Z01", onsCode: "E38999991", name: "NHS Demo ICB - Z01", icbCode: "QZA" }]);
    expect(p.pcns).toEqual([{ code: "UZ0001", name: "UZ0001 DEMO PCN", icbCode: "QZA", subIcbCode: "Z01" }]);
    expect(p.memberships.map((m) => m.pcnCode)).toEqual(["UZ0001", "UZ0001", null]);
  });

  it("accepts a BOM, CRLF, header case and stray whitespace", () => {
    const header = MAP_HEADER.split(",").map((h, i) => (i % 2 ? ` ${h.toLowerCase()} ` : h)).join(",");
    const text = "\uFEFF" + [header, mapRow("Z00001", " UZ0001 "), mapRow("Z00002", "UZ0001", "2026-08-01")].join("\r\n") + "\r\n";
    const p = parse(text);
    expect(p.type).toBe("mapping");
    if (p.type !== "mapping") return;
    expect(p.extractDate).toBe("2026-08-01");
    expect(p.pcns.map((x) => x.code)).toEqual(["UZ0001"]);
  });

  it("rejects a duplicate practice row with both line numbers", () => {
    const e = rejectionOf(() => parse([MAP_HEADER, mapRow("Z00001", "UZ0001"), mapRow("Z00002", "UZ0001"), mapRow("Z00001", "UZ0002")].join("\n")));
    expect(e.issues[0]).toEqual({ line: 4, message: "line 4: practice Z00001 appears twice (also on line 2)" });
  });

  it("rejects a bad date", () => {
    const e = rejectionOf(() => parse([MAP_HEADER, mapRow("Z00001", "UZ0001", "32Aug2026")].join("\n")));
    expect(e.message).toContain("line 2: EXTRACT_DATE is '32Aug2026', expected a date like 01Aug2026 or 2026-08-01");
  });

  it("rejects a file that mixes extract dates", () => {
    const e = rejectionOf(() => parse([MAP_HEADER, mapRow("Z00001", "UZ0001"), mapRow("Z00002", "UZ0001", "01Jul2026")].join("\n")));
    expect(e.issues[0]?.line).toBe(3);
    expect(e.message).toContain("a file must hold one extract");
  });

  it("rejects a missing column, naming it", () => {
    const header = MAP_HEADER.replace(",PCN_CODE", "");
    const row = mapRow("Z00001", "UZ0001").split(",").filter((_, i) => i !== 5).join(",");
    const e = rejectionOf(() => parse([header, row].join("\n")));
    expect(e.message).toMatch(/^line 1: this looks like a practice to pcn mapping file but the column PCN_CODE is missing/);
  });

  it("rejects a short row", () => {
    const e = rejectionOf(() => parse([MAP_HEADER, "GP_PRAC_PAT_LIST,01Aug2026,Z00001"].join("\n")));
    expect(e.issues[0]?.message).toBe("line 2: 3 values, but the header has 17 columns");
  });

  it("rejects a row with an extra cell, and every ragged row, with their line numbers", () => {
    const rows = [MAP_HEADER, mapRow("Z00001", "UZ0001"), `${mapRow("Z00002", "UZ0001")},EXTRA`, mapRow("Z00003", "UZ0001"), mapRow("Z00004", "UZ0001").replace(/,DEMO$/, "")];
    const e = rejectionOf(() => parse(rows.join("\n")));
    expect(e.issues).toEqual([
      { line: 3, message: "line 3: 18 values, but the header has 17 columns" },
      { line: 5, message: "line 5: 16 values, but the header has 17 columns" },
    ]);
    // A trailing comma is an extra (empty) cell too: the row does not line up with the header.
    const trailing = rejectionOf(() => parse(`pcn_code,financial_year,weighted_population\nUZ0001,2025/26,10,\n`));
    expect(trailing.message).toContain("line 2: 4 values, but the header has 3 columns");
  });
});

describe("codes and names that could be stored but never found or shown (issue 10 #9)", () => {
  const mappingWith = (row: string) => [MAP_HEADER, mapRow("Z00001", "UZ0001"), row].join("\n");

  it.each([
    ["a PCN code with an emoji", mapRow("Z00002", "U8914😀"), "PCN_CODE is 'U8914😀', expected a PCN code or U for no PCN (1 to 10 letters and digits)"],
    ["a practice code with an emoji", mapRow("A8100😀", "UZ0001"), "PRACTICE_CODE is 'A8100😀', expected a practice code (1 to 10 letters and digits)"],
    ["an 11-character PCN code", mapRow("Z00002", "UZ123456789"), "PCN_CODE is 'UZ123456789', expected a PCN code"],
    ["a code with a hyphen", mapRow("Z00002", "UZ-001"), "PCN_CODE is 'UZ-001', expected a PCN code"],
    ["an ICB code with a space", mapRow("Z00002", "UZ0001").replace(",QZA,", ",Q ZA,"), "ICB_CODE is 'Q ZA', expected an ICB code"],
  ])("refuses %s, with its line number", (_, row, message) => {
    const e = rejectionOf(() => parse(mappingWith(row)));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.line).toBe(3);
    expect(e.issues[0]?.message.startsWith(`line 3: ${message}`), e.issues[0]?.message).toBe(true);
  });

  it.each([
    ["NUL", "\u0000"],
    ["ESC (a terminal escape sequence)", "\u001b[31m"],
    ["a tab", "\t"],
    ["DEL", "\u007f"],
    ["a C1 control", "\u0085"],
  ])("refuses a name containing %s, and never repeats the character", (_, ctl) => {
    const e = rejectionOf(() => parse(mappingWith(mapRow("Z00002", "UZ0001").replace("Z00002 DEMO SURGERY", `Z00002${ctl}SURGERY`))));
    expect(e.issues[0]?.line).toBe(3);
    expect(e.issues[0]?.message).toMatch(/^line 3: PRACTICE_NAME is 'Z00002\\u00[0-9a-f]{2}.*SURGERY', expected a practice name, but it contains a control character/);
    expect(e.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("refuses a control character in an optional text cell (PCN name, postcode)", () => {
    const e = rejectionOf(() => parse(mappingWith(mapRow("Z00002", "UZ0001").replace("UZ0001 DEMO PCN", "UZ0001\u0000PCN"))));
    expect(e.issues[0]?.message).toMatch(/^line 3: PCN_NAME is 'UZ0001\\u0000PCN', expected text, but it contains a control character/);
  });

  it("refuses a 100,000-character name (quoting only its start); 200 characters are fine", () => {
    const long = "A".repeat(100_000);
    const e = rejectionOf(() => parse(mappingWith(mapRow("Z00002", "UZ0001").replace("Z00002 DEMO SURGERY", long))));
    expect(e.issues[0]?.message).toBe(`line 3: PRACTICE_NAME is '${"A".repeat(40)}…', expected a practice name, but it is 100,000 characters long; at most 200 are allowed`);
    expect(e.message.length).toBeLessThan(400);
    const ok = parse(mappingWith(mapRow("Z00002", "UZ0001").replace("Z00002 DEMO SURGERY", "B".repeat(200))));
    expect(ok.type === "mapping" && ok.practices[1]?.name).toBe("B".repeat(200));
  });

  it("keeps names people write: accents, apostrophes, ampersands, brackets, non-breaking spaces", () => {
    const name = "St Mary’s & Dr O'Neill (Élan)\u00a0 Practice";
    const p = parse(mappingWith(mapRow("Z00002", "UZ0001").replace("Z00002 DEMO SURGERY", `"${name}"`)));
    expect(p.type === "mapping" && p.practices[1]?.name).toBe("St Mary’s & Dr O'Neill (Élan) Practice");
  });

  it("applies the same code rule in the other files", () => {
    const sa = rejectionOf(() => parse(singleAgeFile({ orgs: [["PCN", "U8914😀"]] })));
    expect(sa.issues[0]?.message).toMatch(/^line 2: ORG_CODE is 'U8914😀', expected an organisation code \(1 to 10 letters and digits\)/);
    const simple = rejectionOf(() => parse("pcn_code,financial_year,weighted_population\nU8914😀,2025/26,1000\n"));
    expect(simple.issues[0]?.message).toBe("line 2: pcn_code is 'U8914😀', expected a PCN code (1 to 10 letters and digits)");
    const header = "Practice Code,Practice Name,PCN Code,PCN Name,Raw list size 2024/25,Adjusted Population 2024/25,weighted population 2024/25";
    const pw = rejectionOf(() => parse(`${header}\nA8100😀,One,UZ0001,DEMO PCN,1000,1100,1200\nZ00002,Two,U8914😀,DEMO PCN,1000,1100,1200\n`));
    expect(pw.issues.map((i) => i.message)).toEqual([
      "line 2: Practice Code is 'A8100😀', expected a practice code (1 to 10 letters and digits)",
      "line 3: PCN Code is 'U8914😀', expected a PCN code or N/A for no PCN (1 to 10 letters and digits)",
    ]);
    const totals = rejectionOf(() => parse(`${TOTALS_HEADER}\nGP_PRAC_PAT_LIST,2025-04-01,GP,Z01,E38999991,A8100😀,ZZ1 1ZZ,ALL,ALL,100\n`));
    expect(totals.issues[0]?.message).toMatch(/^line 2: CODE is 'A8100😀', expected a practice code/);
  });
});

describe("line endings and line numbers", () => {
  const bad = (n: number) => mapRow(`Z0000${n}`, "UZ0001", "32Aug2026");
  const good = (n: number) => mapRow(`Z0000${n}`, "UZ0001");

  it("reads a file mixing CRLF, LF and lone CR as one row per line", () => {
    const text = `${MAP_HEADER}\r\n${good(1)}\n${good(2)}\r${good(3)}\r\n${good(4)}\n`;
    const p = parse(text);
    expect(p.type === "mapping" && p.practices.map((x) => x.code)).toEqual(["Z00001", "Z00002", "Z00003", "Z00004"]);
  });

  it.each([
    ["CRLF then LF", "\r\n", "\n"],
    ["LF then CRLF", "\n", "\r\n"],
    ["CRLF then lone CR", "\r\n", "\r"],
    ["lone CR then LF", "\r", "\n"],
  ])("%s: the bad row's own line number, and only its own text", (_, first, rest) => {
    const text = [MAP_HEADER, good(1), good(2)].join(first) + rest + [good(3), bad(4), good(5)].join(rest) + rest;
    const e = rejectionOf(() => parse(text));
    expect(e.issues).toEqual([{ line: 5, message: "line 5: EXTRACT_DATE is '32Aug2026', expected a date like 01Aug2026 or 2026-08-01" }]);
  });

  it("counts blank lines and reports a multi-line quoted record on its first line", () => {
    // The line break is in PUBLICATION, a column the importer does not read (names refuse them).
    const quoted = good(2).replace("GP_PRAC_PAT_LIST", '"GP_PRAC_PAT_LIST\r\n(continued)"');
    const text = [MAP_HEADER, "", good(1), quoted, "", "", bad(3)].join("\r\n") + "\r\n";
    const e = rejectionOf(() => parse(text));
    // header 1, blank 2, Z00001 3, Z00002 4–5, blank 6 and 7, Z00003 8
    expect(e.issues).toEqual([{ line: 8, message: "line 8: EXTRACT_DATE is '32Aug2026', expected a date like 01Aug2026 or 2026-08-01" }]);
    const dup = rejectionOf(() => parse([MAP_HEADER, quoted, good(2)].join("\n")));
    expect(dup.issues[0]?.message).toBe("line 4: practice Z00002 appears twice (also on line 2)");
  });

  it("gives a CSV syntax error the first line of the broken record", () => {
    const text = [MAP_HEADER, good(1), "", good(2)].join("\r\n") + '\r\nGP_PRAC_PAT_LIST,"01Aug2026\r\n';
    const e = rejectionOf(() => parse(text));
    expect(e.message).toMatch(/^line 5: the file is not valid CSV \(/);
    expect(e.message).not.toMatch(/at line \d/);
  });
});

describe("single year of age file", () => {
  it("builds one population per organisation with a 96-age profile per sex", () => {
    const p = parse(singleAgeFile());
    expect(p.type).toBe("single-age");
    if (p.type !== "single-age") return;
    expect(p.populations).toHaveLength(2);
    const pcn = p.populations.find((x) => x.orgType === "PCN")!;
    // male: ages 0..95 → 1..96, sum 96·97/2 = 4,656; female: 2·(0..95) = 95·96 = 9,120
    expect(pcn).toMatchObject({ orgCode: "UZ0001", extractDate: "2026-08-01", total: 13_776, male: 4_656, female: 9_120 });
    const profile = JSON.parse(pcn.ageProfile!) as { male: number[]; female: number[] };
    expect(profile.male).toHaveLength(96);
    expect(profile.male[95]).toBe(96);
    expect(profile.female[10]).toBe(20);
    expect(p.populations.find((x) => x.orgType === "REGION")?.orgCode).toBe("ZR1");
  });

  it("accepts the 01Aug2026 date format and ORG_TYPE SUB_ICB_LOCATION_CODE / ICB", () => {
    const p = parse(singleAgeFile({ date: "01Aug2026", orgs: [["SUB_ICB_LOCATION_CODE", "Z01"], ["ICB", "QZA"]] }));
    if (p.type !== "single-age") throw new Error("wrong type");
    expect(p.extractDate).toBe("2026-08-01");
    expect(p.populations.map((x) => x.orgType).sort()).toEqual(["ICB", "SUB_ICB"]);
  });

  it("does not store PCN code U (practices in no PCN) as a PCN", () => {
    const p = parse(singleAgeFile({ orgs: [["PCN", "U"], ["PCN", "UZ0002"]] }));
    if (p.type !== "single-age") throw new Error("wrong type");
    expect(p.populations.map((x) => x.orgCode)).toEqual(["UZ0002"]);
  });

  it("rejects ages that do not add up to the ALL row", () => {
    const e = rejectionOf(() =>
      parse(singleAgeFile({ tamper: (l) => (l[4] = l[4]!.replace(/,\d+$/, ",1000")) })), // line 5: MALE age 0 becomes 1,000
    );
    expect(e.message).toContain("line 3: region ZR1, SEX MALE: the single ages 0 to 95+ add up to 5,655 but the AGE ALL row says 4,656");
  });

  it("rejects a non-numeric count with its line number and column", () => {
    const e = rejectionOf(() => parse(singleAgeFile({ tamper: (l) => (l[9] = l[9]!.replace(/,\d+$/, ",abc")) })));
    expect(e.message).toContain("line 10: NUMBER_OF_PATIENTS is 'abc', expected a whole number");
    expect(e.issues[0]?.line).toBe(10);
  });

  it("rejects a negative count", () => {
    const e = rejectionOf(() => parse(singleAgeFile({ tamper: (l) => (l[9] = l[9]!.replace(/,\d+$/, ",-4")) })));
    expect(e.message).toContain("line 10: NUMBER_OF_PATIENTS is '-4', expected a whole number of 0 or more, not a negative one");
  });

  it("rejects an unknown age and a duplicate row", () => {
    const e = rejectionOf(() => parse(singleAgeFile({ tamper: (l) => l.push(l[5]!, l[4]!.replace(",MALE,0,", ",MALE,96,")) })));
    expect(e.message).toContain("AGE is '96', expected an age from 0 to 94, 95+ or ALL");
    expect(e.message).toMatch(/region ZR1, SEX FEMALE, AGE 0 appears twice \(also on line 6\)/);
  });

  it("formats big line numbers with thousands separators", () => {
    const orgs: [string, string][] = Array.from({ length: 7 }, (_, i) => ["PCN", `UZ000${i}`]);
    const e = rejectionOf(() => parse(singleAgeFile({ orgs, tamper: (l) => (l[1203] = l[1203]!.replace(/,\d+$/, ",x1")) })));
    expect(e.message).toContain("line 1,204: NUMBER_OF_PATIENTS is 'x1', expected a whole number");
  });
});

describe("practice totals file", () => {
  it("reads ALL/ALL totals and male/female when present", () => {
    const text = [
      TOTALS_HEADER,
      "GP_PRAC_PAT_LIST,2025-04-01,GP,Z01,E38999991,Z00001,ZZ1 1ZZ,ALL,ALL,3904",
      "GP_PRAC_PAT_LIST,2025-04-01,GP,Z01,E38999991,Z00001,ZZ1 1ZZ,MALE,ALL,1900",
      "GP_PRAC_PAT_LIST,2025-04-01,GP,Z01,E38999991,Z00001,ZZ1 1ZZ,FEMALE,ALL,2004",
      "GP_PRAC_PAT_LIST,2025-04-01,GP,Z01,E38999991,Z00002,ZZ1 2ZZ,ALL,ALL,18758",
    ].join("\n");
    const p = parse(text);
    if (p.type !== "practice-totals") throw new Error("wrong type");
    expect(p.populations).toEqual([
      { orgType: "PRACTICE", orgCode: "Z00001", extractDate: "2025-04-01", total: 3904, male: 1900, female: 2004, ageProfile: null },
      { orgType: "PRACTICE", orgCode: "Z00002", extractDate: "2025-04-01", total: 18758, male: null, female: null, ageProfile: null },
    ]);
  });

  it("rejects a duplicate practice row", () => {
    const row = "GP_PRAC_PAT_LIST,2025-04-01,GP,Z01,E38999991,Z00001,ZZ1 1ZZ,ALL,ALL,3904";
    const e = rejectionOf(() => parse([TOTALS_HEADER, row, row].join("\n")));
    expect(e.issues[0]?.message).toBe("line 3: practice Z00001, SEX ALL, AGE ALL appears twice (also on line 2)");
  });
});

describe("practice weighted / adjusted tables", () => {
  const weighted = [
    "Practice Code,Practice Name,PCN Code,PCN Name,Region,Raw list size 2024/25,Adjusted Population 2024/25,weighted population 2024/25,Historical Adjustment Factor (%):",
    "Z00001,ONE DEMO SURGERY,UZ0001,ONE DEMO PCN,Demo Region,4096,3695,3249.5,0.11",
    "Z00002,TWO DEMO SURGERY,UZ0001,ONE DEMO PCN,Demo Region,10417,12282,12848,-0.15",
    "Z00003,THREE DEMO SURGERY,N/A,N/A,Demo Region,137,219,99,-0.38",
  ].join("\n");

  it("stores practice rows and sums weighted figures per PCN (N/A PCN kept as a practice, not summed)", () => {
    const p = parse(weighted);
    if (p.type !== "practice-weighted") throw new Error("wrong type");
    expect(p.financialYears).toEqual(["2024/25"]);
    expect(p.practiceRows).toHaveLength(3);
    expect(p.practiceRows[2]).toMatchObject({ practiceCode: "Z00003", pcnCode: null, weighted: 99 });
    // 3,249.5 + 12,848 = 16,097.5; raw 4,096 + 10,417 = 14,513
    expect(p.pcnTotals).toEqual([{ pcnCode: "UZ0001", pcnName: "ONE DEMO PCN", financialYear: "2024/25", value: 16_097.5, registeredList: 14_513, line: 2 }]);
  });

  it("an adjusted-only table (1 January base date) is stored but never becomes a weighted population", () => {
    const text = [
      "Practice Code,Practice Name,PCN Code,PCN Name,ICB Code,Raw list size,Adjusted Population,PCN member January 25",
      "Z00001,ONE DEMO SURGERY,UZ0001,ONE DEMO PCN,QZA,4239,4008,Yes",
      "Z00002,TWO DEMO SURGERY,no_data,no_data,no_data,4044,4024,No",
      ",,,,,8283,8032,",
    ].join("\r\n");
    const p = parse(text, "practice-adjusted-population_2025-01.csv");
    if (p.type !== "practice-weighted") throw new Error("wrong type");
    expect(p.financialYears).toEqual(["2025/26"]);
    expect(p.practiceRows).toEqual([
      { practiceCode: "Z00001", pcnCode: "UZ0001", financialYear: "2025/26", rawList: 4239, adjusted: 4008, weighted: null },
      { practiceCode: "Z00002", pcnCode: null, financialYear: "2025/26", rawList: 4044, adjusted: 4024, weighted: null },
    ]);
    expect(p.pcnTotals).toEqual([]);
    expect(p.summary).toContain("not used as any PCN's weighted population");
  });

  it("takes the base date from the file name when no heading gives it, else rejects", () => {
    const text = "Practice Code,PCN Code,Raw list size,Adjusted Population\nZ00001,UZ0001,10,11\n";
    const p = parse(text, "adjusted_2026-01.csv");
    if (p.type !== "practice-weighted") throw new Error("wrong type");
    expect(p.financialYears).toEqual(["2026/27"]);
    expect(rejectionOf(() => parse(text, "adjusted.csv")).message).toContain("could not tell which financial year");
  });

  it("rejects a duplicate practice and a non-numeric figure", () => {
    const e = rejectionOf(() => parse(weighted + "\nZ00001,ONE DEMO SURGERY,UZ0001,ONE DEMO PCN,Demo Region,1,2,3,0\nZ00009,X,UZ0001,X,R,1,2,lots,0"));
    expect(e.message).toContain("line 5: practice Z00001 appears twice (also on line 2)");
    expect(e.message).toContain("line 6: weighted population 2024/25 is 'lots', expected a number");
  });
});

describe("simple PCN weighted population file", () => {
  it("reads pcn_code, financial_year, weighted_population", () => {
    const p = parse("pcn_code,financial_year,weighted_population\nUZ0001,2025/26,12345.6\nUZ0002,2025-26,\"9,876\"\n");
    if (p.type !== "pcn-weighted") throw new Error("wrong type");
    expect(p.weighted.map((w) => [w.pcnCode, w.financialYear, w.value])).toEqual([
      ["UZ0001", "2025/26", 12345.6],
      ["UZ0002", "2025/26", 9876],
    ]);
  });

  it("rejects a bad year, a blank figure and a duplicate", () => {
    const e = rejectionOf(() => parse("pcn_code,financial_year,weighted_population\nUZ0001,2025/27,1\nUZ0002,2025/26,\nUZ0003,2025/26,5\nUZ0003,2025/26,6\n"));
    expect(e.message).toContain("line 2: financial_year is '2025/27', expected a financial year like 2025/26");
    expect(e.message).toContain("line 3: weighted_population is blank, expected a number");
    expect(e.message).toContain("line 5: PCN UZ0003 has a second row for 2025/26 (also on line 4)");
  });
});

describe("bad files", () => {
  it("rejects an empty file", () => {
    expect(rejectionOf(() => parse("")).message).toBe("The file is empty: it has no header row and no data.");
    expect(rejectionOf(() => parse("\r\n\r\n")).message).toContain("empty");
  });

  it("rejects a header with no rows", () => {
    expect(rejectionOf(() => parse(`${MAP_HEADER}\r\n`)).message).toBe("The file has a header row but no data rows.");
  });

  it("rejects an unknown header on line 1", () => {
    const e = rejectionOf(() => parse("name,colour,size\nfoo,red,3\n"));
    expect(e.issues[0]?.line).toBe(1);
    expect(e.message).toMatch(/^line 1: the column headings \('name', 'colour', 'size'\) do not match any file this importer knows/);
  });

  it("rejects malformed CSV (unclosed quote) with a line number", () => {
    const e = rejectionOf(() => parse(`${MAP_HEADER}\n"GP_PRAC_PAT_LIST,01Aug2026\n`));
    expect(e.message).toMatch(/^line \d+: the file is not valid CSV/);
  });
});
