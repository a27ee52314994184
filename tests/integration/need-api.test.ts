// GET /api/v1/pcns/{code}/need (the route handler called directly) on the fictional demo data:
// the contract's shape, the figures equal to lib/need's on the PCN's stored age profile,
// overrides by query parameter, and the errors (422 bad code / bad assumption, 404, 405).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { calculateNeed, NEED_ASSUMPTIONS } from "@/lib/need";
import type { Db } from "@/lib/server/db/create-prisma";
import { getPcnDetail } from "@/lib/server/pcn-data/pcns";
import { createTestDb, type TestDb } from "../support/db";

vi.mock("server-only", () => ({}));

let env: TestDb;
let route: typeof import("@/app/api/v1/pcns/[code]/need/route");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  route = await import("@/app/api/v1/pcns/[code]/need/route");
  // A PCN with no registered population (so no age profile).
  await env.db.pcn.create({ data: { code: "UZ9990", name: "EMPTY DEMO PCN", nameSearch: "EMPTY DEMO PCN", isDemo: true } });
});

afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const need = (code: string, qs = "") => route.GET(new Request(`http://test/api/v1/pcns/${encodeURIComponent(code)}/need${qs}`), { params: Promise.resolve({ code }) });
const range = { low: expect.any(Number), central: expect.any(Number), high: expect.any(Number) };

describe("GET /api/v1/pcns/{code}/need", () => {
  it("returns the groups, the total and the assumptions, as the contract names them", async () => {
    const res = await need("UZ1004");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as any;
    expect(body.pcn).toMatchObject({ code: "UZ1004", name: "HARBOUR VIEW DEMO PCN", isDemo: true, registeredPatients: expect.any(Number) });
    expect(body.profileDate).toBe("2026-08-01");
    expect(body.status).toBe("estimate");
    expect(body.groups.map((g: any) => g.id)).toEqual(["frailty", "mental-health", "work"]);
    for (const g of [...body.groups, body.total]) {
      expect(g).toMatchObject({ people: range, patients: range, hours: range, wte: range });
      expect(g.wte.low).toBeLessThanOrEqual(g.wte.central);
      expect(g.wte.central).toBeLessThanOrEqual(g.wte.high);
      expect(g.wte.low).toBeLessThan(g.wte.high);
    }
    expect(body.total.wte.central).toBeGreaterThan(0);
    expect(body.assumptions).toHaveLength(NEED_ASSUMPTIONS.length);
    for (const a of body.assumptions) {
      expect(a).toMatchObject({ id: expect.any(String), label: expect.any(String), value: expect.any(Number), low: expect.any(Number), high: expect.any(Number), unit: expect.any(String), source: expect.any(String), overridden: false });
      expect(["sourced", "derived", "assumption"]).toContain(a.status);
    }
  });

  it("the figures are lib/need's on the PCN's stored age profile (the same calculation)", async () => {
    const detail = (await getPcnDetail(env.db, "UZ1004"))!;
    const expected = calculateNeed(detail.ageProfile!, { reachWork: 12 });
    const body = (await (await need("UZ1004", "?reachWork=12")).json()) as any;
    expect(body.total.wte).toEqual(expected.total.wte);
    expect(body.groups.map((g: any) => g.hours)).toEqual(expected.groups.map((g) => g.hours));
  });

  it("a query parameter overrides an assumption: the group moves, the others do not, and it is marked", async () => {
    const base = (await (await need("UZ1004")).json()) as any;
    const more = (await (await need("UZ1004", "?reachFrailty=40")).json()) as any;
    const [fb, mb, wb] = base.groups;
    const [fm, mm, wm] = more.groups;
    // reach 20% → 40%: twice the patients and hours (to rounding)
    expect(Math.abs(fm.hours.central - 2 * fb.hours.central)).toBeLessThanOrEqual(1);
    expect(fm.people).toEqual(fb.people);
    expect(mm.hours).toEqual(mb.hours);
    expect(wm.hours).toEqual(wb.hours);
    expect(more.total.wte.central).toBeGreaterThan(base.total.wte.central);
    const a = more.assumptions.find((x: any) => x.id === "reachFrailty");
    expect(a).toMatchObject({ value: 40, low: 40, high: 40, overridden: true, default: { value: 20, low: 10, high: 30 } });
  });

  it("id.low and id.high set a range; a blank value keeps the built-in figure", async () => {
    const body = (await (await need("UZ1004", "?reachFrailty=20&reachFrailty.low=15&reachFrailty.high=25&travelMinutes=")).json()) as any;
    expect(body.assumptions.find((x: any) => x.id === "reachFrailty")).toMatchObject({ value: 20, low: 15, high: 25, overridden: true });
    expect(body.assumptions.find((x: any) => x.id === "travelMinutes")).toMatchObject({ value: 30, overridden: false });
  });

  it.each([
    ["an unknown assumption", "?reachEverybody=5", "reachEverybody", /not an assumption/],
    ["text for a number", "?reachFrailty=lots", "reachFrailty", /must be a number, e\.g\. 20, not the text "lots"/],
    ["a percentage over 100", "?reachFrailty=150", "reachFrailty", /between 0% and 100%/],
    ["a value given twice", "?reachFrailty=10&reachFrailty=20", "reachFrailty", /more than once/],
    ["a range that leaves out its value", "?clinicalHoursPerWte.high=1000", "clinicalHoursPerWte.high", /range must include the value/],
  ])("%s is a 422 in the usual shape, with issues", async (_label, qs, path, message) => {
    const res = await need("UZ1004", qs);
    expect(res.status).toBe(422);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toMatch(/not valid/);
    expect(body.error.issues).toHaveLength(1);
    expect(body.error.issues[0].path).toBe(path);
    expect(body.error.issues[0].message).toMatch(message);
  });

  it("a percentage may be written with %", async () => {
    const body = (await (await need("UZ1004", "?reachFrailty=40%25")).json()) as any;
    expect(body.assumptions.find((x: any) => x.id === "reachFrailty").value).toBe(40);
  });

  it("404 for an unknown PCN, and for a PCN with no age profile", async () => {
    const res = await need("UZ9999");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "There is no PCN with code UZ9999." } });
    const empty = await need("UZ9990");
    expect(empty.status).toBe(404);
    expect(((await empty.json()) as any).error.message).toMatch(/No age profile is stored for EMPTY DEMO PCN \(UZ9990\)/);
  });

  it.each(["../x", "a b", "x".repeat(20), ""])("a code that cannot be a PCN code (%j) is a 422 like the other PCN routes", async (code) => {
    const res = await need(code);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: "invalid_input", message: "PCN code must be 1 to 10 letters and digits, e.g. U12345.", issues: [{ path: "code", message: "PCN code must be 1 to 10 letters and digits, e.g. U12345." }] },
    });
  });

  it("lower-case codes work", async () => {
    const res = await need("uz1004");
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).pcn.code).toBe("UZ1004");
  });

  it("other methods are 405 with Allow", async () => {
    const res = route.POST(new Request("http://test/api/v1/pcns/UZ1004/need", { method: "POST" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
