// POST /api/v1/scenarios/{id}/roll-forward (issue 16 item 3): "Start next year's plan from this
// one" through the route handler, on a real database. Runs on SQLite, and on PostgreSQL in the
// postgres suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { COMMAND_LINE } from "@/lib/server/auth/access";
import { grantMembership } from "@/lib/server/auth/memberships";
import { yearChoices } from "@/lib/server/today";
import { createSession, createUser } from "@/lib/server/auth/users";
import { createTestDb, type TestDb } from "../support/db";

let env: TestDb;
let listRoute: typeof import("@/app/api/v1/pcns/[code]/scenarios/route");
let itemRoute: typeof import("@/app/api/v1/scenarios/[id]/route");
let rollRoute: typeof import("@/app/api/v1/scenarios/[id]/roll-forward/route");
const cookies: Record<"editor" | "viewer" | "outsider", string> = { editor: "", viewer: "", outsider: "" };
const PCN = "UZ1001";

// A 2025/26 plan: the next year, 2026/27, has its own rule table (AfC award 3.3%, doctors 3.5%).
const BODY = {
  name: "Our ARRS team",
  description: "Carried each year",
  firstYear: "2025/26",
  years: 3,
  assumptions: { claimLagMonths: 3, byYear: { "2025/26": { employerNiRate: 0.14 }, "2026/27": { employerPensionRate: 0.15 } }, need: { reachFrailty: 15 } },
  supervisors: [{ id: "sup-1", name: "Dr Supervisor", wte: 0.5, kind: "GP" }],
  posts: [
    { id: "ot-1", label: "OT", status: "existing", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2024-06-01", nextPayStep: "2026-02-01", supervisorId: "sup-1" },
    { id: "pharm", label: "Pharmacist", status: "existing", role: "clinical-pharmacist", annualSalary: 52_000, wte: 0.8 },
    { id: "fcp", label: "FCP from October", status: "proposed", role: "first-contact-physiotherapist", band: "7", point: 2, wte: 1, start: "2025-10-01", firstContact: { hcpcRegistration: "done", stage1: "in-progress", stage2: "in-progress", supervisorId: "sup-1" } },
    { id: "gp", label: "Salaried GP", status: "existing", role: "gp", annualSalary: 95_000, wte: 0.4 },
    { id: "leaver", label: "Left in January", status: "existing", role: "care-coordinator", band: "4", point: 1, wte: 1, end: "2026-01-31" },
    { id: "dietitian", label: "Dietitian from next autumn", status: "proposed", role: "dietitian", band: "6", point: 1, wte: 0.5, start: "2026-10-01" },
  ],
};
const FIRST_DAY = "2026-04-01";

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  const user = async (key: keyof typeof cookies, pcnCode: string, role: "editor" | "viewer") => {
    const u = await createUser(env.db, { email: `${key}@example.nhs.uk`, name: `${key} user`, password: "a-long-password" });
    await grantMembership(env.db, COMMAND_LINE, { email: u.email, pcnCode, role });
    cookies[key] = `arrs_session=${(await createSession(env.db, u.id)).token}`;
  };
  await user("editor", PCN, "editor");
  await user("viewer", PCN, "viewer");
  await user("outsider", "UZ1002", "editor");
  listRoute = await import("@/app/api/v1/pcns/[code]/scenarios/route");
  itemRoute = await import("@/app/api/v1/scenarios/[id]/route");
  rollRoute = await import("@/app/api/v1/scenarios/[id]/roll-forward/route");
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

function request(path: string, method: string, cookie: string | null, body?: unknown): Request {
  const headers: Record<string, string> = { host: "planner.test" };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://planner.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
async function call(res: Promise<Response>): Promise<{ status: number; json: any }> {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const create = (body: unknown) => call(listRoute.POST(request(`/api/v1/pcns/${PCN}/scenarios`, "POST", cookies.editor, body), { params: Promise.resolve({ code: PCN }) }));
const get = (id: string) => call(itemRoute.GET(request(`/api/v1/scenarios/${id}`, "GET", cookies.editor), idCtx(id)));
const roll = (id: string, cookie: string | null = cookies.editor, body?: unknown) => call(rollRoute.POST(request(`/api/v1/scenarios/${id}/roll-forward`, "POST", cookie, body), idCtx(id)));

const inPostOn = (day: string) => (p: { start?: string; end?: string }) => (p.start === undefined || p.start <= day) && (p.end === undefined || p.end >= day);

describe("POST /api/v1/scenarios/{id}/roll-forward", () => {
  it("201: next year's scenario from the posts in post on 1 April, linked back, audited; the old plan unchanged", async () => {
    const old = await create(BODY);
    expect(old.status).toBe(201);
    const { status, json } = await roll(old.json.id);
    expect(status).toBe(201);
    expect(json).toMatchObject({ pcnCode: PCN, name: "Our ARRS team 2026/27", description: "Carried each year", firstYear: "2026/27", years: 3, version: 1, rolledFromId: old.json.id, deletedAt: null });
    expect(json.id).not.toBe(old.json.id);
    expect(json.results.years.map((y: any) => y.financialYear)).toEqual(["2026/27", "2027/28", "2028/29"]);
    expect(json.rollForward).toMatchObject({ firstYear: "2026/27", firstDay: FIRST_DAY, carried: ["ot-1", "pharm", "fcp", "gp"], stepped: ["ot-1"], raised: ["pharm", "gp"], later: ["dietitian"], dropped: [{ id: "leaver", label: "Left in January", end: "2026-01-31" }] });

    // The first year's existing posts are exactly the old plan's posts in post on 1 April 2026.
    const existing = json.posts.filter((p: any) => p.status === "existing").map((p: any) => p.id);
    expect(existing).toEqual(BODY.posts.filter(inPostOn(FIRST_DAY)).map((p) => p.id));
    expect(json.posts.find((p: any) => p.id === "dietitian")).toMatchObject({ status: "proposed", start: "2026-10-01" });
    // Pay moved on: the step of 1 Feb 2026 was due (point 1 → 2); £52,000 × 1.033 = £53,716.00; £95,000 × 1.035 = £98,325.00.
    const posts = Object.fromEntries(json.posts.map((p: any) => [p.id, p]));
    expect(posts["ot-1"]).toMatchObject({ band: "7", point: 2, start: "2024-06-01", supervisorId: "sup-1" });
    expect(posts["ot-1"]).not.toHaveProperty("nextPayStep");
    expect(posts.pharm.annualSalary).toBe(53_716);
    expect(posts.gp.annualSalary).toBe(98_325);
    // Assumptions for 2026/27 on, supervisors and need settings carried.
    expect(json.assumptions).toEqual({ claimLagMonths: 3, byYear: { "2026/27": { employerPensionRate: 0.15 } }, need: { reachFrailty: 15 } });
    expect(json.supervisors).toEqual(BODY.supervisors);

    // Each carried post costs in the new first year what the old plan said it would cost in 2026/27, month by month.
    const before = (await get(old.json.id)).json;
    expect(before.version).toBe(old.json.version);
    expect(before.results.years[1].financialYear).toBe("2026/27");
    for (const id of json.rollForward.carried) {
      const figures = (y: any) => {
        const p = y.posts.find((x: any) => x.id === id);
        return { id, annualSalary: p.annualSalary, cost: p.cost, claimable: p.claimable, pcnFunded: p.pcnFunded, april: p.months[0] };
      };
      expect(figures(json.results.years[0])).toEqual(figures(before.results.years[1]));
    }

    // GET gives the link back; the audit says where it came from.
    expect((await get(json.id)).json.rolledFromId).toBe(old.json.id);
    const events = await env.db.auditEvent.findMany({ where: { entityType: "scenario", entityId: json.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "scenario.create", pcnCode: PCN, actorName: "editor user" });
    expect(JSON.parse(events[0]!.changes)).toContainEqual({ field: "rolledFrom", before: null, after: old.json.id });
  });

  it("takes an optional name; other fields are refused in words", async () => {
    const old = await create({ ...BODY, name: "Plan 2025/26" });
    expect((await roll(old.json.id)).json.name).toBe("Plan 2026/27");
    expect((await roll(old.json.id, cookies.editor, { name: "Next year" })).json.name).toBe("Next year");
    const bad = await roll(old.json.id, cookies.editor, { colour: "red" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].message).toBe("Unknown field(s): colour.");
  });

  it("403 for a viewer, 404 outside the PCN and for an unknown id, 401 without an account: nothing created", async () => {
    const old = await create(BODY);
    const count = () => env.db.scenario.count();
    const n = await count();
    const viewer = await roll(old.json.id, cookies.viewer);
    expect(viewer.status).toBe(403);
    expect(viewer.json.error.code).toBe("forbidden");
    const outsider = await roll(old.json.id, cookies.outsider);
    expect(outsider.status).toBe(404);
    expect(outsider.json.error).toMatchObject({ code: "not_found", message: `There is no scenario with id ${old.json.id}.` });
    expect((await roll("NoSuchScenario01")).status).toBe(404);
    expect((await roll(old.json.id, null)).status).toBe(401);
    expect(await count()).toBe(n);
  });

  it("422 in words when the next year is further ahead than the server allows today; nothing created", async () => {
    const { current, years } = yearChoices();
    const last = years.at(-1)!;
    const old = await create({ ...BODY, firstYear: last, posts: [] });
    expect(old.status).toBe(201);
    const n = await env.db.scenario.count();
    const { status, json } = await roll(old.json.id);
    expect(status).toBe(422);
    const next = `${Number(last.slice(0, 4)) + 1}/${String((Number(last.slice(0, 4)) + 2) % 100).padStart(2, "0")}`;
    expect(json.error.issues).toEqual([
      { path: "firstYear", message: `This plan starts in ${last}, so next year's plan would start in ${next}: too far ahead, as plans can start at most in ${last} while the current financial year is ${current}. Nothing was created.` },
    ]);
    expect(await env.db.scenario.count()).toBe(n);
  });

  it("only POST", async () => {
    const res = await rollRoute.GET(request("/api/v1/scenarios/x/roll-forward", "GET", cookies.editor));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
  });
});
