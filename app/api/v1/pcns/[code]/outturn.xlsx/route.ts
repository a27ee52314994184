// GET /api/v1/pcns/{code}/outturn.xlsx?year=2026/27 — the outturn as an XLSX workbook: Summary, Months, Posts, Not yet paid (totals as SUM formulas).
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { exportOutturn } from "@/lib/server/claims/files";
import { getDb } from "@/lib/server/db/db";
import { fileResponse } from "@/lib/server/scenarios/export";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    return fileResponse(await exportOutturn(getDb(), await actorFromRequest(request), code, new URL(request.url).searchParams, "xlsx"));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
