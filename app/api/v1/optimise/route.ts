import { getDb } from "@/lib/server/db";
import { parseEstimateBody } from "@/lib/server/estimate";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { optimiseBodyTooLarge, runOptimise } from "@/lib/server/optimise";
import { MAX_OPTIMISE_BODY_BYTES } from "@/lib/schemas/optimise";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/optimise — the role mix that best uses the entitlement (contract: README
 * "Optimiser API"): existing posts fixed, candidate posts chosen by a mixed-integer solver.
 */
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireJsonBody(request);
    const text = await readBodyText(request, MAX_OPTIMISE_BODY_BYTES);
    if (text === null) throw optimiseBodyTooLarge();
    return json(await runOptimise(parseEstimateBody(text), getDb));
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
