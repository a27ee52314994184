// GET /api/v1/scenarios/{id}/history — the scenario's audit trail, newest first:
// { scenario: { id, pcnCode, name, version }, events: [{ id, at, actor: { name }, action, entityType,
// entityId, pcnCode, changes: [{ field, before, after }] }] }. Same access as reading the scenario
// (the PCN's viewers, editors and admins; system administrators); anyone else 404.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";
import { getScenarioHistory } from "@/lib/server/scenarios/scenarios";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return json(await getScenarioHistory(getDb(), await actorFromRequest(request), id));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
