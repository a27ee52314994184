// GET    /api/v1/scenarios/{id} — the stored scenario, its version and its results.
// PUT    — save the whole scenario; the body carries the `version` it was based on (409 conflict
//          with `current` when that is stale: nothing is overwritten).
// DELETE — soft delete, restorable for 30 days: { deleted: true, restorableUntil }.
// Editors and administrators (session cookie or API token); contract: README "API: scenarios".
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { deleteScenario, getScenarioWithResults, parseScenarioJson, updateScenario } from "@/lib/server/scenarios/scenarios";
import { MAX_SCENARIO_BODY_BYTES } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return json(await getScenarioWithResults(getDb(), await actorFromRequest(request), id));
  });
}

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    const actor = await actorFromRequest(request);
    requireJsonBody(request);
    const body = parseScenarioJson(await readBodyText(request, MAX_SCENARIO_BODY_BYTES));
    return json(await updateScenario(getDb(), actor, id, body));
  });
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return json(await deleteScenario(getDb(), await actorFromRequest(request), id));
  });
}

export const { POST, PATCH, OPTIONS } = otherMethods("GET", "PUT", "DELETE");
