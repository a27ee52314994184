"use client";
// Search-as-you-type for PCNs. Without JavaScript it is a plain GET form to /pcns?q= (the
// server renders the results); with JavaScript it asks GET /api/v1/pcns?q= as you type
// (debounced) and shows the results under the box. Used on /pcns and on the home page.
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { PcnSearchItem, PcnSearchResult } from "@/lib/server/pcn-data/pcn-search";
import { formatCount } from "@/lib/format";

export interface PcnSearchProps {
  autoFocus?: boolean;
  /** The query the server rendered results for (/pcns?q=). */
  initialQuery?: string;
  initialResult?: PcnSearchResult | null;
  /** Where the no-JS form submits; default /pcns. */
  action?: string;
  /** Keep /pcns?q= in the address bar up to date while typing (the /pcns page). */
  syncUrl?: boolean;
  /** Results per request while typing; default 10. */
  pageSize?: number;
  /** Show previous/next page links (the /pcns page). */
  paginate?: boolean;
  label?: string;
}

type Status = "idle" | "loading" | "error";


function ResultItem({ item }: { item: PcnSearchItem }) {
  return (
    <li className="app-pcn-results__item">
      <Link className="app-pcn-results__link" href={`/pcns/${encodeURIComponent(item.code)}`}>
        {item.name}
      </Link>
      <span className="nhsuk-body-s app-pcn-results__meta">
        {item.code}
        {item.icb ? ` · ${item.icb.name}` : ""}
        {item.registeredPatients !== null ? ` · ${formatCount(item.registeredPatients)} registered patients` : ""}
      </span>
      {item.matchedBecause ? <span className="nhsuk-body-s app-pcn-results__why">Matched: {item.matchedBecause}</span> : null}
    </li>
  );
}

export function PcnSearch({
  autoFocus = false,
  initialQuery = "",
  initialResult = null,
  action = "/pcns",
  syncUrl = false,
  pageSize = 10,
  paginate = false,
  label = "Find a PCN",
}: PcnSearchProps) {
  const id = useId();
  const inputId = `${id}-q`;
  const hintId = `${id}-hint`;
  const resultsId = `${id}-results`;
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<PcnSearchResult | null>(initialResult);
  const [status, setStatus] = useState<Status>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Marks the box as interactive (search-as-you-type works) once hydrated; browser tests wait for it.
  useEffect(() => {
    if (root.current) root.current.dataset.ready = "true";
  }, []);

  function search(q: string) {
    inFlight.current?.abort();
    if (q.trim() === "") {
      setResult(null);
      setStatus("idle");
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    setStatus("loading");
    const params = new URLSearchParams({ q: q.trim(), pageSize: String(pageSize) });
    fetch(`/api/v1/pcns?${params}`, { signal: controller.signal, headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`search failed: ${res.status}`);
        const body = (await res.json()) as PcnSearchResult;
        if (controller.signal.aborted) return;
        setResult(body);
        setStatus("idle");
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted || (e instanceof DOMException && e.name === "AbortError")) return;
        setStatus("error");
      });
  }

  function onChange(value: string) {
    setQuery(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      search(value);
      if (syncUrl) {
        const url = value.trim() ? `${action}?${new URLSearchParams({ q: value.trim() })}` : action;
        window.history.replaceState(window.history.state, "", url);
      }
    }, 250);
  }

  const shownFor = result?.q ?? "";
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const pageHref = (p: number) => `${action}?${new URLSearchParams({ q: shownFor, page: String(p) })}`;

  return (
    <div className="app-pcn-search" ref={root}>
      <form method="get" action={action} role="search" aria-label="PCNs" onSubmit={(e) => {
        // With JavaScript the results are already on screen; keep the page.
        if (query.trim() !== "") {
          e.preventDefault();
          if (timer.current) clearTimeout(timer.current);
          search(query);
        }
      }}>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--m" htmlFor={inputId}>
            {label}
          </label>
          <div className="nhsuk-hint" id={hintId}>
            PCN name or code, a member practice&apos;s name or code, or an ICB
          </div>
          <div className="app-pcn-search__row">
            <input
              className="nhsuk-input app-pcn-search__input"
              id={inputId}
              name="q"
              type="search"
              autoComplete="off"
              spellCheck={false}
              autoFocus={autoFocus}
              aria-describedby={hintId}
              aria-controls={resultsId}
              value={query}
              onChange={(e) => onChange(e.target.value)}
            />
            <button className="nhsuk-button app-pcn-search__button" type="submit" data-module="nhsuk-button">
              Search
            </button>
          </div>
        </div>
      </form>
      <div id={resultsId} className="app-pcn-results" aria-busy={status === "loading"}>
        <p className="nhsuk-body-s app-pcn-results__status" role="status" aria-live="polite">
          {status === "error"
            ? "The search did not work. Try again, or press Search."
            : status === "loading"
              ? "Searching…"
              : result && shownFor
                ? result.total === 0
                  ? `No PCNs match “${shownFor}”.`
                  : `${formatCount(result.total)} PCN${result.total === 1 ? "" : "s"} match “${shownFor}”${result.total > result.items.length ? ` (showing ${formatCount((result.page - 1) * result.pageSize + 1)}–${formatCount((result.page - 1) * result.pageSize + result.items.length)})` : ""}.`
                : ""}
        </p>
        {result && result.items.length > 0 ? (
          <ul className="nhsuk-list app-pcn-results__list">
            {result.items.map((item) => (
              <ResultItem key={item.code} item={item} />
            ))}
          </ul>
        ) : null}
        {paginate && result && pages > 1 ? (
          <nav className="app-pcn-results__pages" aria-label="Result pages">
            <ul className="nhsuk-list app-pcn-results__pages-list">
              {result.page > 1 ? (
                <li>
                  <Link href={pageHref(result.page - 1)}>Previous page</Link>
                </li>
              ) : null}
              <li>
                Page {result.page} of {pages}
              </li>
              {result.page < pages ? (
                <li>
                  <Link href={pageHref(result.page + 1)}>Next page</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </div>
    </div>
  );
}

export default PcnSearch;
