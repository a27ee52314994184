// POST /api/v1/scenarios/{id}/posts/import?version=N[&dryRun=1][&mapping={...}][&roles={...}][&sheet=Name]
// The PCN's team from its own spreadsheet (body: the CSV, Content-Type text/csv, or the XLSX).
// dryRun → 200 { posts, rows, issues, unmapped, unknownRoles, columns, ... }, nothing saved.
// Otherwise the posts are added and the scenario saved as by PUT: 200 with the scenario (version
// + 1, results); 409 on a stale version; 422 with issues (rows.5.hoursPerWeek) and nothing saved.
// Editors and administrators (session cookie or API token); contract: README "Bring in your team".
import { actorFromRequest } from "@/lib/server/auth/api-auth";
import { getDb } from "@/lib/server/db/db";
import { handle, json, otherMethods, readBodyBytes } from "@/lib/server/http";
import { importTeamPosts, MAX_IMPORT_BYTES } from "@/lib/server/scenarios/team-import";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await params;
    const actor = await actorFromRequest(request);
    const bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
    const query = new URL(request.url).searchParams;
    return json(await importTeamPosts(getDb(), actor, id, { bytes, contentType: request.headers.get("content-type"), query }));
  });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
