// The route handlers scripts/serve.mjs answers itself, without going through Next's router
// (docs/decisions/015-direct-api-routes.md). Each entry is the route module itself, so the
// answer is exactly the one Next would give; `npm run build` bundles this file with esbuild
// (scripts/build-direct.mjs) into .next/arrs-direct/routes.mjs.
import * as estimate from "@/app/api/v1/estimate/route";

type Handler = (request: Request) => Response | Promise<Response>;
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

/** The module's handler for each HTTP method it exports. */
function handlers(mod: Partial<Record<(typeof METHODS)[number], Handler>>): Partial<Record<string, Handler>> {
  return Object.fromEntries(METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m]]));
}

export const DIRECT_ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  "/api/v1/estimate": handlers(estimate),
};
