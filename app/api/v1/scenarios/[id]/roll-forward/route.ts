// POST /api/v1/scenarios/{id}/roll-forward — "Start next year's plan from this one": a new
// scenario whose first year is the next one, with the posts in post on its 1 April as existing
// (pay progressed), the assumptions, supervisors and need settings, named "… 2027/28" (or by an
// optional body { "name": "…" }) and linked back by `rolledFromId`: 201 with it, its results and
// `rollForward` (what happened to each post). Editors of the PCN only; audited.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { parseScenarioJson, rollScenarioForward } from "@/lib/server/scenarios/scenarios";
import { MAX_SCENARIO_BODY_BYTES } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    const actor = await actorFromRequest(request);
    const text = await readBodyText(request, MAX_SCENARIO_BODY_BYTES);
    // No body is fine; a body must be JSON.
    if (text === null || text.trim() !== "") requireJsonBody(request);
    const body = parseScenarioJson(text, { emptyOk: true });
    return json(await rollScenarioForward(getDb(), actor, id, body), 201);
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
