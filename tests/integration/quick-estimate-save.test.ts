// The quick estimate's "Save as a scenario" keeps "Already committed this year" (issue 16 item 2
// follow-up): the form's fields → parseEstimateForm → quickEstimateScenarioBody (what the server
// action saves) → the scenario API; the saved plan's first-year headroom equals the estimate's, to
// the penny, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEstimateForm } from "@/app/estimate-form";
import { poundsToPence } from "@/lib/engine";
import { COMMITTED_LABEL, CommittedNotCarried, committedSpendPosts, quickEstimateScenarioBody } from "@/lib/planner/quick-estimate-scenario";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createApiToken, createUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let token: string;
let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let estimateRoute: typeof import("@/app/api/v1/estimate/route");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  const editor = await createUser(env.db, { email: "quick@example.nhs.uk", name: "Quick Save", password: "a-long-password" });
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: "UZ1001", role: "editor" });
  token = (await createApiToken(env.db, editor.email)).token;
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  estimateRoute = await import("@/app/api/v1/estimate/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const req = (path: string, body: unknown) =>
  new Request(`http://planner.test${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, host: "planner.test", "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** The home page form's fields: one band 7 paramedic, 1.0 WTE, all year, at UZ1001. */
function quickForm(alreadyCommitted: string, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  const fields: Record<string, string> = {
    financialYear: "2026/27",
    pcnMode: "code",
    pcnCode: "UZ1001",
    alreadyCommitted,
    postCount: "1",
    "posts.0.role": "paramedic",
    "posts.0.salaryMode": "band",
    "posts.0.band": "7",
    "posts.0.point": "1",
    "posts.0.sizeUnit": "wte",
    "posts.0.wte": "1",
    "posts.0.area": "national",
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function estimateAndSave(form: FormData) {
  const { request } = parseEstimateForm(form);
  const est = await estimateRoute.POST(req("/api/v1/estimate", request));
  expect(est.status).toBe(200);
  const estimate = await est.json();
  const body = quickEstimateScenarioBody({
    financialYear: request.financialYear!,
    alreadyCommittedPence: request.alreadyCommitted === undefined ? undefined : poundsToPence(Number(request.alreadyCommitted)),
    ...(request.assumptions ? { assumptions: request.assumptions } : {}),
    posts: request.posts,
  });
  const saved = await listRoute.POST(req("/api/v1/pcns/UZ1001/scenarios", body), { params: Promise.resolve({ code: "UZ1001" }) });
  expect(saved.status).toBe(201);
  return { estimate, scenario: await saved.json() };
}

describe("Save as a scenario keeps what is already committed", () => {
  // £123,456.78 = 12,345,678p = 12 × 1,028,806 + 6: one full-year post capped at £123,456.72
  // (£10,288.06 a month) and one March-only post capped at 12 × 6p = £0.72 a year (6p in March).
  it.each([
    ["123456.78", 2],
    // £612,345.67 = 61,234,567p = 12 × 5,102,880 + 7: the full-year part £612,345.60 is more than
    // the £250,000 an agreed maximum may be, so three posts (£204,115.20 each) and the 7p in March.
    ["612345.67", 4],
    // £120,000 = 12 × £10,000: one full-year post, nothing left over.
    ["120000", 1],
  ])("£%s: the saved plan's first-year headroom equals the estimate's (%i existing posts)", async (amount, posts) => {
    const { estimate, scenario } = await estimateAndSave(quickForm(amount));
    expect(estimate.totals.alreadyCommitted).toBe(Number(amount));
    const first = scenario.results.years[0];
    expect(first.financialYear).toBe("2026/27");
    // headroom = entitlement − the paramedic's claim − the amount already committed.
    expect(first.totals.headroom).toBe(estimate.totals.headroom);
    expect(first.totals.headroom).toBeCloseTo(estimate.totals.headroomBeforeCommitted - Number(amount), 2);
    const committed = scenario.posts.filter((p: { label: string }) => p.label === COMMITTED_LABEL);
    expect(committed).toHaveLength(posts);
    expect(committed.every((p: { status: string; end: string }) => p.status === "existing" && p.end === "2027-03-31")).toBe(true);
    // The committed posts add claims, not PCN-funded cost beyond rounding (a few pence each).
    expect(first.totals.pcnFunded - estimate.totals.pcnFunded).toBeGreaterThanOrEqual(0);
    expect(first.totals.pcnFunded - estimate.totals.pcnFunded).toBeLessThan(0.5 * posts);
  });

  it("with the NI and pension rates changed, the amount is still claimed to the penny", async () => {
    const { estimate, scenario } = await estimateAndSave(quickForm("98765.43", { "assumptions.employerNiRate": "0.138", "assumptions.employerPensionRate": "0.2068" }));
    expect(scenario.results.years[0].totals.headroom).toBe(estimate.totals.headroom);
  });

  it("nothing committed: no extra posts", async () => {
    const { scenario } = await estimateAndSave(quickForm(""));
    expect(scenario.posts).toHaveLength(1);
  });

  it("a year before commissioner-approved roles (2024/25) is refused in words", () => {
    expect(() => committedSpendPosts(100_00, "2023/24")).toThrow(CommittedNotCarried);
    expect(() => committedSpendPosts(100_00, "2023/24")).toThrow(/from 2024\/25 only/);
  });
});
