// An unexpected failure inside a route (here: every database call throws an error whose text has a
// file path, a connection string and a stack) is answered with the generic message in the JSON
// error shape — never the error's text or stack — and logged on the server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = "SQLITE_CORRUPT at /srv/secret/app.db (postgresql://admin:hunter2@db.internal:5432/arrs)";

vi.mock("@/lib/server/db/db", () => ({
  getDb: () =>
    new Proxy(
      {},
      {
        get() {
          const e = new Error(SECRET);
          e.stack = `Error: ${SECRET}\n    at Object.<anonymous> (/srv/secret/lib/server/db/db.ts:12:3)`;
          throw e;
        },
      },
    ),
}));

const GENERIC = { error: { code: "internal_error", message: "Something went wrong on our side. Nothing was changed." } };

let logged: unknown[][] = [];
const original = console.error;
beforeAll(() => {
  console.error = (...args: unknown[]) => void logged.push(args);
});
afterAll(() => {
  console.error = original;
});

async function expectGeneric(res: Response, status = 500) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await res.text();
  for (const leak of ["SQLITE", "secret", "hunter2", "postgresql://", " at ", "db.ts"]) expect(text).not.toContain(leak);
  return JSON.parse(text) as Record<string, unknown>;
}

const ctx = <T extends object>(params: T) => ({ params: Promise.resolve(params) });
const req = (path: string, init: RequestInit = {}) => new Request(`http://planner.test${path}`, { ...init, headers: { host: "planner.test", ...(init.headers as Record<string, string>) } });

describe("an internal error in a route", () => {
  it.each([
    ["GET /api/v1/pcns/{code}", async () => (await import("@/app/api/v1/pcns/[code]/route")).GET(req("/api/v1/pcns/UZ1001"), ctx({ code: "UZ1001" }))],
    ["GET /api/v1/pcns?q=", async () => (await import("@/app/api/v1/pcns/route")).GET(req("/api/v1/pcns?q=demo"))],
    [
      "POST /api/v1/estimate (a PCN by code)",
      async () =>
        (await import("@/app/api/v1/estimate/route")).POST(
          req("/api/v1/estimate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ financialYear: "2025/26", pcn: { code: "UZ1001" }, posts: [] }) }),
        ),
    ],
    ["GET /api/v1/pcns/{code}/scenarios (an API token)", async () => (await import("@/app/api/v1/pcns/[code]/scenarios/route")).GET(req("/api/v1/pcns/UZ1001/scenarios", { headers: { authorization: "Bearer arrs_abc" } }), ctx({ code: "UZ1001" }))],
    ["GET /api/v1/scenarios/{id} (a session cookie)", async () => (await import("@/app/api/v1/scenarios/[id]/route")).GET(req("/api/v1/scenarios/abc", { headers: { cookie: "arrs_session=abc" } }), ctx({ id: "abc" }))],
    [
      "POST /admin/import/upload",
      async () =>
        (await import("@/app/admin/import/upload/route")).POST(req("/admin/import/upload", { method: "POST", headers: { authorization: "Bearer arrs_abc", accept: "application/json", "content-type": "multipart/form-data; boundary=x" }, body: "--x--\r\n" })),
    ],
  ])("%s: 500 with the generic message only, and the error logged", async (_label, call) => {
    logged = [];
    const body = await expectGeneric(await call());
    expect(body.error).toEqual(GENERIC.error);
    expect(logged.flat().some((a) => a instanceof Error && a.message === SECRET)).toBe(true);
  });

  it("GET /api/health: 503 saying the database cannot be reached, nothing more", async () => {
    const { GET } = await import("@/app/api/health/route");
    const body = await expectGeneric(await GET(), 503);
    expect(body).toEqual(expect.objectContaining({ status: "unavailable", database: "unavailable", problem: "The database cannot be reached." }));
  });
});
