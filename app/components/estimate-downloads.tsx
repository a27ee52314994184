"use client";
// Downloads of the quick estimate (issue 7): the request of the last Calculate, posted to
// POST /api/v1/estimate?format=xlsx|csv, saved as the file the API names. The same inputs give
// the same figures as the result on the page (and the API's JSON).
import { useState } from "react";

const FILES = [
  { format: "xlsx", table: null, label: "Download XLSX" },
  { format: "csv", table: "monthly", label: "Download CSV (month by month)" },
  { format: "csv", table: "claims", label: "Download claims schedule (CSV)" },
] as const;

export function EstimateDownloads({ request }: { request: unknown }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: string, table: string | null) {
    setBusy(`${format}${table ?? ""}`);
    setError(null);
    try {
      const res = await fetch(`/api/v1/estimate?format=${format}${table ? `&table=${table}` : ""}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "The file could not be made. Calculate again, then download.");
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `quick-estimate.${format}`;
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError("The file could not be downloaded: check your connection and try again.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="app-no-print" data-testid="estimate-downloads">
      <div className="nhsuk-button-group">
        {FILES.map((f) => (
          <button
            key={`${f.format}${f.table ?? ""}`}
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => download(f.format, f.table)}
            disabled={busy !== null}
            aria-disabled={busy !== null}
          >
            {f.label}
          </button>
        ))}
      </div>
      <p className="nhsuk-hint">The files hold the figures of this estimate, as calculated above, with every figure&apos;s source.</p>
      {error ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </div>
  );
}
