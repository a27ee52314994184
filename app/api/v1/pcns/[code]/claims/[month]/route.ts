// PUT /api/v1/pcns/{code}/claims/{month} — replace a month's claim lines (issue 17): body
// { version, lines: [...] } → 200 { month, version (+1), lines }; a version that is not the stored
// one → 409 with `current` (the stored lines), nothing saved; 422 with issues (lines.3.claimed).
// The PCN's editors and admins (viewers 403, outsiders 404).
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { putClaimMonth } from "@/lib/server/claims/claims";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { parseScenarioJson } from "@/lib/server/scenarios/scenarios";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ code: string; month: string }> };

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { code, month } = await params;
    const actor = await actorFromRequest(request);
    requireJsonBody(request);
    const body = parseScenarioJson(await readBodyText(request, 1_000_000));
    return json(await putClaimMonth(getDb(), actor, code, month, body));
  });
}

export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
