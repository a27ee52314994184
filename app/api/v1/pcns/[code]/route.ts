// GET /api/v1/pcns/{code} — a PCN's practices, registered population, weighted population and
// ARRS entitlement for each financial year (estimates labelled).
import { handle, json, otherMethods } from "@/lib/server/http";
import { publicPcnDetailOrThrow } from "@/lib/server/pcn-data/public-data";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    return json(await publicPcnDetailOrThrow(code)); // cached per data version
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
