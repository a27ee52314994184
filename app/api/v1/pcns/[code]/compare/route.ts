// GET /api/v1/pcns/{code}/compare?ids=a,b[,c,d][&baseline=b] — two to four scenarios of the PCN side by side
// (in that order; the baseline is `baseline`, else the first): each year's figures and every other scenario's difference from it.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { comparisonJson, getComparison } from "@/lib/server/scenarios/compare";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const query = new URL(request.url).searchParams;
    const ids = query.getAll("ids");
    return json(comparisonJson(await getComparison(getDb(), await actorFromRequest(request), code, ids, undefined, query.get("baseline"))));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
