// POST /api/v1/scenarios/{id}/restore — undo a delete within 30 days: 200 with the scenario and
// its results; 404 once it is gone.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";
import { restoreScenario } from "@/lib/server/scenarios/scenarios";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return json(await restoreScenario(getDb(), await actorFromRequest(request), id));
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
