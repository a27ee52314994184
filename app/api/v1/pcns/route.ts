// GET /api/v1/pcns?q=&page=&pageSize= — search PCNs by name, code, member practice or ICB.
import { handle, json, otherMethods } from "@/lib/server/http";
import { publicPcnSearch } from "@/lib/server/pcn-data/public-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    // Cached per data version (lib/server/pcn-data/public-data.ts).
    const result = await publicPcnSearch({
      q: params.get("q") ?? undefined,
      page: params.get("page") ?? undefined,
      pageSize: params.get("pageSize") ?? undefined,
    });
    return json(result);
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
