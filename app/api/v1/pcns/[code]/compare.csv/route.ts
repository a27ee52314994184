// GET /api/v1/pcns/{code}/compare.csv?ids=a,b[,c,d][&baseline=b] — the comparison as CSV: one row per year and
// scenario (then each whole plan), each figure and its difference from the baseline.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { exportComparison } from "@/lib/server/scenarios/compare";
import { getDb } from "@/lib/server/db/db";
import { fileResponse } from "@/lib/server/scenarios/export";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const query = new URL(request.url).searchParams;
    const ids = query.getAll("ids");
    return fileResponse(await exportComparison(getDb(), await actorFromRequest(request), code, ids, "csv", undefined, query.get("baseline")));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
