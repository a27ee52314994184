// GET /api/v1/pcns/{code}/backpay.csv?year=2025/26 — back pay after the year's backdated uplift, in the
// single claim form's layout (post, months from–to, old claim, new entitlement, difference).
// The PCN's members; 422 in words for a year without a backdated uplift or without an agreed plan.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { exportBackpay } from "@/lib/server/claims/files";
import { getDb } from "@/lib/server/db/db";
import { fileResponse } from "@/lib/server/scenarios/export";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    return fileResponse(await exportBackpay(getDb(), await actorFromRequest(request), code, new URL(request.url).searchParams, "csv"));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
