// GET /api/v1/scenarios/{id}/history.csv — the scenario's audit trail as CSV (UTF-8 with BOM, one
// row per changed field, typed text made inert). Same access as reading the scenario.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { auditCsv, auditCsvResponse } from "@/lib/server/audit";
import { getDb } from "@/lib/server/db/db";
import { handle, otherMethods } from "@/lib/server/http";
import { getScenarioHistory } from "@/lib/server/scenarios/scenarios";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    const h = await getScenarioHistory(getDb(), await actorFromRequest(request), id);
    return auditCsvResponse(auditCsv(h.events), `scenario-${h.scenario.id}-history.csv`);
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
