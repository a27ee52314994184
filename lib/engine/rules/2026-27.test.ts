// Issue 15 item 2: 2026/27 as the sources have it — the GP maximum from the top of the salaried GP
// range, maxima on NHS England's 2.5% pay basis, the full 3.3% award as an expected backdated
// uplift the user switches on, and separate AfC / doctors' pay awards.
import { describe, expect, it } from "vitest";
import { compileRules, lookupCap } from "../compile";
import { pricePlan } from "../pricing";
import { rulesForYear } from "../project";
import { makePost, rulesFor } from "../test-helpers";

const rules = rulesFor("2026/27");
const table = (id: string) => rules.capTables.find((t) => t.id === id)!;

describe("2026/27 GP maximum", () => {
  it("is £152,900 national and £155,698 London, derived from the salaried GP range", () => {
    // £118,759 + 15% × (£118,759 − £5,000) + 14.38% × £118,759 = 118,759 + 17,063.85 + 17,077.54 = £152,900.39 → £152,900
    // London: £120,921 (+ £2,162) → 120,921 + 17,388.15 + 17,388.44 = £155,697.59 → £155,698
    for (const id of ["2026-27", "2026-27-uplift"]) {
      const gp = table(id).roles.gp!;
      expect([gp.national, gp.outerLondon, gp.innerLondon]).toEqual([152_900, 155_698, 155_698]);
      expect(gp.status).toBe("derived");
      expect(gp.source).toMatch(/£118,759.*15% NI above £5,000.*14\.38% pension/);
      expect(gp.note).toMatch(/Table 3c figure when it is entered/);
    }
    const r = 118_759 + 0.15 * (118_759 - 5000) + 0.1438 * 118_759;
    expect(Math.round(r)).toBe(152_900);
  });

  it("caps a 1.0 WTE GP on £200,000 for all of 2026/27 at £152,900 (to monthly rounding), uplift on or off", () => {
    for (const expectedUplift of [false, true]) {
      const plan = pricePlan(compileRules(rules, { expectedUplift }), { weightedPopulation: 30_000, posts: [makePost({ role: "gp", annualSalaryPence: 20_000_000 })] });
      // 152,900 ÷ 12 = 12,741.666… → £12,741.67 a month; × 12 = £152,900.04
      expect(plan.posts[0]!.capPence).toBe(15_290_004);
      expect(plan.posts[0]!.claimablePence).toBe(15_290_004);
    }
  });
});

describe("2026/27 maxima on NHS England's 2.5% basis, the 3.3% award as an expected uplift", () => {
  it("applies the 2.5% table by default and the 3.3% table when expectedUplift is on", () => {
    const off = compileRules(rules);
    const on = compileRules(rules, { expectedUplift: true });
    const otCap = (c: typeof off) => lookupCap(c, c.monthSegments[0]![0]!.table, "occupational-therapist", "national")!;
    // April 2025 OT national £64,907 → basis (64,907 + 750) ÷ 1.2938 = £50,747.02;
    // × 1.036 × 1.025 = £53,888.50 → × 1.2938 − 750 = £68,970.74 → £68,971 (domain-update §2.2: 68,971)
    expect(otCap(off).pence).toBe(6_897_100);
    expect(otCap(off).figure.status).toBe("derived");
    // × 1.036 × 1.033 = £54,309.09 → × 1.2938 − 750 = £69,515.10 → £69,515 (domain-update §2.2: 69,515)
    expect(otCap(on).pence).toBe(6_951_500);
    expect(off.monthSegments.every((segs) => segs.every((s) => s.table.id === "2026-27"))).toBe(true);
    expect(on.monthSegments.every((segs) => segs.every((s) => s.table.id === "2026-27-uplift"))).toBe(true);
  });

  it("keeps the 2025/26 backdated uplift on by default, and lets it be switched off", () => {
    const y25 = rulesFor("2025/26");
    expect(compileRules(y25).monthSegments[0]![0]!.table.id).toBe("2025-26-uplift");
    expect(compileRules(y25, { expectedUplift: false }).monthSegments[0]![0]!.table.id).toBe("2025-26-april");
  });
});

describe("separate pay awards", () => {
  it("2026/27: 3.3% Agenda for Change, 3.5% doctors; 2025/26: 3.6% and 4%", () => {
    expect(rules.payAward!.value).toBe(0.033);
    expect(rules.doctorsPayAward!.value).toBe(0.035);
    expect(rulesFor("2025/26").payAward!.value).toBe(0.036);
    expect(rulesFor("2025/26").doctorsPayAward!.value).toBe(0.04);
  });

  it("a projected year raises GP maxima by the doctors' award and the rest by the pay award", () => {
    const y = rulesForYear("2027/28", { payAward: 0.02, doctorsPayAward: 0.05 })!;
    const t = y.capTables[0]!;
    // GP: basis (152,900 + 750) ÷ 1.2938 = £118,758.70; × 1.05 = £124,696.64 → × 1.2938 − 750 = £160,582.5 → £160,583
    expect(t.roles.gp!.national).toBe(160_583);
    expect(t.roles.gp!.source).toMatch(/5% doctors' pay award/);
    // OT from the 2.5% table £68,971: basis £53,888.54 × 1.02 = £54,966.31 → £70,365.41 → £70,365
    expect(t.roles["occupational-therapist"]!.national).toBe(70_365);
    expect(y.doctorsPayAward).toMatchObject({ value: 0.05, status: "projection" });
  });

  it("notes the NI threshold to April 2031 and where an underspend goes", () => {
    expect(rules.employerNiThresholdAnnual.source).toMatch(/until April 2031/);
    expect(rules.notes.join(" ")).toMatch(/ICB keeps any ARRS underspend; a PCN's unclaimed entitlement is still lost at 31 March/);
  });
});
