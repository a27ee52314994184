// scripts/serve.mjs answers the estimate API from its route module directly (not through Next's
// router): every answer must be the one Next gives. Two servers on the e2e database — one with
// the direct routes, one with ARRS_DIRECT_ROUTES=0 — get the same requests: valid, as CSV and
// XLSX, invalid, malformed, oversized, wrong type, other methods, a stalled query string — and
// must answer with the same status, body and headers.
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../../scripts/lib/server.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const env = { DATABASE_URL: `file:${path.join(root, "data/e2e.db")}` };

let direct: StartedServer;
let viaNext: StartedServer;
beforeAll(async () => {
  [direct, viaNext] = await Promise.all([startServer({ env, name: "direct" }), startServer({ env: { ...env, ARRS_DIRECT_ROUTES: "0" }, name: "via Next" })]);
}, 120_000);
afterAll(() => {
  direct?.stop();
  viaNext?.stop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function send(base: string, method: string, pathname: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port: Number(port), method, path: pathname, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const EXAMPLE = {
  financialYear: "2025/26",
  pcn: { weightedPopulation: 48213.7 },
  assumptions: { maxReimbursableAnnual: { "occupational-therapist": 64907 } },
  posts: [
    { id: "ot-1", role: "occupational-therapist", annualSalary: 47810, wte: 1.0, area: "national", start: "2025-10-01", end: "2026-03-31" },
    { id: "ot-2", role: "occupational-therapist", band: "7", point: 2, wte: 0.6 },
  ],
};
const JSON_TYPE = { "content-type": "application/json" };

const CASES: { name: string; method: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }[] = [
  { name: "the README's example", method: "POST", headers: JSON_TYPE, body: JSON.stringify(EXAMPLE) },
  { name: "a demo PCN by code", method: "POST", headers: JSON_TYPE, body: JSON.stringify({ ...EXAMPLE, pcn: { code: "UZ1001" } }) },
  { name: "an unknown PCN code", method: "POST", headers: JSON_TYPE, body: JSON.stringify({ ...EXAMPLE, pcn: { code: "QQ9999" } }) },
  { name: "a PCN code that is not one", method: "POST", headers: JSON_TYPE, body: JSON.stringify({ ...EXAMPLE, pcn: { code: "<script>" } }) },
  { name: "invalid posts", method: "POST", headers: JSON_TYPE, body: JSON.stringify({ ...EXAMPLE, posts: [{ role: "astronaut", wte: 3 }] }) },
  { name: "malformed JSON", method: "POST", headers: JSON_TYPE, body: '{"financialYear": ' },
  { name: "a byte-order mark", method: "POST", headers: JSON_TYPE, body: `\uFEFF${JSON.stringify(EXAMPLE)}` },
  { name: "nested too deeply", method: "POST", headers: JSON_TYPE, body: "[".repeat(100) + "]".repeat(100) },
  { name: "over 1 MB", method: "POST", headers: JSON_TYPE, body: Buffer.alloc(1024 * 1024 + 10, 0x20) },
  { name: "text/plain", method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(EXAMPLE) },
  { name: "a form", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" },
  { name: "no body", method: "POST", headers: JSON_TYPE },
  { name: "CSV by Accept", method: "POST", headers: { ...JSON_TYPE, accept: "text/csv" }, body: JSON.stringify(EXAMPLE) },
  { name: "CSV posts table by query", method: "POST", path: "/api/v1/estimate?format=csv&table=posts", headers: JSON_TYPE, body: JSON.stringify(EXAMPLE) },
  { name: "an unknown format", method: "POST", path: "/api/v1/estimate?format=pdf", headers: JSON_TYPE, body: JSON.stringify(EXAMPLE) },
  { name: "compressed (gzip)", method: "POST", headers: { ...JSON_TYPE, "accept-encoding": "gzip, deflate, br" }, body: JSON.stringify(EXAMPLE) },
  { name: "compressed (deflate)", method: "POST", headers: { ...JSON_TYPE, "accept-encoding": "deflate" }, body: JSON.stringify(EXAMPLE) },
  { name: "an error, compressed", method: "POST", headers: { ...JSON_TYPE, "accept-encoding": "gzip" }, body: "{" },
  { name: "gzip refused (q=0)", method: "POST", headers: { ...JSON_TYPE, "accept-encoding": "gzip;q=0, identity" }, body: JSON.stringify(EXAMPLE) },
  { name: "GET", method: "GET" },
  { name: "HEAD", method: "HEAD" },
  { name: "PUT", method: "PUT", headers: JSON_TYPE, body: "{}" },
  { name: "DELETE", method: "DELETE" },
  { name: "PATCH", method: "PATCH", headers: JSON_TYPE, body: "{}" },
  { name: "OPTIONS", method: "OPTIONS" },
];

/**
 * Headers that legitimately differ between two answers: time and connection handling, and the
 * Vary entries Next adds to every answer for its pages' router requests (rsc, next-router-…),
 * which no API client sends.
 */
const VARYING = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
const comparable = (h: http.IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(h)
      .map(([k, v]) =>
        k === "vary"
          ? [k, String(v).split(",").map((x) => x.trim()).filter((x) => !/^(rsc|next-router-.*)$/i.test(x)).join(", ")]
          : [k, v],
      )
      .filter(([k, v]) => !VARYING.has(String(k)) && !(k === "vary" && v === ""))
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
const decoded = (a: Answer) =>
  a.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(a.body) : a.headers["content-encoding"] === "deflate" ? zlib.inflateSync(a.body) : a.body;

describe("the estimate API answered directly by scripts/serve.mjs", () => {
  it("each server says how it answers the estimate API", () => {
    expect(direct.output()).toContain("Answered without Next's router: /api/v1/estimate");
    expect(viaNext.output()).toContain("Answered without Next's router: nothing");
  });

  for (const c of CASES) {
    it(`${c.name}: the same answer as through Next`, async () => {
      const p = c.path ?? "/api/v1/estimate";
      const [a, b] = await Promise.all([send(direct.url, c.method, p, c.headers ?? {}, c.body), send(viaNext.url, c.method, p, c.headers ?? {}, c.body)]);
      expect(a.status).toBe(b.status);
      expect(decoded(a).toString("utf8")).toBe(decoded(b).toString("utf8"));
      expect(comparable(a.headers)).toEqual(comparable(b.headers));
    });
  }

  it("the XLSX: the same workbook through both (every cell of every sheet)", async () => {
    const headers = { ...JSON_TYPE, accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
    const [a, b] = await Promise.all([send(direct.url, "POST", "/api/v1/estimate", headers, JSON.stringify(EXAMPLE)), send(viaNext.url, "POST", "/api/v1/estimate", headers, JSON.stringify(EXAMPLE))]);
    expect(a.status).toBe(200);
    expect(comparable(a.headers)).toEqual(comparable(b.headers));
    const cells = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      // Each file says when it was made: the one cell that differs by the second.
      const when = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;
      return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r).replace(when, "(time)")) }));
    };
    expect(await cells(a.body)).toEqual(await cells(b.body));
  });
});
