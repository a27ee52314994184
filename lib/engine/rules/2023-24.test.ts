// Issue 15 item 3: 2023/24 maxima changed on 1 July 2023, not 1 April.
import { describe, expect, it } from "vitest";
import { pricePlan } from "../pricing";
import { compiled, makePost, rulesFor } from "../test-helpers";

const rules = rulesFor("2023/24");
const byId = (id: string) => rules.capTables.find((t) => t.id === id)!;

describe("2023/24 split at 1 July 2023", () => {
  it("has the national figures the trade press reported before and after 1 July, marked third-party", () => {
    const april = byId("2023-24-april").roles;
    const july = byId("2023-24-july").roles;
    const pairs = [
      ["clinical-pharmacist", 59_312, 62_340],
      ["first-contact-physiotherapist", 59_312, 62_340],
      ["care-coordinator", 31_746, 33_396],
      ["social-prescribing-link-worker", 38_187, 40_159],
      ["pharmacy-technician", 38_187, 40_159],
    ] as const;
    for (const [role, a, j] of pairs) {
      expect(april[role]!.national, role).toBe(a);
      expect(july[role]!.national, role).toBe(j);
      // Issue 15 item 4: reported by Management in Practice / The Pharmacist / THC, not NHS England's text.
      expect(april[role]!.status).toBe("third-party");
      expect(july[role]!.londonStatus).toBe("derived");
    }
    // A row no source reports is derived (the July basis ÷ 1.05, or the October 2024 basis ÷ 1.055).
    expect(july["occupational-therapist"]!.status).toBe("derived");
    expect(byId("2023-24-april").effectiveTo).toBe("2023-06-30");
    expect(byId("2023-24-july").effectiveFrom).toBe("2023-07-01");
  });

  it("caps a 1.0 WTE clinical pharmacist at £4,942.67 in April and £5,195.00 in July", () => {
    const plan = pricePlan(compiled("2023/24"), { weightedPopulation: 30_000, posts: [makePost({ role: "clinical-pharmacist", annualSalaryPence: 8_000_000 })] });
    const m = plan.posts[0]!.months;
    // £59,312 ÷ 12 = £4,942.666… → £4,942.67; £62,340 ÷ 12 = £5,195.00
    expect(m[0]!.capPence).toBe(494_267);
    expect(m[2]!.capPence).toBe(494_267);
    expect(m[3]!.capPence).toBe(519_500);
    // Year: 3 × £4,942.67 + 9 × £5,195.00 = £14,828.01 + £46,755.00 = £61,583.01
    expect(plan.posts[0]!.capPence).toBe(6_158_301);
  });

  it("labels a London cap from a third-party national row as derived (its London columns are arithmetic)", () => {
    const plan = pricePlan(compiled("2023/24"), { weightedPopulation: 30_000, posts: [makePost({ role: "clinical-pharmacist", annualSalaryPence: 8_000_000, area: "inner-london" })] });
    const caps = plan.figures.filter((f) => f.id.includes("maximum reimbursable amount: clinical-pharmacist"));
    expect(caps.length).toBe(2);
    for (const f of caps) expect(f.status).toBe("derived");
    const national = pricePlan(compiled("2023/24"), { weightedPopulation: 30_000, posts: [makePost({ role: "clinical-pharmacist", annualSalaryPence: 8_000_000 })] });
    for (const f of national.figures.filter((f) => f.id.includes("maximum reimbursable amount"))) expect(f.status).toBe("third-party");
  });
});
