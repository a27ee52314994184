// GET /api/health — 200 {"status":"ok","database":"ok",…} when well; 503 saying what is down.
import pkg from "@/package.json";
import { getDb } from "@/lib/server/db/db";
import { checkHealth } from "@/lib/server/db/health";
import { otherMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const h = await checkHealth(getDb(), pkg.version);
  return Response.json(h, { status: h.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
