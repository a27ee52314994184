// GET /api/v1/pcns?q=&page=&pageSize= — search PCNs by name, code, member practice or ICB.
import { getDb } from "@/lib/server/db";
import { handle, json, otherMethods } from "@/lib/server/http";
import { searchPcns } from "@/lib/server/pcns";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    const result = await searchPcns(getDb(), {
      q: params.get("q") ?? undefined,
      page: params.get("page") ?? undefined,
      pageSize: params.get("pageSize") ?? undefined,
    });
    return json(result);
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
