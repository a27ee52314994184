// POST /api/v1/estimate and `npm run estimate`: the one contract, through both doors.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, repoRoot } from "../support/db";

const CONTRACT_EXAMPLE = {
  financialYear: "2025/26",
  pcn: { weightedPopulation: 48213.7 },
  assumptions: {
    arrsRatePerWeightedPatient: 26.631,
    employerNiRate: 0.15,
    employerNiThresholdAnnual: 5000,
    employerPensionRate: 0.1438,
    maxReimbursableAnnual: { "occupational-therapist": 64907 },
  },
  posts: [
    { id: "ot-1", role: "occupational-therapist", annualSalary: 47810, wte: 1.0, area: "national", start: "2025-10-01", end: "2026-03-31" },
    { id: "ot-2", role: "occupational-therapist", band: "7", point: 2, wte: 0.6 },
  ],
};

let env: Awaited<ReturnType<typeof createTestDb>>;
let POST: (req: Request) => Promise<Response>;

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  ({ POST } = await import("@/app/api/v1/estimate/route"));
});
afterAll(async () => {
  await env?.cleanup();
});

async function post(body: unknown): Promise<{ status: number; json: any }> {
  const res = await POST(
    new Request("http://localhost/api/v1/estimate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: res.status, json: await res.json() };
}

describe("POST /api/v1/estimate — the contract example", () => {
  it("prices both posts exactly", async () => {
    const { status, json } = await post(CONTRACT_EXAMPLE);
    expect(status).toBe(200);
    // 48,213.7 × £26.631 = £1,283,979.0447 → £1,283,979.04
    expect(json.entitlement).toBe(1283979.04);
    expect(json.financialYear).toBe("2025/26");
    const [ot1, ot2] = json.posts;
    // ot-1: £47,810 full time, Oct–Mar. Each month: salary 47,810/12 = 3,984.17 (3,984.1666… half up);
    // NI 15% × (3,984.17 − 416.666…) = 535.125… → 535.13; pension 14.38% × 3,984.17 = 572.92…→ 572.92;
    // cost 5,092.22 a month × 6 = 30,553.32. Cap 64,907/12 = 5,408.92 a month → claimable = cost.
    expect(ot1.months).toHaveLength(12);
    expect(ot1.months.slice(0, 6).every((m: any) => m.cost === 0)).toBe(true);
    expect(ot1.months[6]).toMatchObject({ month: "2025-10", salary: 3984.17, employerNi: 535.13, employerPension: 572.92, cost: 5092.22, cap: 5408.92, claimable: 5092.22 });
    expect(ot1).toMatchObject({ salary: 23905.02, employerNi: 3210.78, employerPension: 3437.52, cost: 30553.32, claimable: 30553.32, pcnFunded: 0 });
    // ot-2: band 7 point 2 (2025/26) = £50,273 × 0.6 = £30,163.80 a year → £2,513.65 a month;
    // NI 15% × (2,513.65 − 416.67) = 314.55 (314.5475 → 314.55); pension 361.46 (361.462…)
    expect(ot2.months[0]).toMatchObject({ month: "2025-04", salary: 2513.65, employerNi: 314.55, employerPension: 361.46, cost: 3189.66 });
    expect(ot2.cost).toBeCloseTo(3189.66 * 12, 2);
    // cap 64,907 × 0.6 / 12 = 3,245.35 a month ≥ cost → all claimable
    expect(ot2.claimable).toBe(ot2.cost);
    expect(json.totals.claimable).toBeCloseTo(ot1.claimable + ot2.claimable, 2);
    expect(json.totals.headroom).toBeCloseTo(1283979.04 - json.totals.claimable, 2);
    // Every figure the user set is an override, not an estimate.
    expect(json.overrides.map((o: any) => o.id)).toContain("2025/26 maximum reimbursable amount: occupational-therapist (all areas)");
    expect(json.estimates).toEqual([]);
  });

  it("numbers have at most 2 decimals everywhere", async () => {
    const { json } = await post(CONTRACT_EXAMPLE);
    const money = JSON.stringify({ posts: json.posts, totals: json.totals, months: json.months, entitlement: json.entitlement });
    for (const m of money.matchAll(/:(-?\d+\.\d+)/g)) expect(m[1]!.split(".")[1]!.length).toBeLessThanOrEqual(2);
  });

  it("flags figures from estimate rules (the backdated 2025/26 uplift table)", async () => {
    const { status, json } = await post({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, posts: [{ id: "a", role: "occupational-therapist", band: "7", point: 1, wte: 1 }] });
    expect(status).toBe(200);
    expect(json.entitlement).toBe(798930); // 30,000 × £26.631 (NHSE ready reckoner)
    expect(json.isEstimate).toBe(true);
    expect(json.estimates.some((e: any) => e.id.includes("occupational-therapist") && e.id.includes("2025-26-uplift"))).toBe(true);
  });

  it("uses the stored weighted population of a PCN given by code, and labels estimates", async () => {
    // UZ1001 has an ICB-confirmed 2025/26 figure in the demo seed; UZ1003 has none (estimate).
    const confirmed = await post({ financialYear: "2025/26", pcn: { code: "UZ1001" }, posts: [] });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.weightedPopulation.provenance).toBe("icb-confirmed");
    expect(confirmed.json.pcn).toEqual({ code: "UZ1001", name: "RIVERSIDE DEMO PCN" });
    const estimated = await post({ financialYear: "2025/26", pcn: { code: "uz1003" }, posts: [] });
    expect(estimated.status).toBe(200);
    expect(estimated.json.weightedPopulation.provenance).toBe("estimate");
    expect(estimated.json.estimates[0].id).toContain("weighted population");
  });

  it("a post starting after the year (no end date) prices to zero beside the others", async () => {
    const { status, json } = await post({
      financialYear: "2025/26",
      pcn: { weightedPopulation: 30000 },
      posts: [
        { id: "now", role: "dietitian", annualSalary: 40000, wte: 1 },
        { id: "later", role: "dietitian", annualSalary: 40000, wte: 1, start: "2026-04-01" },
        { id: "gone", role: "dietitian", annualSalary: 40000, wte: 1, end: "2025-01-31" },
      ],
    });
    expect(status).toBe(200);
    expect(json.posts[1]).toMatchObject({ id: "later", cost: 0, claimable: 0 });
    expect(json.posts[1].warnings.join(" ")).toContain("starts 2026-04-01");
    expect(json.posts[2]).toMatchObject({ id: "gone", cost: 0 });
    expect(json.posts[2].warnings.join(" ")).toContain("ends 2025-01-31");
    expect(json.totals.cost).toBe(json.posts[0].cost);
  });

  it("unknown PCN code → 404 not_found", async () => {
    const { status, json } = await post({ financialYear: "2025/26", pcn: { code: "UZ9999" }, posts: [] });
    expect(status).toBe(404);
    expect(json.error.code).toBe("not_found");
  });
});

const base = () => structuredClone(CONTRACT_EXAMPLE) as any;
const INVALID: [string, () => unknown, string][] = [
  ["unknown financial year", () => ({ ...base(), financialYear: "2019/20" }), "financialYear"],
  ["malformed financial year", () => ({ ...base(), financialYear: "2025-26" }), "financialYear"],
  ["unknown role", () => { const b = base(); b.posts[0].role = "wizard"; return b; }, "posts.0.role"],
  ["wte 0", () => { const b = base(); b.posts[0].wte = 0; return b; }, "posts.0.wte"],
  ["wte negative", () => { const b = base(); b.posts[0].wte = -0.5; return b; }, "posts.0.wte"],
  ["wte over 1", () => { const b = base(); b.posts[0].wte = 1.2; return b; }, "posts.0.wte"],
  ["wte text", () => { const b = base(); b.posts[0].wte = "full"; return b; }, "posts.0.wte"],
  ["negative salary", () => { const b = base(); b.posts[0].annualSalary = -1; return b; }, "posts.0.annualSalary"],
  ["non-numeric salary", () => { const b = base(); b.posts[0].annualSalary = "lots"; return b; }, "posts.0.annualSalary"],
  ["salary with fractions of a penny", () => { const b = base(); b.posts[0].annualSalary = 47810.123; return b; }, "posts.0.annualSalary"],
  ["negative population", () => ({ ...base(), pcn: { weightedPopulation: -5 } }), "pcn"],
  ["non-numeric population", () => ({ ...base(), pcn: { weightedPopulation: "many" } }), "pcn"],
  ["negative cap override", () => { const b = base(); b.assumptions.maxReimbursableAnnual["occupational-therapist"] = -1; return b; }, "assumptions.maxReimbursableAnnual.occupational-therapist"],
  ["non-numeric NI rate", () => { const b = base(); b.assumptions.employerNiRate = "15%"; return b; }, "assumptions.employerNiRate"],
  ["end before start", () => { const b = base(); b.posts[0].end = "2025-09-30"; return b; }, "posts.0.end"],
  ["malformed start date", () => { const b = base(); b.posts[0].start = "01/10/2025"; return b; }, "posts.0.start"],
  ["impossible date", () => { const b = base(); b.posts[0].end = "2026-02-30"; return b; }, "posts.0.end"],
  ["unknown band", () => { const b = base(); b.posts[1].band = "10"; return b; }, "posts.1.band"],
  ["unknown point", () => { const b = base(); b.posts[1].point = 4; return b; }, "posts.1.point"],
  ["salary and band together", () => { const b = base(); b.posts[1].annualSalary = 40000; return b; }, "posts.1.annualSalary"],
  ["neither salary nor band", () => { const b = base(); delete b.posts[1].band; delete b.posts[1].point; return b; }, "posts.1.annualSalary"],
  ["unknown area", () => { const b = base(); b.posts[0].area = "mars"; return b; }, "posts.0.area"],
  ["unknown field (typo)", () => { const b = base(); b.posts[0].wtee = 1; return b; }, "posts.0"],
  ["duplicate post ids", () => { const b = base(); b.posts[1].id = "ot-1"; return b; }, "posts.1.id"],
  ["posts missing", () => { const b = base(); delete b.posts; return b; }, "posts"],
  ["unknown role in a cap override", () => { const b = base(); b.assumptions.maxReimbursableAnnual = { wizard: 1 }; return b; }, "assumptions.maxReimbursableAnnual.wizard"],
  ["MHP with a salary and an impossible point", () => { const b = base(); b.posts[1] = { id: "m", role: "mental-health-practitioner", band: "5", point: 99, annualSalary: 40000, wte: 1 }; return b; }, "posts.1.point"],
  ["not an object", () => [1, 2, 3], ""],
];

describe("POST /api/v1/estimate — invalid input → 422 with issues", () => {
  it.each(INVALID)("%s", async (_label, make, path) => {
    const { status, json } = await post(make());
    expect(status).toBe(422);
    expect(json.error.code).toBe("invalid_input");
    expect(json.error.issues.length).toBeGreaterThan(0);
    const paths = json.error.issues.map((i: any) => i.path);
    expect(paths.some((p: string) => p === path || p.startsWith(path))).toBe(true);
    for (const i of json.error.issues) expect(i.message.length).toBeGreaterThan(10);
  });

  it("a field named __proto__ is refused, not silently dropped", async () => {
    const text = JSON.stringify(base()).replace('"maxReimbursableAnnual":{', '"maxReimbursableAnnual":{"__proto__":{"dietitian":1},');
    const { status, json } = await post(text);
    expect(status).toBe(422);
    expect(json.error.issues[0].message).toMatch(/__proto__/);
  });

  it("a chunked body over 1 MB is refused without reading it all", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await POST(new Request("http://localhost/api/v1/estimate", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit));
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0].message).toMatch(/too large/);
    expect(sent).toBeLessThan(4 * 1024 * 1024); // stopped soon after 1 MB, not at 50 MB
  });

  it("malformed JSON → 422 in the same shape", async () => {
    const { status, json } = await post("{ this is not json");
    expect(status).toBe(422);
    expect(json.error.code).toBe("invalid_input");
    expect(json.error.issues[0].message).toMatch(/not valid JSON/);
  });

  it("a body over 1 MB is refused", async () => {
    const big = { ...base(), posts: Array.from({ length: 400 }, (_, i) => ({ id: `p${i}`.padEnd(90, "x"), role: "occupational-therapist", annualSalary: 40000, wte: 1, note: "x".repeat(3000) })) };
    const { status, json } = await post(big);
    expect(status).toBe(422);
    expect(json.error.issues[0].message).toMatch(/too large/);
  });

  it("gives messages a finance lead understands", async () => {
    const b = base();
    b.posts[0].wte = 1.5;
    const { json } = await post(b);
    expect(json.error.issues[0]).toEqual({ path: "posts.0.wte", message: "WTE cannot be more than 1.0 (one full-time post); model a second post instead." });
  });
});

describe("POST /api/v1/estimate — how the JSON is written", () => {
  it("a leading UTF-8 byte-order mark is ignored", async () => {
    const plain = await post(CONTRACT_EXAMPLE);
    const withBom = await post(`\uFEFF${JSON.stringify(CONTRACT_EXAMPLE)}`);
    expect(withBom.status).toBe(200);
    expect(withBom.json).toEqual(plain.json);
  });

  it.each([
    ["arrays", (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`],
    ["objects", (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`],
  ])("%s nested 100,000 deep: the message says it is nested too deeply", async (_kind, nest) => {
    const { status, json } = await post(nest(100_000));
    expect(status).toBe(422);
    expect(json.error).toEqual({
      code: "invalid_input",
      message: "The request is nested too deeply (more than 64 levels).",
      issues: [{ path: "", message: "The request is nested too deeply (more than 64 levels)." }],
    });
  });

  it("64 levels are read (and then validated); 65 are too deep; brackets inside strings do not count", async () => {
    const deep = (n: number) => ({ ...base(), extra: JSON.parse(`${"[".repeat(n - 1)}${"]".repeat(n - 1)}`) });
    expect((await post(deep(64))).json.error.message).toBe("Some of the input is not valid; see issues.");
    expect((await post(deep(65))).json.error.message).toBe("The request is nested too deeply (more than 64 levels).");
    const { status, json } = await post({ ...base(), financialYear: `"[{${"[".repeat(500)}\\` });
    expect(status).toBe(422);
    expect(json.error.issues[0].path).toBe("financialYear");
  });
});

describe("POST /api/v1/estimate — assumptions the plan did not need", () => {
  it("a maximum for a role no post has is listed in overrides, with a warning", async () => {
    const b = base();
    b.assumptions = { maxReimbursableAnnual: { dietitian: 50000, "occupational-therapist": 64907 } };
    const { status, json } = await post(b);
    expect(status).toBe(200);
    expect(json.overrides.map((o: any) => [o.id, o.value, o.status])).toEqual([
      ["2025/26 maximum reimbursable amount: dietitian (all areas)", 50000, "override"],
      ["2025/26 maximum reimbursable amount: occupational-therapist (all areas)", 64907, "override"],
    ]);
    expect(json.warnings).toContain("The maximum reimbursable amount you gave for dietitian was not used: no dietitian post is in the plan.");
    expect(json.warnings.join(" ")).not.toContain("occupational-therapist was not used");
  });

  it("an NI rate with no posts is listed in overrides, with a warning", async () => {
    const { status, json } = await post({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, assumptions: { employerNiRate: 0.1 }, posts: [] });
    expect(status).toBe(200);
    expect(json.overrides).toEqual([expect.objectContaining({ id: "2025/26 employer NI rate", value: 0.1, status: "override" })]);
    expect(json.warnings).toContain("The employer NI rate you gave was not used: the plan has no posts.");
  });

  it("every assumption of the contract example is listed (all used, no warning)", async () => {
    const { json } = await post(CONTRACT_EXAMPLE);
    expect(json.overrides.map((o: any) => o.value)).toEqual([26.631, 0.15, 5000, 0.1438, 64907]);
    expect(json.warnings.filter((w: string) => w.includes("you gave"))).toEqual([]);
  });
});

describe("POST /api/v1/estimate — alreadyCommitted (issue 16: £ already committed this year)", () => {
  it("is taken off the headroom, to the penny, and shown as its own figure", async () => {
    // 30,000 × £26.631 = £798,930.00 entitlement; no posts; £798,930.00 − £120,000.50 = £678,929.50.
    const { status, json } = await post({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, alreadyCommitted: 120000.5, posts: [] });
    expect(status).toBe(200);
    expect(json.entitlement).toBe(798930);
    expect(json.alreadyCommitted).toBe(120000.5);
    expect(json.totals).toMatchObject({ claimable: 0, headroomBeforeCommitted: 798930, alreadyCommitted: 120000.5, headroom: 678929.5 });
    // Every month's headroom is after the commitment too, so March's equals the year's.
    expect(json.months.map((m: any) => m.headroom)).toEqual(Array(12).fill(678929.5));
  });

  it("with posts: headroom = entitlement − claimable − already committed", async () => {
    const without = (await post(CONTRACT_EXAMPLE)).json;
    const { json } = await post({ ...CONTRACT_EXAMPLE, alreadyCommitted: 250000 });
    expect(json.totals.claimable).toBe(without.totals.claimable);
    expect(json.totals.headroomBeforeCommitted).toBe(without.totals.headroom);
    // in pence, so no float drift: (headroom before − 250,000.00) exactly
    expect(Math.round(json.totals.headroom * 100)).toBe(Math.round(without.totals.headroom * 100) - 25_000_000);
    expect(json.months.at(-1).headroom).toBe(json.totals.headroom);
    expect(json.pots).toEqual(without.pots);
    expect(without.alreadyCommitted).toBeUndefined();
    expect(without.totals.alreadyCommitted).toBeUndefined();
  });

  it("more than the headroom → negative headroom (over-committed)", async () => {
    // £798,930.00 − £900,000.00 = −£101,070.00
    const { json } = await post({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, alreadyCommitted: 900000, posts: [] });
    expect(json.totals.headroom).toBe(-101070);
  });

  it.each([
    ["lots", "Already committed this year must be a number (e.g. 120000), not the text \"lots\"."],
    [-5, "Already committed this year cannot be negative."],
    [10.005, "Already committed this year can have at most 2 decimal places (pounds and pence)."],
  ])("%s → 422 in words", async (value, message) => {
    const { status, json } = await post({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, alreadyCommitted: value, posts: [] });
    expect(status).toBe(422);
    expect(json.error.issues).toContainEqual({ path: "alreadyCommitted", message });
  });
});

describe("npm run estimate (CLI)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrs-cli-"));
  const cli = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile("npx", ["tsx", "scripts/estimate.ts", ...args], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: env.url } }, (err, stdout) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout });
      });
      if (input !== undefined) child.stdin?.end(input);
    });

  it("prints the same JSON as the API and exits 0", async () => {
    const file = path.join(dir, "req.json");
    fs.writeFileSync(file, JSON.stringify(CONTRACT_EXAMPLE));
    const [{ code, stdout }, api] = await Promise.all([cli([file]), post(CONTRACT_EXAMPLE)]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(api.json);
  });

  it("reads stdin with '-'", async () => {
    const { code, stdout } = await cli(["-"], JSON.stringify(CONTRACT_EXAMPLE));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entitlement).toBe(1283979.04);
  });

  it("invalid input prints the error JSON on stdout and exits 2", async () => {
    const b = base();
    b.posts[0].wte = 0;
    const { code, stdout } = await cli(["-"], JSON.stringify(b));
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.issues[0].path).toBe("posts.0.wte");
  });

  it("malformed JSON and unknown PCN code exit 2 with the error JSON", async () => {
    const bad = await cli(["-"], "{nope");
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe("invalid_input");
    const missing = await cli(["-"], JSON.stringify({ financialYear: "2025/26", pcn: { code: "UZ9999" }, posts: [] }));
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.code).toBe("not_found");
  });

  it("reads a file saved with a byte-order mark", async () => {
    const file = path.join(dir, "bom.json");
    fs.writeFileSync(file, `\uFEFF${JSON.stringify(CONTRACT_EXAMPLE)}`);
    const { code, stdout } = await cli([file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entitlement).toBe(1283979.04);
  });

  it("a missing file exits 2 with an error JSON", async () => {
    const { code, stdout } = await cli([path.join(dir, "nope.json")]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe("invalid_input");
  });
});

describe("POST /api/v1/estimate for 2027/28 (issue 15: a year without a rule table)", () => {
  it("answers 200 with every figure labelled 'projection', the GP maximum raised by the doctors' award", async () => {
    const { status, json } = await post({
      financialYear: "2027/28",
      pcn: { weightedPopulation: 30_000 },
      assumptions: { payAward: 0.03, doctorsPayAward: 0.035 },
      posts: [
        { id: "ot", role: "occupational-therapist", band: "7", point: 1, wte: 1 },
        { id: "gp", role: "gp", annualSalary: 200_000, wte: 1 },
      ],
    });
    expect(status).toBe(200);
    expect(json.financialYear).toBe("2027/28");
    expect(json.figures.length).toBeGreaterThan(0);
    for (const f of json.figures) {
      expect(f.status, f.id).toBe("projection");
      expect(f.source, f.id).toMatch(/^Projection: /);
    }
    // Every projected figure is also among the estimates (nobody has published it).
    expect(json.estimates.map((e: { id: string }) => e.id).sort()).toEqual(json.figures.map((f: { id: string }) => f.id).sort());
    expect(json.isEstimate).toBe(true);
    const cap = (role: string) => json.figures.find((f: { id: string }) => f.id.includes(`maximum reimbursable amount: ${role}, national`));
    // GP: (152,900 + 750) ÷ 1.2938 × 1.035 × 1.2938 − 750 = £158,277.7 → £158,278
    expect(cap("gp").value).toBe(158_278);
    // OT: (68,971 + 750) ÷ 1.2938 × 1.03 × 1.2938 − 750 = £71,062.6 → £71,063
    expect(cap("occupational-therapist").value).toBe(71_063);
    // GP claimable: 15,827,800 ÷ 12 = 1,318,983.33 → £13,189.83 a month × 12 = £158,277.96
    expect(json.posts.find((p: { id: string }) => p.id === "gp").claimable).toBe(158_277.96);
    // OT: band 7 point 1 £49,388 × 1.03 = £50,870; cost 12 × £5,422.14 = £65,065.68, all claimable
    expect(json.posts.find((p: { id: string }) => p.id === "ot").claimable).toBe(65_065.68);
    // Entitlement: £27.668 × 1.025 → £28.360; × 30,000 = £850,800
    expect(json.entitlement).toBe(850_800);
  });

  it("answers 200 for 2027/28 with the expected 2026/27 uplift as the projection's base, and still labels it", async () => {
    const body = (expectedUplift: boolean) => ({ financialYear: "2027/28", pcn: { weightedPopulation: 30_000 }, assumptions: { expectedUplift }, posts: [{ id: "ot", role: "occupational-therapist", annualSalary: 90_000, wte: 1 }] });
    const off = await post(body(false));
    const on = await post(body(true));
    expect([off.status, on.status]).toEqual([200, 200]);
    // From the 3.3% table (£69,515): 69,515 + 750 = 70,265 ÷ 1.2938 × 1.03 × 1.2938 − 750 = £71,622.95 → £71,623 (vs £71,063)
    const capOf = (j: any) => j.figures.find((f: { id: string }) => f.id.includes("maximum reimbursable amount: occupational-therapist, national")).value;
    expect([capOf(off.json), capOf(on.json)]).toEqual([71_063, 71_623]);
    expect(on.json.figures.filter((f: { status: string }) => f.status !== "projection").map((f: { id: string }) => f.id)).toEqual(["2027/28 expected backdated uplift"]);
  });
});
