// GET /api/v1/icbs/{code}/forecast.csv?year=2026/27 — the ICB's forecast return: one row per PCN × role ×
// month (WTE, £, basis "claimed" or "planned").
// The same figures as GET /api/v1/icbs/{code}/outturn; the ICB's viewers; anyone else 404.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, otherMethods } from "@/lib/server/http";
import { exportIcbReturn } from "@/lib/server/icb/outturn";
import { fileResponse } from "@/lib/server/scenarios/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    return fileResponse(await exportIcbReturn(getDb(), await actorFromRequest(request), code, new URL(request.url).searchParams, "csv"));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
