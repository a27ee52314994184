import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { parseEstimateBody } from "@/lib/server/scenarios/estimate";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { limitOptimiserRuns, optimiseBodyTooLarge, runOptimise } from "@/lib/server/scenarios/optimise";
import { clientAddress } from "@/lib/server/auth/rate-limit";
import { MAX_OPTIMISE_BODY_BYTES } from "@/lib/schemas/optimise";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/optimise — the role mix that best uses the entitlement (contract: README
 * "Optimiser API"): existing posts fixed, candidate posts chosen by a mixed-integer solver.
 * Open to anyone, but runs without an account are limited per address and signed-in runs per
 * account (429 with Retry-After); the solve runs on a pool worker (503 with Retry-After when
 * every worker is busy and the queue is full).
 */
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const actor = await actorFromRequest(request);
    await limitOptimiserRuns(getDb(), actor ? { userId: actor.id } : { address: clientAddress(request.headers) });
    requireJsonBody(request);
    const text = await readBodyText(request, MAX_OPTIMISE_BODY_BYTES);
    if (text === null) throw optimiseBodyTooLarge();
    return json(await runOptimise(parseEstimateBody(text), getDb));
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
