// POST   /api/v1/scenarios/{id}/agree — mark the scenario as its PCN's agreed plan (issue 17): 200
//        with the scenario, `agreed: true`, `agreedAt`, `agreedBy` and `replaced` (the plan it
//        replaced, or null). One agreed plan per PCN: agreeing another replaces it.
// DELETE — withdraw the agreement: 200 with `agreed: false`.
// The PCN's admins and system administrators (403 for its viewers and editors, 404 outside it).
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { agreeScenario, withdrawAgreement } from "@/lib/server/claims/agree";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return json(await agreeScenario(getDb(), await actorFromRequest(request), id));
  });
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return json(await withdrawAgreement(getDb(), await actorFromRequest(request), id));
  });
}

export const { GET, HEAD, PUT, PATCH, OPTIONS } = otherMethods("POST", "DELETE");
