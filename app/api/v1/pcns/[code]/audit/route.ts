// GET /api/v1/pcns/{code}/audit[?limit=N&before=ID] — everything recorded about the PCN (its
// scenarios, members and ICB-confirmed figure), newest first: { pcnCode, events, nextBefore }
// (pass nextBefore as `before` for the next page; limit 1–1000, default 200). The PCN's admins and
// system administrators; its other members 403, anyone else 404.
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getPcnAudit, parseAuditQuery } from "@/lib/server/audit";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const actor = await actorFromRequest(request);
    const query = parseAuditQuery(new URL(request.url).searchParams);
    return json(await getPcnAudit(getDb(), actor, code, query));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
