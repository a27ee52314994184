// Malformed, oversized and wrong-type bodies to every API route and method (issue 8 #6), against
// the real server: every route file under app/api is found on disk (a new route is covered
// without editing this file), and each of POST, PUT and PATCH — and GET with a body — is sent
// malformed JSON, a body over the 1 MB limit, the wrong content type, and JSON of the wrong type
// (a list, a number, a string, null). Each answer is a 4xx in the one JSON error shape (or, for a
// method that takes no body, its usual answer), never a 500, and nothing in the database changes.
// DELETE is left out: it takes no body, so a body is ignored and the delete happens, by design.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/server/db/create-prisma";
import { DEMO_ACCOUNT } from "@/lib/server/auth/demo-account";
import { baseUrl } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");
const dbUrl = `file:${path.join(root, "data/e2e.db")}`;
const PCN = "UZ1013";

/** Every route file under app/api, as a URL path pattern ("/api/v1/scenarios/[id]/restore"). */
function apiRoutes(): { file: string; pattern: string; implemented: string[] }[] {
  const found: { file: string; pattern: string; implemented: string[] }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const source = fs.readFileSync(p, "utf8");
        const implemented = [...source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        found.push({ file: path.relative(root, p), pattern: `/${path.relative(path.join(root, "app"), path.dirname(p)).split(path.sep).join("/")}`, implemented });
      }
    }
  };
  walk(path.join(root, "app/api"));
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

const BAD_BODIES: { label: string; contentType: string; body: string; expect: { status: number; code: string } }[] = [
  { label: "malformed JSON", contentType: "application/json", body: '{"name": "half', expect: { status: 422, code: "invalid_input" } },
  { label: "over the 1 MB limit", contentType: "application/json", body: `{"name": "${"x".repeat(1_100_000)}"}`, expect: { status: 422, code: "invalid_input" } },
  { label: "the wrong content type (text/plain)", contentType: "text/plain", body: '{"name": "Plan"}', expect: { status: 415, code: "unsupported_media_type" } },
  { label: "the wrong content type (a form)", contentType: "application/x-www-form-urlencoded", body: "name=Plan", expect: { status: 415, code: "unsupported_media_type" } },
  { label: "a JSON list", contentType: "application/json", body: "[]", expect: { status: 422, code: "invalid_input" } },
  { label: "a JSON number", contentType: "application/json", body: "42", expect: { status: 422, code: "invalid_input" } },
  { label: "a JSON string", contentType: "application/json", body: '"a plan"', expect: { status: 422, code: "invalid_input" } },
  { label: "JSON null", contentType: "application/json", body: "null", expect: { status: 422, code: "invalid_input" } },
];

/** Routes whose POST or PUT reads a JSON body (the rest take none: a body is ignored). */
const TAKES_BODY = new Set(["POST /api/v1/estimate", "POST /api/v1/optimise", "POST /api/v1/pcns/[code]/scenarios", "PUT /api/v1/scenarios/[id]", "POST /api/v1/scenarios/[id]/duplicate", "PUT /api/v1/pcns/[code]/claims/[month]"]);

function send(method: string, pathname: string, headers: Record<string, string>, body: string): Promise<{ status: number; type: string; text: string }> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port: Number(port), method, path: pathname, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"] ?? ""), text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

let db: Db;
let token: string;
let scenarioId: string;

/** What a bad body must not change: scenarios (and versions), revisions, audit, imports, figures, memberships, accounts, claims. */
async function state(): Promise<unknown> {
  const [scenarios, revisions, audit, imports, weighted, memberships, users, claimMonths, claimLines] = await Promise.all([
    db.scenario.findMany({ select: { id: true, version: true, name: true, updatedAt: true, deletedAt: true }, orderBy: { id: "asc" } }),
    db.scenarioRevision.count(),
    db.auditEvent.count(),
    db.importLog.count(),
    db.weightedPopulation.findMany({ orderBy: { id: "asc" } }),
    db.membership.count(),
    db.user.count(),
    db.claimMonth.findMany({ orderBy: [{ pcnCode: "asc" }, { month: "asc" }] }),
    db.claimLine.count(),
  ]);
  return { scenarios, revisions, audit, imports, weighted, memberships, users, claimMonths, claimLines };
}

beforeAll(async () => {
  db = createPrisma(dbUrl);
  const out = execFileSync("npx", ["tsx", "scripts/user.ts", "token", DEMO_ACCOUNT.email, "--label", "bad bodies e2e"], { cwd: root, env: { ...process.env, DATABASE_URL: dbUrl }, encoding: "utf8" });
  token = /arrs_[A-Za-z0-9_-]+/.exec(out)![0];
  const res = await fetch(`${baseUrl()}/api/v1/pcns/${PCN}/scenarios`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Bad bodies", firstYear: "2025/26", years: 1, posts: [] }),
  });
  expect(res.status).toBe(201);
  scenarioId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await db?.$disconnect();
});

describe("bad bodies to every API route and method", () => {
  const routes = apiRoutes();

  it("finds every route file (and what each implements)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
    expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/api/[[...path]]", "/api/health", "/api/v1/estimate", "/api/v1/pcns/[code]/scenarios", "/api/v1/scenarios/[id]"]));
    for (const r of TAKES_BODY) {
      const [method, pattern] = r.split(" ");
      expect(routes.find((x) => x.pattern === pattern)?.implemented, r).toContain(method);
    }
  });

  it.each(routes.map((r) => [r.pattern, r] as const))("%s", async (_pattern, route) => {
    const url = route.pattern.replace("[[...path]]", "v1/no-such-route").replace("[code]", PCN).replace("[id]", scenarioId).replace("[month]", "2026-05");
    const before = await state();
    const failures: string[] = [];
    for (const method of ["POST", "PUT", "PATCH", "GET"]) {
      for (const bad of BAD_BODIES) {
        const r = await send(method, url, { authorization: `Bearer ${token}`, "content-type": bad.contentType, accept: "application/json" }, bad.body);
        const what = `${method} ${url} with ${bad.label}: ${r.status} ${r.text.slice(0, 200)}`;
        if (r.status >= 500) {
          failures.push(what);
          continue;
        }
        let expected: { status: number; code: string } | null;
        if (route.pattern === "/api/[[...path]]") expected = { status: 404, code: "not_found" };
        else if (method === "GET") expected = route.implemented.includes("GET") ? null : { status: 405, code: "method_not_allowed" };
        else if (!route.implemented.includes(method)) expected = { status: 405, code: "method_not_allowed" };
        else if (TAKES_BODY.has(`${method} ${route.pattern}`)) expected = bad.expect;
        else expected = null; // a method that takes no body: the body is ignored
        if (expected === null) {
          // Its usual answer: a success, or an error in the JSON error shape.
          if (r.status >= 400 && !/^application\/json/.test(r.type)) failures.push(`${what} (not JSON)`);
          continue;
        }
        if (r.status !== expected.status || !/^application\/json/.test(r.type)) {
          failures.push(`${what} (wanted ${expected.status} ${expected.code})`);
          continue;
        }
        const body = JSON.parse(r.text) as { error?: { code?: unknown; message?: unknown } };
        if (body.error?.code !== expected.code || typeof body.error.message !== "string") failures.push(`${what} (wanted the JSON error ${expected.code})`);
        // The oversized text is not echoed back.
        if (r.text.length > 10_000) failures.push(`${what} (an answer of ${r.text.length} characters)`);
      }
    }
    expect(failures).toEqual([]);
    expect(await state()).toEqual(before);
  });
});
