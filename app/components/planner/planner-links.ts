// The planner's small helpers: dates for the save status, free ids for new posts and
// supervisors, and the error summary's link for an error path.
import type { ScenarioDraft } from "@/lib/planner/scenario-draft";
import { postFieldId } from "./post-cells";

export const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
export const freeId = (used: Set<string>, prefix: string) => {
  let n = used.size + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
};

/** The error summary's link for an error path. */
export function hrefFor(path: string, d: ScenarioDraft): string {
  const m = /^posts\.(\d+)\.(.+)$/.exec(path);
  if (m) {
    const p = d.posts[Number(m[1])];
    if (p) {
      // Sessions and hours are typed in the WTE cell (its unit chosen beside it).
      const field = m[2] === "sessions" || m[2] === "hoursPerWeek" ? "wte" : m[2]!;
      if (field.startsWith("firstContact.")) return `#fc-${p.key}`;
      // The expected start comes from the posts CSV or the API (no box in the table): its error is about the status.
      if (field === "expectedStart") return `#${postFieldId(p.key, "status")}`;
      return `#${postFieldId(p.key, field)}${["start", "end", "nextPayStep"].includes(field) ? "-day" : ""}`;
    }
  }
  const s = /^supervisors\.(\d+)\.(.+)$/.exec(path);
  if (s) {
    const x = d.supervisors[Number(s[1])];
    if (x) return `#sup-${x.key}-${["name", "kind", "wte"].includes(s[2]!) ? s[2] : "name"}`;
  }
  if (path.startsWith("assumptions.need.")) return `#need-${path.split(".")[2]}`;
  if (path.startsWith("assumptions.supervision.")) return `#assumption-supervision-${path.split(".")[2]}`;
  if (path.startsWith("assumptions.maxReimbursableAnnual.")) return `#assumption-cap-${path.split(".")[2]}`;
  if (path.startsWith("assumptions.")) return `#assumption-${path.split(".")[1]}`;
  if (path === "name" || path === "description" || path === "firstYear" || path === "years") return `#scenario-${path}`;
  return "#planner-posts";
}

