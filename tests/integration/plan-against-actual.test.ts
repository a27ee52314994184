// Issue "Plan against actual", done-when, through the API as another tool would use it (route
// handlers called directly): agree a scenario; PUT April–June claims that differ from the plan; the
// outturn's months, to-date and forecast figures equal the arithmetic to the penny; a stale
// PUT is 409; a viewer reads and cannot write (403); someone outside the PCN gets 404; an import with
// one bad row is 422 naming it and changes nothing. Written from the text, independently of
// the services it checks. Runs on SQLite, and on PostgreSQL in the postgres suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { createSession, createUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let scenariosRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let agreeRoute: typeof import("@/app/api/v1/scenarios/[id]/agree/route");
let claimsRoute: typeof import("@/app/api/v1/pcns/[code]/claims/route");
let monthRoute: typeof import("@/app/api/v1/pcns/[code]/claims/[month]/route");
let importRoute: typeof import("@/app/api/v1/pcns/[code]/claims/import/route");
let outturnRoute: typeof import("@/app/api/v1/pcns/[code]/outturn/route");
const cookies: Record<"admin" | "editor" | "viewer" | "outsider", string> = { admin: "", editor: "", viewer: "", outsider: "" };
const PCN = "UZ1001";
const YEAR = "2026/27";

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  for (const [who, role] of [["admin", "admin"], ["editor", "editor"], ["viewer", "viewer"], ["outsider", null]] as const) {
    const u = await createUser(env.db, { email: `${who}@example.nhs.uk`, name: `${who[0]!.toUpperCase()}${who.slice(1)} Person`, password: "a-long-password" });
    if (role) await grantMembership(env.db, COMMAND_LINE, { email: u.email, pcnCode: PCN, role });
    cookies[who] = `arrs_session=${(await createSession(env.db, u.id)).token}`;
  }
  scenariosRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  agreeRoute = await import("@/app/api/v1/scenarios/[id]/agree/route");
  claimsRoute = await import("@/app/api/v1/pcns/[code]/claims/route");
  monthRoute = await import("@/app/api/v1/pcns/[code]/claims/[month]/route");
  importRoute = await import("@/app/api/v1/pcns/[code]/claims/import/route");
  outturnRoute = await import("@/app/api/v1/pcns/[code]/outturn/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

type Who = keyof typeof cookies;
function request(path: string, method: string, who: Who, body?: unknown, contentType = "application/json"): Request {
  const headers: Record<string, string> = { host: "planner.test", cookie: cookies[who] };
  if (body !== undefined) headers["content-type"] = contentType;
  return new Request(`http://planner.test${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}
async function call(res: Promise<Response> | Response): Promise<{ status: number; json: any }> {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const pcnCtx = { params: Promise.resolve({ code: PCN }) };
const monthCtx = (month: string) => ({ params: Promise.resolve({ code: PCN, month }) });
const getClaims = (who: Who = "editor") => call(claimsRoute.GET(request(`/api/v1/pcns/${PCN}/claims?year=${YEAR}`, "GET", who), pcnCtx));
const putMonth = (month: string, body: unknown, who: Who = "editor") => call(monthRoute.PUT(request(`/api/v1/pcns/${PCN}/claims/${month}`, "PUT", who, body), monthCtx(month)));
const getOutturn = (who: Who = "editor") => call(outturnRoute.GET(request(`/api/v1/pcns/${PCN}/outturn?year=${YEAR}`, "GET", who), pcnCtx));

/** Pounds (at most 2 decimals) → pence, exactly. */
const p = (pounds: number) => Math.round(pounds * 100);

// Three posts in post all year (started before 1 April 2026), so every month of 2026/27 is claimable.
const BODY = {
  name: "Agreed 2026/27 plan",
  firstYear: YEAR,
  years: 1,
  posts: [
    { id: "cp-1", label: "Clinical pharmacist", role: "clinical-pharmacist", status: "existing", band: "7", point: 1, wte: 1, start: "2024-01-01" },
    { id: "ot-1", label: "First Contact OT", role: "occupational-therapist", status: "existing", band: "7", point: 3, wte: 0.8, start: "2025-06-01" },
    { id: "cc-1", label: "Care coordinator", role: "care-coordinator", status: "existing", band: "4", point: 1, wte: 1, start: "2025-01-01" },
  ],
};

let scenario: any;
/** The agreed plan's claimable by post and month, in pence. */
const planned = new Map<string, Map<string, number>>();
const line = (month: string, postId: string | null, claimed: number, status: string, extra: Record<string, unknown> = {}) => ({
  month,
  postId,
  label: postId ?? "Locum care coordinator (not in the plan)",
  role: postId === "cp-1" ? "clinical-pharmacist" : postId === "ot-1" ? "occupational-therapist" : "care-coordinator",
  wte: 1,
  salary: 3000,
  employerNi: 300,
  employerPension: 431.4,
  claimed,
  status,
  paidOn: status === "paid" ? "2026-07-20" : null,
  note: null,
  ...extra,
});

describe("plan against actual through the API", () => {
  it("creates and agrees the plan (PCN admin): 200 with agreed, agreedAt and agreedBy", async () => {
    const created = await call(scenariosRoute.POST(request(`/api/v1/pcns/${PCN}/scenarios`, "POST", "admin", BODY), pcnCtx));
    expect(created.status).toBe(201);
    scenario = created.json;
    for (const post of scenario.results.years[0].posts) planned.set(post.id, new Map(post.months.map((m: any) => [m.month, p(m.claimable)])));
    expect([...planned.keys()].sort()).toEqual(["cc-1", "cp-1", "ot-1"]);

    const idCtx = { params: Promise.resolve({ id: scenario.id }) };
    // An editor cannot agree the PCN's plan; the PCN admin can.
    expect((await call(agreeRoute.POST(request(`/api/v1/scenarios/${scenario.id}/agree`, "POST", "editor"), idCtx))).status).toBe(403);
    expect((await call(agreeRoute.POST(request(`/api/v1/scenarios/${scenario.id}/agree`, "POST", "outsider"), idCtx))).status).toBe(404);
    const agreed = await call(agreeRoute.POST(request(`/api/v1/scenarios/${scenario.id}/agree`, "POST", "admin"), idCtx));
    expect(agreed.status).toBe(200);
    expect(agreed.json).toMatchObject({ agreed: true, agreedAt: expect.any(String), agreedBy: expect.anything() });
  });

  it("a year with no claims: twelve months at version 0 and no lines", async () => {
    const { status, json } = await getClaims();
    expect(status).toBe(200);
    expect(json.financialYear).toBe(YEAR);
    expect(json.months.map((m: any) => m.month)).toEqual(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(json.months.every((m: any) => m.version === 0)).toBe(true);
    expect(json.lines).toEqual([]);
  });

  // April: every post claimed £100 less than planned, all paid; one extra person not in the plan.
  // May: the pharmacist submitted £50.25 more than planned, the OT approved as planned, the
  //      coordinator's claim rejected (not counted).
  // June: drafts only (not sent): June has no claims, so it counts at the planned figure.
  const claimsByMonth = () => ({
    "2026-04": [
      line("2026-04", "cp-1", (planned.get("cp-1")!.get("2026-04")! - 10000) / 100, "paid"),
      line("2026-04", "ot-1", (planned.get("ot-1")!.get("2026-04")! - 10000) / 100, "paid"),
      line("2026-04", "cc-1", (planned.get("cc-1")!.get("2026-04")! - 10000) / 100, "paid"),
      line("2026-04", null, 1234.56, "paid"),
    ],
    "2026-05": [
      line("2026-05", "cp-1", (planned.get("cp-1")!.get("2026-05")! + 5025) / 100, "submitted"),
      line("2026-05", "ot-1", planned.get("ot-1")!.get("2026-05")! / 100, "approved"),
      line("2026-05", "cc-1", planned.get("cc-1")!.get("2026-05")! / 100, "rejected"),
    ],
    "2026-06": [line("2026-06", "cp-1", 999.99, "draft"), line("2026-06", "ot-1", 1, "draft")],
  });

  it("PUT April–June: 200 with version + 1; a stale version is 409 with the stored lines", async () => {
    for (const [month, lines] of Object.entries(claimsByMonth())) {
      const r = await putMonth(month, { version: 0, lines });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toMatchObject({ month, version: 1 });
      expect(r.json.lines).toHaveLength(lines.length);
    }
    const stale = await putMonth("2026-04", { version: 0, lines: [] });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.json)).toContain("1234.56"); // the stored lines come back
    const { json } = await getClaims();
    expect(json.months.slice(0, 4).map((m: any) => m.version)).toEqual([1, 1, 1, 0]);
    expect(json.lines).toHaveLength(9);
  });

  it("the outturn equals the issue's arithmetic to the penny", async () => {
    const { status, json } = await getOutturn();
    expect(status).toBe(200);
    expect(json).toMatchObject({ financialYear: YEAR, agreedScenario: { id: scenario.id, name: BODY.name } });
    const entitlement = p(scenario.results.years[0].entitlement);
    expect(p(json.entitlement)).toBe(entitlement);

    const months = json.months.map((m: any) => m.month);
    expect(months).toHaveLength(12);
    const plannedIn = (m: string) => [...planned.values()].reduce((s, byMonth) => s + byMonth.get(m)!, 0);
    const lines = Object.values(claimsByMonth()).flat();
    const sum = (m: string, statuses: string[]) => lines.filter((l) => l.month === m && statuses.includes(l.status)).reduce((s, l) => s + p(l.claimed), 0);
    const hasClaims = (m: string) => lines.some((l) => l.month === m && ["submitted", "approved", "paid"].includes(l.status));

    let forecast = 0;
    for (const m of json.months) {
      expect(p(m.planned), m.month).toBe(plannedIn(m.month));
      expect(p(m.claimed), m.month).toBe(sum(m.month, ["submitted", "approved", "paid"]));
      expect(p(m.approved), m.month).toBe(sum(m.month, ["approved", "paid"]));
      expect(p(m.paid), m.month).toBe(sum(m.month, ["paid"]));
      if (hasClaims(m.month)) expect(p(m.variance), m.month).toBe(sum(m.month, ["submitted", "approved", "paid"]) - plannedIn(m.month));
      else expect(m.variance, m.month).toBeNull();
      forecast += hasClaims(m.month) ? sum(m.month, ["submitted", "approved", "paid"]) : plannedIn(m.month);
    }
    // April: 3 × (planned − £100) + £1,234.56 → variance −£300 + £1,234.56 = +£934.56.
    expect(p(json.months[0].variance)).toBe(-30000 + 123456);
    // May: pharmacist +£50.25, OT as planned, coordinator rejected (its planned claim not made).
    expect(p(json.months[1].variance)).toBe(5025 - planned.get("cc-1")!.get("2026-05")!);
    // June: drafts only → no claims.
    expect(json.months[2].variance).toBeNull();

    expect(p(json.forecast.claims)).toBe(forecast);
    expect(p(json.forecast.unclaimed)).toBe(Math.max(0, entitlement - forecast));
    expect(typeof json.forecast.basis).toBe("string");
    // To date: every claim above is in a month before today's (December 2026), so the claims to
    // date are all of them, whatever "so far" means for the planned figure.
    const all = (statuses: string[]) => months.reduce((s: number, m: string) => s + sum(m, statuses), 0);
    expect(p(json.toDate.claimed)).toBe(all(["submitted", "approved", "paid"]));
    expect(p(json.toDate.approved)).toBe(all(["approved", "paid"]));
    expect(p(json.toDate.paid)).toBe(all(["paid"]));
    const monthsSoFar = json.months.filter((m: any) => m.month <= new Date().toISOString().slice(0, 7));
    const plannedSoFar = monthsSoFar.reduce((s: number, m: any) => s + plannedIn(m.month), 0);
    const plannedBefore = monthsSoFar.filter((m: any) => m.month < new Date().toISOString().slice(0, 7)).reduce((s: number, m: any) => s + plannedIn(m.month), 0);
    expect([plannedSoFar, plannedBefore]).toContain(p(json.toDate.planned));

    // Posts: the plan's three and the person not in it.
    const byPost = new Map(json.posts.map((r: any) => [r.postId, r]));
    expect(p((byPost.get("cp-1") as any).claimed)).toBe(lines.filter((l) => l.postId === "cp-1" && l.status !== "draft" && l.status !== "rejected").reduce((s, l) => s + p(l.claimed), 0));
    expect(json.posts.some((r: any) => r.postId === null && p(r.claimed) === 123456)).toBe(true);
  });

  it("a viewer reads claims and the outturn but cannot write (403); an outsider gets 404", async () => {
    expect((await getClaims("viewer")).status).toBe(200);
    expect((await getOutturn("viewer")).status).toBe(200);
    expect((await putMonth("2026-07", { version: 0, lines: [] }, "viewer")).status).toBe(403);
    expect((await getClaims("outsider")).status).toBe(404);
    expect((await getOutturn("outsider")).status).toBe(404);
    expect((await putMonth("2026-07", { version: 0, lines: [] }, "outsider")).status).toBe(404);
  });

  it("an import with one bad row is 422 naming the row, and changes nothing", async () => {
    const before = await getClaims();
    const csv = [
      "Month,Label,Role,WTE,Salary,Employer NI,Employer pension,Claimed,Status",
      "2026-07,Clinical pharmacist,clinical-pharmacist,1,4000,400,575.20,4975.20,submitted",
      "2026-07,First Contact OT,occupational-therapist,0.8,3200,320,460.16,not money,submitted",
    ].join("\n");
    const r = await call(importRoute.POST(request(`/api/v1/pcns/${PCN}/claims/import`, "POST", "editor", csv, "text/csv"), pcnCtx));
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toMatch(/rows\.2\b|row 2\b/i);
    expect(await getClaims()).toEqual(before);
  });
});
