import "server-only";
import { getDb } from "../db/db";

/** PCNs offered in the quick-estimate picker: the demo PCNs, plus `extraCode` if it exists. */
export async function listPcnOptions(extraCode?: string): Promise<{ code: string; name: string }[]> {
  const db = getDb();
  const demo = await db.pcn.findMany({ where: { isDemo: true }, select: { code: true, name: true }, orderBy: { name: "asc" }, take: 100 });
  if (extraCode && !demo.some((p) => p.code === extraCode)) {
    const extra = await db.pcn.findUnique({ where: { code: extraCode }, select: { code: true, name: true } });
    if (extra) return [extra, ...demo];
  }
  return demo;
}
