// GET /api/v1/pcns/{code}/compare.xlsx?ids=a,b[,c,d][&baseline=b] — the comparison as an XLSX workbook:
// Summary, Comparison, Headroom by year, Assumptions and sources.
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
    return fileResponse(await exportComparison(getDb(), await actorFromRequest(request), code, ids, "xlsx", undefined, query.get("baseline")));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
