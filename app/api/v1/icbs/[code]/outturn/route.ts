// GET /api/v1/icbs/{code}/outturn?year=2026/27 — every PCN of the ICB: entitlement, the agreed plan,
// planned, claimed and paid to date, the year-end forecast (an estimate); totals; the ICB's months.
// The ICB's viewers and system administrators; anyone else 404, signed out 401. Read only.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";
import { getIcbOutturn } from "@/lib/server/icb/outturn";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    return json(await getIcbOutturn(getDb(), await actorFromRequest(request), code, new URL(request.url).searchParams.get("year")));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
