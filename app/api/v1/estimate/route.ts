import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { parseEstimateBody, runEstimate } from "@/lib/server/estimate";
import { handle, json } from "@/lib/server/http";
import { MAX_ESTIMATE_BODY_BYTES } from "@/lib/schemas/estimate";

export const dynamic = "force-dynamic";

/** POST /api/v1/estimate — price a plan of ARRS posts (contract: README "Estimate API"). */
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_ESTIMATE_BODY_BYTES) {
      const message = `The request is too large: at most ${MAX_ESTIMATE_BODY_BYTES.toLocaleString("en-GB")} bytes.`;
      throw new AppError("invalid_input", message, [{ path: "", message }]);
    }
    const body = parseEstimateBody(await request.text());
    return json(await runEstimate(body, getDb));
  });
}
