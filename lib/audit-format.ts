// Audit events in words, for pages (browser-safe: no server imports). The stored form is in
// lib/server/audit.ts; field names are "name", "assumptions.payAward", "posts[ot-1].wte", …
import type { AuditAction, AuditChange } from "@/lib/server/audit";

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "scenario.create": "Created the scenario",
  "scenario.update": "Saved changes",
  "scenario.delete": "Deleted the scenario",
  "scenario.restore": "Restored the scenario",
  "membership.grant": "Gave a role",
  "membership.revoke": "Removed a member",
  "icb-membership.grant": "Gave an ICB role",
  "icb-membership.revoke": "Removed an ICB viewer",
  "user.create": "Created an account",
  "user.remove": "Removed an account",
  "weighted-population.set": "Entered the ICB-confirmed weighted population",
  "scenario.agree": "Marked the scenario as the PCN's agreed plan",
  "scenario.withdraw-agreement": "Withdrew the agreed plan",
  "claims.save": "Saved a month's claims",
  "claims.import": "Imported a month's claims",
};

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  description: "Description",
  firstYear: "First year",
  years: "Years",
  version: "Version",
  deletedAt: "Deleted",
  copiedFrom: "Copied from scenario",
  rolledFrom: "Carried forward from scenario",
  role: "Role",
  email: "Email",
  value: "Weighted population",
  source: "Source",
  note: "Note",
  enteredBy: "Entered by",
  agreedAt: "Agreed plan since",
  agreedPlanChanged: "Changed the agreed plan's figures",
  replacedBy: "Replaced as the agreed plan by scenario",
  replaces: "Replaces the agreed plan",
  reason: "Reason",
};

/** "posts[ot-1].wte" → "Post ot-1: wte"; "assumptions.payAward" → "Assumption: payAward". */
export function auditFieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const item = /^(posts|supervisors|lines)\[(.+?)\](?:\.(.+))?$/.exec(field);
  if (item) return `${item[1] === "posts" ? "Post" : item[1] === "lines" ? "Claim line" : "Supervisor"} ${item[2]}${item[3] ? `: ${item[3]}` : ""}`;
  if (field === "posts (order)") return "Order of posts";
  if (field === "supervisors (order)") return "Order of supervisors";
  if (field.startsWith("assumptions.")) return `Assumption: ${field.slice("assumptions.".length)}`;
  return field;
}

/** A value in words: "—" for nothing, a post as "label (role, WTE)", lists joined, else JSON. */
export function auditValueLabel(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.map(auditValueLabel).join(", ");
  const o = v as Record<string, unknown>;
  if (typeof o.role === "string") {
    const name = typeof o.label === "string" && o.label ? o.label : typeof o.id === "string" ? o.id : "post";
    return `${name} (${o.role}${typeof o.wte === "number" ? `, ${o.wte} WTE` : ""})`;
  }
  if (typeof o.name === "string") return o.name;
  return JSON.stringify(v);
}

export function auditChangeText(c: AuditChange): string {
  return `${auditFieldLabel(c.field)}: ${auditValueLabel(c.before)} → ${auditValueLabel(c.after)}`;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** "1 Dec 2026, 21:36" (UK time). */
export function auditWhen(iso: string): string {
  return when.format(new Date(iso));
}
