// GET /api/v1/scenarios/{id}/export.xlsx — the scenario as an XLSX workbook (README "Exports").
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { exportScenario, fileResponse } from "@/lib/server/scenarios/export";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    return fileResponse(await exportScenario(getDb(), await actorFromRequest(request), id, "xlsx"));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
