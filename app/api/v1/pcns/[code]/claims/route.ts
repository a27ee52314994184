// GET /api/v1/pcns/{code}/claims?year=2026/27 — the PCN's ARRS claims for a financial year (issue
// 17): { pcn, financialYear, agreedPlan, months: [{ month, version, ... }], lines: [...] }; a month
// with no lines has version 0. The year defaults to the current financial year. The PCN's members.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getClaimsYear, parseClaimsQuery } from "@/lib/server/claims/claims";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ code: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const actor = await actorFromRequest(request);
    const { year } = parseClaimsQuery(new URL(request.url).searchParams);
    return json(await getClaimsYear(getDb(), actor, code, year));
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
