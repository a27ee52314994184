"use client";
// The file, the columns and role words to map, the preview of every post with each bad row and
// cell in words, and "Add these posts". The preview is the API's dry run of the same file, so what
// is shown is exactly what will be saved. Column and role choices are remembered in this browser
// for the PCN (localStorage), and sent again with the next file.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ErrorSummary } from "@/app/components/ui/error-summary";
import { formatDate, formatPounds, formatWte } from "@/lib/format";
import { FIELD_LABELS, IMPORT_FIELDS } from "@/lib/team-import/columns";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Issue {
  path: string;
  message: string;
}
interface PreviewPost {
  label?: string;
  role: string;
  status?: string;
  band?: string;
  point?: number;
  annualSalary?: number;
  /** One of wte, sessions (GPs) or hoursPerWeek, as the file gave the post's size. */
  wte?: number;
  sessions?: number;
  hoursPerWeek?: number;
  start?: string;
  end?: string;
  firstContact?: { roadmap?: string };
}
interface Preview {
  posts: PreviewPost[];
  rows: number[];
  issues: Issue[];
  unmapped: string[];
  unknownRoles: string[];
  sheets?: string[];
  sheet?: string;
}

type Choices = Record<string, string>;

/** A post's size as the file gave it, with the WTE it stands for (37.5 hours or 9 sessions = 1.0 WTE). */
function sizeText(p: PreviewPost): string {
  const wte = (x: number) => formatWte(Math.round(x * 10000) / 10000);
  if (p.wte !== undefined) return formatWte(p.wte);
  if (p.hoursPerWeek !== undefined) return `${p.hoursPerWeek} hours a week (${wte(p.hoursPerWeek / 37.5)})`;
  if (p.sessions !== undefined) return `${p.sessions} sessions (${wte(p.sessions / 9)})`;
  return "";
}

const storageKey = (pcnCode: string) => `arrs-team-import:${pcnCode}`;

function loadChoices(pcnCode: string): { mapping: Choices; roles: Choices } {
  try {
    const v = JSON.parse(window.localStorage.getItem(storageKey(pcnCode)) ?? "{}") as { mapping?: Choices; roles?: Choices };
    return { mapping: v.mapping ?? {}, roles: v.roles ?? {} };
  } catch {
    return { mapping: {}, roles: {} };
  }
}

const typeOf = (file: File) => (/\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : "text/csv");

export function TeamImportForm({
  scenarioId,
  version,
  pcnCode,
  plannerHref,
  existingPosts,
  roles,
}: {
  scenarioId: string;
  version: number;
  pcnCode: string;
  plannerHref: string;
  existingPosts: number;
  roles: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Choices>({});
  const [roleChoices, setRoleChoices] = useState<Choices>({});
  const [sheet, setSheet] = useState<string>("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const address = (extra: string) => {
    const q = new URLSearchParams();
    const m = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
    const r = Object.fromEntries(Object.entries(roleChoices).filter(([, v]) => v));
    if (Object.keys(m).length) q.set("mapping", JSON.stringify(m));
    if (Object.keys(r).length) q.set("roles", JSON.stringify(r));
    if (sheet) q.set("sheet", sheet);
    return `/api/v1/scenarios/${encodeURIComponent(scenarioId)}/posts/import?${extra}&${q.toString()}`;
  };

  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    (async () => {
      setBusy(true);
      const res = await fetch(address("dryRun=1"), { method: "POST", headers: { "content-type": typeOf(file) }, body: file });
      const body = (await res.json()) as Preview | { error: { message: string; issues?: Issue[] } };
      if (cancelled) return;
      setBusy(false);
      if ("error" in body) {
        setPreview(null);
        setFailure({ message: body.error.message, issues: body.error.issues ?? [] });
      } else {
        setFailure(null);
        setPreview(body);
      }
    })().catch(() => {
      if (!cancelled) {
        setBusy(false);
        setFailure({ message: "The file could not be sent. Check your connection and choose it again.", issues: [] });
      }
    });
    return () => {
      cancelled = true;
    };
    // address() reads mapping, roleChoices and sheet: a new choice re-reads the file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, mapping, roleChoices, sheet, scenarioId]);

  const remember = (next: { mapping?: Choices; roles?: Choices }) => {
    const m = next.mapping ?? mapping;
    const r = next.roles ?? roleChoices;
    if (next.mapping) setMapping(m);
    if (next.roles) setRoleChoices(r);
    try {
      window.localStorage.setItem(storageKey(pcnCode), JSON.stringify({ mapping: m, roles: r }));
    } catch {
      // Private browsing: the choice still applies to this file.
    }
  };

  async function save() {
    if (!file) return;
    setBusy(true);
    const res = await fetch(address(`version=${version}`), { method: "POST", headers: { "content-type": typeOf(file) }, body: file });
    setBusy(false);
    if (res.ok) {
      router.push(plannerHref);
      router.refresh();
      return;
    }
    const body = (await res.json()) as { error: { message: string; issues?: Issue[] } };
    setFailure({ message: body.error.message, issues: body.error.issues ?? [] });
    setAttempt((n) => n + 1);
  }

  const issues = preview?.issues ?? [];
  const unmappedSet = new Set(preview?.unmapped ?? []);
  const columnsToChoose = [...new Set([...Object.keys(mapping).filter((k) => preview && !unmappedSet.has(k) && preview.issues.some((i) => i.path === `mapping.${k}`)), ...(preview?.unmapped ?? [])])];
  const rolesToChoose = preview?.unknownRoles ?? [];
  const ready = preview !== null && issues.length === 0 && preview.posts.length > 0;
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;

  return (
    <div data-testid="team-import">
      {failure ? <ErrorSummary titleId="import-failure" title="The posts were not added" description={failure.message} items={failure.issues.map((i, k) => ({ text: i.message, key: `${k}` }))} focusKey={attempt} /> : null}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="team-file">
          Your staff spreadsheet (CSV or Excel .xlsx)
        </label>
        <div className="nhsuk-hint" id="team-file-hint">
          Columns such as Name, Job title, Band, Spine point, Salary, Hours per week, Start date and Leaving date are recognised; you choose what any other column holds.
        </div>
        <input
          className="nhsuk-file-upload"
          id="team-file"
          name="team-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="team-file-hint"
          onChange={(e) => {
            // The PCN's remembered column and role choices apply to each new file.
            const saved = loadChoices(pcnCode);
            setMapping(saved.mapping);
            setRoleChoices(saved.roles);
            setSheet("");
            setFile(e.target.files?.[0] ?? null);
          }}
        />
      </div>

      {preview?.sheets && preview.sheets.length > 1 ? (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="team-sheet">
            Sheet
          </label>
          <select className="nhsuk-select" id="team-sheet" value={sheet || preview.sheet || ""} onChange={(e) => setSheet(e.target.value)}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {busy ? <p aria-live="polite">Reading the file…</p> : null}

      {columnsToChoose.length ? (
        <fieldset className="nhsuk-fieldset" data-testid="unmapped-columns">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Columns we do not recognise</legend>
          <p className="nhsuk-hint">Say what each one holds, or ignore it. Your choice is remembered in this browser for {pcnCode}.</p>
          {columnsToChoose.map((col, i) => (
            <div className="nhsuk-form-group" key={col}>
              <label className="nhsuk-label" htmlFor={`map-${i}`}>
                What does the column &ldquo;{col}&rdquo; hold?
              </label>
              <select className="nhsuk-select" id={`map-${i}`} value={mapping[col] ?? ""} onChange={(e) => remember({ mapping: { ...mapping, [col]: e.target.value } })}>
                <option value="">Choose…</option>
                <option value="ignore">Ignore this column</option>
                {IMPORT_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {FIELD_LABELS[f]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}

      {rolesToChoose.length ? (
        <fieldset className="nhsuk-fieldset" data-testid="unknown-roles">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Roles we do not recognise</legend>
          {rolesToChoose.map((word, i) => (
            <div className="nhsuk-form-group" key={word}>
              <label className="nhsuk-label" htmlFor={`role-${i}`}>
                Which ARRS role is &ldquo;{word}&rdquo;?
              </label>
              <select className="nhsuk-select" id={`role-${i}`} value={roleChoices[word] ?? ""} onChange={(e) => remember({ roles: { ...roleChoices, [word]: e.target.value } })}>
                <option value="">Choose…</option>
                <option value="skip">Not an ARRS role: leave these rows out</option>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}

      {preview && issues.length ? (
        <div className="nhsuk-warning-callout" data-testid="import-issues">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {issues.length} thing{issues.length === 1 ? "" : "s"} to put right before anything is added
            </span>
          </h2>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>{i.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview && preview.posts.length ? (
        <>
          <h2>
            {preview.posts.length} post{preview.posts.length === 1 ? "" : "s"} to add{issues.length ? " (rows without problems)" : ""}
          </h2>
          <div className="app-table-scroll" role="region" aria-label="Posts to add" tabIndex={0}>
            <table className="nhsuk-table" data-testid="import-preview">
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">Row</th>
                  <th scope="col" className="nhsuk-table__header">Name</th>
                  <th scope="col" className="nhsuk-table__header">Role</th>
                  <th scope="col" className="nhsuk-table__header">Status</th>
                  <th scope="col" className="nhsuk-table__header">Pay</th>
                  <th scope="col" className="nhsuk-table__header">WTE</th>
                  <th scope="col" className="nhsuk-table__header">Start</th>
                  <th scope="col" className="nhsuk-table__header">End</th>
                  <th scope="col" className="nhsuk-table__header">Roadmap</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {preview.posts.map((p, k) => (
                  <tr className="nhsuk-table__row" key={k}>
                    <td className="nhsuk-table__cell">{preview.rows[k]}</td>
                    <td className="nhsuk-table__cell">{p.label || "—"}</td>
                    <td className="nhsuk-table__cell">{roleName(p.role)}</td>
                    <td className="nhsuk-table__cell">{p.status ?? "existing"}</td>
                    <td className="nhsuk-table__cell">
                      {p.band !== undefined && p.point !== undefined ? `Band ${p.band}, point ${p.point}` : p.annualSalary !== undefined ? `${formatPounds(p.annualSalary)} a year full-time${p.band ? ` (band ${p.band})` : ""}` : "—"}
                    </td>
                    <td className="nhsuk-table__cell">{sizeText(p)}</td>
                    <td className="nhsuk-table__cell">{p.start ? formatDate(p.start) : "Start of the plan"}</td>
                    <td className="nhsuk-table__cell">{p.end ? formatDate(p.end) : "Still in post"}</td>
                    <td className="nhsuk-table__cell">{p.firstContact?.roadmap === "qualified" ? "Qualified" : p.firstContact?.roadmap === "in-training" ? "In training" : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {preview ? (
        <p>
          {ready
            ? `These ${preview.posts.length} posts will be added after the scenario's ${existingPosts} post${existingPosts === 1 ? "" : "s"}, and the plan recalculated.`
            : "Nothing is added until every row is good."}
        </p>
      ) : null}
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="button" disabled={!ready || busy} onClick={() => void save()}>
          Add these posts
        </button>
        <Link className="nhsuk-link" href={plannerHref}>
          Back to the planner without adding anything
        </Link>
      </div>
    </div>
  );
}
