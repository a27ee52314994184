// GET /api/v1/pcns/{code}/need — the PCN's population need for occupational therapy per group
// (frailty, mental health, work) and in total: people, patients, hours and WTE, each low /
// central / high, with every assumption used. Query parameters override assumptions by id
// (`reachFrailty=15`, `reachFrailty.low=10`). Public, like the PCN's other reference data.
import { toFieldIssues } from "@/lib/schemas/common";
import { NeedQuerySchema, searchParamsRecord } from "@/lib/schemas/need";
import { PcnCodeSchema } from "@/lib/schemas/pcn";
import { invalidInput } from "@/lib/server/errors";
import { handle, json, otherMethods } from "@/lib/server/http";
import { needForPcn } from "@/lib/server/pcn-data/need";
import { publicPcnDetailOrThrow } from "@/lib/server/pcn-data/public-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return handle(async () => {
    const { code } = await params;
    const parsedCode = PcnCodeSchema.safeParse(code);
    if (!parsedCode.success) {
      const message = parsedCode.error.issues[0]?.message ?? "That is not a PCN code.";
      throw invalidInput([{ path: "code", message }], message);
    }
    const query = NeedQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
    if (!query.success) throw invalidInput(toFieldIssues(query.error), "Some assumptions are not valid. Nothing was calculated.");
    const pcn = await publicPcnDetailOrThrow(parsedCode.data); // cached per data version
    return json(needForPcn(pcn, query.data));
  });
}

export const { POST, PUT, DELETE, PATCH, OPTIONS } = otherMethods("GET");
