// POST /api/v1/estimate as a file (issue 7): Accept: text/csv or the XLSX type, or ?format=csv|xlsx
// (and &table= for CSV) — the same estimate as the JSON, read back figure by figure. JSON stays
// the default; an unknown format is 422 in the one error shape. Route handler called directly.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/create-prisma";
import { createTestDb, type TestDb } from "../support/db";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BODY = {
  financialYear: "2025/26",
  pcn: { weightedPopulation: 30_000 },
  posts: [
    { id: "ot-1", role: "occupational-therapist", band: "7", point: 1, wte: 1, start: "2025-10-01" },
    { id: "=cmd|' /C calc'!A0", role: "clinical-pharmacist", annualSalary: 52_000, wte: 0.8 },
  ],
};

let env: TestDb;
let POST: (req: Request) => Promise<Response>;
let expected: any;

beforeAll(async () => {
  env = await createTestDb({ seed: true });
  process.env.DATABASE_URL = env.url;
  ({ POST } = await import("@/app/api/v1/estimate/route"));
  expected = await (await POST(request())).json();
});
afterAll(async () => {
  const g = globalThis as unknown as { arrsPrisma?: Db };
  await g.arrsPrisma?.$disconnect();
  await env?.cleanup();
});

function request(qs = "", accept?: string, body: unknown = BODY): Request {
  return new Request(`http://localhost/api/v1/estimate${qs}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
    body: JSON.stringify(body),
  });
}

const csvRecords = async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(new TextDecoder().decode(bytes), { columns: true, bom: true }) as Record<string, string>[];
};

describe("POST /api/v1/estimate: JSON by default", () => {
  it.each([
    ["no Accept", undefined],
    ["Accept: */*", "*/*"],
    ["Accept: application/json", "application/json"],
    ["Accept: text/html (nothing supported)", "text/html"],
    ["CSV refused with q=0", "text/csv;q=0, application/json;q=0.5"],
  ])("%s → JSON", async (_label, accept) => {
    const res = await POST(request("", accept));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("vary")).toBe("Accept");
    expect((await res.json()).totals).toEqual(expected.totals);
  });
});

describe("POST /api/v1/estimate as CSV", () => {
  it.each([
    ["Accept: text/csv", "", "text/csv"],
    ["?format=csv", "?format=csv", undefined],
    ["the higher q wins", "", "application/json;q=0.4, text/csv;q=0.9"],
  ])("%s: the monthly long layout, every figure equal to the JSON", async (_label, qs, accept) => {
    const res = await POST(request(qs, accept));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="Quick-estimate-2025-26-monthly.csv"');
    const rows = await csvRecords(res);
    for (const p of expected.posts) {
      for (const m of p.months) {
        // A post id that looks like a formula is written inert.
        const id = /^[=+\-@]/.test(p.id) ? `'${p.id}` : p.id;
        const r = rows.find((x) => x.Row === "post" && x["Post id"] === id && x.Month === m.month)!;
        expect([r.Salary, r["Employer NI"], r["Employer pension"], r.Cost, r["Maximum claimable"], r.Claimable, r["PCN-funded"]].map(Number), `${p.id} ${m.month}`).toEqual([
          m.salary,
          m.employerNi,
          m.employerPension,
          m.cost,
          m.cap,
          m.claimable,
          m.pcnFunded,
        ]);
      }
    }
    expect(rows.filter((x) => x.Row === "plan total").map((x) => Number(x.Cost))).toEqual(expected.months.map((m: any) => m.cost));
    expect(rows.some((x) => x["Post id"] === "'=cmd|' /C calc'!A0")).toBe(true);
  });

  it("?format=csv&table=claims: the claims schedule; table=posts: the bulk-import layout", async () => {
    const claims = await csvRecords(await POST(request("?format=csv&table=claims")));
    const ot = expected.posts.find((p: any) => p.id === "ot-1");
    expect(claims.filter((r) => r["Post id"] === "ot-1").map((r) => [r.Month, Number(r["Amount to claim"])])).toEqual(ot.months.filter((m: any) => m.daysInPost > 0).map((m: any) => [m.month, m.claimable]));
    const posts = await csvRecords(await POST(request("?format=csv&table=posts", "text/csv")));
    expect(posts.map((r) => r.role)).toEqual(["occupational-therapist", "clinical-pharmacist"]);
  });
});

describe("POST /api/v1/estimate as XLSX", () => {
  it.each([
    ["Accept: the XLSX type", "", XLSX],
    ["?format=xlsx", "?format=xlsx", undefined],
  ])("%s: the workbook, every total equal to the JSON", async (_label, qs, accept) => {
    const res = await POST(request(qs, accept));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="Quick-estimate-2025-26.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Posts", "Monthly", "Claims schedule", "Assumptions and sources"]);
    const summary: unknown[][] = [];
    wb.getWorksheet("Summary")!.eachRow((row) => summary.push((row.values as unknown[]).slice(1)));
    const r = summary[summary.findIndex((x) => x[0] === "Financial year") + 1]!;
    expect(r.slice(2, 7)).toEqual([expected.entitlement, expected.totals.cost, expected.totals.claimable, expected.totals.pcnFunded, expected.totals.headroom]);
    const posts: unknown[][] = [];
    wb.getWorksheet("Posts")!.eachRow((row) => posts.push((row.values as unknown[]).slice(1)));
    const h = posts[0] as string[];
    expected.posts.forEach((p: any, i: number) => {
      expect([h.indexOf("Cost"), h.indexOf("Claimable"), h.indexOf("PCN-funded")].map((c) => posts[i + 1]![c])).toEqual([p.cost, p.claimable, p.pcnFunded]);
    });
  });
});

describe("POST /api/v1/estimate: refusals stay JSON", () => {
  it.each([
    ["?format=pdf", "?format=pdf", "format"],
    ["?format=csv&table=nope", "?format=csv&table=nope", "table"],
  ])("%s → 422 invalid_input", async (_label, qs, path) => {
    const res = await POST(request(qs));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.issues[0].path).toBe(path);
  });

  it("an invalid estimate asked for as CSV → the JSON 422 with issues", async () => {
    const res = await POST(request("", "text/csv", { ...BODY, posts: [{ ...BODY.posts[0], wte: 2 }] }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.issues[0].path).toBe("posts.0.wte");
  });
});

describe("POST /api/v1/estimate as XLSX with alreadyCommitted (issue 16)", () => {
  it("the Summary's headroom is after it, and a note says so with the arithmetic", async () => {
    const res = await POST(request("?format=xlsx", undefined, { ...BODY, alreadyCommitted: 50_000 }));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const cells: unknown[] = [];
    wb.getWorksheet("Summary")!.eachRow((row) => cells.push(...(row.values as unknown[]).slice(1)));
    const before = expected.totals.headroom as number;
    const after = (Math.round(before * 100) - 5_000_000) / 100; // headroom − £50,000.00, in pence
    expect(cells).toContain(after);
    expect(cells).toContain(`2025/26 headroom is after £50000.00 already committed this year (entered): £${before.toFixed(2)} from these posts − £50000.00 = £${after.toFixed(2)}`);
  });
});

