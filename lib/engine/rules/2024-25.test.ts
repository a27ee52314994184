import { describe, expect, it } from "vitest";
import { pricePost } from "../pricing";
import { compiled, makePost } from "../test-helpers";
import { MAXIMA_2023_24, OCTOBER_2024, RULES_2024_25 } from "./2024-25";
import { RULES_2023_24 } from "./2023-24";
import type { CappedRoleId } from "./types";

const [aprilTable, octoberTable] = RULES_2024_25.capTables;

describe("2024/25 October 2024 table: published rows (domain.md §3 'Other years')", () => {
  it.each([
    { role: "clinical-pharmacist", row: [65_838, 73_189, 76_313] },
    { role: "first-contact-physiotherapist", row: [65_838, 73_189, 76_313] },
    { role: "advanced-practitioner", row: [72_141, 79_492, 82_616] },
    { role: "pharmacy-technician", row: [42_437, 48_991, 51_176] },
    { role: "gp", row: [92_462, 95_233, 95_233] }, // GP: one London figure
  ] as const)("$role: $row, published by a third party", ({ role, row }) => {
    const line = octoberTable!.roles[role]!;
    expect([line.national, line.outerLondon, line.innerLondon]).toEqual(row);
    // Issue 15 item 4: The Pharmacist / Pulse / THC report these rows; the updated DES text was not found.
    expect(line.status).toBe("third-party");
    expect(OCTOBER_2024[role]).toEqual(line);
  });

  it("the other October rows are derived", () => {
    expect(octoberTable!.roles["occupational-therapist"]!.status).toBe("derived");
    expect(octoberTable!.roles["care-coordinator"]!.status).toBe("derived");
    // A row shared with a reported one says whose it is.
    expect(octoberTable!.roles["social-prescribing-link-worker"]!.source).toMatch(/^Derived: the pharmacy-technician row \(The Pharmacist/);
  });

  it("table windows: April table 1 Apr–30 Sep 2024, October table from 1 Oct 2024", () => {
    expect(aprilTable).toMatchObject({ id: "2024-25-april", effectiveFrom: "2024-04-01", effectiveTo: "2024-09-30" });
    expect(octoberTable).toMatchObject({ id: "2024-25-october", effectiveFrom: "2024-10-01", status: "third-party" });
    const c = compiled("2024/25");
    expect(c.monthSegments.map((s) => s.map((x) => x.table.id))).toEqual([
      ...Array(6).fill(["2024-25-april"]),
      ...Array(6).fill(["2024-25-october"]),
    ]);
  });

  it("the April–September table carries the 2023/24 maxima (the 2023/24 table's figures), plus enhanced practice nurses", () => {
    // The 2023/24 table in force from 1 July 2023 (issue 15: the year is split at 1 July).
    for (const [role, line] of Object.entries(RULES_2023_24.capTables.find((t) => t.id === "2023-24-july")!.roles)) {
      expect(aprilTable!.roles[role as CappedRoleId]).toEqual(line);
    }
    expect(aprilTable!.roles["enhanced-practice-nurse"]).toEqual(MAXIMA_2023_24["enhanced-practice-nurse"]);
    expect(RULES_2023_24.capTables[0]!.roles["enhanced-practice-nurse"]).toBeUndefined();
  });

  it.each([
    // April 2025 max → basis (÷ 1.2938 after + 750) ÷ 1.055 → × 1.2818 − 1,255.80 (2024/25 on-costs)
    { role: "clinical-pharmacist", national: 62_340 }, // 67,722/1.2938 = 52,343.48; ÷1.055 = 49,614.68; ×1.2818 − 1,255.80 = 62,340.29 → 62,340
    { role: "occupational-therapist", national: 60_401 }, // 65,657/1.2938 = 50,747.41; ÷1.055 = 48,101.81; ×1.2818 − 1,255.80 = 60,401.10 → 60,401
    { role: "care-coordinator", national: 33_396 }, // 36,900/1.2938 = 28,520.64; ÷1.055 = 27,033.78; ×1.2818 − 1,255.80 = 33,396.1 → 33,396
  ] as const)("2023/24-level estimate for $role: £$national", ({ role, national }) => {
    expect(aprilTable!.roles[role]!.national).toBe(national);
    // Issue 15: the CP and care coordinator national rows are reported by a third party (from 1 July 2023); the OT row is derived.
    expect(aprilTable!.roles[role]!.status).toBe(role === "occupational-therapist" ? "derived" : "third-party");
  });
});

describe("2024/25: the maxima change mid-year on 1 October 2024", () => {
  it("an FCP all year: caps Apr–Sep from the April table, Oct–Mar from the October table", () => {
    const p = pricePost(compiled("2024/25"), makePost({ annualSalaryPence: 8_000_000 }));
    // Apr–Sep 62,340/12 = 5,195.00 → 519,500; Oct–Mar 65,838/12 = 5,486.50 → 548,650
    expect(p.months.map((m) => m.capPence)).toEqual([...Array(6).fill(519_500), ...Array(6).fill(548_650)]);
    expect(p.claimablePence).toBe(6_408_900); // cap binds every month: 519,500 × 6 + 548,650 × 6
  });

  it("a GP is not reimbursable April–September (cap 0, warning) but is from October", () => {
    const p = pricePost(compiled("2024/25"), makePost({ role: "gp", annualSalaryPence: 8_241_800 }));
    // cost/month under 2024/25: 686,817 + 13.8% × (686,817 − 75,833.33) = 84,315.75 → 84,316 + 98,764 = 869,897
    expect(p.months.map((m) => m.capPence)).toEqual([...Array(6).fill(0), ...Array(6).fill(770_517)]); // 9,246,200/12 = 770,516.67
    expect(p.months.map((m) => m.claimablePence)).toEqual([...Array(6).fill(0), ...Array(6).fill(770_517)]);
    expect(p.months[0]!.costPence).toBe(869_897);
    expect(p.months[0]!.pcnFundedPence).toBe(869_897);
    expect(p.warnings.some((w) => w.includes("not reimbursable") && w.includes("2024-04") && w.includes("2024-09") && !w.includes("2024-10"))).toBe(true);
  });

  it("a GP starting 15 September 2024: September is not reimbursable, October is", () => {
    const p = pricePost(compiled("2024/25"), makePost({ role: "gp", annualSalaryPence: 8_241_800, startDay: compiled("2024/25").months[5]!.firstDay + 14 }));
    expect(p.months[5]).toMatchObject({ daysInPost: 16, capPence: 0, claimablePence: 0 });
    expect(p.months[6]!.capPence).toBe(770_517);
  });

  it.each(["healthcare-support-worker", "new-to-general-practice-nurse", "experienced-general-practice-nurse", "consultant-nurse"] as const)(
    "%s (added in 2025/26) has no cap anywhere in 2024/25",
    (role) => {
      const p = pricePost(compiled("2024/25"), makePost({ role, annualSalaryPence: 3_000_000 }));
      expect(p.capPence).toBe(0);
      expect(p.claimablePence).toBe(0);
      expect(p.pcnFundedPence).toBe(p.costPence);
      expect(p.warnings.some((w) => w.includes("not reimbursable"))).toBe(true);
    },
  );
});
