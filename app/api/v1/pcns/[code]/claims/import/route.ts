// POST /api/v1/pcns/{code}/claims/import[?replace=1][&sheet=Name] — the PCN's claims from a CSV
// (Content-Type text/csv) or XLSX file sent as the body (issue 17): 200 { imported, months: [...] };
// 422 naming each bad row (nothing saved); 409 naming the months that already hold lines unless
// ?replace=1. The PCN's editors and admins (viewers 403, outsiders 404). Columns: README "Claims".
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { importClaimsFile, MAX_CLAIMS_IMPORT_BYTES } from "@/lib/server/claims/import";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyBytes } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ code: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const actor = await actorFromRequest(request);
    const bytes = await readBodyBytes(request, MAX_CLAIMS_IMPORT_BYTES);
    return json(await importClaimsFile(getDb(), actor, code, { bytes, contentType: request.headers.get("content-type"), query: new URL(request.url).searchParams }));
  });
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
