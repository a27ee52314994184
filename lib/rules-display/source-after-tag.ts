/**
 * A rule figure's source shown after its status tag on /rules: a leading status word would say it
 * twice ("Derived Derived (re-costed salary basis): …"), so it goes ("Re-costed salary basis: …");
 * "Estimate, unverified: …" becomes "Unverified: …" (not ", unverified: …").
 */
export function sourceAfterTag(source: string): string {
  const m = /^(?:estimated?|derived|third party|assumption|projection)\s*(?:\(([^)]*)\))?\s*[:,;—–-]?\s*/i.exec(source);
  if (!m) return source;
  const rest = source.slice(m[0].length);
  const lead = m[1] ? `${m[1]}${rest ? (m[1].includes(":") ? ". " : ": ") : ""}` : "";
  const out = `${lead}${rest}`;
  return out ? `${out.charAt(0).toUpperCase()}${out.slice(1)}` : source;
}
