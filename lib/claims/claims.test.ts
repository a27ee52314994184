// Pure parts of the claims (issue 17, item 2): the claims contract's rules in words, the months a
// claims file may name, the reader's row issues, and "prepare" from a plan's results.
import { describe, expect, it } from "vitest";
import { ClaimLineSchema, financialYearOfMonth } from "@/lib/schemas/claims";
import { importClaims, parseMonth } from "./import";
import { planLinesForMonth, sumPounds } from "./prepare";
import { monthsOfYear } from "./types";

const LINE = { label: "OT", role: "occupational-therapist", wte: 1, salary: 4000, employerNi: 500, employerPension: 575.2, claimed: 5075.2 };

describe("the claim line contract", () => {
  it("a paid line needs its payment date; any other status refuses one", () => {
    expect(ClaimLineSchema.safeParse({ ...LINE, status: "paid", paidOn: "2026-07-15" }).success).toBe(true);
    const noDate = ClaimLineSchema.safeParse({ ...LINE, status: "paid" });
    expect(noDate.success).toBe(false);
    expect(noDate.error!.issues[0]).toMatchObject({ path: ["paidOn"] });
    const dated = ClaimLineSchema.safeParse({ ...LINE, status: "submitted", paidOn: "2026-07-15" });
    expect(dated.error!.issues[0]!.message).toContain("Only a paid line has a payment date");
    expect(ClaimLineSchema.safeParse({ ...LINE, status: "paid", paidOn: "2026-02-29" }).success).toBe(false); // 2026 is not a leap year
  });

  it("money in pounds and pence, not negative; WTE above 0 and at most 1; status defaults to draft", () => {
    expect(ClaimLineSchema.safeParse({ ...LINE, claimed: 1.005 }).error!.issues[0]!.message).toBe("The amount claimed can have at most 2 decimal places (pounds and pence).");
    expect(ClaimLineSchema.safeParse({ ...LINE, salary: -1 }).error!.issues[0]!.message).toBe("The salary cannot be negative.");
    expect(ClaimLineSchema.safeParse({ ...LINE, wte: 0 }).success).toBe(false);
    expect(ClaimLineSchema.parse(LINE).status).toBe("draft");
  });
});

describe("months", () => {
  it("financial year of a month, and the months of a year", () => {
    expect(financialYearOfMonth("2027-03")).toBe("2026/27");
    expect(financialYearOfMonth("2026-04")).toBe("2026/27");
    expect(financialYearOfMonth("2026-03")).toBe("2025/26");
    expect(monthsOfYear("2026/27")[11]).toBe("2027-03");
  });

  it("reads months as people write them", () => {
    expect(parseMonth("2026-05")).toBe("2026-05");
    expect(parseMonth("2026-05-01")).toBe("2026-05");
    expect(parseMonth("May 2026")).toBe("2026-05");
    expect(parseMonth("May-26")).toBe("2026-05");
    expect(parseMonth("05/2026")).toBe("2026-05");
    expect(parseMonth("01/05/2026")).toBe("2026-05"); // day/month/year: 1 May
    expect(parseMonth("2026-13")).toBeNull();
    expect(parseMonth("Maybe")).toBeNull();
  });
});

describe("importClaims", () => {
  const HEAD = ["Month", "Staff Name", "Job Title", "FTE", "Salary", "Employer NI", "Employer pension", "Amount claimed", "Status", "Date paid"];
  it("good rows become lines by month; a total row is skipped; issues name the sheet row", () => {
    const r = importClaims([
      ["Claims 2026/27"],
      HEAD,
      ["May 2026", "A. Patel", "Clinical Pharmacist", "0.8", "£3,210.55", "406.58", "461.68", "4078.81", "paid", "15/07/2026"],
      ["2026-05", "B. Jones", "FCP Physio", "1", "4100", "510", "589.58", "5199.58", "", ""],
      ["2026-06", "C. Smith", "Receptionist", "1", "2000", "0", "0", "0", "", ""],
      ["Total", "", "", "", "", "", "", "9278.39", "", ""],
    ]);
    expect(r.months.get("2026-05")!.map((x) => x.line)).toMatchObject([
      { label: "A. Patel", role: "clinical-pharmacist", wte: 0.8, salary: 3210.55, claimed: 4078.81, status: "paid", paidOn: "2026-07-15" },
      { label: "B. Jones", role: "first-contact-physiotherapist", status: "draft" },
    ]);
    expect(r.issues).toEqual([{ path: "rows.3.role", message: 'Row 3 (sheet row 5), Job Title: "Receptionist" is not an ARRS role we recognise (e.g. Clinical Pharmacist, FCP Physio, Care Coordinator); staff outside the ARRS are not claimed for.' }]);
  });

  it("a missing column is named", () => {
    const r = importClaims([["Month", "Name", "Role", "WTE", "Salary"]]);
    expect(r.issues[0]!.message).toContain("no column for: Employer NI, Employer pension, Amount claimed");
  });
});

describe("planLinesForMonth", () => {
  it("each post in post that month, with the plan's figures and claimable as the amount claimed", () => {
    const month = (m: string, days: number, salary: number, claimable: number) => ({ month: m, daysInPost: days, salary, employerNi: 100, employerPension: 14.38, cost: salary + 114.38, cap: 9999, claimable, pcnFunded: 0 });
    const results = {
      years: [
        {
          posts: [
            { id: "ot-1", role: "occupational-therapist", roleName: "Occupational Therapist", wte: 1, months: [month("2026-05", 31, 4000, 4114.38)] },
            { id: "later", role: "dietitian", roleName: "Dietitian", wte: 1, months: [month("2026-05", 0, 0, 0)] },
          ],
        },
      ],
    } as never;
    const lines = planLinesForMonth(results, [{ id: "ot-1", label: "OT frailty" }], "2026-05");
    expect(lines).toEqual([{ month: "2026-05", postId: "ot-1", label: "OT frailty", role: "occupational-therapist", wte: 1, salary: 4000, employerNi: 100, employerPension: 14.38, claimed: 4114.38, status: "draft", paidOn: null, note: null }]);
    expect(planLinesForMonth(results, [], "2026-06")).toEqual([]);
  });

  it("sums in pence: 0.1 + 0.2 = 0.3", () => {
    expect(sumPounds([0.1, 0.2])).toBe(0.3);
  });
});
