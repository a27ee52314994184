// Any /api path no route handles (/api/v1/nope, /api/v2/…, /api): 404 in the JSON error shape,
// whatever the method, instead of the HTML not-found page.
import { unknownApiPath } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS } = unknownApiPath();
