// GET /api/v1/pcns/{code}/audit.csv — the PCN's audit trail as CSV (UTF-8 with BOM, one row per
// changed field, newest first, at most 50,000 events). Same access as /audit.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { auditCsv, auditCsvResponse, getPcnAudit, PCN_AUDIT_CSV_MAX } from "@/lib/server/audit";
import { getDb } from "@/lib/server/db/db";
import { handle, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const audit = await getPcnAudit(getDb(), await actorFromRequest(request), code, { limit: PCN_AUDIT_CSV_MAX });
    return auditCsvResponse(auditCsv(audit.events), `pcn-${audit.pcnCode}-audit.csv`);
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
