import type { Metadata } from "next";
import { PcnSearch } from "@/app/components/pcn-search";
import type { PcnSearchResult } from "@/lib/server/pcn-data/pcn-search";
import { publicDemoDataOnly, publicPcnSearch } from "@/lib/server/pcn-data/public-data";
import { PcnSearchQuerySchema } from "@/lib/schemas/pcn";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Find a PCN" };

const PAGE_SIZE = 20;

export default async function PcnsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = PcnSearchQuerySchema.safeParse({ q: first(sp.q), page: first(sp.page), pageSize: String(PAGE_SIZE) });
  const query = parsed.success ? parsed.data : { q: (first(sp.q) ?? "").slice(0, 100).trim(), page: 1, pageSize: PAGE_SIZE };
  let result: PcnSearchResult | null = null;
  if (query.q !== "") result = await publicPcnSearch(query); // cached per data version
  const demoOnly = await publicDemoDataOnly();

  return (
    <>
      <h1>Find a Primary Care Network</h1>
      <p>
        Search by PCN name or code (for example U12345), by the name, code or postcode of a member practice
        (a district such as LS6, or the start of a postcode), by town (the town a practice&apos;s postcode area
        is named after, for example Leeds for LS postcodes), or by Integrated Care Board. Open a PCN to see
        its practices, registered population, weighted population and ARRS entitlement for each financial year.
      </p>
      {demoOnly ? (
        <div className="nhsuk-inset-text" data-testid="demo-only-notice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Only the fictional demo PCNs are loaded, so no real PCN, practice, town or postcode can be found yet.
            To load every PCN in England, an administrator imports NHS England Digital&apos;s published files on
            the <a href="/admin/import">Import page</a>, or runs{" "}
            <code>npm run import -- gp-reg-pat-prac-map.csv gp-reg-pat-prac-sing-age-regions.csv gp-reg-pat-prac-all.csv</code>{" "}
            (see the README).
          </p>
        </div>
      ) : null}
      <PcnSearch
        key={`${query.q}|${query.page}`}
        autoFocus
        initialQuery={query.q}
        initialResult={result}
        syncUrl
        paginate
        pageSize={PAGE_SIZE}
      />
    </>
  );
}
