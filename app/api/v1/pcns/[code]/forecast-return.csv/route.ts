// GET /api/v1/pcns/{code}/forecast-return.csv?year=2026/27 — the ICB's forecast return: WTE and £ by role
// and month to 31 March (claims where there are claims, the agreed plan after; a Basis column).
// The PCN's members; anyone else 404.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { exportForecastReturn } from "@/lib/server/claims/files";
import { getDb } from "@/lib/server/db/db";
import { fileResponse } from "@/lib/server/scenarios/export";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    return fileResponse(await exportForecastReturn(getDb(), await actorFromRequest(request), code, new URL(request.url).searchParams, "csv"));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
