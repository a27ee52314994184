"use client";
// Posts in bulk: paste or upload a CSV (the posts export's layout). Every bad row is listed with
// its row number; nothing is added until every row is good.
import { Fragment, useState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { POST_CSV_HEADERS } from "@/lib/planner/columns";
import type { CsvRowError } from "@/lib/planner/posts-csv";
import type { ScenarioPostInput } from "@/lib/schemas/scenario";

const MAX_BYTES = 500_000;

export function CsvImport({ onAdd }: { onAdd: (posts: ScenarioPostInput[]) => void }) {
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<CsvRowError[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const run = async (csv: string) => {
    // The CSV parser loads on first use: most visits never import a CSV.
    const { parsePostsCsv } = await import("@/lib/planner/posts-csv");
    setAttempt((n) => n + 1);
    setDone(null);
    const r = parsePostsCsv(csv);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors(null);
    onAdd(r.posts);
    setText("");
    setDone(`Added ${r.posts.length} post${r.posts.length === 1 ? "" : "s"} from the CSV.`);
  };

  return (
    <div data-testid="csv-import">
      <p>
        One row per post, the first row naming the columns:{" "}
        <code className="app-csv-columns" data-testid="csv-columns">
          {/* A line may break after any comma (the list has no spaces; it ran past its box at 1366 px). */}
          {POST_CSV_HEADERS.map((h, i) => (
            <Fragment key={h}>
              {i ? "," : ""}
              {i ? <wbr /> : null}
              {h}
            </Fragment>
          ))}
        </code>
        . Only <code>role</code> is required (with a band and point, or an annual salary); the
        posts export writes this same layout, so an export edited in Excel can come back in. Dates are written YYYY-MM-DD.
      </p>
      {errors ? (
        <ErrorSummary
          titleId="csv-error-title"
          title="The CSV has problems: no posts were added"
          focusKey={attempt}
          items={errors.slice(0, 50).map((e, i) => ({ key: `${e.row}-${i}`, text: `Row ${e.row}: ${e.message}` }))}
          description={errors.length > 50 ? `Showing the first 50 of ${errors.length} problems.` : undefined}
        />
      ) : null}
      {done ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="posts-csv-text">
          Paste the CSV
        </label>
        <textarea className="nhsuk-textarea app-csv-text" id="posts-csv-text" rows={5} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void run(text)} disabled={!text.trim()}>
        Add posts from the pasted CSV
      </button>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="posts-csv-file">
          Or upload a CSV file
        </label>
        <input
          className="nhsuk-file-upload"
          id="posts-csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            if (file.size > MAX_BYTES) {
              setErrors([{ row: 1, message: `The file is too large (at most ${MAX_BYTES.toLocaleString("en-GB")} bytes).` }]);
              setAttempt((n) => n + 1);
              return;
            }
            await run(await file.text());
          }}
        />
      </div>
    </div>
  );
}
