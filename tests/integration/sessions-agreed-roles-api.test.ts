// Issue 15 item 5 through the API: GP sessions and hours a week, commissioner-approved roles and
// the nurse/HCSW 12-month rule in POST /api/v1/estimate and a scenario's POST → PUT → GET.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createSession, createUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let estimate: typeof import("@/app/api/v1/estimate/route");
let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let itemRoute: typeof import("@/app/api/v1/scenarios/[id]/route");
let cookie: string;

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  const editor = await createUser(env.db, { email: "ed15@example.nhs.uk", name: "Ed", password: "a-long-password" });
  cookie = `arrs_session=${(await createSession(env.db, editor.id)).token}`;
  await grantMembership(env.db, COMMAND_LINE, { email: editor.email, pcnCode: "UZ1001", role: "editor" });
  estimate = await import("@/app/api/v1/estimate/route");
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  itemRoute = await import("@/app/api/v1/scenarios/[id]/route");
});
afterAll(async () => {
  await (globalThis as unknown as { arrsPrisma?: Db }).arrsPrisma?.$disconnect();
  await env?.cleanup();
});

function req(path: string, method: string, body?: unknown): Request {
  return new Request(`http://planner.test${path}`, {
    method,
    headers: { host: "planner.test", cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
async function call(res: Promise<Response>): Promise<{ status: number; json: any }> {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const postEstimate = (body: unknown) => call(estimate.POST(req("/api/v1/estimate", "POST", body)));

const GP_4_SESSIONS = { id: "gp-1", role: "gp", annualSalary: 82418, sessions: 4 };
const MSK = { id: "msk-1", role: "commissioner-approved", roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 55000, annualSalary: 60000, wte: 1 };
const OT_30H = { id: "ot-1", role: "occupational-therapist", annualSalary: 47810, hoursPerWeek: 30 };
const NURSE = { id: "nurse-1", role: "experienced-general-practice-nurse", annualSalary: 38000, wte: 1, employedInLast12Months: true };

describe("POST /api/v1/estimate: sessions, hours, commissioner-approved roles, the 12-month rule", () => {
  it("prices each post and gives the WTE used beside what was given", async () => {
    const { status, json } = await postEstimate({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, posts: [GP_4_SESSIONS, MSK, OT_30H, NURSE] });
    expect(status).toBe(200);
    const [gp, msk, ot, nurse] = json.posts;
    // GP: 82,418 × 4/9 ÷ 12 = 3,052.5185… → £3,052.52 salary a month; cost 3,052.52 + 395.38 NI + 438.95 pension = £3,886.85 × 12 = £46,642.20
    expect(gp).toMatchObject({ wte: 0.4444, sessions: 4, cost: 46642.2 });
    expect(gp.wteBasis).toMatch(/4 sessions a week ÷ 9/);
    expect(gp.months[0]).toMatchObject({ salary: 3052.52, employerNi: 395.38, employerPension: 438.95 });
    // Commissioner-approved: cost £6,406.50 a month; cap 55,000 ÷ 12 = £4,583.33; claimable £4,583.33 × 12 = £54,999.96
    expect(msk).toMatchObject({ role: "commissioner-approved", roleName: "Musculoskeletal practitioner (commissioner-approved)", maxReimbursableAnnual: 55000, claimable: 54999.96, cost: 76878 });
    expect(json.figures).toContainEqual(expect.objectContaining({ value: 55000, status: "override", source: "Maximum agreed by the ICB (entered by the user)" }));
    // OT: 30 hours = 0.8 WTE; salary 47,810 × 0.8 ÷ 12 = £3,187.33
    expect(ot).toMatchObject({ wte: 0.8, hoursPerWeek: 30 });
    expect(ot.months[0].salary).toBe(3187.33);
    // Nurse re-employed within 12 months: priced, nothing claimable, warned at plan level
    expect(nurse.cost).toBeGreaterThan(0);
    expect(nurse).toMatchObject({ claimable: 0, cap: 0 });
    expect(json.warnings.join(" ")).toMatch(/nurse-1 .*previous 12 months.*not reimbursable unless they move to a more senior role/);
    expect(json.totals.claimable).toBe(Math.round((gp.claimable + msk.claimable + ot.claimable) * 100) / 100);
  });

  it.each([
    { what: "two of wte, sessions and hours", post: { ...GP_4_SESSIONS, wte: 0.5 }, path: "posts.0.wte", message: "Give the post's WTE, sessions or hours a week — one of them, not two." },
    { what: "none of them", post: { id: "x", role: "gp", annualSalary: 82418 }, path: "posts.0.wte", message: /Give the post's WTE/ },
    { what: "sessions on a non-GP post", post: { ...OT_30H, hoursPerWeek: undefined, sessions: 4 }, path: "posts.0.sessions", message: /Sessions are for GP posts only/ },
    { what: "more than 9 sessions", post: { ...GP_4_SESSIONS, sessions: 10 }, path: "posts.0.sessions", message: /cannot be more than 9/ },
    { what: "more than 37.5 hours", post: { ...OT_30H, hoursPerWeek: 40 }, path: "posts.0.hoursPerWeek", message: /cannot be more than 37.5/ },
    { what: "a commissioner-approved role with no name", post: { ...MSK, roleName: undefined }, path: "posts.0.roleName", message: /name of the role the ICB approved/ },
    { what: "a commissioner-approved role with no maximum", post: { ...MSK, maxReimbursableAnnual: undefined }, path: "posts.0.maxReimbursableAnnual", message: /maximum the ICB agreed/ },
    { what: "a maximum of £0", post: { ...MSK, maxReimbursableAnnual: 0 }, path: "posts.0.maxReimbursableAnnual", message: /more than £0/ },
    { what: "a maximum over £250,000", post: { ...MSK, maxReimbursableAnnual: 300000 }, path: "posts.0.maxReimbursableAnnual", message: /at most £250,000/ },
    { what: "a role name on an ordinary role", post: { ...OT_30H, roleName: "Something" }, path: "posts.0.roleName", message: /only for a commissioner-approved role/ },
  ])("422 for $what, in words", async ({ post, path, message }) => {
    const { status, json } = await postEstimate({ financialYear: "2025/26", pcn: { weightedPopulation: 30000 }, posts: [post] });
    expect(status).toBe(422);
    expect(json.error.code).toBe("invalid_input");
    const issue = json.error.issues.find((i: any) => i.path === path);
    expect(issue, JSON.stringify(json.error.issues)).toBeDefined();
    expect(issue.message).toMatch(message);
  });
});

describe("a scenario with these posts: POST, PUT, GET round-trip", () => {
  it("keeps sessions, hours, the role name and maximum and the 12-month flag as given", async () => {
    const posts = [
      { ...GP_4_SESSIONS, label: "GP Tues/Thu", start: "2025-04-01" },
      { ...MSK, label: "MSK" },
      { ...OT_30H, label: "OT" },
      { ...NURSE, label: "Nurse", moreSeniorRole: true },
    ];
    const body = { name: "Sessions and other roles", firstYear: "2025/26", years: 2, posts };
    const created = await call(listRoute.POST(req("/api/v1/pcns/UZ1001/scenarios", "POST", body), { params: Promise.resolve({ code: "UZ1001" }) }));
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const ctx = { params: Promise.resolve({ id }) };
    const changed = posts.map((p) => (p.id === "gp-1" ? { ...p, sessions: 5 } : p));
    const saved = await call(itemRoute.PUT(req(`/api/v1/scenarios/${id}`, "PUT", { ...body, posts: changed, version: 1 }), ctx));
    expect(saved.status).toBe(200);
    const got = await call(itemRoute.GET(req(`/api/v1/scenarios/${id}`, "GET"), ctx));
    const stored = got.json.posts;
    expect(stored[0]).toMatchObject({ id: "gp-1", sessions: 5 });
    expect(stored[0].wte).toBeUndefined();
    expect(stored[1]).toMatchObject({ role: "commissioner-approved", roleName: "Musculoskeletal practitioner", maxReimbursableAnnual: 55000 });
    expect(stored[2]).toMatchObject({ hoursPerWeek: 30 });
    expect(stored[3]).toMatchObject({ employedInLast12Months: true, moreSeniorRole: true });
    const year1 = saved.json.results.years[0];
    // 5 sessions = 5/9 = 0.5556 WTE
    expect(year1.posts[0]).toMatchObject({ wte: 0.5556, sessions: 5 });
    expect(year1.posts[1].claimable).toBe(54999.96);
    // Compare and the exports count it under its own name, not one "commissioner-approved" line
    expect(year1.averageWte.byRole).toContainEqual({ role: "commissioner-approved:Musculoskeletal practitioner", roleName: "Musculoskeletal practitioner (commissioner-approved)", wte: 1 });
    // A more senior role: still claimable
    expect(year1.posts[3].claimable).toBeGreaterThan(0);
    // The ICB's maximum stays as agreed in the second (2026/27) year: £55,000 ÷ 12 × 12 months
    expect(saved.json.results.years[1].posts[1].cap).toBe(54999.96);
    // Two sizes in a PUT: 422 and nothing saved
    const bad = await call(itemRoute.PUT(req(`/api/v1/scenarios/${id}`, "PUT", { ...body, posts: [{ ...OT_30H, wte: 0.8 }], version: 2 }), ctx));
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0]).toMatchObject({ path: "posts.0.wte", message: "Give the post's WTE, sessions or hours a week — one of them, not two." });
    expect((await call(itemRoute.GET(req(`/api/v1/scenarios/${id}`, "GET"), ctx))).json.posts).toHaveLength(4);
  });
});

describe("the optimiser leaves commissioner-approved roles out of its choices", () => {
  it("a candidate with that role is refused in words; sessions are not a candidate field", async () => {
    const { CandidateSchema } = await import("@/lib/schemas/optimise");
    const base = { id: "msk", role: "commissioner-approved", roleName: "MSK", maxReimbursableAnnual: 55000, annualSalary: 60000, start: "2025-04-01", wteOptions: [1], value: 10, max: 1 };
    const r = CandidateSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain("Commissioner-approved roles are left out of the optimiser's choices: add such a post to the scenario itself.");
    const gp = CandidateSchema.safeParse({ id: "gp", role: "gp", annualSalary: 82418, start: "2025-04-01", wteOptions: [0.5], value: 10, max: 1, sessions: 4 });
    expect(gp.success).toBe(false);
    expect(gp.error!.issues[0]!.message).toMatch(/Unknown field\(s\): sessions/);
  });
});
