import { getDb } from "@/lib/server/db";
import { bodyTooLarge, parseEstimateBody, runEstimate } from "@/lib/server/estimate";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { MAX_ESTIMATE_BODY_BYTES } from "@/lib/schemas/estimate";

export const dynamic = "force-dynamic";

/** POST /api/v1/estimate — price a plan of ARRS posts (contract: README "Estimate API"). */
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireJsonBody(request);
    const text = await readBodyText(request, MAX_ESTIMATE_BODY_BYTES);
    if (text === null) throw bodyTooLarge();
    return json(await runEstimate(parseEstimateBody(text), getDb));
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
