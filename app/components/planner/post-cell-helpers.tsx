"use client";
// The posts table's cell building blocks (labels, error messages, classes) shared by post-cells.tsx
// and post-extra-cells.tsx: every field a real, labelled input with its message beside it.
import type { ReactNode } from "react";
import { ErrorMessage } from "@/app/components/ui/field";
import type { PostDraft } from "@/lib/planner/post-draft";

export interface Row {
  post: PostDraft;
  index: number;
}

export const postFieldId = (key: string, field: string) => `post-${key}-${field.replaceAll(".", "-")}`;
export const postName = (p: PostDraft, index: number) => `post ${index + 1}${p.label ? ` (${p.label})` : ""}`;

export function cellHelpers(errors: Record<string, string>, onChange: (key: string, patch: Partial<PostDraft>) => void) {
  const err = (r: Row, field: string) => errors[`posts.${r.index}.${field}`];
  const label = (text: string, r: Row, field: string, shown = false) =>
    shown ? (
      <label className="nhsuk-label app-cell-label" htmlFor={postFieldId(r.post.key, field)}>
        {text}
        <span className="nhsuk-u-visually-hidden">, {postName(r.post, r.index)}</span>
      </label>
    ) : (
      <label className="nhsuk-u-visually-hidden" htmlFor={postFieldId(r.post.key, field)}>
        {text}, {postName(r.post, r.index)}
      </label>
    );
  const describe = (r: Row, field: string) => (err(r, field) ? { "aria-describedby": `${postFieldId(r.post.key, field)}-error`, "aria-invalid": true as const } : {});
  const message = (r: Row, field: string) => (err(r, field) ? <ErrorMessage id={`${postFieldId(r.post.key, field)}-error`}>{err(r, field)}</ErrorMessage> : null);
  const cls = (base: string, r: Row, field: string, kind: "input" | "select" = "input") => `${base} app-cell-input${err(r, field) ? ` nhsuk-${kind}--error` : ""}`;
  const change = (r: Row, patch: Partial<PostDraft>) => onChange(r.post.key, patch);
  const cell = (r: Row, field: string, children: ReactNode, extra = "") => <div className={`app-cell${extra}${err(r, field) ? " app-cell--error" : ""}`}>{children}</div>;

  return { err, label, describe, message, cls, change, cell };
}
