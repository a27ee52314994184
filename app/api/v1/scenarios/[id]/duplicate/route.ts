// POST /api/v1/scenarios/{id}/duplicate — a copy as a new scenario ("Copy of …", version 1), or
// named by an optional body { "name": "…" }: 201 with it and its results.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { duplicateScenario, parseScenarioJson } from "@/lib/server/scenarios/scenarios";
import { MAX_SCENARIO_BODY_BYTES } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    const actor = await actorFromRequest(request);
    const text = await readBodyText(request, MAX_SCENARIO_BODY_BYTES);
    // No body is fine (a copy named "Copy of …"); a body must be JSON.
    if (text === null || text.trim() !== "") requireJsonBody(request);
    const body = parseScenarioJson(text, { emptyOk: true });
    return json(await duplicateScenario(getDb(), actor, id, body), 201);
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
