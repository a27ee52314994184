// GET /api/v1/pcns and /api/v1/pcns/{code} (route handlers called directly), the `pcn` CLI, and
// search speed on an England-sized dataset (1,298 PCNs, 6,129 practices, 3 extracts).
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { searchPcns } from "@/lib/server/pcn-data/pcn-search";
import { createTestDb, createTestDbSync, repoRoot, type TestDb } from "../support/db";

// Route handlers import lib/server/db/db.ts and http.ts, which are marked server-only.
vi.mock("server-only", () => ({}));

let env: TestDb;
let url: string;
let listRoute: typeof import("@/app/api/v1/pcns/route");
let detailRoute: typeof import("@/app/api/v1/pcns/[code]/route");

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  url = env.url;
  process.env.DATABASE_URL = url;
  listRoute = await import("@/app/api/v1/pcns/route");
  detailRoute = await import("@/app/api/v1/pcns/[code]/route");
});

afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

const list = (qs: string) => listRoute.GET(new Request(`http://test/api/v1/pcns${qs}`));
const detail = (code: string) => detailRoute.GET(new Request(`http://test/api/v1/pcns/${code}`), { params: Promise.resolve({ code }) });

describe("GET /api/v1/pcns", () => {
  it("searches, paginated", async () => {
    const res = await list("?q=demo&page=2&pageSize=10");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { code: string }[]; page: number; pageSize: number; total: number };
    expect(body).toMatchObject({ page: 2, pageSize: 10, total: 30 });
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toEqual(
      expect.objectContaining({ code: expect.any(String), name: expect.any(String), icb: expect.any(Object), registeredPatients: expect.any(Number), matchedBecause: "PCN name" }),
    );
  });

  it("422 in the one error model for bad params", async () => {
    const res = await list("?q=a&pageSize=500");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.issues).toEqual([{ path: "pageSize", message: "must be a whole number from 1 to 100" }]);
    expect((await list("?page=-1")).status).toBe(422);
  });
});

describe("GET /api/v1/pcns/{code}", () => {
  it("returns the detail shape", async () => {
    const res = await detail("UZ1004");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: "UZ1004", name: "HARBOUR VIEW DEMO PCN", icb: { code: expect.any(String), name: expect.any(String) }, registeredPatientsDate: "2026-08-01" });
    expect(body.practices).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String), name: expect.any(String), registeredPatients: expect.any(Number) })]));
    expect(body.weightedPopulations).toEqual(
      ["2023/24", "2024/25", "2025/26", "2026/27"].map((fy) => expect.objectContaining({ financialYear: fy, value: expect.any(Number), provenance: expect.stringMatching(/^(icb-confirmed|imported|estimate)$/) })),
    );
    expect(body.entitlements).toEqual(
      ["2023/24", "2024/25", "2025/26", "2026/27"].map((fy) => expect.objectContaining({ financialYear: fy, amount: expect.any(Number), isEstimate: expect.any(Boolean) })),
    );
  });

  it("404 not_found for an unknown code", async () => {
    const res = await detail("UZ9999");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "There is no PCN with code UZ9999." } });
  });

  it.each(["UZ10010", "Z1"])("a well-formed code no PCN has (%j) is a 404", async (code) => {
    expect((await detail(code)).status).toBe(404);
  });

  // The route gets the decoded segment: /api/v1/pcns/..%2F..%2Fetc%2Fpasswd arrives as "../../etc/passwd".
  it.each(["../../etc/passwd", "UZ1001\u0000", "\u0000", "x".repeat(5000), "%", "%25", "a b", "UZ1001;drop", "<script>", "ÜZ1001", "straße", "", " "].map((c) => [JSON.stringify(c).slice(0, 24), c]))(
    "a code that cannot be a PCN code (%s) is a 422 that does not repeat it",
    async (_label, code) => {
      const res = await detail(code);
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
      expect(body).toEqual({
        error: { code: "invalid_input", message: "PCN code must be 1 to 10 letters and digits, e.g. U12345.", issues: [{ path: "code", message: "PCN code must be 1 to 10 letters and digits, e.g. U12345." }] },
      });
    },
  );
});

describe("CLI: npm run pcn -- CODE", () => {
  const run = (...args: string[]) =>
    spawnSync("npx", ["tsx", "scripts/pcn.ts", ...args], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 30_000 });

  it("prints the same JSON as the API and exits 0", async () => {
    const r = run("uz1004");
    expect(r.status).toBe(0);
    const api = await (await detail("UZ1004")).json();
    expect(JSON.parse(r.stdout)).toEqual(api);
  });

  it("unknown code: not_found JSON on stdout, exit 2", () => {
    const r = run("UZ9999");
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: "not_found", message: "There is no PCN with code UZ9999." } });
  });

  it("a code that cannot be a PCN code: invalid_input JSON on stdout (not repeating it), exit 2", () => {
    const r = run("../../etc/passwd");
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("passwd");
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: "invalid_input", message: "PCN code must be 1 to 10 letters and digits, e.g. U12345." });
  });

  it("no code: usage on stderr, exit 2", () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^usage: npm run --silent pcn -- CODE/m);
  });
});

describe("search on an England-sized dataset", () => {
  let big: Db;
  let bigEnv: TestDb;
  beforeAll(async () => {
    bigEnv = createTestDbSync();
    big = bigEnv.db;
    await big.icb.createMany({ data: Array.from({ length: 42 }, (_, i) => ({ code: `Q${String(i).padStart(2, "0")}X`, name: `NHS Synthetic ${i} Integrated Care Board` })) });
    const pcns = Array.from({ length: 1298 }, (_, i) => {
      const name = `SYNTHETIC ${["NORTH", "SOUTH", "EAST", "WEST", "CENTRAL"][i % 5]} ${i} PCN`;
      return { code: `U${String(10000 + i)}`, name, nameSearch: name, icbCode: `Q${String(i % 42).padStart(2, "0")}X` };
    });
    await big.pcn.createMany({ data: pcns });
    const practices = Array.from({ length: 6129 }, (_, i) => {
      const name = `THE ${["ABBEY", "BRIDGE", "CASTLE", "DOVE", "ELM"][i % 5]} SURGERY ${i}`;
      return { code: `X${String(10000 + i)}`, name, nameSearch: name };
    });
    await big.practice.createMany({ data: practices });
    for (const extractDate of ["2026-06-01", "2026-07-01", "2026-08-01"]) {
      await big.practiceMembership.createMany({ data: practices.map((p, i) => ({ practiceCode: p.code, pcnCode: pcns[i % 1298]!.code, extractDate })) });
      await big.registeredPopulation.createMany({ data: pcns.map((p, i) => ({ orgType: "PCN", orgCode: p.code, extractDate, total: 30000 + i })) });
    }
  });
  afterAll(async () => {
    await bigEnv?.cleanup();
  });

  it.each([["a"], ["dove"], ["surgery 6128"], ["u1"], ["synthetic 12"], ["nhs synthetic 7"]])("q=%s answers in well under a second", async (q) => {
    await searchPcns(big, { q }); // warm-up
    const t0 = performance.now();
    const r = await searchPcns(big, { q, pageSize: 20 });
    const ms = performance.now() - t0;
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(750);
  });
});
