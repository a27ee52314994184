// GET /api/v1/pcns/{code}/outturn?year=2026/27 — the agreed plan against the claims: month by
// month planned, claimed, approved, paid and variance; to date; the year-end forecast; by post.
// The PCN's members (viewers too); anyone else 404. `year` defaults to the current financial year.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getOutturn } from "@/lib/server/claims/outturn";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const year = new URL(request.url).searchParams.get("year");
    return json(await getOutturn(getDb(), await actorFromRequest(request), code, year));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
