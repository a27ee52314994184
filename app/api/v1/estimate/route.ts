import { getDb } from "@/lib/server/db/db";
import { bodyTooLarge, parseEstimateBody, runEstimate, validateEstimateRequest } from "@/lib/server/scenarios/estimate";
import { csvTableParam, exportEstimate, fileResponse, requestedFormat } from "@/lib/server/scenarios/export";
import { handle, json, otherMethods, readBodyText, requireJsonBody } from "@/lib/server/http";
import { MAX_ESTIMATE_BODY_BYTES } from "@/lib/schemas/estimate";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/estimate — price a plan of ARRS posts (contract: README "Estimate API"). JSON by
 * default; the same estimate as a file with `Accept: text/csv` or the XLSX type, or
 * `?format=csv|xlsx` (CSV: `&table=monthly|posts|claims`).
 */
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const format = requestedFormat(request);
    const table = format === "csv" ? csvTableParam(new URL(request.url).searchParams.get("table")) : "monthly";
    requireJsonBody(request);
    const text = await readBodyText(request, MAX_ESTIMATE_BODY_BYTES);
    if (text === null) throw bodyTooLarge();
    const req = validateEstimateRequest(parseEstimateBody(text));
    const res = await runEstimate(req, getDb);
    const response = format === "json" ? json(res) : fileResponse(await exportEstimate(req, res, format, table));
    response.headers.set("vary", "Accept");
    return response;
  });
}

export const { GET, HEAD, PUT, DELETE, PATCH, OPTIONS } = otherMethods("POST");
