// GET /api/v1/scenarios/{id}/export.csv[?table=monthly|posts|claims|workforce|slip] — the scenario as CSV: one row
// per post per month (default), the posts' inputs (the bulk-import layout), the claims schedule, the
// workforce by role and month, or the recruitment slip by year.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { csvTableParam, exportScenario, fileResponse } from "@/lib/server/scenarios/export";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    const table = csvTableParam(new URL(request.url).searchParams.get("table"));
    return fileResponse(await exportScenario(getDb(), await actorFromRequest(request), id, "csv", table));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
