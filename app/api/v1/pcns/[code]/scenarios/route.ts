// GET  /api/v1/pcns/{code}/scenarios[?deleted=1] — the PCN's saved scenarios (or the deleted ones
//      that can still be restored). POST — save a new scenario: 201 with it and its results.
// Editors and administrators (session cookie or API token); contract: README "API: scenarios".
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { createScenario, listScenarios, parseScenarioJson } from "@/lib/server/scenarios/scenarios";
import { MAX_SCENARIO_BODY_BYTES } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ code: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const deleted = ["1", "true"].includes(new URL(request.url).searchParams.get("deleted") ?? "");
    return json({ scenarios: await listScenarios(getDb(), await actorFromRequest(request), code, { deleted }) });
  });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const actor = await actorFromRequest(request);
    requireJsonBody(request);
    const body = parseScenarioJson(await readBodyText(request, MAX_SCENARIO_BODY_BYTES));
    return json(await createScenario(getDb(), actor, code, body), 201);
  });
}

export const { PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET", "POST");
