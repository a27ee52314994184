// The estimate response shape (pounds), shared by the server and the browser.
// TODO(integration): toResponse moves here from lib/server/estimate.ts so the planner can build it in the browser.
export type { EstimateResponse } from "@/lib/server/estimate";
